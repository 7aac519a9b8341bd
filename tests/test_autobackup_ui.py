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
    qtbot.waitUntil(lambda: window.load_count >= 1 and hasattr(window, "autobackup"), timeout=20000)
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
