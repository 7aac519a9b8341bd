"""Item 19 in the visit form: one key press per unchanged dimension, only changes typed; the
profile shows the latest figures and their history; the assessment takes the figures."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY, Answers
from tests.test_ui_workbench import _household, cadre, open_window, type_text, wait_ops  # noqa: F401

from fieldapp.services import drafts, item19, visits
from fieldapp.services.item19 import EconomyValues, WorkerValues
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui import settings as opts
from fieldapp.ui.visit_form import draft_key

pytestmark = pytest.mark.usefixtures("answers")

ALT = Qt.KeyboardModifier.AltModifier


def _active(qtbot: QtBot, dialog: QWidget) -> None:
    """Keys go to the focused widget of the active window, as on the cadre's laptop."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: (w := QApplication.focusWidget()) is not None and w.window() is dialog)


def _observed(db: Database, hid: str) -> str:
    head = item19.workers_of(db, hid)[0].member_id
    item19.record_observation(
        db,
        hid,
        EconomyValues(36000, 9000, 3000, 12000, 2000, None, 8000, "某建筑公司", dt.date(2026, 10, 9)),
        [WorkerValues(head, "employed_away", "某建筑公司", 3000, "vocational", "", "", ("medical",))],
        observed_on=dt.date(2026, 6, 1),
    )
    return head


def test_unchanged_dimensions_take_one_key_press_each_and_only_changes_are_typed(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    head = _observed(db, hid)
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    section = dialog.item19
    assert section is not None
    assert "外出务工（某建筑公司）" in section.summaries["employment"].text()
    assert "2026-06-01" in section.findChild(type(section.summaries["income"]), "item19Since").text()

    _active(qtbot, dialog)
    start = QApplication.focusWidget()
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6):  # all but 收入
        qtbot.keyClick(QApplication.focusWidget(), key, ALT)
    qtbot.waitUntil(
        lambda: section.confirmed == {"employment", "training", "insurance", "expenses", "arrears"}
    )
    assert QApplication.focusWidget() is start  # the cadre goes on typing where she was
    assert not section.expenses["expense_food"].isEnabled()  # confirmed: shown, locked

    # the income changed: only that is typed
    section.annual_income.setFocus()
    section.annual_income.selectAll()
    type_text(qtbot, section.annual_income, "42000")
    worker = section.workers[0]
    worker.monthly_income.setFocus()
    worker.monthly_income.selectAll()
    type_text(qtbot, worker.monthly_income, "3500")
    assert section.touched == {"income"}
    qtbot.waitUntil(
        lambda: (d := drafts.load_draft(db, draft_key(hid))) is not None and "item19" in d.payload
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)

    (visit,) = visits.list_visits(db, hid)
    latest = item19.latest(db, hid)
    assert latest is not None and latest.visit_id == visit.id and latest.observed_on == TODAY
    assert latest.economy == EconomyValues(
        42000, 9000, 3000, 12000, 2000, None, 8000, "某建筑公司", dt.date(2026, 10, 9)
    )
    assert latest.workers == (
        WorkerValues(head, "employed_away", "某建筑公司", 3500, "vocational", "", "", ("medical",)),
    )
    assert len(item19.history(db, hid)) == 2


def test_alt_0_confirms_all_and_pressing_again_undoes_one(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    _observed(db, hid)
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    section = dialog.item19
    assert section is not None
    _active(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0, ALT)
    qtbot.waitUntil(lambda: len(section.confirmed) == 6)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_6, ALT)  # 欠薪 changed after all
    qtbot.waitUntil(lambda: "arrears" not in section.confirmed)
    assert section.arrears_amount.isEnabled()
    section.arrears_amount.setFocus()
    section.arrears_amount.selectAll()
    type_text(qtbot, section.arrears_amount, "0")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)
    latest = item19.latest(db, hid)
    assert latest is not None and latest.economy.arrears_amount == 0 and latest.economy.annual_income == 36000


