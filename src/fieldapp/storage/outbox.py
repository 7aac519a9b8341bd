"""The outbox: every committed change to a synchronised row, written in the same transaction.

A `before_flush` hook stamps each new or changed row with the device, a hybrid-logical-clock
stamp and a version, and adds an OutboxEntry holding the row as JSON. Because the entry is
part of the same flush, the change and its outbox entry commit or vanish together. Hard
deletes are refused: a deletion is a tombstone (`deleted = True`) and syncs like an update.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.storage.base import Synced, new_uuid, utcnow
from fieldapp.storage.models import OutboxEntry


class HardDeleteRefused(RuntimeError):
    pass


class DeviceClock:
    """The device id and its clock, shared by every session of one database."""

    def __init__(self, device_id: str, last_hlc: int = 0) -> None:
        self.device_id = device_id
        self.clock = HybridLogicalClock(last_hlc)


def row_to_dict(obj: Synced) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {col.key: to_json_value(getattr(obj, col.key)) for col in mapper.column_attrs}


def to_json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _apply_scalar_defaults(obj: Synced) -> None:
    """Fill Python-side scalar defaults now, so the outbox payload shows the stored row."""
    for col_attr in inspect(obj).mapper.column_attrs:
        column = col_attr.columns[0]
        default = column.default
        if getattr(obj, col_attr.key) is None and default is not None and default.is_scalar:
            setattr(obj, col_attr.key, default.arg)


def _has_changes(session: Session, obj: Synced) -> bool:
    state = inspect(obj)
    return any(state.attrs[a.key].history.has_changes() for a in state.mapper.column_attrs)


def _before_flush(session: Session, _flush_context: object, _instances: object) -> None:
    device: DeviceClock | None = session.info.get("device")
    if device is None:
        return  # sessions of tools that do not write synchronised rows (HQ, migrations)
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise HardDeleteRefused(
                f"{type(obj).__name__} rows are never deleted; set deleted=True (a tombstone)"
            )
    now = utcnow()
    entries: list[OutboxEntry] = []
    for obj in list(session.new):
        if not isinstance(obj, Synced):
            continue
        if obj.id is None:
            obj.id = new_uuid()
        if obj.origin_device is None:
            obj.origin_device = device.device_id
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.version = 1
        obj.deleted = bool(obj.deleted)
        obj.hlc = device.clock.now()
        _apply_scalar_defaults(obj)
        entries.append(_entry(obj, "insert"))
    for obj in list(session.dirty):
        if not isinstance(obj, Synced) or not _has_changes(session, obj):
            continue
        if getattr(obj, "__sync_kind__", "") == "append-only" and not obj.deleted:
            raise HardDeleteRefused(f"{type(obj).__name__} is append-only: record a new one instead")
        obj.updated_at = now
        obj.version = (obj.version or 0) + 1
        obj.hlc = device.clock.now()
        entries.append(_entry(obj, "delete" if obj.deleted else "update"))
    session.add_all(entries)


def _entry(obj: Synced, op: str) -> OutboxEntry:
    return OutboxEntry(
        entity=type(obj).__tablename__,  # type: ignore[attr-defined]
        row_id=obj.id,
        op=op,
        hlc=obj.hlc,
        version=obj.version,
        payload=json.dumps(row_to_dict(obj), ensure_ascii=False, sort_keys=True),
        created_at=utcnow(),
    )


def install(factory: sessionmaker[Session], device: DeviceClock) -> None:
    factory.kw.setdefault("info", {})["device"] = device
    event.listen(factory, "before_flush", _before_flush)


def last_hlc(session: Session) -> int:
    return int(session.scalar(select(func.max(OutboxEntry.hlc))) or 0)
