"""The sealed-file container shared by batches (device -> HQ) and replies (HQ -> device).

Layout (all integers big-endian), specified in docs/sync-protocol.md:

    magic      8 bytes  b"FLDSYNC\\0"
    version    u16      FORMAT_VERSION
    hlen       u32      length of the header
    header     hlen     canonical JSON (UTF-8, sorted keys, no spaces)
    clen       u64      length of the ciphertext
    ciphertext clen     ChaCha20-Poly1305(zlib(canonical JSON payload)), AAD = header bytes
    signature  64       Ed25519 over every byte before it

The content key is HKDF-SHA256(X25519(ephemeral, recipient), salt = epk || recipient public key,
info = b"fieldapp-sync-v1"); `epk` and `nonce` travel in the header.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"FLDSYNC\0"
FORMAT_VERSION = 1
HKDF_INFO = b"fieldapp-sync-v1"
MAX_HEADER = 64 * 1024
REPLY_REQUEST_CONTEXT = "fieldapp-reply-v1"
PREFIX = struct.Struct(">8sHI")
CLEN = struct.Struct(">Q")
SIG_LEN = 64


class SyncError(Exception):
    """A sealed file that cannot be accepted. `code` is the protocol's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def reply_request_message(device_id: str, cursor: int, challenge: str) -> bytes:
    """What a device signs to download its reply over HTTP (docs/sync-protocol.md)."""
    return f"{REPLY_REQUEST_CONTEXT}\n{device_id}\n{cursor}\n{challenge}".encode("ascii")


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- keys -----------------------------------------------------------------------------------


def raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class KeyPair:
    """An Ed25519 signing key and an X25519 encryption key, as raw 32-byte secrets."""

    sign_secret: bytes
    box_secret: bytes

    @staticmethod
    def generate() -> KeyPair:
        return KeyPair(raw_private(Ed25519PrivateKey.generate()), raw_private(X25519PrivateKey.generate()))

    @property
    def sign_public(self) -> bytes:
        return raw_public(Ed25519PrivateKey.from_private_bytes(self.sign_secret).public_key())

    @property
    def box_public(self) -> bytes:
        return raw_public(X25519PrivateKey.from_private_bytes(self.box_secret).public_key())


def fingerprint(public_key: bytes) -> str:
    return sha256_hex(public_key)[:16]


def _content_key(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + recipient, info=HKDF_INFO).derive(shared)


# --- seal / open ------------------------------------------------------------------------------


def seal(header: dict[str, Any], payload: Any, *, sender: KeyPair, recipient_box_public: bytes) -> bytes:
    """Compress, encrypt and sign. `header` gets v, epk, nonce, recipient and payload_sha256."""
    plain = canonical_json(payload)
    eph = X25519PrivateKey.generate()
    epk = raw_public(eph.public_key())
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_box_public))
    key = _content_key(shared, epk, recipient_box_public)
    nonce = os.urandom(12)
    full_header = dict(header)
    full_header.update(
        v=FORMAT_VERSION,
        epk=b64(epk),
        nonce=b64(nonce),
        recipient=fingerprint(recipient_box_public),
        payload_sha256=sha256_hex(plain),
    )
    hbytes = canonical_json(full_header)
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, zlib.compress(plain, 6), hbytes)
    body = PREFIX.pack(MAGIC, FORMAT_VERSION, len(hbytes)) + hbytes + CLEN.pack(len(ciphertext)) + ciphertext
    signature = Ed25519PrivateKey.from_private_bytes(sender.sign_secret).sign(body)
    return body + signature


@dataclass(frozen=True)
class Parsed:
    header: dict[str, Any]
    header_bytes: bytes
    ciphertext: bytes
    signed: bytes
    signature: bytes


