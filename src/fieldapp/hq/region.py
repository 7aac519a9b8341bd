"""Headquarters sends a device (or every device) the region it works in: reply kind `region`.

The body is `{"code": "3713"}` — a province, city or county code of the national division data
(docs/sync-protocol.md). The code is checked here first, so a typing error never reaches a device.

Headquarters itself serves one region too (the city federation's city, by default Linyi): sent to
every device it is also kept as headquarters' own region (HQMeta "region") and applied whenever the
database is opened, so county lists, county accounts and the unit named on reports follow it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from fieldapp.domain import divisions
from fieldapp.domain.errors import ValidationError
from fieldapp.hq.models import HQMeta

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

META_KEY = "region"


def send_region(hq: HQ, code: str, device_id: str = "*") -> str:
    """Queue the region for one device, or for every device ("*"); the region's full name.

    Raises ValidationError (nothing queued) when the code is not a province, city or county.
    """
    code = divisions.check_region(code)
    hq.add_outgoing(device_id, "region", {"code": code})
    return divisions.region_name(code)


def keep(s: Session, code: str) -> None:
    """Store (and apply) headquarters' own region; `code` already checked."""
    meta = s.get(HQMeta, META_KEY)
    if meta is None:
        s.add(HQMeta(key=META_KEY, value=code.encode()))
    else:
        meta.value = code.encode()
    divisions.set_active_region(code)


def apply_stored(s: Session) -> str:
    """Make headquarters' stored region the active one (the default when none is stored)."""
    meta = s.get(HQMeta, META_KEY)
    code = meta.value.decode() if meta is not None else divisions.DEFAULT_REGION
    try:
        divisions.set_active_region(code)
    except ValidationError:
        divisions.set_active_region(divisions.DEFAULT_REGION)
    return divisions.active_region_code()


def union_name() -> str:
    """The federation headquarters is: 临沂市总工会 for the default region."""
    return f"{divisions.region_short_name()}总工会"
