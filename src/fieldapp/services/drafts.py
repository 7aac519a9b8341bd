"""Drafts of forms being typed, saved while typing so a crash or a power cut loses nothing.

A draft lives in the `draft` table (not synced: it is this laptop's unfinished work) under a key
such as ``visit:<household id>``; saving the real record discards it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fieldapp.storage.base import utcnow
from fieldapp.storage.db import Database
from fieldapp.storage.models import Draft


@dataclass(frozen=True)
class SavedDraft:
    key: str
    kind: str
    payload: dict[str, Any]
    updated_at: dt.datetime


def save_draft(db: Database, key: str, kind: str, payload: dict[str, Any]) -> None:
    """Insert or replace the draft under `key` (one small transaction, committed at once)."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    with db.session() as s:
        row = s.get(Draft, key)
        if row is None:
            s.add(Draft(key=key, kind=kind, payload=text, updated_at=utcnow()))
        else:
            row.kind = kind
            row.payload = text
            row.updated_at = utcnow()


def load_draft(db: Database, key: str) -> SavedDraft | None:
    with db.session() as s:
        row = s.get(Draft, key)
        if row is None:
            return None
        return SavedDraft(row.key, row.kind, json.loads(row.payload), row.updated_at)


def discard_draft(db: Database, key: str) -> None:
    with db.session() as s:
        row = s.get(Draft, key)
        if row is not None:
            s.delete(row)


def list_drafts(db: Database, kind: str | None = None) -> list[SavedDraft]:
    with db.session() as s:
        q = select(Draft).order_by(Draft.updated_at.desc())
        if kind:
            q = q.where(Draft.kind == kind)
        return [SavedDraft(r.key, r.kind, json.loads(r.payload), r.updated_at) for r in s.scalars(q)]
