"""The app backs up on start-up into the chosen second location and says so in the status bar;
a failing target is reported there in Chinese and the window goes on working."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Answers

from fieldapp.services import backups as auto
from fieldapp.storage import backups
from fieldapp.storage.db import Database
from fieldapp.ui import ops

pytestmark = pytest.mark.usefixtures("answers")


def _window(qtbot: Any, db: Database, prefs: Any) -> Any:
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(db, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.load_count >= 1 and hasattr(window, "autobackup"), timeout=60000)
    qtbot.waitUntil(lambda: ops.pending() == 0 and not window.autobackup.running, timeout=30000)
    return window


def test_start_up_backup_into_the_chosen_location(
    qtbot: Any, db: Database, prefs: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "U盘"
    auto.set_settings(db, stick, 4, 3)
    window = _window(qtbot, db, prefs)
    (made,) = backups.list_backups(stick)
    assert backups.verify(made).files >= 1
    assert window.autobackup.last_message == f"已自动备份并核对：{made}"
    window.autobackup.check()  # within the interval: nothing more
    qtbot.waitUntil(lambda: ops.pending() == 0 and not window.autobackup.running, timeout=30000)
    assert len(backups.list_backups(stick)) == 1


def test_no_location_no_backup(qtbot: Any, db: Database, prefs: Any) -> None:
    window = _window(qtbot, db, prefs)
    assert window.autobackup.last_message == ""


def test_a_failing_target_is_reported_in_the_status_bar(
    qtbot: Any, db: Database, prefs: Any, tmp_path: Path, answers: Answers
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the stick should be", encoding="utf-8")
    auto.set_settings(db, blocked, 4, 3)
    window = _window(qtbot, db, prefs)
    assert window.autobackup.last_message.startswith("自动备份没有完成：")
    assert window.statusBar().currentMessage() == window.autobackup.last_message
    assert "台账没有受影响" in window.autobackup.last_message
    assert db.check() == [] and not answers.errors


@pytest.fixture
def encrypted(tmp_path: Path) -> Any:
    import secrets

    from fieldapp.security import vault
    from fieldapp.storage.db import open_database

    key = vault.key_from_recovery(secrets.token_bytes(vault.RECOVERY_BYTES))
    db = open_database(tmp_path / "ledger", key)
    yield db, key
    db.close()


def test_choose_a_location_then_restore_a_backup_from_the_menu(
    qtbot: Any, encrypted: Any, prefs: Any, tmp_path: Path, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from fieldapp.services import cadres
    from fieldapp.storage.db import open_database
    from fieldapp.ui import messages

    db, key = encrypted
    cadres.add_cadre(db, "王芳")
    window = _window(qtbot, db, prefs)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    window.backup_location_action.trigger()
    (made,) = backups.list_backups(stick)
    assert auto.get_settings(db).target == stick and answers.told[-1].startswith("备份位置: 今后每次启动")
    cadres.add_cadre(db, "李强")  # after the backup: gone once it is restored
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(made))
    answers.replies.append(messages.PROCEED)
    window.restore_action.trigger()
    assert "恢复后程序将关闭" in answers.asked[-1] and answers.told[-1].startswith("已从备份恢复")
    assert not window.isVisible()
    (aside,) = (tmp_path / "ledger").glob("replaced-before-restore-*")
    assert (aside / "fieldapp.sqlite").is_file()
    again = open_database(tmp_path / "ledger", key)
    try:
        assert [c.name for c in cadres.list_cadres(again)] == ["王芳"]
    finally:
        again.close()


def test_another_ledgers_backup_is_refused_in_the_app(
    qtbot: Any,
    encrypted: Any,
    db: Database,
    prefs: Any,
    tmp_path: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    theirs = auto.back_up_now(db, tmp_path / "their-stick")  # another (plain) ledger's backup
    mine, _ = encrypted
    window = _window(qtbot, mine, prefs)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(theirs))
    answers.expect_errors()
    window.restore_action.trigger()
    assert "属于另一个台账" in answers.errors[-1] and "fieldapp restore" in answers.errors[-1]
    assert window.isVisible() and mine.check() == []
    broken = tmp_path / "photos"
    broken.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(broken))
    window.restore_action.trigger()
    assert "不是 fieldapp 的备份" in answers.errors[-1]
