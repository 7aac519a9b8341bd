"""The USB path: atomic export, a stick pulled mid-write, HQ's import report, replies back to the device."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.conftest import TODAY, head_data, household_data, open_ledger
from tests.test_sync_protocol import add_changes

from fieldapp import cli
from fieldapp.domain.vocab import ReferralStatus
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.services import households, referrals, settings
from fieldapp.sync import client


def _hq(tmp_path: Path, *argv: str) -> int:
    return hq_cli.main(["--db", f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}", *argv])


def _enrol_by_usb(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str = "feixian-wangfang") -> Path:
    """The whole paper-and-stick enrolment: HQ file -> device request -> HQ import -> reply."""
    data_dir = tmp_path / name  # (ASCII: a non-ASCII data folder is a known storage issue)
    assert _hq(tmp_path, "enroll-device", name, "--out", str(tmp_path / f"{name}.json")) == 0
    stick = tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    rc = cli.main(
        [
            "sync",
            "--data-dir",
            str(data_dir),
            "enroll",
            str(tmp_path / f"{name}.json"),
            "--request-out",
            str(stick),
        ]
    )
    assert rc == 0
    assert _hq(tmp_path, "import", str(stick)) == 0
    assert "登记成功" in capsys.readouterr().out
    return data_dir


def test_usb_round_trip_with_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = _enrol_by_usb(tmp_path, capsys)
    db = open_ledger(data_dir)
    households.create_household(db, household_data(), head_data())
    add_changes(db, 40)
    db.close()
    stick = tmp_path / "stick"
    assert cli.main(["sync", "--data-dir", str(data_dir), "export", "--to", str(stick)]) == 0
    out = capsys.readouterr().out
    assert "已导出 1 批" in out
    assert not list(stick.glob(".*.tmp"))
    assert _hq(tmp_path, "import", str(stick)) == 0
    report = capsys.readouterr().out
    assert "已入库" in report
    assert _hq(tmp_path, "import", str(stick)) == 0  # the same stick twice: already known
    assert "已收到过" in capsys.readouterr().out
    assert _hq(tmp_path, "status", "--json") == 0
    st = json.loads(capsys.readouterr().out)
    assert st["devices"] == 1 and st["batches"] == 1 and st["records"] == st["changes"] > 40
    # nothing is purged or forgotten before the acknowledgement arrives
    db = open_ledger(data_dir)
    assert client.status(db)["unacked_batches"] == 1
    db.close()
    assert _hq(tmp_path, "export-replies", "--to", str(stick)) == 0
    assert cli.main(["sync", "--data-dir", str(data_dir), "import", str(stick)]) == 0
    assert "已确认 1 批" in capsys.readouterr().out
    db = open_ledger(data_dir)
    st = client.status(db)
    assert st["enrolled"] and st["unacked_batches"] == 0 and st["pending_changes"] == 0
    db.close()
    # the audit log accounts for what left the device, and that headquarters confirmed it
    assert cli.main(["audit", "--data-dir", str(data_dir)]) == 0
    assert re.search(r"同步\t\t第 1 批，4\d 条修改，市总已确认", capsys.readouterr().out)


def test_stick_pulled_mid_write_is_refused_cleanly_and_reexport_recovers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _enrol_by_usb(tmp_path, capsys)
    db = open_ledger(data_dir)
    add_changes(db, 200)
    stick = tmp_path / "stick"
    report = client.export_usb(db, stick)
    assert report.batches == 1
    (final,) = stick.glob("*.fsb")
    whole = final.read_bytes()
    final.write_bytes(whole[: len(whole) // 3])  # the stick was pulled: a truncated file...
    (stick / f".{final.name}.tmp").write_bytes(whole[:100])  # ...and a half-written temp file
    assert _hq(tmp_path, "import", str(stick)) == 1
    out = capsys.readouterr().out
    assert "拒收" in out and "TRUNCATED" in out and "不完整" in out
    assert client.status(db)["unacked_batches"] == 1  # the device still holds the batch
    client.export_usb(db, stick)  # export again: the same immutable batch, whole
    assert final.read_bytes() == whole
    assert _hq(tmp_path, "import", str(stick)) == 0
    assert json.loads(_status(tmp_path, capsys))["records"] == 200
    db.close()


def _status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert _hq(tmp_path, "status", "--json") == 0
    return capsys.readouterr().out


def test_reply_brings_referral_outcome_handover_and_dibao(tmp_path: Path) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    db = open_ledger(tmp_path / "dev")
    hq.enrol(client.start_enrolment(db, hq.issue_enrolment("甲")))
    hid = households.create_household(db, household_data(), head_data()).id
    from fieldapp.domain.referrals import catalogue
    from fieldapp.services.referrals import ReferralData

    kind = next(iter(catalogue().values()))
    data = ReferralData(
        household_id=hid, kind_code=kind.code, receiving_body="兰陵县教育局", reason="子女上学困难"
    )
    ref = referrals.create_referral(db, data)
    referrals.change_status(db, ref, ReferralStatus.REFERRED)
    client.cut_batches(db)
    for b in client._unacked(db):
        assert hq.ingest(b.sealed).ok
    outcome = ReferralStatus.ACCEPTED
    event_id = "00000000-0000-4000-8000-000000000001"
    body = {
        "id": event_id,
        "referral_id": ref,
        "status": outcome.value,
        "occurred_on": TODAY.isoformat(),
        "note": "市总工会登记：已受理",
        "recorded_by": "市总工会",
    }
    hq.add_outgoing(db.device_id, "referral_event", body)
    hq.add_outgoing(db.device_id, "handover", {"household_id": hid, "owner_device": "another-device"})
    hq.add_outgoing("*", "setting", {"key": "dibao_standard_fen", "value": "98000"})
    reply = hq.build_reply(db.device_id)
    before_outbox = _outbox_rows(db)
    r = client.apply_reply(db, reply)
    assert (r.acked, r.items) == (1, 3)
    assert referrals.get_referral(db, ref).status == outcome
    assert len(referrals.history(db, ref)) == 3
    assert households.get_household(db, hid).owner_device == "another-device"
    assert settings.dibao_standard_fen(db) == 98000
    assert _outbox_rows(db) == before_outbox  # HQ's rows are not sent back to HQ
    assert client.apply_reply(db, reply).items == 0  # the same reply twice: applied once


def _outbox_rows(db: object) -> int:
    from sqlalchemy import func, select

    from fieldapp.storage.models import OutboxEntry

    with db.session() as s:  # type: ignore[attr-defined]
        return int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def test_future_format_version_on_the_stick_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import struct

    data_dir = _enrol_by_usb(tmp_path, capsys)
    db = open_ledger(data_dir)
    add_changes(db, 3)
    stick = tmp_path / "stick"
    client.export_usb(db, stick)
    db.close()
    (path,) = stick.glob("*.fsb")
    data = path.read_bytes()
    path.write_bytes(data[:8] + struct.pack(">H", 2) + data[10:])
    assert _hq(tmp_path, "import", str(stick)) == 1
    out = capsys.readouterr().out
    assert "UNSUPPORTED_VERSION" in out and "升级" in out