def parse(data: bytes) -> Parsed:
    """Split a sealed file without trusting it: structure only, no keys needed."""
    if len(data) < PREFIX.size:
        raise SyncError("TRUNCATED", "文件不完整（可能在写入时拔出了U盘）。请重新导出后再导入。")
    magic, version, hlen = PREFIX.unpack_from(data, 0)
    if magic != MAGIC:
        raise SyncError("NOT_A_BATCH", "这不是 fieldapp 的同步文件。")
    if version > FORMAT_VERSION:
        raise SyncError(
            "UNSUPPORTED_VERSION",
            f"同步文件格式版本 {version} 比本程序支持的版本 {FORMAT_VERSION} 新。请先升级程序再导入。",
        )
    if version < 1 or hlen > MAX_HEADER:
        raise SyncError("MALFORMED", "同步文件的文件头已损坏。请重新导出。")
    pos = PREFIX.size
    if len(data) < pos + hlen + CLEN.size:
        raise SyncError("TRUNCATED", "文件不完整（可能在写入时拔出了U盘）。请重新导出后再导入。")
    hbytes = data[pos : pos + hlen]
    pos += hlen
    (clen,) = CLEN.unpack_from(data, pos)
    pos += CLEN.size
    if len(data) < pos + clen + SIG_LEN:
        raise SyncError("TRUNCATED", "文件不完整（可能在写入时拔出了U盘）。请重新导出后再导入。")
    if len(data) > pos + clen + SIG_LEN:
        raise SyncError("MALFORMED", "同步文件末尾有多余的数据，已损坏。请重新导出。")
    ciphertext = data[pos : pos + clen]
    signed = data[: pos + clen]
    try:
        header = json.loads(hbytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:  # RecursionError: deep nesting
        raise SyncError("MALFORMED", "同步文件的文件头已损坏。请重新导出。") from e
    if not isinstance(header, dict) or header.get("v") != version:
        raise SyncError("MALFORMED", "同步文件的文件头已损坏。请重新导出。")
    return Parsed(header, hbytes, ciphertext, signed, data[pos + clen :])


def verify(parsed: Parsed, sender_sign_public: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sender_sign_public).verify(parsed.signature, parsed.signed)
    except InvalidSignature as e:
        raise SyncError(
            "BAD_SIGNATURE", "签名不符：文件已被改动或损坏，或不是该设备发出的。请重新导出。"
        ) from e


def open_payload(parsed: Parsed, recipient: KeyPair, max_plain: int | None = None) -> Any:
    """Decrypt and decompress (after `verify`). Checks the payload hash in the header.

    With `max_plain`, a payload that would inflate beyond that many bytes is refused
    (`TOO_LARGE`) after inflating at most that much: a zip bomb is never expanded."""
    h = parsed.header
    if h.get("recipient") != fingerprint(recipient.box_public):
        raise SyncError("WRONG_RECIPIENT", "这个文件不是发给本机（或本总工会服务器）的，无法解密。")
    try:
        epk = unb64(str(h["epk"]))
        nonce = unb64(str(h["nonce"]))
        eph_pub = X25519PublicKey.from_public_bytes(epk)
    except (KeyError, ValueError) as e:
        raise SyncError("MALFORMED", "同步文件的文件头已损坏。请重新导出。") from e
    shared = X25519PrivateKey.from_private_bytes(recipient.box_secret).exchange(eph_pub)
    key = _content_key(shared, epk, recipient.box_public)
    try:
        compressed = ChaCha20Poly1305(key).decrypt(nonce, parsed.ciphertext, parsed.header_bytes)
        plain = _inflate(compressed, max_plain)
    except (InvalidTag, zlib.error) as e:
        raise SyncError("DECRYPT_FAILED", "无法解密：密钥不符或文件损坏。") from e
    if sha256_hex(plain) != h.get("payload_sha256"):
        raise SyncError("HASH_MISMATCH", "内容校验值不符，文件已损坏。请重新导出。")
    try:
        return json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise SyncError("MALFORMED", "同步文件的内容不是有效的JSON。") from e


def _inflate(compressed: bytes, max_plain: int | None) -> bytes:
    if max_plain is None:
        return zlib.decompress(compressed)
    d = zlib.decompressobj()
    plain = d.decompress(compressed, max_plain + 1)
    if len(plain) > max_plain or d.unconsumed_tail:
        raise SyncError(
            "TOO_LARGE",
            f"批次内容解压后超过 {max_plain // (1024 * 1024)} MB（压缩比异常），已拒收，未展开。"
            "请联系技术人员。",
        )
    plain += d.flush()
    if not d.eof:
        raise zlib.error("incomplete stream")
    return plain
