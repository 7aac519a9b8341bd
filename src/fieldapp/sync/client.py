"""The device side of sync: enrolment, cutting immutable batches, upload, USB export, replies.

A plain-Python API for the CLI and, later, the sync screen: every entry point takes an optional
`progress(done, total)` callback and returns a report whose `message` is plain Chinese.
"""

from __future__ import annotations

import json
import ssl
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fieldapp import __version__
from fieldapp.services.records import attachment_store
from fieldapp.storage import blobs, files
from fieldapp.storage.base import utcnow
from fieldapp.storage.db import Database
from fieldapp.storage.models import (
    Attachment,
    DeviceState,
    Household,
    OutboxEntry,
    SyncBatch,
    SyncIdentity,
)
from fieldapp.storage.os_errors import describe
from fieldapp.sync import enrolment, protocol, replies
from fieldapp.sync.protocol import KeyPair, SyncError

Progress = Callable[[int, int], None]
BATCH_MAX_CHANGES = 5000
BATCH_SUFFIX = ".fsb"
REPLY_SUFFIX = ".fsr"
ENROL_REQUEST_SUFFIX = ".enrol.json"
API = "/api/v1"
# headquarters' reply as received and after decompression (like HQ's caps on batches, hq/limits.py):
# a reply is inflated at most this far, so a damaged or hostile reply cannot exhaust memory
REPLY_MAX_BYTES = 512 * 1024 * 1024
REPLY_MAX_RATIO = 100
REPLY_RATIO_FLOOR = 4 * 1024 * 1024
CA_FILE_NAME = "hq-ca.pem"  # headquarters' CA certificate, kept in the data folder at enrolment


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__("NOT_ENROLLED", "本机尚未登记到市总工会。请先用登记文件执行“设备登记”。")


@dataclass
class SyncReport:
    batches: int = 0
    changes: int = 0
    rejected: list[str] = field(default_factory=list)
    acked: int = 0
    items: int = 0
    message: str = ""
    details: list[str] = field(default_factory=list)  # what headquarters' reply brought, in Chinese
    kind: str = ""  # upload | export | import: what the screen says it did (ui/sync_text.py)
    folder: str = ""  # export: where the batches were written
    files: int = 0  # import: reply files found

    @property
    def ok(self) -> bool:
        return not self.rejected


# --- enrolment ----------------------------------------------------------------------------------


def load_enrolment(
    source: str, fingerprint: str | None = None, *, ca_file: Path | None = None
) -> dict[str, Any]:
    """Read an enrolment file (JSON) issued by `fieldapp-hq enroll-device`, or fetch it by its URL.

    Fetched by URL, headquarters' keys are checked against `fingerprint` (from the enrolment
    letter): it is required, and a mismatch is refused before anything is stored."""
    url = source.startswith(("http://", "https://"))
    if url and not (fingerprint or "").strip():
        raise SyncError(
            "FINGERPRINT_REQUIRED",
            "联网登记需要输入登记信上的“市总工会公钥指纹”，用来确认连到的是真正的市总工会服务器。",
        )
    try:
        if url:
            r = httpx.get(source, timeout=30, verify=tls_verify(ca_file))
            data = r.json()
            if r.status_code != 200:
                said = data if isinstance(data, dict) else {}
                raise SyncError(str(said.get("code", "BAD_ENROLMENT")), str(said.get("message", r.text)))
        else:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
    except httpx.HTTPError as e:
        _untrusted(e)
        raise SyncError("NETWORK", "连不上市总工会服务器。请检查网络，或改用登记文件。") from e
    except OSError as e:
        raise SyncError("BAD_ENROLMENT", f"无法读取登记文件 {source}：{describe(e, source)}") from e
    except (ValueError, RecursionError) as e:
        raise SyncError(
            "BAD_ENROLMENT", f"登记文件 {source} 已损坏或不是登记文件，请向市总工会重新索取。"
        ) from e
    if not isinstance(data, dict) or data.get("kind") != "fieldapp-enrolment":
        raise SyncError("BAD_ENROLMENT", "这不是市总工会发出的设备登记文件。")
    _checked_enrolment(data)
    enrolment.check_enrolment_keys(data, fingerprint if (url or fingerprint) else None)
    return data


