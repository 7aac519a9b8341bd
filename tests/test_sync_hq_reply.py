"""What headquarters sends back: referral outcomes, household handovers, reference data, conflicts.

Every test runs against SQLite and PostgreSQL headquarters (the `hq` fixture) with real device
databases; headquarters is driven through `fieldapp-hq` commands where one exists.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from tests.conftest import TODAY, head_data, household_data
from tests.test_sync_e2e import Server, _enrolment, server  # noqa: F401  (fixture)
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    add_changes,
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.domain import vocab
from fieldapp.domain.errors import RuleViolation
from fieldapp.domain.hardship import HardshipInput
from fieldapp.domain.referrals import catalogue
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.models import Change, Conflict, Record
from fieldapp.hq.store import HQ
from fieldapp.services import assessments, households, records, referrals, settings, visits
from fieldapp.services.referrals import ReferralData
from fieldapp.services.visits import VisitData
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import OutboxEntry
from fieldapp.sync import client


def _hq(hq: HQ, *argv: str) -> int:
    return hq_cli.main(["--db", hq.url, *argv])


def sync(db: Database, hq: HQ) -> client.SyncReport:
    """One round trip without the network: batches to HQ, HQ's reply back (as over a stick)."""
    client.cut_batches(db)
    for b in client._unacked(db):
        assert hq.ingest(b.sealed, "usb").ok
    return client.apply_reply(db, hq.build_reply(db.device_id, _cursor(db)))


def _cursor(db: Database) -> int:
    from fieldapp.storage.models import SyncIdentity

    with db.session() as s:
        return int(s.scalars(select(SyncIdentity.reply_cursor)).one())


def _outbox(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def _household_with_records(db: Database, tmp_path: Path) -> tuple[str, str]:
    hid = households.create_household(db, household_data(), head_data()).id
    households.add_member(db, hid, head_data(seq=23, name="张小红", relation=vocab.Relation.DAUGHTER))
    visits.record_visit(db, VisitData(household_id=hid, visit_date=TODAY, notes="第一次走访"))
    kind = next(iter(catalogue().values()))
    ref = referrals.create_referral(
        db, ReferralData(household_id=hid, kind_code=kind.code, receiving_body=kind.bodies[0], reason="培训")
    )
    referrals.change_status(db, ref, vocab.ReferralStatus.REFERRED)
    photo = tmp_path / "户口簿.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the household register")
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.HOUSEHOLD_REGISTER)
    return hid, ref


def test_referral_outcome_recorded_at_hq_reaches_the_device(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = enrolled_device(hq, tmp_path / "a", "甲")
    _hid, ref = _household_with_records(db, tmp_path)
    sync(db, hq)
    assert _hq(hq, "referral-outcome", ref, "已办结") == 1  # 已转介 -> 已办结 skips 已受理
    assert "不能从“已转介”直接变为“已办结”" in capsys.readouterr().err
    assert _hq(hq, "referral-outcome", ref, "已受理", "--note", "县人社局已受理", "--by", "李主任") == 0
    assert "由“已转介”变为“已受理”" in capsys.readouterr().out
    before = _outbox(db)
    report = sync(db, hq)
    assert "转介办理结果 1 条" in " ".join(report.details)
    r = referrals.get_referral(db, ref)
    assert r.status == vocab.ReferralStatus.ACCEPTED and r.follow_up_due is not None
    latest = referrals.history(db, ref)[-1]
    assert (latest.note, latest.recorded_by, latest.origin_device) == ("县人社局已受理", "李主任", "hq")
    assert _outbox(db) == before  # not sent back
    # headquarters' own ledger holds the event as well, written by "hq"
    with hq.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(Record).where(Record.entity == "referral_event")) == 3
        )
        assert s.scalar(select(func.count()).select_from(Change).where(Change.device_id == "hq")) == 1
    # the cadre goes on from there: 已受理 -> 已办结 on the device is allowed
    referrals.change_status(db, ref, vocab.ReferralStatus.COMPLETED)
    sync(db, hq)
    assert hq.conflicts() == []
    assert _hq(hq, "referral-outcome", "no-such-referral", "已受理") == 1
    assert "总部没有这条转介" in capsys.readouterr().err


