"""Form templates: one TOML file per form in `forms/`, read and checked here.

A template says *what* a form shows (title, blocks of fields bound to record data, tables,
signature and seal blocks, copies); `engine.py` decides *how* it looks. Adding a form is adding
a file. The format is described in `forms/README.md`. Every problem is reported with the file
name and the block number, in Chinese, before anything is printed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from fieldapp.assets import forms_path
from fieldapp.printing.errors import TemplateError

# What `--record ID` names for each form: the service gathers the data accordingly.
RECORD_KINDS = ("household", "visit", "referral", "notice")
ALIGNS = ("left", "center", "right", "justify")


@dataclass(frozen=True)
class Cell:
    """One label/value pair of a grid; `span` value columns; an empty label gives its column to the value."""

    label: str
    value: str
    span: int = 1
    align: str = "left"


@dataclass(frozen=True)
class GridRow:
    cells: tuple[Cell, ...] = ()
    header: str = ""  # a full-width section header row instead of cells
    height_mm: float = 0.0  # minimum height (room for handwriting)


@dataclass(frozen=True)
class Column:
    label: str
    value: str
    width: float = 1.0
    align: str = "center"


@dataclass(frozen=True)
class Opinion:
    label: str
    text: str = ""
    signer: str = "负责人（签字）"
    seal: bool = True


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    size: float = 0.0  # font size in pt; 0 = the form's default
    align: str = "left"
    indent: bool = False
    columns: tuple[float, ...] = ()
    rows: tuple[GridRow, ...] = ()
    data: str = ""  # table: the list in the record data that gives the rows
    table_columns: tuple[Column, ...] = ()
    caption: str = ""
    min_rows: int = 0
    empty: str = ""
    items: tuple[str, ...] = ()
    date_label: str = ""
    opinions: tuple[Opinion, ...] = ()
    per_row: int = 2
    height_mm: float = 0.0
    title: str = ""
    qr: str = ""
    qr_caption: str = ""
    footer: str = ""
    repeat: int = 1


@dataclass(frozen=True)
class FormTemplate:
    name: str
    title: str
    record: str
    description: str
    copies: int
    copies_note: str
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    font_size: float
    meta_left: str
    meta_right: str
    blocks: tuple[Block, ...] = field(default=())
    path: Path | None = None
    # leaves the union's hands (a referral slip to another body, a card on a wall): ID and phone
    # numbers of the family are printed masked unless the user reveals them (and that is audited)
    outward: bool = False
    # the right half of the running header on every page (the left half is the title); empty =
    # the default of the record kind (户主 and 档案编号, 走访编号 or 转介编号)
    header: str = ""


_BLOCK_KEYS: dict[str, set[str]] = {
    "heading": {"text", "size", "align"},
    "paragraph": {"text", "size", "align", "indent"},
    "spacer": {"height"},
    "grid": {"columns", "rows", "size"},
    "table": {"data", "columns", "caption", "min_rows", "size", "empty"},
    "signatures": {"items", "date", "size"},
    "opinions": {"items", "per_row", "height", "size"},
    "stub": {"title", "text", "columns", "rows", "qr", "qr_caption", "size"},
    "card": {"title", "columns", "rows", "footer", "repeat", "size", "text"},
}
_TOP_KEYS = {"title", "record", "description", "copies", "copies_note", "outward", "page", "meta", "blocks"}


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, message: str) -> TemplateError:
        return TemplateError(
            f"表单模板 {self.name}.toml 有误（{where}）：{message}。请修正 forms/ 中的模板文件。"
        )

    def str_(self, table: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise self.fail(where, f"“{key}”应为文字")
        return value

    def flag(self, table: dict[str, Any], key: str, where: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(where, f"“{key}”应为 true 或 false")
        return value

    def num(self, table: dict[str, Any], key: str, where: str, default: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.fail(where, f"“{key}”应为不小于0的数字")
        return float(value)

    def align(self, table: dict[str, Any], where: str, default: str) -> str:
        value = self.str_(table, "align", where, default)
        if value not in ALIGNS:
            raise self.fail(where, f"align 只能是 {'、'.join(ALIGNS)}")
        return value

    def widths(self, table: dict[str, Any], where: str) -> tuple[float, ...]:
        raw = table.get("columns")
        if not isinstance(raw, list) or not raw or not all(isinstance(w, int | float) and w > 0 for w in raw):
            raise self.fail(where, "columns 应为正数列表（各列的相对宽度）")
        return tuple(float(w) for w in raw)

    def cell(self, raw: Any, where: str) -> Cell:
        if isinstance(raw, list) and len(raw) in (2, 3) and all(isinstance(x, str) for x in raw[:2]):
            span = raw[2] if len(raw) == 3 else 1
            if not isinstance(span, int) or span < 1:
                raise self.fail(where, "单元格的第三项（跨列数）应为正整数")
            return Cell(raw[0], raw[1], span)
        if isinstance(raw, dict):
            span = raw.get("span", 1)
            if not isinstance(span, int) or span < 1:
                raise self.fail(where, "span 应为正整数")
            return Cell(
                self.str_(raw, "label", where, ""),
                self.str_(raw, "value", where, ""),
                span,
                self.align(raw, where, "left"),
            )
        raise self.fail(where, '单元格应写成 ["标签", "{数据}"] 或 ["标签", "{数据}", 跨列数]')

    def grid_rows(self, table: dict[str, Any], n_columns: int, where: str) -> tuple[GridRow, ...]:
        raw_rows = table.get("rows")
        if not isinstance(raw_rows, list) or not raw_rows:
            raise self.fail(where, "rows 应为非空列表")
        rows: list[GridRow] = []
        for i, raw in enumerate(raw_rows, 1):
            here = f"{where} 第{i}行"
            height = 0.0
            if isinstance(raw, str):
                rows.append(GridRow(header=raw))
                continue
            if isinstance(raw, dict):
                height = self.num(raw, "height", here, 0)
                raw = raw.get("cells")
            if not isinstance(raw, list) or not raw:
                raise self.fail(here, "每行应为单元格列表、标题文字或 {cells=[…], height=毫米}")
            cells = tuple(self.cell(c, here) for c in raw)
            used = sum(c.span + (1 if c.label else 0) for c in cells)
            if used != n_columns:
                raise self.fail(here, f"占用 {used} 列，但 columns 定义了 {n_columns} 列")
            rows.append(GridRow(cells=cells, height_mm=height))
        return tuple(rows)

    def block(self, raw: Any, index: int) -> Block:
        where = f"第{index}个 blocks"
        if not isinstance(raw, dict) or not isinstance(raw.get("kind"), str):
            raise self.fail(where, "每个块须有 kind")
        kind = raw["kind"]
        if kind not in _BLOCK_KEYS:
            raise self.fail(where, f"未知的块类型“{kind}”（可用：{'、'.join(_BLOCK_KEYS)}）")
        unknown = set(raw) - _BLOCK_KEYS[kind] - {"kind"}
        if unknown:
            raise self.fail(where, f"{kind} 块不认识这些键：{'、'.join(sorted(unknown))}")
        size = self.num(raw, "size", where, 0)
        if kind in ("heading", "paragraph"):
            return Block(
                kind,
                text=self.str_(raw, "text", where),
                size=size,
                align=self.align(raw, where, "center" if kind == "heading" else "left"),
                indent=bool(raw.get("indent", False)),
            )
        if kind == "spacer":
            return Block(kind, height_mm=self.num(raw, "height", where, 5))
        if kind in ("grid", "stub", "card"):
            widths = self.widths(raw, where)
            rows = self.grid_rows(raw, len(widths), where)
            repeat = raw.get("repeat", 1)
            if not isinstance(repeat, int) or not 1 <= repeat <= 4:
                raise self.fail(where, "repeat 应为1到4")
            return Block(
                kind,
                size=size,
                columns=widths,
                rows=rows,
                title=self.str_(raw, "title", where, ""),
                text=self.str_(raw, "text", where, ""),
                qr=self.str_(raw, "qr", where, ""),
                qr_caption=self.str_(raw, "qr_caption", where, ""),
                footer=self.str_(raw, "footer", where, ""),
                repeat=repeat,
            )
        if kind == "table":
            raw_cols = raw.get("columns")
            if not isinstance(raw_cols, list) or not raw_cols:
                raise self.fail(where, "columns 应为列定义的列表")
            cols = []
            for c in raw_cols:
                if not isinstance(c, dict):
                    raise self.fail(where, '每列写成 {label="…", value="{…}", width=…}')
                cols.append(
                    Column(
                        self.str_(c, "label", where),
                        self.str_(c, "value", where),
                        self.num(c, "width", where, 1) or 1.0,
                        self.align(c, where, "center"),
                    )
                )
            min_rows = raw.get("min_rows", 0)
            if not isinstance(min_rows, int) or min_rows < 0:
                raise self.fail(where, "min_rows 应为不小于0的整数")
            return Block(
                kind,
                size=size,
                data=self.str_(raw, "data", where),
                table_columns=tuple(cols),
                caption=self.str_(raw, "caption", where, ""),
                min_rows=min_rows,
                empty=self.str_(raw, "empty", where, ""),
            )
        if kind == "signatures":
            items = raw.get("items")
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items) or not items:
                raise self.fail(where, "items 应为签名栏名称的列表")
            return Block(kind, size=size, items=tuple(items), date_label=self.str_(raw, "date", where, ""))
        # opinions
        raw_items = raw.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            raise self.fail(where, "items 应为意见栏的列表")
        opinions = []
        for item in raw_items:
            if not isinstance(item, dict):
                raise self.fail(where, '每个意见栏写成 {label="基层工会意见", seal=true}')
            opinions.append(
                Opinion(
                    self.str_(item, "label", where),
                    self.str_(item, "text", where, ""),
                    self.str_(item, "signer", where, "负责人（签字）"),
                    bool(item.get("seal", True)),
                )
            )
        per_row = raw.get("per_row", 2)
        if not isinstance(per_row, int) or not 1 <= per_row <= 3:
            raise self.fail(where, "per_row 应为1到3")
        return Block(
            kind,
            size=size,
            opinions=tuple(opinions),
            per_row=per_row,
            height_mm=self.num(raw, "height", where, 35),
        )


def parse_template(name: str, text: str, path: Path | None = None) -> FormTemplate:
    r = _Reader(name)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise r.fail("TOML 语法", str(e)) from None
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise r.fail("顶层", f"不认识这些键：{'、'.join(sorted(unknown))}")
    record = r.str_(raw, "record", "顶层")
    if record not in RECORD_KINDS:
        raise r.fail("顶层", f"record 只能是 {'、'.join(RECORD_KINDS)}")
    copies = raw.get("copies", 1)
    if not isinstance(copies, int) or not 1 <= copies <= 9:
        raise r.fail("顶层", "copies 应为1到9")
    page = raw.get("page", {})
    meta = raw.get("meta", {})
    if not isinstance(page, dict) or not isinstance(meta, dict):
        raise r.fail("顶层", "[page] 和 [meta] 应为表")
    margins = page.get("margins_mm", [37, 26, 35, 28])
    if not (
        isinstance(margins, list) and len(margins) == 4 and all(isinstance(m, int | float) for m in margins)
    ):
        raise r.fail("[page]", "margins_mm 应为 [上, 右, 下, 左] 四个毫米数")
    if not all(10 <= m <= 45 for m in margins):
        raise r.fail("[page]", "页边距应在10到45毫米之间")
    blocks = raw.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        raise r.fail("顶层", "至少要有一个 [[blocks]]")
    return FormTemplate(
        name=name,
        title=r.str_(raw, "title", "顶层", ""),
        record=record,
        description=r.str_(raw, "description", "顶层", ""),
        copies=copies,
        copies_note=r.str_(raw, "copies_note", "顶层", ""),
        outward=r.flag(raw, "outward", "顶层"),
        margins_mm=(float(margins[0]), float(margins[1]), float(margins[2]), float(margins[3])),
        font_size=r.num(page, "font_size", "[page]", 11) or 11.0,
        meta_left=r.str_(meta, "left", "[meta]", ""),
        meta_right=r.str_(meta, "right", "[meta]", ""),
        header=r.str_(page, "header", "[page]", ""),
        blocks=tuple(r.block(b, i) for i, b in enumerate(blocks, 1)),
        path=path,
    )


def load_template(path: Path) -> FormTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise TemplateError(f"无法读取表单模板 {path}：{e}。请检查程序文件是否完整。") from None
    return parse_template(path.stem, text, path)


@cache
def _bundled() -> tuple[dict[str, FormTemplate], dict[str, TemplateError]]:
    forms: dict[str, FormTemplate] = {}
    broken: dict[str, TemplateError] = {}
    for p in sorted(forms_path().glob("*.toml")):
        try:
            forms[p.stem] = load_template(p)
        except TemplateError as e:  # one damaged file must not take the other forms with it
            broken[p.stem] = e
    return forms, broken


def available_forms() -> dict[str, FormTemplate]:
    """Every template in forms/ that loads, by name (the file name without .toml)."""
    return _bundled()[0]


def broken_forms() -> dict[str, TemplateError]:
    """Bundled templates that do not load (a damaged installation), with the reason."""
    return _bundled()[1]


def get_template(name: str) -> FormTemplate:
    forms, broken = _bundled()
    if name in broken:
        raise broken[name]
    if name not in forms:
        known = "、".join(forms) or "（无）"
        raise TemplateError(f"没有名为“{name}”的表单。可用的表单：{known}（fieldapp print --list 可查看）")
    return forms[name]