def _checked_enrolment(data: dict[str, Any]) -> dict[str, Any]:
    """Every field the device keeps, checked before any is kept: a damaged file changes nothing."""
    bad = SyncError("BAD_ENROLMENT", "登记文件已损坏或不完整，请向市总工会重新申请登记文件。")
    token, url = data.get("token"), data.get("hq_url") or ""
    if not (isinstance(token, str) and 0 < len(token) <= 100 and token.isprintable()):
        raise bad
    if not (isinstance(url, str) and len(url) <= 2000 and url.isprintable()):
        raise bad
    for key in ("hq_sign_public", "hq_box_public"):
        value = data.get(key)
        try:
            raw = protocol.unb64(value) if isinstance(value, str) else b""
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise bad
    return data


def tls_verify(ca_file: Path | None = None, data_dir: Path | None = None) -> ssl.SSLContext | bool:
    """How HTTPS certificates are checked: against `ca_file` if given, else against the CA file kept
    in the data folder at enrolment (`hq-ca.pem`), else against the system's trusted roots."""
    path = ca_file
    if path is None and data_dir is not None and (data_dir / CA_FILE_NAME).is_file():
        path = data_dir / CA_FILE_NAME
    if path is None:
        return True
    try:
        return ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as e:
        raise SyncError("BAD_CA_FILE", f"无法读取证书文件 {path}：{e}") from e


def _untrusted(e: Exception) -> None:
    if "CERTIFICATE_VERIFY_FAILED" in str(e) or "certificate verify failed" in str(e):
        raise SyncError(
            "TLS_UNTRUSTED",
            "市总工会服务器的HTTPS证书不受本机信任（可能是自签证书，或连到了假冒的服务器），已停止，未发送任何数据。"
            "请用市总工会提供的CA证书（--ca-file）后重试。",
        ) from e


def keep_ca_file(db: Database, ca_file: Path) -> None:
    """Remember headquarters' CA certificate in the data folder for every later upload."""
    tls_verify(ca_file)  # readable and a certificate
    write_atomic(db.path.parent / CA_FILE_NAME, ca_file.read_bytes())


def start_enrolment(db: Database, letter: dict[str, Any]) -> dict[str, Any]:
    """Make this device's key pair (once) and return the signed enrolment request for headquarters."""
    from fieldapp.sync import recovery

    enrolment.check_enrolment_keys(letter, None)
    if recovery.applies(db, letter):  # headquarters' recovery file after a clone lockout
        recovery.take_new_identity(db)
    with db.session() as s:
        state = s.scalars(select(DeviceState)).one()
        ident = s.get(SyncIdentity, state.device_id)
        if ident is None:
            kp = KeyPair.generate()
            ident = SyncIdentity(
                device_id=state.device_id,
                sign_secret=kp.sign_secret,
                box_secret=kp.box_secret,
                reply_cursor=0,
            )
            s.add(ident)
        ident.hq_url = str(letter.get("hq_url") or "")
        ident.hq_sign_public = protocol.unb64(str(letter["hq_sign_public"]))
        ident.hq_box_public = protocol.unb64(str(letter["hq_box_public"]))
        ident.token = str(letter["token"])
        kp = KeyPair(ident.sign_secret, ident.box_secret)
        fields = {
            "kind": enrolment.REQUEST_KIND,
            "v": protocol.FORMAT_VERSION,
            "device_id": state.device_id,
            "instance_nonce": state.instance_nonce,
            "label": state.label,
            "sign_public": protocol.b64(kp.sign_public),
            "box_public": protocol.b64(kp.box_public),
            "hq_fingerprint": enrolment.hq_fingerprint(ident.hq_sign_public, ident.hq_box_public),
        }
        if letter.get("replaces"):  # so headquarters sends the households only the copy had
            fields["holds"] = recovery.households_held(s)
        return enrolment.sign_request(fields, ident.token, kp.sign_secret)


def mark_enrolled(db: Database) -> None:
    with db.session() as s:
        ident = _identity(s)
        ident.enrolled_at = ident.enrolled_at or utcnow()


