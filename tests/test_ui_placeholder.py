"""The placeholder window shows the household list in Chinese with the bundled font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from tests.conftest import head_data, household_data

from fieldapp.cli import main
from fieldapp.services import households
from fieldapp.storage.db import Database
from fieldapp.ui.fonts import install_app_font
from fieldapp.ui.main_window import MainWindow


def test_bundled_font_is_loaded(qtbot: QtBot) -> None:
    font = install_app_font()
    assert "WenQuanYi" in font.family() or "文泉" in font.family()


def test_main_window_lists_households(qtbot: QtBot, db: Database) -> None:
    households.create_household(db, household_data(), head_data())
    window = MainWindow(households.list_households(db), str(db.path))
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "张海生"
    assert model.index(0, 1).data() == "临沂市兰陵县卞庄街道泇河社区居民委员会"
    heading = window.findChild(QLabel, "heading")
    assert isinstance(heading, QLabel)
    assert heading.text() == "我的结对困难户（共 1 户）"


def test_fieldapp_without_arguments_opens_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    """`fieldapp --demo` path: the app opens on demo data and closes cleanly."""
    seen: list[int] = []

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.table.model().rowCount() for w in windows)
        for w in windows:
            w.close()
        QApplication.quit()

    QTimer.singleShot(200, look_and_quit)
    assert main(["--demo", "--data-dir", str(tmp_path / "demo")]) == 0
    assert seen and seen[0] > 0
