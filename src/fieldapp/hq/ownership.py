"""Who may write a household's single-writer rows at ingest (issue 12).

A household belongs to the device that created it, or to the device headquarters last handed it
to. A change of a single-writer row (household, member, pairing, visit, referral) sent by any
other device is not applied: it is kept as a `not_owner` conflict for headquarters to decide.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.hq.models import Record

CHUNK = 400


def owners(
    s: Session,
    sender: str,
    households: dict[int, str],
    changes: list[dict[str, Any]],
    handed: dict[str, str],
) -> dict[str, str]:
    """The owner device of each household the batch touches, where headquarters can tell:
    the last handover, else the household's stored owner, else the sender if this very batch
    creates the household. A household headquarters has never seen is absent (no judgement)."""
    ids = sorted(set(households.values()) - {""})
    out = {hid: handed[hid] for hid in ids if hid in handed}
    rest = [hid for hid in ids if hid not in out]
    for i in range(0, len(rest), CHUNK):
        part = rest[i : i + CHUNK]
        for rec in s.scalars(select(Record).where(Record.entity == "household", Record.row_id.in_(part))):
            out[rec.row_id] = str(json.loads(rec.data).get("owner_device") or rec.device_id)
    created_here = {str(c["row_id"]) for c in changes if c["entity"] == "household"}
    for hid in rest:
        if hid not in out and hid in created_here:
            out[hid] = sender
    return out
