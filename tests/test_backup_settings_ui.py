"""设置 → 自动备份: the backup location, every N hours and keep K are set in the app (as with
`fieldapp backup --set-target/--every-hours/--keep`), typed from the keyboard, validated, kept in
the ledger, and the automatic backup uses them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldapp.services import backups as auto
from fieldapp.storage import backups
from fieldapp.storage.db import Database
from fieldapp.ui import ops

pytestmark = pytest.mark.usefixtures("answers")


def _dialog(qtbot: Any, db: Database, prefs: Any) -> Any:
    from fieldapp.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(prefs, db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.backup)
    return dialog


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def _ok(qtbot: Any, dialog: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(dialog.findChild(QPushButton, "settingsOk"), Qt.MouseButton.LeftButton)


def test_location_hours_and_keep_typed_saved_and_used_by_the_backups(
    qtbot: Any, db: Database, prefs: Any, tmp_path: Path
) -> None:
    stick = tmp_path / "usb" / "ledger-backups"  # QTest types ASCII only
    dialog = _dialog(qtbot, db, prefs)
    page = dialog.backup
    assert page.target.text() == "" and page.every.value() == 4 and page.keep.value() == 7  # defaults
    assert page.last.text() == "还没有"
    _type(qtbot, page.target, str(stick))
    _type(qtbot, page.every, "500")  # over 168: the last key is refused
    assert page.every.value() == 50
    _type(qtbot, page.every, "12")
    _type(qtbot, page.keep, "3")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    cfg = auto.get_settings(db)
    assert (cfg.target, cfg.every_hours, cfg.keep) == (stick, 12, 3)
    assert auto.due(db)  # a new location: backed up at the next check
    made = [auto.back_up_now(db) for _ in range(4)]
    assert backups.list_backups(stick) == made[1:]  # keep 3
    assert not auto.due(db)  # within 12 hours of the last one
    reopened = _dialog(qtbot, db, prefs)
    assert reopened.backup.target.text() == str(stick)
    assert (reopened.backup.every.value(), reopened.backup.keep.value()) == (12, 3)
    assert reopened.backup.last.text() != "还没有"


def test_hours_and_keep_cannot_be_typed_out_of_range(
    qtbot: Any, db: Database, prefs: Any, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, prefs)
    page = dialog.backup
    _type(qtbot, page.target, str(tmp_path / "bk"))
    _type(qtbot, page.every, "0")
    _type(qtbot, page.keep, "999")
    _ok(qtbot, dialog)
    cfg = auto.get_settings(db)
    assert 1 <= cfg.every_hours <= 168 and 1 <= cfg.keep <= 100
    assert cfg.keep == 99  # "999": the third 9 was refused


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("inside", "备份位置不能在数据文件夹里面"),
        ("relative", "请填写完整的文件夹位置"),
    ],
)
def test_a_bad_location_is_refused_in_chinese_and_nothing_is_saved(
    qtbot: Any, db: Database, prefs: Any, tmp_path: Path, where: str, message: str
) -> None:
    auto.set_settings(db, tmp_path / "good", 6, 5)
    dialog = _dialog(qtbot, db, prefs)
    dialog.tabs.setCurrentIndex(0)
    text = str(db.path.parent / "bk") if where == "inside" else "ledger-backups"
    _type(qtbot, dialog.backup.target, text)
    _type(qtbot, dialog.backup.keep, "9")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget() is dialog.backup
    assert message in dialog.errors.label.text()
    assert dialog.backup.target.styleSheet() != ""  # the field is marked
    cfg = auto.get_settings(db)
    assert (cfg.target, cfg.every_hours, cfg.keep) == (tmp_path / "good", 6, 5)


@pytest.mark.parametrize(
    ("every", "keep", "field"),
    [
        (0, 7, "backup_every_hours"),
        (169, 7, "backup_every_hours"),
        (4, 0, "backup_keep"),
        (4, 101, "backup_keep"),
    ],
)
def test_the_service_refuses_out_of_range_values_naming_the_field(
    db: Database, tmp_path: Path, every: int, keep: int, field: str
) -> None:
    with pytest.raises(auto.BackupSettingsError) as e:
        auto.set_settings(db, tmp_path / "bk", every, keep)
    assert e.value.field == field and ("1 到 168" in str(e.value) or "1 到 100" in str(e.value))
    assert isinstance(e.value, backups.BackupError)
    assert auto.get_settings(db).target is None


def test_only_a_new_location_restarts_the_interval(db: Database, tmp_path: Path) -> None:
    auto.set_settings(db, tmp_path / "a", 4, 7)
    auto.back_up_now(db)
    assert not auto.due(db)
    auto.set_settings(db, tmp_path / "a", 8, 3)  # same place, other numbers: the interval goes on
    assert not auto.due(db)
    auto.set_settings(db, tmp_path / "b", 8, 3)
    assert auto.due(db)


def test_a_location_set_in_the_window_is_backed_up_at_once(
    qtbot: Any, db: Database, prefs: Any, tmp_path: Path
) -> None:
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(db, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.load_count >= 1 and hasattr(window, "autobackup"), timeout=60000)
    qtbot.waitUntil(lambda: ops.pending() == 0 and not window.autobackup.running, timeout=30000)
    assert window.autobackup.last_message == ""  # no location yet
    stick = tmp_path / "stick"
    dialog = window.open_settings()
    dialog.tabs.setCurrentWidget(dialog.backup)
    _type(qtbot, dialog.backup.target, str(stick))
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: len(backups.list_backups(stick)) == 1, timeout=30000)
    qtbot.waitUntil(lambda: ops.pending() == 0 and not window.autobackup.running, timeout=30000)
    (made,) = backups.list_backups(stick)
    assert window.autobackup.last_message == f"已自动备份并核对：{made}"
