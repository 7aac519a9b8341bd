"""A received batch's header and payload, checked against headquarters' limits before use.

The header is checked before the signature (cheap, and every id must fit its column); the
payload after decryption, with bounded inflation (protocol.open_payload), before any row is
written. Everything refused here is a `SyncError` (4xx over HTTP, one report line on a stick).
"""

from __future__ import annotations

from typing import Any

from fieldapp.hq import limits as L
from fieldapp.hq.limits import Limits
from fieldapp.sync import protocol
from fieldapp.sync.protocol import SyncError

ENTITY_MAX = 40
ROW_ID_MAX = 36
OPS = {"insert", "update", "delete"}


def header(h: dict[str, Any], limits: Limits) -> tuple[str, str, int, int]:
    """(device_id, batch_id, seq, count) of a batch header, each within bounds."""
    if h.get("kind") != "batch":
        raise SyncError("MALFORMED", "这不是设备发出的数据批次。")
    if "seq" not in h or "count" not in h:
        raise SyncError("MALFORMED", "批次文件头缺少序号或条数。")
    seq, count = h["seq"], h["count"]
    if not L.bounded_int(seq, 1, L.INT32_MAX) or not L.bounded_int(count, 0, L.INT32_MAX):
        raise SyncError("MALFORMED", "批次文件头的序号或条数无效。")
    if count > limits.max_changes:
        raise SyncError(
            "TOO_MANY_RECORDS",
            f"一个批次最多 {limits.max_changes} 条记录，这个批次有 {count} 条，已拒收。请升级程序后重新导出。",
        )
    if not isinstance(h.get("payload_sha256"), str) or len(h["payload_sha256"]) != 64:
        raise SyncError("MALFORMED", "批次文件头缺少内容校验值。")
    app_version(h)
    return L.uuid_text(h.get("device_id"), "设备编号"), L.uuid_text(h.get("batch_id"), "批次编号"), seq, count


APP_VERSION_MAX = 40


def app_version(h: dict[str, Any]) -> str | None:
    """The sender's fieldapp version (header field since 0.1.0; older batches have none)."""
    v = h.get("app_version")
    if v is None:
        return None
    if not L.plain_text(v, APP_VERSION_MAX):
        raise SyncError("MALFORMED", "批次文件头中的程序版本号无效。")
    return str(v)


def seq_too_far(seq: int, highest: int, limits: Limits) -> SyncError | None:
    """A batch number far beyond the device's highest: not a stick on its way but a forged or
    broken counter, which would otherwise open an enormous gap."""
    if seq <= highest + limits.max_seq_jump:
        return None
    return SyncError(
        "SEQ_TOO_FAR",
        f"批次序号 {seq} 比该设备已收到的最大序号 {highest} 大得太多（上限 {limits.max_seq_jump}），"
        "已拒收并记录警报。请联系市总工会技术人员。",
    )


def _change_ok(c: Any, limits: Limits) -> bool:
    if not isinstance(c, dict):
        return False
    entity, row_id, row = c.get("entity"), c.get("row_id"), c.get("row")
    return (
        L.bounded_int(c.get("seq"), 1, L.INT32_MAX)
        and L.plain_text(entity, ENTITY_MAX)
        and L.plain_text(row_id, ROW_ID_MAX)
        and c.get("op") in OPS
        and L.bounded_int(c.get("hlc"), 0, L.INT64_MAX)
        and L.bounded_int(c.get("version"), 0, L.INT32_MAX)
        and isinstance(row, dict)
        and len(protocol.canonical_json(row)) <= limits.max_row_bytes
    )


def attachment_too_large(limits: Limits) -> SyncError:
    return SyncError(
        "ATTACHMENT_TOO_LARGE",
        f"批次中有一个附件超过 {limits.max_attachment_bytes // L.MIB} MB（总部的上限），整批已拒收，"
        "本机数据没有丢失。请在本机把该附件换成较小的照片后再同步，或联系市总工会调整上限。",
    )


def payload(value: Any, count: int, limits: Limits) -> tuple[list[dict[str, Any]], list[tuple[str, bytes]]]:
    """The changes and attachment files of a decrypted payload, or INVALID_PAYLOAD."""
    bad = SyncError("INVALID_PAYLOAD", "批次内容不符合格式，已拒收。请联系技术人员。")
    if not isinstance(value, dict) or not isinstance(value.get("changes"), list):
        raise bad
    changes = value["changes"]
    if len(changes) != count:
        raise bad
    for c in changes:
        if not _change_ok(c, limits):
            raise bad
    if len({c["seq"] for c in changes}) != len(changes):
        raise bad
    files = value.get("attachments", [])
    if not isinstance(files, list) or len(files) > limits.max_attachments:
        raise bad
    attachments: list[tuple[str, bytes]] = []
    for a in files:
        if not isinstance(a, dict):
            raise bad
        data = a.get("data")
        if isinstance(data, str) and len(data) // 4 * 3 > limits.max_attachment_bytes + 2:
            raise attachment_too_large(limits)
        try:
            blob = protocol.unb64(str(data))
        except (KeyError, TypeError, ValueError) as e:
            raise bad from e
        if len(blob) > limits.max_attachment_bytes:
            raise attachment_too_large(limits)
        if protocol.sha256_hex(blob) != a.get("sha256"):
            raise SyncError("HASH_MISMATCH", "附件校验值不符，已拒收。")
        attachments.append((str(a["sha256"]), blob))
    return changes, attachments
