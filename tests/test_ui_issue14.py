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
from tests.conftest import TODAY, Answers
from tests.test_ui_workbench import (  # noqa: F401 (cadre is a fixture)
    _household,
    cadre,
    open_window,
    type_text,
    wait_loaded,
    wait_ops,
)

from fieldapp.domain import vocab
from fieldapp.services import drafts, referrals, visits
from fieldapp.storage.db import Database
from fieldapp.storage.models import PrintRecord
from fieldapp.ui import messages
from fieldapp.ui import settings as opts
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.profile import HouseholdProfile

pytestmark = pytest.mark.usefixtures("answers")


def test_the_referral_slip_prints_in_three_keys_from_the_household_file(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fieldapp.ui import print_action, print_preview

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
    wait_ops(qtbot)  # anything the tab switch started has finished
    # a window shortcut fires only in the active window; under load activation can lag a key press
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # its slip, not the household chooser
    jobs = window.findChildren(print_action.RecordPreview)
    assert len(jobs) == 1, "Ctrl+P did not start the slip's preview"
    (job,) = jobs
    assert (job.form, job.record_id) == ("referral_slip", rid)
    # rendering runs off the GUI thread: wait for the result itself, not a guess of how long it takes
    qtbot.waitUntil(lambda: job.preview is not None and job.preview.isVisible(), timeout=90000)
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


def test_a_referral_draft_survives_the_window_and_waits_on_the_workbench(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    answers: Answers,
) -> None:
    from fieldapp.ui.referral_dialogs import ReferralDialog, draft_key

    hid = _household(db, cadre)
    window = MainWindow(db, prefs)
    window.show()
    wait_loaded(qtbot, window, 1)
    dialog = window.new_referral_for(hid)
    dialog.select_kind("RIGHTS-WAGES")
    dialog.reason.setFocus()
    type_text(qtbot, dialog.reason, "拖欠工资三个月")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # on to the date: nothing saved
    qtbot.waitUntil(
        lambda: (d := drafts.load_draft(db, draft_key(hid))) is not None and "拖欠" in d.payload["reason"]
    )
    assert referrals.list_referrals(db, hid) == []
    with qtbot.waitSignal(window.destroyed):  # a crash: no close event, no save
        window.deleteLater()
    del window, dialog

    again = open_window(qtbot, db, prefs)
    todo = again.dashboard.todo
    assert todo.item(0).text().startswith("【草稿】张海生　转介未保存")
    todo.setFocus()
    todo.setCurrentRow(0)
    qtbot.keyClick(todo, Qt.Key.Key_Return)  # opens the form again
    restored = again.dialogs[-1]
    assert isinstance(restored, ReferralDialog)
    assert restored.reason.toPlainText() == "拖欠工资三个月"
    assert restored.kind.currentData() == "RIGHTS-WAGES"
    assert restored.banner.isVisible() and "草稿" in restored.banner.text()

    # Ctrl+Enter saves it (with the consent warning answered), and the draft is gone
    loads = again.load_count  # the save reloads the workbench: count from before it, not after
    answers.replies = [messages.PROCEED]
    qtbot.keyClick(restored.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not restored.isVisible())
    assert [r.reason for r in referrals.list_referrals(db, hid)] == ["拖欠工资三个月"]
    assert drafts.load_draft(db, draft_key(hid)) is None
    wait_loaded(qtbot, again, loads + 1)
    assert not any(t.startswith("【草稿】") for t in again.dashboard.items_text())


def _follow_link(qtbot: QtBot, profile: HouseholdProfile, text: str) -> None:
    """Tab through the visit timeline's links to `text`, then Enter, as a cadre would."""
    timeline = profile.timeline
    for _ in range(12):
        focus = profile.window().focusWidget()
        if focus is timeline and timeline.textCursor().selectedText() == text:
            qtbot.keyClick(timeline, Qt.Key.Key_Return)
            return
        qtbot.keyClick(focus if focus is not None else timeline, Qt.Key.Key_Tab)
    raise AssertionError(f"no link {text!r} reached with Tab")


def test_a_saved_visit_is_corrected_or_voided_with_a_reason_from_the_visits_tab(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    answers: Answers,
) -> None:
    from fieldapp.services import audit
    from fieldapp.ui.visit_form import VisitDialog, VoidVisitDialog

    hid = _household(db, cadre)
    vid = visits.record_visit(
        db, visits.VisitData(hid, TODAY, cadre_id=cadre, place="家中", demands="医疗救助")
    )
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # 走访记录
    assert profile.tabs.currentIndex() == 2

    _follow_link(qtbot, profile, "修改…")
    edit = window.dialogs[-1]
    assert isinstance(edit, VisitDialog) and edit.editing is not None
    assert edit.place.text() == "家中" and edit.demands.toPlainText() == "医疗救助"
    edit.place.setFocus()
    edit.place.selectAll()
    type_text(qtbot, edit.place, "村委会")
    qtbot.keyClick(edit.place, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not edit.isVisible())
    wait_ops(qtbot)
    (visit,) = visits.list_visits(db, hid)
    assert (visit.id, visit.place, visit.cadre_id) == (vid, "村委会", cadre)
    qtbot.waitUntil(lambda: "村委会" in profile.timeline.toPlainText())

    profile.timeline.setFocus()
    _follow_link(qtbot, profile, "作废…")
    void = window.dialogs[-1]
    assert isinstance(void, VoidVisitDialog)
    qtbot.keyClick(void.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: void.errors.marked() == ["reason"])  # a reason is required
    assert visits.list_visits(db, hid) != []
    type_text(qtbot, void.reason, "记错了户")
    qtbot.keyClick(void.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not void.isVisible())
    wait_ops(qtbot)
    assert visits.list_visits(db, hid) == []
    qtbot.waitUntil(lambda: "还没有走访记录" in profile.timeline.toPlainText())
    actions = [r.action for r in audit.recent(db, household_id=hid)]
    assert actions[:2] == [vocab.AuditAction.VOID, vocab.AuditAction.EDIT]
