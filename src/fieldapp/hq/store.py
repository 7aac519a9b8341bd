"""Headquarters' store: keys, enrolment, ingest of batches, replies, status.

Every public method runs in its own transaction. Ingest applies a whole batch or nothing, so a
server killed mid-ingest leaves no trace of the batch and the device simply sends it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import time
import uuid
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, Table, create_engine, event, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.domain import clock
from fieldapp.hq import (
    batchcheck,
    datakey,
    devicenames,
    enrolment,
    hqrows,
    hqwrite,
    ledger_index,
    migrate,
    ownership,
    region,
    rekey,
    rowbind,
    rowlock,
    stats_index,
)
from fieldapp.hq import limits as hq_limits
from fieldapp.hq.models import (
    SCHEMA_VERSION,
    Alert,
    Attachment,
    Batch,
    Change,
    Conflict,
    Device,
    Enrolment,
    Handover,
    HQBase,
    HQMeta,
    Outgoing,
    Record,
)
from fieldapp.hq.sealed import Keyring, SealedDataError
from fieldapp.storage.base import utcnow
from fieldapp.sync import protocol
from fieldapp.sync.protocol import KeyPair, SyncError

log = logging.getLogger(__name__)

DEFAULT_URL_ENV = "FIELDAPP_HQ_DB"
CHUNK = 400
# written only by the household's owner device (docs/data-model.md); the rest are append-only
SINGLE_WRITER = {"household", "member", "pairing", "visit", "referral"}
CHALLENGE_TTL_S = 300
SETTING_KEYS = {"dibao_standard_fen", "receiving_bodies"}


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
    gaps: list[list[int]] = field(default_factory=list)  # [first, last] ranges of missing batches

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
    def __init__(
        self, url: str, limits: hq_limits.Limits = hq_limits.DEFAULT, key_file: Path | None = None
    ) -> None:
        self.url = url
        self.limits = limits
        self.engine = make_engine(url)
        self.datakey = datakey.KeyHolder(url, key_file)  # sealed columns: hq/sealed.py
        self.datakey.bind(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        rowbind.install(self.sessions)  # sealed values bound to their rows (hq/sealed.py)
        rowbind.install_mappers(HQBase)  # ...and to the ids the database assigns
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
        self.datakey.prepare(self.engine)  # a wrong data key stops here, before anything is written
        before = migrate.current_revision(self.engine)
        migrate.upgrade(self.engine)
        rekey.scrub_after_sealing(self.engine, before)  # no plaintext left in free pages
        with self.session() as s:
            if s.get(HQMeta, "schema_version") is None:
                s.add(HQMeta(key="schema_version", value=str(SCHEMA_VERSION).encode()))
            if s.get(HQMeta, "sign_secret") is None:
                kp = KeyPair.generate()
                s.add(HQMeta(key="sign_secret", value=kp.sign_secret))
                s.add(HQMeta(key="box_secret", value=kp.box_secret))
            if s.get(HQMeta, "admin_token") is None:
                s.add(HQMeta(key="admin_token", value=secrets.token_urlsafe(32).encode()))
            region.apply_stored(s)  # the city (or county) headquarters serves: hq/region.py
            ledger_index.rebuild_if_missing(s)  # households synced before the console existed
            stats_index.rebuild_if_missing(s)  # and before the statistics existed
        with self.session() as s:
            version = int(s.get(HQMeta, "schema_version").value)  # type: ignore[union-attr]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"总部数据库结构版本 {version} 比本程序新，请升级 fieldapp-hq。")

    @property
    def keyring(self) -> Keyring:
        return self.datakey.ring()

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
        return enrolment.issue(self, name, url)

    def enrolment_for(self, token: str, url: str) -> dict[str, Any]:
        """The enrolment file again, for a device that was given the enrolment URL instead."""
        with self.session() as s:
            enr = s.get(Enrolment, token)
            if enr is None or enr.used_at is not None:
                raise SyncError("BAD_TOKEN", "登记码无效或已使用。请向市总工会重新申请。")
            name = enr.name
        return enrolment.enrolment_file(self, token, name, url)

    def enrol(self, request: dict[str, Any]) -> dict[str, Any]:
        """Register a signed enrolment request (hq/enrolment.py). Repeating it is harmless."""
        return enrolment.enrol(self, request)

    def revoke(self, name_or_id: str) -> int:
        with self.session() as s:
            devs = devicenames.matching(s, name_or_id)
            for d in devs:
                d.revoked_at = d.revoked_at or utcnow()
            return len(devs)

    # --- ingest --------------------------------------------------------------------------------

    def ingest(self, data: bytes, channel: str = "http") -> IngestResult:
        try:
            # lost a race (the same batch, or the same new row, committed a moment ago): run again
            result = rowlock.retry(lambda: self._ingest(data, channel))
        except SyncError as e:
            result = IngestResult("rejected", e.code, e.message)
        log.info(
            "批次 %s（设备 %s，%s）：%s %s",
            result.batch_id,
            result.device_id,
            channel,
            result.status,
            result.message,
        )
        return result

    def _gaps(self, s: Session, device_id: str) -> list[list[int]]:
        """Batch numbers below the highest received that have not arrived (yet), as ranges."""
        seqs = list(s.scalars(select(Batch.seq).where(Batch.device_id == device_id)))
        return hq_limits.gap_ranges(seqs, self.limits.max_gap_ranges)

    def _reject_logged(self, device_id: str, code: str, message: str) -> SyncError:
        with self.session() as s:
            s.add(Alert(device_id=device_id, code=code, message=message))
        return SyncError(code, message)

    def _ingest(self, data: bytes, channel: str) -> IngestResult:
        if len(data) > self.limits.max_batch_bytes:
            raise hq_limits.too_large("批次文件", self.limits.max_batch_bytes)
        parsed = protocol.parse(data)
        h = parsed.header
        device_id, batch_id, seq, count = batchcheck.header(h, self.limits)
        base = IngestResult("rejected", batch_id=batch_id, device_id=device_id, seq=seq, changes=count)
        with self.session() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise SyncError("UNKNOWN_DEVICE", "未登记的设备发来的数据，已拒收。请先完成设备登记。")
            protocol.verify(parsed, dev.sign_public)
            if dev.revoked_at is not None:
                # no name in the alert's message (kept in clear): the alerts page shows it from hq_device
                raise self._reject_logged(
                    device_id, "DEVICE_REVOKED", "该设备已被停用，数据已拒收。请联系市总工会。"
                )
            # this before the batch id: a copy committed in between is then seen as a duplicate, not a clone
            same_seq = s.scalar(select(Batch).where(Batch.device_id == device_id, Batch.seq == seq))
            known = s.get(Batch, batch_id)
            if known is not None:
                if known.payload_sha256 == h.get("payload_sha256") and known.device_id == device_id:
                    base.status, base.code, base.message = (
                        "duplicate",
                        "DUPLICATE",
                        "该批次已收到过，未重复入库。",
                    )
                    base.gaps = self._gaps(s, device_id)
                    return base
                raise self._reject_logged(device_id, "SEQ_CONFLICT", "同一批次编号内容不同，已拒收。")
            nonce_bad = h.get("instance_nonce") != dev.instance_nonce
            if same_seq is not None or nonce_bad:
                raise self._reject_logged(
                    device_id,
                    "CLONED_DATABASE",
                    f"设备“{dev.name}”的批次序号 {seq} 重复且内容不同（或数据库实例不符）："
                    "可能是复制或从备份恢复的数据库。已拒收，请联系市总工会技术人员。",
                )
            highest = s.scalar(select(func.max(Batch.seq)).where(Batch.device_id == device_id)) or 0
            too_far = batchcheck.seq_too_far(seq, highest, self.limits)
            if too_far is not None:
                raise self._reject_logged(device_id, too_far.code, too_far.message)
            try:
                cap = hq_limits.inflate_cap(len(parsed.ciphertext), self.limits)
                payload = protocol.open_payload(parsed, self.keys, max_plain=cap)
            except SyncError as e:
                if e.code != "TOO_LARGE":
                    raise
                raise self._reject_logged(device_id, e.code, e.message) from e
            changes, attachments = batchcheck.payload(payload, count, self.limits)
            log.info(
                "批次 %s（设备 %s，第 %d 批）校验通过，正在写入 %d 条记录", batch_id, device_id, seq, count
            )
            conflicts = self._apply(s, device_id, batch_id, changes, attachments)
            dev.app_version = batchcheck.app_version(h) or dev.app_version
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
            base.gaps = self._gaps(s, device_id)
            return base

    def _apply(
        self,
        s: Session,
        device_id: str,
        batch_id: str,
        changes: list[dict[str, Any]],
        attachments: list[tuple[str, bytes]],
    ) -> int:
        rowlock.lock_rows(s, changes)  # serialised per row from here on: rowlock.py
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
        handed = _owners(s)  # households headquarters has handed over: id -> owner device now
        households = _households_of(s, fresh, {c["seq"]: c["row"] for c in changes})
        owners = ownership.owners(s, device_id, households, fresh, handed)
        for r in fresh:
            hid = households.get(r["outbox_seq"], "")
            owner = owners.get(hid)
            if owner is not None and owner != device_id and (r["entity"] in SINGLE_WRITER or hid in handed):
                # another device's household, or a change the former owner made before the handover
                if r["entity"] in SINGLE_WRITER:
                    cur_rec = current.get((r["entity"], r["row_id"]))
                    conflicts.append(
                        {
                            "entity": r["entity"],
                            "row_id": r["row_id"],
                            "version": r["version"],
                            "kind": "not_owner",
                            "device_a": owner,
                            "data_a": cur_rec.data if cur_rec is not None else "",
                            "device_b": device_id,
                            "data_b": r["data"],
                        }
                    )
                    continue  # kept in hq_change and hq_conflict; the owner's value stays current
                # an append-only fact: kept, and forwarded to the household's new owner
                s.add(
                    Outgoing(
                        device_id=owner,
                        kind="record",
                        body=protocol.canonical_json(
                            {"entity": r["entity"], "row": json.loads(r["data"])}
                        ).decode(),
                    )
                )
            key3 = (r["entity"], r["row_id"], r["version"])
            prior = by_version.get(key3)
            if prior is not None and owner is not None and prior[1] != owner and r["entity"] in SINGLE_WRITER:
                prior = None  # a non-owner's change, already a not_owner conflict: no collision
            if prior is not None and prior[0] != r["data_sha256"]:
                conflicts.append(
                    {
                        "entity": r["entity"],
                        "row_id": r["row_id"],
                        "version": r["version"],
                        "kind": "same_version",
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
            rowbind.insert_bound(s, _table(Conflict), conflicts)  # bound to the ids given
        ledger_index.note_changes(s, fresh)  # the console's household index, in this transaction
        stats_index.note_changes(s, fresh)  # the statistics' aggregates, likewise
        for sha, blob in attachments:
            if s.get(Attachment, sha) is None:
                s.add(Attachment(sha256=sha, data=blob))
        return len(conflicts)

    # --- replies -------------------------------------------------------------------------------

    def add_outgoing(self, device_id: str, kind: str, body: dict[str, Any]) -> int:
        with self.session() as s:
            return hqwrite.queue(s, device_id, kind, body)

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
                {"id": o.id, "kind": o.kind, "body": _inline(s, o.kind, json.loads(o.body))}
                for o in s.scalars(
                    select(Outgoing)
                    .where(Outgoing.device_id.in_([device_id, "*"]), Outgoing.id > cursor)
                    .order_by(Outgoing.id)
                )
            ]
            gaps = self._gaps(s, device_id)
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

    # --- headquarters' own records: referral outcomes, handovers, reference data -------------

    def owner_of(self, s: Session, household_id: str) -> str:
        """The device that may write the household now: the last handover, else its creator's."""
        moved = s.scalar(
            select(Handover.to_device)
            .where(Handover.household_id == household_id)
            .order_by(Handover.id.desc())
            .limit(1)
        )
        if moved:
            return str(moved)
        rec = hqwrite.record(s, "household", household_id)
        return str(json.loads(rec.data).get("owner_device") or rec.device_id)

    def record_referral_outcome(
        self,
        referral_id: str,
        status: str,
        occurred_on: dt.date | None = None,
        note: str = "",
        recorded_by: str = "市总工会",
    ) -> dict[str, Any]:
        """A receiving body's outcome recorded at headquarters: a status event for the owner device."""
        from fieldapp.domain import referrals as rules
        from fieldapp.domain.errors import DomainError
        from fieldapp.domain.vocab import ReferralStatus

        try:
            new = ReferralStatus(status)
        except ValueError:
            allowed = "、".join(x.value for x in ReferralStatus)
            raise SyncError("INVALID", f"转介状态“{status}”不对；可用：{allowed}") from None
        with self.session() as s:
            ref = json.loads(hqwrite.record(s, "referral", referral_id).data)
            events = [json.loads(r.data) for r in hqrows.referral_events(s, referral_id) if not r.deleted]
            current = (
                ReferralStatus(max(events, key=lambda e: (e["occurred_on"], e["hlc"]))["status"])
                if events
                else ReferralStatus(ref["status"])
            )
            try:
                rules.check_transition(current, new)
            except DomainError as e:
                raise SyncError("INVALID", str(e)) from e
            owner = self.owner_of(s, str(ref["household_id"]))
            now = utcnow().isoformat()
            day = occurred_on or clock.today()
            if events and day.isoformat() < max(e["occurred_on"] for e in events):
                raise SyncError("INVALID", "办理日期早于该转介已有的最新状态日期。")
            event_row = {
                "id": str(uuid.uuid4()),
                "referral_id": referral_id,
                "status": new.value,
                "occurred_on": day.isoformat(),
                "note": note,
                "recorded_by": recorded_by,
                "origin_device": hqwrite.HQ_DEVICE,
                "hlc": hqwrite.hlc_now(),
                "version": 1,
                "deleted": False,
                "created_at": now,
                "updated_at": now,
            }
            hqwrite.queue(s, owner, "referral_event", event_row)
            hqwrite.write(s, "referral_event", event_row)
            return {"event": event_row, "device_id": owner, "previous": current.value}

    def handover(
        self,
        household_id: str,
        to: str,
        by: str = "市总工会",
        note: str = "",
        cadre: str = "",
        within: Session | None = None,
    ) -> dict[str, Any]:
        """Move a household and its records to another device (hq/handovers.py)."""
        from fieldapp.hq import handovers

        return handovers.move(self, household_id, to, by, note, cadre, within)

    def set_reference(self, key: str, value: str) -> int:
        """Reference data for every device (the local 低保 standard, receiving bodies)."""
        if key not in SETTING_KEYS:
            raise SyncError("INVALID", f"未知的参考数据“{key}”。")
        with self.session() as s:
            meta = s.get(HQMeta, f"setting:{key}")
            if meta is None:
                s.add(HQMeta(key=f"setting:{key}", value=value.encode()))
            else:
                meta.value = value.encode()
            return hqwrite.queue(s, "*", "setting", {"key": key, "value": value})

    def set_form(self, name: str, text: str) -> dict[str, Any]:
        """A new or changed form template for every device, checked as the devices will load it."""
        from fieldapp.printing.errors import TemplateError
        from fieldapp.services.printing import check_template

        try:
            template = check_template(name, text)
        except TemplateError as e:
            raise SyncError("INVALID", str(e)) from None
        sha = protocol.sha256_hex(text.encode("utf-8"))
        with self.session() as s:
            meta = s.get(HQMeta, f"form:{name}")
            if meta is None:
                s.add(HQMeta(key=f"form:{name}", value=text.encode("utf-8")))
            else:
                meta.value = text.encode("utf-8")
            item = hqwrite.queue(s, "*", "form_template", {"name": name, "text": text, "sha256": sha})
        return {"name": name, "title": template.title, "record": template.record, "sha256": sha, "item": item}

    def reference(self, key: str) -> str | None:
        with self.session() as s:
            meta = s.get(HQMeta, f"setting:{key}")
            return None if meta is None else meta.value.decode()

    # --- conflicts -----------------------------------------------------------------------------

    def conflicts(
        self, include_resolved: bool = False, ids: Collection[int] | None = None
    ) -> list[dict[str, Any]]:
        """The conflict queue (or only the conflicts `ids`), oldest first; device names are
        sealed, so only the names of the devices these conflicts name are opened."""
        with self.session() as s:
            q = select(Conflict).order_by(Conflict.id)
            if not include_resolved:
                q = q.where(Conflict.resolved_at.is_(None))
            if ids is not None:
                q = q.where(Conflict.id.in_(list(ids)))
            found = list(s.scalars(q))
            involved = {c.device_a for c in found} | {c.device_b for c in found}
            names = {
                d.device_id: d.name for d in s.scalars(select(Device).where(Device.device_id.in_(involved)))
            }
            names[hqwrite.HQ_DEVICE] = "市总工会"
            out = []
            for c in found:
                a = json.loads(c.data_a) if c.data_a else {}
                b = json.loads(c.data_b) if c.data_b else {}
                out.append(
                    {
                        "id": c.id,
                        "kind": c.kind,
                        "entity": c.entity,
                        "row_id": c.row_id,
                        "version": c.version,
                        "a": {"device_id": c.device_a, "device": names.get(c.device_a, c.device_a), "row": a},
                        "b": {"device_id": c.device_b, "device": names.get(c.device_b, c.device_b), "row": b},
                        "differs": _diff(a, b),
                        "detected_at": c.detected_at.isoformat(),
                        "resolved_at": c.resolved_at.isoformat() if c.resolved_at else None,
                        "kept": c.kept,
                        "resolved_by": c.resolved_by,
                        "note": c.note,
                    }
                )
            return out

    def resolve_conflict(
        self, conflict_id: int, keep: str, by: str = "市总工会", note: str = ""
    ) -> dict[str, Any]:
        """Keep value a or b: it becomes the current record and goes to the owner device."""
        if keep not in ("a", "b"):
            raise SyncError("INVALID", "请用 --keep a 或 --keep b 指明保留哪一个值。")
        with self.session() as s:
            c = s.get(Conflict, conflict_id)
            if c is None:
                raise SyncError("NOT_FOUND", f"没有编号为 {conflict_id} 的冲突。")
            if c.resolved_at is not None:
                raise SyncError("INVALID", f"冲突 {conflict_id} 已于 {c.resolved_at:%Y-%m-%d %H:%M} 处理过。")
            text = c.data_a if keep == "a" else c.data_b
            c.resolved_at, c.kept, c.resolved_by, c.note = utcnow(), keep, by, note
            sent_to: list[str] = []
            if text:  # an empty side: the owner had no value yet; keeping it changes nothing
                row = json.loads(text)
                rec = s.get(Record, (c.row_id, c.entity))
                row["version"] = max(int(row.get("version") or 0), rec.version if rec else 0) + 1
                row["hlc"] = hqwrite.hlc_now()
                if c.entity == "household":  # the value is chosen, not the writer: ownership stays
                    row["owner_device"] = self.owner_of(s, c.row_id)
                hid = _household_of(s, {"entity": c.entity, "row_id": c.row_id, "data": text}, [])
                try:
                    targets = [self.owner_of(s, hid)] if hid else []
                except SyncError:
                    targets = []
                targets = targets or sorted({c.device_a, c.device_b} - {hqwrite.HQ_DEVICE})
                for dev in targets:
                    hqwrite.queue(s, dev, "record", {"entity": c.entity, "row": row})
                    sent_to.append(dev)
                hqwrite.write(s, c.entity, row)
            return {"id": c.id, "kept": keep, "sent_to": sent_to}

    # --- authentication of reply downloads and the status page ---------------------------------

    def _challenge_key(self) -> bytes:
        return hashlib.sha256(b"fieldapp-challenge\0" + self.keys.sign_secret).digest()

    def challenge(self) -> str:
        stamp = str(int(time.time()))
        mac = hmac.new(self._challenge_key(), stamp.encode(), hashlib.sha256).hexdigest()[:32]
        return f"{stamp}.{mac}"

    def check_reply_request(self, device_id: str, cursor: int, challenge: str, signature: str) -> None:
        """A reply goes only to its device: the request is signed with the device's key."""
        bad = SyncError("UNAUTHENTICATED", "取回执的请求没有有效的设备签名，已拒绝。请升级程序后重试。")
        stamp, _, mac = challenge.partition(".")
        good = hmac.new(self._challenge_key(), stamp.encode(), hashlib.sha256).hexdigest()[:32]
        if not stamp.isdigit() or not hmac.compare_digest(mac, good):
            raise bad
        if not 0 <= time.time() - int(stamp) <= CHALLENGE_TTL_S:
            raise SyncError("UNAUTHENTICATED", "取回执的请求已过期，请重试。")
        with self.session() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise SyncError("UNKNOWN_DEVICE", "未登记的设备。")
            sign_public = dev.sign_public
        message = protocol.reply_request_message(device_id, cursor, challenge)
        try:
            Ed25519PublicKey.from_public_bytes(sign_public).verify(protocol.unb64(signature), message)
        except (InvalidSignature, ValueError) as e:
            raise bad from e

    @property
    def admin_token(self) -> str:
        with self.session() as s:
            meta = s.get(HQMeta, "admin_token")
            if meta is None:
                raise RuntimeError("总部数据库尚未初始化：请先运行 fieldapp-hq init。")
            return meta.value.decode()

    def devices(self) -> list[Device]:
        with self.session() as s:
            return devicenames.ordered(s)

    # --- status --------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        with self.session() as s:
            devices = s.scalar(select(func.count()).select_from(Device)) or 0
            revoked = s.scalar(select(func.count()).select_from(Device).where(Device.revoked_at.is_not(None)))
            gaps = {d: self._gaps(s, d) for d in s.scalars(select(Device.device_id))}
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
                "handovers": s.scalar(select(func.count()).select_from(Handover)) or 0,
                "gaps": {d: g for d, g in gaps.items() if g},
            }


