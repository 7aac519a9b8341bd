"""Data binding: `{household.address}` in a template becomes the record's value.

Record data is plain nested dicts of display strings (gathered by the printing service), so a
template can only show values, never run code. A path that does not exist is a template error,
so a typo in a template fails the tests instead of printing an empty box.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from fieldapp.printing.errors import TemplateError

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
