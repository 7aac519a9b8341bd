"""Quick-entry chips of the visit form (issue 14): Ctrl+digit inside a field takes a common
finding and takes it back; the household's members are offered under 见到的人; chips speak the
interface language while the notes stay Chinese."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.test_ui_workbench import _household, cadre, open_window  # noqa: F401

from fieldapp.domain import visit_phrases, vocab
from fieldapp.domain.people import MemberData
from fieldapp.services import households, visits
from fieldapp.storage.db import Database
from fieldapp.ui import chips
from fieldapp.ui import settings as opts

pytestmark = pytest.mark.usefixtures("answers")

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_phrases_are_joined_with_one_separator_and_taken_out_with_it() -> None:
    sep = visit_phrases.NOTE_SEPARATOR
    assert visit_phrases.joined("", "住房安全", sep) == "住房安全"
    assert visit_phrases.joined("住房安全", "收入稳定", sep) == "住房安全，收入稳定"
    assert visit_phrases.joined("已报销。", "收入稳定", sep) == "已报销。收入稳定"  # after punctuation: none
    assert (
        visit_phrases.without("住房安全，收入稳定，子女上学正常", "收入稳定", sep) == "住房安全，子女上学正常"
    )
    assert visit_phrases.without("住房安全，收入稳定", "住房安全", sep) == "收入稳定"
    assert visit_phrases.without("住房安全", "收入稳定", sep) == "住房安全"
    assert visit_phrases.people_chips(["张海生", "李梅", "张海生", " "]) == [
        "张海生",
        "李梅",
        "村干部",
        "邻居",
    ]
    for phrases in (visit_phrases.LIVING, visit_phrases.DEMANDS):
        assert len(phrases) <= visit_phrases.MAX_CHIPS and len(set(phrases)) == len(phrases)
    every = {str(t) for t in chips.TEXTS}
    assert {*visit_phrases.LIVING, *visit_phrases.DEMANDS, *visit_phrases.PEOPLE} == every


def test_ctrl_digit_takes_a_phrase_and_takes_it_back_without_moving_focus(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    households.add_member(db, hid, MemberData(name="李秀英", relation=vocab.Relation.SPOUSE))
    assert visits.people_of(db, hid) == ["张海生", "李秀英"]
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    assert [b.text() for b in dialog.people_chips.buttons] == ["1 张海生", "2 李秀英", "3 村干部", "4 邻居"]
    dialog.people_met.setFocus()
    qtbot.keyClick(dialog.people_met, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.people_met, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert dialog.people_met.text() == "李秀英、张海生"
    qtbot.keyClick(dialog.people_met, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # again: out
    assert dialog.people_met.text() == "张海生"
    qtbot.keyClick(dialog.people_met, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # no chip 9
    assert dialog.people_met.text() == "张海生"
    assert [b.isChecked() for b in dialog.people_chips.buttons] == [True, False, False, False]

    dialog.living.setFocus()
    dialog.living.setPlainText("母亲住院")
    dialog.living.moveCursor(dialog.living.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.living, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert dialog.living.toPlainText() == "母亲住院，住房需维修"
    assert dialog.living_chips.buttons[5].isChecked()
    dialog.demands_chips.buttons[0].click()  # a click does the same and puts the cursor there
    assert dialog.demands.toPlainText() == "暂无新的诉求"
    assert QApplication.focusWidget() is dialog.demands or not dialog.isActiveWindow()
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in dialog.living_chips.buttons)  # Tab skips
    dialog.save_draft()
    dialog._discard_draft()
    dialog.close()


def test_chips_speak_english_while_the_notes_stay_chinese(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    from fieldapp.ui.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "en")
    try:
        hid = _household(db, cadre)
        window = open_window(qtbot, db, prefs)
        dialog = window.record_visit_for(hid)
        labels = [b.text() for row in (dialog.living_chips, dialog.demands_chips) for b in row.buttons]
        assert labels[0] == "1 Housing safe" and labels[9] == "1 No new requests"
        assert [t for t in labels if HAN.search(t)] == []
        people = [b.text() for b in dialog.people_chips.buttons]
        assert people == ["1 张海生", "2 Village officials", "3 Neighbours"]  # a name is data
        dialog.living.setFocus()
        qtbot.keyClick(dialog.living, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert dialog.living.toPlainText() == "住房安全"  # the record is kept in Chinese
        dialog._discard_draft()
        dialog.close()
    finally:
        install_translations(app, "zh_CN")


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen popups
def test_a_chip_is_taken_while_the_completion_list_is_open(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    import datetime as dt

    from tests.conftest import TODAY
    from tests.test_ui_klm import commit

    hid = _household(db, cadre)
    visits.record_visit(
        db, visits.VisitData(hid, TODAY - dt.timedelta(days=30), living_conditions="住房漏雨")
    )
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.visit_date)
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.living
    commit(dialog.living, "住房")
    popup = dialog.living.completer.popup()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: popup.isVisible())
    qtbot.keyClick(popup, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the open list has the keys
    assert dialog.living.toPlainText() == "住房，收入稳定"
    assert not popup.isVisible()
    dialog._discard_draft()
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen popups
def test_a_people_chip_is_taken_while_the_names_list_is_open(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    import datetime as dt

    from tests.conftest import TODAY
    from tests.test_ui_workbench import type_text

    hid = _household(db, cadre)
    visits.record_visit(db, visits.VisitData(hid, TODAY - dt.timedelta(days=30), people_met="张海生及其母亲"))
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.visit_date)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.people_met
    type_text(qtbot, dialog.people_met, "张海")
    popup = dialog.people_met.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible())
    qtbot.keyClick(popup, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 2: 村干部
    assert dialog.people_met.text() == "张海、村干部"
    assert not popup.isVisible()
    dialog._discard_draft()
    dialog.close()
