"""The sync screen driven through its real widgets, offscreen, against a real `fieldapp-hq serve`
(uvicorn on 127.0.0.1) and a real folder standing in for the USB stick."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY, head_data, household_data
from tests.test_sync_e2e import Server, server  # noqa: F401  (fixture)

from fieldapp.domain import vocab
from fieldapp.domain.referrals import catalogue
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.services import households, referrals, settings, visits
from fieldapp.services.referrals import ReferralData
from fieldapp.services.visits import VisitData
from fieldapp.storage.db import Database, open_database
from fieldapp.ui import messages, ops
from fieldapp.ui import settings as opts
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.sync_screen import SyncScreen


@pytest.fixture
def hq_url(tmp_path: Path) -> str:
    """The screen's tests run against a SQLite headquarters (the ingest tests cover PostgreSQL)."""
    return f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    told: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda _p, title, text, _c: told.append(f"{title}: {text}"))
    return told


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "device")
    yield db
    db.close()


def _wait(qtbot: QtBot, screen: SyncScreen) -> str:
    qtbot.waitUntil(lambda: not screen.working and ops.pending() == 0, timeout=30000)
    return screen.result_label.text()


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open(qtbot: QtBot, db: Database, prefs: opts.AppSettings) -> tuple[MainWindow, SyncScreen]:
    window = MainWindow(db, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.load_count >= 1 and ops.pending() == 0, timeout=60000)
    window.sync_action.trigger()  # 同步 → 与市总工会同步
    (screen,) = [d for d in window.dialogs if isinstance(d, SyncScreen)]
    qtbot.waitUntil(lambda: bool(screen.state) and ops.pending() == 0, timeout=60000)
    return window, screen


def _household(db: Database) -> tuple[str, str]:
    hid = households.create_household(db, household_data(), head_data()).id
    visits.record_visit(db, VisitData(household_id=hid, visit_date=TODAY, notes="入户走访"))
    kind = next(iter(catalogue().values()))
    ref = referrals.create_referral(
        db, ReferralData(household_id=hid, kind_code=kind.code, receiving_body=kind.bodies[0], reason="培训")
    )
    referrals.change_status(db, ref, vocab.ReferralStatus.REFERRED)
    return hid, ref


