"""The first-run wizard (issue 16), driven by key events only: the whole path to an encrypted,
enrolled (by stick), backed-up ledger; closed midway and resumed with nothing typed lost; bad
input (a bad phone, wrong recovery groups, a bad enrolment file, a bad 低保 figure) refused in
Chinese; existing ledgers and the demo never see it; every page fits 1366×728 and shows no
English in the Chinese interface."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.security import signin, vault
from fieldapp.services import backups, cadres
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import DB_FILE_NAME
from fieldapp.sync import client
from fieldapp.ui import first_run, ops
from fieldapp.ui import settings as opts
from fieldapp.ui.first_run import (
    DONE,
    PAGE_BACKUP,
    PAGE_CADRE,
    PAGE_CODE,
    PAGE_DIBAO,
    PAGE_ENROL,
    PAGE_LANGUAGE,
    PAGE_PASSWORD,
    RESTART,
    FirstRunWizard,
)

pytestmark = pytest.mark.usefixtures("answers")

PASSWORD = "wangfang-2026"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def make(qtbot: QtBot, prefs: opts.AppSettings, folder: Path, db: object = None) -> FirstRunWizard:
    wizard = FirstRunWizard(prefs, folder, db)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.resize(900, 600)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.isActiveWindow() or QApplication.activeWindow() is wizard, timeout=30000)
    return wizard


def key(qtbot: QtBot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k, modifier)


def type_in(qtbot: QtBot, text: str) -> None:
    """Latin letters and digits as key presses; Chinese as an input method commits it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def next_page(qtbot: QtBot) -> None:
    key(qtbot, Qt.Key.Key_Return, CTRL)


def enrolment_file(tmp_path: Path) -> Path:
    from fieldapp.hq.store import HQ

    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    path = tmp_path / "王芳.enrol"
    path.write_text(
        json.dumps(hq.issue_enrolment("兰陵县总工会-王芳", "http://127.0.0.1:9")), encoding="utf-8"
    )
    return path


def to_password_page(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    assert wizard.currentId() == PAGE_LANGUAGE
    next_page(qtbot)  # 简体中文 as it is
    assert wizard.currentId() == PAGE_CADRE and wizard.cadre.name.hasFocus()
    type_in(qtbot, "王芳")
    key(qtbot, Qt.Key.Key_Return)  # Enter moves on, it does not leave the page
    assert wizard.currentId() == PAGE_CADRE and wizard.cadre.unit.hasFocus()
    type_in(qtbot, "兰陵县总工会")
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, "138 0539 1234")
    next_page(qtbot)
    assert wizard.currentId() == PAGE_PASSWORD, wizard.cadre.message.text()


def set_password(qtbot: QtBot, wizard: FirstRunWizard) -> str:
    type_in(qtbot, PASSWORD)
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.password.again.hasFocus()
    type_in(qtbot, PASSWORD)
    next_page(qtbot)
    next_page(qtbot)  # impatient: a second Ctrl+Enter while it encrypts
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CODE, timeout=30000)
    code = wizard.code.code_label.text()
    assert len(code.replace("-", "")) == 24 and code == wizard.recovery_code
    return code


def confirm_code(qtbot: QtBot, wizard: FirstRunWizard, code: str) -> None:
    groups = code.split("-")
    a, b = wizard.code.groups
    assert wizard.code.first.hasFocus()
    type_in(qtbot, groups[a].lower())  # as copied from paper: the case does not matter
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, groups[b])
    next_page(qtbot)
    assert wizard.currentId() == PAGE_ENROL, wizard.code.message.text()


def close(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=30000)
    if wizard.db is not None:
        wizard.db.close()


