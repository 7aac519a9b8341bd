"""The local database file: open, migrate, and hand out sessions that write the outbox."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, select
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.storage import migrate, outbox
from fieldapp.storage.models import DeviceState

DB_FILE_NAME = "fieldapp.sqlite"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit survives a power cut, not only a crash; the cost is one more fsync
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path.as_posix()}")
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    device: outbox.DeviceClock
    backup: Path | None = None  # the copy made before this start's migration, if any

    @property
    def device_id(self) -> str:
        return self.device.device_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception."""
        with self.sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) the database in data_dir, migrating it after a backup."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILE_NAME
    engine = make_engine(db_path)
    try:
        backup = migrate.upgrade(engine, db_path, data_dir / "backups")
    except exc.DatabaseError as e:
        engine.dispose()
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
    device = outbox.DeviceClock(device_id, last)
    outbox.install(factory, device)
    return Database(db_path, engine, factory, device, backup)
