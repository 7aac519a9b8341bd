"""Devices by name, now that their names are sealed (migration 0014): opened in Python, never in SQL.

A device's name (county and cadre, 兰陵县-王芳) is a `Sealed` column bound to its device id, so SQL
can neither compare nor sort it. Headquarters has one device per cadre — hundreds at most — so
finding a device by name (`revoke`, handover and reference targets) and listing devices by name
open every device's name in Python: one scan of a small table and a few hundred AEAD openings
(docs/performance.md has the figure). No blind index is kept:
the console's devices page lists every device and has no search box, and a keyed hash of the
names would show which devices share a name and need recomputing at every key rotation.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.hq.models import Device


def ordered(s: Session) -> list[Device]:
    """Every device (revoked ones included), by name then id."""
    return sorted(s.scalars(select(Device)), key=lambda d: (d.name, d.device_id))


def matching(s: Session, name_or_id: str) -> list[Device]:
    """The devices whose id or name is exactly this (revoked ones included), by name then id."""
    return [d for d in ordered(s) if name_or_id in (d.device_id, d.name)]
