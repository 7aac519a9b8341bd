"""Headquarters' store: keys, enrolment, ingest of batches, replies, status.

Every public method runs in its own transaction. Ingest applies a whole batch or nothing, so a
server killed mid-ingest leaves no trace of the batch and the device simply sends it again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any, cast

from sqlalchemy import Engine, Table, create_engine, event, exc, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.hq import migrate
from fieldapp.hq.models import (
    SCHEMA_VERSION,
    Alert,
    Attachment,
    Batch,
    Change,
    Conflict,
    Device,
    Enrolment,
    HQMeta,
    Outgoing,
    Record,
)
from fieldapp.storage.base import utcnow
from fieldapp.sync import protocol
from fieldapp.sync.protocol import KeyPair, SyncError

DEFAULT_URL_ENV = "FIELDAPP_HQ_DB"
CHUNK = 400
ENTITY_MAX = 40
OPS = {"insert", "update", "delete"}


@dataclass
class IngestResult:
    status: str  # accepted | duplicate | rejected
    code: str = "OK"
    message: str = ""
    batch_id: str = ""
    device_id: str = ""
    seq: int = 0
    changes: int = 0
    conflicts: int = 0
    gaps: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("accepted", "duplicate")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


class HQ:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._keys: KeyPair | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()

    # --- schema and keys ---------------------------------------------------------------------

    def init(self) -> None:
        """Create the tables (idempotent) and this server's key pair on first use."""
        migrate.upgrade(self.engine)
        with self.session() as s:
            if s.get(HQMeta, "schema_version") is None:
                s.add(HQMeta(key="schema_version", value=str(SCHEMA_VERSION).encode()))
            if s.get(HQMeta, "sign_secret") is None:
                kp = KeyPair.generate()
                s.add(HQMeta(key="sign_secret", value=kp.sign_secret))
                s.add(HQMeta(key="box_secret", value=kp.box_secret))
        with self.session() as s:
            version = int(s.get(HQMeta, "schema_version").value)  # type: ignore[union-attr]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"总部数据库结构版本 {version} 比本程序新，请升级 fieldapp-hq。")

    @property
    def keys(self) -> KeyPair:
        if self._keys is None:
            with self.session() as s:
                sign = s.get(HQMeta, "sign_secret")
                box = s.get(HQMeta, "box_secret")
                if sign is None or box is None:
                    raise RuntimeError("总部数据库尚未初始化：请先运行 fieldapp-hq init。")
                self._keys = KeyPair(sign.value, box.value)
        return self._keys

    # --- enrolment -----------------------------------------------------------------------------

    def issue_enrolment(self, name: str, url: str = "") -> dict[str, Any]:
        token = secrets.token_urlsafe(24)
        with self.session() as s:
            s.add(Enrolment(token=token, name=name))
        return {
            "kind": "fieldapp-enrolment",
            "v": protocol.FORMAT_VERSION,
            "hq_url": url,
            "hq_sign_public": protocol.b64(self.keys.sign_public),
            "hq_box_public": protocol.b64(self.keys.box_public),
            "token": token,
            "name": name,
        }

    def enrolment_for(self, token: str, url: str) -> dict[str, Any]:
        """The enrolment file again, for a device that was given the enrolment URL instead."""
        with self.session() as s:
            enr = s.get(Enrolment, token)
            if enr is None or enr.used_at is not None:
                raise SyncError("BAD_TOKEN", "登记码无效或已使用。请向市总工会重新申请。")
            name = enr.name
        return {
            "kind": "fieldapp-enrolment",
            "v": protocol.FORMAT_VERSION,
            "hq_url": url,
            "hq_sign_public": protocol.b64(self.keys.sign_public),
            "hq_box_public": protocol.b64(self.keys.box_public),
            "token": token,
            "name": name,
        }

    def enrol(self, request: dict[str, Any]) -> dict[str, Any]:
        """Register a device's public keys against a one-time token. Repeating it is harmless."""
        try:
            token = str(request["token"])
            device_id = str(uuid.UUID(str(request["device_id"])))
            sign_public = protocol.unb64(str(request["sign_public"]))
            box_public = protocol.unb64(str(request["box_public"]))
            nonce = str(request["instance_nonce"])
        except (KeyError, ValueError) as e:
            raise SyncError("MALFORMED", "登记申请不完整。") from e
        if len(sign_public) != 32 or len(box_public) != 32:
            raise SyncError("MALFORMED", "登记申请中的公钥长度不对。")
        with self.session() as s:
            enr = s.get(Enrolment, token)
            if enr is None:
                raise SyncError("BAD_TOKEN", "登记码无效。请向市总工会重新申请登记文件。")
            if enr.used_at is not None:
                dev = s.get(Device, enr.device_id or "")
                if dev is not None and dev.device_id == device_id and dev.sign_public == sign_public:
                    return {"device_id": device_id, "name": dev.name, "status": "enrolled"}
                raise SyncError("TOKEN_USED", "登记码已被另一台设备使用过。请向市总工会重新申请。")
            if s.get(Device, device_id) is not None:
                raise SyncError("DEVICE_EXISTS", "该设备编号已登记过（可能是复制的数据库）。")
            s.add(
                Device(
                    device_id=device_id,
                    name=enr.name,
                    sign_public=sign_public,
                    box_public=box_public,
                    instance_nonce=nonce,
                )
            )
            enr.used_at = utcnow()
            enr.device_id = device_id
            return {"device_id": device_id, "name": enr.name, "status": "enrolled"}

    def revoke(self, name_or_id: str) -> int:
        with self.session() as s:
            devs = s.scalars(
                select(Device).where((Device.device_id == name_or_id) | (Device.name == name_or_id))
            ).all()
            for d in devs:
                d.revoked_at = d.revoked_at or utcnow()
            return len(devs)

    # --- ingest --------------------------------------------------------------------------------

    def ingest(self, data: bytes, channel: str = "http") -> IngestResult:
        try:
            return self._ingest(data, channel)
        except exc.IntegrityError:
            # another request committed the same batch a moment ago: now it is a duplicate
            try:
                return self._ingest(data, channel)
            except SyncError as e:
                return IngestResult("rejected", e.code, e.message)
        except SyncError as e:
            return IngestResult("rejected", e.code, e.message)

    def _reject_logged(self, device_id: str, code: str, message: str) -> SyncError:
        with self.session() as s:
            s.add(Alert(device_id=device_id, code=code, message=message))
        return SyncError(code, message)

    def _ingest(self, data: bytes, channel: str) -> IngestResult:
        parsed = protocol.parse(data)
        h = parsed.header
        if h.get("kind") != "batch":
            raise SyncError("MALFORMED", "这不是设备发出的数据批次。")
        device_id = str(h.get("device_id", ""))
        batch_id = str(h.get("batch_id", ""))
        try:
            seq = int(h["seq"])
            count = int(h["count"])
        except (KeyError, TypeError, ValueError) as e:
            raise SyncError("MALFORMED", "批次文件头缺少序号或条数。") from e
        base = IngestResult("rejected", batch_id=batch_id, device_id=device_id, seq=seq, changes=count)
        with self.session() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise SyncError("UNKNOWN_DEVICE", "未登记的设备发来的数据，已拒收。请先完成设备登记。")
            protocol.verify(parsed, dev.sign_public)
            if dev.revoked_at is not None:
                raise self._reject_logged(
                    device_id, "DEVICE_REVOKED", f"设备“{dev.name}”已被停用，数据已拒收。请联系市总工会。"
                )
            known = s.get(Batch, batch_id)
            if known is not None:
                if known.payload_sha256 == h.get("payload_sha256") and known.device_id == device_id:
                    base.status, base.code, base.message = (
                        "duplicate",
                        "DUPLICATE",
                        "该批次已收到过，未重复入库。",
                    )
                    base.gaps = _gaps(s, device_id)
                    return base
                raise self._reject_logged(device_id, "SEQ_CONFLICT", "同一批次编号内容不同，已拒收。")
            same_seq = s.scalar(select(Batch).where(Batch.device_id == device_id, Batch.seq == seq))
            nonce_bad = h.get("instance_nonce") != dev.instance_nonce
            if same_seq is not None or nonce_bad:
                raise self._reject_logged(
                    device_id,
                    "CLONED_DATABASE",
                    f"设备“{dev.name}”的批次序号 {seq} 重复且内容不同（或数据库实例不符）："
                    "可能是复制或从备份恢复的数据库。已拒收，请联系市总工会技术人员。",
                )
            payload = protocol.open_payload(parsed, self.keys)
            changes, attachments = _validate(payload, count)
            conflicts = self._apply(s, device_id, batch_id, changes, attachments)
            s.add(
                Batch(
                    batch_id=batch_id,
                    device_id=device_id,
                    seq=seq,
                    payload_sha256=str(h["payload_sha256"]),
                    changes=count,
                    channel=channel,
                )
            )
            s.flush()
            base.status, base.code, base.message = "accepted", "OK", f"已入库 {count} 条记录。"
            base.conflicts = conflicts
            base.gaps = _gaps(s, device_id)
            return base

    def _apply(
        self,
        s: Session,
        device_id: str,
        batch_id: str,
        changes: list[dict[str, Any]],
        attachments: list[tuple[str, bytes]],
    ) -> int:
        rows: list[dict[str, Any]] = []
        for c in changes:
            text = protocol.canonical_json(c["row"]).decode("utf-8")
            rows.append(
                {
                    "device_id": device_id,
                    "outbox_seq": c["seq"],
                    "batch_id": batch_id,
                    "entity": c["entity"],
                    "row_id": c["row_id"],
                    "op": c["op"],
                    "version": c["version"],
                    "hlc": c["hlc"],
                    "data_sha256": protocol.sha256_hex(text.encode("utf-8")),
                    "data": text,
                }
            )
        row_ids = sorted({r["row_id"] for r in rows})
        seqs = [r["outbox_seq"] for r in rows]
        # changes of this device already stored (a restored database re-sending old sequence numbers)
        seen: dict[int, str] = {}
        for part in _chunks(seqs):
            for oseq, sha in s.execute(
                select(Change.outbox_seq, Change.data_sha256).where(
                    Change.device_id == device_id, Change.outbox_seq.in_(part)
                )
            ):
                seen[oseq] = sha
        fresh = []
        for r in rows:
            old = seen.get(r["outbox_seq"])
            if old is None:
                fresh.append(r)
            elif old != r["data_sha256"]:
                raise SyncError(
                    "CLONED_DATABASE",
                    "同一设备的同一变更序号内容不同：可能是复制或从备份恢复的数据库。已拒收。",
                )
        by_version: dict[tuple[str, str, int], tuple[str, str, str]] = {}
        current: dict[tuple[str, str], Record] = {}
        for part in _chunks(row_ids):
            for rec in s.scalars(select(Record).where(Record.row_id.in_(part))):
                current[(rec.entity, rec.row_id)] = rec
        # a conflict needs an earlier change of the same row: only rows HQ already has are looked up
        known = sorted({row_id for _, row_id in current})
        for part in _chunks(known):
            for ch in s.execute(
                select(
                    Change.entity,
                    Change.row_id,
                    Change.version,
                    Change.data_sha256,
                    Change.device_id,
                    Change.data,
                ).where(Change.row_id.in_(part))
            ):
                by_version[(ch.entity, ch.row_id, ch.version)] = (ch.data_sha256, ch.device_id, ch.data)
        conflicts: list[dict[str, Any]] = []
        new_records: dict[tuple[str, str], dict[str, Any]] = {}
        changed_records: dict[tuple[str, str], dict[str, Any]] = {}
        for r in fresh:
            key3 = (r["entity"], r["row_id"], r["version"])
            prior = by_version.get(key3)
            if prior is not None and prior[0] != r["data_sha256"]:
                conflicts.append(
                    {
                        "entity": r["entity"],
                        "row_id": r["row_id"],
                        "version": r["version"],
                        "device_a": prior[1],
                        "data_a": prior[2],
                        "device_b": device_id,
                        "data_b": r["data"],
                    }
                )
            by_version.setdefault(key3, (r["data_sha256"], device_id, r["data"]))
            key = (r["entity"], r["row_id"])
            rank = (r["version"], r["hlc"], device_id)
            values = {
                "entity": r["entity"],
                "row_id": r["row_id"],
                "version": r["version"],
                "hlc": r["hlc"],
                "device_id": device_id,
                "deleted": 1 if r["op"] == "delete" else 0,
                "data": r["data"],
            }
            if key in new_records:
                cur = new_records[key]
                if rank > (cur["version"], cur["hlc"], cur["device_id"]):
                    new_records[key] = values
            elif key in current or key in changed_records:
                cur = changed_records.get(key) or _rec_dict(current[key])
                if rank > (cur["version"], cur["hlc"], cur["device_id"]):
                    changed_records[key] = values
            else:
                new_records[key] = values
        if fresh:
            s.execute(insert(_table(Change)), fresh)
        if new_records:
            s.execute(insert(_table(Record)), list(new_records.values()))
        if changed_records:
            s.execute(update(Record), list(changed_records.values()))
        if conflicts:
            s.execute(insert(_table(Conflict)), conflicts)
        for sha, blob in attachments:
            if s.get(Attachment, sha) is None:
                s.add(Attachment(sha256=sha, data=blob))
        return len(conflicts)

    # --- replies -------------------------------------------------------------------------------

    def add_outgoing(self, device_id: str, kind: str, body: dict[str, Any]) -> int:
        with self.session() as s:
            item = Outgoing(device_id=device_id, kind=kind, body=protocol.canonical_json(body).decode())
            s.add(item)
            s.flush()
            return item.id

    def build_reply(self, device_id: str, cursor: int = 0) -> bytes:
        with self.session() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise SyncError("UNKNOWN_DEVICE", "未登记的设备。")
            if dev.revoked_at is not None:
                raise SyncError("DEVICE_REVOKED", "该设备已被停用。")
            acks = [
                {"batch_id": b, "seq": q}
                for b, q in s.execute(
                    select(Batch.batch_id, Batch.seq).where(Batch.device_id == device_id).order_by(Batch.seq)
                )
            ]
            items = [
                {"id": o.id, "kind": o.kind, "body": json.loads(o.body)}
                for o in s.scalars(
                    select(Outgoing)
                    .where(Outgoing.device_id.in_([device_id, "*"]), Outgoing.id > cursor)
                    .order_by(Outgoing.id)
                )
            ]
            gaps = _gaps(s, device_id)
            box_public = dev.box_public
        header = {
            "kind": "reply",
            "reply_id": str(uuid.uuid4()),
            "device_id": device_id,
            "created_at": utcnow().isoformat(),
            "count": len(items),
        }
        payload = {"acks": acks, "items": items, "gaps": gaps}
        return protocol.seal(header, payload, sender=self.keys, recipient_box_public=box_public)

    def devices(self) -> list[Device]:
        with self.session() as s:
            return list(s.scalars(select(Device).order_by(Device.name)))

    # --- status --------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        with self.session() as s:
            devices = s.scalar(select(func.count()).select_from(Device)) or 0
            revoked = s.scalar(select(func.count()).select_from(Device).where(Device.revoked_at.is_not(None)))
            gaps = {d: _gaps(s, d) for d in s.scalars(select(Device.device_id))}
            return {
                "devices": devices,
                "revoked_devices": revoked or 0,
                "batches": s.scalar(select(func.count()).select_from(Batch)) or 0,
                "records": s.scalar(select(func.count()).select_from(Record)) or 0,
                "changes": s.scalar(select(func.count()).select_from(Change)) or 0,
                "conflicts": s.scalar(
                    select(func.count()).select_from(Conflict).where(Conflict.resolved_at.is_(None))
                )
                or 0,
                "attachments": s.scalar(select(func.count()).select_from(Attachment)) or 0,
                "alerts": s.scalar(select(func.count()).select_from(Alert)) or 0,
                "gaps": {d: g for d, g in gaps.items() if g},
            }


