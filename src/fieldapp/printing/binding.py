"""Data binding: `{household.address}` in a template becomes the record's value.

Record data is plain nested dicts of display strings (gathered by the printing service), so a
template can only show values, never run code. A path that does not exist is a template error,
so a typo in a template fails the tests instead of printing an empty box.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from fieldapp.printing.errors import TemplateError

if TYPE_CHECKING:
    from fieldapp.printing.template import FormTemplate

_PLACEHOLDER = re.compile(r"\{([#A-Za-z_][A-Za-z0-9_.]*)\}")


def lookup(data: Mapping[str, Any], path: str, form: str = "") -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise TemplateError(
                f"表单模板 {form}.toml 引用了不存在的数据项“{path}”。请修正模板（可用数据项见 docs/printing.md）。"
            )
        value = value[part]
    return value


def bind(template: str, data: Mapping[str, Any], form: str = "", *, markup: bool = True) -> str:
    """Replace each {path} by its value; with `markup`, values are escaped for ReportLab paragraphs."""

    def replace(match: re.Match[str]) -> str:
        value = lookup(data, match.group(1), form)
        if isinstance(value, Mapping | list):
            raise TemplateError(f"表单模板 {form}.toml 中“{match.group(1)}”是一组数据，不能直接显示")
        text = "" if value is None else str(value)
        return escape(text).replace("\n", "<br/>") if markup else text

    return _PLACEHOLDER.sub(replace, template)


def rows_of(data: Mapping[str, Any], path: str, form: str = "") -> list[Mapping[str, Any]]:
    value = lookup(data, path, form)
    if not isinstance(value, list):
        raise TemplateError(f"表单模板 {form}.toml 中表格数据“{path}”不是列表")
    return value


def check_bindings(template: FormTemplate, data: Mapping[str, Any]) -> None:
    """Bind every text of a template against sample data of its record kind, without rendering.

    `data` has the shape the printing service gathers (every key, lists with one sample row), so
    a placeholder naming data that does not exist fails here exactly as it would when printing.
    """
    name = template.name
    texts = [template.title, template.copies_note, template.meta_left, template.meta_right, template.header]
    for b in template.blocks:
        texts += [b.text, b.caption, b.empty, b.date_label, b.title, b.qr, b.qr_caption, b.footer]
        texts += list(b.items)
        for op in b.opinions:
            texts += [op.label, op.text, op.signer]
        for row in b.rows:
            texts.append(row.header)
            for cell in row.cells:
                texts += [cell.label, cell.value]
        if b.kind == "table":
            texts += [c.label for c in b.table_columns]
            for record in rows_of(data, b.data, name)[:1] or [{}]:
                row_data = {**data, **record, "#": "1"}
                for c in b.table_columns:
                    bind(c.value, row_data, name)
    for text in texts:
        bind(text, data, name)
