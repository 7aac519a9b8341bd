"""The key of the encrypted database, wrapped by the cadre's password and by a recovery code.

The database (SQLCipher) is encrypted with a random 256-bit key. That key is derived from a
*recovery secret* (120 random bits, printed once as a recovery code such as
``K7QD-3M9P-…``) and stored in ``keystore.json`` next to the database, wrapped (ChaCha20-Poly1305)
by a key that Argon2id derives from the password. So:

* changing the password re-wraps 32 bytes and never re-encrypts the database;
* the recovery code alone re-creates the key, even if ``keystore.json`` is lost;
* a wrong password fails the authentication tag, so it is told apart from a damaged file.

Failed attempts are counted in the keystore: after three, each further try must wait longer
(5 s, 10 s, 20 s …); after ten, sign-in with the password is locked for 30 minutes (the recovery
code still works). See docs/security.md for what this does and does not protect against.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import os
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.domain.errors import DomainError
from fieldapp.storage.files import write_atomic

KEYSTORE_NAME = "keystore.json"
KEYSTORE_MIRROR = "keystore.mirror.json"  # a second copy: a damaged keystore must not lose the ledger
FORMAT = 1
KEY_BYTES = 32
RECOVERY_BYTES = 15  # 120 bits: 24 Crockford base32 characters, six groups of four

FREE_ATTEMPTS = 3
MAX_ATTEMPTS = 10
LOCKOUT = dt.timedelta(minutes=30)
MIN_PASSWORD = 6
COMMON_PASSWORDS = frozenset(
    {"123456", "1234567", "12345678", "123456789", "654321", "111111", "888888", "666666",
     "password", "qwerty", "abc123", "a123456", "123123", "000000", "112233", "520520"}
)  # fmt: skip


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored with each wrap so it can be raised later without breaking old files."""

    memory_kib: int = 64 * 1024  # 64 MiB: affordable on a 4 GB laptop, costly for a GPU farm
    iterations: int = 3
    lanes: int = 4

    def derive(self, password: str, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(password.encode("utf-8"))


DEFAULT_KDF = KdfParams()


class VaultError(DomainError):
    """The keystore cannot be used; the message says why and what to do."""


class WrongPassword(VaultError):
    def __init__(self, attempts_left: int, wait_seconds: int) -> None:
        self.attempts_left = attempts_left
        self.wait_seconds = wait_seconds
        msg = f"密码不对。还可以再试 {attempts_left} 次"
        if wait_seconds:
            msg += f"，请等 {wait_seconds} 秒后再试"
        msg += "；忘记密码可以用恢复码重设。"
        super().__init__(msg)


class LockedOut(VaultError):
    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = wait_seconds
        minutes = max(1, (wait_seconds + 59) // 60)
        if wait_seconds > 120:
            text = f"密码输错次数太多，已锁定，请 {minutes} 分钟后再试，或用恢复码重设密码。"
        else:
            text = f"请等 {wait_seconds} 秒后再试密码（防止他人反复猜测）。"
        super().__init__(text)


class WeakPassword(VaultError):
    pass


# ----------------------------------------------------------------------------- small helpers


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread on paper
_TO_CROCKFORD = str.maketrans(_B32, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD, _B32)


def format_recovery_code(secret: bytes) -> str:
    text = base64.b32encode(secret).decode("ascii").rstrip("=").translate(_TO_CROCKFORD)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_code(code: str) -> bytes:
    """Accept the code as people type it: any case, spaces or dashes, O for 0, I or L for 1."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(text) != RECOVERY_BYTES * 8 // 5 or any(ch not in _CROCKFORD for ch in text):
        raise VaultError(
            "恢复码格式不对：应为 24 个字母或数字（分成 6 组，每组 4 个），请对照打印的恢复码重新输入。"
        )
    return base64.b32decode(text.translate(_FROM_CROCKFORD))


def key_from_recovery(secret: bytes) -> bytes:
    """The database key is a pure function of the recovery secret (so the code is a full backup)."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"fieldapp sqlcipher key v1"
    ).derive(secret)


def key_id(key: bytes) -> str:
    """A short public fingerprint of the key, to tell which keystore belongs to which database."""
    return HKDF(algorithm=hashes.SHA256(), length=8, salt=None, info=b"fieldapp key id v1").derive(key).hex()


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise WeakPassword(f"密码至少要 {MIN_PASSWORD} 位，可以用字母、数字和符号组合。")
    if len(set(password)) < 3 or password.lower() in COMMON_PASSWORDS:
        raise WeakPassword("这个密码太容易被猜到，请换一个（不要用生日、手机号或 123456 这类数字）。")


# ----------------------------------------------------------------------------- the file


def keystore_path(data_dir: Path) -> Path:
    return data_dir / KEYSTORE_NAME


def vault_exists(data_dir: Path) -> bool:
    return keystore_path(data_dir).exists() or (data_dir / KEYSTORE_MIRROR).exists()


def _save(data_dir: Path, store: dict[str, Any]) -> None:
    text = json.dumps(store, ensure_ascii=False, indent=2)
    write_atomic(keystore_path(data_dir), text.encode("utf-8"))
    write_atomic(data_dir / KEYSTORE_MIRROR, text.encode("utf-8"))


def _valid(store: object) -> bool:
    return (
        isinstance(store, dict)
        and store.get("format") == FORMAT
        and isinstance(store.get("password"), dict)
        and isinstance(store.get("key_id"), str)
    )


def _load(data_dir: Path) -> dict[str, Any]:
    problems = []
    for name in (KEYSTORE_NAME, KEYSTORE_MIRROR):
        path = data_dir / name
        try:
            store = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as e:
            problems.append(f"{name}：{e}")
            continue
        if isinstance(store, dict) and isinstance(store.get("format"), int) and store["format"] > FORMAT:
            raise VaultError("密钥文件来自更新版本的 fieldapp，请安装最新版本后再登录；数据没有被改动。")
        if _valid(store):
            assert isinstance(store, dict)
            return store
        problems.append(f"{name}：内容不完整")
    if problems:
        raise VaultError(
            "密钥文件已损坏（" + "；".join(problems) + "）。数据库本身没有丢失：请用打印的恢复码登录，"
            "程序会重新生成密钥文件。"
        )
    raise VaultError("这个数据文件夹还没有设置密码。")


def _wrap(kek: bytes, key: bytes, purpose: str) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    sealed = ChaCha20Poly1305(kek).encrypt(nonce, key, f"fieldapp vault v1 {purpose}".encode())
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unwrap(kek: bytes, wrapped: dict[str, str], purpose: str) -> bytes:
    return ChaCha20Poly1305(kek).decrypt(
        _unb64(wrapped["nonce"]), _unb64(wrapped["sealed"]), f"fieldapp vault v1 {purpose}".encode()
    )


def _password_wrap(password: str, key: bytes, params: KdfParams) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    return {
        "kdf": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": _b64(salt),
        **_wrap(params.derive(password, salt), key, "password"),
    }


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="seconds")


