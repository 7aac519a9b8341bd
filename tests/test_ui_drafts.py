"""Drafts of every form that takes typing (issue 14): typed text survives the window going away
without a save, waits in 待办 as 【草稿】, and is offered back when the form opens again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import Answers
from tests.test_ui_workbench import (  # noqa: F401 (cadre is a fixture)
    _household,
    cadre,
    open_window,
    type_text,
    wait_loaded,
    wait_ops,
)

from fieldapp.services import drafts, households, todo
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui import settings as opts
from fieldapp.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("answers")


def _open(kind: str, window: MainWindow, hid: str) -> Any:
    if kind == "household-new":
        return window.new_household()
    if kind == "household":
        return window.edit_household(hid)
    if kind == "member":
        return window.edit_member(hid, "")
    return window.add_record(hid, kind)


# form, the field typed into, what is typed, the 待办 line it leaves
CASES: list[tuple[str, Callable[[Any], QWidget], str, str]] = [
    ("household-new", lambda d: d.head_name, "李秀英", "【草稿】李秀英　困难户信息未保存"),
    ("household", lambda d: d.unit_name, "临沂钢铁厂", "【草稿】张海生　困难户信息未保存"),
    ("member", lambda d: d.name, "张小明", "【草稿】张海生　家庭成员未保存"),
    ("relief", lambda d: d.note, "春节慰问金", "【草稿】张海生　救助发放未保存"),
    ("consent", lambda d: d.guardian, "张海生", "【草稿】张海生　同意登记未保存"),
]


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):  # the relief note: several lines
        return widget.toPlainText()
    return widget.text()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize(("kind", "field", "typed", "line"), CASES, ids=[c[0] for c in CASES])
def test_a_typed_form_survives_a_crash_and_is_offered_back(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    answers: Answers,
    kind: str,
    field: Callable[[Any], QWidget],
    typed: str,
    line: str,
) -> None:
    hid = _household(db, cadre)
    window = MainWindow(db, prefs)
    window.show()
    wait_loaded(qtbot, window, 1)
    dialog = _open(kind, window, hid)
    box = field(dialog)
    box.setFocus()
    type_text(qtbot, box, typed)
    # Enter moves on (a multi-line box keeps Enter for a new line: Tab leaves it): nothing is saved
    qtbot.keyClick(box, Qt.Key.Key_Tab if isinstance(box, QPlainTextEdit) else Qt.Key.Key_Return)
    key = dialog.draft.key
    qtbot.waitUntil(lambda: (d := drafts.load_draft(db, key)) is not None and typed in d.payload.values())
    with qtbot.waitSignal(window.destroyed):  # a crash: no close event, no save
        window.deleteLater()
    del window, dialog, box

    again = open_window(qtbot, db, prefs)
    todo_list = again.dashboard.todo
    assert todo_list.item(0).text().startswith(line), again.dashboard.items_text()
    todo_list.setFocus()
    todo_list.setCurrentRow(0)
    qtbot.keyClick(todo_list, Qt.Key.Key_Return)  # opens the form again, the text restored
    restored = again.dialogs[-1]
    assert _text(field(restored)) == typed
    assert restored.banner.isVisible() and "草稿" in restored.banner.text()
    assert len(households.list_households(db)) == 1  # nothing was recorded meanwhile
    answers.replies = [messages.DISCARD]  # closed again: asked, and the draft thrown away
    restored.close()
    assert not restored.isVisible() and drafts.load_draft(db, key) is None


def test_an_assessment_typed_and_left_is_offered_back_and_recorded(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    window = MainWindow(db, prefs)
    window.show()
    wait_loaded(qtbot, window, 1)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    form = profile.assessment
    form.income.setFocus()
    form.income.selectAll()
    qtbot.keyClicks(form.income, "12345")
    key = form.draft.key
    qtbot.waitUntil(
        lambda: (d := drafts.load_draft(db, key)) is not None and d.payload["annual_income"] == 12345
    )
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()
    del window, profile, form

    again = open_window(qtbot, db, prefs)
    todo_list = again.dashboard.todo
    assert todo_list.item(0).text().startswith("【草稿】张海生　困难评定未保存")
    todo_list.setFocus()
    todo_list.setCurrentRow(0)
    qtbot.keyClick(todo_list, Qt.Key.Key_Return)
    wait_ops(qtbot)
    profile = again.profile_tab(hid)
    assert profile is not None and profile.tabs.currentWidget() is profile.assessment
    assert profile.assessment.income.value() == 12345
    assert profile.assessment.banner.isVisible()
    loads = again.load_count
    profile.assessment.save_button.click()
    wait_loaded(qtbot, again, loads + 1)
    assert drafts.load_draft(db, key) is None
    assert not any(t.startswith("【草稿】") for t in again.dashboard.items_text())


def test_closing_a_typed_form_asks_and_discarding_drops_the_draft(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    answers: Answers,
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    dialog = window.add_record(hid, "relief")
    dialog.note.setFocus()
    type_text(qtbot, dialog.note, "助学金")
    qtbot.waitUntil(lambda: drafts.load_draft(db, dialog.draft.key) is not None)
    answers.replies = [messages.CANCEL]  # Escape: asked, goes on editing
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(answers.asked) == 1 and "救助发放" in answers.asked[0]
    answers.replies = [messages.DISCARD]
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert drafts.load_draft(db, dialog.draft.key) is None
    assert todo.waiting_drafts(db) == []


def test_saving_a_drafted_member_discards_its_draft(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    dialog = window.edit_member(hid, "")
    dialog.name.setFocus()
    type_text(qtbot, dialog.name, "张小明")
    qtbot.waitUntil(lambda: drafts.load_draft(db, dialog.draft.key) is not None)
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)
    names = [m.name for m in households.live_members(households.get_household(db, hid))]
    assert "张小明" in names
    assert drafts.load_draft(db, dialog.draft.key) is None
    assert QApplication.activeModalWidget() is None