def enroll_online(
    db: Database, letter: dict[str, Any], server: str | None = None, *, ca_file: Path | None = None
) -> str:
    request = start_enrolment(db, letter)
    url = (server or str(letter.get("hq_url") or "")).rstrip("/")
    if not url:
        raise SyncError("NO_SERVER", "登记文件里没有服务器地址；请用U盘方式登记（--request-out）。")
    try:
        r = httpx.post(
            f"{url}{API}/enrol", json=request, timeout=30, verify=tls_verify(ca_file, db.path.parent)
        )
    except httpx.HTTPError as e:
        _untrusted(e)
        raise SyncError("NETWORK", "连不上市总工会服务器。请检查网络，或改用U盘方式登记。") from e
    body = r.json()
    if r.status_code != 200:
        raise SyncError(str(body.get("code", "ERROR")), str(body.get("message", r.text)))
    mark_enrolled(db)
    if ca_file is not None:
        keep_ca_file(db, ca_file)
    return f"设备登记成功：{body.get('name', '')}"


def write_enrolment_request(db: Database, letter: dict[str, Any], out: Path) -> Path:
    request = start_enrolment(db, letter)
    if out.is_dir() or not out.name.endswith(".json"):  # a folder on the stick (made if missing)
        out = out / f"{request['device_id']}{ENROL_REQUEST_SUFFIX}"
    write_atomic(out, json.dumps(request, ensure_ascii=False, indent=1).encode("utf-8"))
    return out


def _identity(s: Session) -> SyncIdentity:
    ident = s.scalars(select(SyncIdentity)).first()
    if ident is None:
        raise NotEnrolled()
    return ident


# --- cutting batches ----------------------------------------------------------------------------


def pending_changes(db: Database) -> int:
    with db.session() as s:
        return int(
            s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))) or 0
        )


def cut_batches(db: Database, *, max_changes: int = BATCH_MAX_CHANGES) -> int:
    """Seal every outbox entry not yet in a batch into immutable batches. Returns how many were cut."""
    cut = 0
    while True:
        with db.session() as s:
            ident = _identity(s)
            entries = list(
                s.scalars(
                    select(OutboxEntry)
                    .where(OutboxEntry.batch_id.is_(None))
                    .order_by(OutboxEntry.seq)
                    .limit(max_changes)
                )
            )
            if not entries:
                return cut
            state = s.scalars(select(DeviceState)).one()
            seq = int(s.scalar(select(func.max(SyncBatch.seq))) or 0) + 1
            batch_id = str(uuid.uuid4())
            sealed = seal_batch(
                s, ident, state.instance_nonce, batch_id, seq, entries, attachment_store(db), db.key
            )
            s.add(
                SyncBatch(
                    batch_id=batch_id,
                    seq=seq,
                    first_outbox_seq=entries[0].seq,
                    last_outbox_seq=entries[-1].seq,
                    changes=len(entries),
                    sealed=sealed,
                )
            )
            # exactly the selected entries: the first N unbatched ones in seq order
            s.execute(
                update(OutboxEntry)
                .where(
                    OutboxEntry.seq.between(entries[0].seq, entries[-1].seq), OutboxEntry.batch_id.is_(None)
                )
                .values(batch_id=batch_id)
                .execution_options(synchronize_session=False)
            )
            cut += 1


def seal_batch(
    s: Session | None,
    ident: SyncIdentity,
    instance_nonce: str,
    batch_id: str,
    seq: int,
    entries: list[OutboxEntry],
    store: Path | None = None,
    key: bytes | None = None,
) -> bytes:
    changes = [
        {
            "seq": e.seq,
            "entity": e.entity,
            "row_id": e.row_id,
            "op": e.op,
            "hlc": e.hlc,
            "version": e.version,
            "row": json.loads(e.payload),
        }
        for e in entries
    ]
    attachments = []
    if s is not None and store is not None:
        ids = [e.row_id for e in entries if e.entity == Attachment.__tablename__]
        hashes = (
            sorted(set(s.scalars(select(Attachment.sha256).where(Attachment.id.in_(ids))))) if ids else []
        )
        for sha in hashes:
            path = store / sha[:2] / sha
            if path.is_file():
                attachments.append({"sha256": sha, "data": protocol.b64(blobs.read(path, key))})
    header = {
        "kind": "batch",
        "batch_id": batch_id,
        "device_id": ident.device_id,
        "seq": seq,
        "first_outbox_seq": entries[0].seq,
        "last_outbox_seq": entries[-1].seq,
        "count": len(entries),
        "attachments": len(attachments),
        "instance_nonce": instance_nonce,
        "created_at": utcnow().isoformat(),
        "app_version": __version__,
    }
    return protocol.seal(
        header,
        {"changes": changes, "attachments": attachments},
        sender=KeyPair(ident.sign_secret, ident.box_secret),
        recipient_box_public=ident.hq_box_public,
    )


