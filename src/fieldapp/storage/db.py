"""The local database file: open, migrate, and hand out sessions that write the outbox."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, QueuePool, create_engine, event, exc, select
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.storage import blobs, cipher, migrate, outbox
from fieldapp.storage.models import DeviceState, Setting

DB_FILE_NAME = "fieldapp.sqlite"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit survives a power cut, not only a crash; the cost is one more fsync
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA busy_timeout = 5000")
    # deleted rows are overwritten, not left in free pages (retention and wipe rely on it)
    cur.execute("PRAGMA secure_delete = ON")
    cur.close()


def make_engine(db_path: Path, key: bytes | None = None) -> Engine:
    """An engine on the ledger file; with `key`, a SQLCipher-encrypted file (raw 256-bit key)."""
    if key is None:
        # the same SQLite library as for encrypted files: two copies of SQLite in one process do
        # not see each other's file locks
        engine = create_engine(f"sqlite:///{db_path.as_posix()}", module=cipher.dbapi)
    else:
        url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(db_path))
        # QueuePool as for plain SQLite files (the dialect's default is one connection per thread)
        engine = create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    device: outbox.DeviceClock
    backup: Path | None = None  # the copy made before this start's migration, if any
    key: bytes | None = field(default=None, repr=False)  # SQLCipher key; None: a plaintext file

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "backups"

    @property
    def device_id(self) -> str:
        return self.device.device_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception."""
        with self.sessions() as s, s.begin():
            yield s

    def check(self) -> list[str]:
        """Problems found by reading every page: SQLCipher's per-page MAC (a changed byte
        anywhere in an encrypted file is found) and SQLite's own integrity check. [] when sound."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            if self.key is not None:
                problems += [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            try:
                found = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            except exc.DatabaseError as e:
                found = [str(e.orig)]
            problems += [p for p in found if p != "ok"]
        return problems

    def close(self) -> None:
        self.engine.dispose()


def _apply_region(session: Session) -> None:
    """The region this ledger works in (services.region stores it) becomes the active one."""
    from fieldapp.domain import divisions
    from fieldapp.domain.errors import ValidationError

    row = session.get(Setting, "active_region")
    try:
        divisions.set_active_region(row.value if row is not None else divisions.DEFAULT_REGION)
    except ValidationError:
        divisions.set_active_region(divisions.DEFAULT_REGION)


def open_database(data_dir: Path, key: bytes | None = None) -> Database:
    """Open (creating if needed) the database in data_dir, migrating it after a backup.

    With `key` the file is SQLCipher-encrypted: a new ledger is created encrypted, and a
    plaintext one (from before encryption existed) is encrypted in place first, backups too.
    Without `key` only a plaintext file can be opened (tests, tools); the app and the CLI always
    pass the key that `fieldapp.security.vault` unwrapped from the cadre's password.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILE_NAME
    cipher.finish_interrupted(db_path)
    migrate.finish_interrupted_upgrade(db_path)
    if key is None and cipher.is_encrypted(db_path):
        raise migrate.StorageError(
            f"数据库文件 {db_path} 已加密（或已损坏），需要先输入密码（命令行可用 --password-file 或 "
            f"FIELDAPP_PASSWORD）。如果确实已损坏，请不要删除它，可从 {data_dir / 'backups'} 中的备份恢复。"
        )
    if key is not None:
        try:
            cipher.encrypt_in_place(db_path, key, data_dir / "backups")
            blobs.encrypt_folder(data_dir / "attachments", key)
        except cipher.InUse as e:
            raise migrate.StorageError(
                "台账正在被另一个 fieldapp 窗口或程序使用，无法加密。请关闭其他 fieldapp 窗口后再打开。"
            ) from e
        except (cipher.CipherError, OSError, sqlite3.DatabaseError, cipher.dbapi.DatabaseError) as e:
            raise migrate.StorageError(
                f"加密数据库时出错（{e}），原来的数据没有改动。请检查磁盘空间后重新打开；"
                "如果反复出现，请联系市总工会技术人员。"
            ) from e
    engine = make_engine(db_path, key)
    try:
        backup = migrate.upgrade(engine, db_path, data_dir / "backups", key)
    except exc.DatabaseError as e:
        engine.dispose()
        if key is not None and cipher.is_encrypted(db_path):
            raise migrate.StorageError(
                f"数据库文件 {db_path} 无法用本机的密钥解开：文件可能已损坏、被改动，或被换成了别处的文件。"
                f"数据没有被改动；可从 {data_dir / 'backups'} 中的备份恢复，或联系市总工会技术人员。"
            ) from e
        raise migrate.StorageError(
            f"数据库文件 {db_path} 已损坏或不是 fieldapp 的数据文件，无法打开（{e.orig}）。"
            f"请不要删除它；可从 {data_dir / 'backups'} 中的备份恢复，或联系市总工会技术人员。"
        ) from e
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as s, s.begin():
        state = s.scalar(select(DeviceState))
        if state is None:
            state = DeviceState(device_id=str(uuid.uuid4()), instance_nonce=str(uuid.uuid4()))
            s.add(state)
        device_id = state.device_id
        last = outbox.last_hlc(s)
        _apply_region(s)
    device = outbox.DeviceClock(device_id, last)
    outbox.install(factory, device)
    return Database(db_path, engine, factory, device, backup, key)
