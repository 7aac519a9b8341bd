"""文件 → 导入困难户名单, by keyboard alone: a real .xlsx with good and bad rows is previewed
(nothing written), imported, corrected in "Excel" and read again; nobody is imported twice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from tests.test_importer import TOWNSHIP, VILLAGE, pid, write_xlsx
from tests.test_ui_language import (
    HAN,
    english,  # noqa: F401 (a fixture)
    visible_texts,
)
from tests.test_ui_workbench import open_window, wait_loaded, wait_ops

from fieldapp.services.households import list_households
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts
from fieldapp.ui.import_dialog import ImportDialog
from fieldapp.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("answers")

ALT = Qt.KeyboardModifier.AltModifier
HEADER = ["序号", "户主姓名", "身份证号", "手机号", "县区", "乡镇", "村"]


def wrong_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def the_list(path: Path, *, fixed: bool) -> Path:
    """Two good rows and two bad ones (a wrong check digit, a village two townships have);
    `fixed`: the cadre corrected both in Excel."""
    return write_xlsx(
        path,
        [
            ["XX单位联系户名单"],
            HEADER,
            [1, "张海生", pid(123), "13805391234", "", TOWNSHIP, VILLAGE],  # line 3
            [2, "李四", pid(125) if fixed else wrong_check(pid(125)), "", "", TOWNSHIP, VILLAGE],  # line 4
            [3, "王秀英", pid(127), "", "兰山区", "汪沟镇" if fixed else "", "杏花村"],  # line 5
            [4, "赵六", pid(129), "", "", TOWNSHIP, VILLAGE],  # line 6
        ],
    )


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def act(qtbot: QtBot, dialog: ImportDialog, key: Qt.Key) -> None:
    """Alt+key on a button of the dialog (a mnemonic clicks after a short animation), then the
    preview or the import finished and shown."""
    with qtbot.waitSignal(dialog.shown, timeout=30000):
        press(qtbot, key, ALT)
    wait_ops(qtbot)


def open_by_keys(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    """Alt+F opens 文件, I chooses 导入困难户名单(&I)…"""
    window.activateWindow()  # Alt+F reaches only the active window: wait until it is
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def table(widget: QWidget) -> list[list[str]]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(widget, QTableWidget)
    return [[widget.item(r, c).text() for c in range(widget.columnCount())] for r in range(widget.rowCount())]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the menu, offscreen
def test_preview_import_fix_and_read_again_by_keyboard(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    path = the_list(tmp_path / "名单.xlsx", fixed=False)
    window = open_window(qtbot, db, prefs)
    dialog = open_by_keys(qtbot, window)
    dialog.choose_file = lambda: str(path)  # the file dialog, answered
    assert not dialog.import_button.isEnabled() and not dialog.reread_button.isEnabled()

    act(qtbot, dialog, Qt.Key.Key_O)  # 选择文件(&O)…: the preview
    good = table(dialog.good)
    assert [row[:3] for row in good] == [
        ["3", "张海生", f"{pid(123)[:6]}********{pid(123)[-4:]}"],
        ["6", "赵六", f"{pid(129)[:6]}********{pid(129)[-4:]}"],
    ]
    assert all(row[3] == "兰山区白沙埠镇卧茨村村民委员会" and row[4] == "1" for row in good)
    bad = table(dialog.bad)
    assert [row[0] for row in bad] == ["4", "5"]
    assert bad[0][1].startswith("身份证号：校验位错误")
    assert "“杏花村”有" in bad[1][1] and "同名的村（社区）" in bad[1][1] and "请在“乡镇”列填写" in bad[1][1]
    assert "将导入 2 户" in dialog.summary.text() and "不能导入 2 行" in dialog.summary.text()
    assert list_households(db) == []  # a preview writes nothing
    assert QApplication.focusWidget() is dialog.import_button

    dialog.bad.setFocus()  # Tab leaves a table
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.bad

    loads = window.load_count
    act(qtbot, dialog, Qt.Key.Key_M)  # 导入(&M)
    assert "已导入 2 户" in dialog.summary.text() and "未导入 2 行" in dialog.summary.text()
    assert {r.head_id_number for r in list_households(db)} == {pid(123), pid(129)}
    assert not dialog.import_button.isEnabled()  # nothing left to import until the file is read again
    assert QApplication.focusWidget() is dialog.reread_button
    wait_loaded(qtbot, window, loads + 1)  # the workbench shows them
    assert window.households.model.rowCount() == 2

    the_list(path, fixed=True)  # corrected and saved in Excel
    act(qtbot, dialog, Qt.Key.Key_R)  # 重新读取(&R)
    assert [row[1] for row in table(dialog.good)] == ["李四", "王秀英"]
    assert table(dialog.bad) == []
    assert "将导入 2 户" in dialog.summary.text() and "已导入过 2 户" in dialog.summary.text()
    act(qtbot, dialog, Qt.Key.Key_M)
    rows = list_households(db)
    assert sorted(r.head_id_number for r in rows) == sorted([pid(123), pid(125), pid(127), pid(129)])
    assert {r.village_code for r in rows if r.head_id_number == pid(127)} == {"371302110239"}  # 汪沟镇

    act(qtbot, dialog, Qt.Key.Key_R)  # once more: everything is there already
    assert table(dialog.good) == [] and not dialog.import_button.isEnabled()
    assert "已导入过 4 户" in dialog.summary.text() and "没有要导入的户" in dialog.summary.text()
    assert len(list_households(db)) == 4  # nothing twice
    press(qtbot, Qt.Key.Key_C, ALT)  # 关闭(&C)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_file_that_is_not_a_list_says_why_and_imports_nothing(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "other.xlsx", [["户主姓名", "手机号", "村"], ["张海生", "13805391234", VILLAGE]]
    )
    window = open_window(qtbot, db, prefs)
    dialog = window.open_import()
    dialog.choose_file = lambda: str(path)
    dialog.choose()
    wait_ops(qtbot)
    text = dialog.summary.text()
    assert text.startswith("未能读取这个文件：") and "身份证号" in text
    assert not dialog.import_button.isEnabled() and dialog.reread_button.isEnabled()
    assert list_households(db) == []
    dialog.choose_file = lambda: ""  # the file dialog cancelled: nothing changes
    dialog.choose()
    assert dialog.path == path and ops_idle()


def ops_idle() -> bool:
    from fieldapp.ui import ops

    return ops.pending() == 0


def test_the_preview_in_english_shows_no_chinese_but_data(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    tmp_path: Path,
    english: None,  # noqa: F811
) -> None:
    path = the_list(tmp_path / "list.xlsx", fixed=False)
    window = open_window(qtbot, db, prefs)
    dialog = window.open_import()
    dialog.choose_file = lambda: str(path)
    dialog.choose()
    wait_ops(qtbot)
    assert "2 households to import" in dialog.summary.text()
    shown = [f"{n}: {t!r}" for n, t in visible_texts(dialog) if HAN.search(t.replace("名单", ""))]
    assert shown == []
    reason = dialog.bad.item(0, 1).text()
    assert reason.startswith("ID number: wrong check digit")


def test_a_file_saved_again_after_its_preview_is_read_again_before_importing(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    header = ["户主姓名", "身份证号", "乡镇", "村", "籍贯"]
    rows = [
        header,
        ["张海生", pid(123), TOWNSHIP, VILLAGE, "山东"],
        ["张海生", pid(123), TOWNSHIP, VILLAGE, ""],
    ]
    path = write_xlsx(tmp_path / "list.xlsx", rows)
    window = open_window(qtbot, db, prefs)
    dialog = window.open_import()
    dialog.choose_file = lambda: str(path)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    act(qtbot, dialog, Qt.Key.Key_O)
    notes = table(dialog.notes)  # the same person twice, a column not understood: warnings, not refusals
    assert dialog.notes_box.isVisible() and table(dialog.bad) == []
    assert notes[0] == ["", "未识别的列（已忽略）：籍贯"]
    assert notes[1] == ["3", "与第2行身份证号相同，未重复导入"]

    write_xlsx(path, [*rows, ["赵六", pid(129), TOWNSHIP, VILLAGE, ""]])  # saved again in Excel
    act(qtbot, dialog, Qt.Key.Key_M)  # 导入 shows the new contents first…
    assert list_households(db) == []
    assert dialog.summary.text().startswith("文件在预览之后又改动过，已重新读取")
    assert [row[1] for row in table(dialog.good)] == ["张海生", "赵六"]
    act(qtbot, dialog, Qt.Key.Key_M)  # …and imports them when asked again
    assert {r.head_id_number for r in list_households(db)} == {pid(123), pid(129)}


def test_a_list_of_people_shows_each_households_size(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "members.xlsx",
        [
            ["户主姓名", "身份证号", "乡镇", "村", "与户主关系"],
            ["张海生", pid(123), TOWNSHIP, VILLAGE, "户主"],
            ["李梅", pid(139), TOWNSHIP, VILLAGE, "妻子"],
            ["王五", pid(143), TOWNSHIP, VILLAGE, "户主"],
            ["某某", pid(145), TOWNSHIP, VILLAGE, "邻居"],
        ],
    )
    window = open_window(qtbot, db, prefs)
    dialog = window.open_import()
    dialog.choose_file = lambda: str(path)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    act(qtbot, dialog, Qt.Key.Key_O)
    assert [(row[1], row[4]) for row in table(dialog.good)] == [("张海生", "2"), ("王五", "1")]
    assert "将导入 2 户" in dialog.summary.text() and "家庭成员 1 人" in dialog.summary.text()
    assert [row[0] for row in table(dialog.bad)] == ["5"] and "邻居" in table(dialog.bad)[0][1]
    act(qtbot, dialog, Qt.Key.Key_M)
    assert sorted(r.member_count for r in list_households(db)) == [1, 2]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_households_imported_in_the_app_are_paired_with_the_current_cadre(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, tmp_path: Path
) -> None:
    """As a household created in the app is (and as `import-households --cadre` does)."""
    from fieldapp.services import cadres
    from fieldapp.services import settings as ledger_settings

    cadres.add_cadre(db, "孙其他", unit="某单位")  # not this computer's cadre: not paired
    me = cadres.add_cadre(db, "刘干部", unit="兰山区总工会")
    ledger_settings.set_current_cadre(db, me)
    path = the_list(tmp_path / "名单.xlsx", fixed=True)
    window = open_window(qtbot, db, prefs)
    dialog = open_by_keys(qtbot, window)
    dialog.choose_file = lambda: str(path)
    act(qtbot, dialog, Qt.Key.Key_O)
    assert list_households(db) == []
    act(qtbot, dialog, Qt.Key.Key_M)
    rows = list_households(db)
    assert len(rows) == 4
    assert [r.cadre_names for r in rows] == [("刘干部",)] * 4
    assert cadres.pairing_status(db, me).active == 4


def test_rejected_rows_say_why_in_english(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    tmp_path: Path,
    english: None,  # noqa: F811
) -> None:
    """Every reason the importer gives a row (the place, a number Excel lost, a member's sheet)
    in English; only the places' and sheets' own names stay Chinese (they are data)."""
    from tests.test_import_member_sheet import HOUSEHOLDS, workbook

    path = workbook(
        tmp_path / "list.xlsx",
        [
            ["户编号", "户主身份证号", "姓名", "身份证号", "与户主关系"],
            ["H9", "", "李梅", pid(21), "妻子"],  # line 2: no such household number
            ["H1", pid(12), "张小明", pid(22), "儿子"],  # line 3: number and head disagree
            ["", "", "王小红", pid(23), "女儿"],  # line 4: neither given
            ["H3", "", "李小坏", pid(24), "儿子"],  # line 5: its head was not imported
        ],
        households=[
            *HOUSEHOLDS,
            ["H4", "赵六", pid(14), "", "", "杏花村"],  # two villages of that name
            ["H5", "钱七", pid(15), "", "某某镇", "卧茨村"],  # no such township
        ],
    )
    window = open_window(qtbot, db, prefs)
    dialog = window.open_import()
    dialog.choose_file = lambda: str(path)
    dialog.choose()
    wait_ops(qtbot)
    reasons = {r[0]: r[1] for r in table(dialog.bad)}
    assert reasons["4"].startswith("ID number: wrong check digit")
    places = "兰山区柳青街道杏花村村民委员会, 兰山区汪沟镇杏花村村民委员会, 费县费城街道杏花村村民委员会"
    assert reasons["5"] == (
        f"Village (community): there are 3 villages (communities) named “杏花村”: {places}; which one is"
        " meant cannot be told, so this row was not imported. Write the township in the township column (or"
        " before the village's name), then import again"
    )
    assert reasons["6"] == "Township (subdistrict): 临沂市 has no “某某镇”"
    assert reasons["sheet “成员”, row 2"] == (
        "household number “H9” is not in sheet “户” (the member's household cannot be found)"
    )
    assert reasons["sheet “成员”, row 3"] == (
        "household number “H1” does not agree with the head's ID number: the head of household number"
        f" “H1” (sheet “户”, row 2) does not have ID number {pid(12)}; check it, then import again"
    )
    assert reasons["sheet “成员”, row 4"].startswith(
        "neither a household number nor the head's ID number is filled in, so which household of sheet “户”"
    )
    assert reasons["sheet “成员”, row 5"] == (
        "the head of this household (sheet “户”, row 4) was not imported; correct the head's row first"
    )
    for text in reasons.values():  # only data stays Chinese: what the list says (in quotes), places
        rest = re.sub(r"“[^”]*”|临沂市", "", text.replace(places, ""))
        assert not HAN.search(rest), text
