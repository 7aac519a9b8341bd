"""Headquarters' ingest, against SQLite and a throwaway PostgreSQL cluster."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select
from tests.conftest import head_data, household_data
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    add_changes,
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
    sealed_batches,
)

from fieldapp.hq.models import Alert, Conflict, Record
from fieldapp.hq.models import Attachment as HQAttachment
from fieldapp.hq.store import HQ
from fieldapp.services import households
from fieldapp.storage.db import open_database
from fieldapp.sync import client
from fieldapp.sync.protocol import KeyPair


def _count(hq: HQ, model: type) -> int:
    with hq.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_batch_is_applied_once_and_a_replay_changes_nothing(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a")
    households.create_household(db, household_data(), head_data())
    add_changes(db, 50)
    (batch,) = sealed_batches(db)
    first = hq.ingest(batch)
    assert first.status == "accepted", first
    before = hq.status()
    again = hq.ingest(batch, "usb")
    assert again.status == "duplicate" and again.ok
    assert hq.status() == before
    assert before["batches"] == 1 and before["records"] == before["changes"] >= 52


def test_unknown_device_is_refused(hq: HQ, tmp_path: Path) -> None:
    other = HQ(f"sqlite:///{(tmp_path / 'other.sqlite').as_posix()}")
    other.init()
    db = enrolled_device(other, tmp_path / "a")  # enrolled at another headquarters
    add_changes(db, 3)
    (batch,) = sealed_batches(db)
    result = hq.ingest(batch)
    assert (result.status, result.code) == ("rejected", "UNKNOWN_DEVICE")
    assert "未登记" in result.message
    assert hq.status()["records"] == 0


def test_batch_sealed_for_another_hq_key_is_refused(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a")
    with db.session() as s:
        ident = client._identity(s)
        ident.hq_box_public = KeyPair.generate().box_public  # a wrong headquarters key
    add_changes(db, 3)
    (batch,) = sealed_batches(db)
    result = hq.ingest(batch)
    assert result.code == "WRONG_RECIPIENT"
    assert hq.status()["records"] == 0


def test_revoked_device_is_refused_and_logged(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a", name="丢失的笔记本")
    add_changes(db, 3)
    (batch,) = sealed_batches(db)
    assert hq.revoke("丢失的笔记本") == 1
    result = hq.ingest(batch)
    assert result.code == "DEVICE_REVOKED"
    assert "停用" in result.message
    assert _count(hq, Alert) == 1 and hq.status()["records"] == 0


def test_flipped_byte_and_truncation_are_refused_without_trace(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a")
    add_changes(db, 20)
    (batch,) = sealed_batches(db)
    flipped = bytearray(batch)
    flipped[len(batch) // 2] ^= 0x40
    assert hq.ingest(bytes(flipped)).code == "BAD_SIGNATURE"
    assert hq.ingest(batch[: len(batch) - 10]).code == "TRUNCATED"
    assert hq.status()["batches"] == 0
    assert hq.ingest(batch).status == "accepted"


def test_cloned_database_is_detected(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a")
    add_changes(db, 5)
    db.close()
    shutil.copytree(tmp_path / "a", tmp_path / "clone")  # a copy pretending to be the same device
    original, clone = open_database(tmp_path / "a"), open_database(tmp_path / "clone")
    add_changes(original, 4)
    add_changes(clone, 6)
    (b1,) = sealed_batches(original)
    (b2,) = sealed_batches(clone)
    assert hq.ingest(b1).status == "accepted"
    result = hq.ingest(b2)
    assert result.code == "CLONED_DATABASE"
    assert "复制" in result.message
    assert hq.status()["records"] == 9  # only the original's changes
    assert _count(hq, Alert) == 1


def test_out_of_order_batches_report_the_gap_and_converge(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a")
    ids = add_changes(db, 3)
    client.cut_batches(db)
    with db.session() as s:  # edit the same rows again: version 2 in a later batch
        from fieldapp.storage.models import OutboxEntry

        for i, rid in enumerate(ids):
            s.add(
                OutboxEntry(
                    entity="visit",
                    row_id=rid,
                    op="update",
                    hlc=2_000_000 + i,
                    version=2,
                    payload=f'{{"id": "{rid}", "note": "改过", "version": 2}}',
                )
            )
    client.cut_batches(db)
    add_changes(db, 2)
    b1, b2, b3 = sealed_batches(db)
    r3 = hq.ingest(b3)
    assert r3.gaps == [[1, 2]]  # ranges, not a list of every number
    r2 = hq.ingest(b2)
    assert r2.gaps == [[1, 1]]
    assert hq.status()["gaps"]
    r1 = hq.ingest(b1)  # the oldest arrives last: must not overwrite the newer version
    assert r1.gaps == [] and not hq.status()["gaps"]
    with hq.session() as s:
        versions = {r.row_id: r.version for r in s.scalars(select(Record))}
    assert all(versions[rid] == 2 for rid in ids)
    assert len(versions) == 5


def test_two_writers_on_one_row_keep_both_values(hq: HQ, tmp_path: Path) -> None:
    a = enrolled_device(hq, tmp_path / "a", name="甲")
    b = enrolled_device(hq, tmp_path / "b", name="乙")
    (rid,) = add_changes(a, 1)
    from fieldapp.storage.models import OutboxEntry

    for db, note in ((a, "甲的版本"), (b, "乙的版本")):
        with db.session() as s:
            s.add(
                OutboxEntry(
                    entity="household",
                    row_id=rid,
                    op="update",
                    hlc=5_000_000,
                    version=2,
                    payload=f'{{"id": "{rid}", "note": "{note}"}}',
                )
            )
    for batch in sealed_batches(a) + sealed_batches(b):
        assert hq.ingest(batch).ok
    with hq.session() as s:
        (conflict,) = s.scalars(select(Conflict)).all()
    assert {conflict.device_a, conflict.device_b} == {a.device_id, b.device_id}
    assert "甲的版本" in conflict.data_a + conflict.data_b and "乙的版本" in conflict.data_a + conflict.data_b
    assert hq.status()["conflicts"] == 1


def test_attachments_travel_once_by_hash(hq: HQ, tmp_path: Path) -> None:
    from fieldapp.domain import vocab
    from fieldapp.services import records

    db = enrolled_device(hq, tmp_path / "a")
    hid = households.create_household(db, household_data(), head_data()).id
    photo = tmp_path / "证件.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"jpeg-bytes" * 500)
    kind = next(iter(vocab.AttachmentKind))
    records.add_attachment(db, hid, photo, kind)
    records.add_attachment(db, hid, photo, kind)  # the same photo twice: one file at HQ
    for batch in sealed_batches(db):
        assert hq.ingest(batch).status == "accepted"
    assert _count(hq, HQAttachment) == 1
