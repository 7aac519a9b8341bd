"""Alembic migrations shipped inside the package and applied at start-up, after a backup."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from fieldapp.domain.errors import DomainError
from fieldapp.storage import cipher
from fieldapp.storage.files import fsync_dir, write_atomic

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 10
UPGRADE_MARK_SUFFIX = ".upgrading"  # names the backup taken before an upgrade still under way


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
    mark: Path | None = None
    if current is not None and db_path is not None and backup_dir is not None and db_path.exists():
        backup = backup_sqlite(db_path, backup_dir, f"before-{head}", key)
        # SQLite runs some DDL outside the transaction: should the process die mid-upgrade, the
        # next start puts this backup back (finish_interrupted_upgrade) and upgrades again
        mark = upgrade_mark(db_path)
        write_atomic(mark, str(backup.resolve()).encode("utf-8"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    if mark is not None:
        mark.unlink()
        fsync_dir(mark.parent)
    return backup


def upgrade_mark(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + UPGRADE_MARK_SUFFIX)


def finish_interrupted_upgrade(db_path: Path) -> Path | None:
    """After an upgrade that did not finish (power cut, kill -9): put back the backup taken just
    before it, so that this start upgrades a whole file again. Returns that backup, or None."""
    mark = upgrade_mark(db_path)
    if not mark.exists():
        return None
    try:
        backup = Path(mark.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError) as e:
        raise StorageError(
            f"上次升级台账时被中断，无法读取 {mark}（{e}）。请不要删除任何文件，联系市总工会技术人员。"
        ) from e
    if not backup.is_file():
        raise StorageError(
            f"上次升级台账时被中断，但升级前的备份 {backup} 不见了。请不要删除任何文件，"
            "把数据文件夹交给市总工会技术人员处理。"
        )
    replace_file(backup, db_path)
    mark.unlink()
    fsync_dir(mark.parent)
    return backup


def replace_file(source: Path, db_path: Path) -> None:
    """Put a copy of a database file (a backup, same key) in the place of the ledger, atomically:
    a crash leaves the old file or the new one, and never a journal of the old one beside the new."""
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        shutil.copyfile(source, partial)
        with partial.open("rb") as f:
            os.fsync(f.fileno())
        for stale in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + stale).unlink(missing_ok=True)
        os.replace(partial, db_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(db_path.parent)