# ----------------------------------------------------------------------------- the API


def create_vault(
    data_dir: Path, password: str, *, params: KdfParams = DEFAULT_KDF, now: dt.datetime | None = None
) -> tuple[bytes, str]:
    """Make a new key for a data folder; returns (key, recovery code to print and keep).

    One creation at a time per folder (an exclusive claim file): two quick presses of Enter or
    two windows cannot make two keystores, one of whose recovery code would never be shown."""
    check_password_strength(password)
    data_dir.mkdir(parents=True, exist_ok=True)
    with _creation_claim(data_dir):
        if vault_exists(data_dir):
            raise VaultError("这个数据文件夹已经设置过密码；如需更改请用“修改密码”。")
        return _create(data_dir, password, params, now)


CLAIM_NAME = "keystore.lock"  # locked while a keystore is being created; the OS frees it on a crash


@contextlib.contextmanager
def _creation_claim(data_dir: Path) -> Iterator[None]:
    fd = os.open(data_dir / CLAIM_NAME, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        try:
            _lock_exclusive(fd)
        except OSError:
            raise VaultError("正在设置密码，请稍候，不要重复操作。") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock (and so does the process ending)
        if vault_exists(data_dir):  # made: the claim has served (a wipe then leaves nothing behind)
            (data_dir / CLAIM_NAME).unlink(missing_ok=True)


def _lock_exclusive(fd: int) -> None:
    """A lock held by this open file, never waited for: OSError when someone holds it."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _create(data_dir: Path, password: str, params: KdfParams, now: dt.datetime | None) -> tuple[bytes, str]:
    secret = secrets.token_bytes(RECOVERY_BYTES)
    key = key_from_recovery(secret)
    stamp = _iso(_now(now))
    _save(
        data_dir,
        {
            "format": FORMAT,
            "key_id": key_id(key),
            "cipher": "sqlcipher4-raw-key",
            "password": _password_wrap(password, key, params),
            "failures": 0,
            "not_before": None,
            "created_at": stamp,
            "password_changed_at": stamp,
        },
    )
    return key, format_recovery_code(secret)


def _check_not_locked(store: dict[str, Any], now: dt.datetime) -> None:
    nb = store.get("not_before")
    if nb:
        wait = (dt.datetime.fromisoformat(nb) - now).total_seconds()
        if wait > 0:
            raise LockedOut(int(wait) + 1)


def _delay_after(failures: int) -> dt.timedelta:
    if failures >= MAX_ATTEMPTS:
        return LOCKOUT
    if failures <= FREE_ATTEMPTS:
        return dt.timedelta(0)
    return dt.timedelta(seconds=5 * 2 ** (failures - FREE_ATTEMPTS - 1))


def unlock(data_dir: Path, password: str, *, now: dt.datetime | None = None) -> bytes:
    """The database key, if the password is right; counts and slows down wrong guesses."""
    t = _now(now)
    store = _load(data_dir)
    _check_not_locked(store, t)
    wrapped = store["password"]
    params = KdfParams(wrapped["memory_kib"], wrapped["iterations"], wrapped["lanes"])
    kek = params.derive(password, _unb64(wrapped["salt"]))
    try:
        key = _unwrap(kek, wrapped, "password")
    except InvalidTag:
        failures = int(store.get("failures", 0)) + 1
        delay = _delay_after(failures)
        store["failures"] = failures
        store["not_before"] = _iso(t + delay) if delay else None
        _save(data_dir, store)
        if failures >= MAX_ATTEMPTS:
            raise LockedOut(int(delay.total_seconds())) from None
        raise WrongPassword(MAX_ATTEMPTS - failures, int(delay.total_seconds())) from None
    if store.get("failures") or store.get("not_before"):
        store["failures"] = 0
        store["not_before"] = None
        _save(data_dir, store)
    return key


def unlock_with_recovery(data_dir: Path, code: str) -> bytes:
    """The database key from the printed recovery code (works without the keystore, too)."""
    key = key_from_recovery(parse_recovery_code(code))
    try:
        store = _load(data_dir)
    except VaultError:
        return key  # keystore lost or damaged: the code alone still opens the database
    if store["key_id"] != key_id(key):
        raise VaultError("恢复码和这个数据文件夹不匹配，请检查是不是这台电脑的恢复码。")
    return key


def reset_password(
    data_dir: Path,
    code: str,
    new_password: str,
    *,
    params: KdfParams = DEFAULT_KDF,
    now: dt.datetime | None = None,
) -> bytes:
    """Forgot the password: the recovery code sets a new one (and rebuilds a lost keystore)."""
    check_password_strength(new_password)
    key = unlock_with_recovery(data_dir, code)
    try:
        store = _load(data_dir)
    except VaultError:
        store = {"format": FORMAT, "key_id": key_id(key), "cipher": "sqlcipher4-raw-key",
                 "created_at": _iso(_now(now))}  # fmt: skip
    store["password"] = _password_wrap(new_password, key, params)
    store["failures"] = 0
    store["not_before"] = None
    store["password_changed_at"] = _iso(_now(now))
    _save(data_dir, store)
    return key


def change_password(
    data_dir: Path,
    old_password: str,
    new_password: str,
    *,
    params: KdfParams = DEFAULT_KDF,
    now: dt.datetime | None = None,
) -> None:
    """Re-wrap the same key under a new password; the database file is not touched."""
    check_password_strength(new_password)
    key = unlock(data_dir, old_password, now=now)
    store = _load(data_dir)
    store["password"] = _password_wrap(new_password, key, params)
    store["password_changed_at"] = _iso(_now(now))
    _save(data_dir, store)


def destroy(data_dir: Path) -> None:
    """Crypto-erase: overwrite the wrapped keys and delete the keystore (and its mirror)."""
    for name in (KEYSTORE_NAME, KEYSTORE_MIRROR, KEYSTORE_NAME + ".tmp", KEYSTORE_MIRROR + ".tmp"):
        path = data_dir / name
        if path.exists():
            size = path.stat().st_size
            with path.open("r+b") as f:
                f.write(secrets.token_bytes(max(size, 1)))
                f.flush()
                os.fsync(f.fileno())
            path.unlink()
