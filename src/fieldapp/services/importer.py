"""Import a cadre's contact-household list (联系户名单) from .xlsx or .csv.

Units hand their cadres the list as a spreadsheet made by hand in Chinese Excel or WPS: a title
row above the header, headers such as "手机号（必填）", ID numbers that Excel turned into
3.71302E+17, CSV saved in GBK. Each data row becomes one household with its head, created in its
own transaction so one bad row never loses the others; every row that is not imported is reported
with its line number and a Chinese reason naming the field.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fieldapp.domain import vocab
from fieldapp.domain.errors import FieldProblem, RuleViolation, ValidationError
from fieldapp.domain.people import HouseholdData, MemberData, normalize_household, normalize_member
from fieldapp.domain.vocab import Relation
from fieldapp.services import audit
from fieldapp.services.common import get_live
from fieldapp.services.households import (
    Saved,
    add_member,
    add_member_in,
    create_household,
    create_household_in,
    find_member_by_id_number,
    get_household,
    live_members,
    new_household_rows,
)
from fieldapp.services.import_columns import list_facts
from fieldapp.services.import_files import read_xls
from fieldapp.services.import_members import group_key, relation_of
from fieldapp.services.import_places import Place as _Place
from fieldapp.services.import_places import resolve_place as _resolve_place
from fieldapp.storage.db import Database
from fieldapp.storage.models import Cadre, Household, Member

# --- the report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """A row that was refused or needs attention: 1-based sheet row or CSV line, Chinese reason."""

    line: int
    reason: str
    sheet: str = ""  # set for the rows of a members sheet (the households' sheet is the default)

    def __str__(self) -> str:
        if self.sheet:
            return f"“{self.sheet}”表第{self.line}行：{self.reason}"
        return f"第{self.line}行：{self.reason}"


@dataclass
class ImportedHousehold:
    """A household the list creates (or, in a preview, would create): for the preview table."""

    line: int
    head_name: str
    id_number: str
    village_code: str  # "" when the row names no village
    members: int = 1  # the head and the members added from the list


@dataclass
class ImportReport:
    imported: int = 0
    already_present: int = 0
    incomplete: int = 0  # of the imported households, those still missing required fields
    rejected: list[RowProblem] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    members_imported: int = 0  # members other than the heads (a members layout)
    households: list[ImportedHousehold] = field(default_factory=list)  # in the list's order
    dry_run: bool = False  # a preview: nothing was written

    @property
    def ok(self) -> bool:
        """True only when every data row was imported or already present."""
        return not self.rejected

    def summary_zh(self) -> str:
        """The counts, one or two lines (the CLI prints the rows' problems itself)."""
        head = f"导入 {self.imported} 户"
        if self.incomplete:
            head += f"（其中 {self.incomplete} 户信息不完整，待补充）"
        if self.members_imported:
            head += f"，家庭成员 {self.members_imported} 人"
        head += f"，已存在 {self.already_present} 户，拒绝 {len(self.rejected)} 行"
        lines = [head]
        if not (self.imported or self.already_present or self.rejected):
            lines.append("表中没有找到数据行")
        elif self.rejected:
            lines.append("改正被拒绝的行后可重新导入同一文件，已导入的户不会重复")
        return "\n".join(lines)

    def details_zh(self) -> str:
        """The counts followed by every unknown column, rejected row and warning."""
        lines = [self.summary_zh()]
        if self.unknown_columns:
            lines.append("未识别的列（已忽略）：" + "、".join(self.unknown_columns))
        if self.rejected:
            lines.append("被拒绝的行：")
            lines.extend(f"  {p}" for p in self.rejected)
        if self.warnings:
            lines.append("提醒：")
            lines.extend(f"  {p}" for p in self.warnings)
        return "\n".join(lines)


# --- header recognition -------------------------------------------------------------------------

_IGNORED = "ignore"
_REQUIRED = {"name": "户主姓名", "id_number": "身份证号"}

# Normalised header text -> field. Normalising removes spaces, line breaks, '*' marks and the
# brackets; a header is tried with the bracket content kept (乡镇（街道） -> 乡镇街道) and dropped.
_HEADERS: dict[str, str] = {
    **dict.fromkeys(
        ["户主姓名", "姓名", "户主", "困难职工姓名", "农民工姓名", "户主名称", "困难户姓名", "联系户姓名"],
        "name",
    ),
    **dict.fromkeys(
        [
            "身份证号",
            "身份证号码",
            "公民身份号码",
            "身份证",
            "户主身份证号",
            "户主身份证号码",
            "居民身份证号",
            "居民身份证号码",
            "身份证件号码",
        ],
        "id_number",
    ),
    **dict.fromkeys(
        [
            "手机号",
            "手机号码",
            "联系电话",
            "电话",
            "联系方式",
            "手机",
            "电话号码",
            "户主电话",
            "户主联系电话",
        ],
        "phone",
    ),
    **dict.fromkeys(
        ["乡镇", "乡镇街道", "镇街", "街道", "乡镇/街道", "所在乡镇", "所在乡镇街道", "镇", "乡镇办"],
        "township",
    ),
    **dict.fromkeys(
        [
            "村",
            "村居",
            "村社区",
            "村/社区",
            "社区",
            "所在村",
            "所在村居",
            "所在村社区",
            "村居/社区",
            "行政村",
        ],
        "village",
    ),
    **dict.fromkeys(["县区", "区县", "县", "区", "县/区", "所在县区"], "county"),
    **dict.fromkeys(["详细地址", "住址", "家庭住址", "地址", "家庭地址", "现住址"], "address"),
    **dict.fromkeys(["单位", "工作单位", "所在单位", "单位名称", "务工单位"], "unit"),
    **dict.fromkeys(["性别"], "sex"),
    **dict.fromkeys(["出生日期", "出生年月", "出生年月日"], "birth_date"),
    **dict.fromkeys(["家庭人口", "家庭人口数", "家庭人数", "人口数", "人口"], "household_size"),
    **dict.fromkeys(["备注", "说明", "情况说明", "备注说明", "家庭情况"], "note"),
    **dict.fromkeys(
        ["致困原因", "主要致困原因", "困难原因", "致贫原因", "致困原因主要", "困难原因分析", "致困原因类型"],
        "cause",
    ),
    **dict.fromkeys(
        ["家庭年收入", "年收入", "家庭收入", "家庭年总收入", "上年度家庭收入", "家庭全年收入"],
        "income",
    ),
    **dict.fromkeys(["困难类别", "困难类型", "困难程度", "困难等级", "类别", "困难户类别"], "category"),
    **dict.fromkeys(
        [
            "帮扶责任人",
            "结对干部",
            "帮扶干部",
            "结对帮扶干部",
            "帮扶人",
            "包户干部",
            "联系干部",
            "帮扶责任人姓名",
        ],
        "helper",
    ),
    **dict.fromkeys(["联系人", "紧急联系人", "联系人姓名"], "contact"),
    **dict.fromkeys(["与户主关系", "与户主的关系", "家庭关系", "关系", "成员关系"], "relation"),
    **dict.fromkeys(["户编号", "户号", "家庭编号", "户序号"], "household_no"),
    **dict.fromkeys(["序号", "编号", "序"], _IGNORED),
}

_BRACKETED = re.compile(r"[（(\[【〔][^）)\]】〕]*[）)\]】〕]")
_BRACKETS = re.compile(r"[（()）\[\]【】〔〕]")
_HEADER_NOISE = re.compile(r"[\s\u3000*＊:：]")
HEADER_SCAN_ROWS = 20
BATCH_ROWS = 500  # rows saved per transaction (each row in its own savepoint)
MAX_FILE_BYTES = 20_000_000  # a list of 10,000 households is about 2 MB; more is not a list


def _header_field(text: str) -> str | None:
    s = _HEADER_NOISE.sub("", text)
    for candidate in (_BRACKETS.sub("", s), _BRACKETED.sub("", s)):
        if candidate in _HEADERS:
            return _HEADERS[candidate]
    return None


@dataclass
class _Header:
    line: int
    columns: dict[str, list[int]]  # field -> column indexes, leftmost first
    unknown: list[str]
    unknown_indexes: list[int]

    @property
    def data_fields(self) -> set[str]:
        return {f for f in self.columns if f != _IGNORED}


def _parse_header(line: int, cells: Sequence[object]) -> _Header:
    columns: dict[str, list[int]] = {}
    unknown: list[str] = []
    unknown_indexes: list[int] = []
    for i, cell in enumerate(cells):
        text = _text(cell)
        if not text:
            continue
        key = _header_field(text)
        if key is None:
            unknown.append(" ".join(text.split()))
            unknown_indexes.append(i)
        else:
            columns.setdefault(key, []).append(i)
    ids = columns.get("id_number", [])
    if len(ids) > 1:  # members layout: 身份证号 and 户主身份证号
        head_ids = [i for i in ids if _text(cells[i]).lstrip("*＊ ").startswith("户主")]
        if head_ids and len(head_ids) < len(ids):
            columns["head_id"] = head_ids
            columns["id_number"] = [i for i in ids if i not in head_ids]
    return _Header(line, columns, unknown, unknown_indexes)


def _find_header(rows: Iterable[tuple[int, Sequence[object]]]) -> _Header | None:
    """The first of the top rows naming at least two known columns (a title row names none)."""
    rows = list(rows)
    for n, (line, cells) in enumerate(rows):
        if line > HEADER_SCAN_ROWS:
            return None
        header = _parse_header(line, cells)
        if len(header.data_fields) >= 2:
            if n + 1 < len(rows):
                return _with_second_header_row(header, *rows[n + 1])
            return header
    return None


def _with_second_header_row(header: _Header, line: int, cells: Sequence[object]) -> _Header:
    """Two header rows (户主信息 over 姓名 | 身份证号, 所在地 over 乡镇 | 村): the lower one fills in."""
    lower = _parse_header(line, cells)
    if not lower.data_fields or lower.unknown or any(_ID_LIKE.search(_text(c)) for c in cells):
        return header
    taken = {i for indexes in header.columns.values() for i in indexes}
    columns = {k: list(v) for k, v in header.columns.items()}
    for key, indexes in lower.columns.items():
        for i in indexes:
            if i not in taken:
                columns.setdefault(key, []).append(i)
    keep = [
        (t, i)
        for t, i in zip(header.unknown, header.unknown_indexes, strict=True)
        if i not in lower_indexes(lower)
    ]
    return _Header(line, columns, [t for t, _ in keep], [i for _, i in keep])


def lower_indexes(header: _Header) -> set[int]:
    return {i for indexes in header.columns.values() for i in indexes}


_ID_LIKE = re.compile(r"\d{6}")


def _missing_required(header: _Header) -> list[FieldProblem]:
    names = {k: [h for h, f in _HEADERS.items() if f == k] for k in _REQUIRED}
    return [
        FieldProblem(
            "header",
            "表头",
            f"第{header.line}行表头中缺少“{label}”列（可用的列名：{'、'.join(names[key][:4])}）",
        )
        for key, label in _REQUIRED.items()
        if key not in header.columns
    ]


# --- reading files ------------------------------------------------------------------------------

Rows = list[tuple[int, Sequence[object]]]


def _file_error(message: str) -> ValidationError:
    return ValidationError.single("file", "名单文件", message)


@dataclass
class _Table:
    sheet: str
    header: _Header
    rows: Rows


def _read_table(path: Path) -> tuple[_Header, Rows]:
    """Header and data rows (line number, cells) of the first sheet with a usable header."""
    first = _read_tables(path)[0]
    return first.header, first.rows


def _read_tables(path: Path) -> list[_Table]:
    """Every sheet with a usable header, the first of them the households' (.xlsx and .xls)."""
    if not path.is_file():
        raise _file_error(f"找不到文件 {path}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _file_error(
            f"文件过大（{size / 1_000_000:.1f} MB），名单文件最大 {MAX_FILE_BYTES // 1_000_000} MB；"
            "请删除无关的工作表、图片，或把名单拆成几个文件后再导入"
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        with closing(_xlsx_sheets(path)) as sheets:
            return _tables(sheets)
    if suffix in (".csv", ".txt"):
        return _tables([("", _csv_rows(path))])
    if suffix in (".xls", ".et"):
        return _tables(read_xls(path))
    raise _file_error(f"只能导入 .xlsx、.xls 或 .csv 文件（现为“{path.name}”）")


def _tables(sheets: Iterable[tuple[str, Rows]]) -> list[_Table]:
    partial: _Header | None = None
    found: list[_Table] = []
    for name, rows in sheets:
        header = _find_header(rows)
        if header is None:
            continue
        if not _missing_required(header):
            found.append(_Table(name, header, [(line, cells) for line, cells in rows if line > header.line]))
        partial = partial or header
    if found:
        return found
    if partial is not None:
        raise ValidationError(_missing_required(partial))
    raise ValidationError.single(
        "header",
        "表头",
        f"在前{HEADER_SCAN_ROWS}行中找不到表头行（应有“户主姓名”“身份证号”等列名）",
    )


def _xlsx_sheets(path: Path) -> Generator[tuple[str, Rows], None, None]:
    import openpyxl  # imported here: the GUI and CLI start faster without it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as e:
        raise _file_error(f"无法读取“{path.name}”，文件不是有效的 .xlsx 表格（{type(e).__name__}）") from None
    try:
        for ws in wb.worksheets:
            if not hasattr(ws, "reset_dimensions"):
                continue
            ws.reset_dimensions()  # hand-made files often declare a wrong used range
            yield ws.title, list(enumerate(ws.iter_rows(min_row=1, values_only=True), start=1))
    finally:
        wb.close()


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")  # Excel's "Unicode 文本"
    for encoding in ("utf-8-sig", "gb18030"):  # Chinese Excel saves CSV in GBK
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _file_error("无法识别文件编码（应为 UTF-8 或 GBK），请在Excel中另存为“CSV UTF-8”后再导入")


def _csv_rows(path: Path) -> Rows:
    text = _decode(path.read_bytes())
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: Rows = []
    start = 1
    try:
        for record in reader:
            rows.append((start, record))
            start = reader.line_num + 1
    except csv.Error as e:
        raise _file_error(f"第{start}行 CSV 格式有误：{e}") from None
    return rows


# --- cell values --------------------------------------------------------------------------------


def _text(value: object) -> str:
    """What a cadre sees in the cell, as text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")
_TRAILING_ZERO = re.compile(r"^(\d+)\.0+$")


def _id_text(value: object) -> tuple[str, FieldProblem | None]:
    """The ID number as written, or a problem when Excel stored it as a number and lost digits.

    Excel keeps 15 significant digits: a 15-digit (old) number survives as a number, an
    18-digit one does not (3.71302198001012E+17). openpyxl returns an int only when the file
    holds the exact digits (written by a program, not typed into Excel), a float otherwise.
    """
    if isinstance(value, float):
        if value.is_integer() and 0 <= value < 1e15:
            return str(int(value)), None
        return "", _number_lost(f"{value:.15G}")
    text = unicodedata.normalize("NFKC", _text(value)).lstrip("'‘’`")
    compact = "".join(text.split())
    if _SCIENTIFIC.match(compact):  # a CSV saved by Excel writes what the cell showed
        return "", _number_lost(compact)
    m = _TRAILING_ZERO.match(compact)
    return (m.group(1) if m else text), None


def _number_lost(shown: str) -> FieldProblem:
    return FieldProblem(
        "id_number",
        "身份证号",
        f"在表格中被存成了数字（显示为 {shown}），后几位已丢失无法恢复；"
        "请把身份证号一列设为“文本”格式，重新录入号码后再导入",
    )


def _sex(text: str) -> vocab.Sex | None:
    t = text.strip()
    if t in ("男", "男性"):
        return vocab.Sex.MALE
    if t in ("女", "女性"):
        return vocab.Sex.FEMALE
    return None


_DATE = re.compile(r"^(\d{4})\D{0,2}?(\d{1,2})(?:\D{0,2}?(\d{1,2}))?\D?(?:\s.*)?$")


def _year_month_day(value: object) -> tuple[int, int, int | None] | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.year, value.month, value.day
    m = _DATE.match(_text(value))
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None


# --- rows ---------------------------------------------------------------------------------------

_FOOTER_MARKS = (
    "填表人",
    "制表人",
    "制表",
    "审核人",
    "负责人",
    "联系人",
    "填报人",
    "合计",
    "总计",
    "注：",
    "注:",
    "说明：",
)


@dataclass
class _Row:
    line: int
    values: dict[str, object]
    extra: str  # unknown columns' non-empty text, to tell a blank row

    def raw(self, key: str) -> object:
        return self.values.get(key)

    def text(self, key: str) -> str:
        return _text(self.values.get(key))

    @property
    def blank(self) -> bool:
        return not self.extra and not any(_text(v) for k, v in self.values.items() if k != _IGNORED)

    @property
    def footer(self) -> bool:
        """A signature or total line under the table (填表人：…, 合计), not a household."""
        if self.text("id_number"):
            return False
        if self.text("name"):
            return self.text("name").startswith(_FOOTER_MARKS)
        texts = [_text(v) for k, v in self.values.items() if k != _IGNORED] + [self.extra]
        return any(t.startswith(_FOOTER_MARKS) for t in texts)


def _row(header: _Header, line: int, cells: Sequence[object]) -> _Row:
    values: dict[str, object] = {}
    for key, indexes in header.columns.items():
        present = [cells[i] for i in indexes if i < len(cells) and _text(cells[i])]
        values[key] = present[0] if present else None
    extra = "".join(_text(cells[i]) for i in header.unknown_indexes if i < len(cells))
    return _Row(line, values, extra)


_PHONE_SEPARATORS = re.compile(r"[/／、,，;；]+")


def _phones(row: _Row) -> list[str]:
    """The numbers in the phone cell: lists often hold two (13805391234/0539-1234567)."""
    text = unicodedata.normalize("NFKC", row.text("phone"))
    return [p.strip() for p in _PHONE_SEPARATORS.split(text) if p.strip()]


def _note(row: _Row, place: _Place, warnings: list[str]) -> str:
    parts = [row.text("note")] if row.text("note") else []
    other_phones = _phones(row)[1:]
    if other_phones:
        parts.append("其他电话：" + "、".join(other_phones))
    size_text = row.text("household_size")
    if size_text:
        size = size_text.removesuffix("人").strip()
        if size.isdigit() and 1 <= int(size) <= 30:
            parts.append(f"名单中家庭人口：{int(size)}人")
        else:
            warnings.append(f"家庭人口“{size_text}”不是人数，未导入")
    facts = list_facts(
        {k: row.text(k) for k in ("cause", "income", "category", "helper", "contact")}, row.raw("income")
    )
    parts.extend(facts.notes)
    warnings.extend(facts.warnings)
    if place.warning:  # keep what the list said until the cadre picks the village
        written = "".join(row.text(k) for k in ("county", "township", "village"))
        parts.append(f"名单中所在地：{written}")
    return "；".join(parts)


def _consistency_warnings(row: _Row, head: MemberData) -> list[str]:
    warnings: list[str] = list(head.warnings)
    sex_text = row.text("sex")
    sex = _sex(sex_text)
    if sex_text and head.sex is not None and sex != head.sex:
        warnings.append(f"性别填写为“{sex_text}”，身份证号显示为{head.sex.value}，以身份证号为准")
    birth_raw = row.raw("birth_date")
    if _text(birth_raw) and head.birth_date is not None:
        ymd = _year_month_day(birth_raw)
        b = head.birth_date
        if ymd is None or ymd[:2] != (b.year, b.month) or ymd[2] not in (None, b.day):
            warnings.append(
                f"出生日期填写为“{_text(birth_raw)}”，身份证号显示为{b.isoformat()}，以身份证号为准"
            )
    return warnings


@dataclass
class _Pending:
    line: int
    household: HouseholdData
    head: MemberData
    warnings: list[str]
    household_row: Household
    head_row: Member
    saved: Saved


@dataclass
class _Importer:
    db: Database
    cadre_id: str | None
    pairing_basis: vocab.PairingBasis
    report: ImportReport = field(default_factory=ImportReport)
    seen: dict[str, int] = field(default_factory=dict)  # ID number -> line first seen in this file
    cadre_full: str = ""  # the pairing rule's refusal, once the cadre has 4 households
    households: dict[str, str] = field(default_factory=dict)  # head's ID number -> household id
    session: Session | None = None  # heads-only lists: rows saved in one transaction, a savepoint each
    # ID numbers of the current batch looked up at once in its transaction -> (household, name) or None
    looked_up: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)  # households of the batch not yet inserted
    created: dict[str, ImportedHousehold] = field(default_factory=dict)  # household id -> the report's row

    def look_up(self, rows: Sequence[_Row]) -> None:
        """Which heads of a batch are registered already: one query instead of one per row."""
        assert self.session is not None
        wanted = {"".join(_id_text(r.raw("id_number"))[0].split()).upper() for r in rows} - {""}
        found: dict[str, tuple[str, str] | None] = dict.fromkeys(wanted)
        for chunk in _chunks(sorted(wanted), 500):
            for id_number, household_id, name in self.session.execute(
                select(Member.id_number, Member.household_id, Member.name).where(
                    Member.id_number.in_(chunk), Member.deleted.is_(False)
                )
            ):
                found[str(id_number)] = (household_id, name)
        self.looked_up = found

    def _save(self, household: HouseholdData, head: MemberData, cadre_id: str | None) -> Saved:
        if self.session is None:
            return create_household(self.db, household, head, source="import", cadre_id=cadre_id)
        with self.session.begin_nested():  # a refused row rolls back to here, the others stay
            return create_household_in(
                self.session,
                self.db.device_id,
                household,
                head,
                source="import",
                cadre_id=cadre_id,
                unique_checked=head.id_number in self.looked_up,
            )

    def _registered(self, id_number: str) -> tuple[str, str] | None:
        """(household id, name) of the member registered with this ID number, if any."""
        if id_number in self.looked_up:
            return self.looked_up[id_number]
        if self.session is None:
            m = find_member_by_id_number(self.db, id_number)
        else:
            m = self.session.scalar(
                select(Member).where(Member.id_number == id_number, Member.deleted.is_(False))
            )
        return (m.household_id, m.name) if m is not None else None

    sheet: str = ""  # the members sheet being read, named in its rows' problems

    def _member_names(self, household_id: str) -> set[str]:
        if self.session is None:
            return {m.name for m in live_members(get_household(self.db, household_id))}
        return set(
            self.session.scalars(
                select(Member.name).where(Member.household_id == household_id, Member.deleted.is_(False))
            )
        )

    def household_of(self, id_number: str) -> str | None:
        """The household of the member registered with this ID number, if any."""
        found = self._registered(id_number)
        return found[0] if found is not None else None

    def warn(self, line: int, message: str) -> None:
        self.report.warnings.append(RowProblem(line, message, self.sheet))

    def reject(self, line: int, reason: str) -> None:
        self.report.rejected.append(RowProblem(line, reason, self.sheet))

    def row(self, row: _Row) -> str | None:
        """Import a household from its head's row; the new or already registered household's id."""
        problems: list[FieldProblem] = []
        warnings: list[str] = []
        id_text, id_problem = _id_text(row.raw("id_number"))
        if id_problem is not None:
            problems.append(id_problem)
        head = MemberData(name=row.text("name"), relation=vocab.Relation.HEAD, id_number=id_text or None)
        try:
            head = normalize_member(head)
        except ValidationError as e:
            problems.extend(e.problems)
        if not id_text and id_problem is None:
            problems.append(FieldProblem("id_number", "身份证号", "不能为空"))
        place = _Place(None)
        try:
            place = _resolve_place(row.text("county"), row.text("township"), row.text("village"))
        except ValidationError as e:
            problems.extend(e.problems)
        household = HouseholdData(
            pairing_basis=self.pairing_basis,
            village_code=place.village_code,
            address_detail=row.text("address"),
            phone=next(iter(_phones(row)), None),
            unit_name=row.text("unit"),
            note=_note(row, place, warnings),
        )
        try:
            household = normalize_household(household)
        except ValidationError as e:
            problems.extend(e.problems)
        if problems:
            self.reject(row.line, "；".join(str(p) for p in problems))
            return None
        assert head.id_number is not None
        if self._already_present(row.line, head):
            return self.households.get(head.id_number)
        if place.warning:
            warnings.append(place.warning)
        warnings.extend(_consistency_warnings(row, head))
        return self._create(row.line, household, head, warnings)

    def member(self, row: _Row, relation: Relation, household_id: str) -> None:
        id_text, id_problem = _id_text(row.raw("id_number"))
        problems = [id_problem] if id_problem is not None else []
        member = MemberData(name=row.text("name"), relation=relation, id_number=id_text or None)
        try:
            member = normalize_member(member)
        except ValidationError as e:
            problems.extend(e.problems)
        if problems:
            self.reject(row.line, "；".join(str(p) for p in problems))
            return
        if member.id_number:
            first = self.seen.get(member.id_number)
            if first is not None:
                self.warn(row.line, f"与第{first}行身份证号相同，未重复导入")
                return
            self.seen[member.id_number] = row.line
            if self._registered(member.id_number) is not None:
                return  # imported before: nothing twice
        elif member.name in self._member_names(household_id):
            return
        try:
            if self.session is None:
                saved = add_member(self.db, household_id, member)
            else:
                with self.session.begin_nested():  # a refused member rolls back alone
                    saved = add_member_in(self.session, household_id, member)
        except (RuleViolation, ValidationError) as e:
            self.reject(row.line, str(e))
            return
        self.report.members_imported += 1
        new = self.created.get(household_id)
        if new is not None:
            new.members += 1
        for message in saved.warnings:
            self.warn(row.line, message)

    def _already_present(self, line: int, head: MemberData) -> bool:
        assert head.id_number is not None
        first = self.seen.get(head.id_number)
        if first is not None:
            self.report.already_present += 1
            self.warn(line, f"与第{first}行身份证号相同，未重复导入")
            return True
        self.seen[head.id_number] = line
        existing = self._registered(head.id_number)
        if existing is None:
            return False
        household_id, name = existing
        self.households[head.id_number] = household_id
        self.report.already_present += 1
        if name != head.name:
            self.warn(
                line,
                f"身份证号 {head.id_number} 已登记为“{name}”，与表中姓名“{head.name}”不同，请核对",
            )
        return True

    def _create(
        self, line: int, household: HouseholdData, head: MemberData, warnings: list[str]
    ) -> str | None:
        if self.session is not None and not (self.cadre_id and not self.cadre_full):
            return self._queue(line, household, head, warnings)
        return self._create_now(line, household, head, warnings)

    def _queue(
        self, line: int, household: HouseholdData, head: MemberData, warnings: list[str]
    ) -> str | None:
        """Keep the rows of a household to insert with the rest of the batch (no pairing to make)."""
        try:
            h, m, missing, head_warnings = new_household_rows(
                self.db.device_id, household, head, source="import"
            )
        except (RuleViolation, ValidationError) as e:
            self.reject(line, str(e))
            return None
        if self.cadre_id and self.cadre_full:
            warnings.append(f"{self.cadre_full}；本户已导入，但未与该干部结对")
        assert head.id_number is not None
        self.households[head.id_number] = h.id
        self.pending.append(
            _Pending(line, household, head, warnings, h, m, Saved(h.id, head_warnings, missing))
        )
        return h.id

    def flush_pending(self) -> None:
        """Insert the queued households of the batch in one flush (the ORM sends one INSERT for
        many rows; the outbox hook writes each row's entry as for a single save). Should the
        database refuse any, the batch's households are saved one by one instead, each in its
        savepoint, so only the refused row is reported."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        assert self.session is not None
        try:
            with self.session.begin_nested():
                self.session.add_all([row for p in pending for row in (p.household_row, p.head_row)])
        except SQLAlchemyError:
            for p in pending:
                assert p.head.id_number is not None
                self.households.pop(p.head.id_number, None)
                self._create_now(p.line, p.household, p.head, p.warnings)
            return
        for p in pending:
            self._count(p.line, p.head, p.saved, p.warnings, p.household.village_code)

    def _create_now(
        self, line: int, household: HouseholdData, head: MemberData, warnings: list[str]
    ) -> str | None:
        cadre_id = None if self.cadre_full else self.cadre_id
        try:
            try:
                saved = self._save(household, head, cadre_id)
            except RuleViolation as e:
                if cadre_id is None or e.field != "reason":
                    raise
                self.cadre_full = str(e)  # a fifth household needs a reason the list cannot give
                saved = self._save(household, head, None)
            if self.cadre_id and self.cadre_full:
                warnings.append(f"{self.cadre_full}；本户已导入，但未与该干部结对")
        except RuleViolation as e:
            if e.field == "id_number":  # registered meanwhile by another window
                self.report.already_present += 1
                self.warn(line, str(e))
                return None
            self.reject(line, str(e))
            return None
        except ValidationError as e:
            self.reject(line, str(e))
            return None
        return self._count(line, head, saved, warnings, household.village_code)

    def _count(
        self, line: int, head: MemberData, saved: Saved, warnings: list[str], village_code: str | None
    ) -> str:
        assert head.id_number is not None
        self.households[head.id_number] = saved.id
        self.report.imported += 1
        new = ImportedHousehold(line, head.name, head.id_number, village_code or "")
        self.created[saved.id] = new
        self.report.households.append(new)
        if saved.missing:
            self.report.incomplete += 1
        for message in [*warnings, *(w for w in saved.warnings if w not in warnings)]:
            self.warn(line, message)
        return saved.id


def import_households(
    db: Database,
    path: Path,
    *,
    cadre_id: str | None = None,
    pairing_basis: vocab.PairingBasis = vocab.PairingBasis.CONTACT_HOUSEHOLD,
    dry_run: bool = False,
) -> ImportReport:
    """Import every data row of the list at `path`; pair the new households with `cadre_id`.

    Raises ValidationError (nothing imported) when the file cannot be read or lacks the name
    or ID number column, NotFound when the cadre does not exist. Row problems go to the report.

    With `dry_run` the very same import runs in one transaction that is rolled back at the end
    (and nothing is audited): the report says what importing would do, and nothing is written.
    """
    if cadre_id:
        with db.session() as s:
            get_live(s, Cadre, cadre_id)
    tables = _read_tables(Path(path))
    with _units(db, dry_run) as unit:
        header, rows = tables[0].header, tables[0].rows
        member_sheets = [t for t in tables[1:] if _members_sheet(t.header)]
        importer = _Importer(db, cadre_id, pairing_basis)
        importer.report.unknown_columns = list(header.unknown)
        for t in member_sheets:
            importer.report.unknown_columns += [f"{u}（“{t.sheet}”表）" for u in t.header.unknown]
        data_rows = [
            r for r in (_row(header, line, cells) for line, cells in rows) if not (r.blank or r.footer)
        ]
        if "relation" in header.columns:
            with unit() as session:
                _begin_transaction(session)
                importer.session = session
                try:
                    import_members(importer, data_rows)
                finally:
                    importer.session = None
        else:
            for start in range(0, len(data_rows), BATCH_ROWS):
                with unit() as session:
                    _begin_transaction(session)
                    importer.session = session
                    batch = data_rows[start : start + BATCH_ROWS]
                    try:
                        importer.look_up(batch)
                        for row in batch:
                            importer.row(row)
                        importer.flush_pending()
                    finally:
                        importer.session = None
                        importer.looked_up = {}
        if member_sheets:
            with unit() as session:
                _begin_transaction(session)
                importer.session = session
                try:
                    for table in member_sheets:
                        importer.sheet = table.sheet
                        import_member_sheet(importer, tables[0], data_rows, table)
                finally:
                    importer.session = None
                    importer.sheet = ""
    report = importer.report
    report.rejected.sort(key=lambda p: (p.sheet, p.line))  # stable: a row's problems keep their order
    report.warnings.sort(key=lambda p: (p.sheet, p.line))
    report.dry_run = dry_run
    if dry_run:
        return report
    audit.log(
        db,
        vocab.AuditAction.IMPORT,
        detail=f"从 {Path(path).name} 导入 {report.imported} 户（成员 {report.members_imported} 人），"
        f"已有 {report.already_present} 户，"
        f"退回 {len(report.rejected)} 行",
    )
    return report


@contextmanager
def _units(db: Database, dry_run: bool) -> Iterator[Callable[[], AbstractContextManager[Session]]]:
    """The units of work of an import: each its own committed transaction, or for a dry run
    all in one transaction rolled back at the end (later units see the earlier ones' rows)."""
    if not dry_run:
        yield db.session
        return
    with db.sessions() as session:
        session.begin()

        @contextmanager
        def same() -> Iterator[Session]:
            yield session

        try:
            yield same
        finally:
            session.rollback()


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _begin_transaction(session: Session) -> None:
    """Open the SQLite transaction before the first row's savepoint.

    The sqlite3 driver begins a transaction only at the first write; a SAVEPOINT sent before it
    starts a transaction of its own, and RELEASE then commits it, one disk sync per row. With
    BEGIN first, the savepoints nest and the batch is one commit (measured: bench_import.py).
    """
    connection = session.connection()
    if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def import_members(importer: _Importer, rows: list[_Row]) -> None:
    """A members layout: heads first (they create the households), then every other person."""
    keyed: list[tuple[_Row, Relation | None, str | None]] = []
    last_head: str | None = None
    for row in rows:
        rel_text = row.text("relation")
        relation = relation_of(rel_text) if rel_text else Relation.HEAD
        key = group_key(row.text("household_no"), _id_text(row.raw("head_id"))[0])
        if relation == Relation.HEAD:
            if key is None:
                key = f"line:{row.line}"
            last_head = key
        keyed.append((row, relation, key or last_head))
    households: dict[str, str | None] = {}
    head_lines: dict[str, int] = {}
    for row, relation, key in keyed:
        if relation == Relation.HEAD and key is not None:
            households[key] = importer.row(row)
            head_lines[key] = row.line
    importer.flush_pending()  # the heads' households exist before their members are added
    for row, relation, key in keyed:
        if relation == Relation.HEAD:
            continue
        if relation is None:
            importer.reject(
                row.line,
                str(
                    FieldProblem(
                        "relation",
                        "与户主关系",
                        f"“{row.text('relation')}”无法识别（可填：户主、配偶、子、女、父亲、母亲、孙子女、其他等）",
                    )
                ),
            )
            continue
        household_id = households.get(key) if key else None
        if household_id is None and key and key.startswith("id:"):
            household_id = importer.household_of(key[3:])
        if household_id is None:
            if key in head_lines:
                reason = f"所属户的户主（第{head_lines[key]}行）未导入，请先改正户主行"
            else:
                reason = "找不到本人所属的户：表中没有对应的户主行（请填写户编号或户主身份证号，或把成员行放在户主行之下）"
            importer.reject(row.line, reason)
            continue
        importer.member(row, relation, household_id)


def _members_sheet(header: _Header) -> bool:
    """A sheet of members (a second sheet of the workbook): it says how a person relates to a head."""
    return bool({"relation", "head_id", "household_no"} & set(header.columns))


def _head_id(value: object) -> str:
    return "".join(_id_text(value)[0].split()).upper()


def import_member_sheet(
    importer: _Importer, households: _Table, head_rows: list[_Row], members: _Table
) -> None:
    """Members on a sheet of their own, tied to the households' sheet by 户编号 or 户主身份证号."""
    by_no: dict[str, tuple[str, int]] = {}  # 户编号 -> (head's ID number, line on the households sheet)
    head_lines: dict[str, int] = {}
    for row in head_rows:
        head_id = _head_id(row.raw("id_number"))
        head_lines.setdefault(head_id, row.line)
        if row.text("household_no"):
            by_no.setdefault(_no_key(row.text("household_no")), (head_id, row.line))
    main = f"“{households.sheet}”表" if households.sheet else "户表"
    for line, cells in members.rows:
        row = _row(members.header, line, cells)
        if row.blank or row.footer:
            continue
        number = row.text("household_no")
        head_id = _head_id(row.raw("head_id"))
        if not number and not head_id:
            importer.reject(
                line,
                f"没有填写户编号或户主身份证号，不知道本人属于{main}中的哪一户；请填写其中一项后重新导入",
            )
            continue
        if number:
            entry = by_no.get(_no_key(number))
            if entry is None:
                importer.reject(line, f"户编号“{number}”在{main}中不存在（成员所属的户找不到）")
                continue
            if head_id and head_id != entry[0]:
                importer.reject(
                    line,
                    f"户编号“{number}”与户主身份证号不一致：{main}第{entry[1]}行户编号“{number}”的户主"
                    f"身份证号不是 {head_id}；请核对后重新导入",
                )
                continue
            head_id = entry[0]
        household_id = importer.households.get(head_id)
        if household_id is None and head_id in head_lines:
            importer.reject(line, f"所属户的户主（{main}第{head_lines[head_id]}行）未导入，请先改正户主行")
            continue
        if household_id is None:
            household_id = importer.household_of(head_id)
            if household_id is None:
                importer.reject(line, f"户主身份证号 {head_id} 在{main}中找不到，本机也没有登记此人")
                continue
        rel_text = row.text("relation")
        relation = relation_of(rel_text) if rel_text else Relation.OTHER
        if relation is None:
            importer.reject(
                line,
                str(
                    FieldProblem(
                        "relation",
                        "与户主关系",
                        f"“{rel_text}”无法识别（可填：配偶、子、女、父亲、母亲、孙子女、其他等）",
                    )
                ),
            )
            continue
        if relation == Relation.HEAD:
            if _head_id(row.raw("id_number")) != head_id:
                importer.reject(
                    line,
                    f"与户主关系填写为“{rel_text}”，但身份证号与{main}中该户户主的不同；请核对后重新导入",
                )
            continue  # the head is imported from the households sheet
        if not rel_text:
            importer.warn(line, "未填写与户主关系，已记为“其他”")
        importer.member(row, relation, household_id)


def _no_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())
