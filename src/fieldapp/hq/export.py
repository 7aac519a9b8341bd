"""Excel and CSV exports of the statistics, in the shape county and city offices send upward.

Each sheet: a merged title row, a line with the unit and the date, Chinese headers (frozen),
the rows, a totals row, column widths. XlsxWriter's constant_memory mode writes row by row to a
temporary file, so a list of a million households streams from a SQL cursor without being held
in memory (a row must be complete before the next: the title and headers come first).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import xlsxwriter

from fieldapp.hq.stats import Table

MAX_SHEET = 31
CSV_BOM = "\ufeff"  # Excel opens UTF-8 CSV with Chinese text correctly only with the BOM


def _width(text: Any) -> int:
    s = str(text if text is not None else "")
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s) + 2


class Workbook:
    """One .xlsx file; add_table / add_rows write sheets in order."""

    def __init__(self, path: Path, unit: str) -> None:
        self.path = path
        self.unit = unit
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
        b = self.book
        self.f_title = b.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        self.f_sub = b.add_format({"font_size": 10, "font_color": "#52606d"})
        self.f_head = b.add_format(
            {
                "bold": True,
                "bg_color": "#EEF1F4",
                "border": 1,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
            }
        )
        self.f_cell = b.add_format({"border": 1})
        self.f_num = b.add_format({"border": 1, "num_format": "#,##0"})
        self.f_money = b.add_format({"border": 1, "num_format": "#,##0.00"})
        self.f_total = b.add_format({"bold": True, "border": 1, "top": 2})
        self.f_total_num = b.add_format({"bold": True, "border": 1, "top": 2, "num_format": "#,##0.##"})
        self.names: set[str] = set()

    def _sheet_name(self, title: str) -> str:
        base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:MAX_SHEET] or "表"
        name, n = base, 2
        while name in self.names:
            name = f"{base[: MAX_SHEET - 3]}({n})"
            n += 1
        self.names.add(name)
        return name

    def add_rows(
        self,
        title: str,
        unit: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[Any]],
        totals: Sequence[Any] | None = None,
        when: dt.date | None = None,
        count_total: bool = False,
    ) -> int:
        """A sheet; rows may be a generator (streamed). Returns the number of rows written."""
        ws = self.book.add_worksheet(self._sheet_name(title))
        ncol = max(1, len(columns))
        ws.set_row(0, 30)
        if ncol > 1:
            ws.merge_range(0, 0, 0, ncol - 1, title, self.f_title)
        else:
            ws.write(0, 0, title, self.f_title)
        day = (when or dt.date.today()).isoformat()
        ws.write(1, 0, f"填报单位：{self.unit}    单位：{unit}    日期：{day}", self.f_sub)
        widths = [_width(c) for c in columns]
        for j, c in enumerate(columns):
            ws.write(2, j, c, self.f_head)
        ws.freeze_panes(3, 0)
        r = 3
        for row in rows:
            for j, v in enumerate(row):
                if isinstance(v, bool) or v is None:
                    ws.write_string(r, j, "" if v is None else str(v), self.f_cell)
                elif isinstance(v, int):
                    ws.write_number(r, j, v, self.f_num)
                elif isinstance(v, float):
                    ws.write_number(r, j, v, self.f_money)
                else:
                    ws.write_string(r, j, str(v), self.f_cell)
                if j < len(widths) and r < 500:  # widths from the first rows: a million rows stay cheap
                    widths[j] = max(widths[j], _width(v))
            r += 1
        if totals is None and count_total:
            totals = ["合计", f"{r - 3}户"]
        if totals is not None:
            for j, v in enumerate(totals):
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(r, j, v, self.f_total_num)
                else:
                    ws.write_string(r, j, str(v), self.f_total)
        for j, w in enumerate(widths):
            ws.set_column(j, j, min(max(w, 6), 60))
        return r - 3

    def add_table(self, t: Table, when: dt.date | None = None) -> int:
        return self.add_rows(t.title, t.unit, t.columns, (row.cells for row in t.rows), t.totals, when)

    def close(self) -> None:
        self.book.close()


def write_report(path: Path, unit: str, tables: Sequence[Table], when: dt.date) -> None:
    book = Workbook(path, unit)
    for t in tables:
        book.add_table(t, when)
    book.close()


def temp_xlsx() -> Path:
    fd, name = tempfile.mkstemp(prefix="fieldapp-", suffix=".xlsx")
    os.close(fd)
    return Path(name)


def file_chunks(path: Path, size: int = 1 << 16) -> Iterator[bytes]:
    """Stream a finished file and remove it afterwards."""
    try:
        with path.open("rb") as f:
            while chunk := f.read(size):
                yield chunk
    finally:
        path.unlink(missing_ok=True)


def csv_rows(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], totals: Sequence[Any] | None = None
) -> Iterator[str]:
    """UTF-8 CSV text with a BOM, one line at a time (for a streamed response)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")

    def line(values: Sequence[Any]) -> str:
        buf.seek(0)
        buf.truncate()
        w.writerow(["" if v is None else v for v in values])
        return buf.getvalue()

    yield CSV_BOM + line(columns)
    for row in rows:
        yield line(row)
    if totals is not None:
        yield line(totals)


def write_csv(out: IO[str], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    for text in csv_rows(columns, rows):
        out.write(text)
