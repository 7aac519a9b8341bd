"""Automatic backups into a second location the cadre chooses (settings kept in the ledger).

On start-up and after every `every_hours` hours of work the app writes a whole, verified,
encrypted backup (``storage/backups.py``) into the chosen folder or USB stick and keeps the last
`keep`; a failure is reported in Chinese and never touches the ledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.errors import RuleViolation
from fieldapp.security import vault
from fieldapp.services.settings import _get, _put
from fieldapp.storage import backups
from fieldapp.storage.db import Database

TARGET_KEY = "backup_target"
EVERY_KEY = "backup_every_hours"
KEEP_KEY = "backup_keep"
LAST_KEY = "backup_last_at"
EVERY_RANGE = (1, 24 * 7)  # hours between automatic backups
KEEP_RANGE = (1, 100)  # backups kept in the chosen location


class BackupSettingsError(RuleViolation, backups.BackupError):
    """A refused backup setting; `field` names it (backup_target, backup_every_hours, backup_keep)."""


@dataclass(frozen=True)
class BackupSettings:
    target: Path | None  # None: not chosen yet (no automatic backups)
    every_hours: int = backups.DEFAULT_EVERY_HOURS
    keep: int = backups.DEFAULT_KEEP
    last_at: dt.datetime | None = None


def get_settings(db: Database) -> BackupSettings:
    with db.session() as s:
        target, every, keep, last = (_get(s, k) for k in (TARGET_KEY, EVERY_KEY, KEEP_KEY, LAST_KEY))
    return BackupSettings(
        Path(target) if target else None,
        int(every) if every else backups.DEFAULT_EVERY_HOURS,
        int(keep) if keep else backups.DEFAULT_KEEP,
        dt.datetime.fromisoformat(last) if last else None,
    )


def set_settings(db: Database, target: Path | None, every_hours: int, keep: int) -> BackupSettings:
    """Keep the second location, the interval and how many backups to keep (in the ledger).

    A new location gets its first backup at the next check (the interval starts again there)."""
    if not EVERY_RANGE[0] <= every_hours <= EVERY_RANGE[1]:
        raise BackupSettingsError("backup_every_hours", "自动备份的间隔应为 1 到 168 小时。")
    if not KEEP_RANGE[0] <= keep <= KEEP_RANGE[1]:
        raise BackupSettingsError("backup_keep", "保留的备份份数应为 1 到 100。")
    if target is not None:
        target = target.expanduser().absolute()
        if target == db.path.parent.absolute() or db.path.parent.absolute() in target.parents:
            raise BackupSettingsError(
                "backup_target", "备份位置不能在数据文件夹里面：请选另一个文件夹或U盘。"
            )
    before = get_settings(db).target
    with db.session() as s:
        if target != before:
            _put(s, LAST_KEY, "")  # the new location has no backup yet: due at once
        _put(s, TARGET_KEY, str(target) if target else "")
        _put(s, EVERY_KEY, str(every_hours))
        _put(s, KEEP_KEY, str(keep))
    return get_settings(db)


def back_up_now(db: Database, target: Path | None = None, keep: int | None = None) -> Path:
    """A whole backup into `target` (default: the chosen second location)."""
    cfg = get_settings(db)
    where = target or cfg.target
    if where is None:
        raise backups.BackupError("还没有选择备份位置：请在 文件 → 设置 中选择另一个文件夹或U盘。")
    path = backups.make_backup(
        db.path.parent,
        db.key,
        where,
        keep=keep or cfg.keep,
        device_id=db.device_id,
        key_id=vault.key_id(db.key) if db.key is not None else "",
    )
    if target is None:
        with db.session() as s:
            _put(s, LAST_KEY, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    return path


def due(db: Database, now: dt.datetime | None = None) -> bool:
    """Whether the automatic backup should run (a location chosen, interval passed)."""
    cfg = get_settings(db)
    if cfg.target is None:
        return False
    if cfg.last_at is None:
        return True
    return (now or dt.datetime.now(dt.UTC)) - cfg.last_at >= dt.timedelta(hours=cfg.every_hours)