def _owners(s: Session) -> dict[str, str]:
    """Households headquarters has handed over, with the device that owns each now."""
    return {
        hid: to
        for hid, to in s.execute(select(Handover.household_id, Handover.to_device).order_by(Handover.id))
    }


def _households_of(s: Session, changes: list[dict[str, Any]], rows: dict[int, Any]) -> dict[int, str]:
    """The household of each change of a batch (by outbox seq), from the rows already parsed."""
    referral_home = {
        str(c["row_id"]): str(rows[c["outbox_seq"]].get("household_id") or "")
        for c in changes
        if c["entity"] == "referral"
    }
    out: dict[int, str] = {}
    for c in changes:
        row = rows[c["outbox_seq"]]
        if c["entity"] == "household":
            out[c["outbox_seq"]] = str(c["row_id"])
        elif row.get("household_id"):
            out[c["outbox_seq"]] = str(row["household_id"])
        elif c["entity"] == "referral_event" and row.get("referral_id"):
            rid = str(row["referral_id"])
            if rid not in referral_home:
                rec = s.get(Record, (rid, "referral"))
                referral_home[rid] = str(json.loads(rec.data).get("household_id") or "") if rec else ""
            out[c["outbox_seq"]] = referral_home[rid]
    return out


def _household_of(s: Session, change: dict[str, Any], batch: list[dict[str, Any]]) -> str:
    """The household a changed row belongs to ("" when it belongs to none, e.g. a cadre)."""
    if change["entity"] == "household":
        return str(change["row_id"])
    row = json.loads(change["data"])
    if row.get("household_id"):
        return str(row["household_id"])
    if change["entity"] == "referral_event" and row.get("referral_id"):
        rid = str(row["referral_id"])
        for other in batch:
            if other["entity"] == "referral" and other["row_id"] == rid:
                return str(json.loads(other["data"]).get("household_id") or "")
        rec = s.get(Record, (rid, "referral"))
        if rec is not None:
            return str(json.loads(rec.data).get("household_id") or "")
    return ""


def _inline(s: Session, kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """An attachment file is stored once at headquarters and copied into the reply when sent."""
    if kind == "attachment_file":
        blob = s.get(Attachment, body["sha256"])
        if blob is not None and hashlib.sha256(blob.data).hexdigest() != blob.sha256:
            raise SealedDataError(
                f"总部数据无法解密：附件 {blob.sha256} 的内容与它的校验值不符（被改动或挪用）。"
            )
        return {**body, "data": protocol.b64(blob.data) if blob is not None else ""}
    return body


def _diff(a: dict[str, Any], b: dict[str, Any]) -> dict[str, list[Any]]:
    skip = {"hlc", "version", "updated_at", "origin_device"}
    return {
        k: [a.get(k), b.get(k)] for k in sorted(set(a) | set(b)) if k not in skip and a.get(k) != b.get(k)
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
