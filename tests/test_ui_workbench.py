"""The workbench driven through real widgets, offscreen, on a real SQLite ledger in tmp_path."""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY, VILLAGE, Answers, head_data, household_data, person_id

from fieldapp.domain import vocab
from fieldapp.domain.people import MemberData
from fieldapp.domain.vocab import ReferralStatus
from fieldapp.services import cadres, drafts, households, records, referrals, visits
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui import messages, ops
from fieldapp.ui import settings as opts
from fieldapp.ui.fonts import install_app_font
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.profile import HouseholdProfile
from fieldapp.ui.visit_form import VisitDialog, draft_key

pytestmark = pytest.mark.usefixtures("answers")  # every test: message boxes and QSettings stand-ins


@pytest.fixture
def cadre(db: Database) -> str:
    cid = cadres.add_cadre(db, "王芳", "临沂市总工会", phone="13905390001")
    ledger_settings.set_current_cadre(db, cid)
    return cid


def open_window(qtbot: QtBot, db: Database, prefs: opts.AppSettings) -> MainWindow:
    window = MainWindow(db, prefs)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window, 1)
    return window


def wait_loaded(qtbot: QtBot, window: MainWindow, count: int | None = None) -> None:
    target = count if count is not None else window.load_count + 1
    qtbot.waitUntil(lambda: window.load_count >= target and ops.pending() == 0, timeout=30000)