def _unacked(db: Database) -> list[SyncBatch]:
    with db.session() as s:
        return list(s.scalars(select(SyncBatch).where(SyncBatch.acked_at.is_(None)).order_by(SyncBatch.seq)))


def _ack(db: Database, batch_ids: list[str]) -> int:
    if not batch_ids:
        return 0
    now = utcnow()
    with db.session() as s:
        result = s.execute(
            update(SyncBatch)
            .where(SyncBatch.batch_id.in_(batch_ids), SyncBatch.acked_at.is_(None))
            .values(acked_at=now)
            .execution_options(synchronize_session=False)
        )
        n = getattr(result, "rowcount", 0)
        s.execute(
            update(OutboxEntry)
            .where(OutboxEntry.batch_id.in_(batch_ids), OutboxEntry.acked_at.is_(None))
            .values(acked_at=now)
            .execution_options(synchronize_session=False)
        )
        _identity(s).last_success_at = now
        return int(n or 0)


# --- network ------------------------------------------------------------------------------------


def upload(
    db: Database,
    server: str | None = None,
    *,
    progress: Progress | None = None,
    retries: int = 4,
    backoff: float = 0.5,
    timeout: float = 60.0,
    ca_file: Path | None = None,
) -> SyncReport:
    """Cut pending changes, send every unacknowledged batch, then fetch and apply the reply."""
    with db.session() as s:
        ident = _identity(s)
        url = (server or ident.hq_url).rstrip("/")
    if not url:
        raise SyncError("NO_SERVER", "没有市总工会服务器地址。请用 --server 指定，或改用U盘导出。")
    cut_batches(db)
    batches = _unacked(db)
    report = SyncReport()
    with httpx.Client(timeout=timeout, verify=tls_verify(ca_file, db.path.parent)) as client:
        for i, b in enumerate(batches, 1):
            body = _post_with_retry(client, f"{url}{API}/batches", b.sealed, retries, backoff)
            if body.get("status") in ("accepted", "duplicate"):
                _ack(db, [b.batch_id])
                report.batches += 1
                report.changes += b.changes
            else:
                report.rejected.append(f"第 {b.seq} 批：{body.get('message', body.get('code'))}")
            if progress:
                progress(i, len(batches))
        r = fetch_reply(db, client, url, retries=retries, backoff=backoff)
        if r.status_code == 200:
            applied = apply_reply(db, r.content)
            report.acked, report.items, report.details = applied.acked, applied.items, applied.details
        else:
            report.rejected.append("取回执：" + _error_text(r))
    report.message = _upload_message(report)
    report.kind = "upload"
    return report


def _upload_message(report: SyncReport) -> str:
    msg = f"已上传 {report.batches} 批，共 {report.changes} 条记录"
    if report.items:
        msg += f"；收到市总工会更新 {report.items} 条"
    if report.details:
        msg += "（" + "，".join(report.details) + "）"
    if report.rejected:
        msg += "；被拒收：" + "；".join(report.rejected)
    return msg


def _request_with_retry(send: Callable[[], httpx.Response], retries: int, backoff: float) -> httpx.Response:
    last: Exception | None = None
    for attempt in range(retries + 1):
        try:
            r = send()
            if r.status_code < 500:
                return r
            last = SyncError("SERVER_ERROR", f"服务器出错（{r.status_code}）")
        except httpx.TransportError as e:
            _untrusted(e)  # a certificate is not a passing fault: no retry
            last = e
        if attempt < retries:
            time.sleep(backoff * (2**attempt))
    if isinstance(last, SyncError):
        raise SyncError(
            "NETWORK",
            f"多次重试后仍连不上市总工会服务器：{last.message}。数据都还在本机，请稍后再试或改用U盘导出。",
        )
    raise SyncError("NETWORK", "多次重试后仍连不上市总工会服务器。数据都还在本机，请稍后再试或改用U盘导出。")


