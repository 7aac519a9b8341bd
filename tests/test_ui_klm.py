"""The keystroke-level model of docs/usability.md, driven key by key: a cadre finds a household by
its pinyin initials, records a visit that leaves the item-19 figures unchanged (Alt+0), types a
30-character note through an input method and saves. The operators counted here are the ones
the document's estimate uses; if a key path grows, this test fails and the estimate must be redone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY
from tests.test_ui_workbench import _household, cadre, open_window, wait_ops  # noqa: F401

from fieldapp.domain import vocab
from fieldapp.services import item19, visits
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts
from fieldapp.ui.visit_form import VisitDialog

pytestmark = pytest.mark.usefixtures("answers")

NOTE = "住房已修缮，孩子上学正常，母亲住院费用已报销，想找本地工作。"  # 30 characters
# the key presses docs/usability.md counts (a chord is one press here, two K operators there)
PATH_KEYS = ["Ctrl+F", "<3 initials>", "Enter", "Ctrl+E", "Alt+0", "Tab", "Tab", "Tab", "Tab", "Ctrl+Enter"]


def test_a_typical_visit_takes_the_keys_the_usability_estimate_counts(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings
) -> None:
    assert len(NOTE) == 30
    fill_demo_data(db, 4, seed=14)
    window = open_window(qtbot, db, prefs)
    model = window.households.model
    target = next(
        model.row_at(r) for r in range(model.rowCount()) if item19.latest(db, model.row_at(r).id) is not None
    )
    initials = target.head_initials.split(" ")[0]
    before = len(visits.list_visits(db, target.id))
    window.activateWindow()  # shortcuts reach only the active window: wait until it is
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    keys: list[str] = []

    def press(
        key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, what: str = ""
    ) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key, modifier)
        keys.append(what or str(key))

    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, "Ctrl+F")
    assert QApplication.focusWidget() is window.households.search
    for letter in initials:
        press(Qt.Key(ord(letter.upper())), what=letter)
    window.households.apply_search()  # what the search's short pause does by itself
    assert model.row_at(0).id == target.id
    press(Qt.Key.Key_Return, what="Enter")  # opens the first match's file
    wait_ops(qtbot)
    press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier, "Ctrl+E")
    dialog = window.dialogs[-1]
    assert isinstance(dialog, VisitDialog) and dialog.household_id == target.id
    assert dialog.item19 is not None
    dialog.activateWindow()  # what the window manager does with a new dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.visit_date)
    press(Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier, "Alt+0")  # item 19: all unchanged
    section = dialog.item19
    qtbot.waitUntil(lambda: section.confirmed == frozenset(item19.rules.DIMENSIONS))
    for _ in range(4):  # date → mode → place (last place already filled) → people met → living
        press(Qt.Key.Key_Tab, what="Tab")
    assert QApplication.focusWidget() is dialog.living
    words = 0
    for word in ("住房已修缮，", "孩子上学正常，", "母亲住院费用", "已报销，", "想找", "本地工作。"):
        event = QInputMethodEvent()  # what the input method commits after the pinyin and a choice
        event.setCommitString(word)
        QApplication.sendEvent(dialog.living, event)
        words += 1
    assert dialog.living.toPlainText() == NOTE
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, "Ctrl+Enter")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)  # saved and closed
    assert len(visits.list_visits(db, target.id)) == before + 1

    assert len(initials) == 3 and words == 6
    assert keys == [k for key in PATH_KEYS for k in (list(initials) if key == "<3 initials>" else [key])]
    assert len(keys) == 12
    saved = visits.list_visits(db, target.id)
    assert any(v.living_conditions == NOTE for v in saved)


LIVING = "住房安全，收入稳定，子女上学正常，家人患病就医，母亲住院费已报销。"  # 33 characters
DEMANDS = "希望介绍本地工作，申请子女助学，女儿读高中，学费不够。"  # 27 characters
TYPED = ("，母亲住院费", "已报销。", "，女儿读高中，", "学费不够。")  # 22 characters in 4 words
# docs/usability.md, "A visit with 60 characters of notes": the keys counted there
CHIP_PATH_KEYS = [
    "Ctrl+F", "<3 initials>", "Enter", "Ctrl+E", "Alt+0", "Tab", "Tab", "Tab",
    "Ctrl+1",  # 见到的人: the head of household
    "Tab", "Ctrl+1", "Ctrl+2", "Ctrl+4", "Ctrl+7", "<typed>",  # 生活状况: four chips, then typing
    "Tab", "Ctrl+2", "Ctrl+5", "<typed>",  # 利益诉求: two chips, then typing
    "Ctrl+Enter",
]  # fmt: skip


def test_a_visit_with_60_characters_of_notes_is_mostly_picked_from_chips(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings
) -> None:
    assert len(LIVING) + len(DEMANDS) == 60 and sum(len(w) for w in TYPED) == 22
    fill_demo_data(db, 4, seed=14)
    window = open_window(qtbot, db, prefs)
    model = window.households.model
    target = next(
        model.row_at(r) for r in range(model.rowCount()) if item19.latest(db, model.row_at(r).id) is not None
    )
    initials = target.head_initials.split(" ")[0]
    before = len(visits.list_visits(db, target.id))
    window.activateWindow()  # shortcuts reach only the active window: wait until it is
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    keys: list[str] = []

    def press(
        key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, what: str = ""
    ) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key, modifier)
        keys.append(what or str(key))

    def chip(number: int) -> None:
        press(Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier, f"Ctrl+{number}")

    def type_words(box: QWidget, words: tuple[str, ...]) -> None:
        for word in words:
            commit(box, word)  # the input method commits each word after its pinyin and a choice
        keys.append("<typed>")

    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, "Ctrl+F")
    for letter in initials:
        press(Qt.Key(ord(letter.upper())), what=letter)
    window.households.apply_search()  # what the search's short pause does by itself
    assert model.row_at(0).id == target.id
    press(Qt.Key.Key_Return, what="Enter")
    wait_ops(qtbot)
    press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier, "Ctrl+E")
    dialog = window.dialogs[-1]
    assert isinstance(dialog, VisitDialog) and dialog.item19 is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.visit_date)
    press(Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier, "Alt+0")
    section = dialog.item19
    qtbot.waitUntil(lambda: section.confirmed == frozenset(item19.rules.DIMENSIONS))
    for _ in range(3):  # date → mode → place → people met
        press(Qt.Key.Key_Tab, what="Tab")
    assert QApplication.focusWidget() is dialog.people_met
    chip(1)
    assert dialog.people_met.text() == target.head_name
    press(Qt.Key.Key_Tab, what="Tab")
    assert QApplication.focusWidget() is dialog.living
    for number in (1, 2, 4, 7):
        chip(number)
    assert [b.isChecked() for b in dialog.living_chips.buttons] == [n in (1, 2, 4, 7) for n in range(1, 10)]
    type_words(dialog.living, TYPED[:2])
    assert dialog.living.toPlainText() == LIVING
    assert not dialog.living.completer.popup().isVisible()  # type: ignore[union-attr]
    press(Qt.Key.Key_Tab, what="Tab")
    assert QApplication.focusWidget() is dialog.demands
    chip(2)
    chip(5)
    type_words(dialog.demands, TYPED[2:])
    assert dialog.demands.toPlainText() == DEMANDS
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, "Ctrl+Enter")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)  # saved and closed

    expected = [k for key in CHIP_PATH_KEYS for k in (list(initials) if key == "<3 initials>" else [key])]
    assert keys == expected
    assert len([k for k in keys if k != "<typed>"]) == 20  # the presses docs/usability.md counts
    saved = visits.list_visits(db, target.id)
    assert len(saved) == before + 1
    latest = next(v for v in saved if v.living_conditions == LIVING)
    assert (latest.people_met, latest.demands) == (target.head_name, DEMANDS)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen popups
def test_the_visit_form_offers_what_earlier_visits_said_and_remembers_the_mode(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    visits.record_visit(
        db,
        visits.VisitData(
            hid,
            TODAY - dt.timedelta(days=30),
            mode=vocab.VisitMode.PHONE,
            place="务工单位宿舍",
            living_conditions="住房漏雨，已联系村委会维修\n其余正常",
            demands="希望介绍本地工作",
        ),
    )
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.visit_date)
    assert dialog.mode.currentData() == vocab.VisitMode.PHONE.value  # as last time
    assert dialog.place.text() == "务工单位宿舍"
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.living
    commit(dialog.living, "住房")  # the input method commits two characters…
    popup = dialog.living.completer.popup()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: popup.isVisible())
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # …and Enter takes the phrase: a first line only
    assert dialog.living.toPlainText() == "住房漏雨，已联系村委会维修"
    assert not popup.isVisible() and QApplication.focusWidget() is dialog.living
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.demands
    commit(dialog.demands, "希望")
    popup = dialog.demands.completer.popup()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: popup.isVisible())
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # not this time: what was typed stays
    assert dialog.demands.toPlainText() == "希望"
    commit(dialog.demands, "得到技能培训")
    assert not popup.isVisible()  # nothing earlier starts like that
    assert dialog.demands.toPlainText() == "希望得到技能培训"
    dialog.activateWindow()  # the list closed: the dialog is the active window again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and dialog.demands.hasFocus())
    qtbot.keyClick(dialog.demands, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)  # saved and closed
    assert len(visits.list_visits(db, hid)) == 2
    latest = visits.list_visits(db, hid)[0]
    assert (latest.mode, latest.living_conditions, latest.demands) == (
        vocab.VisitMode.PHONE,
        "住房漏雨，已联系村委会维修",
        "希望得到技能培训",
    )


def commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_earlier_phrases_are_first_lines_once_most_recent_first_and_never_of_voided_visits(
    db: Database,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    for days, living in ((40, "住房漏雨\n已维修"), (20, "孩子上学正常"), (10, "住房漏雨"), (5, "  ")):
        visits.record_visit(
            db, visits.VisitData(hid, TODAY - dt.timedelta(days=days), living_conditions=living)
        )
    voided = visits.record_visit(db, visits.VisitData(hid, TODAY, living_conditions="录错的一条"))
    visits.void_visit(db, voided, "录错了户")
    assert visits.earlier_phrases(db, "living_conditions") == ["住房漏雨", "孩子上学正常"]
    assert visits.last_mode(db, hid) == vocab.VisitMode.HOME
    with pytest.raises(ValueError):
        visits.earlier_phrases(db, "household_id")
