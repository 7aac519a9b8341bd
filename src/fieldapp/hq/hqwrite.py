"""Headquarters writes a record and queues it down to a device.

Devices own their households (docs/data-model.md); headquarters writes a row itself only when a
clerk decides something — a referral outcome, a resolved conflict, a handover, a merge of
疑似重复, a device recovery. Such a row is stored like a device's change (one `hq_change` row
under the writer "hq", and the current `hq_record`), and the devices that must know it get it
as an item of their next sync reply (`hq_outgoing`, docs/sync-protocol.md).

Every function here works inside the caller's transaction (a Session): the write and the items
queued for the devices commit together or not at all.
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.hq import devicenames, hqrows, ledger_index, stats_index
from fieldapp.hq.models import Attachment, Change, Device, Outgoing, Record
from fieldapp.sync import protocol
from fieldapp.sync.protocol import SyncError

HQ_DEVICE = "hq"  # the writer name of rows headquarters itself records (referral outcomes…)
# the records that go with a household to a device, in an order that satisfies foreign keys
HOUSEHOLD_ENTITIES = (
    "member",
    "pairing",
    "visit",
    "assessment",
    "referral",
    "relief_payment",
    "consent",
    "attachment",
    "household_economy",
    "worker_status",
)


def hlc_now() -> int:
    """A hybrid logical clock value for a row headquarters writes now."""
    from fieldapp.domain.hlc import pack

    return pack(time.time_ns() // 1_000_000, 0)


def record(s: Session, entity: str, row_id: str) -> Record:
    """The current record of a row, or NOT_FOUND in Chinese (the device has not synced it yet)."""
    rec = s.get(Record, (row_id, entity))
    if rec is None:
        label = {"household": "困难户", "referral": "转介"}.get(entity, "记录")
        raise SyncError("NOT_FOUND", f"总部没有这条{label}（编号 {row_id}）。请先让负责的设备同步上来。")
    return rec


def find_device(s: Session, name_or_id: str) -> Device:
    """The one device with this id or name (revoked ones included), else NOT_FOUND in Chinese."""
    devs = devicenames.matching(s, name_or_id)
    if len(devs) != 1:
        raise SyncError(
            "NOT_FOUND",
            f"没有找到设备“{name_or_id}”。" if not devs else f"有多台设备叫“{name_or_id}”，请用设备编号。",
        )
    return devs[0]


def write(s: Session, entity: str, row: dict[str, Any]) -> None:
    """Store a row headquarters wrote: one change (writer "hq") and the current record.

    `row` carries its own `id`, `version` and `hlc` (a new version of an existing row: the old
    version + 1 and `hlc_now()`); the console's index and the statistics follow in this transaction.
    """
    text = protocol.canonical_json(row).decode()
    seq = int(s.scalar(select(func.max(Change.outbox_seq)).where(Change.device_id == HQ_DEVICE)) or 0) + 1
    rec = s.get(Record, (row["id"], entity))
    s.add(
        Change(
            device_id=HQ_DEVICE,
            outbox_seq=seq,
            batch_id=HQ_DEVICE,
            entity=entity,
            row_id=str(row["id"]),
            op="update" if rec else "insert",
            version=int(row["version"]),
            hlc=int(row["hlc"]),
            data_sha256=protocol.sha256_hex(text.encode()),
            data=text,
        )
    )
    if rec is None:
        s.add(
            Record(
                entity=entity,
                row_id=str(row["id"]),
                version=int(row["version"]),
                hlc=int(row["hlc"]),
                device_id=HQ_DEVICE,
                deleted=bool(row.get("deleted")),
                data=text,
            )
        )
    else:
        rec.version, rec.hlc, rec.device_id = int(row["version"]), int(row["hlc"]), HQ_DEVICE
        rec.deleted, rec.data = bool(row.get("deleted")), text
    ledger_index.note_changes(s, [{"entity": entity, "row_id": str(row["id"]), "data": text}])
    stats_index.note_changes(s, [{"entity": entity, "row_id": str(row["id"]), "data": text}])


def queue(s: Session, device_id: str, kind: str, body: dict[str, Any]) -> int:
    """An item for a device's next sync reply ("*" = every device); returns its number."""
    item = Outgoing(device_id=device_id, kind=kind, body=protocol.canonical_json(body).decode())
    s.add(item)
    s.flush()
    return item.id


def household_rows(s: Session, household_id: str) -> list[tuple[str, dict[str, Any]]]:
    """The records that belong to a household (without the household row), as (entity, row),
    in an order a device can insert them in: members first, referral events after referrals."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for entity in HOUSEHOLD_ENTITIES:
        for rec in hqrows.of_household(s, household_id, entity):
            rows.append((entity, json.loads(rec.data)))
    for rid in [r["id"] for e, r in rows if e == "referral"]:
        for rec in hqrows.referral_events(s, rid):
            rows.append(("referral_event", json.loads(rec.data)))
    return rows


def send_household(
    s: Session, device_id: str, household: dict[str, Any], rows: list[tuple[str, dict[str, Any]]]
) -> tuple[int, int]:
    """Queue a household's whole file for a device: the cadres it is paired with, the household
    row, its records and the attachment files headquarters holds. Returns (records, files) queued."""
    cadre_ids = sorted({str(r["cadre_id"]) for _, r in rows if r.get("cadre_id")})
    cadres = [json.loads(c.data) for c in (s.get(Record, (cid, "cadre")) for cid in cadre_ids) if c]
    for c in cadres:
        queue(s, device_id, "record", {"entity": "cadre", "row": c})
    queue(s, device_id, "record", {"entity": "household", "row": household})
    for entity, row in rows:
        queue(s, device_id, "record", {"entity": entity, "row": row})
    files = sorted({str(r["sha256"]) for e, r in rows if e == "attachment" and r.get("sha256")})
    for sha in files:
        if s.get(Attachment, sha) is not None:
            queue(s, device_id, "attachment_file", {"sha256": sha})
    return len(cadres) + 1 + len(rows), len(files)
