"""Recovering a device locked out as a clone, end to end with a real `fieldapp-hq serve` and real
ledger folders: a copied folder syncs first, the genuine laptop is refused, headquarters recovers
it, the genuine laptop re-enrols with the recovery file and syncs again — nothing lost or doubled.
The console's 恢复设备 button: admin only, CSRF, audited, a clear Chinese error for a device that
was never refused as a clone.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.conftest import TODAY, head_data, household_data, open_ledger
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_sync_e2e import Server, _enrolment, server  # noqa: F401  (fixture)
from tests.test_sync_protocol import hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp import cli
from fieldapp.domain.referrals import catalogue
from fieldapp.domain.vocab import ReferralStatus
from fieldapp.hq import accounts, recovery
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.app import create_app
from fieldapp.hq.models import Alert, Change, ConsoleAudit, Device, Record
from fieldapp.hq.store import HQ
from fieldapp.services import households, referrals, visits
from fieldapp.services.referrals import ReferralData
from fieldapp.services.visits import VisitData
from fieldapp.storage.models import Household, Member, OutboxEntry, Referral, ReferralEvent, Visit
from fieldapp.sync import client, protocol
from fieldapp.sync import enrolment as signing
from fieldapp.sync.protocol import KeyPair, SyncError

NAME = "兰陵县-王芳"


def _outbox(data_dir: Path) -> int:
    db = open_ledger(data_dir)
    try:
        with db.session() as s:
            return int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
    finally:
        db.close()


def _add(data_dir: Path, head: str, seq: int) -> str:
    db = open_ledger(data_dir)
    try:
        return households.create_household(db, household_data(), head_data(seq, head)).id
    finally:
        db.close()


def _upload(data_dir: Path) -> client.SyncReport:
    db = open_ledger(data_dir)
    try:
        return client.upload(db, retries=1, backoff=0.05)
    finally:
        db.close()


def _visit_and_referral(data_dir: Path, household_id: str) -> tuple[str, str]:
    db = open_ledger(data_dir)
    try:
        visit = visits.record_visit(
            db, VisitData(household_id=household_id, visit_date=TODAY, notes="复制机上走访")
        )
        kind = next(iter(catalogue().values()))
        data = ReferralData(
            household_id=household_id, kind_code=kind.code, receiving_body=kind.bodies[0], reason="培训"
        )
        referral = referrals.create_referral(db, data)
        referrals.change_status(db, referral, ReferralStatus.REFERRED)
        return visit, referral
    finally:
        db.close()


def test_a_cloned_laptop_is_recovered_and_nothing_is_lost_or_doubled(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    genuine, clone = tmp_path / "genuine", tmp_path / "clone"
    enrol = _enrolment(server, tmp_path, NAME)
    assert cli.main(["sync", "--data-dir", str(genuine), "enroll", str(enrol)]) == 0
    first = _add(genuine, "王芳户", 11)
    assert _upload(genuine).ok
    db = open_ledger(genuine)
    old_id = db.device_id
    db.close()
    shutil.copytree(genuine, clone)  # somebody copies the ledger folder to another laptop
    copied = _outbox(clone)
    clone_only = _add(clone, "复制机上的户", 12)
    clone_visit, clone_referral = _visit_and_referral(clone, clone_only)
    assert _upload(clone).ok  # the copy syncs first: headquarters takes it for the device
    real_only = _add(genuine, "真机上的户", 13)
    db = open_ledger(genuine)
    households.update_household(db, first, household_data(address_detail="真机改的地址"))
    db.close()
    refused = _upload(genuine)
    assert not refused.ok and "复制" in " ".join(refused.rejected)
    hq = HQ(server.db_url)
    try:
        with hq.session() as s:
            assert s.scalar(select(func.count()).select_from(Alert).where(Alert.code == "CLONED_DATABASE"))
            assert s.get(Record, (real_only, "household")) is None  # the refused batch left no trace

        # headquarters recovers the device: the old identity is revoked, a recovery file is made
        out = tmp_path / "recover.enrol"
        argv = ["--db", server.db_url, "recover-device", NAME, "--out", str(out), "--url", server.url]
        assert hq_cli.main(argv) == 0
        assert "恢复登记文件" in capsys.readouterr().out
        assert json.loads(out.read_text(encoding="utf-8"))["replaces"] == old_id
        assert not _upload(clone).ok  # the copy is refused from now on (revoked)

        # the genuine laptop re-enrols with it and syncs again
        assert cli.main(["sync", "--data-dir", str(genuine), "enroll", str(out)]) == 0
        report = _upload(genuine)
        assert report.ok and report.batches == 1, report.message
        db = open_ledger(genuine)
        new_id = db.device_id
        assert new_id != old_id
        assert client.status(db)["unacked_batches"] == 0
        households.update_household(db, real_only, household_data(address_detail="恢复后又改"))
        # the household only the copy had came down whole in that reply, owned by this laptop
        with db.session() as s:
            got = s.get(Household, clone_only)
            assert got is not None and got.owner_device == new_id
            assert s.get(Visit, clone_visit) is not None and s.get(Referral, clone_referral) is not None
            assert s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == clone_referral)).all()
            members = s.scalars(select(Member).where(Member.household_id == clone_only)).all()
            assert [m.name for m in members] == ["复制机上的户"]
        households.update_household(db, clone_only, household_data(address_detail="真机接手后修改"))
        db.close()
        assert _upload(genuine).ok  # it still owns its households: no conflict, applied

        with hq.session() as s:
            devices = {d.device_id: d for d in s.scalars(select(Device))}
            assert devices[old_id].revoked_at is not None and devices[new_id].revoked_at is None
            assert devices[new_id].name == NAME
            for hid in (first, clone_only, real_only):  # every household: kept, and owned by the new id
                assert s.get(Record, (hid, "household")) is not None
                assert hq.owner_of(s, hid) == new_id
            real = json.loads(s.get(Record, (real_only, "household")).data)  # type: ignore[union-attr]
            assert real["address_detail"] == "恢复后又改"
            taken = json.loads(s.get(Record, (clone_only, "household")).data)  # type: ignore[union-attr]
            assert taken["address_detail"] == "真机接手后修改" and taken["owner_device"] == new_id
            changes = s.scalar(select(func.count()).select_from(Change).where(Change.device_id != "hq")) or 0
            # headquarters wrote one row itself: the copy's household as the new identity's
            assert s.scalars(select(Change.row_id).where(Change.device_id == "hq")).all() == [clone_only]
        # nothing doubled: each change of either laptop is stored exactly once
        total = _outbox(genuine) + (_outbox(clone) - copied)
        assert changes == total
        assert hq.status()["conflicts"] == 0
    finally:
        hq.close()
    # the recovery file works once: the copy cannot use it too
    assert cli.main(["sync", "--data-dir", str(clone), "enroll", str(out)]) == 1
    assert "已被另一台设备使用" in capsys.readouterr().err


def test_recover_button_admin_only_csrf_audited_and_refused_for_a_device_never_cloned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    try:
        for name, role in (("admin", "admin"), ("city", "city"), ("viewer", "readonly")):
            accounts.add_account(hq, name, role, PASSWORD)
        keys = KeyPair.generate()
        fields = {
            "device_id": "00000000-0000-4000-8000-000000000001",
            "sign_public": protocol.b64(keys.sign_public),
            "box_public": protocol.b64(keys.box_public),
            "instance_nonce": "n1",
        }
        hq.enrol(signing.sign_request(fields, hq.issue_enrolment(NAME)["token"], keys.sign_secret))
        dev = "00000000-0000-4000-8000-000000000001"
        url = hq.url
        out = tmp_path / "r.enrol"
        assert hq_cli.main(["--db", url, "recover-device", "无此设备", "--out", str(out)]) == 1
        assert hq_cli.main(["--db", url, "recover-device", NAME, "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert "没有找到设备“无此设备”" in err and "没有被判为复制的数据库" in err and not out.exists()
        with TestClient(create_app(hq), follow_redirects=False) as c:
            csrf = sign_in(c, "admin")
            assert "恢复设备" not in c.get("/console/devices").text  # never refused as a clone
            r = c.post(f"/console/devices/{dev}/recover", data={"csrf_token": csrf})
            assert r.status_code == 400 and "没有被判为复制的数据库" in r.text
            with hq.session() as s:
                s.add(Alert(device_id=dev, code="CLONED_DATABASE", message="批次序号 2 重复"))
            page = c.get("/console/devices").text
            assert "恢复设备" in page and "疑似复制" in page
            for name in ("city", "viewer"):
                other = sign_in(c, name)
                r = c.post(f"/console/devices/{dev}/recover", data={"csrf_token": other})
                assert r.status_code == 403 and ("只有系统管理员" in r.text or "只读账号" in r.text)
            csrf = sign_in(c, "admin")
            r = c.post(f"/console/devices/{dev}/recover", data={"csrf_token": "forged"})
            assert r.status_code == 403
            assert c.post(f"/console/devices/{dev}/recover", data={}).status_code == 403
            with hq.session() as s:
                assert s.get(Device, dev).revoked_at is None  # type: ignore[union-attr]  # nothing changed
            r = c.post(f"/console/devices/{dev}/recover", data={"csrf_token": csrf})
            assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
            enrolment = json.loads(r.content)
            assert enrolment["replaces"] == dev and enrolment["name"] == NAME
            assert "等待恢复登记" in c.get("/console/devices").text
            audit = c.get("/console/audit").text
            assert "恢复被判为复制的设备" in audit and "操作被拒绝" in audit
        with hq.session() as s:
            assert s.get(Device, dev).revoked_at is not None  # type: ignore[union-attr]
            refused = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "refused")).all()
            assert {a.account for a in refused} >= {"city", "viewer", "admin"}
    finally:
        hq.close()


def test_a_recovery_request_with_a_bad_household_list_is_refused_and_the_file_stays_usable(
    tmp_path: Path,
) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    try:
        old = "00000000-0000-4000-8000-000000000001"
        keys = KeyPair.generate()
        fields = {
            "device_id": old,
            "sign_public": protocol.b64(keys.sign_public),
            "box_public": protocol.b64(keys.box_public),
            "instance_nonce": "n1",
        }
        hq.enrol(signing.sign_request(fields, hq.issue_enrolment(NAME)["token"], keys.sign_secret))
        with hq.session() as s:
            s.add(Alert(device_id=old, code="CLONED_DATABASE", message="批次序号 2 重复"))
        token = recovery.issue(hq, None, NAME)["token"]
        new = {**fields, "device_id": "00000000-0000-4000-8000-000000000002", "instance_nonce": "n2"}
        for holds in ("all", [1, 2], ["x" * 65], ["a\x00b"], ["h"] * 20_001):
            request = signing.sign_request({**new, "holds": holds}, token, keys.sign_secret)
            with pytest.raises(SyncError) as e:
                hq.enrol(request)
            assert e.value.code == "MALFORMED" and "困难户清单无效" in e.value.message
        with hq.session() as s:
            assert s.get(Device, new["device_id"]) is None  # nothing registered
        done = hq.enrol(signing.sign_request({**new, "holds": []}, token, keys.sign_secret))
        assert done["status"] == "enrolled"
    finally:
        hq.close()
