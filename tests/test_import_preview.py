"""The import's dry run (the desktop app's preview): the same code path as the import, nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.test_importer import HEADER, TOWNSHIP, VILLAGE, VILLAGE_CODE, pid, write_xlsx

from fieldapp.domain.idcard import make_id_number
from fieldapp.services import audit
from fieldapp.services.cadres import add_cadre, pairing_status
from fieldapp.services.households import list_households
from fieldapp.services.importer import import_households
from fieldapp.storage.db import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _wrong_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def _audit_count(db: Database) -> int:
    return len(audit.recent(db, limit=10000))


def test_dry_run_reports_like_the_import_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            HEADER,
            [1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, ""],  # line 2
            [2, "李四", _wrong_check(pid(125)), "", TOWNSHIP, VILLAGE, ""],  # line 3
            [3, "王秀英", pid(127), "", "", "杏花村", ""],  # line 4: two villages of that name
            [4, "张海生", pid(123), "", TOWNSHIP, VILLAGE, ""],  # line 5: the same person again
        ],
    )
    cadre = add_cadre(db, "王芳", "临沂市总工会")
    before = _audit_count(db)
    preview = import_households(db, path, cadre_id=cadre, dry_run=True)

    assert preview.dry_run
    assert list_households(db) == []
    assert pairing_status(db, cadre).active == 0
    assert _audit_count(db) == before
    assert [(h.line, h.head_name, h.id_number, h.village_code, h.members) for h in preview.households] == [
        (2, "张海生", pid(123), VILLAGE_CODE, 1)
    ]
    assert [p.line for p in preview.rejected] == [3, 4]
    assert "校验位" in preview.rejected[0].reason and "同名的村（社区）" in preview.rejected[1].reason

    report = import_households(db, path, cadre_id=cadre)  # the real import says the same
    assert (report.imported, report.already_present, report.rejected) == (
        preview.imported,
        preview.already_present,
        preview.rejected,
    )
    assert [h.id_number for h in report.households] == [pid(123)]
    assert {r.head_id_number for r in list_households(db)} == {pid(123)}

    again = import_households(db, path, dry_run=True)  # after the import: nothing new to import
    assert again.households == [] and again.already_present == 2


def test_dry_run_of_a_members_layout_counts_each_households_members(db: Database, tmp_path: Path) -> None:
    child = make_id_number("371302", dt.date(2010, 3, 1), 141)
    path = write_xlsx(
        tmp_path / "members.xlsx",
        [
            ["户主姓名", "身份证号", "乡镇", "村", "与户主关系"],
            ["张海生", pid(123), TOWNSHIP, VILLAGE, "户主"],
            ["李梅", pid(139), TOWNSHIP, VILLAGE, "妻子"],
            ["张小明", child, TOWNSHIP, VILLAGE, "儿子"],
            ["王五", pid(143), TOWNSHIP, VILLAGE, "户主"],
        ],
    )
    preview = import_households(db, path, dry_run=True)
    assert [(h.head_name, h.members) for h in preview.households] == [("张海生", 3), ("王五", 1)]
    assert preview.members_imported == 2 and preview.rejected == []
    assert list_households(db) == []
    report = import_households(db, path)
    assert [(h.head_name, h.members) for h in report.households] == [("张海生", 3), ("王五", 1)]
    assert sorted(r.member_count for r in list_households(db)) == [1, 3]
