"""The QR code on a referral slip's return stub: payload format, building and checking.

Payload (QR alphanumeric mode, so the code stays small and scans from a cheap phone)::

    FAREF1:<REFERRAL UUID, upper case>:<CHECK>

`FAREF1` names the format and its version. CHECK is the first 8 hexadecimal digits (upper
case) of SHA-256 over the text before the last colon, i.e. ``FAREF1:<UUID>``. It catches a
stub whose code was retyped by hand or misread, before the stub is matched to a referral.
Example: ``FAREF1:6F1C2B1E-0D4A-4C55-9D2B-7E1F0A3C9B11:1A2B3C4D``.
"""

from __future__ import annotations

import hashlib
import re
import uuid

from fieldapp.printing.errors import PayloadError

PREFIX = "FAREF1"
_PATTERN = re.compile(
    r"^FAREF1:([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}):([0-9A-F]{8})$"
)


def checksum(referral_id: str) -> str:
    body = f"{PREFIX}:{referral_id.upper()}"
    return hashlib.sha256(body.encode("ascii")).hexdigest()[:8].upper()


def referral_payload(referral_id: str) -> str:
    """The text encoded in the return stub's QR code for this referral."""
    try:
        canonical = str(uuid.UUID(referral_id)).upper()
    except ValueError:
        raise PayloadError(f"转介编号“{referral_id}”格式不正确，无法生成二维码") from None
    return f"{PREFIX}:{canonical}:{checksum(canonical)}"


def parse_referral_payload(text: str) -> str:
    """The referral id (lower case, as stored) from a scanned payload, or PayloadError."""
    cleaned = text.strip().upper()
    match = _PATTERN.match(cleaned)
    if match is None:
        raise PayloadError("这不是本系统转介回执上的二维码（格式不符）。请核对回执，或手工输入转介编号。")
    referral_id, check = match.groups()
    if checksum(referral_id) != check:
        raise PayloadError("二维码校验码不符，可能扫描有误或回执被涂改。请重新扫描，或手工核对转介编号。")
    return referral_id.lower()
