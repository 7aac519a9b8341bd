"""Issue 14, driven by real key events: the referral slip in three keys, visits corrected or
voided with a reason, referral drafts that survive the window going away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.test_ui_workbench import _household, cadre, open_window, wait_ops  # noqa: F401 (fixture)

from fieldapp.services import referrals
from fieldapp.storage.db import Database
from fieldapp.storage.models import PrintRecord
from fieldapp.ui import settings as opts

pytestmark = pytest.mark.usefixtures("answers")


def test_the_referral_slip_prints_in_three_keys_from_the_household_file(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fieldapp.ui import print_preview

    out = tmp_path / "printer.pdf"

    def pdf_printer(_parent: object, printer: QPrinter) -> bool:  # the system print dialog, answered
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(print_preview, "ask_printer", pdf_printer)
    hid = _household(db, cadre)
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    keys = 0

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal keys
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key, modifier)
        keys += 1

    press(Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # 转介(&4): the first referral is selected
    assert profile.tabs.currentIndex() == 3 and profile.print_slip.isEnabled()
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # its slip, not the household chooser
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=20000)
    preview = QApplication.activeModalWidget()
    assert isinstance(preview, print_preview.PrintPreviewDialog)
    assert preview.windowTitle() != "打印预览 — " and "转介" in preview.windowTitle()
    press(Qt.Key.Key_Return)  # Enter prints
    assert keys <= 3
    assert out.read_bytes().startswith(b"%PDF")
    with db.session() as s:
        (record,) = s.scalars(select(PrintRecord)).all()
        assert (record.form, record.record_id, record.destination) == ("referral_slip", rid, "printer")
    preview.done(0)


def test_tab_leaves_every_table(qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str) -> None:  # noqa: F811
    hid = _household(db, cadre)
    referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    profile.tabs.setCurrentIndex(3)
    for table in (profile.referrals, profile.members, profile.relief, window.households.table):
        assert not table.tabKeyNavigation()
    profile.referrals.setFocus()
    qtbot.keyClick(profile.referrals, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not profile.referrals
