"""The re-survey campaign received from headquarters, kept in the ledger's settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import campaign as rules
from fieldapp.domain.campaign import Campaign
from fieldapp.storage.db import Database
from fieldapp.storage.models import Household, Setting

KEY = "campaign"


def stored(s: Session) -> Campaign | None:
    row = s.get(Setting, KEY)
    return rules.parse(row.value) if row is not None else None


def receive(s: Session, body: object) -> Campaign | None:
    """Keep a campaign from headquarters' reply if it is well formed and the newest; the one kept
    (None when the body was malformed or older than the one held)."""
    candidate = rules.parse(body)
    if candidate is None or not rules.newer(candidate, stored(s)):
        return None
    row = s.get(Setting, KEY)
    if row is None:
        s.add(Setting(key=KEY, value=candidate.to_json()))
    else:
        row.value = candidate.to_json()
    return candidate


def current(db: Database) -> Campaign | None:
    """The campaign this device works to: the newest received, if it covers its households'
    counties (a campaign for other counties leaves the local re-survey setting in force)."""
    with db.session() as s:
        found = stored(s)
        if found is None or not found.counties:
            return found
        villages = s.scalars(select(Household.village_code).where(Household.deleted.is_(False)).distinct())
        counties = {v[:6] for v in villages if v}
    return found if found.covers(counties) else None