def fetch_reply(
    db: Database, client: httpx.Client, url: str, *, retries: int = 4, backoff: float = 0.5
) -> httpx.Response:
    """GET this device's reply, signed: a fresh challenge from headquarters, signed with the device key."""
    with db.session() as s:
        ident = _identity(s)
        cursor, device_id, sign_secret = ident.reply_cursor, ident.device_id, ident.sign_secret
    r = _request_with_retry(lambda: client.get(f"{url}{API}/challenge"), retries, backoff)
    if r.status_code != 200:
        return r
    challenge = str(r.json()["challenge"])
    signature = Ed25519PrivateKey.from_private_bytes(sign_secret).sign(
        protocol.reply_request_message(device_id, cursor, challenge)
    )
    headers = {"X-Fieldapp-Challenge": challenge, "X-Fieldapp-Signature": protocol.b64(signature)}
    return _request_with_retry(
        lambda: client.get(
            f"{url}{API}/devices/{device_id}/reply", params={"cursor": cursor}, headers=headers
        ),
        retries,
        backoff,
    )


def _error_text(r: httpx.Response) -> str:
    try:
        body = r.json()
        return str(body.get("message") or body.get("code") or r.status_code)
    except ValueError:
        return f"服务器返回 {r.status_code}"


def _post_with_retry(
    client: httpx.Client, url: str, data: bytes, retries: int, backoff: float
) -> dict[str, Any]:
    r = _request_with_retry(
        lambda: client.post(url, content=data, headers={"content-type": "application/octet-stream"}),
        retries,
        backoff,
    )
    try:
        body = r.json()
    except ValueError:
        body = {"status": "rejected", "code": "HTTP", "message": f"服务器返回 {r.status_code}"}
    return body if isinstance(body, dict) else {"status": "rejected", "code": "HTTP", "message": str(body)}


# --- USB --------------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Temporary name, fsync, rename, fsync the folder, then read back and compare."""
    files.write_atomic(path, data, tmp=path.with_name(f".{path.name}.tmp"))  # hidden while partial
    if path.read_bytes() != data:
        raise SyncError("WRITE_VERIFY", f"写入U盘后读回的内容不一致：{path}。请换一个U盘重试。")


def batch_file_name(device_id: str, seq: int) -> str:
    return f"fieldapp-{device_id}-{seq:06d}{BATCH_SUFFIX}"


def export_usb(db: Database, folder: Path, *, progress: Progress | None = None) -> SyncReport:
    """Write every unacknowledged batch to the folder (atomically, verified); keep them until acked."""
    with db.session() as s:
        device_id = _identity(s).device_id
    cut_batches(db)
    batches = _unacked(db)
    report = SyncReport()
    try:
        for i, b in enumerate(batches, 1):
            write_atomic(folder / batch_file_name(device_id, b.seq), b.sealed)
            report.batches += 1
            report.changes += b.changes
            if progress:
                progress(i, len(batches))
    except OSError as e:
        raise SyncError("USB_WRITE", f"写入U盘失败（{e}）。本机数据没有丢失，请检查U盘后重新导出。") from e
    report.message = f"已导出 {report.batches} 批，共 {report.changes} 条记录到 {folder}"
    report.kind, report.folder = "export", str(folder)
    return report


def import_replies(db: Database, source: Path, *, progress: Progress | None = None) -> SyncReport:
    """Apply headquarters' reply files (a file or a folder of *.fsr) brought back on a stick."""
    with db.session() as s:
        device_id = _identity(s).device_id
    if source.is_dir():
        files = sorted(p for p in source.glob(f"*{REPLY_SUFFIX}") if device_id in p.name)
    else:
        files = [source]
    report = SyncReport()
    for i, path in enumerate(files, 1):
        try:
            if path.stat().st_size > REPLY_MAX_BYTES:
                raise SyncError(
                    "TOO_LARGE",
                    f"回执文件超过 {REPLY_MAX_BYTES // 1024 // 1024} MB，不是市总工会的回执，未读取",
                )
            r = apply_reply(db, path.read_bytes())
        except SyncError as e:
            report.rejected.append(f"{path.name}：{e.message}")
        else:
            report.acked += r.acked
            report.items += r.items
            report.details += r.details
        if progress:
            progress(i, len(files))
    report.message = f"已确认 {report.acked} 批；收到市总工会更新 {report.items} 条"
    if report.details:
        report.message += "（" + "，".join(report.details) + "）"
    if not files:
        report.message = "U盘里没有本机的回执文件。"
    if report.rejected:
        report.message += "；无法导入：" + "；".join(report.rejected)
    report.kind, report.files = "import", len(files)
    return report


# --- replies --------------------------------------------------------------------------------


