"""文件 → 批量打印, by keyboard alone: a village's forms, a failure explained, a cancel that
leaves only whole files, the public notice of a village; real PDFs checked with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.conftest import VILLAGE, Answers, head_data, household_data
from tests.test_ui_language import (
    HAN,
    english,  # noqa: F401 (a fixture)
    visible_texts,
)
from tests.test_ui_workbench import open_window

from fieldapp.services import batch_print, consent, households, printing
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database
from fieldapp.storage.models import PrintRecord
from fieldapp.ui import print_preview
from fieldapp.ui import settings as opts
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.print_preview import BatchPrintDialog

pytestmark = [
    pytest.mark.usefixtures("answers"),
    pytest.mark.skipif(
        any(shutil.which(t) is None for t in ("pdftotext", "pdffonts")),
        reason="poppler-utils is installed by .ci/run",
    ),
    pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)"),  # the menu, offscreen
]

ALT = Qt.KeyboardModifier.AltModifier
OTHER_VILLAGE = "371302001224"  # 兰山街道刘家朱许村


def text_of(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout)


def assert_whole_with_embedded_fonts(pdf: Path) -> None:
    assert pdf.read_bytes().rstrip().endswith(b"%%EOF"), pdf
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines, fonts
    for line in lines:
        _name, *_, emb, sub, _uni, _obj, _gen = line.split()
        assert emb == "yes" and sub == "yes", line


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def open_by_keys(qtbot: QtBot, window: MainWindow) -> BatchPrintDialog:
    """Alt+F opens 文件, M chooses 批量打印(&M)…"""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), BatchPrintDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, BatchPrintDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form)
    return dialog


def pick(qtbot: QtBot, combo: QComboBox, data: str) -> None:
    """Arrow keys in the focused combo box until the wanted entry is chosen."""
    assert QApplication.focusWidget() is combo
    wanted = combo.findData(data)
    assert wanted >= 0, data
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != wanted:
        press(qtbot, key)


def choose(qtbot: QtBot, dialog: BatchPrintDialog, form: str, scope: str, folder: Path) -> None:
    press(qtbot, Qt.Key.Key_F, ALT)  # 表单(&F)
    pick(qtbot, dialog.form, form)
    press(qtbot, Qt.Key.Key_A, ALT)  # 范围(&A)
    pick(qtbot, dialog.scope, scope)
    press(qtbot, Qt.Key.Key_D, ALT)  # 文件夹(&D)
    assert QApplication.focusWidget() is dialog.folder
    qtbot.keyClicks(dialog.folder, str(folder))


def logged(db: Database, form: str) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(PrintRecord.record_id).where(PrintRecord.form == form)))


def test_a_villages_forms_by_keyboard_with_a_failure_explained_and_the_folder_opened(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = {
        name: households.create_household(db, household_data(), head_data(seq, name)).id
        for seq, name in ((11, "张海生"), (12, "李秀兰"), (13, "王建国"))
    }
    elsewhere = households.create_household(
        db, household_data(village_code=OTHER_VILLAGE), head_data(14, "赵大山")
    ).id
    folder = tmp_path / "out"
    blocked = folder / f"household_registration-{ids['李秀兰']}.pdf"
    blocked.mkdir(parents=True)  # a folder where 李秀兰's file should go: her form cannot be saved
    opened: list[Path] = []
    monkeypatch.setattr(print_preview, "open_folder", lambda path: opened.append(path) or True)

    window = open_window(qtbot, db, prefs)
    dialog = open_by_keys(qtbot, window)
    assert [dialog.scope.itemText(i) for i in range(dialog.scope.count())][:1] == ["全部困难户（4 户）"]
    choose(qtbot, dialog, "household_registration", VILLAGE, folder)
    assert dialog.scope.currentText().startswith("\u3000") and "（3 户）" in dialog.scope.currentText()
    steps: list[str] = []  # what the cadre reads as each document starts
    dialog.progress.valueChanged.connect(lambda _v: steps.append(dialog.status.text()))
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as finished:
        press(qtbot, Qt.Key.Key_S, ALT)  # 开始(&S)
    assert steps == ["正在生成第 2 / 3 户：王建国", "正在生成第 3 / 3 户：张海生", "已生成 3 / 3 户"]
    assert finished.args[0] == 2

    summary = dialog.summary
    assert summary is not None and not summary.cancelled
    made = sorted(folder.glob("household_registration-*.pdf"))
    assert sorted(p.name for p in made if p.is_file()) == sorted(
        f"household_registration-{ids[n]}.pdf" for n in ("张海生", "王建国")
    )
    for name in ("张海生", "王建国"):
        pdf = folder / f"household_registration-{ids[name]}.pdf"
        assert name in text_of(pdf)
        assert_whole_with_embedded_fonts(pdf)
    assert not list(folder.glob("*.part")) and blocked.is_dir()
    assert not (folder / f"household_registration-{elsewhere}.pdf").exists()  # another village
    assert sorted(logged(db, "household_registration")) == sorted([ids["张海生"], ids["王建国"]])
    pages = summary.pages
    assert finished.args == [2, pages]

    text = dialog.status.text()
    assert f"完成：已生成 2 个文件（共 {pages} 页），已记入打印记录。" in text
    assert str(folder) in text and "有 1 户未能生成，原因见下表" in text
    assert dialog.failures.isVisible() and dialog.failures.rowCount() == 1
    assert dialog.failures.item(0, 0).text() == "李秀兰"
    reason = dialog.failures.item(0, 1).text()
    assert reason == (
        f"household_registration-{ids['李秀兰']}.pdf 是一个已有的文件夹，未生成文件。"
        "请把这个文件夹改名或移走后再批量打印。"
    )
    assert dialog.progress.value() == dialog.progress.maximum() == 3

    assert QApplication.focusWidget() is dialog.open_button
    press(qtbot, Qt.Key.Key_O, ALT)  # 打开文件夹(&O)
    qtbot.waitUntil(lambda: opened == [folder])
    press(qtbot, Qt.Key.Key_C, ALT)  # 关闭(&C)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_cancel_stops_between_documents_and_leaves_only_whole_files(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    fill_demo_data(db, 8, seed=3)
    total = len(households.list_households(db))
    folder = tmp_path / "cards"
    window = open_window(qtbot, db, prefs)
    dialog = open_by_keys(qtbot, window)
    choose(qtbot, dialog, "contact_card", batch_print.ALL, folder)
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000):
        press(qtbot, Qt.Key.Key_Return)  # 开始 is the default button
        qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=30_000)
        assert QApplication.focusWidget() is dialog.cancel_button and not dialog.form.isEnabled()
        press(qtbot, Qt.Key.Key_C, ALT)  # 取消(&C)
    summary = dialog.summary
    assert summary is not None and summary.cancelled
    written = sorted(folder.glob("contact_card-*.pdf"))
    assert 1 <= len(written) < total
    assert written == sorted(summary.files)
    assert not list(folder.glob("*.part"))
    for pdf in written:
        assert_whole_with_embedded_fonts(pdf)
        assert text_of(pdf)
    assert sorted(logged(db, "contact_card")) == sorted(p.stem.removeprefix("contact_card-") for p in written)
    left = total - len(written)
    assert f"已取消。已生成 {len(written)} 个文件" in dialog.status.text()
    assert f"还有 {left} 户未生成；已生成的文件完整可用" in dialog.status.text()
    assert dialog.form.isEnabled() and dialog.cancel_button.text() == "关闭(&C)"

    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as again:  # and once more, whole
        dialog.start_button.setFocus()
        press(qtbot, Qt.Key.Key_Return)
    assert again.args[0] == total and len(list(folder.glob("contact_card-*.pdf"))) == total


def test_the_public_notice_of_one_village(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    fill_demo_data(db, 12, seed=2014)
    form = consent.notice_form(db)
    listed = [
        a
        for a in batch_print.areas(db)
        if a.level == "village" and printing.gather(db, printing.template_for(db, form), a.code)["rows"]
    ]
    assert listed, "the demo data has a village with a household on the notice"
    village = listed[0]
    rows = printing.gather(db, printing.template_for(db, form), village.code)["rows"]
    folder = tmp_path / "notice"
    window = open_window(qtbot, db, prefs)
    dialog = open_by_keys(qtbot, window)
    choose(qtbot, dialog, form, village.code, folder)
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as finished:
        press(qtbot, Qt.Key.Key_S, ALT)
    assert finished.args[0] == 1
    pdf = folder / f"{form}-{village.code}.pdf"
    text = text_of(pdf)
    assert village.name in text
    assert all(r["name"] in text for r in rows)
    assert_whole_with_embedded_fonts(pdf)
    assert logged(db, form) == [village.code]
    assert "完成：已生成 1 个文件" in dialog.status.text()
    assert dialog.progress.value() == dialog.progress.maximum() == 1


def test_the_dialog_and_its_summary_in_english(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    tmp_path: Path,
    english: None,  # noqa: F811
) -> None:
    hid = households.create_household(db, household_data(), head_data(11, "张海生")).id
    households.create_household(db, household_data(), head_data(12, "李秀兰"))
    folder = tmp_path / "out"
    (folder / f"contact_card-{hid}.pdf").mkdir(parents=True)
    window = open_window(qtbot, db, prefs)
    dialog = window.open_batch_print()
    assert isinstance(dialog, BatchPrintDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Batch printing"
    assert dialog.scope.itemText(0) == "All households (2)"
    dialog.form.setCurrentIndex(dialog.form.findData("contact_card"))
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000):
        dialog.start_button.click()
    assert dialog.status.text().splitlines() == [
        "Done. Files generated: 1 (pages: 1), recorded in the print log.",
        f"Saved in: {folder}",
        "Not generated: 1 (reasons below); deal with them, then print the batch again.",
    ]
    assert dialog.failures.item(0, 1).text() == (
        f"contact_card-{hid}.pdf is an existing folder, so no file was written."
        " Rename or move that folder, then print the batch again."
    )
    # the forms' own titles (Chinese documents) and the places are data; the rest is English
    shown = [
        f"{n}: {t!r}"
        for n, t in visible_texts(dialog)
        if n not in ("batchForm", "batchScope") and HAN.search(t.replace("张海生", ""))
    ]
    assert shown == []


def test_no_folder_or_a_file_for_a_folder_is_refused_in_chinese_and_nothing_is_written(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path, answers: Answers
) -> None:
    households.create_household(db, household_data(), head_data(11, "张海生"))
    not_a_folder = tmp_path / "cards.pdf"  # typed: QTest types ASCII only
    not_a_folder.write_bytes(b"kept")
    answers.expect_errors()
    window = open_window(qtbot, db, prefs)
    dialog = open_by_keys(qtbot, window)
    assert dialog.form.currentData() == "contact_card"
    press(qtbot, Qt.Key.Key_S, ALT)  # 开始 with no folder chosen
    qtbot.waitUntil(lambda: answers.told == ["批量打印: 请先选择保存PDF的文件夹。"])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder)

    qtbot.keyClicks(dialog.folder, str(not_a_folder))
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: len(answers.told) == 2 and not dialog.running, timeout=30_000)
    expected = f"无法在 {not_a_folder} 保存文件：这是一个文件，不是文件夹，未生成文件。请另选一个文件夹。"
    assert answers.errors == [f"批量打印中断: {expected}\n已生成的文件和打印记录都已保留；请处理后再试。"]
    assert dialog.status.text() == "批量打印中断：" + expected
    assert not_a_folder.read_bytes() == b"kept" and logged(db, "contact_card") == []
    assert dialog.start_button.isEnabled() and dialog.form.isEnabled()
