"""Reading old .xls lists (Excel 97–2003, WPS) and the ".xls" files that are really web pages.

Some office systems export an HTML table and name it .xls; Excel opens it, so offices keep it.
Both are read into rows of (1-based line, cells) as the .xlsx and CSV readers give them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path

from fieldapp.domain.errors import ValidationError

Rows = list[tuple[int, Sequence[object]]]


def _file_error(message: str) -> ValidationError:
    return ValidationError.single("file", "名单文件", message)


def _looks_like_html(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<", b"<!doctype")) or b"<table" in text or b"<html" in text


class _TableParser(HTMLParser):
    """Rows of the <table> elements; a cell's text is its text with whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[object]] = []
        self._row: list[object] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()) or None)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _html_rows(path: Path, raw: bytes) -> Rows:
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise _file_error(
            f"“{path.name}”是网页格式的表格，但无法识别其编码；请在Excel中打开后另存为 .xlsx 再导入"
        )
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    if not parser.rows:
        raise _file_error(f"“{path.name}”实际是网页文件，其中没有表格；请在Excel中打开后另存为 .xlsx 再导入")
    return list(enumerate(parser.rows, start=1))


def read_xls(path: Path) -> Iterator[tuple[str, Rows]]:
    """The sheets of an .xls file (or of an HTML table saved as .xls), one list of rows each."""
    with path.open("rb") as f:
        head = f.read(2048)
    if _looks_like_html(head):
        yield "", _html_rows(path, path.read_bytes())
        return
    import python_calamine  # imported here: the GUI and CLI start faster without it

    try:
        workbook = python_calamine.load_workbook(str(path))
    except Exception as e:  # calamine raises its own and Rust panics as several types
        raise _file_error(
            f"无法读取“{path.name}”，文件不是有效的 .xls 表格（{type(e).__name__}）；"
            "请在Excel或WPS中打开后另存为 .xlsx 再导入"
        ) from None
    for name in workbook.sheet_names:
        try:
            sheet = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception:
            continue
        yield name, [(i, [None if v == "" else v for v in cells]) for i, cells in enumerate(sheet, start=1)]
