"""Importing a cadre's contact-household list (联系户名单) from real .xlsx and .csv files."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.errors import NotFound, ValidationError
from fieldapp.domain.idcard import check_digit, make_id_number
from fieldapp.domain.vocab import PairingBasis, Sex
from fieldapp.services.cadres import add_cadre, pairing_status
from fieldapp.services.households import HouseholdRow, get_household, list_households
from fieldapp.services.importer import ImportReport, RowProblem, import_households
from fieldapp.storage.db import Database, open_database

# Real Linyi divisions (resources/divisions/china2023, the default region 3713)
TOWNSHIP = "白沙埠镇"  # 371302101, 兰山区
VILLAGE = "卧茨村"  # 371302101208 卧茨村村民委员会
VILLAGE_CODE = "371302101208"
OTHER_VILLAGE = "乔家湖村"  # 371302101209
OTHER_VILLAGE_CODE = "371302101209"

HEADER = ["序号", "户主姓名", "身份证号", "手机号", "乡镇", "村", "备注"]


def pid(seq: int, birth: dt.date = dt.date(1980, 1, 1)) -> str:
    return make_id_number("371302", birth, seq)


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheets: int = 1) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(list(row))
    for i in range(1, sheets):
        wb.create_sheet(f"Sheet{i + 1}")
    wb.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def by_id(db: Database) -> dict[str, HouseholdRow]:
    return {r.head_id_number: r for r in list_households(db)}


def lines(problems: list[RowProblem]) -> list[int]:
    return [p.line for p in problems]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


# --- files and headers --------------------------------------------------------------------------


def test_xlsx_with_title_row_imports_and_reports_unknown_column(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            ["临沂市XX单位结对帮扶联系户名单"],
            [None],
            [
                "序号",
                "户主姓名",
                "身份证号码",
                "手机号（必填）",
                "乡镇（街道）",
                "村（社区）",
                "档案柜号",
                "备注",
            ],
            [1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, "A3", "腿脚不便"],
            [2, "王秀英", pid(124), 13905392345, TOWNSHIP, OTHER_VILLAGE, "A3", None],
        ],
    )
    report = import_households(db, path)

    assert report.imported == 2
    assert report.ok
    assert report.rejected == []
    assert report.unknown_columns == ["档案柜号"]
    rows = by_id(db)
    zhang = rows[pid(123)]
    assert zhang.head_name == "张海生"
    assert zhang.village_code == VILLAGE_CODE
    assert zhang.phone == "+8613805391234"
    assert zhang.missing == ()
    assert rows[pid(124)].village_code == OTHER_VILLAGE_CODE
    assert rows[pid(124)].phone == "+8613905392345"  # a phone Excel stored as a number
    household = get_household(db, zhang.id)
    assert household.source == "import"
    assert household.note == "腿脚不便"
    assert household.pairing_basis == PairingBasis.CONTACT_HOUSEHOLD
    head = household.head
    assert head is not None and head.birth_date == dt.date(1980, 1, 1) and head.sex == Sex.MALE


@pytest.mark.parametrize(
    "header",
    [
        ["姓名", "公民身份号码", "联系电话", "镇街", "村居"],
        ["困难职工姓名", "身份证", "联系方式", "乡镇街道", "村/社区"],
        ["农民工姓名", "身份证号\n（18位）", "电话", "街道", "所在村"],
        ["*户主 姓名", "身份证号*", "手机号码(必填)", "乡镇（街道）", "社区"],
        ["户主", "身份证号码", "手机号", "乡镇", "村（社区）"],
    ],
)
def test_header_variants(db: Database, tmp_path: Path, header: list[str]) -> None:
    path = write_csv(tmp_path / "list.csv", [header, ["张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE]])
    report = import_households(db, path)
    assert (report.imported, report.unknown_columns, report.rejected) == (1, [], [])
    assert by_id(db)[pid(123)].village_code == VILLAGE_CODE


def test_county_address_unit_sex_and_size_columns(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            [
                "编号",
                "户主姓名",
                "性别",
                "身份证号",
                "县（区）",
                "乡镇",
                "村",
                "家庭住址",
                "工作单位",
                "家庭人口",
            ],
            [1, "张海生", "女", pid(123), "兰山区", TOWNSHIP, VILLAGE, "卧茨村3排5号", "临沂某建筑公司", 4],
        ],
    )
    report = import_households(db, path)
    assert report.imported == 1 and report.unknown_columns == []
    household = get_household(db, by_id(db)[pid(123)].id)
    assert household.village_code == VILLAGE_CODE
    assert household.address_detail == "卧茨村3排5号"
    assert household.unit_name == "临沂某建筑公司"
    assert "家庭人口：4人" in household.note
    # the ID number decides the sex; the mismatch is a warning, not a refusal
    assert lines(report.warnings) == [2]
    assert "性别" in report.warnings[0].reason


def test_csv_in_gb18030(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [HEADER, [1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, "困难"]],
        encoding="gb18030",
    )
    report = import_households(db, path)
    assert report.imported == 1
    assert by_id(db)[pid(123)].head_name == "张海生"


def test_csv_in_utf8_without_bom_and_tab_separated(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    text = "\t".join(HEADER) + "\n" + "\t".join(["1", "张海生", pid(123), "", TOWNSHIP, VILLAGE, ""]) + "\n"
    path.write_text(text, encoding="utf-8")
    report = import_households(db, path)
    assert report.imported == 1


def test_header_on_a_later_sheet(db: Database, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    cover = wb.active
    assert cover is not None
    cover.append(["填表说明：身份证号请设为文本格式"])
    data = wb.create_sheet("名单")
    data.append(HEADER)
    data.append([1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, ""])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert import_households(db, path).imported == 1


def test_missing_id_column_fails_whole_file(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx", [["户主姓名", "手机号", "村"], ["张海生", "13805391234", VILLAGE]]
    )
    with pytest.raises(ValidationError) as e:
        import_households(db, path)
    assert "身份证号" in str(e.value)
    assert list_households(db) == []


def test_no_header_row_fails_whole_file(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["a", "b"], ["1", "2"]])
    with pytest.raises(ValidationError) as e:
        import_households(db, path)
    assert "表头" in str(e.value)


def test_unsupported_and_broken_files(db: Database, tmp_path: Path) -> None:
    xls = tmp_path / "list.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="xlsx"):
        import_households(db, xls)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="无法读取"):
        import_households(db, broken)
    with pytest.raises(ValidationError, match="找不到文件"):
        import_households(db, tmp_path / "absent.csv")


# --- rows ---------------------------------------------------------------------------------------


def test_bad_rows_rejected_with_line_and_field_others_kept(db: Database, tmp_path: Path) -> None:
    wrong_check = pid(125)[:17] + ("0" if pid(125)[17] != "0" else "1")
    body = "371302" + "19800230" + "127"
    impossible_birth = body + check_digit(body)
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            ["XX单位联系户名单"],
            HEADER,
            [1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, ""],  # line 3
            [2, "李四", wrong_check, "", TOWNSHIP, VILLAGE, ""],  # line 4
            [3, "王五", impossible_birth, "", TOWNSHIP, VILLAGE, ""],  # line 5
            [4, "赵六", pid(129), "12345", TOWNSHIP, VILLAGE, ""],  # line 6
            [5, "钱七", pid(131), "", TOWNSHIP, "不存在村", ""],  # line 7
            [6, "孙八", pid(133), "", "没有这个镇", VILLAGE, ""],  # line 8
            [7, None, pid(135), "", TOWNSHIP, VILLAGE, ""],  # line 9
            [8, "周九", None, "", TOWNSHIP, VILLAGE, ""],  # line 10
            [9, "吴十", pid(137), "13905392345", TOWNSHIP, OTHER_VILLAGE, ""],  # line 11
        ],
    )
    report = import_households(db, path)

    assert report.imported == 2
    assert not report.ok
    assert lines(report.rejected) == [4, 5, 6, 7, 8, 9, 10]
    reasons = {p.line: p.reason for p in report.rejected}
    assert reasons[4].startswith("身份证号：") and "校验位" in reasons[4]
    assert "身份证号" in reasons[5] and "19800230" in reasons[5] and "不存在" in reasons[5]
    assert "联系电话" in reasons[6] and "12345" in reasons[6]
    assert "村（社区）" in reasons[7] and "不存在村" in reasons[7] and TOWNSHIP in reasons[7]
    assert "乡镇" in reasons[8] and "没有这个镇" in reasons[8]
    assert reasons[9].startswith("姓名：不能为空")
    assert reasons[10] == "身份证号：不能为空"
    assert set(by_id(db)) == {pid(123), pid(137)}
    assert report.summary_zh().splitlines()[0] == "导入 2 户，已存在 0 户，拒绝 7 行"
    assert "第4行：身份证号：" in report.details_zh()


def test_several_problems_in_one_row_are_named_together(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, [1, "", "123", "999", TOWNSHIP, "不存在村", ""]])
    report = import_households(db, path)
    reason = report.rejected[0].reason
    for label in ("姓名", "身份证号", "联系电话", "村（社区）"):
        assert label in reason


def test_missing_village_imports_incomplete(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            HEADER,
            [1, "张海生", pid(123), "13805391234", "", "", ""],
            [2, "王秀英", pid(124), "", TOWNSHIP, VILLAGE, ""],  # no phone: also incomplete
            [3, "吴十", pid(125), "13905392345", TOWNSHIP, VILLAGE, ""],
        ],
    )
    report = import_households(db, path)
    assert (report.imported, report.incomplete) == (3, 2)
    assert report.ok
    assert report.summary_zh().startswith("导入 3 户（其中 2 户信息不完整，待补充），已存在 0 户，拒绝 0 行")
    household = get_household(db, by_id(db)[pid(123)].id)
    assert "village_code" in household.missing_fields
    assert not household.complete
    assert by_id(db)[pid(124)].missing == ("phone",)


def test_ambiguous_village_without_township_is_rejected_with_candidates(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["户主姓名", "身份证号", "手机号", "县区", "乡镇", "村"],
            ["张海生", pid(123), "13805391234", "兰山区", "", "杏花村"],  # 柳青街道 and 汪沟镇 both have one
            ["王秀英", pid(124), "13805391235", "兰山区", "汪沟镇", "杏花村"],
        ],
    )
    report = import_households(db, path)
    assert report.imported == 1 and not report.ok
    assert lines(report.rejected) == [2]
    reason = report.rejected[0].reason
    assert "“杏花村”有2个同名的村（社区）" in reason
    assert "柳青街道杏花村村民委员会" in reason and "汪沟镇杏花村村民委员会" in reason
    assert pid(123) not in by_id(db)  # not imported without its village
    assert by_id(db)[pid(124)].village_code == "371302110239"
    # the row fixed in the file imports on the next run; the other is not imported twice
    write_csv(
        path,
        [
            ["户主姓名", "身份证号", "手机号", "县区", "乡镇", "村"],
            ["张海生", pid(123), "13805391234", "兰山区", "柳青街道", "杏花村"],
            ["王秀英", pid(124), "13805391235", "兰山区", "汪沟镇", "杏花村"],
        ],
    )
    again = import_households(db, path)
    assert (again.imported, again.already_present, again.ok) == (1, 1, True)
    assert by_id(db)[pid(123)].village_code == "371302004256"


def test_village_found_without_township_and_across_same_named_townships(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            HEADER,
            [1, "张海生", pid(123), "13805391234", "", "卧茨村村民委员会", ""],
            # 高都 is both 高都街道 (罗庄区) and 高都镇 (蒙阴县); the village tells them apart
            [2, "王秀英", pid(124), "13805391235", "高都", "东高都村", ""],
            [3, "吴十", pid(125), "13805391236", "", "白沙埠镇乔家湖村", ""],
        ],
    )
    report = import_households(db, path)
    assert report.imported == 3 and report.warnings == []
    rows = by_id(db)
    assert rows[pid(123)].village_code == VILLAGE_CODE
    assert rows[pid(124)].village_code == "371311007218"
    assert rows[pid(125)].village_code == OTHER_VILLAGE_CODE


def test_village_code_in_village_column(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            HEADER,
            [1, "张海生", pid(123), "13805391234", None, int(VILLAGE_CODE), None],
            [2, "王秀英", pid(124), "13805391235", None, "371302101999", None],
            [3, "吴十", pid(125), "13805391236", "高都街道", VILLAGE_CODE, None],
        ],
    )
    report = import_households(db, path)
    assert report.imported == 1
    assert by_id(db)[pid(123)].village_code == VILLAGE_CODE
    assert lines(report.rejected) == [3, 4]
    assert "371302101999" in report.rejected[0].reason
    assert "不属于高都街道" in report.rejected[1].reason


def test_county_names_and_second_phone(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["户主姓名", "身份证号", "区县", "乡镇", "村", "联系电话"],
            ["张海生", pid(123), "临沂市兰山区", TOWNSHIP, VILLAGE, "13805391234/0539-8123456"],
            ["王秀英", pid(124), "兰山", TOWNSHIP, OTHER_VILLAGE, "１３８０５３９１２３５"],
            ["吴十", pid(125), "高新区", "", "", ""],
        ],
    )
    report = import_households(db, path)
    assert (report.imported, report.rejected) == (3, [])
    rows = by_id(db)
    assert rows[pid(123)].phone == "+8613805391234"
    assert "其他电话：0539-8123456" in get_household(db, rows[pid(123)].id).note
    assert rows[pid(124)].phone == "+8613805391235"  # full-width digits


def test_unknown_county_rejected(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [["户主姓名", "身份证号", "县区", "乡镇", "村"], ["张海生", pid(123), "历下区", TOWNSHIP, VILLAGE]],
    )
    report = import_households(db, path)
    assert report.rejected == [
        RowProblem(2, "县区：“历下区”不在本机的工作地区（临沂市）内：它是山东省济南市历下区")
    ]


def test_blank_rows_template_numbers_and_footer_skipped(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            HEADER,
            [1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, ""],
            [None] * 7,
            [2, "王秀英", pid(124), "12", TOWNSHIP, VILLAGE, ""],  # line 4: counted with the blank row
            [3, None, None, None, None, None, None],  # a numbered but empty template row
            [None, "填表人：李华", None, None, None, None, None],
            [None, None, None, None, None, None, "审核人：王强"],
        ],
    )
    report = import_households(db, path)
    assert report.imported == 1
    assert lines(report.rejected) == [4]


# --- ID numbers ---------------------------------------------------------------------------------


def test_fifteen_digit_id_converted(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv", [HEADER, [1, "张海生", "371302800101123", "", TOWNSHIP, VILLAGE, ""]]
    )
    report = import_households(db, path)
    assert report.imported == 1
    assert set(by_id(db)) == {"371302198001011239"}
    assert pid(123) == "371302198001011239"


def test_numeric_id_cells(db: Database, tmp_path: Path) -> None:
    """Excel keeps 15 significant digits: an 18-digit number loses its last digits."""
    exact, typed = pid(125), pid(127)
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            HEADER,
            [1, "张海生", 371302800101123, "", TOWNSHIP, VILLAGE, ""],  # 15 digits: exact as a number
            [2, "王秀英", float(typed), "", TOWNSHIP, VILLAGE, ""],  # what Excel does to 18 digits
            [3, "吴十", 999999999999999999, "", TOWNSHIP, VILLAGE, ""],  # placeholder, patched below
        ],
    )
    # A file written by another program may hold all 18 digits as a number; openpyxl reads an int.
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].decode()
    placeholder = xml[xml.index('r="C4"') :].split("<v>", 1)[1].split("</v>", 1)[0]
    parts[sheet] = xml.replace(f"<v>{placeholder}</v>", f"<v>{exact}</v>").encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)

    report = import_households(db, path)
    assert report.imported == 2
    assert set(by_id(db)) == {"371302198001011239", exact}
    assert lines(report.rejected) == [3]
    reason = report.rejected[0].reason
    assert reason.startswith("身份证号：") and "数字" in reason and "文本" in reason


def test_id_shown_in_scientific_notation_in_csv(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, [1, "张海生", "3.71302E+17", "", TOWNSHIP, VILLAGE, ""]])
    report = import_households(db, path)
    assert report.imported == 0
    assert "3.71302E+17" in report.rejected[0].reason and "数字" in report.rejected[0].reason


def test_id_with_lowercase_x_and_spaces(db: Database, tmp_path: Path) -> None:
    number = next(pid(n) for n in range(101, 999, 2) if pid(n).endswith("X"))
    written = f"{number[:6]} {number[6:14]} {number[14:17]}x"
    path = write_csv(tmp_path / "list.csv", [HEADER, [1, "张海生", written, "", TOWNSHIP, VILLAGE, ""]])
    assert import_households(db, path).imported == 1
    assert set(by_id(db)) == {number}


# --- duplicates ---------------------------------------------------------------------------------


def test_importing_same_file_twice_imports_nothing_new(db: Database, tmp_path: Path) -> None:
    rows = [HEADER] + [[i, f"户主{i}", pid(101 + 2 * i), "", TOWNSHIP, VILLAGE, ""] for i in range(3)]
    path = write_xlsx(tmp_path / "list.xlsx", rows)
    first = import_households(db, path)
    second = import_households(db, path)
    assert (first.imported, first.already_present) == (3, 0)
    assert (second.imported, second.already_present) == (0, 3)
    assert second.ok
    assert "已存在 3 户" in second.summary_zh()
    assert len(list_households(db)) == 3


def test_same_id_twice_in_one_file(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            HEADER,
            [1, "张海生", pid(123), "", TOWNSHIP, VILLAGE, ""],
            [2, "王秀英", pid(124), "", TOWNSHIP, VILLAGE, ""],
            [3, "张海生", pid(123), "", TOWNSHIP, VILLAGE, ""],
        ],
    )
    report = import_households(db, path)
    assert (report.imported, report.already_present) == (2, 1)
    assert report.ok
    assert lines(report.warnings) == [4] and "第2行" in report.warnings[0].reason
    assert len(list_households(db)) == 2


def test_already_registered_under_another_name_warns(db: Database, tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", [HEADER, [1, "张海生", pid(123), "", TOWNSHIP, VILLAGE, ""]])
    write_csv(tmp_path / "b.csv", [HEADER, [1, "张海升", pid(123), "", TOWNSHIP, VILLAGE, ""]])
    import_households(db, tmp_path / "a.csv")
    report = import_households(db, tmp_path / "b.csv")
    assert report.already_present == 1
    assert "张海生" in report.warnings[0].reason and "张海升" in report.warnings[0].reason


# --- pairing ------------------------------------------------------------------------------------


def test_pairs_with_cadre_up_to_four_then_warns(db: Database, tmp_path: Path) -> None:
    cadre = add_cadre(db, "李华", unit="兰山区总工会")
    rows = [HEADER] + [[i, f"户主{i}", pid(101 + 2 * i), "", TOWNSHIP, VILLAGE, ""] for i in range(1, 6)]
    path = write_csv(tmp_path / "list.csv", rows)
    report = import_households(db, path, cadre_id=cadre)

    assert report.imported == 5
    assert report.ok
    assert pairing_status(db, cadre).active == 4
    assert lines(report.warnings) == [6]
    assert "4户" in report.warnings[0].reason and "未与该干部结对" in report.warnings[0].reason
    paired = {r.head_id_number: r.cadre_names for r in list_households(db)}
    assert paired[pid(103)] == ("李华",)
    assert paired[pid(111)] == ()  # the fifth household is imported, not paired


def test_unknown_cadre_refused_before_reading(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, [1, "张海生", pid(123), "", TOWNSHIP, VILLAGE, ""]])
    with pytest.raises(NotFound):
        import_households(db, path, cadre_id="no-such-cadre")
    assert list_households(db) == []


def test_unit_employee_basis_needs_unit(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["姓名", "身份证号", "所在单位"],
            ["张海生", pid(123), "临沂某建筑公司"],
            ["王秀英", pid(124), ""],
        ],
    )
    report = import_households(db, path, pairing_basis=PairingBasis.UNIT_EMPLOYEE)
    assert report.imported == 1
    assert lines(report.rejected) == [3] and "所在单位" in report.rejected[0].reason


def test_report_summary_lists_details() -> None:
    report = ImportReport(
        imported=12,
        already_present=2,
        incomplete=3,
        rejected=[RowProblem(5, "身份证号：不能为空")],
        unknown_columns=["帮扶干部"],
        warnings=[RowProblem(7, "与第3行身份证号相同，未重复导入")],
    )
    assert report.summary_zh().splitlines()[0] == (
        "导入 12 户（其中 3 户信息不完整，待补充），已存在 2 户，拒绝 1 行"
    )
    text = report.details_zh()
    assert text.startswith(report.summary_zh())
    assert "帮扶干部" in text and "第5行：身份证号：不能为空" in text and "第7行" in text
    assert not report.ok
    assert ImportReport(imported=1).ok


# --- the columns offices have -------------------------------------------------------------------


def test_cause_income_category_helper_contact_and_note_columns(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            [
                "户主姓名",
                "身份证号",
                "乡镇",
                "村",
                "致困原因",
                "家庭人口",
                "家庭年收入（元）",
                "困难类别",
                "结对干部",
                "联系人",
                "备注",
                "档案柜",
            ],
            [
                "张海生",
                pid(123),
                TOWNSHIP,
                VILLAGE,
                "因病、子女上学",
                "4",
                "1.2万",
                "深度困难",
                "李干部",
                "张小海",
                "低保户",
                "A3",
            ],
            ["王秀英", pid(124), TOWNSHIP, VILLAGE, "大病", "", "8000", "", "", "", "", ""],
            ["吴十", pid(125), TOWNSHIP, VILLAGE, "残疾/失业", "", "", "", "", "", "", ""],
            ["赵六", pid(126), TOWNSHIP, VILLAGE, "意外", "", "", "", "", "", "", ""],
            ["钱七", pid(127), TOWNSHIP, VILLAGE, "灾害", "", "", "", "", "", "", ""],
            ["孙八", pid(128), TOWNSHIP, VILLAGE, "祖上传下", "", "很少", "很难", "", "", "", ""],
        ],
    )
    report = import_households(db, path)
    assert (report.imported, report.rejected) == (6, [])
    assert report.unknown_columns == ["档案柜"]
    assert "未识别的列（已忽略）：档案柜" in report.details_zh()
    rows = by_id(db)
    note = get_household(db, rows[pid(123)].id).note
    assert "名单中致困原因：患重特大疾病（6）、子女上学（9）" in note
    assert "名单中家庭年收入：12000元" in note
    assert "名单中困难类别：深度困难" in note
    assert "名单中帮扶责任人：李干部" in note
    assert "联系人：张小海" in note
    assert "低保户" in note and "名单中家庭人口：4人" in note
    assert "患重特大疾病（6）" in get_household(db, rows[pid(124)].id).note
    assert "名单中家庭年收入：8000元" in get_household(db, rows[pid(124)].id).note
    assert "无劳动能力（1）、下岗失业（3）" in get_household(db, rows[pid(125)].id).note
    assert "遭受意外事故（8）" in get_household(db, rows[pid(126)].id).note
    assert "遭受自然灾害（7）" in get_household(db, rows[pid(127)].id).note
    odd = [w.reason for w in report.warnings if w.line == 7]
    assert any("致困原因“祖上传下”对应不到标准原因" in w for w in odd)
    assert any("家庭年收入“很少”不是金额" in w for w in odd)
    assert any("困难类别“很难”" in w for w in odd)
    assert "名单中致困原因原文：祖上传下" in get_household(db, rows[pid(128)].id).note


@pytest.mark.parametrize(
    ("wording", "code"),
    [
        ("因病", 6),
        ("大病", 6),
        ("残疾", 1),
        ("子女上学", 9),
        ("失业", 3),
        ("下岗失业", 3),
        ("意外", 8),
        ("灾害", 7),
        ("有劳动能力未就业", 2),
        ("未参保", 4),
        ("社保待遇落实不到位", 5),
        ("其他", 10),
        ("6", 6),
    ],
)
def test_cause_wordings_map_to_codes(wording: str, code: int) -> None:
    from fieldapp.services.import_columns import cause_of

    cause = cause_of(wording)
    assert cause is not None and int(cause) == code


# --- members ------------------------------------------------------------------------------------


def test_members_layout_grouped_by_head_id_number(db: Database, tmp_path: Path) -> None:
    child = make_id_number("371302", dt.date(2010, 5, 1), 201)
    rows = [
        ["姓名", "身份证号", "与户主关系", "户主身份证号", "乡镇", "村"],
        ["李梅", pid(301), "妻子", pid(300), "", ""],  # before the head's row: grouped by the head's ID
        ["张大山", pid(300), "户主", pid(300), TOWNSHIP, VILLAGE],
        ["张小山", child, "子", pid(300), "", ""],
        ["王秀英", pid(310), "本人", pid(310), TOWNSHIP, VILLAGE],
        ["王某", "", "侄子", pid(310), "", ""],
        ["无主", pid(320), "女", pid(399), "", ""],
        ["怪关系", pid(321), "邻居", pid(310), "", ""],
    ]
    path = write_xlsx(tmp_path / "members.xlsx", rows)
    report = import_households(db, path)
    assert (report.imported, report.members_imported) == (2, 3)
    assert "家庭成员 3 人" in report.summary_zh()
    assert lines(report.rejected) == [7, 8]
    assert "找不到本人所属的户" in report.rejected[0].reason
    assert "与户主关系：“邻居”无法识别" in report.rejected[1].reason
    zhang = get_household(db, by_id(db)[pid(300)].id)
    members = {m.name: m.relation for m in zhang.members}
    assert members == {"张大山": "户主", "李梅": "配偶", "张小山": "儿子"}
    wang = get_household(db, by_id(db)[pid(310)].id)
    assert {m.name for m in wang.members} == {"王秀英", "王某"}

    again = import_households(db, path)  # nothing imported twice
    assert (again.imported, again.members_imported, again.already_present) == (0, 0, 2)
    assert len(get_household(db, by_id(db)[pid(300)].id).members) == 3


def test_members_layout_grouped_by_household_number_or_order(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "members.csv",
        [
            ["户编号", "姓名", "身份证号", "与户主关系", "乡镇", "村"],
            ["1", "张大山", pid(300), "户主", TOWNSHIP, VILLAGE],
            ["2", "王秀英", pid(310), "户主", TOWNSHIP, VILLAGE],
            ["1", "李梅", pid(301), "配偶", "", ""],
            ["", "吴十", pid(320), "户主", TOWNSHIP, VILLAGE],
            ["", "吴小", pid(321), "女儿", "", ""],  # no number: under the head above it
        ],
    )
    report = import_households(db, path)
    assert (report.imported, report.members_imported, report.rejected) == (3, 2, [])
    assert {m.name for m in get_household(db, by_id(db)[pid(300)].id).members} == {"张大山", "李梅"}
    assert {m.name for m in get_household(db, by_id(db)[pid(320)].id).members} == {"吴十", "吴小"}


# --- files --------------------------------------------------------------------------------------

DATA = Path(__file__).parent / "data"


def test_old_xls_with_merged_title_and_number_id(db: Database, tmp_path: Path) -> None:
    # tests/data/household_list.xls: Excel 97–2003 (BIFF8) written by xlwt; merged title row, a
    # blank row, then the header; the second ID number was stored as a number (3.71302198001012E+17)
    report = import_households(db, DATA / "household_list.xls")
    assert report.imported == 1
    assert by_id(db)["371302198001010017"].village_code == VILLAGE_CODE
    assert lines(report.rejected) == [5]
    assert "被存成了数字" in report.rejected[0].reason and "后几位已丢失" in report.rejected[0].reason
    again = import_households(db, DATA / "household_list.xls")
    assert (again.imported, again.already_present) == (0, 1)


def test_xls_that_is_really_html_is_read(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(
        "<html><head><meta charset='gbk'></head><body><table>"
        "<tr><td colspan=4>联系户名单</td></tr>"
        f"<tr><th>户主姓名</th><th>身份证号</th><th>乡镇</th><th>村</th></tr>"
        f"<tr><td>张海生</td><td>{pid(123)}</td><td>{TOWNSHIP}</td><td>{VILLAGE}</td></tr>"
        "</table></body></html>",
        encoding="gb18030",
    )
    report = import_households(db, path)
    assert (report.imported, report.rejected) == (1, [])
    empty = tmp_path / "empty.xls"
    empty.write_text("<html><body><p>没有数据</p></body></html>", encoding="utf-8")
    with pytest.raises(ValidationError, match="实际是网页文件，其中没有表格"):
        import_households(db, empty)


def test_broken_xls_and_empty_sheet_are_reported(db: Database, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0not really a workbook" * 10)
    with pytest.raises(ValidationError, match=r"不是有效的 \.xls 表格"):
        import_households(db, broken)
    empty = write_xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(ValidationError, match="找不到表头行"):
        import_households(db, empty)
    assert list_households(db) == []


def test_fifty_megabyte_file_is_refused_quickly(db: Database, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.write("户主姓名,身份证号\n".encode())
        f.truncate(50_000_000)  # sparse: no 50 MB written to disk
    with pytest.raises(ValidationError, match=r"文件过大（50.0 MB），名单文件最大 20 MB"):
        import_households(db, big)


def test_two_header_rows(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            ["序号", "户主姓名", "身份证号", "所在地", None],
            [None, None, None, "乡镇", "村"],
            [1, "张海生", pid(123), TOWNSHIP, VILLAGE],
        ],
    )
    report = import_households(db, path)
    assert (report.imported, report.rejected, report.unknown_columns) == (1, [], [])
    assert by_id(db)[pid(123)].village_code == VILLAGE_CODE


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(db: Database, tmp_path: Path, encoding: str) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [HEADER, [1, "张海生", pid(123), "13805391234", TOWNSHIP, VILLAGE, "腿脚不便"]],
        encoding,
    )
    report = import_households(db, path)
    assert (report.imported, report.rejected) == (1, [])
    assert by_id(db)[pid(123)].head_name == "张海生"