def reply_inflate_cap(compressed_len: int) -> int:
    """How far a reply of `compressed_len` bytes may inflate: a ratio cap and an absolute cap."""
    return min(REPLY_MAX_BYTES, max(REPLY_RATIO_FLOOR, compressed_len * REPLY_MAX_RATIO))


def apply_reply(db: Database, data: bytes) -> SyncReport:
    with db.session() as s:
        ident = _identity(s)
        kp = KeyPair(ident.sign_secret, ident.box_secret)
        hq_sign = ident.hq_sign_public
        device_id = ident.device_id
    parsed = protocol.parse(data)
    if parsed.header.get("kind") != "reply" or parsed.header.get("device_id") != device_id:
        raise SyncError("WRONG_RECIPIENT", "这个回执不是发给本机的。")
    protocol.verify(parsed, hq_sign)
    try:
        payload = protocol.open_payload(parsed, kp, max_plain=reply_inflate_cap(len(parsed.ciphertext)))
    except SyncError as e:
        if e.code != "TOO_LARGE":
            raise
        cap = reply_inflate_cap(len(parsed.ciphertext)) // 1024 // 1024
        raise SyncError(
            "TOO_LARGE",
            f"回执解压后超过 {cap} MB（压缩比异常），未展开、未导入。本机数据没有改动，请联系市总工会。",
        ) from e
    mark_enrolled(db)
    acked = _ack(db, [str(a["batch_id"]) for a in payload.get("acks", [])])
    items = 0
    result = replies.Applied()
    files = attachment_store(db)
    forms = db.path.parent / "forms"  # services.printing.sent_forms_folder: headquarters' templates

    def write_file(path: Path, data: bytes) -> None:
        store_attachment(db, path, data)

    # HQ's rows are applied as they are: no local outbox entry, they came from headquarters
    with db.sessions(info={"device": None}) as s, s.begin():
        ident = _identity(s)
        for item in payload.get("items", []):
            if int(item["id"]) <= ident.reply_cursor:
                continue
            replies.apply_item(s, str(item["kind"]), item["body"], files, write_file, result, forms)
            ident.reply_cursor = int(item["id"])
            items += 1
    return SyncReport(acked=acked, items=items, details=_details(result))


def store_attachment(db: Database, path: Path, data: bytes) -> None:
    """A document photo from headquarters (a handed-over household), stored like the app stores one."""
    blobs.write(path, data, db.key)


def _details(result: replies.Applied) -> list[str]:
    out = []
    if result.outcomes:
        out.append(f"转介办理结果 {result.outcomes} 条")
    if result.handed_in:
        out.append(f"移交给本机的困难户 {len(result.handed_in)} 户")
    if result.handed_out:
        out.append(f"已移交给其他干部的困难户 {len(result.handed_out)} 户（本机只读）")
    if "dibao_standard_fen" in result.settings:
        out.append("低保标准已更新")
    if "receiving_bodies" in result.settings:
        out.append("接收单位目录已更新")
    if result.campaigns:
        out.append("再摸底安排：" + result.campaigns[-1])
    if result.forms:
        out.append("表单模板已更新：" + "、".join(dict.fromkeys(result.forms)))
    if result.skipped:
        out.append("未能应用 " + str(len(result.skipped)) + " 条：" + "；".join(result.skipped[:3]))
    return out


def status(db: Database) -> dict[str, Any]:
    """What a sync screen shows: enrolled?, pending changes and batches, last success, server."""
    with db.session() as s:
        ident = s.scalars(select(SyncIdentity)).first()
        unacked = s.execute(
            select(func.count(), func.coalesce(func.sum(SyncBatch.changes), 0)).where(
                SyncBatch.acked_at.is_(None)
            )
        ).one()
        unbatched = int(
            s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.batch_id.is_(None))) or 0
        )
        handed_over = int(
            s.scalar(
                select(func.count()).select_from(Household).where(Household.owner_device != db.device_id)
            )
            or 0
        )
    return {
        "enrolled": ident is not None and ident.enrolled_at is not None,
        "enrolment_started": ident is not None,
        "device_id": db.device_id,
        "hq_url": ident.hq_url if ident else "",
        "pending_changes": pending_changes(db),
        "unbatched_changes": unbatched,
        "unacked_batches": int(unacked[0]),
        "unacked_changes": int(unacked[1]),
        "last_success_at": ident.last_success_at.isoformat() if ident and ident.last_success_at else None,
        "handed_over": handed_over,
    }
