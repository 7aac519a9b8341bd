"""Current records found through the ledger's own tables, never by looking inside their JSON in SQL.

`Record.data` is sealed (hq/sealed.py): a `LIKE '%"household_id":"…"%'` over it finds nothing.
A row's household is in hq_ledger_row (kept at ingest by hq.ledger_index), a household's paired
cadre in hq_household_index; the rows found are opened in Python and filtered there.
"""

from __future__ import annotations

import json

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from fieldapp.hq.models import HouseholdIndex, LedgerRow, Record


def of_household(s: Session, household_id: str, entity: str) -> list[Record]:
    """The household's current records of one entity, oldest change first."""
    q = (
        select(Record)
        .join(LedgerRow, and_(LedgerRow.row_id == Record.row_id, LedgerRow.entity == Record.entity))
        .where(LedgerRow.household_id == household_id, LedgerRow.entity == entity)
        .order_by(Record.hlc)
    )
    return list(s.scalars(q))


def referral_events(s: Session, referral_id: str) -> list[Record]:
    """The status events of one referral (deleted ones included), oldest change first."""
    home = s.get(LedgerRow, (referral_id, "referral"))
    if home is None:
        return []
    return [
        rec
        for rec in of_household(s, home.household_id, "referral_event")
        if str(json.loads(rec.data).get("referral_id")) == referral_id
    ]


def pairings_of_cadre(s: Session, cadre_id: str) -> list[Record]:
    """The live pairings of a cadre, looked up through the households the index pairs with them."""
    homes = list(s.scalars(select(HouseholdIndex.household_id).where(HouseholdIndex.cadre_id == cadre_id)))
    out = []
    for hid in homes:
        for rec in of_household(s, hid, "pairing"):
            if not rec.deleted and str(json.loads(rec.data).get("cadre_id")) == cadre_id:
                out.append(rec)
    return out