def test_a_bad_amount_is_shown_at_its_field_and_nothing_is_saved(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, answers: Answers
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    section = dialog.item19
    assert section is not None
    assert not section.buttons["income"].isEnabled()  # nothing to confirm yet
    _active(qtbot, dialog)
    section.annual_income.setFocus()
    type_text(qtbot, section.annual_income, "3万")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "annual_income" in dialog.errors.marked())
    assert "家庭年收入" in dialog.errors.label.text() and dialog.isVisible()
    assert visits.list_visits(db, hid) == [] and item19.history(db, hid) == []
    section.annual_income.selectAll()
    type_text(qtbot, section.annual_income, "9999999")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "多输了0" in dialog.errors.label.text())
    assert visits.list_visits(db, hid) == [] and item19.history(db, hid) == []
    section.annual_income.selectAll()
    type_text(qtbot, section.annual_income, "30000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)
    latest = item19.latest(db, hid)
    assert (
        latest is not None and latest.economy.annual_income == 30000 and latest.economy.expense_food is None
    )


def test_the_profile_shows_the_latest_figures_their_history_and_the_assessment_takes_them(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    assert "还没有登记" in profile.figures.toPlainText()
    assert not profile.assessment.figures_note.isVisible()
    head = _observed(db, hid)
    item19.record_observation(
        db,
        hid,
        EconomyValues(30000, 9000, 3000, 15000, 2000, None, 0, "", None),
        [WorkerValues(head, "unemployed", "", 0, "vocational", "", "", ("medical",))],
    )
    profile = window.open_household(hid)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: "最新情况（2026-11-18）" in profile.figures.toPlainText())
    text = profile.figures.toPlainText()
    assert "2026-06-01 的登记" in text and "失业（有劳动能力）" in text and "外出务工" in text
    assert text.count("有变化") == 4  # 就业, 收入, 生活支出 (medical), 欠薪; not 培训, 社保
    assert profile.assessment.income.value() == 30000
    assert profile.assessment.spending.value() == 17000  # 医疗 15000 + 子女上学 2000
    assert "2026-11-18" in profile.assessment.figures_note.text()


def test_the_workbench_uses_the_campaign_from_headquarters_and_shows_it_overdue(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    from fieldapp.domain import campaign as campaign_rules
    from fieldapp.services import campaign

    hid = _household(db, cadre)
    prefs.set(opts.RESURVEY_START, "2026-11-01")
    window = open_window(qtbot, db, prefs)
    assert window.dashboard.period.text() == "走访期：2026-11-01 至 2026-11-30"
    with db.session() as s:  # as a reply applies it (tests/test_item19_sync.py goes through HQ)
        kept = campaign.receive(
            s,
            {
                "id": "c1",
                "name": "2026年10月再摸底",
                "start": "2026-10-08",
                "end": "2026-11-07",
                "counties": [],
            },
        )
    assert kept is not None and campaign_rules.parse(kept.to_json()) == kept
    window.refresh()
    qtbot.waitUntil(lambda: "2026年10月再摸底" in window.dashboard.period.text())
    text = window.dashboard.period.text()
    assert "走访期：2026-10-08 至 2026-11-07" in text and "2026-11-01" not in text
    assert "已过走访期，仍有 1 户未入户走访" in text  # TODAY is 2026-11-18
    visits.record_visit(db, visits.VisitData(hid, dt.date(2026, 10, 20), place="家中"))
    window.refresh()
    qtbot.waitUntil(lambda: "未入户走访" not in window.dashboard.period.text())
    assert window.dashboard.bar.value() == 1


def test_the_figures_typed_so_far_come_back_from_the_draft(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, answers: Answers
) -> None:
    from fieldapp.ui.visit_form import VisitDialog

    hid = _household(db, cadre)
    _observed(db, hid)
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    section = dialog.item19
    assert section is not None
    _active(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: section.confirmed == {"employment"})
    section.annual_income.setFocus()
    section.annual_income.selectAll()
    type_text(qtbot, section.annual_income, "50000")
    qtbot.waitUntil(
        lambda: (
            (d := drafts.load_draft(db, draft_key(hid))) is not None
            and d.payload.get("item19", {}).get("annual_income") == "50000"
        )
    )
    again = VisitDialog(db, hid, "张海生")  # as after a crash: the draft is what is left
    qtbot.addWidget(again)
    restored = again.item19
    assert restored is not None
    assert restored.confirmed == {"employment"} and restored.touched == {"income"}
    assert restored.annual_income.text() == "50000" and not restored.workers[0].employment.isEnabled()
    assert again.banner.text() and not again.banner.isHidden()
    answers.replies.extend([messages.DISCARD, messages.DISCARD])  # both copies of the form ask
    again.close()
    dialog.close()
    assert len(answers.asked) == 2
