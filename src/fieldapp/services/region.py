"""The active region of this device: the province, city or county the cadre works in.

Chosen at enrolment (the first-run wizard calls `region_choices` and `set_region`) or sent by
headquarters in a sync reply (kind `region`, docs/sync-protocol.md). Stored in the ledger's
`setting` table under `active_region` and applied whenever the ledger is opened; the
pick-lists, validation of village codes and the importer then use that region's divisions.
Without a stored region the device works in Linyi City (3713), as the demo data does.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldapp.domain import divisions as div
from fieldapp.domain.errors import ValidationError
from fieldapp.storage.db import Database
from fieldapp.storage.models import Setting

REGION_KEY = "active_region"


@dataclass(frozen=True)
class RegionChoice:
    code: str  # 2, 4 or 6 digits
    name: str  # its own name: 临沂市
    full_name: str  # 山东省临沂市


def region_choices(parent: str = "") -> list[RegionChoice]:
    """The provinces (parent ""), the cities of a province (2 digits) or the counties of a city
    (4 digits), in code order, for a picker that narrows down step by step."""
    nat = div.national()
    want = {0: 2, 2: 4, 4: 6}.get(len(parent))
    if want is None:
        return []
    return [
        RegionChoice(code, name, nat.full_name(code))
        for code, name in sorted(nat.upper.items())
        if len(code) == want and code.startswith(parent)
    ]


def active_region(db: Database) -> RegionChoice:
    """The region stored in this ledger (the default when none is), also made active."""
    with db.session() as s:
        code = apply_stored(s)
    return RegionChoice(code, div.region_short_name(code), div.region_name(code))


def apply_stored(session: Session) -> str:
    """Make the stored region active; the default region when none or an unusable one is stored."""
    row = session.get(Setting, REGION_KEY)
    code = row.value if row is not None else div.DEFAULT_REGION
    try:
        div.set_active_region(code)
    except ValidationError:
        div.set_active_region(div.DEFAULT_REGION)
    return div.active_region_code()


def store(session: Session, code: str) -> str:
    """Check, store and apply a region inside an open session; ValidationError when unusable."""
    code = div.check_region(code)
    row = session.get(Setting, REGION_KEY)
    if row is None:
        session.add(Setting(key=REGION_KEY, value=code))
    else:
        row.value = code
    div.set_active_region(code)
    return code


def set_region(db: Database, code: str) -> RegionChoice:
    """Choose the region this device works in (enrolment); ValidationError names a bad code."""
    with db.session() as s:
        store(s, code)
    return active_region(db)