def test_enrol_upload_export_and_import_through_the_screen(
    qtbot: QtBot, server: Server, ledger: Database, tmp_path: Path
) -> None:
    hid, ref = _household(ledger)
    prefs = opts.AppSettings(tmp_path / "fieldapp.ini")
    window, screen = _open(qtbot, ledger, prefs)
    assert window.sync_action.shortcut().toString() == "Ctrl+Shift+S"
    assert window.sync_label.text().startswith("未登记同步（")
    assert screen.enrol_box.isVisible() and not screen.upload_button.isEnabled()
    assert screen.enrol_state.text().startswith("尚未登记")
    pending = int(screen.pending.text().split()[0])
    assert pending > 5

    # enrol with the headquarters URL and a code, typed in
    hq = HQ(server.db_url)
    letter = hq.issue_enrolment("兰陵县-王芳", server.url)
    qtbot.keyClicks(screen.server, server.url)
    qtbot.keyClicks(screen.enrol_code, letter["token"])
    _click(qtbot, screen.enrol_button)  # without the fingerprint from the letter: asked for it
    assert "市总工会公钥指纹" in _wait(qtbot, screen)
    qtbot.keyClicks(screen.enrol_fingerprint, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX")  # a wrong one
    _click(qtbot, screen.enrol_button)
    assert "不符" in _wait(qtbot, screen)
    screen.enrol_fingerprint.clear()
    qtbot.keyClicks(screen.enrol_fingerprint, letter["hq_fingerprint"])
    _click(qtbot, screen.enrol_button)
    assert "设备登记成功：兰陵县-王芳" in _wait(qtbot, screen)
    assert screen.enrol_state.text().startswith("已登记") and not screen.enrol_box.isVisible()
    assert prefs.get(opts.SYNC_SERVER) == server.url  # remembered for next time

    # upload over HTTP: progress, then the plain-Chinese result
    steps: list[tuple[int, int]] = []
    screen._progress.step.connect(lambda d, t: steps.append((d, t)))
    _click(qtbot, screen.upload_button)
    assert screen.progress.isVisible()
    text = _wait(qtbot, screen)
    assert text.startswith(f"已上传 1 批，共 {pending} 条记录"), text
    assert steps == [(1, 1)] and not screen.progress.isVisible()
    assert screen.pending.text() == "0 条" and screen.unacked.text() == "0 批（0 条）"
    assert screen.last_success.text() != "从未同步"
    qtbot.waitUntil(lambda: window.sync_label.text() == "已全部同步", timeout=60000)
    assert server.status()["changes"] == pending

    # headquarters answers: a referral outcome and the year's 低保 standard
    hq.record_referral_outcome(ref, "已受理", note="县人社局已受理")
    hq.set_reference("dibao_standard_fen", "98000")
    hq.close()

    # a change made in the village, carried on the stick
    visits.record_visit(ledger, VisitData(household_id=hid, visit_date=TODAY, notes="第二次走访"))
    stick = tmp_path / "U盘"
    stick.mkdir()
    screen.choose_folder = lambda _title: str(stick)
    _click(qtbot, screen.export_button)
    assert _wait(qtbot, screen).startswith("已导出 1 批，共 1 条记录")
    assert len(list(stick.glob("*.fsb"))) == 1 and not list(stick.glob(".*.tmp"))
    assert screen.unacked.text() == "1 批（1 条）"
    assert hq_cli.main(["--db", server.db_url, "import", str(stick)]) == 0
    assert hq_cli.main(["--db", server.db_url, "export-replies", "--to", str(stick)]) == 0
    _click(qtbot, screen.import_button)
    text = _wait(qtbot, screen)
    assert text.startswith("已确认 1 批；收到市总工会更新 2 条"), text
    assert "转介办理结果 1 条" in text and "低保标准已更新" in text
    assert referrals.get_referral(ledger, ref).status == vocab.ReferralStatus.ACCEPTED
    assert settings.dibao_standard_fen(ledger) == 98000
    assert screen.unacked.text() == "0 批（0 条）"
    assert prefs.get(opts.SYNC_FOLDER) == str(stick)


def test_clear_chinese_errors_and_nothing_lost(
    qtbot: QtBot, server: Server, ledger: Database, tmp_path: Path
) -> None:
    _household(ledger)
    enrol = tmp_path / "王芳.enrol"
    assert (
        hq_cli.main(
            ["--db", server.db_url, "enroll-device", "王芳", "--out", str(enrol), "--url", server.url]
        )
        == 0
    )
    prefs = opts.AppSettings(tmp_path / "fieldapp.ini")
    window, screen = _open(qtbot, ledger, prefs)
    # no network at the office: the enrolment request goes on the stick instead
    screen.choose_file = lambda: str(enrol)
    _click(qtbot, screen.findChild(QWidget, "browseEnrolFile"))
    assert screen.enrol_file.text() == str(enrol)
    stick = tmp_path / "stick"
    stick.mkdir()
    screen.choose_folder = lambda _title: str(stick)
    _click(qtbot, screen.request_button)
    assert "已把登记申请写到U盘" in _wait(qtbot, screen)
    assert screen.enrol_state.text().startswith("已写出登记申请") and screen.export_button.isEnabled()
    pending = screen.pending.text()

    # the stick is pulled before the export starts
    shutil.rmtree(stick)
    _click(qtbot, screen.export_button)
    text = _wait(qtbot, screen)
    assert "U盘可能已拔出" in text and "本机数据没有丢失" in text
    assert "#b71c1c" in screen.result_label.styleSheet()
    assert screen.pending.text() == pending

    # a stick that cannot be written (the batch's temporary name is taken by a folder)
    stick.mkdir()
    (stick / f".fieldapp-{ledger.device_id}-000001.fsb.tmp").mkdir()
    _click(qtbot, screen.export_button)
    assert "写入U盘失败" in _wait(qtbot, screen)
    (stick / f".fieldapp-{ledger.device_id}-000001.fsb.tmp").rmdir()

    # headquarters registers the request (written again: the first went with the pulled stick)
    _click(qtbot, screen.request_button)
    assert "已把登记申请写到U盘" in _wait(qtbot, screen)
    _click(qtbot, screen.export_button)
    assert _wait(qtbot, screen).startswith("已导出 1 批")
    assert hq_cli.main(["--db", server.db_url, "import", str(stick)]) == 0
    assert hq_cli.main(["--db", server.db_url, "export-replies", "--to", str(stick)]) == 0
    _click(qtbot, screen.import_button)
    assert _wait(qtbot, screen).startswith("已确认 1 批")
    assert screen.enrol_state.text().startswith("已登记")

    # no server address
    screen.server.clear()
    _click(qtbot, screen.upload_button)
    assert "请先填写市总工会服务器地址" in _wait(qtbot, screen)

    # the server is unreachable
    screen.retries, screen.backoff = 1, 0.05
    households.create_household(ledger, household_data(phone="13805390000"), head_data(seq=31, name="李四"))
    server.stop()
    screen.server.setText(server.url + "http:")  # a slip of the keyboard first
    _click(qtbot, screen.upload_button)
    assert "服务器地址“" in _wait(qtbot, screen) and "写得不对" in screen.result_label.text()
    screen.server.clear()
    qtbot.keyClicks(screen.server, server.url)
    _click(qtbot, screen.upload_button)
    text = _wait(qtbot, screen)
    assert "连不上市总工会服务器" in text and "数据都还在本机" in text
    assert screen.unacked.text().startswith("1 批")

    # the device was revoked at headquarters
    server.start()
    assert hq_cli.main(["--db", server.db_url, "revoke", "王芳"]) == 0
    _click(qtbot, screen.upload_button)
    text = _wait(qtbot, screen)
    assert "已上传 0 批" in text and "已被停用" in text and "联系市总工会" in text
    assert screen.unacked.text().startswith("1 批")  # kept on the device
    window.close()


def test_a_handed_over_household_shows_read_only_in_the_window(
    qtbot: QtBot, hq_url: str, ledger: Database, tmp_path: Path
) -> None:
    from tests.test_sync_hq_reply import sync

    from fieldapp.services.profile import load_profile
    from fieldapp.ui.profile import HouseholdProfile

    hq = HQ(hq_url)
    hq.init()
    hq.enrol(client_start(ledger, hq, "兰陵县-王芳"))
    other = open_database(tmp_path / "other")
    hq.enrol(client_start(other, hq, "兰陵县-李强"))
    hid, _ = _household(ledger)
    sync(ledger, hq)
    hq.handover(hid, "兰陵县-李强")
    sync(ledger, hq)
    sync(other, hq)
    assert load_profile(ledger, hid).handed_over_to == "兰陵县-李强"
    assert load_profile(other, hid).handed_over_to == ""
    hq.close()
    other.close()
    window, screen = _open(qtbot, ledger, opts.AppSettings(tmp_path / "fieldapp.ini"))
    assert screen.handed_over.text().startswith("1 户")
    screen.done(0)
    view = window.open_household(hid)
    assert isinstance(view, HouseholdProfile)
    qtbot.waitUntil(lambda: view.profile is not None and ops.pending() == 0, timeout=60000)
    assert view.title.text().endswith("（已移交，只读）")
    assert not view.visit_button.isEnabled() and "兰陵县-李强" in view.visit_button.toolTip()
    window.close()


def client_start(db: Database, hq: HQ, name: str) -> dict[str, object]:
    from fieldapp.sync import client

    request = client.start_enrolment(db, hq.issue_enrolment(name))
    client.mark_enrolled(db)
    return request
