"""Which data key a headquarters uses, and the check that it is this database's key.

The key file is found by `--key-file`, else FIELDAPP_HQ_KEY_FILE, else `hq.key` beside a SQLite
database (PostgreSQL needs it said). At start (`HQ.init`), before any migration runs, the key
is checked against `hq_meta.data_key_check` — a constant sealed by the migration that turned
encryption on (0006): a wrong key or passphrase stops the start with a Chinese message and
touches nothing. A database with no check yet (new, or from before encryption) gets a new key
file if none exists; migration 0006 then seals everything under it.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from fieldapp.hq.sealed import (
    PASSPHRASE_ENV,
    HQKeyError,
    Keyring,
    SealedDataError,
    attach,
    default_key_file,
    read_key_file,
    write_key_file,
)

CHECK_KEY = "data_key_check"
CHECK_LABEL = "hq_meta.data_key_check"
CHECK_PLAIN = b"fieldapp-hq data key check v1"


class KeyHolder:
    def __init__(self, url: str, key_file: Path | None = None, passphrase: str | None = None) -> None:
        self.path = key_file or default_key_file(url)
        self.passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
        self._ring: Keyring | None = None

    def bind(self, engine: Engine) -> None:
        attach(engine.dialect, self.ring)

    def need_path(self) -> Path:
        if self.path is None:
            raise HQKeyError(
                "使用 PostgreSQL 时必须用 --key-file 或环境变量 FIELDAPP_HQ_KEY_FILE 指定总部数据密钥文件"
                "（第一次由 fieldapp-hq init 建立）。"
            )
        return self.path

    def ring(self) -> Keyring:
        if self._ring is None:
            self._ring = read_key_file(self.need_path(), self.passphrase)
        return self._ring

    def reload(self) -> Keyring:
        self._ring = None
        return self.ring()

    def prepare(self, engine: Engine) -> None:
        """Before migrations: the key must open this database's check; a new database gets a key."""
        check = stored_check(engine)
        path = self.need_path()
        if check is None and not path.exists():
            write_key_file(path, Keyring.generate(), self.passphrase)
        ring = self.ring()
        if check is not None:
            try:
                ok = ring.open_bytes(check, CHECK_LABEL) == CHECK_PLAIN
            except SealedDataError:
                ok = False
            if not ok:
                self._ring = None
                raise HQKeyError(
                    f"总部数据密钥不正确：密钥文件 {path} 不是这个数据库的密钥（或口令不对）。"
                    "服务没有启动，数据没有被改动。请用 --key-file 指定正确的密钥文件。"
                )


def stored_check(engine: Engine) -> bytes | None:
    with engine.connect() as conn:
        return stored_check_on(conn)


def stored_check_on(conn: Connection) -> bytes | None:
    if not inspect(conn).has_table("hq_meta"):
        return None
    value = conn.execute(text("SELECT value FROM hq_meta WHERE key = :k"), {"k": CHECK_KEY}).scalar()
    return bytes(value) if value is not None else None


def new_check(ring: Keyring) -> bytes:
    return ring.seal_bytes(CHECK_PLAIN, CHECK_LABEL)
