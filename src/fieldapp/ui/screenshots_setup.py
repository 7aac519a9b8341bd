"""Screenshots of getting started (part of `python -m fieldapp.ui.screenshots`): the first-run
wizard's enrolment page with its working-region picker, and 文件 → 导入困难户名单 with the
preview of an office's list — households it would create and the rows it would reject, with
their reasons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fieldapp.domain.idcard import make_id_number
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts
from fieldapp.ui.main_window import MainWindow


def office_list(path: Path) -> Path:
    """A contact-household list as a county office writes it: a title row, place names in
    several styles, a former county name, an ID number Excel turned into a number, a wrong check
    digit and a village name two townships share."""
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "联系户名单"
    sheet.append(["兰山区2026年困难农民工联系户名单"])
    sheet.append(
        ["序号", "户主姓名", "身份证号", "联系电话", "乡镇（街道）", "村（社区）", "致困原因", "家庭人口"]
    )
    good = [
        ("王秀兰", "兰山区白沙埠镇", "卧茨村", "因病", 4),
        ("李𠮷祥", "白沙埠", "卧茨村委会", "子女上学", 5),
        ("张桂芳", "苍山县卞庄街道", "泇河社区", "残疾", 3),
        ("刘建国", "汪沟镇", "杏花村", "失业", 2),
    ]
    for i, (name, town, village, cause, size) in enumerate(good, 1):
        pid = make_id_number("371302", dt.date(1968 + i, 3, i), 20 + i)
        sheet.append([i, name, pid, f"1380539{i:04d}", town, village, cause, size])
    wrong = make_id_number("371302", dt.date(1975, 5, 6), 31)
    wrong = wrong[:-1] + ("0" if wrong[-1] != "0" else "1")
    sheet.append([5, "赵明", wrong, "13805390005", "白沙埠镇", "卧茨村", "因病", 3])
    sheet.append([6, "孙丽", 3.71302198001e17, "13805390006", "白沙埠镇", "卧茨村", "大病", 2])
    sheet.append(
        [7, "周强", make_id_number("371302", dt.date(1980, 7, 8), 41), "13805390007", "", "杏花村", "", 4]
    )
    book.save(path)
    return path


def setup_shots(
    window: MainWindow,
    db: Database,
    prefs: opts.AppSettings,
    tmp: Path,
    out: Path,
    shoot: Callable[[QWidget, Path], None],
    settle: Callable[[], None],
) -> None:
    """Each dialog at the size it opens with (the import dialog asks for 900x600), not shrunk."""
    from fieldapp.ui.first_run import FirstRunWizard
    from fieldapp.ui.first_run_state import PAGE_ENROL

    dialog = window.open_import()
    dialog.path = office_list(tmp / "兰山区联系户名单.xlsx")
    dialog.file_label.setText(dialog.tr("文件：%1").replace("%1", dialog.path.name))
    dialog.reread()
    settle()
    shoot(dialog, out / "26-import-preview.png")
    dialog.done(0)

    wizard = FirstRunWizard(prefs, tmp / "wizard-shot", db, window)
    wizard.setStartId(PAGE_ENROL)
    wizard.restart()
    wizard.resize(900, 600)
    wizard.show()
    shoot(wizard, out / "27-first-run-region.png")
    wizard.done(0)