def _table(model: type) -> Table:
    """The Core table of a model: Core executemany is far faster than the ORM's bulk path."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def _rec_dict(rec: Record) -> dict[str, Any]:
    return {
        "entity": rec.entity,
        "row_id": rec.row_id,
        "version": rec.version,
        "hlc": rec.hlc,
        "device_id": rec.device_id,
        "deleted": rec.deleted,
        "data": rec.data,
    }


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _gaps(s: Session, device_id: str) -> list[int]:
    """Batch sequence numbers below the highest received that have not arrived (yet)."""
    seqs = set(s.scalars(select(Batch.seq).where(Batch.device_id == device_id)))
    if not seqs:
        return []
    return [n for n in range(1, max(seqs)) if n not in seqs]


def _validate(payload: Any, count: int) -> tuple[list[dict[str, Any]], list[tuple[str, bytes]]]:
    bad = SyncError("INVALID_PAYLOAD", "批次内容不符合格式，已拒收。请联系技术人员。")
    if not isinstance(payload, dict) or not isinstance(payload.get("changes"), list):
        raise bad
    changes = payload["changes"]
    if len(changes) != count:
        raise bad
    for c in changes:
        if not isinstance(c, dict):
            raise bad
        ok = (
            isinstance(c.get("seq"), int)
            and isinstance(c.get("entity"), str)
            and 0 < len(c["entity"]) <= ENTITY_MAX
            and isinstance(c.get("row_id"), str)
            and 0 < len(c["row_id"]) <= 36
            and c.get("op") in OPS
            and isinstance(c.get("hlc"), int)
            and isinstance(c.get("version"), int)
            and isinstance(c.get("row"), dict)
        )
        if not ok:
            raise bad
    if len({c["seq"] for c in changes}) != len(changes):
        raise bad
    attachments: list[tuple[str, bytes]] = []
    for a in payload.get("attachments", []):
        try:
            blob = protocol.unb64(str(a["data"]))
        except (KeyError, TypeError, ValueError) as e:
            raise bad from e
        if protocol.sha256_hex(blob) != a.get("sha256"):
            raise SyncError("HASH_MISMATCH", "附件校验值不符，已拒收。")
        attachments.append((str(a["sha256"]), blob))
    return changes, attachments


def default_url(data_dir: str | None = None) -> str:
    env = os.environ.get(DEFAULT_URL_ENV)
    if env:
        return env
    from pathlib import Path

    base = Path(data_dir) if data_dir else Path.cwd() / "hq-data"
    base.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(base / 'hq.sqlite').as_posix()}"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()
