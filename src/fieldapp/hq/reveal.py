"""Full ID and phone numbers of one household, shown once on its file and written to the audit log.

Lists and files show numbers masked (371324********123X, 138****1234). A clerk who needs a
number — to ring the family, to check a certificate — presses 显示完整号码: the answer to that
POST carries the numbers, the audit log says who saw whose, and the next view is masked again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import and_, select

from fieldapp.hq import accounts, ledger
from fieldapp.hq.accounts import Staff
from fieldapp.hq.models import LedgerRow, Record

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ


def revealed_file(hq: HQ, staff: Staff, household_id: str, client: str = "") -> ledger.HouseholdFile | None:
    """The household's file with full numbers, or None when the account may not see it (404)."""
    from fieldapp.hq import actions

    actions.check(staff, "reveal")
    found = ledger.household_file(hq, staff, household_id)
    if found is None:
        return None
    with hq.session() as s:
        home = s.get(Record, (household_id, "household"))
        phone = str(json.loads(home.data).get("phone") or "") if home is not None else ""
        q = (
            select(Record.data)
            .join(LedgerRow, and_(LedgerRow.row_id == Record.row_id, LedgerRow.entity == Record.entity))
            .where(LedgerRow.household_id == household_id, Record.entity == "member", Record.deleted == 0)
        )
        members = ledger.sorted_rows([json.loads(d) for d in s.scalars(q)], "created_at")
    ids = [str(m.get("id_number") or "") for m in members]
    if len(ids) == len(found.members):  # the same rows in the same order as the file's
        for shown, full in zip(found.members, ids, strict=True):
            shown.id_masked = full or shown.id_masked
    if phone:
        found.summary.phone_masked = phone
    accounts.record(hq, staff, "reveal", found.summary.code, "身份证号、电话", client)
    return found
