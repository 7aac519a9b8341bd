"""Members on a second sheet of the workbook (户 sheet + 成员 sheet), tied by 户编号 or 户主身份证号."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from fieldapp.domain.idcard import make_id_number
from fieldapp.services.households import get_household, list_households, live_members
from fieldapp.services.importer import import_households
from fieldapp.storage.db import Database


def pid(seq: int, birth: dt.date = dt.date(1980, 1, 1)) -> str:
    return make_id_number("371302", birth, seq)


def child(seq: int) -> str:
    return pid(seq, dt.date(2010, 6, 1))


HOUSEHOLDS = [
    ["户编号", "户主姓名", "身份证号", "手机号", "乡镇", "村"],
    ["H1", "张海生", pid(11), "13805391234", "白沙埠镇", "卧茨村"],
    ["H2", "王秀英", pid(12), "13805391235", "白沙埠镇", "卧茨村"],
    [
        "H3",
        "李坏号",
        pid(13)[:-1] + ("0" if pid(13)[-1] != "0" else "1"),
        "13805391236",
        "白沙埠镇",
        "卧茨村",
    ],
]


def workbook(
    path: Path, members: Sequence[Sequence[object]], households: Sequence[Sequence[object]] = HOUSEHOLDS
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "户"
    for row in households:
        ws.append(list(row))
    second = wb.create_sheet("成员")
    for row in members:
        second.append(list(row))
    wb.save(path)
    return path


def members_of(db: Database, head_id: str) -> dict[str, str]:
    row = next(r for r in list_households(db) if r.head_id_number == head_id)
    return {m.name: m.relation.value for m in live_members(get_household(db, row.id))}


def test_members_on_a_second_sheet_by_household_code_and_by_head_id(db: Database, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "名单.xlsx",
        [
            ["户编号", "户主身份证号", "姓名", "身份证号", "与户主关系"],
            ["H1", "", "李梅", pid(21), "妻子"],
            ["H1", pid(11), "张小明", child(22), "儿子"],
            ["", pid(12), "王小红", child(23), "女儿"],
            ["H2", "", "王秀英", pid(12), "户主"],  # the head listed again: not added twice
        ],
    )
    report = import_households(db, path)
    assert report.rejected and [(p.sheet, p.line) for p in report.rejected] == [("", 4)]  # the bad head
    assert (report.imported, report.members_imported) == (2, 3)
    assert members_of(db, pid(11)) == {"张海生": "户主", "李梅": "配偶", "张小明": "儿子"}
    assert members_of(db, pid(12)) == {"王秀英": "户主", "王小红": "女儿"}
    again = import_households(db, path)  # nothing twice
    assert (again.imported, again.members_imported) == (0, 0)
    assert members_of(db, pid(11)) == {"张海生": "户主", "李梅": "配偶", "张小明": "儿子"}


def test_orphans_and_mismatches_on_the_members_sheet_are_named(db: Database, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "名单.xlsx",
        [
            ["户编号", "户主身份证号", "姓名", "身份证号", "与户主关系"],
            ["", "", "无主", child(31), "儿子"],  # 2: neither code nor head
            ["H9", "", "走错户", child(32), "女儿"],  # 3: no such code
            ["H1", pid(12), "对不上", child(33), "儿子"],  # 4: code and head disagree
            ["", pid(99), "外人", child(34), "儿子"],  # 5: head not in the list nor registered
            ["H3", "", "坏户主的孩子", child(35), "儿子"],  # 6: the head's row was refused
            ["H1", "", "邻居家", child(36), "邻居"],  # 7: relation not understood
            ["H1", "", "李梅", pid(21), "妻子"],  # 8: fine
        ],
    )
    report = import_households(db, path)
    problems = {p.line: str(p) for p in report.rejected if p.sheet == "成员"}
    assert sorted(problems) == [2, 3, 4, 5, 6, 7]
    assert problems[2].startswith("“成员”表第2行：没有填写户编号或户主身份证号")
    assert "户编号“H9”在“户”表中不存在" in problems[3]
    assert "户编号“H1”与户主身份证号不一致：“户”表第2行" in problems[4]
    assert f"户主身份证号 {pid(99)} 在“户”表中找不到，本机也没有登记此人" in problems[5]
    assert "所属户的户主（“户”表第4行）未导入，请先改正户主行" in problems[6]
    assert "与户主关系：“邻居”无法识别" in problems[7]
    assert "“成员”表第3行" in report.details_zh()
    assert members_of(db, pid(11)) == {"张海生": "户主", "李梅": "配偶"}
    # nothing lost: the fixed rows import on the next run, the others are not added twice
    fixed = workbook(
        tmp_path / "改正.xlsx",
        [
            ["户编号", "户主身份证号", "姓名", "身份证号", "与户主关系"],
            ["H1", "", "无主", child(31), "儿子"],
            ["H1", "", "李梅", pid(21), "妻子"],
        ],
    )
    again = import_households(db, fixed)
    assert again.members_imported == 1 and [p.sheet for p in again.rejected] == [""]
    assert members_of(db, pid(11)) == {"张海生": "户主", "李梅": "配偶", "无主": "儿子"}
