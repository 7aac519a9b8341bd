"""Alembic migrations shipped inside the package and applied at start-up, after a backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from fieldapp.domain.errors import DomainError
from fieldapp.storage import cipher

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 10


def alembic_config() -> Config:
    """Alembic settings; the connection is handed over in ``cfg.attributes``, never as a URL.

    Config values go through configparser interpolation, so a ``%`` in a path would break it;
    the database URL (which may hold a key or any folder name) is therefore never put there.
    """
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


class StorageError(DomainError):
    """The database file cannot be used as it is; the message says why and what to do."""


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(db_path: Path, backup_dir: Path, label: str, key: bytes | None = None) -> Path:
    """Consistent copy (safe with WAL and open readers); encrypted with `key` like the ledger."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_path.stem}-{stamp}-{label}.sqlite"
    if key is not None:
        cipher.export(db_path, key, target, key)
        _prune(db_path, backup_dir)
        return target
    src = cipher.connect(db_path, None)
    try:
        dst = cipher.connect(target, None)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _prune(db_path, backup_dir)
    return target


def _prune(db_path: Path, backup_dir: Path) -> None:
    backups = sorted(backup_dir.glob(f"{db_path.stem}-*.sqlite"))
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


def upgrade(
    engine: Engine, db_path: Path | None, backup_dir: Path | None, key: bytes | None = None
) -> Path | None:
    """Bring the schema to head; back the file up first when it already holds a schema.

    Returns the backup's path, or None when no backup was needed (new file or up to date).
    """
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None and current not in _known_revisions():
        raise StorageError(
            f"数据库文件的版本（{current}）比本程序新，可能是在更新版本的 fieldapp 中使用过。"
            "请安装最新版本的 fieldapp 后再打开；数据没有被改动。"
        )
    backup: Path | None = None
    if current is not None and db_path is not None and backup_dir is not None and db_path.exists():
        backup = backup_sqlite(db_path, backup_dir, f"before-{head}", key)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