def wait_ops(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=30000)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a cadre: ASCII as key presses, Chinese as input-method commits (as an IME does).

    QTest's key clicks only know ASCII (anything else aborts in qasciikey.cpp).
    """
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def focused(dialog: QWidget) -> QWidget:
    w = dialog.focusWidget()
    assert w is not None
    return w


def test_bundled_font_is_loaded(qtbot: QtBot) -> None:
    font = install_app_font()
    assert "WenQuanYi" in font.family() or "文泉" in font.family()


def test_create_household_with_members(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, answers: Answers
) -> None:
    window = open_window(qtbot, db, prefs)
    dialog = window.new_household()
    type_text(qtbot, dialog.head_name, "张海生")
    type_text(qtbot, dialog.id_number, "123")  # wrong: shown next to the field, nothing saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "id_number" in dialog.errors.marked())  # saved off the GUI thread
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert "身份证号" in dialog.errors.label.text()
    assert households.list_households(db) == []

    dialog.id_number.clear()
    type_text(qtbot, dialog.id_number, person_id(11))
    type_text(qtbot, dialog.phone, "13805391234")
    dialog.village.set_code(VILLAGE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()  # no second save while the first one runs
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)
    (row,) = households.list_households(db)
    assert row.head_name == "张海生" and row.cadre_names == ("王芳",)
    profile = window.profile_tab(row.id)
    assert isinstance(profile, HouseholdProfile)
    qtbot.waitUntil(lambda: profile.members.rowCount() == 1)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "张海生"

    # add a member from the profile
    qtbot.mouseClick(profile.add_member, Qt.MouseButton.LeftButton)
    member = window.dialogs[-1]
    type_text(qtbot, member.name, "李秀英")
    member.relation.setCurrentIndex(member.relation.findData(vocab.Relation.SPOUSE.value))
    type_text(qtbot, member.id_number, person_id(12, dt.date(1982, 3, 4)))
    qtbot.mouseClick(member.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.members.rowCount() == 2)
    assert profile.members.item(1, 0).text() == "李秀英"
    assert profile.members.item(1, 2).text() == "女"  # from the ID number

    # edit it
    profile.members.selectRow(1)
    qtbot.mouseClick(profile.edit_member, Qt.MouseButton.LeftButton)
    edit = window.dialogs[-1]
    assert edit.name.text() == "李秀英"
    edit.income.setValue(1500)
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: profile.members.item(1, 7) is not None and profile.members.item(1, 7).text() == "1,500.00"
    )

    # the head cannot be removed: a Chinese message, nothing lost
    answers.expect_errors()
    profile.members.selectRow(0)
    answers.replies = [messages.DELETE]
    qtbot.mouseClick(profile.remove_member, Qt.MouseButton.LeftButton)
    assert "不能删除户主" in answers.told[-1]
    # the spouse can
    profile.members.selectRow(1)
    answers.replies = [messages.CANCEL]  # 取消 keeps the member
    qtbot.mouseClick(profile.remove_member, Qt.MouseButton.LeftButton)
    assert profile.members.rowCount() == 2 and "确定删除“李秀英”" in answers.asked[-1]
    answers.replies = [messages.DELETE]  # the button says what it does: 删除
    qtbot.mouseClick(profile.remove_member, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.members.rowCount() == 1)
    assert [m.name for m in households.live_members(households.get_household(db, row.id))] == ["张海生"]


def _household(
    db: Database, cadre_id: str | None = None, seq: int = 11, name: str = "张海生", phone: str = "13805391234"
) -> str:
    return households.create_household(
        db, household_data(phone=phone), head_data(seq, name), cadre_id=cadre_id
    ).id


def test_record_a_visit_by_keyboard_alone(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    visits.record_visit(db, visits.VisitData(hid, TODAY - dt.timedelta(days=40), place="务工单位宿舍"))
    window = open_window(qtbot, db, prefs)
    window.households.table.selectRow(0)
    window.visit_action.trigger()  # Ctrl+E
    dialog = window.dialogs[-1]
    assert isinstance(dialog, VisitDialog)
    assert dialog.place.text() == "务工单位宿舍"  # the last place is the default
    assert dialog.next_due.date().toPython() == TODAY + dt.timedelta(days=30)

    start = dialog.visit_date
    assert focused(dialog) is start
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.mode
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Down)  # 入户走访 -> 单位走访
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.place
    qtbot.keyClick(dialog.place, Qt.Key.Key_Tab)
    type_text(qtbot, focused(dialog), "户主本人")
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)  # Enter moves on, it does not save
    assert dialog.isVisible() and visits.list_visits(db, hid)[0].people_met != "户主本人"
    assert focused(dialog) is dialog.living
    type_text(qtbot, dialog.living, "工地停工两个月，房租拖欠")
    qtbot.keyClick(dialog.living, Qt.Key.Key_Tab)
    type_text(qtbot, focused(dialog), "讨要欠薪")
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)  # notes left empty
    assert focused(dialog) is dialog.next_due
    qtbot.keyClick(dialog.next_due, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves

    qtbot.waitUntil(lambda: not dialog.isVisible())
    latest = visits.list_visits(db, hid)[0]
    assert latest.visit_date == TODAY
    assert latest.mode == vocab.VisitMode.WORKPLACE
    assert latest.people_met == "户主本人"
    assert latest.living_conditions == "工地停工两个月，房租拖欠"
    assert latest.demands == "讨要欠薪"
    assert latest.cadre_id == cadre
    assert latest.next_visit_due == TODAY + dt.timedelta(days=30)
    assert drafts.load_draft(db, draft_key(hid)) is None
    wait_ops(qtbot)


def test_visit_with_wrong_next_date_is_refused_next_to_the_field(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, answers: Answers
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    dialog.next_due.setDate(dialog.visit_date.date().addDays(-1))
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.errors.marked() == ["next_visit_due"])
    assert dialog.isVisible()
    assert "应晚于本次走访日期" in dialog.errors.label.text()
    assert visits.list_visits(db, hid) == []
    answers.replies.append(messages.DISCARD)  # closing asks about the typed visit
    dialog.close()
    assert not dialog.isVisible() and len(answers.asked) == 1 and "未保存的修改" in answers.asked[0]


def test_enter_moves_to_the_next_field_and_ctrl_enter_saves_the_household(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    window = open_window(qtbot, db, prefs)
    dialog = window.new_household()
    dialog.head_name.setFocus()
    type_text(qtbot, dialog.head_name, "李强")
    qtbot.keyClick(dialog.head_name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is not dialog.head_name
    wait_ops(qtbot)
    assert households.list_households(db) == []  # one Enter too many saves nothing
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)
    assert [r.head_name for r in households.list_households(db)] == ["李强"]


def test_referral_from_a_visit_through_its_lifecycle(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    records.record_consent(db, hid, vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY, "2026-1")
    window = open_window(qtbot, db, prefs)
    visit = window.record_visit_for(hid)
    type_text(qtbot, visit.demands, "老板拖欠工资三个月")
    qtbot.mouseClick(visit.refer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.dialogs[-1].objectName() == "referralDialog")
    dialog = window.dialogs[-1]
    assert dialog.visit_id == visit.visit_id
    dialog.select_kind("RIGHTS-WAGES")
    assert dialog.body.count() > 0
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "转介原因" in dialog.errors.label.text())  # the reason is required
    type_text(qtbot, dialog.reason, "拖欠工资三个月，约1.2万元")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # as in a visit
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (ref,) = referrals.list_referrals(db, hid)
    assert ref.reason == "拖欠工资三个月，约1.2万元"
    assert ref.status == ReferralStatus.DRAFT and ref.visit_id == visit.visit_id

    profile = window.profile_tab(hid)
    assert profile is not None
    qtbot.waitUntil(lambda: profile.referrals.rowCount() == 1)
    wait_ops(qtbot)
    steps = [
        (
            [ReferralStatus.REFERRED, ReferralStatus.WITHDRAWN],
            ReferralStatus.REFERRED,
            "已送县总工会法律援助中心",
        ),
        (
            [ReferralStatus.ACCEPTED, ReferralStatus.RETURNED, ReferralStatus.WITHDRAWN],
            ReferralStatus.ACCEPTED,
            "",
        ),
        ([ReferralStatus.COMPLETED, ReferralStatus.RETURNED], ReferralStatus.COMPLETED, "已追回工资"),
    ]
    for offered, choice, note in steps:
        profile.select_referral(ref.id)
        qtbot.mouseClick(profile.change_status, Qt.MouseButton.LeftButton)
        status = window.dialogs[-1]
        assert status.offered() == offered  # forbidden transitions are not offered
        status.choose(choice)
        type_text(qtbot, status.note, note)
        qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda c=choice: referrals.get_referral(db, ref.id).status == c)
        wait_ops(qtbot)
    profile.select_referral(ref.id)
    history = [profile.history.item(i).text() for i in range(profile.history.count())]
    assert [h.split("　")[1] for h in history] == ["草拟", "已转介", "已受理", "已办结"]
    assert "已追回工资" in history[-1]
    assert not profile.change_status.isEnabled()  # 已办结 is final


def test_returning_a_referral_needs_a_note(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    referrals.change_status(db, rid, ReferralStatus.REFERRED)
    window = open_window(qtbot, db, prefs)
    dialog = window.change_referral_status(rid)
    dialog.choose(ReferralStatus.RETURNED)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.marked() == ["note"])
    assert dialog.isVisible()
    assert referrals.get_referral(db, rid).status == ReferralStatus.REFERRED


def test_search_by_pinyin_initials_id_tail_phone_and_village(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    _household(db, cadre, 11, "张海生", "13805391234")
    _household(db, cadre, 13, "单丽", "13905397777")
    _household(db, None, 15, "李明", "13705395555")
    window = open_window(qtbot, db, prefs)
    panel = window.households
    model = panel.model

    def names() -> list[str]:
        return sorted(model.row_at(i).head_name for i in range(model.rowCount()))

    type_text(qtbot, panel.search, "zhs")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert names() == ["张海生"]
    panel.search.clear()
    type_text(qtbot, panel.search, "sl")  # 单 read as shan
    qtbot.waitUntil(lambda: names() == ["单丽"])
    panel.search.clear()
    type_text(qtbot, panel.search, person_id(15)[-4:])
    qtbot.waitUntil(lambda: names() == ["李明"])
    panel.search.clear()
    type_text(qtbot, panel.search, "7777")
    qtbot.waitUntil(lambda: names() == ["单丽"])
    panel.search.clear()
    type_text(qtbot, panel.search, "泇河")
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert panel.count.text() == "显示 3 户，共 3 户"
    panel.search.clear()
    panel.apply_search()
    panel.only_mine.setChecked(True)
    assert names() == ["单丽", "张海生"]
    panel.only_mine.setChecked(False)
    panel.category.setCurrentIndex(panel.category.findData("未评定"))
    assert model.rowCount() == 3
    panel.category.setCurrentIndex(panel.category.findData(vocab.HardshipCategory.DEEP.value))
    assert model.rowCount() == 0
    panel.category.setCurrentIndex(0)
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(i).head_name for i in range(3)] == ["张海生", "李明", "单丽"]  # by first initials

    # Enter in the search box opens the first match
    panel.search.clear()
    type_text(qtbot, panel.search, "zhs")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), HouseholdProfile))
    wait_ops(qtbot)


def test_draft_survives_the_window_being_destroyed(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, answers: Answers
) -> None:
    hid = _household(db, cadre)
    window = MainWindow(db, prefs)
    window.show()
    wait_loaded(qtbot, window, 1)
    dialog = window.record_visit_for(hid)
    type_text(qtbot, dialog.living, "屋顶漏雨，需要修缮")
    type_text(qtbot, dialog.demands, "希望申请送温暖")
    qtbot.waitUntil(
        lambda: (d := drafts.load_draft(db, draft_key(hid))) is not None and "送温暖" in d.payload["demands"]
    )
    # a crash: the window goes away without any close event or save
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()
    del window, dialog

    again = open_window(qtbot, db, prefs)
    restored = again.record_visit_for(hid)
    assert restored.living.toPlainText() == "屋顶漏雨，需要修缮"
    assert restored.demands.toPlainText() == "希望申请送温暖"
    assert restored.banner.isVisible() and "草稿" in restored.banner.text()
    assert visits.list_visits(db, hid) == []

    # closing asks; "continue editing" keeps the form open, "discard" drops the draft
    answers.replies = [messages.CANCEL]
    restored.close()
    assert restored.isVisible() and "未保存" in answers.asked[-1]
    answers.replies = [messages.DISCARD]
    restored.close()
    assert not restored.isVisible()
    assert drafts.load_draft(db, draft_key(hid)) is None


def test_closing_with_save_records_the_visit(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, answers: Answers
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    type_text(qtbot, dialog.notes, "电话里约好下周再去")
    answers.replies = [messages.SAVE]
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())  # closes itself once the visit is saved
    assert [v.notes for v in visits.list_visits(db, hid)] == ["电话里约好下周再去"]
    assert drafts.load_draft(db, draft_key(hid)) is None
    wait_ops(qtbot)


def test_settings_persist(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    prefs = opts.AppSettings(tmp_path / "settings.ini")
    window = open_window(qtbot, db, prefs)
    dialog = window.open_settings()
    type_text(qtbot, dialog.cadre.name, "赵刚")
    type_text(qtbot, dialog.cadre.unit, "兰陵县总工会")
    dialog.dibao.dibao.setText("abc")
    dialog.printing.copies.setValue(2)
    dialog.save()
    assert dialog.isVisible() and dialog.errors.marked() == ["dibao_standard_fen"]
    dialog.dibao.dibao.setText("980")
    dialog.save()
    assert not dialog.isVisible()
    wait_loaded(qtbot, window)

    reread = opts.AppSettings(tmp_path / "settings.ini")
    assert reread.get(opts.CADRE_NAME) == "赵刚"
    assert reread.get(opts.CADRE_UNIT) == "兰陵县总工会"
    assert reread.get(opts.PRINT_COPIES) == 2
    assert reread.get(opts.LANGUAGE) == "zh_CN"
    assert ledger_settings.dibao_standard_fen(db) == 98000
    cid = ledger_settings.current_cadre_id(db)
    assert cid is not None and cadres.pairing_status(db, cid).cadre_name == "赵刚"
    assert window.cadre_label.text() == "当前干部：赵刚"


def test_window_geometry_is_remembered(qtbot: QtBot, db: Database, prefs: opts.AppSettings) -> None:
    window = open_window(qtbot, db, prefs)
    window.resize(720, 520)  # the offscreen screen is 800x600
    window.close()
    again = open_window(qtbot, db, prefs)
    assert (again.width(), again.height()) == (720, 520)


def test_todo_list_shows_overdue_visit_and_referral_follow_up(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    long_ago = TODAY - dt.timedelta(days=100)
    visits.record_visit(db, visits.VisitData(hid, long_ago, next_visit_due=long_ago + dt.timedelta(days=30)))
    rid = referrals.create_referral(
        db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪", created_on=long_ago)
    )
    referrals.change_status(db, rid, ReferralStatus.REFERRED, on=long_ago)
    window = open_window(qtbot, db, prefs)
    texts = window.dashboard.items_text()
    assert any("【走访】张海生" in t and "逾期 70 天" in t for t in texts), texts
    assert any("【跟进】张海生" in t and "逾期" in t for t in texts), texts
    assert "逾期 2 项" in window.dashboard.todo_box.title()
    assert "王芳" in window.dashboard.me.text()
    # opening the follow-up shows the referral in the profile
    item = next(
        window.dashboard.todo.item(i)
        for i in range(window.dashboard.todo.count())
        if "跟进" in window.dashboard.todo.item(i).text()
    )
    window.dashboard.todo.itemActivated.emit(item)
    profile = window.profile_tab(hid)
    assert profile is not None
    qtbot.waitUntil(lambda: profile.tabs.currentIndex() == 3)


def test_attachment_chosen_from_disk(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, tmp_path: Path
) -> None:
    hid = _household(db, cadre)
    photo = tmp_path / "身份证.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    profile.attach_file(photo)
    qtbot.waitUntil(lambda: profile.attachments.rowCount() == 1)
    assert profile.attachments.item(0, 1).text() == "身份证.jpg"
    assert profile.attachments.item(0, 0).text() == vocab.AttachmentKind.ID_CARD.value


def test_assessment_category_is_computed_live(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    households.add_member(db, hid, MemberData(name="李秀英", relation=vocab.Relation.SPOUSE))
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    form = profile.assessment
    assert form.household_size.value() == 2
    form.income.setValue(12000)  # 500 yuan per head and month, below the 900 default
    assert "深度困难" in form.result.text()
    form.income.setValue(30000)  # 1,250: below twice the standard
    assert "相对困难" in form.result.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.badge.text() == "相对困难")


DEMO_RUN = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from fieldapp.cli import main
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.signin import SignInDialog

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
seen = []
signed = []

def look_and_quit():
    signin = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
    if signin:
        d = signin[0]
        if d.state and not signed:  # the newcomer presses Enter: the demo password is filled in
            signed.append((d.state, d.demo_note_new.text() if d.state == "new" else d.demo_note.text()))
            (d.create_button if d.state == "new" else d.sign_in_button).click()
        QTimer.singleShot(100, look_and_quit)
        return
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or any(w.load_count == 0 for w in windows):
        QTimer.singleShot(100, look_and_quit)
        return
    seen.extend((w.households.model.rowCount(), w.dashboard.todo.count(), w.windowTitle()) for w in windows)
    for w in windows:
        w.close()

QTimer.singleShot(100, look_and_quit)
code = main(["--demo", "--data-dir", sys.argv[1]])
print(code, (seen, signed))
"""