def test_the_whole_path_by_keyboard_to_an_enrolled_backed_up_ledger(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    folder, stick, backup = tmp_path / "ledger", tmp_path / "stick", tmp_path / "backup"
    stick.mkdir()
    letter = enrolment_file(tmp_path)
    assert first_run.needed(prefs, folder) == "new"
    wizard = make(qtbot, prefs, folder)
    to_password_page(qtbot, wizard)
    code = set_password(qtbot, wizard)
    key(qtbot, Qt.Key.Key_Escape)  # the code is shown once: Escape does not close it
    assert wizard.isVisible() and wizard.currentId() == PAGE_CODE
    assert (
        wizard.button(wizard.WizardButton.BackButton).isHidden()
        or not wizard.button(wizard.WizardButton.BackButton).isEnabled()
    )
    confirm_code(qtbot, wizard, code)

    wizard.enrol.choose_folder = lambda: str(stick)  # the system folder dialog, answered
    type_in(qtbot, str(letter))
    key(qtbot, Qt.Key.Key_Q, ALT)  # 登记申请写到U盘(&Q)…
    qtbot.waitUntil(lambda: "已把登记申请写到U盘" in wizard.enrol.message.text(), timeout=30000)
    assert len(list(stick.iterdir())) == 1
    next_page(qtbot)
    assert wizard.currentId() == PAGE_DIBAO  # headquarters has sent no standard
    type_in(qtbot, "912.5")
    next_page(qtbot)
    assert wizard.currentId() == PAGE_BACKUP
    type_in(qtbot, str(backup))
    next_page(qtbot)
    assert wizard.result() == FirstRunWizard.DialogCode.Accepted and not wizard.isVisible()

    db = wizard.db
    assert db is not None
    cadre_id = ledger_settings.current_cadre_id(db)
    found = cadres.find_cadre_by_name(db, "王芳")
    assert found is not None and found.id == cadre_id and found.phone == "+8613805391234"
    assert found.unit == "兰陵县总工会"
    assert ledger_settings.dibao_standard_fen(db) == 91250
    assert backups.get_settings(db).target == backup and backups.due(db)
    assert client.status(db)["enrolment_started"]
    assert prefs.get(opts.FIRST_RUN_STEP) == DONE and prefs.get(opts.FIRST_RUN_VALUES) == "{}"
    assert prefs.get(opts.CADRE_NAME) == "王芳"
    close(qtbot, wizard)
    assert vault.unlock_with_recovery(folder, code) == vault.unlock(folder, PASSWORD)
    assert first_run.needed(prefs, folder) == ""  # finished: from now on the ordinary sign-in


def test_closed_midway_it_opens_again_at_the_step_with_what_was_typed(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    folder = tmp_path / "ledger"
    wizard = make(qtbot, prefs, folder)
    next_page(qtbot)
    type_in(qtbot, "王芳")
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, "兰陵县总工会")
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, "1380539")  # half a number, then the laptop is closed
    key(qtbot, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert first_run.needed(prefs, folder) == "new"

    again = make(qtbot, opts.AppSettings(Path(prefs.file_name)), folder)  # the app started anew
    assert again.currentId() == PAGE_CADRE
    assert (again.cadre.name.text(), again.cadre.unit.text(), again.cadre.phone.text()) == (
        "王芳",
        "兰陵县总工会",
        "1380539",
    )
    again.cadre.phone.setFocus()
    type_in(qtbot, "1234")
    next_page(qtbot)
    assert again.currentId() == PAGE_PASSWORD
    code = set_password(qtbot, again)
    confirm_code(qtbot, again, code)
    type_in(qtbot, str(tmp_path / "登记.enrol"))
    key(qtbot, Qt.Key.Key_Escape)  # closed at enrolment, the ledger already encrypted
    assert not again.isVisible()
    close(qtbot, again)
    assert first_run.needed(prefs, folder) == "resume"

    db = signin.open_with_password(folder, PASSWORD).db  # the ordinary sign-in comes first
    resumed = make(qtbot, prefs, folder, db)
    assert resumed.currentId() == PAGE_ENROL
    assert resumed.enrol.file.text() == str(tmp_path / "登记.enrol")
    assert ledger_settings.current_cadre_id(db) == cadres.find_cadre_by_name(db, "王芳").id  # type: ignore[union-attr]
    resumed.enrol.file.setFocus()
    next_page(qtbot)  # enrolment can wait
    assert resumed.currentId() == PAGE_DIBAO
    next_page(qtbot)  # and so can the 低保 standard
    assert resumed.currentId() == PAGE_BACKUP
    next_page(qtbot)  # and the backup location
    assert resumed.result() == FirstRunWizard.DialogCode.Accepted
    assert ledger_settings.dibao_is_set(db) is False and backups.get_settings(db).target is None
    assert not client.status(db)["enrolment_started"]
    db.close()
    assert first_run.needed(prefs, folder) == ""


def test_bad_input_is_refused_in_chinese_and_nothing_is_lost(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    folder = tmp_path / "ledger"
    wizard = make(qtbot, prefs, folder)
    next_page(qtbot)
    next_page(qtbot)  # no name
    assert wizard.currentId() == PAGE_CADRE and "请填写干部姓名" in wizard.cadre.message.text()
    type_in(qtbot, "王芳")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, "12345")
    next_page(qtbot)
    assert wizard.currentId() == PAGE_CADRE
    said = wizard.cadre.message.text()
    assert "不是有效的中国大陆电话号码" in said and "13805391234" in said, said
    assert wizard.cadre.name.text() == "王芳" and wizard.cadre.phone.hasFocus()
    type_in(qtbot, "13805391234")  # the wrong number was selected: typing replaces it
    next_page(qtbot)
    assert wizard.currentId() == PAGE_PASSWORD

    type_in(qtbot, PASSWORD)
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, PASSWORD + "x")
    next_page(qtbot)
    assert "两次输入的密码不一样" in wizard.password.message.text()
    assert not vault.vault_exists(folder)
    wizard.password.again.clear()
    type_in(qtbot, PASSWORD)
    next_page(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CODE, timeout=30000)

    groups = wizard.recovery_code.split("-")
    a, b = wizard.code.groups
    wrong = "ZZZZ" if groups[a] != "ZZZZ" else "YYYY"
    type_in(qtbot, wrong)
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, groups[b])
    next_page(qtbot)
    assert wizard.currentId() == PAGE_CODE
    assert f"第 {a + 1} 组不对" in wizard.code.message.text()
    assert wizard.code.first.hasFocus()
    type_in(qtbot, groups[a])
    next_page(qtbot)
    assert wizard.currentId() == PAGE_ENROL

    garbage = tmp_path / "登记.enrol"
    garbage.write_bytes(b"\x00\x01 not an enrolment")
    type_in(qtbot, str(garbage))
    key(qtbot, Qt.Key.Key_O, ALT)  # 联网登记(&O)
    qtbot.waitUntil(lambda: bool(wizard.enrol.message.text()), timeout=30000)
    assert "已损坏或不是登记文件" in wizard.enrol.message.text()
    foreign = tmp_path / "别的.json"
    foreign.write_text('{"kind": "something-else"}', encoding="utf-8")
    wizard.enrol.file.selectAll()
    wizard.enrol.file.setFocus()
    type_in(qtbot, str(foreign))
    wizard.enrol.message.clear()
    key(qtbot, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: bool(wizard.enrol.message.text()), timeout=30000)
    assert "这不是市总工会发出的设备登记文件" in wizard.enrol.message.text()
    assert wizard.db is not None and not client.status(wizard.db)["enrolment_started"]
    wizard.enrol.file.selectAll()
    wizard.enrol.file.setFocus()
    key(qtbot, Qt.Key.Key_Delete)  # no file: the enrolment address instead
    wizard.enrol.url.setFocus()
    type_in(qtbot, "http://127.0.0.1:9/api/v1/enrolment/abc")
    wizard.enrol.message.clear()
    key(qtbot, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: "公钥指纹" in wizard.enrol.message.text())  # a mnemonic clicks after 100 ms
    next_page(qtbot)
    assert wizard.currentId() == PAGE_DIBAO
    type_in(qtbot, "abc")
    next_page(qtbot)
    assert wizard.currentId() == PAGE_DIBAO
    assert "每人每月的元数" in wizard.dibao.message.text()
    assert not ledger_settings.dibao_is_set(wizard.db)
    type_in(qtbot, "900")
    next_page(qtbot)
    assert wizard.currentId() == PAGE_BACKUP
    type_in(qtbot, "相对的文件夹")
    next_page(qtbot)
    assert wizard.currentId() == PAGE_BACKUP and "完整的文件夹位置" in wizard.backup.message.text()
    wizard.backup.target.clear()
    type_in(qtbot, str(folder / "inside"))
    next_page(qtbot)
    assert wizard.currentId() == PAGE_BACKUP and "不能在数据文件夹里面" in wizard.backup.message.text()
    assert wizard.backup.target.text() == str(folder / "inside")
    close(qtbot, wizard)


