"""Issue 14: every window and dialog fits a 1366×768 laptop with a 40-px taskbar (1366×728)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY, Answers
from tests.test_ui_workbench import _household, cadre, open_window, wait_ops  # noqa: F401 (fixture)

from fieldapp.domain import vocab
from fieldapp.services import referrals, visits
from fieldapp.storage.db import Database
from fieldapp.ui import screen_fit
from fieldapp.ui import settings as opts

pytestmark = pytest.mark.usefixtures("answers")

SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-px taskbar


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """The offscreen platform's screen, as the laptops' available geometry."""
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(SCREEN))
    return SCREEN


def offending_buttons(window: QWidget) -> list[str]:
    """Visible buttons of `window` whose global rectangle is not inside the 1366×728 screen."""
    out = []
    for b in window.findChildren(QPushButton):
        if b.isVisible() and b.window() is window:
            rect = QRect(b.mapToGlobal(QPoint(0, 0)), b.size())
            if not SCREEN.contains(rect):
                out.append(f"{window.objectName() or type(window).__name__}: {b.text()} at {rect}")
    return out


def test_every_window_and_dialog_fits_a_1366_by_728_screen(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    tmp_path: Path,
    small_screen: QRect,
    answers: Answers,
) -> None:
    from fieldapp.ui.print_preview import BatchPrintDialog, HouseholdPrintDialog
    from fieldapp.ui.signin import SignInDialog

    hid = _household(db, cadre)
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    vid = visits.record_visit(db, visits.VisitData(hid, TODAY, place="家中"))
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    checked: list[QWidget] = [window]

    def opened(dialog: QWidget) -> None:
        qtbot.waitUntil(dialog.isVisible)
        checked.append(dialog)

    opened(window.new_household())
    opened(window.edit_member(hid, ""))
    opened(window.record_visit_for(hid))
    opened(window.edit_visit(hid, vid))
    opened(window.void_visit(hid, vid))
    opened(window.new_referral_for(hid))
    opened(window.change_referral_status(rid))
    opened(window.add_record(hid, "relief"))
    opened(window.add_record(hid, "consent"))
    opened(window.open_settings())
    opened(window.open_sync())
    opened(window.open_import())
    window.households.table.selectRow(0)
    window.tabs.setCurrentIndex(0)
    chooser = window.open_print_preview()
    assert chooser is not None
    opened(chooser)
    chooser.make_preview()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: chooser.preview is not None, timeout=60000)  # type: ignore[attr-defined]
    opened(chooser.preview)  # type: ignore[attr-defined]
    household_print = HouseholdPrintDialog(db, hid, window)
    household_print.show()
    opened(household_print)
    batch = BatchPrintDialog(db, window)
    batch.show()
    opened(batch)
    signin = SignInDialog(tmp_path / "ledger")
    qtbot.addWidget(signin)
    signin.show()
    opened(signin)
    assert profile.isVisible() is False or profile.window() is window

    problems = [p for w in checked for p in offending_buttons(w)]
    assert not problems, "\n".join(problems)
    for w in checked:  # the whole window, its title bar allowance included
        assert w.frameGeometry().height() <= SCREEN.height() and SCREEN.contains(w.geometry()), w
    assert vocab.ReferralStatus.DRAFT  # a referral was there for the status dialog

    for w in reversed(checked[1:]):
        if w.isVisible():
            answers.replies.append("discard")
            w.close()
    answers.replies.clear()
