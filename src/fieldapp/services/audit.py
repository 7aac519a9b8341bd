"""The audit log: who handled whose personal information, how and when (append-only, synced).

Every entry goes through :func:`log`, in its own transaction, so a view or a reveal is recorded
even when nothing else changes. The detail text names forms, counts and places — never an ID
number, a phone number or a health detail (those stay in the records the entry points to).
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain.vocab import AuditAction
from fieldapp.services import settings
from fieldapp.storage.db import Database
from fieldapp.storage.models import AuditEvent, Cadre, Household, SyncBatch


def actor_name(db: Database) -> tuple[str, str | None]:
    """(name, cadre id) of who is at the keyboard: the device's current cadre, else the OS user."""
    cadre_id = settings.current_cadre_id(db)
    if cadre_id:
        with db.session() as s:
            cadre = s.get(Cadre, cadre_id)
            if cadre is not None and not cadre.deleted:
                return cadre.name, cadre_id
    try:
        return getpass.getuser(), None
    except (KeyError, OSError):  # no user name on some Windows set-ups
        return "", None


def log(
    db: Database,
    action: AuditAction | str,
    *,
    household_id: str | None = None,
    record_id: str | None = None,
    detail: str = "",
    actor: str | None = None,
) -> str:
    """Record one audit entry; returns its id."""
    name, cadre_id = actor_name(db)
    with db.session() as s:
        event = AuditEvent(
            actor=(actor if actor is not None else name)[:50],
            cadre_id=cadre_id,
            action=AuditAction(action),
            household_id=household_id,
            record_id=record_id,
            detail=detail[:500],
        )
        s.add(event)
        s.flush()
        return event.id


def entry(
    db: Database,
    action: AuditAction | str,
    *,
    household_id: str | None = None,
    record_id: str | None = None,
    detail: str = "",
) -> AuditEvent:
    """An entry for the caller to add to its own transaction: a correction and its audit
    record are written together or not at all."""
    name, cadre_id = actor_name(db)
    return AuditEvent(
        actor=name[:50],
        cadre_id=cadre_id,
        action=AuditAction(action),
        household_id=household_id,
        record_id=record_id,
        detail=detail[:500],
    )


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    actor: str
    action: AuditAction
    household: str  # the head's name, or "" when the entry concerns no household
    detail: str


def recent(db: Database, *, household_id: str | None = None, limit: int = 200) -> list[AuditRow]:
    """The latest entries, newest first (for the audit screen and for headquarters' questions)."""
    with db.session() as s:
        query = (
            select(AuditEvent, Household)
            .outerjoin(Household, Household.id == AuditEvent.household_id)
            .order_by(AuditEvent.at.desc(), AuditEvent.hlc.desc())
            .limit(limit)
        )
        if household_id is not None:
            query = query.where(AuditEvent.household_id == household_id)
        rows = []
        for event, household in s.execute(query):
            head = household.head if household is not None else None
            rows.append(
                AuditRow(
                    event.at, event.actor, event.action, head.name if head is not None else "", event.detail
                )
            )
        if household_id is None:
            # syncing is accounted by the batches themselves (and by headquarters' receipts): an
            # audit row per sync would itself wait for the next sync and never let the count reach 0
            for b in s.scalars(select(SyncBatch).order_by(SyncBatch.created_at.desc()).limit(limit)):
                state = f"市总已确认（{_local(b.acked_at)}）" if b.acked_at else "待市总确认"
                detail = f"第 {b.seq} 批，{b.changes} 条修改，{state}"
                rows.append(AuditRow(b.created_at, "", AuditAction.SYNC, "", detail))
            rows.sort(key=lambda r: r.at, reverse=True)
        return rows[:limit]


def _local(t: dt.datetime) -> str:
    return t.astimezone().strftime("%Y-%m-%d %H:%M")