def test_fieldapp_demo_opens_the_window_and_quits(tmp_path: Path) -> None:
    """`fieldapp --demo` in a fresh process (app.exec() must not leak into other tests): one press
    of Enter on the sign-in dialog, the first time (which encrypts the demo ledger) and after."""
    from fieldapp.security.signin import DEMO_PASSWORD
    from fieldapp.ui.signin import DEMO_PASSWORD as SHOWN_PASSWORD

    assert SHOWN_PASSWORD == DEMO_PASSWORD
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for expected_state in ("new", "locked"):
        done = subprocess.run(
            [sys.executable, "-c", DEMO_RUN, str(tmp_path / "demo"), str(tmp_path / "qsettings")],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        code, result = done.stdout.strip().splitlines()[-1].split(" ", 1)
        assert code == "0"
        seen, ((state, note),) = ast.literal_eval(result)
        assert state == expected_state and f"演示数据的密码是 {DEMO_PASSWORD}" in note
        rows, todo_count, title = seen[0]
        assert rows == 12 and todo_count > 0 and title == "工会结对帮扶台账"
    with (tmp_path / "demo" / "fieldapp.sqlite").open("rb") as f:
        assert f.read(16) != b"SQLite format 3\x00"  # encrypted at rest


def test_english_translation_is_complete_and_switchable(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings
) -> None:
    from fieldapp.ui.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert "fieldapp_en" in install_translations(app, "en")
        window = open_window(qtbot, db, prefs)
        assert window.windowTitle() == "Union paired-assistance ledger"
        assert window.visit_action.text() == "Record &visit…"
        assert window.households.search.placeholderText().startswith("Search:")
    finally:
        loaded = install_translations(app, "zh_CN")
    assert "fieldapp_zh_CN" in loaded and "qtbase_zh_CN" in loaded
    again = open_window(qtbot, db, prefs)
    assert again.windowTitle() == "工会结对帮扶台账"


def test_print_action_previews_a_household_form_and_logs_its_output(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from sqlalchemy import select

    from fieldapp.storage.models import PrintRecord
    from fieldapp.ui import print_preview

    out = tmp_path / "printer.pdf"

    def pdf_printer(_parent: object, printer: QPrinter) -> bool:  # the system print dialog, answered
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(print_preview, "ask_printer", pdf_printer)
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    assert window.print_action is not None
    window.households.table.selectRow(0)
    window.print_action.trigger()
    chooser = window.dialogs[-1]
    assert chooser.objectName() == "printChooser" and chooser.form.count() > 0
    chooser.make_preview()
    qtbot.waitUntil(lambda: chooser.preview is not None, timeout=60000)
    preview = chooser.preview
    assert preview is not None and preview.document.pageCount() >= 1
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    with db.session() as s:
        (record,) = s.scalars(select(PrintRecord)).all()
        assert (record.household_id, record.destination, record.printed_by) == (hid, "printer", "王芳")
        assert record.copies == chooser.copies and record.pages == preview.document.pageCount()
    preview.done(0)


def test_relief_and_consent_are_recorded_from_the_profile(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str
) -> None:
    hid = _household(db, cadre)
    child = households.add_member(
        db,
        hid,
        MemberData(
            name="张小宝",
            relation=vocab.Relation.SON,
            birth_date=TODAY.replace(year=TODAY.year - 8),
        ),
    ).id
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    qtbot.mouseClick(profile.add_relief, Qt.MouseButton.LeftButton)
    relief = window.dialogs[-1]
    qtbot.mouseClick(relief.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: relief.errors.marked() == ["amount_fen"])  # 0 yuan is refused
    assert relief.isVisible()
    relief.amount.setValue(800)
    qtbot.mouseClick(relief.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.relief.rowCount() == 1)
    assert profile.relief.item(0, 1).text() == "800.00"

    qtbot.mouseClick(profile.add_consent, Qt.MouseButton.LeftButton)
    consent = window.dialogs[-1]
    consent.member.setCurrentIndex(consent.member.findData(child))
    qtbot.mouseClick(consent.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: consent.errors.marked() == ["guardian_name"])  # under 14 (PIPL Art. 31)
    assert consent.isVisible()
    type_text(qtbot, consent.guardian, "张海生")
    qtbot.mouseClick(consent.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.consents.rowCount() == 1)
    assert profile.consents.item(0, 4).text() == "张海生"


def test_a_missing_attachment_file_is_reported_in_chinese(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, cadre: str, tmp_path: Path, answers: Answers
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    answers.expect_errors()
    profile.attach_file(tmp_path / "不存在.jpg")
    qtbot.waitUntil(lambda: bool(answers.told))
    assert "附件未能添加" in answers.told[-1] and "找不到文件" in answers.told[-1]
    assert profile.add_attachment.isEnabled()


BROKEN_RUN = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from fieldapp.cli import main
from fieldapp.ui.signin import SignInDialog

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
told = []

def sign_in():
    d = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog))
    if not d.state:
        QTimer.singleShot(50, sign_in)
        return
    d.password.setText(sys.argv[3])
    d.sign_in_button.click()
    QTimer.singleShot(50, lambda: wait_for_message(d))

def wait_for_message(d):
    if not d.message.text():
        QTimer.singleShot(50, lambda: wait_for_message(d))
        return
    told.append(d.message.text())
    d.reject()  # the cadre closes the window

QTimer.singleShot(50, sign_in)
code = main(["--data-dir", sys.argv[1]])
print(code, told)
"""


def test_an_unreadable_ledger_is_reported_in_chinese_and_the_app_exits(tmp_path: Path) -> None:
    from fieldapp.security import vault

    data = tmp_path / "data"
    vault.create_vault(data, "kaiyuan-2014")
    (data / "fieldapp.sqlite").write_bytes(b"this is not a database" * 100)
    done = subprocess.run(
        [sys.executable, "-c", BROKEN_RUN, str(data), str(tmp_path / "qsettings"), "kaiyuan-2014"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    code, told = done.stdout.strip().splitlines()[-1].split(" ", 1)
    assert code == "1"
    (text,) = ast.literal_eval(told)
    assert "已损坏" in text


def test_a_delete_question_offers_delete_and_cancel_with_cancel_the_default(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[tuple[list[str], str]] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        default = box.defaultButton()
        seen.append(([b.text() for b in box.buttons()], default.text() if default else ""))
        box.reject()

    QTimer.singleShot(0, answer)
    deleted = messages._ask_with_box(
        None, "删除家庭成员", "确定删除“李秀英”吗？", (messages.DELETE, messages.CANCEL)
    )
    assert deleted == messages.CANCEL
    ((texts, default),) = seen
    assert sorted(texts) == ["删除(&D)", "取消"] and default == "取消"
