"""Headquarters' data at rest: one data key, AEAD for sensitive columns, keyed hashes for look-ups.

The data key (32 random bytes) lives in a key file given to the service (`--key-file`,
FIELDAPP_HQ_KEY_FILE; created by `fieldapp-hq init`, mode 0600), never in the database. Every
sensitive column (`Record.data`, `Change.data`, conflicts, attachments, outgoing bodies, notes,
the names and masked numbers of the household index) is declared with the `Sealed` /
`SealedBytes` column types below, so every read and write of those columns goes through
`Keyring.seal_*` / `Keyring.open_*` whatever the query (ORM, Core executemany, a join):

    fq1.<key id>.<base64url(nonce ‖ ChaCha20-Poly1305(padded plaintext))>

with the table and column as associated data (a value moved to another column does not open)
and the plaintext padded to a multiple of 32 bytes (the length of a name is not shown).

Text columns of the tables in ROW_KEYS are also bound to their row (migration 0010):

    fq2.<key id>.<base64url(nonce ‖ ChaCha20-Poly1305(padded plaintext))>

with the row's identifying columns (ROW_KEYS, e.g. row_id and entity of hq_record) added to the
associated data, so a value copied from one row into another does not open either. Writes carry
the row with the value (`Bound`, set by hq/rowbind.py for ORM flushes and Core executemany);
reads fetch it with the value (`Sealed.column_expression` appends the identifying columns in
SQL). A bound column refuses an unbound (`fq1.`) value: an old value copied from a backup does
not open. Attachments are content-addressed instead: their SHA-256 is checked when read.

Look-ups use blind indexes: HMAC-SHA256 under a sub-key derived from the data key, of a
normalised value with its kind ("name", "id", "id4", …) — equality only (docs/security.md).

A key file may hold several keys: the first seals, every one opens. `fieldapp-hq rotate-key`
(hq/rekey.py) puts a new key first, re-seals every value and then drops the old key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from sqlalchemy import LargeBinary, Text, cast, literal, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

KEY_BYTES = 32
NONCE_BYTES = 12
PAD = 32
TEXT_MAGIC = "fq1."
ROW_MAGIC = "fq2."  # sealed and bound to its row
ROW_SEP = "\x1f"  # joins a row's identifying values (never inside a uuid, code or ciphertext)
BYTES_MAGIC = b"\x00FQ1"
KID_LEN = 8  # hex characters of a key's id
KEY_FILE_ENV = "FIELDAPP_HQ_KEY_FILE"
KEY_FILE_HEADER = (
    "# fieldapp-hq 总部数据密钥：请妥善保管（权限 0600），与数据库备份分开存放；丢失后数据无法恢复。\n"
)
DIALECT_ATTR = "fieldapp_hq_keyring"  # where an engine's dialect keeps its HQ's keyring loader


class HQKeyError(RuntimeError):
    """The data key is missing or not the one this database was sealed with: nothing was touched."""


class SealedDataError(RuntimeError):
    """A sealed value does not open: changed in the database, or sealed under another key."""


class UnboundValueError(RuntimeError):
    """A program error: a value for a row-bound column was written without its row."""


# The columns that identify a row of each table whose sealed text columns are bound to their row.
# Tables whose id the database assigns are bound to that id as well as to their natural columns
# (migration 0014): two rows may share every natural column (two notices of one kind to one
# device, two audit entries of one account viewing one household), and a value swapped between
# them would otherwise open. Their id is not known before the insert, so hq/rowbind.py writes a
# placeholder and seals the value again, bound to the id, right after the insert (same transaction).
ROW_KEYS_0010: dict[str, tuple[str, ...]] = {
    "hq_record": ("row_id", "entity"),
    "hq_change": ("device_id", "outbox_seq"),
    "hq_conflict": ("entity", "row_id", "device_a", "device_b"),
    "hq_handover": ("household_id", "from_device", "to_device"),
    "hq_outgoing": ("device_id", "kind"),
    "hq_console_audit": ("account", "action", "target"),
    "hq_household_index": ("household_id",),
    "hq_stat_cadre": ("cadre_id",),
}
"""The row identities of migration 0010 (what 0014 opens before binding again)."""

ID_KEY = "id"  # the database-assigned id column of the tables bound to it
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "hq_record": ("row_id", "entity"),
    "hq_change": ("device_id", "outbox_seq"),
    "hq_conflict": (ID_KEY, "entity", "row_id", "device_a", "device_b"),
    "hq_handover": (ID_KEY, "household_id", "from_device", "to_device"),
    "hq_outgoing": (ID_KEY, "device_id", "kind"),
    "hq_console_audit": (ID_KEY, "account", "action", "target"),
    "hq_suspected_duplicate": (ID_KEY, "token", "household_a", "household_b"),
    "hq_household_index": ("household_id",),
    "hq_stat_cadre": ("cadre_id",),
    "hq_device": ("device_id",),
    "hq_enrolment": ("token",),
}
ID_BOUND = frozenset(t for t, keys in ROW_KEYS.items() if ID_KEY in keys)


def row_of(values: Any) -> str:
    """The row identity of a sequence of identifying values, as SQL builds it on read."""
    return ROW_SEP.join(str(v) for v in values)


class Bound(str):
    """A value for a row-bound sealed column, with the identity of its row."""

    row: str

    def __new__(cls, value: str, row: str) -> Bound:
        obj = super().__new__(cls, value)
        obj.row = row
        return obj


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"fieldapp-hq key id\0" + key).hexdigest()[:KID_LEN]


def _pad(data: bytes) -> bytes:
    # ISO/IEC 7816-4 padding: 0x80 then zeros up to a multiple of PAD bytes
    fill = PAD - (len(data) + 1) % PAD
    return data + b"\x80" + b"\0" * (fill % PAD)


def _unpad(data: bytes) -> bytes:
    end = data.rstrip(b"\0")
    if not end.endswith(b"\x80"):
        raise ValueError("bad padding")
    return end[:-1]


@dataclass
class Keyring:
    """The data keys of one headquarters: the first seals, any opens."""

    keys: list[bytes]
    _aeads: dict[str, ChaCha20Poly1305] = field(default_factory=dict, repr=False)
    _index_key: bytes = field(default=b"", repr=False)

    def __post_init__(self) -> None:
        if not self.keys or any(len(k) != KEY_BYTES for k in self.keys):
            raise HQKeyError("总部数据密钥格式不对（应为 32 字节）。")
        self._aeads = {key_id(k): ChaCha20Poly1305(k) for k in self.keys}
        # the blind-index sub-key: never the AEAD key itself
        self._index_key = hmac.new(self.keys[0], b"fieldapp-hq blind index v1", hashlib.sha256).digest()
        self.kid = key_id(self.keys[0])

    @classmethod
    def generate(cls) -> Keyring:
        return cls([secrets.token_bytes(KEY_BYTES)])

    # --- sealing ---------------------------------------------------------------------------------

    def _ad(self, label: str, kid: str, row: str | None = None) -> bytes:
        if row is None:
            return f"fieldapp-hq|{label}|{kid}".encode()
        return f"fieldapp-hq|{label}|{kid}|row|{row}".encode()

    def seal_bytes(self, plain: bytes, label: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        ct = self._aeads[self.kid].encrypt(nonce, _pad(plain), self._ad(label, self.kid))
        return BYTES_MAGIC + bytes.fromhex(self.kid) + nonce + ct

    def open_bytes(self, sealed: bytes, label: str) -> bytes:
        if not sealed.startswith(BYTES_MAGIC):
            raise SealedDataError(_tampered(label, "不是加密数据"))
        start = len(BYTES_MAGIC)
        kid = sealed[start : start + KID_LEN // 2].hex()
        return self._open(kid, sealed[start + KID_LEN // 2 :], label)

    def seal_text(self, plain: str, label: str, row: str | None = None) -> str:
        """Sealed for `label`; with `row` also bound to that row (fq2.)."""
        nonce = os.urandom(NONCE_BYTES)
        ad = self._ad(label, self.kid, row)
        ct = self._aeads[self.kid].encrypt(nonce, _pad(plain.encode("utf-8")), ad)
        magic = TEXT_MAGIC if row is None else ROW_MAGIC
        return f"{magic}{self.kid}.{base64.urlsafe_b64encode(nonce + ct).decode('ascii')}"

    def open_text(self, sealed: str, label: str, row: str | None = None) -> str:
        """Opens a value sealed for `label` (and, with `row`, bound to that row: an unbound value
        or one bound to another row is refused)."""
        magic = TEXT_MAGIC if row is None else ROW_MAGIC
        if not sealed.startswith(magic):
            if row is not None and sealed.startswith(TEXT_MAGIC):
                raise SealedDataError(_tampered(label, "没有绑定所在的行（旧格式或从别处复制）", row))
            raise SealedDataError(_tampered(label, "不是加密数据", row))
        kid, _, body = sealed[len(magic) :].partition(".")
        try:
            raw = base64.urlsafe_b64decode(body.encode("ascii"))
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raise SealedDataError(_tampered(label, "密文格式损坏", row)) from None
        return self._open(kid, raw, label, row).decode("utf-8")

    def _open(self, kid: str, raw: bytes, label: str, row: str | None = None) -> bytes:
        aead = self._aeads.get(kid)
        if aead is None:
            raise SealedDataError(_tampered(label, f"用未知的密钥（{kid}）加密", row))
        try:
            return _unpad(aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], self._ad(label, kid, row)))
        except (InvalidTag, ValueError):
            why = "校验失败（数据被改动，或从另一行、另一列复制而来）"
            raise SealedDataError(_tampered(label, why, row)) from None

    def is_current(self, sealed: str | bytes | None) -> bool:
        """Sealed under the first key (nothing to do for a key rotation)."""
        if sealed is None:
            return True
        if isinstance(sealed, bytes):
            start = len(BYTES_MAGIC)
            return sealed.startswith(BYTES_MAGIC) and sealed[start : start + KID_LEN // 2].hex() == self.kid
        return sealed.startswith((f"{TEXT_MAGIC}{self.kid}.", f"{ROW_MAGIC}{self.kid}."))

    # --- blind indexes -----------------------------------------------------------------------------

    def blind(self, kind: str, value: str) -> str:
        """The keyed hash of a normalised value: equal values give equal tokens, nothing else shows."""
        mac = hmac.new(self._index_key, f"{kind}\0{value}".encode(), hashlib.sha256)
        return mac.hexdigest()[:32]


def is_sealed(value: str | bytes | None) -> bool:
    if value is None:
        return True
    if isinstance(value, bytes):
        return value.startswith(BYTES_MAGIC)
    return value.startswith((TEXT_MAGIC, ROW_MAGIC))


def is_row_bound(value: str | bytes | None) -> bool:
    return value is None or (isinstance(value, str) and value.startswith(ROW_MAGIC))


def _tampered(label: str, why: str, row: str | None = None) -> str:
    where = f"（行 {row.replace(ROW_SEP, ' / ')}）" if row else ""
    return f"总部数据无法解密：{label}{where} 中的一个值{why}。请检查数据库是否被改动，或密钥文件是否用错。"


# --- the key file --------------------------------------------------------------------------------------


PASSPHRASE_ENV = "FIELDAPP_HQ_PASSPHRASE"
WRAP_AD = b"fieldapp-hq key file v1"


def _wrap(keys_text: str, passphrase: str) -> str:
    from fieldapp.security.vault import DEFAULT_KDF

    salt, nonce = os.urandom(16), os.urandom(NONCE_BYTES)
    kek = DEFAULT_KDF.derive(passphrase, salt)
    sealed = ChaCha20Poly1305(kek).encrypt(nonce, keys_text.encode(), WRAP_AD)
    doc = {
        "kdf": "argon2id",
        "memory_kib": DEFAULT_KDF.memory_kib,
        "iterations": DEFAULT_KDF.iterations,
        "lanes": DEFAULT_KDF.lanes,
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "sealed": base64.b64encode(sealed).decode(),
    }
    return "wrapped " + json.dumps(doc, sort_keys=True) + "\n"


def _unwrap(path: Path, line: str, passphrase: str | None) -> str:
    from fieldapp.security.vault import KdfParams

    if not passphrase:
        raise HQKeyError(
            f"总部数据密钥文件 {path} 由管理员口令保护：请设置环境变量 {PASSPHRASE_ENV} 或在提示时输入口令。"
        )
    try:
        doc = json.loads(line[len("wrapped ") :])
        params = KdfParams(int(doc["memory_kib"]), int(doc["iterations"]), int(doc["lanes"]))
        kek = params.derive(passphrase, base64.b64decode(doc["salt"]))
        raw = ChaCha20Poly1305(kek).decrypt(
            base64.b64decode(doc["nonce"]), base64.b64decode(doc["sealed"]), WRAP_AD
        )
    except InvalidTag:
        raise HQKeyError("管理员口令不正确，无法解开总部数据密钥。没有改动任何数据。") from None
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise HQKeyError(f"总部数据密钥文件 {path} 已损坏，无法读取。") from None
    return raw.decode("utf-8")


def read_key_file(path: Path, passphrase: str | None = None) -> Keyring:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HQKeyError(f"找不到总部数据密钥文件：{path}。请用 --key-file 指定正确的密钥文件。") from None
    except (OSError, UnicodeDecodeError) as e:
        raise HQKeyError(f"无法读取总部数据密钥文件 {path}：{e}") from None
    wrapped = [line for line in text.splitlines() if line.startswith("wrapped ")]
    if wrapped:
        text = _unwrap(path, wrapped[0], passphrase)
    keys = []
    for line in text.splitlines():
        if line.startswith("key "):
            try:
                keys.append(base64.b64decode(line[4:].strip(), validate=True))
            except (binascii.Error, ValueError):
                raise HQKeyError(f"总部数据密钥文件 {path} 已损坏，无法读取。") from None
    if not keys:
        raise HQKeyError(f"总部数据密钥文件 {path} 中没有密钥。")
    return Keyring(keys)


def write_key_file(path: Path, ring: Keyring, passphrase: str | None = None) -> None:
    """Atomically (temp file, fsync, rename), readable by its owner only; with a passphrase the
    keys are wrapped (ChaCha20-Poly1305 under an Argon2id key, as the device's keystore)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"key {base64.b64encode(k).decode()}\n" for k in ring.keys)
    body = KEY_FILE_HEADER + (_wrap(body, passphrase) if passphrase else body)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, body.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def default_key_file(url: str) -> Path | None:
    """FIELDAPP_HQ_KEY_FILE, else hq.key beside a SQLite file; PostgreSQL needs it said."""
    env = os.environ.get(KEY_FILE_ENV)
    if env:
        return Path(env)
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return Path(url[len("sqlite:///") :]).parent / "hq.key"
    return None


# --- the column types ------------------------------------------------------------------------------------


def keyring_of(dialect: Dialect) -> Keyring:
    loader: Callable[[], Keyring] | None = getattr(dialect, DIALECT_ATTR, None)
    if loader is None:
        raise HQKeyError("总部数据密钥尚未加载：请通过 fieldapp.hq.store.HQ 打开总部数据库。")
    return loader()


def attach(dialect: Dialect, loader: Callable[[], Keyring]) -> None:
    setattr(dialect, DIALECT_ATTR, loader)


class Sealed(TypeDecorator[str]):
    """A text column stored sealed; `label` ("hq_record.data") is its associated data, and for
    the tables of ROW_KEYS the row's identifying columns too."""

    impl = Text
    cache_ok = True

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.row_keys = ROW_KEYS.get(label.partition(".")[0])

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if self.row_keys is None:
            return keyring_of(dialect).seal_text(str(value), self.label)
        row = getattr(value, "row", None)
        if row is None:
            raise UnboundValueError(
                f"{self.label} 写入时缺少所在行的标识（程序错误：请经 ORM 或 Session.execute 写入）"
            )
        return keyring_of(dialect).seal_text(str(value), self.label, row)

    def column_expression(self, colexpr: Any) -> Any:
        """Selects `value ‖ US ‖ key1 ‖ US ‖ key2…`: the row comes back with its value."""
        if self.row_keys is None:
            return colexpr
        table = getattr(colexpr, "table", None)
        columns = getattr(table, "c", None)
        if columns is None or any(k not in columns for k in self.row_keys):
            raise UnboundValueError(f"{self.label} 只能连同所在表的行标识一起读取（程序错误）")
        expr = colexpr
        for k in self.row_keys:
            expr = expr.op("||", return_type=Text())(literal(ROW_SEP, Text())).op("||", return_type=Text())(
                cast(columns[k], Text())
            )
        return type_coerce(expr, self)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if self.row_keys is None:
            return keyring_of(dialect).open_text(str(value), self.label)
        sealed, _, row = str(value).partition(ROW_SEP)
        return keyring_of(dialect).open_text(sealed, self.label, row or "?")


class SealedBytes(TypeDecorator[bytes]):
    impl = LargeBinary
    cache_ok = True

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return keyring_of(dialect).seal_bytes(bytes(value), self.label)

    def process_result_value(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return keyring_of(dialect).open_bytes(bytes(value), self.label)


# Every sealed column of headquarters: (table, primary key columns, column, is bytes).
# The migration that seals an old database and `rotate-key` walk exactly this list.
SEALED_COLUMNS: list[tuple[str, tuple[str, ...], str, bool]] = [
    ("hq_record", ("row_id", "entity"), "data", False),
    ("hq_change", ("device_id", "outbox_seq"), "data", False),
    ("hq_conflict", ("id",), "data_a", False),
    ("hq_conflict", ("id",), "data_b", False),
    ("hq_conflict", ("id",), "note", False),
    ("hq_handover", ("id",), "note", False),
    ("hq_attachment", ("sha256",), "data", True),
    ("hq_outgoing", ("id",), "body", False),
    ("hq_console_audit", ("id",), "detail", False),
    ("hq_household_index", ("household_id",), "head_name", False),
    ("hq_household_index", ("household_id",), "head_initials", False),
    ("hq_household_index", ("household_id",), "id_masked", False),
    ("hq_household_index", ("household_id",), "phone_masked", False),
    ("hq_household_index", ("household_id",), "cadre_name", False),
    ("hq_suspected_duplicate", ("id",), "note", False),
    ("hq_stat_cadre", ("cadre_id",), "name", False),
    ("hq_device", ("device_id",), "name", False),
    ("hq_enrolment", ("token",), "name", False),
]
