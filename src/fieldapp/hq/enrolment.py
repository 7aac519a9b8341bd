"""Headquarters' side of enrolment: issuing one-time tokens and registering signed requests.

The request is checked in three steps, and only the last holds a write transaction: parse it,
find its token and verify both proofs (`fieldapp.sync.enrolment`) in a short read, then register
the device. A refused request changes nothing, so its token stays usable and the cadre can redo
it. See docs/sync-protocol.md, "Enrolment".
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from fieldapp.hq import limits as hq_limits
from fieldapp.hq import recovery
from fieldapp.hq.models import Device, Enrolment
from fieldapp.storage.base import utcnow
from fieldapp.sync import enrolment as proof
from fieldapp.sync import protocol
from fieldapp.sync.protocol import SyncError

MAX_HOLDS = 20_000  # household ids a recovered laptop may list (a cadre has hundreds); fits 1 MiB

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ


def fingerprint(hq: HQ) -> str:
    return proof.hq_fingerprint(hq.keys.sign_public, hq.keys.box_public)


def enrolment_file(hq: HQ, token: str, name: str, url: str) -> dict[str, Any]:
    return {
        "kind": "fieldapp-enrolment",
        "v": protocol.FORMAT_VERSION,
        "hq_url": url,
        "hq_sign_public": protocol.b64(hq.keys.sign_public),
        "hq_box_public": protocol.b64(hq.keys.box_public),
        "hq_fingerprint": fingerprint(hq),
        "token": token,
        "name": name,
    }


def issue(hq: HQ, name: str, url: str = "") -> dict[str, Any]:
    token = secrets.token_urlsafe(24)
    with hq.session() as s:
        s.add(Enrolment(token=token, name=name))
    return enrolment_file(hq, token, name, url)


def letter(enrolment: dict[str, Any], url: str = "") -> str:
    """What `enroll-device` prints for the enrolment letter: the fingerprint in groups, and the URL."""
    lines = [
        f"市总工会公钥指纹：{enrolment['hq_fingerprint']}",
        "（联网登记时请核对或输入这个指纹；与登记信上的不同时不要继续）",
    ]
    if url:
        lines.insert(0, f"联网登记地址：{url.rstrip('/')}/api/v1/enrolment/{enrolment['token']}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Request:
    device_id: str
    token_id: str
    nonce: str
    sign_public: bytes
    box_public: bytes
    hq_fingerprint: str
    holds: frozenset[str] | None = None  # a recovered laptop's households (hq/recovery.py)


def parse(request: dict[str, Any]) -> Request:
    if "token" in request and "token_mac" not in request:
        raise SyncError(
            "ENROLMENT_UNSIGNED",
            "登记申请没有签名（本机的程序版本过旧），已拒收。请升级程序后重新生成登记申请；登记码仍然有效。",
        )
    try:
        device_id = str(uuid.UUID(str(request["device_id"])))
        sign_public = protocol.unb64(str(request["sign_public"]))
        box_public = protocol.unb64(str(request["box_public"]))
        nonce = request["instance_nonce"]
        tid = request["token_id"]
        hq_fp = request.get("hq_fingerprint", "")
    except (KeyError, ValueError) as e:
        raise SyncError(
            "MALFORMED", "登记申请不完整或已损坏。登记码仍然有效：请在本机重新生成登记申请。"
        ) from e
    if not (hq_limits.plain_text(tid, 64) and hq_limits.plain_text(nonce, 36) and isinstance(hq_fp, str)):
        raise SyncError("MALFORMED", "登记申请中的登记码或实例编号无效。登记码仍然有效：请重新生成登记申请。")
    if len(sign_public) != 32 or len(box_public) != 32:
        raise SyncError("MALFORMED", "登记申请中的公钥长度不对。登记码仍然有效：请重新生成登记申请。")
    holds = request.get("holds")
    if holds is not None and not (
        isinstance(holds, list)
        and len(holds) <= MAX_HOLDS
        and all(isinstance(h, str) and hq_limits.plain_text(h, 64) for h in holds)
    ):
        raise SyncError("MALFORMED", "登记申请中的困难户清单无效。登记码仍然有效：请重新生成登记申请。")
    return Request(
        device_id, tid, nonce, sign_public, box_public, hq_fp, None if holds is None else frozenset(holds)
    )


def _find_token(hq: HQ, tid: str) -> str | None:
    with hq.session() as s:
        tokens = list(s.scalars(select(Enrolment.token)))
    for token in tokens:
        if secrets.compare_digest(proof.token_id(token), tid):
            return token
    return None


def enrol(hq: HQ, request: dict[str, Any]) -> dict[str, Any]:
    """Register a device's public keys against a one-time token. Repeating it is harmless."""
    req = parse(request)
    token = _find_token(hq, req.token_id)
    if token is None:
        raise SyncError(
            "BAD_TOKEN",
            "登记申请中的登记码不对：申请可能已损坏或被改动，或登记码已作废。请在本机重新生成登记申请；"
            "仍不行时请向市总工会重新申请登记文件。",
        )
    proof.verify_request(request, token, req.sign_public)  # no transaction held meanwhile
    if req.hq_fingerprint and not proof.fingerprint_matches(
        req.hq_fingerprint, hq.keys.sign_public, hq.keys.box_public
    ):
        raise SyncError(
            "WRONG_HQ_KEY",
            "这台设备保存的市总工会公钥不是本服务器的（登记文件来自别的服务器或被调换过）。"
            "请向市总工会重新申请登记文件。",
        )
    with hq.session() as s:
        enr = s.get(Enrolment, token)
        if enr is None:
            raise SyncError("BAD_TOKEN", "登记码无效。请向市总工会重新申请登记文件。")
        if enr.used_at is not None:
            dev = s.get(Device, enr.device_id or "")
            if dev is not None and dev.device_id == req.device_id and dev.sign_public == req.sign_public:
                return {"device_id": req.device_id, "name": dev.name, "status": "enrolled"}
            raise SyncError("TOKEN_USED", "登记码已被另一台设备使用过。请向市总工会重新申请。")
        if s.get(Device, req.device_id) is not None:
            raise SyncError("DEVICE_EXISTS", "该设备编号已登记过（可能是复制的数据库）。")
        s.add(
            Device(
                device_id=req.device_id,
                name=enr.name,
                sign_public=req.sign_public,
                box_public=req.box_public,
                instance_nonce=req.nonce,
            )
        )
        enr.used_at = utcnow()
        enr.device_id = req.device_id
        recovery.on_enrol(s, token, req.device_id, req.holds)  # a recovered clone: its households move here
        return {"device_id": req.device_id, "name": enr.name, "status": "enrolled"}
