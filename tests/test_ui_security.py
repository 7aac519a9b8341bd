"""Sign-in, lock, masking, audit and consent warnings, driven through the real widgets offscreen
on a real encrypted ledger (SQLCipher, Argon2id) in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY, Answers, head_data, household_data, person_id

from fieldapp.domain import vocab
from fieldapp.domain.people import MemberData
from fieldapp.security import vault
from fieldapp.services import assessments, audit, cadres, households, records, referrals
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database, open_database
from fieldapp.ui import messages, ops
from fieldapp.ui import settings as opts
from fieldapp.ui.household_list import COL_ID, COL_PHONE
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.signin import PAGE_FORGOT, PAGE_NEW, PAGE_PASSWORD, PAGE_RECOVERY_CODE, SignInDialog

PASSWORD = "kaiyuan-2014"

pytestmark = pytest.mark.usefixtures("answers")  # every test: message boxes and QSettings stand-ins


@pytest.fixture
def secure(tmp_path: Path) -> Iterator[tuple[Path, Database]]:
    """An encrypted ledger with a password, a cadre and one household."""
    folder = tmp_path / "secure"
    key, _code = vault.create_vault(folder, PASSWORD)
    db = open_database(folder, key)
    cid = cadres.add_cadre(db, "王芳", "临沂市总工会", phone="13905390001")
    ledger_settings.set_current_cadre(db, cid)
    yield folder, db
    db.close()


def wait_ops(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=60000)


def open_window(qtbot: QtBot, folder: Path, db: Database, prefs: opts.AppSettings) -> MainWindow:
    window = MainWindow(db, prefs, check_password=lambda pw: vault.unlock(folder, pw))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.load_count >= 1 and ops.pending() == 0, timeout=60000)
    return window


def actions(db: Database, household_id: str | None = None) -> list[vocab.AuditAction]:
    return [r.action for r in audit.recent(db, household_id=household_id)]


def _household(db: Database, seq: int = 11, name: str = "张海生") -> str:
    cid = ledger_settings.current_cadre_id(db)
    return households.create_household(db, household_data(), head_data(seq, name), cadre_id=cid).id


# --- sign-in ---------------------------------------------------------------------------------
def test_first_start_sets_a_password_twice_and_shows_the_recovery_code(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    dialog = SignInDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_NEW, timeout=60000)
    qtbot.keyClicks(dialog.new_password, "zhangsan-2026")
    qtbot.keyClicks(dialog.new_again, "zhangsan-2062")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "两次输入的密码不一样" in dialog.message.text()
    assert not vault.vault_exists(folder)

    dialog.new_password.setText("123456")
    dialog.new_again.setText("123456")
    qtbot.keyClick(dialog.new_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=60000)
    assert "密码" in dialog.message.text() and not vault.vault_exists(folder)  # too common

    dialog.new_password.setText("zhangsan-2026")
    dialog.new_again.setText("zhangsan-2026")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_RECOVERY_CODE, timeout=60000)
    code = dialog.code_label.text()
    assert len(code.replace("-", "")) == 24 and dialog.recovery_code == code
    assert not dialog.continue_button.isEnabled()  # only after confirming it was written down
    dialog.reject()
    assert dialog.isVisible()  # the code is shown once: Esc does not skip it
    dialog.written.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.db is not None and vault.vault_exists(folder)
    wait_ops(qtbot)
    with (folder / "fieldapp.sqlite").open("rb") as f:
        assert f.read(16) != b"SQLite format 3\x00"
    assert vocab.AuditAction.SIGN_IN in actions(dialog.db)
    dialog.db.close()
    # the code opens the folder alone (e.g. a copy on another computer)
    assert vault.unlock_with_recovery(folder, code.lower()) == vault.unlock(folder, "zhangsan-2026")


def test_wrong_password_is_refused_in_chinese_and_counted(
    qtbot: QtBot, secure: tuple[Path, Database]
) -> None:
    folder, _db = secure
    dialog = SignInDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == "locked", timeout=60000)
    assert dialog.pages.currentIndex() == PAGE_PASSWORD and not dialog.demo_note.isVisible()
    qtbot.keyClicks(dialog.password, "wrong-guess")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=60000)
    assert "密码不对" in dialog.message.text() and f"{vault.MAX_ATTEMPTS - 1} 次" in dialog.message.text()
    assert dialog.isVisible() and dialog.db is None
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.db is not None, timeout=60000)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    wait_ops(qtbot)
    dialog.db.close()


def test_slow_down_after_repeated_wrong_passwords_is_explained(
    qtbot: QtBot, secure: tuple[Path, Database]
) -> None:
    folder, _db = secure
    for _ in range(vault.FREE_ATTEMPTS):
        with pytest.raises(vault.WrongPassword):
            vault.unlock(folder, "guess")
    dialog = SignInDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == "locked", timeout=60000)
    for expected in ("请等", "请等"):  # the 4th guess sets a wait; the 5th is refused before trying
        dialog.password.setText("guess")
        dialog.message.clear()
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=60000)
        assert expected in dialog.message.text() and "秒" in dialog.message.text()
    wait_ops(qtbot)


def test_forgot_password_uses_the_recovery_code(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "ledger"
    _key, code = vault.create_vault(folder, PASSWORD)
    dialog = SignInDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == "locked", timeout=60000)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == PAGE_FORGOT
    qtbot.keyClicks(dialog.code, "AAAA-BBBB")
    qtbot.keyClicks(dialog.reset_password, "new-secret-77")
    qtbot.keyClicks(dialog.reset_again, "new-secret-77")
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=60000)
    assert "恢复码" in dialog.message.text() and dialog.db is None
    dialog.code.setText(code)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.db is not None, timeout=60000)
    wait_ops(qtbot)
    dialog.db.close()
    vault.unlock(folder, "new-secret-77")
    with pytest.raises(vault.WrongPassword):
        vault.unlock(folder, PASSWORD)


def test_demo_folder_states_and_fills_in_its_password(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SignInDialog(tmp_path / "demo", demo=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_NEW, timeout=60000)
    assert "演示数据的密码是 demo2014" in dialog.demo_note_new.text()
    assert dialog.new_password.text() == dialog.new_again.text() == "demo2014"
    qtbot.keyClick(dialog.new_again, Qt.Key.Key_Return)  # one key press for a newcomer
    qtbot.waitUntil(lambda: dialog.db is not None, timeout=60000)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    wait_ops(qtbot)
    dialog.db.close()


# --- lock --------------------------------------------------------------------------------------
def test_ctrl_l_locks_hides_everything_and_only_the_password_unlocks(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings
) -> None:
    folder, db = secure
    hid = _household(db)
    window = open_window(qtbot, folder, db, prefs)
    visit = window.record_visit_for(hid)
    assert visit.isVisible()
    visit.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is visit)
    qtbot.keyClick(visit.living, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # from the open form
    locker = window.locker
    assert locker is not None and locker.is_locked
    assert window.stack.currentWidget() is locker.screen and not window.tabs.isVisible()
    assert not visit.isVisible()  # open forms are hidden, their drafts kept
    assert not window.visit_action.isEnabled() and not window.menuBar().isEnabled()

    qtbot.keyClicks(locker.screen.password, "not-it")
    qtbot.keyClick(locker.screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(locker.screen.message.text()), timeout=60000)
    assert "密码不对" in locker.screen.message.text() and locker.is_locked
    locker.screen.password.setText(PASSWORD)
    qtbot.mouseClick(locker.screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not locker.is_locked, timeout=60000)
    assert window.tabs.isVisible() and visit.isVisible() and window.visit_action.isEnabled()
    wait_ops(qtbot)
    done = actions(db)
    assert vocab.AuditAction.LOCK in done and vocab.AuditAction.SIGN_IN_FAILED in done
    assert done[0] == vocab.AuditAction.SIGN_IN
    visit.done(0)


def test_locking_masks_a_print_preview_that_shows_full_numbers(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings
) -> None:
    folder, db = secure
    hid = _household(db)
    window = open_window(qtbot, folder, db, prefs)
    job = window.print_record("contact_card", hid)  # an outward form: numbers can be revealed
    assert job is not None
    qtbot.waitUntil(lambda: getattr(job, "preview", None) is not None, timeout=60000)
    preview = job.preview  # type: ignore[attr-defined]
    preview.reveal_box.setChecked(True)
    assert preview.revealed
    window.lock()
    assert window.locker is not None and window.locker.is_locked
    assert not preview.revealed and not preview.reveal_box.isChecked()  # masked again
    preview.done(0)


def test_forgot_password_on_the_lock_screen_unlocks_with_the_recovery_code(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    folder = tmp_path / "ledger"
    key, code = vault.create_vault(folder, PASSWORD)
    db = open_database(folder, key)
    try:
        window = MainWindow(
            db,
            prefs,
            check_password=lambda pw: vault.unlock(folder, pw),
            reset_password=lambda c, pw: vault.reset_password(folder, c, pw),
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.load_count >= 1 and ops.pending() == 0, timeout=60000)
        window.lock()
        locker = window.locker
        assert locker is not None and locker.is_locked
        screen = locker.screen
        assert screen.forgot_button.isVisible() and screen.forgot_button.text() == "忘记密码…"
        qtbot.mouseClick(screen.forgot_button, Qt.MouseButton.LeftButton)
        assert screen.code.isVisible() and not screen.password.isVisible()

        qtbot.keyClicks(screen.code, "AAAA-BBBB")
        qtbot.keyClicks(screen.new_password, "new-secret-77")
        qtbot.keyClicks(screen.new_again, "new-secret-78")
        qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
        assert "两次输入的新密码不一样" in screen.message.text() and locker.is_locked
        screen.new_again.setText("new-secret-77")
        qtbot.keyClick(screen.new_again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=60000)
        assert "恢复码" in screen.message.text() and locker.is_locked
        assert window.stack.currentWidget() is screen

        screen.code.setText(code.lower().replace("-", ""))  # as the sign-in page: case and dashes free
        qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not locker.is_locked, timeout=60000)
        assert window.tabs.isVisible() and window.menuBar().isEnabled()
        wait_ops(qtbot)
        done = actions(db)
        assert done[:2] == [vocab.AuditAction.SIGN_IN, vocab.AuditAction.PASSWORD_RESET]  # as at sign-in
        vault.unlock(folder, "new-secret-77")
        with pytest.raises(vault.WrongPassword):
            vault.unlock(folder, PASSWORD)

        window.lock()  # next time: the password page again, nothing of the reset left in the boxes
        assert screen.password.isVisible() and not screen.code.text() and not screen.new_password.text()
        window.close()
    finally:
        db.close()


def test_lock_screen_without_a_reset_offers_no_forgot_link(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings
) -> None:
    folder, db = secure
    window = open_window(qtbot, folder, db, prefs)
    window.lock()
    assert window.locker is not None and window.locker.screen.forgot_button.isHidden()


def test_idle_period_locks_and_activity_postpones_it(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings
) -> None:
    folder, db = secure
    prefs.set(opts.LOCK_MINUTES, 5)
    window = open_window(qtbot, folder, db, prefs)
    locker = window.locker
    assert locker is not None and locker.idle.interval() == 5 * 60_000 and locker.idle.isActive()
    # five minutes, shortened for the test; 1.5 s so a busy machine's pause (a collection, a
    # scheduler stall) between two keys cannot lock it, yet the typing below outlasts it
    locker.idle.setInterval(1500)
    locker.idle.start()
    for _ in range(4):  # typing keeps it open: 2 s of typing, longer than the period
        qtbot.wait(500)
        qtbot.keyClick(window.households.search, Qt.Key.Key_A)
        assert not locker.is_locked
    qtbot.waitUntil(lambda: locker.is_locked, timeout=60000)
    # settings change the period; 0 = never
    dialog = window.open_settings()
    assert dialog.general.lock_minutes.value() == 5
    locker.screen.password.setText(PASSWORD)
    locker.screen.unlock_button.click()
    qtbot.waitUntil(lambda: not locker.is_locked, timeout=60000)
    dialog.general.lock_minutes.setValue(0)
    dialog.save()
    assert prefs.get(opts.LOCK_MINUTES) == 0 and not locker.idle.isActive()
    wait_ops(qtbot)


# --- masking and audit ------------------------------------------------------------------------
def test_numbers_are_masked_until_revealed_and_each_reveal_is_audited(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings
) -> None:
    folder, db = secure
    hid = _household(db)
    number = person_id(11)
    window = open_window(qtbot, folder, db, prefs)
    model = window.households.model
    id_cell, phone_cell = model.index(0, COL_ID), model.index(0, COL_PHONE)
    assert model.data(id_cell) == f"{number[:6]}********{number[-4:]}"
    assert model.data(phone_cell) == "138****1234"
    table = window.households.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(id_cell).center())
    assert model.data(id_cell) == number
    assert model.data(phone_cell) == "138****1234"  # one number at a time
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(phone_cell).center())
    assert model.data(phone_cell) == "13805391234"
    wait_ops(qtbot)
    assert sorted(actions(db, hid)) == sorted([vocab.AuditAction.REVEAL_PHONE, vocab.AuditAction.REVEAL_ID])

    # the profile: viewing it is audited; numbers masked until the buttons are clicked
    wife = households.add_member(
        db, hid, MemberData(name="李秀英", relation=vocab.Relation.SPOUSE, id_number=person_id(12))
    ).id
    profile = window.open_household(hid)
    qtbot.waitUntil(lambda: profile.members.rowCount() == 2, timeout=60000)
    wait_ops(qtbot)
    assert actions(db, hid)[0] == vocab.AuditAction.VIEW_PROFILE
    assert number not in profile.subtitle.text() and number[-4:] in profile.subtitle.text()
    assert profile.info_labels["phone"].text() == "138****1234"
    assert profile.members.item(1, 4).text() == f"{person_id(12)[:6]}********{person_id(12)[-4:]}"
    qtbot.mouseClick(profile.reveal_id, Qt.MouseButton.LeftButton)
    assert number in profile.subtitle.text() and not profile.reveal_id.isVisible()
    qtbot.mouseClick(profile.reveal_phone, Qt.MouseButton.LeftButton)
    assert profile.info_labels["phone"].text() == "13805391234"
    profile.members.selectRow(1)
    qtbot.mouseClick(profile.reveal_member, Qt.MouseButton.LeftButton)
    assert profile.members.item(1, 4).text() == person_id(12)
    wait_ops(qtbot)
    latest = audit.recent(db, household_id=hid)[:3]  # written off the GUI thread: any order
    assert sorted(r.action for r in latest) == sorted(
        [vocab.AuditAction.REVEAL_ID, vocab.AuditAction.REVEAL_PHONE, vocab.AuditAction.REVEAL_ID]
    )
    assert sum(wife in r.detail for r in latest) == 1  # which member's number was shown
    assert all(number not in r.detail for r in audit.recent(db))  # never the number itself

    # locking masks everything again
    window.lock()
    assert model.data(id_cell) != number and number not in profile.subtitle.text()
    assert profile.info_labels["phone"].text() == "138****1234"
    assert profile.members.item(1, 4).text() != person_id(12)
    wait_ops(qtbot)


# --- consent warnings -------------------------------------------------------------------------
def test_referral_without_consent_warns_first(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings, answers: Answers
) -> None:
    folder, db = secure
    hid = _household(db)
    window = open_window(qtbot, folder, db, prefs)
    dialog = window.new_referral_for(hid)
    dialog.select_kind("RIGHTS-WAGES")
    dialog.reason.setPlainText("拖欠工资三个月")
    answers.replies = [messages.CANCEL]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "没有转介同意" in answers.asked[-1] and "第23条" in answers.asked[-1]
    assert dialog.isVisible() and referrals.list_referrals(db, hid) == []
    answers.replies = [messages.PROCEED]  # written consent obtained on paper
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60000)
    assert len(referrals.list_referrals(db, hid)) == 1
    wait_ops(qtbot)

    # once consent is recorded, nothing is asked
    records.record_consent(db, hid, vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY, "2026-1")
    asked = len(answers.asked)
    again = window.new_referral_for(hid)
    again.reason.setPlainText("申请职工医疗互助")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=60000)
    assert len(answers.asked) == asked and len(referrals.list_referrals(db, hid)) == 2
    wait_ops(qtbot)


def test_public_notice_tells_which_households_are_left_out(
    qtbot: QtBot,
    secure: tuple[Path, Database],
    prefs: opts.AppSettings,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fieldapp.domain.hardship import HardshipInput

    folder, db = secure
    consenting, refusing = _household(db, 11, "张海生"), _household(db, 13, "单丽")
    for hid in (consenting, refusing):
        assessments.record_assessment(
            db,
            hid,
            HardshipInput(
                household_size=3,
                annual_income_fen=1_200_000,
                rigid_spending_fen=0,
                main_cause=vocab.HardshipCause.SERIOUS_ILLNESS,
            ),
        )
    records.record_consent(db, consenting, vocab.ConsentPurpose.PUBLIC_NOTICE, "2026-1")
    (folder / "forms").mkdir()
    (folder / "forms" / "public_notice.toml").write_text("不是表单", encoding="utf-8")  # sent, unusable
    window = open_window(qtbot, folder, db, prefs)
    window.notice_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "notice_preview", None) is not None, timeout=30000)
    assert window.notice_omitted == 1
    notes = window.notice_preview.notes
    assert not notes.isHidden() and "public_notice.toml 无法使用，已改用程序自带的同名表单" in notes.text()
    assert any("有 1 户符合公示条件" in t and "第25条" in t for t in answers.told), answers.told
    assert window.notice_preview.document.pageCount() >= 1
    from fieldapp.ui import print_preview

    saved = folder.parent / "公示名单.pdf"
    monkeypatch.setattr(print_preview, "ask_save_path", lambda _parent, _suggested: str(saved))
    assert vocab.AuditAction.PRINT not in actions(db)
    qtbot.mouseClick(window.notice_preview.save_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert saved.read_bytes().startswith(b"%PDF")
    assert vocab.AuditAction.PRINT in actions(db)
    window.notice_preview.done(0)


def test_health_data_of_a_child_under_14_warns_without_a_guardians_consent(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings, answers: Answers
) -> None:
    folder, db = secure
    hid = _household(db)
    window = open_window(qtbot, folder, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    eight = TODAY.replace(year=TODAY.year - 8, month=3, day=1)
    dialog = window.edit_member(hid, "")
    dialog.name.setText("张小宝")
    dialog.relation.setCurrentIndex(dialog.relation.findData(vocab.Relation.SON.value))
    dialog.id_number.setText(person_id(15, eight))
    dialog.health.setCurrentIndex(dialog.health.findData(vocab.HealthStatus.SERIOUS_ILLNESS.value))
    dialog.illness.setText("白血病")
    answers.replies = [messages.CANCEL]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "需要监护人同意" in answers.asked[-1] and "张小宝" in answers.asked[-1]
    assert dialog.isVisible() and profile.members.rowCount() == 1
    records.record_consent(
        db, hid, vocab.ConsentPurpose.SENSITIVE_PROCESSING, "2026-1", guardian_name="张海生"
    )
    asked = len(answers.asked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.members.rowCount() == 2, timeout=60000)
    assert len(answers.asked) == asked  # the guardian's consent is on file: no question
    wait_ops(qtbot)


# --- editing a household after creation ---------------------------------------------------------
def test_household_basic_fields_are_edited_through_the_services(
    qtbot: QtBot, secure: tuple[Path, Database], prefs: opts.AppSettings
) -> None:
    folder, db = secure
    hid = _household(db)
    window = open_window(qtbot, folder, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    qtbot.mouseClick(profile.edit_household, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[-1]
    assert dialog.objectName() == "householdDialog" and dialog.editing
    assert not dialog.head_name.isVisible() and dialog.status.isVisible()
    assert dialog.address.text() == "3组12号" and dialog.phone.text() == "13805391234"
    dialog.address.setText("5组8号")
    dialog.phone.setText("1390539")  # too short: refused next to the field
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.marked() == ["phone"], timeout=60000)
    assert households.get_household(db, hid).address_detail == "3组12号"
    dialog.phone.setText("13905397777")
    dialog.status.setCurrentIndex(dialog.status.findData(vocab.HouseholdStatus.CLOSED.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # 在档 → 已销档 skips a step
    qtbot.waitUntil(lambda: "status" in dialog.errors.marked(), timeout=60000)
    assert "拟销档" in dialog.errors.label.text()
    dialog.status.setCurrentIndex(dialog.status.findData(vocab.HouseholdStatus.CLOSING.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60000)
    h = households.get_household(db, hid)
    assert (h.address_detail, h.phone, h.status) == (
        "5组8号",
        "+8613905397777",
        vocab.HouseholdStatus.CLOSING,
    )
    assert h.pairing_basis == vocab.PairingBasis.CONTACT_HOUSEHOLD  # fields not on the form are kept
    qtbot.waitUntil(lambda: "拟销档" in profile.subtitle.text(), timeout=60000)
    wait_ops(qtbot)
