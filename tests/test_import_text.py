"""Long notes and rare characters (吉𠮷䶮) through the importer: stored exactly, problems name the row."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from fieldapp.domain.idcard import make_id_number
from fieldapp.services.households import get_household, list_households, live_members
from fieldapp.services.importer import import_households
from fieldapp.storage.db import Database
from fieldapp.storage.models import OutboxEntry

HEADER = ["户主姓名", "身份证号", "手机号", "乡镇", "村", "备注"]
# 𠮷 (U+20BB7) is outside the Basic Multilingual Plane: four bytes in UTF-8 and in GB18030;
# 䶮 (U+4DAE) is in CJK Extension A, which GBK does not have but GB18030 does
NAMES = ["吉𠮷", "刘䶮", "𠮷𠮷䶮"]
LONG_NOTE = ("家中老人患病，子女上学；𠮷䶮吉。" * 200)[:2000]


def pid(seq: int) -> str:
    return make_id_number("371302", dt.date(1980, 1, 1), seq)


def rows() -> list[list[object]]:
    return [
        HEADER,
        [NAMES[0], pid(11), "13805391234", "白沙埠镇", "卧茨村", LONG_NOTE],
        [NAMES[1], pid(12), "13805391235", "白沙埠镇", "卧茨村", "备注里有𠮷字"],
        [NAMES[2], pid(13)[:-1] + "0", "13805391236", "白沙埠镇", "卧茨村", "校验位错"],  # refused
        ["𠮷" * 51, pid(14), "13805391237", "白沙埠镇", "卧茨村", ""],  # refused: name too long
    ]


def write_csv(path: Path, data: Sequence[Sequence[object]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(data)
    return path


def write_xlsx(path: Path, data: Sequence[Sequence[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in data:
        ws.append(list(row))
    wb.save(path)
    return path


@pytest.mark.parametrize("kind", ["gb18030", "utf-8-sig", "xlsx"])
def test_rare_characters_and_long_note_are_stored_exactly(db: Database, tmp_path: Path, kind: str) -> None:
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "名单𠮷.xlsx", rows())
    else:
        path = write_csv(tmp_path / "名单.csv", rows(), kind)
        assert kind != "gb18030" or path.read_bytes().decode("gb18030").count("𠮷") > 0
    report = import_households(db, path)
    assert report.imported == 2
    by_id = {r.head_id_number: r for r in list_households(db)}
    first = get_household(db, by_id[pid(11)].id)
    assert [m.name for m in live_members(first)] == ["吉𠮷"]
    assert first.note == LONG_NOTE and len(first.note) == 2000
    assert by_id[pid(12)].head_name == "刘䶮"
    assert get_household(db, by_id[pid(12)].id).note == "备注里有𠮷字"
    # what is synced carries the same characters
    with db.session() as s:
        payloads = [json.loads(e.payload) for e in s.scalars(select(OutboxEntry))]
    assert {"吉𠮷", "刘䶮"} <= {p.get("name") for p in payloads}
    assert LONG_NOTE in [p.get("note") for p in payloads]
    # the refused rows are named by their line, with the name as written
    assert [p.line for p in report.rejected] == [4, 5]
    assert "身份证号" in report.rejected[0].reason
    assert "姓名：过长（最多50字）" in report.rejected[1].reason
    assert "第4行：" in report.details_zh()
    # nothing lost, nothing twice: the same file again imports nothing new
    again = import_households(db, path)
    assert (again.imported, again.already_present) == (0, 2)


def test_rare_characters_in_a_gbk_only_reader_are_not_garbled(db: Database, tmp_path: Path) -> None:
    """A GB18030 file is never read as GBK (which has no 䶮): the name arrives whole or not at all."""
    path = write_csv(
        tmp_path / "名单.csv", [HEADER, ["刘䶮", pid(21), "13805391234", "白沙埠镇", "卧茨村", ""]], "gb18030"
    )
    with pytest.raises(UnicodeEncodeError):
        "刘䶮".encode("gbk")
    report = import_households(db, path)
    assert report.imported == 1
    assert [r.head_name for r in list_households(db)] == ["刘䶮"]