def test_handover_moves_the_household_and_its_records_and_leaves_a_read_only_copy(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    b = enrolled_device(hq, tmp_path / "b", "兰陵县-李强")
    hid, ref = _household_with_records(a, tmp_path)
    sync(a, hq)
    sync(b, hq)
    assert _hq(hq, "handover", hid, "--to", "兰陵县-王芳") == 1  # already the owner
    assert "无需移交" in capsys.readouterr().err
    assert _hq(hq, "handover", hid, "--to", "兰陵县-李强", "--note", "王芳调岗") == 0
    out = capsys.readouterr().out
    assert "移交给“兰陵县-李强”" in out and "1 个附件" in out
    # the new owner receives the household, its members, visit, referral with events, the photo
    report = sync(b, hq)
    assert "移交给本机的困难户 1 户" in " ".join(report.details), report.details
    h = households.get_household(b, hid)
    assert h.owner_device == b.device_id and h.head is not None and h.head.name == "张海生"
    assert len(households.live_members(h)) == 2
    assert [v.notes for v in visits.list_visits(b, hid)] == ["第一次走访"]
    assert referrals.get_referral(b, ref).status == vocab.ReferralStatus.REFERRED
    assert len(referrals.history(b, ref)) == 2
    (att,) = _attachments(b, hid)
    stored = records.attachment_store(b) / att[:2] / att  # a test ledger has no key: stored as is
    assert stored.read_bytes() == b"\xff\xd8 a photo of the household register"
    assert client.status(b)["handed_over"] == 0
    # ...and may write it: the new version follows headquarters' one, no conflict
    visits.record_visit(b, VisitData(household_id=hid, visit_date=TODAY, notes="李强接手后走访"))
    households.update_household(b, hid, household_data(address_detail="3组15号"))
    sync(b, hq)
    assert hq.conflicts() == []
    # the former owner keeps a read-only copy once the reply arrives
    report = sync(a, hq)
    assert "已移交给其他干部的困难户 1 户（本机只读）" in " ".join(report.details)
    assert households.get_household(a, hid).owner_device == b.device_id
    assert client.status(a)["handed_over"] == 1
    with pytest.raises(RuleViolation) as e:
        visits.record_visit(a, VisitData(household_id=hid, visit_date=TODAY, notes="x"))
    assert "移交给其他干部" in str(e.value)
    with pytest.raises(RuleViolation):
        households.update_household(a, hid, household_data(address_detail="改不了"))
    with pytest.raises(RuleViolation):
        referrals.change_status(a, ref, vocab.ReferralStatus.ACCEPTED)
    assert hq.status()["handovers"] == 1


def test_a_change_that_crossed_the_handover_is_kept_as_a_conflict_not_dropped(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = enrolled_device(hq, tmp_path / "a", "甲")
    b = enrolled_device(hq, tmp_path / "b", "乙")
    hid, _ = _household_with_records(a, tmp_path)
    sync(a, hq)
    sync(b, hq)
    assert _hq(hq, "handover", hid, "--to", "乙") == 0
    sync(b, hq)
    # before hearing of the handover, the old owner edits the address and records an assessment
    households.update_household(a, hid, household_data(address_detail="甲改的地址"))
    data = HardshipInput(3, 1_200_000, 300_000, vocab.HardshipCause.SERIOUS_ILLNESS)
    assessment_id = assessments.record_assessment(a, hid, data)
    report = sync(a, hq)  # the batch goes up, the handover comes down
    assert "本机只读" in " ".join(report.details)
    capsys.readouterr()
    assert _hq(hq, "conflicts", "--json") == 0
    (c,) = json.loads(capsys.readouterr().out)
    assert c["kind"] == "not_owner" and c["entity"] == "household" and c["row_id"] == hid
    assert c["a"]["device"] == "乙" and c["b"]["device"] == "甲"
    assert c["differs"]["address_detail"] == ["3组12号", "甲改的地址"]
    with hq.session() as s:  # the owner's value stays current; the old one is not lost
        rec = s.get(Record, (hid, "household"))
        assert rec is not None and json.loads(rec.data)["address_detail"] == "3组12号"
    # the assessment is a fact, not a collision: forwarded to the new owner
    sync(b, hq)
    assert assessments.latest_assessment(b, hid) is not None
    assert assessments.latest_assessment(b, hid).id == assessment_id  # type: ignore[union-attr]
    # headquarters decides: keep the old owner's address; it goes to the owner device
    assert _hq(hq, "resolve", str(c["id"]), "--keep", "b", "--note", "甲核实过") == 0
    assert "保留值 b" in capsys.readouterr().out
    assert _hq(hq, "resolve", str(c["id"]), "--keep", "a") == 1
    assert "已于" in capsys.readouterr().err
    sync(b, hq)
    assert households.get_household(b, hid).address_detail == "甲改的地址"
    households.update_household(b, hid, household_data(address_detail="乙再改"))
    sync(b, hq)
    assert hq.conflicts() == [] and hq.status()["conflicts"] == 0
    assert _hq(hq, "conflicts", "--all") == 0
    assert "已处理（保留 b）" in capsys.readouterr().out


def test_two_writers_conflict_listed_and_resolved(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A restored old copy: the same version of a row written twice. Both values, then a choice."""
    a = enrolled_device(hq, tmp_path / "a", "甲")
    hid = households.create_household(a, household_data(), head_data()).id
    sync(a, hq)
    households.update_household(a, hid, household_data(address_detail="原来的地址"))
    sync(a, hq)
    # the restored copy's version 2 of the household, sent by a second device (same id and version)
    b = enrolled_device(hq, tmp_path / "b", "乙")
    row = dict(json.loads(_last_payload(a, hid)))
    row["address_detail"] = "备份里的地址"
    with b.session() as s:
        s.add(
            OutboxEntry(
                entity="household",
                row_id=hid,
                op="update",
                hlc=row["hlc"] + 1,
                version=2,
                payload=json.dumps(row, ensure_ascii=False),
            )
        )
    client.cut_batches(b)
    (batch,) = client._unacked(b)
    assert hq.ingest(batch.sealed).conflicts == 1
    capsys.readouterr()
    assert _hq(hq, "conflicts") == 0
    out = capsys.readouterr().out
    # a second device does not own the household (issue 12): its value is kept, not applied
    assert "不负责该户的设备的修改" in out and "原来的地址" in out and "备份里的地址" in out
    (c,) = hq.conflicts()
    keep = "a" if c["a"]["row"]["address_detail"] == "原来的地址" else "b"
    assert hq.resolve_conflict(c["id"], keep)["sent_to"] == [a.device_id]
    sync(a, hq)
    assert households.get_household(a, hid).address_detail == "原来的地址"
    with hq.session() as s:
        assert s.scalar(select(func.count()).select_from(Conflict).where(Conflict.resolved_at.is_(None))) == 0


def _last_payload(db: Database, row_id: str) -> str:
    with db.session() as s:
        return str(
            s.scalars(
                select(OutboxEntry.payload)
                .where(OutboxEntry.row_id == row_id)
                .order_by(OutboxEntry.seq.desc())
            ).first()
        )


def _attachments(db: Database, hid: str) -> list[str]:
    from fieldapp.storage.models import Attachment

    with db.session() as s:
        return list(s.scalars(select(Attachment.sha256).where(Attachment.household_id == hid)))


def test_reference_data_reaches_every_device(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = enrolled_device(hq, tmp_path / "a", "甲")
    assert _hq(hq, "set-dibao", "abc") == 1
    assert _hq(hq, "set-dibao", "985") == 0
    assert "985.00 元/月" in capsys.readouterr().out
    kind = next(iter(catalogue().values()))
    assert _hq(hq, "set-bodies", "NO-SUCH", "某单位") == 1
    assert _hq(hq, "set-bodies", kind.code, "临沂市职业技能公共实训基地", "兰陵县工会职业学校") == 0
    report = sync(a, hq)
    assert "低保标准已更新" in report.details and "接收单位目录已更新" in report.details
    assert settings.dibao_standard_fen(a) == 98500
    assert referrals.receiving_bodies(a, kind.code) == ["临沂市职业技能公共实训基地", "兰陵县工会职业学校"]
    other = next(k for k in catalogue().values() if k.code != kind.code)
    assert referrals.receiving_bodies(a, other.code) == list(other.bodies)  # not sent: the catalogue's
    # a device enrolled later gets the standard too
    b = enrolled_device(hq, tmp_path / "b", "乙")
    sync(b, hq)
    assert settings.dibao_standard_fen(b) == 98500


def test_replies_and_status_need_credentials(server: Server, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldapp.sync import protocol
    from fieldapp.sync.protocol import KeyPair

    db = open_database(tmp_path / "dev")
    client.enroll_online(db, client.load_enrolment(str(_enrolment(server, tmp_path, "dev"))), server.url)
    add_changes(db, 3)
    assert client.upload(db).batches == 1
    reply_url = f"{server.url}/api/v1/devices/{db.device_id}/reply"
    r = httpx.get(reply_url)  # anyone asking for a device's reply without its signature
    assert r.status_code == 401 and r.json()["code"] == "UNAUTHENTICATED"
    challenge = httpx.get(f"{server.url}/api/v1/challenge").json()["challenge"]
    thief = KeyPair.generate()  # signed, but not with this device's key
    sig = Ed25519PrivateKey.from_private_bytes(thief.sign_secret).sign(
        protocol.reply_request_message(db.device_id, 0, challenge)
    )
    headers = {"X-Fieldapp-Challenge": challenge, "X-Fieldapp-Signature": protocol.b64(sig)}
    assert httpx.get(reply_url, headers=headers).status_code == 401
    forged = challenge.split(".")[0] + ".0123456789abcdef0123456789abcdef"
    assert httpx.get(reply_url, headers={**headers, "X-Fieldapp-Challenge": forged}).status_code == 401
    with httpx.Client() as http:  # the device itself, through the client's signed request
        r = client.fetch_reply(db, http, server.url)
    assert r.status_code == 200 and client.apply_reply(db, r.content).acked == 0  # acked at upload
    assert httpx.get(f"{server.url}/api/v1/status").status_code == 401
    bad = httpx.get(f"{server.url}/api/v1/status", headers={"Authorization": "Bearer guess"})
    assert bad.status_code == 401 and "管理口令" in bad.json()["message"]
    assert server.status()["batches"] == 1
    db.close()