def test_existing_ledgers_and_the_demo_never_see_it(tmp_path: Path, prefs: opts.AppSettings) -> None:
    from fieldapp.security.vault import KEYSTORE_NAME

    assert set(first_run.LEDGER_FILES) == {DB_FILE_NAME, KEYSTORE_NAME}
    folder = tmp_path / "old"
    signin.open_with_password(folder, PASSWORD).db.close()  # a ledger made before the wizard
    assert first_run.needed(prefs, folder) == ""
    assert first_run.needed(prefs, tmp_path / "demo", demo=True) == ""
    assert first_run.needed(prefs, tmp_path / "fresh") == "new"


def test_headquarters_standard_skips_the_dibao_page(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    folder = tmp_path / "ledger"
    db = signin.open_with_password(folder, PASSWORD).db
    ledger_settings.set_dibao_standard(db, "980")  # as a reply from headquarters keeps it
    prefs.set(opts.FIRST_RUN_FOLDER, str(folder))
    prefs.set(opts.FIRST_RUN_STEP, PAGE_ENROL)
    wizard = make(qtbot, prefs, folder, db)
    assert wizard.currentId() == PAGE_ENROL
    next_page(qtbot)
    assert wizard.currentId() == PAGE_BACKUP
    close(qtbot, wizard)


def test_choosing_english_makes_the_wizard_again_in_english(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    from fieldapp.ui.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wizard = make(qtbot, prefs, tmp_path / "ledger")
    assert wizard.language.language.hasFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert wizard.language.language.currentData() == "en"
    next_page(qtbot)
    assert wizard.result() == RESTART and prefs.get(opts.LANGUAGE) == "en"
    try:
        install_translations(app, "en")
        again = make(qtbot, prefs, tmp_path / "ledger")
        assert again.currentId() == PAGE_CADRE
        texts = _texts(again)
        assert not [t for t in texts if re.search(r"[\u4e00-\u9fff]", t)], texts
    finally:
        install_translations(app, "zh_CN")


# a key name, file types, the fingerprint's example, the example folders (E: drive, /media/U盘)
ALLOWED_ASCII = {"Ctrl", "ABCD", "EFGH", "enrol", "json", "media", "U", "E"}


def _texts(wizard: FirstRunWizard) -> list[str]:
    page = wizard.currentPage()
    texts = [wizard.windowTitle(), page.title(), page.subTitle()]
    for w in page.findChildren(QWidget):
        if (
            isinstance(w, QLabel | QAbstractButton)
            and w.isVisible()
            and w.objectName() != "wizardRecoveryCode"
        ):
            texts.append(re.sub(r"\(&.\)", "", w.text()).replace("&", ""))
        placeholder = getattr(w, "placeholderText", None)
        if callable(placeholder):
            texts.append(str(placeholder()))
    for b in (
        wizard.WizardButton.NextButton,
        wizard.WizardButton.CancelButton,
        wizard.WizardButton.FinishButton,
    ):
        texts.append(re.sub(r"\(&.\)", "", wizard.buttonText(b)).replace("&", ""))
    return [t for t in texts if t]


def test_every_page_fits_a_1366_by_728_screen_and_speaks_chinese(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    folder = tmp_path / "ledger"
    wizard = make(qtbot, prefs, folder)
    screen = QRect(0, 0, 1366, 728)

    def check(name: str) -> None:
        wizard.adjustSize()
        size = wizard.sizeHint().expandedTo(wizard.minimumSizeHint())
        assert size.width() <= screen.width() and size.height() <= screen.height(), (name, size)
        wizard.resize(size)
        wizard.grab().save(str(shots / f"{name}.png"))
        for b in wizard.findChildren(QAbstractButton):
            if b.isVisible():
                top_left = b.mapTo(wizard, b.rect().topLeft())
                assert QRect(0, 0, wizard.width(), wizard.height()).contains(QRect(top_left, b.size())), (
                    name,
                    b.text(),
                )
        for t in _texts(wizard):
            words = set(re.findall(r"[A-Za-z]+", re.sub(r"https?://\S+", "", t))) - ALLOWED_ASCII
            assert not words, (name, t, words)

    check("1-language")
    next_page(qtbot)
    check("2-cadre")
    type_in(qtbot, "王芳")
    next_page(qtbot)
    check("3-password")
    type_in(qtbot, PASSWORD)
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, PASSWORD)
    next_page(qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CODE, timeout=30000)
    check("4-code")
    groups = wizard.recovery_code.split("-")
    type_in(qtbot, groups[wizard.code.groups[0]])
    key(qtbot, Qt.Key.Key_Return)
    type_in(qtbot, groups[wizard.code.groups[1]])
    next_page(qtbot)
    check("5-enrol")
    next_page(qtbot)
    check("6-dibao")
    next_page(qtbot)
    check("7-backup")
    assert len(list(shots.iterdir())) == 7
    close(qtbot, wizard)


def test_enrolment_by_address_and_fingerprint_against_a_real_headquarters(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_sync_e2e import Server

    from fieldapp.hq import cli as hq_cli

    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    server = Server(url, tmp_path)
    server.start()
    try:
        argv = ["--db", url, "enroll-device", "王芳", "--out", str(tmp_path / "x"), "--url", server.url]
        capsys.readouterr()
        assert hq_cli.main(argv) == 0
        letter = capsys.readouterr().out
        address = letter.split("联网登记地址：")[1].split()[0]
        fingerprint = letter.split("市总工会公钥指纹：")[1].split()[0]
        folder = tmp_path / "ledger"
        db = signin.open_with_password(folder, PASSWORD).db
        prefs.set(opts.FIRST_RUN_FOLDER, str(folder))
        prefs.set(opts.FIRST_RUN_STEP, PAGE_ENROL)
        wizard = make(qtbot, prefs, folder, db)
        assert wizard.enrol.file.hasFocus()
        key(qtbot, Qt.Key.Key_Return)  # no file: on to the address
        assert wizard.enrol.url.hasFocus()
        type_in(qtbot, address)
        key(qtbot, Qt.Key.Key_Return)
        wrong = "AAAA-" + fingerprint[5:]
        type_in(qtbot, wrong)
        key(qtbot, Qt.Key.Key_O, ALT)  # 联网登记(&O): a false server's keys are refused
        qtbot.waitUntil(lambda: "不符" in wizard.enrol.message.text(), timeout=30000)
        assert "本机没有保存任何内容" in wizard.enrol.message.text()
        assert not client.status(db)["enrolment_started"]
        wizard.enrol.fingerprint.selectAll()
        wizard.enrol.fingerprint.setFocus()
        type_in(qtbot, fingerprint.replace("-", "").lower())  # as typed from the letter
        wizard.enrol.message.clear()
        key(qtbot, Qt.Key.Key_O, ALT)
        qtbot.waitUntil(lambda: "登记成功" in wizard.enrol.message.text(), timeout=30000)
        assert client.status(db)["enrolled"]
        close(qtbot, wizard)
    finally:
        server.stop()


def test_the_start_up_loop_remakes_the_wizard_in_the_chosen_language_and_stops_when_closed(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    """`fieldapp` on a new folder: the wizard runs modally (exec); choosing English makes it again
    in English at the cadre step; closing it ends the start (nothing opened, nothing lost)."""
    from PySide6.QtCore import QTimer

    from fieldapp.ui.app import first_start, install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    seen: list[tuple[int, str]] = []

    def drive() -> None:  # what the cadre does in each wizard shown, by key presses
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard) or not wizard.isVisible():
            QTimer.singleShot(50, drive)
            return
        seen.append((wizard.currentId(), wizard.currentPage().title()))
        if wizard.currentId() == PAGE_LANGUAGE:
            qtbot.keyClick(wizard.language.language, Qt.Key.Key_Down)
            qtbot.keyClick(wizard.language.language, Qt.Key.Key_Return, CTRL)
            QTimer.singleShot(50, drive)  # the next wizard, in English
        else:
            qtbot.keyClick(wizard.cadre.name, Qt.Key.Key_Escape)  # closed midway

    QTimer.singleShot(50, drive)
    try:
        assert first_start(app, prefs, tmp_path / "ledger", None) is None
    finally:
        install_translations(app, "zh_CN")
    assert [page for page, _ in seen] == [PAGE_LANGUAGE, PAGE_CADRE], seen
    assert seen[0][1] == "欢迎使用工会结对帮扶台账"
    assert seen[1][1] and not re.search("[\u4e00-\u9fff]", seen[1][1]), seen  # in English
    assert prefs.get(opts.LANGUAGE) == "en" and prefs.get(opts.FIRST_RUN_STEP) == PAGE_CADRE
    assert first_run.needed(prefs, tmp_path / "ledger") == "new"


def test_the_enrolment_page_chooses_the_region_the_laptop_works_in_by_keyboard(
    qtbot: QtBot, tmp_path: Path, prefs: opts.AppSettings
) -> None:
    from fieldapp.domain import divisions
    from fieldapp.services import region

    wizard = make(qtbot, prefs, tmp_path / "ledger")
    try:
        to_password_page(qtbot, wizard)
        confirm_code(qtbot, wizard, set_password(qtbot, wizard))
        page = wizard.enrol
        # Linyi City until one is chosen or sent
        assert (page.province.currentText(), page.city.currentText()) == ("山东省", "临沂市")
        assert page.county.currentData() == "" and page.chosen_region() == "3713"
        key(qtbot, Qt.Key.Key_R, ALT)  # 工作地区(&R)
        assert page.province.hasFocus()
        key(qtbot, Qt.Key.Key_Tab)
        assert page.city.hasFocus()
        key(qtbot, Qt.Key.Key_Home)  # （全部）
        key(qtbot, Qt.Key.Key_Down)  # the first city of the province: 济南市
        assert page.city.currentText() == "济南市"
        assert "历下区" in [page.county.itemText(i) for i in range(page.county.count())]
        key(qtbot, Qt.Key.Key_Tab)
        assert page.county.hasFocus()
        key(qtbot, Qt.Key.Key_Down)  # 历下区, the first county
        assert page.chosen_region() == "370102"
        next_page(qtbot)
        assert wizard.currentId() == PAGE_DIBAO, page.message.text()
        assert wizard.db is not None and region.active_region(wizard.db).code == "370102"
        assert divisions.active_region_code() == "370102"  # the pick-lists use it from now on
    finally:
        close(qtbot, wizard)
        divisions.set_active_region(divisions.DEFAULT_REGION)
