"""Headquarters sends a device (or every device) the region it works in: reply kind `region`.

The body is `{"code": "3713"}` — a province, city or county code of the national division data
(docs/sync-protocol.md). The code is checked here first, so a typing error never reaches a device.
"""

from __future__ import annotations

from fieldapp.domain import divisions
from fieldapp.hq.store import HQ


def send_region(hq: HQ, code: str, device_id: str = "*") -> str:
    """Queue the region for one device, or for every device ("*"); the region's full name.

    Raises ValidationError (nothing queued) when the code is not a province, city or county.
    """
    code = divisions.check_region(code)
    hq.add_outgoing(device_id, "region", {"code": code})
    return divisions.region_name(code)
