"""Authenticated enrolment, shared by the device and headquarters (docs/sync-protocol.md, "Enrolment").

* Headquarters' **key fingerprint**: a short, human-readable digest of both of its public keys,
  printed in the enrolment letter. A device that fetches the enrolment by URL checks the keys it
  received against the fingerprint the cadre typed, so a proxy or a false server cannot slip in
  its own keys.
* The **enrolment request** is signed twice over one canonical message: with the device's new
  Ed25519 key (proof of possession) and with an HMAC keyed by the one-time token. The token itself
  is not in the request (only a hash to find it), so whoever carries the stick can neither swap
  the signing key (the HMAC needs the token) nor change a byte unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldapp.sync import protocol
from fieldapp.sync.protocol import SyncError

REQUEST_KIND = "fieldapp-enrolment-request"
REQUEST_CONTEXT = b"fieldapp-enrol-v1\n"
FINGERPRINT_CONTEXT = b"fieldapp-hq-keys-v1\n"
TOKEN_ID_CONTEXT = b"fieldapp-enrol-token-v1\n"
FINGERPRINT_BYTES = 15  # 120 bits: 24 base32 characters, six groups of four
UNSIGNED = ("token_mac", "signature")  # the two fields not covered by the message they sign


def changed() -> SyncError:
    return SyncError(
        "ENROLMENT_CHANGED",
        "登记申请在传送途中被改动过或已损坏（签名与登记码校验不符），已拒收，没有登记任何内容。"
        "登记码仍然有效：请在本机重新生成登记申请（再次选择登记文件写到U盘）后重新导入。",
    )


def hq_fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """SHA-256 over both public keys, first 120 bits, base32 in groups: `ABCD-EFGH-…` (6 groups)."""
    digest = hashlib.sha256(FINGERPRINT_CONTEXT + sign_public + box_public).digest()[:FINGERPRINT_BYTES]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_fingerprint(typed: str) -> str:
    """What a cadre typed, in the printed form: case, spaces and dashes do not matter, and the
    digits 0, 1 and 8 (not in the base32 alphabet) are read as the letters O, I and B."""
    text = "".join(ch for ch in typed.upper() if ch.isalnum())
    text = text.translate(str.maketrans("018", "OIB"))
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def fingerprint_matches(typed: str, sign_public: bytes, box_public: bytes) -> bool:
    return hmac.compare_digest(
        normalise_fingerprint(typed).encode("ascii", "replace"),
        hq_fingerprint(sign_public, box_public).encode("ascii"),
    )


def check_enrolment_keys(enrolment: dict[str, Any], typed: str | None) -> tuple[bytes, bytes]:
    """Headquarters' public keys from an enrolment file, checked against the fingerprint the cadre
    has (`typed`) and against the file's own `hq_fingerprint` field. Refuses with WRONG_HQ_KEY."""
    try:
        sign_public = protocol.unb64(str(enrolment["hq_sign_public"]))
        box_public = protocol.unb64(str(enrolment["hq_box_public"]))
    except (KeyError, ValueError) as e:
        raise SyncError("BAD_ENROLMENT", "登记文件里市总工会的公钥已损坏。请向市总工会重新申请。") from e
    if len(sign_public) != 32 or len(box_public) != 32:
        raise SyncError("BAD_ENROLMENT", "登记文件里市总工会的公钥已损坏。请向市总工会重新申请。")
    actual = hq_fingerprint(sign_public, box_public)
    if typed is not None and not fingerprint_matches(typed, sign_public, box_public):
        raise SyncError(
            "WRONG_HQ_KEY",
            f"服务器给出的市总工会公钥（指纹 {actual}）与您输入的指纹 {normalise_fingerprint(typed) or '（空）'} "
            "不符：可能连到了假冒的服务器，或网络被人截改。本机没有保存任何内容。"
            "请核对登记信上的指纹和服务器地址后重试，或改用登记文件。",
        )
    stated = enrolment.get("hq_fingerprint")
    if stated is not None and not fingerprint_matches(str(stated), sign_public, box_public):
        raise SyncError(
            "WRONG_HQ_KEY", "登记文件里的公钥与其中写明的指纹不符：文件已损坏或被改动。请向市总工会重新申请。"
        )
    return sign_public, box_public


def token_id(token: str) -> str:
    """How a request names its token without revealing it: 32 hex digits of a SHA-256."""
    return hashlib.sha256(TOKEN_ID_CONTEXT + token.encode("utf-8")).hexdigest()[:32]


def request_message(request: dict[str, Any]) -> bytes:
    """The bytes both proofs cover: the context line and the canonical JSON of every field but the
    two proofs (so a field added later is covered too)."""
    body = {k: v for k, v in request.items() if k not in UNSIGNED}
    return REQUEST_CONTEXT + protocol.canonical_json(body)


def _strict_unb64(value: Any) -> bytes:
    """Base64 in its one canonical spelling: a flipped unused bit in the last character is a change."""
    if not isinstance(value, str):
        raise ValueError("not a string")
    data = protocol.unb64(value)
    if protocol.b64(data) != value:
        raise ValueError("not canonical base64")
    return data


def _mac(token: str, message: bytes) -> bytes:
    return hmac.new(token.encode("utf-8"), message, hashlib.sha256).digest()


def sign_request(fields: dict[str, Any], token: str, sign_secret: bytes) -> dict[str, Any]:
    """The enrolment request: `fields` (without the token), its token id and both proofs."""
    request = {k: v for k, v in fields.items() if k != "token" and k not in UNSIGNED}
    request["token_id"] = token_id(token)
    message = request_message(request)
    request["token_mac"] = protocol.b64(_mac(token, message))
    request["signature"] = protocol.b64(Ed25519PrivateKey.from_private_bytes(sign_secret).sign(message))
    return request


def verify_request(request: dict[str, Any], token: str, sign_public: bytes) -> None:
    """Both proofs, or ENROLMENT_CHANGED: the HMAC under the token (nobody without the token made
    or changed this request) and the signature by the key it registers (the device holds it)."""
    try:
        message = request_message(request)  # a lone surrogate in a field cannot be encoded
        mac = _strict_unb64(request.get("token_mac"))
        signature = _strict_unb64(request.get("signature"))
    except ValueError as e:
        raise changed() from e
    if not hmac.compare_digest(mac, _mac(token, message)):
        raise changed()
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, message)
    except (InvalidSignature, ValueError) as e:
        raise changed() from e
