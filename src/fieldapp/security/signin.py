"""Signing in to a data folder: the one path from a password to an open, encrypted ledger.

Used by the CLI (password from ``--password-file`` or ``FIELDAPP_PASSWORD``) and by the app's
sign-in dialog. A new data folder, or one holding a ledger from before encryption existed, gets
a key made and wrapped by the password it is opened with; the recovery code is handed back once
so the caller can show or print it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.vocab import AuditAction
from fieldapp.security import vault
from fieldapp.storage import cipher
from fieldapp.storage.db import DB_FILE_NAME, Database, open_database

PASSWORD_ENV = "FIELDAPP_PASSWORD"
# The demo data folder (fieldapp --demo) is locked with a published password, so a newcomer
# sees the real sign-in without being stopped by it. Never use it for a real ledger.
DEMO_PASSWORD = "demo2014"


class PasswordNeeded(vault.VaultError):
    pass


@dataclass(frozen=True)
class Opened:
    db: Database
    recovery_code: str | None  # set only when this call created the key: show it once


def read_password_file(path: Path) -> str:
    """The first line of the file, without its line ending (a trailing space is kept)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise PasswordNeeded(f"无法读取密码文件 {path}：{e}") from e
    return text.splitlines()[0] if text else ""


def password_from(password_file: Path | None) -> str | None:
    if password_file is not None:
        return read_password_file(password_file)
    return os.environ.get(PASSWORD_ENV) or None


def state_of(data_dir: Path) -> str:
    """'new' (no ledger, no key), 'plaintext' (a ledger from before encryption, no key yet),
    'locked' (a key wrapped by a password) or 'orphan' (an encrypted ledger without its keystore,
    e.g. copied to another computer: only the recovery code opens it)."""
    if vault.vault_exists(data_dir):
        return "locked"
    db_path = data_dir / DB_FILE_NAME
    if cipher.is_encrypted(db_path):
        return "orphan"
    if cipher.is_plaintext(db_path):
        return "plaintext"
    return "new"


def open_with_password(data_dir: Path, password: str | None) -> Opened:
    """Unlock (or, for a new or plaintext folder, create) the key and open the ledger."""
    state = state_of(data_dir)
    if password is None:
        if state in ("new", "plaintext"):
            raise PasswordNeeded(
                "这个数据文件夹还没有设置密码。请先设置一个密码（命令行：用 --password-file 文件 "
                f"或环境变量 {PASSWORD_ENV} 提供），数据库将用它加密。"
            )
        raise PasswordNeeded(
            f"需要密码才能打开台账（命令行：用 --password-file 文件或环境变量 {PASSWORD_ENV}）。"
        )
    if state == "orphan":
        raise vault.VaultError(
            "这个数据库已加密，但文件夹里没有密钥文件（可能是从别的电脑复制来的）。"
            "请用打印的恢复码登录：fieldapp recover，或在登录窗口点“忘记密码”。"
        )
    code: str | None = None
    if state in ("new", "plaintext"):
        key, code = vault.create_vault(data_dir, password)
    else:
        key = vault.unlock(data_dir, password)
    db = open_database(data_dir, key)
    return Opened(db, code)


def open_with_recovery(data_dir: Path, code: str, new_password: str) -> Opened:
    """Forgot the password (or a copied folder): the recovery code sets a new one and opens."""
    vault.check_password_strength(new_password)
    key = vault.unlock_with_recovery(data_dir, code)
    db = open_database(data_dir, key)  # proves the code before any keystore is rewritten
    try:
        vault.reset_password(data_dir, code, new_password)
    except BaseException:
        db.close()
        raise
    from fieldapp.services import audit

    audit.log(db, AuditAction.PASSWORD_RESET)
    return Opened(db, None)
