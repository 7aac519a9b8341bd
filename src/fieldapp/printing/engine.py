"""The one ReportLab engine: a FormTemplate plus record data gives the PDF of a form.

A4 with margins in the spirit of GB/T 9704 (each template may narrow them for wide tables), the
title in a large faux-bold face, body text 10.5–12 pt, page numbers "— 1 —" at the foot, tables
that repeat their header row on every page, and Chinese that wraps anywhere (wordWrap='CJK').
Only the bundled TrueType font is used, embedded as a subset.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as paragraph_module
from reportlab.platypus.flowables import TopPadder

from fieldapp import __version__
from fieldapp.printing.binding import bind, rows_of
from fieldapp.printing.errors import TemplateError
from fieldapp.printing.fonts import missing_seen, register_font, runs, with_fallback
from fieldapp.printing.template import Block, FormTemplate, GridRow

# ReportLab's CJK line breaking knows the Japanese punctuation that may not start a line, but
# not the full-width Chinese comma, semicolon, colon, question and exclamation marks: add them, so
# that such a mark hangs at the end of the line instead of starting the next (避头点).
_CHINESE_NO_LINE_START = "，；：？！）》」』】〕…"
for _module in (paragraph_module, textsplit):  # one-fragment paragraphs split in textsplit
    _module.ALL_CANNOT_START += "".join(
        c for c in _CHINESE_NO_LINE_START if c not in _module.ALL_CANNOT_START
    )

PAGE_SIZE = A4
TITLE_SIZE = 20.0  # 二号 is 22 pt; 20 pt keeps the longest archive title on one line
LINE = 0.6  # inner rules, pt
BOX = 1.0  # outer frame, pt
PAD = 3.0
SHADE = colors.Color(0.93, 0.93, 0.93)
SPLIT_IN_ROW = 36.0  # pt: a row is split inside only if at least this much of it fits (≈ 2 lines)
_IDEOGRAPHIC_BLANK = "&nbsp;" * 4  # a no-break space of the bundled font is a quarter em
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    # characters no bundled font has, printed as □: the user is told before the paper leaves
    missing_glyphs: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class _Styles:
    """Paragraph styles of one form, cached by (size, align)."""

    def __init__(self, font: str, base: float) -> None:
        self.font = font
        self.base = base
        self._cache: dict[tuple[float, str], ParagraphStyle] = {}

    def get(self, size: float = 0.0, align: str = "left", indent: bool = False) -> ParagraphStyle:
        size = size or self.base
        key = (size, align + ("/i" if indent else ""))
        style = self._cache.get(key)
        if style is None:
            style = ParagraphStyle(
                f"s{size}{key[1]}",
                fontName=self.font,
                fontSize=size,
                leading=round(size * 1.4, 1),
                alignment=_ALIGN[align],
                wordWrap="CJK",
                firstLineIndent=2 * size if indent else 0,
            )
            self._cache[key] = style
        return style


class _Title(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The form title, centred, faux-bold (the bundled font has no bold face), shrunk to fit."""

    def __init__(self, text: str, font: str, size: float = TITLE_SIZE) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        while self.size > 12 and text_width(self.text, self.size) > aw:
            self.size -= 0.5
        return aw, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(self.size * 0.035)
        text = c.beginText()
        text.setTextRenderMode(2)  # fill and stroke: a heavier stroke for the heading
        text.setTextOrigin((self.width - text_width(self.text, self.size)) / 2, self.size * 0.45)
        for font, part in runs(self.text):
            text.setFont(font, self.size)
            text.textOut(part)
        c.drawText(text)
        c.restoreState()


class _CutLine(Flowable):  # type: ignore[misc]
    """A dashed tear-off line across the frame with a short instruction in its middle."""

    def __init__(self, text: str, font: str, size: float = 9.0) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.size * 2.2

    def draw(self) -> None:
        c = self.canv
        y = self.size * 1.1
        text_w = stringWidth(self.text, self.font, self.size) + 12 if self.text else 0
        c.saveState()
        c.setDash(4, 3)
        c.setLineWidth(0.7)
        left_end = (self.width - text_w) / 2
        c.line(0, y, left_end, y)
        c.line(self.width - left_end, y, self.width, y)
        c.setDash()
        if self.text:
            c.setFont(self.font, self.size)
            c.drawCentredString(self.width / 2, y - self.size * 0.35, self.text)
        c.restoreState()


CHUNK_LINES = 5  # long text in a cell is cut into rows of this many lines, so tables split


def _chunk_row(
    line: list[Any], value_cols: Sequence[int], widths: Sequence[float], leading: float
) -> list[list[Any]]:
    """One table row, or several when a value runs longer than a few lines.

    ReportLab splits a table only between rows (its in-row split fails on rows taller than a
    page), so a long note becomes rows of CHUNK_LINES lines each: the first keeps the labels,
    the others continue the text below them, and the table flows over as many pages as needed.
    """
    limit = leading * CHUNK_LINES + 0.5
    pieces: dict[int, list[Any]] = {}
    for col, width in zip(value_cols, widths, strict=True):
        value = line[col]
        if not isinstance(value, Paragraph):
            continue
        # most values are a few words: skip measuring what cannot reach the limit (every
        # character is at most one em wide; markup only overestimates)
        text = value.text
        if (
            len(text) * value.style.fontSize / width + text.count("<br/>") + 1
        ) * value.style.leading <= limit * 1.5:
            continue
        _, h = value.wrap(width, 1e9)
        if h <= limit * 1.5:
            continue
        parts: list[Any] = []
        rest = value
        while True:
            split = rest.split(width, limit)
            if len(split) < 2:
                parts.append(rest)
                break
            parts.append(split[0])
            rest = split[1]
            if rest.wrap(width, 1e9)[1] <= limit:
                parts.append(rest)
                break
        pieces[col] = parts
    if not pieces:
        return [line]
    count = max(len(p) for p in pieces.values())
    rows = [list(line)] + [[""] * len(line) for _ in range(count - 1)]
    for col, parts in pieces.items():
        for i in range(count):
            rows[i][col] = parts[i] if i < len(parts) else ""
    return rows


def text_width(text: str, size: float) -> float:
    return float(sum(stringWidth(part, font, size) for font, part in runs(text)))


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, anchor: str = "left") -> None:
    """Plain text on the canvas, rare characters in the fallback font; anchor left/centre/right."""
    if anchor != "left":
        x -= text_width(text, size) / (2 if anchor == "centre" else 1)
    for font, part in runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, font, size)


def _no_double_quotes(markup: str) -> str:
    """A value already in quotes (“金秋助学”) inside a template's quotes prints one pair."""
    return markup.replace("““", "“").replace("””", "”")


def _ts(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style that also sets the cell font: plain-string cells default to Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()), *commands])


def qr_drawing(payload: str, size_mm: float) -> Drawing:
    widget = QrCodeWidget(payload)
    widget.barLevel = "M"
    x0, y0, x1, y1 = widget.getBounds()
    side = size_mm * mm
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.initialFontName = register_font()  # else the drawing adds an unembedded Helvetica
    drawing.add(widget)
    return drawing


class _Builder:
    def __init__(self, template: FormTemplate, data: Mapping[str, Any]) -> None:
        self.t = template
        self.data = data
        self.font = register_font()
        self.styles = _Styles(self.font, template.font_size)
        _top, right, _bottom, left = template.margins_mm
        self.width = PAGE_SIZE[0] - (left + right) * mm

    # -- helpers ---------------------------------------------------------------------------
    def bind(self, text: str, data: Mapping[str, Any] | None = None) -> str:
        return bind(text, self.data if data is None else data, self.t.name)

    def para(self, text: str, size: float = 0.0, align: str = "left", indent: bool = False) -> Paragraph:
        # Paragraph collapses runs of U+3000 like any whitespace; forms use them as blanks to
        # write in, so each becomes non-breaking spaces of the same width.
        # Characters the main font lacks (𠮷, 䶮) are set in the fallback font.
        markup = with_fallback(text.replace("\u3000", _IDEOGRAPHIC_BLANK))
        return Paragraph(_no_double_quotes(markup), self.styles.get(size, align, indent))

    def _grid_table(
        self, rows: Sequence[GridRow], weights: Sequence[float], width: float, size: float
    ) -> Table:
        col_widths = self._fit_labels(rows, weights, width, size)
        n = len(weights)
        cells: list[list[Any]] = []
        style: list[tuple[Any, ...]] = []
        heights: list[float] = []
        lines: list[tuple[Any, ...]] = [
            ("LINEAFTER", (c, 0), (c, -1), LINE, colors.black) for c in range(n - 1)
        ]
        for row in rows:
            r = len(cells)
            line: list[Any] = [""] * n
            if row.header:
                line[0] = self.para(self.bind(row.header), size, "center")
                style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SHADE)]
                cells.append(line)
                heights.append(0.0)
                lines.append(("LINEBELOW", (0, r), (-1, r), LINE, colors.black))
                continue
            col = 0
            spans: list[tuple[int, int]] = []
            value_cols: list[int] = []
            for cell in row.cells:
                if cell.label:
                    line[col] = self.para(self.bind(cell.label), size, "center")
                    col += 1
                end = col + cell.span - 1
                line[col] = self.para(self.bind(cell.value), size, cell.align)
                spans.append((col, end))
                value_cols.append(col)
                col = end + 1
            inner = [sum(col_widths[c0 : c1 + 1]) - 2 * PAD - 2 for c0, c1 in spans]
            chunked = _chunk_row(line, value_cols, inner, self.styles.get(size).leading)
            min_height = row.height_mm * mm
            for i, part in enumerate(chunked):
                ri = r + i
                cells.append(part)
                for c0, c1 in spans:
                    if c1 > c0:
                        style.append(("SPAN", (c0, ri), (c1, ri)))
                    if row.height_mm or len(chunked) > 1:  # room to write in, or continued text
                        style.append(("VALIGN", (0, ri), (-1, ri), "TOP"))
                heights.append(0.0)
            if len(chunked) > 1:
                # the continuation rows of one field read as one cell: no rule between them
                style.append(("TOPPADDING", (0, r + 1), (-1, r + len(chunked) - 1), 0))
                style.append(("BOTTOMPADDING", (0, r), (-1, r + len(chunked) - 2), 0))
                leading = self.styles.get(size).leading
                heights[-1] = max(0.0, min_height - (len(chunked) - 1) * leading * CHUNK_LINES)
            else:
                heights[-1] = min_height
            lines.append(("LINEBELOW", (0, len(cells) - 1), (-1, len(cells) - 1), LINE, colors.black))
        base: list[tuple[Any, ...]] = [
            *lines,
            ("BOX", (0, 0), (-1, -1), BOX, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD + 2),  # room for a hanging comma
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ]
        # minimum heights (room to write in) that long text may exceed; long text was cut into
        # rows of a few lines (`_chunk_row`), so the table splits between them onto the next page
        return Table(cells, colWidths=col_widths, minRowHeights=heights, style=_ts(base + style))

    def _fit_labels(
        self, rows: Sequence[GridRow], weights: Sequence[float], width: float, size: float
    ) -> list[float]:
        """Column widths from the weights, widened so that no label (up to 7 characters) wraps.

        The extra width is taken from the value columns in proportion to their share.
        """
        total = sum(weights)
        widths = [width * w / total for w in weights]
        need = [0.0] * len(weights)
        for row in rows:
            col = 0
            for cell in row.cells:
                if cell.label:
                    label = cell.label if len(cell.label) <= 7 else cell.label[:7]
                    w = stringWidth(label, self.font, size or self.t.font_size) + 2 * PAD + 4
                    need[col] = max(need[col], w)
                    col += 1
                col += cell.span
        deficit = sum(max(0.0, need[i] - widths[i]) for i in range(len(widths)))
        if deficit <= 0:
            return widths
        donors = [i for i in range(len(widths)) if need[i] == 0.0]
        pool = sum(widths[i] for i in donors)
        if not donors or pool <= deficit * 2:
            return widths  # nothing sensible to take from: let labels wrap
        result = []
        for i, w in enumerate(widths):
            if need[i] > w:
                result.append(need[i])
            elif i in donors:
                result.append(w - deficit * w / pool)
            else:
                result.append(w)
        return result

    # -- blocks ----------------------------------------------------------------------------
    def block(self, b: Block) -> list[Flowable]:
        method = getattr(self, f"_{b.kind}")
        result: list[Flowable] = method(b)
        return result

    def _heading(self, b: Block) -> list[Flowable]:
        size = b.size or self.t.font_size + 1
        return [Spacer(1, 2 * mm), self.para(self.bind(b.text), size, b.align), Spacer(1, 1.5 * mm)]

    def _paragraph(self, b: Block) -> list[Flowable]:
        return [self.para(self.bind(b.text), b.size, b.align, b.indent), Spacer(1, 1.5 * mm)]

    def _spacer(self, b: Block) -> list[Flowable]:
        return [Spacer(1, b.height_mm * mm)]

    def _grid(self, b: Block) -> list[Flowable]:
        table = self._grid_table(b.rows, b.columns, self.width, b.size)
        return [table, Spacer(1, 3 * mm)]

    def _table(self, b: Block) -> list[Flowable]:
        size = b.size or self.t.font_size - 1.5
        cols = b.table_columns
        total = sum(c.width for c in cols)
        widths = [self.width * c.width / total for c in cols]
        cells: list[list[Any]] = []
        style: list[tuple[Any, ...]] = []
        if b.caption:
            cells.append([self.para(self.bind(b.caption), size + 0.5, "center")] + [""] * (len(cols) - 1))
            style += [("SPAN", (0, 0), (-1, 0))]
        header_rows = len(cells) + 1
        continued: list[tuple[int, int]] = []  # the rows one long record was cut into
        cells.append([self.para(self.bind(c.label), size, "center") for c in cols])
        style += [("BACKGROUND", (0, header_rows - 1), (-1, header_rows - 1), SHADE)]
        records = rows_of(self.data, b.data, self.t.name)
        inner = [w - 4 for w in widths]  # 2 pt padding either side
        leading = self.styles.get(size).leading
        for i, record in enumerate(records, 1):
            row_data = {**self.data, **record, "#": str(i)}
            line = [self.para(self.bind(c.value, row_data), size, c.align) for c in cols]
            # a long note (a relief payment's 2,000 characters) becomes rows of a few lines, as
            # in the grids: a row taller than the page could not be laid out at all
            chunked = _chunk_row(line, range(len(cols)), inner, leading)
            if len(chunked) > 1:
                continued.append((len(cells), len(cells) + len(chunked) - 1))
            cells.extend(chunked)
        if not records and b.empty:
            cells.append([self.para(self.bind(b.empty), size, "center")] + [""] * (len(cols) - 1))
            style.append(("SPAN", (0, len(cells) - 1), (-1, len(cells) - 1)))
        blank_height = size * 1.4 + 2 * PAD
        heights: list[float | None] = [None] * len(cells)
        while len(cells) - header_rows < b.min_rows:
            cells.append([""] * len(cols))
            heights.append(blank_height)
        style += [
            ("GRID", (0, 0), (-1, -1), LINE, colors.black),
            ("BOX", (0, 0), (-1, -1), BOX, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for first, last in continued:  # after the grid: its rows read as one record
            style += [
                ("VALIGN", (0, first), (-1, last), "TOP"),
                ("TOPPADDING", (0, first + 1), (-1, last), 0),
                ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                ("LINEBELOW", (0, first), (-1, last - 1), LINE, colors.white),
            ]
        table = Table(
            cells,
            colWidths=widths,
            rowHeights=heights,
            repeatRows=header_rows,
            splitInRow=SPLIT_IN_ROW,
            style=_ts(style),
        )
        return [table, Spacer(1, 3 * mm)]

    def _signatures(self, b: Block) -> list[Flowable]:
        size = b.size or self.t.font_size
        n = len(b.items)
        row: list[Any] = []
        widths: list[float] = []
        blank = (self.width - sum(stringWidth(self.bind(i) + "：", self.font, size) + 4 for i in b.items)) / n
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ]
        for i, item in enumerate(b.items):
            label = self.bind(item) + "："
            row += [self.para(label, size), ""]
            widths += [stringWidth(label, self.font, size) + 4, blank]
            style.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, 0), LINE, colors.black))
            style.append(("RIGHTPADDING", (2 * i + 1, 0), (2 * i + 1, 0), 8))
        flow: list[Flowable] = [Spacer(1, 2 * mm), Table([row], colWidths=widths, style=_ts(style))]
        if b.date_label:
            flow += [Spacer(1, 2 * mm), self.para(self.bind(b.date_label), size, "right")]
        return [KeepTogether(flow), Spacer(1, 3 * mm)]

    def _opinions(self, b: Block) -> list[Flowable]:
        size = b.size or self.t.font_size
        per_row = b.per_row
        col_w = self.width / per_row
        height = b.height_mm * mm
        sign_h = size * 1.4 * 2 + 4
        boxes: list[Any] = []
        for op in b.opinions:
            body = [self.para(self.bind(op.label) + "：", size)]
            if op.text:
                body.append(self.para(self.bind(op.text), size, indent=True))
            sign = [
                self.para(self.bind(op.signer) + "：" + "　" * 6, size, "right"),
                self.para(("（盖章）　" if op.seal else "") + "　　年　　月　　日", size, "right"),
            ]
            inner = Table(
                [[body], [sign]],
                colWidths=[col_w - 2 * PAD],
                rowHeights=[height - sign_h - 2 * PAD, sign_h],
                style=_ts(
                    [
                        ("VALIGN", (0, 0), (-1, 0), "TOP"),
                        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                ),
            )
            boxes.append(inner)
        rows = [boxes[i : i + per_row] for i in range(0, len(boxes), per_row)]
        if len(rows[-1]) < per_row:
            rows[-1] += [""] * (per_row - len(rows[-1]))
        table = Table(
            rows,
            colWidths=[col_w] * per_row,
            style=_ts(
                [
                    ("GRID", (0, 0), (-1, -1), LINE, colors.black),
                    ("BOX", (0, 0), (-1, -1), BOX, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), PAD),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
                ]
            ),
        )
        return [table, Spacer(1, 3 * mm)]

    def _stub(self, b: Block) -> list[Flowable]:
        """The tear-off return stub at the foot of the page, with its QR code at the right."""
        size = b.size or self.t.font_size - 0.5
        qr_side = 30.0  # mm: 200 dpi scans decode reliably at this size
        qr_col = (qr_side + 6) * mm
        grid = self._grid_table(b.rows, b.columns, self.width - qr_col - 2 * mm, size)
        qr_cell: list[Flowable] = []
        if b.qr:
            qr_cell.append(qr_drawing(bind(b.qr, self.data, self.t.name, markup=False), qr_side))
        if b.qr_caption:
            qr_cell.append(self.para(self.bind(b.qr_caption), 7, "center"))
        outer = Table(
            [
                [_CutLine(self.bind(b.text) if b.text else "", self.font), ""],
                [self.para(self.bind(b.title), size + 3, "center"), ""],
                [grid, qr_cell],
            ],
            colWidths=[self.width - qr_col, qr_col],
            splitByRow=0,  # the stub is cut off whole: never split over two pages
            style=_ts(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("SPAN", (0, 1), (-1, 1)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("LEFTPADDING", (1, 2), (1, 2), 2 * mm),
                ]
            ),
        )
        return [TopPadder(outer)]

    def _card(self, b: Block) -> list[Flowable]:
        """A bordered card (the contact card for the family's wall), `repeat` times with cut lines."""
        size = b.size or self.t.font_size + 1
        inner_w = self.width - 8 * mm
        parts: list[list[Any]] = [
            [_Title(bind(b.title, self.data, self.t.name, markup=False), self.font, size + 8)]
        ]
        if b.text:
            parts.append([self.para(self.bind(b.text), size - 1, "center")])
        parts.append([self._grid_table(b.rows, b.columns, inner_w, size)])
        if b.footer:
            parts.append([self.para(self.bind(b.footer), size - 2, "left")])
        card = Table(
            parts,
            colWidths=[self.width],
            style=_ts(
                [
                    ("BOX", (0, 0), (-1, -1), 2.0, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("TOPPADDING", (0, 0), (-1, 0), 5 * mm),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 5 * mm),
                ]
            ),
        )
        flow: list[Flowable] = []
        for i in range(b.repeat):
            if i:
                flow += [Spacer(1, 4 * mm), _CutLine("沿虚线剪下", self.font), Spacer(1, 4 * mm)]
            flow.append(card)
        return flow

    # -- the document ----------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        t = self.t
        flow: list[Flowable] = [_Title(self.bind(t.title), self.font)] if t.title else []
        if t.copies_note:
            flow.append(self.para(self.bind(t.copies_note), t.font_size - 1.5, "center"))
        if t.meta_left or t.meta_right:
            size = t.font_size - 1
            meta = Table(
                [
                    [
                        self.para(self.bind(t.meta_left), size),
                        self.para(self.bind(t.meta_right), size, "right"),
                    ]
                ],
                colWidths=[self.width * 0.55, self.width * 0.45],
                style=_ts(
                    [
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ]
                ),
            )
            flow.append(meta)
        flow.append(Spacer(1, 2 * mm))
        blocks = list(t.blocks)
        body_at, tail_end = _sign_off_span(blocks)
        for i, b in enumerate(blocks):
            if i == body_at and tail_end > i + 1:
                tail: list[Flowable] = []
                for later in blocks[i + 1 : tail_end]:
                    tail += self.block(later)
                flow.append(_KeepTail(self.block(b), tail))
            elif not body_at < i < tail_end:
                flow += self.block(b)
        return flow

    def header(self) -> tuple[str, str]:
        """The running header of every page: the form on the left, whose and which on the right."""
        t = self.t
        left = bind(t.title, self.data, t.name, markup=False) or t.description
        if t.header:
            return left, bind(t.header, self.data, t.name, markup=False)
        try:
            return left, bind(_DEFAULT_HEADERS.get(t.record, ""), self.data, t.name, markup=False)
        except TemplateError:  # data of another shape (a trial render): the title alone
            return left, ""


# what names the record on every page, by record kind (a template may set [page] header)
_DEFAULT_HEADERS = {
    "household": "户主：{head.name}　档案编号：{household.code}",
    "visit": "户主：{head.name}　走访编号：{visit.code}　档案编号：{household.code}",
    "referral": "户主：{head.name}　转介编号：{referral.code}",
    "notice": "{notice.area}",
}
_CONTENT_KINDS = {"grid", "table"}
_TAIL_KINDS = {"signatures", "opinions", "paragraph", "spacer", "heading"}


def _sign_off_span(blocks: Sequence[Block]) -> tuple[int, int]:
    """(index of the last content block, end of the sign-off blocks after it), or (-1, -1).

    The sign-off is what follows the last grid or table up to the end or a tear-off stub:
    signature lines, opinion and seal boxes, the closing seal line and date of a notice, and
    the pledge or note paragraphs between them. It is kept on one page with the content's last
    lines, so a page never holds the seal boxes alone.
    """
    end = len(blocks)
    while end and blocks[end - 1].kind in ("stub", "card"):
        end -= 1
    i = end - 1
    while i >= 0 and blocks[i].kind in _TAIL_KINDS:
        i -= 1
    if i < 0 or blocks[i].kind not in _CONTENT_KINDS or i == end - 1:
        return -1, -1
    return i, end


def _height_of(flowables: Sequence[Flowable], canv: Canvas, aw: float, ah: float = 1e9) -> float:
    """Height of flowables one after the other; measured against `ah`, a long table stops
    counting rows once past it (ReportLab's long-table optimisation), so the result is exact
    when it fits and merely larger than `ah` when it does not."""
    total = 0.0
    for f in flowables:
        h = f.wrapOn(canv, aw, ah)[1]
        if isinstance(f, KeepTogether):  # it reports a huge height to force a split
            h = f._H
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
        if total > ah:
            break
    return total


class _KeepTail(Flowable):  # type: ignore[misc]
    """Content flowables followed by a sign-off that may not start a page on its own.

    When both do not fit, the content is split so that at least its last lines (a table's last
    rows, a paragraph's last lines) go to the next page with the sign-off; content too short to
    split moves there whole. A sign-off taller than a page simply flows.
    """

    CARRY = 30.0  # pt of content that at least accompanies the sign-off (two lines or a row)

    def __init__(self, body: list[Flowable], tail: list[Flowable]) -> None:
        super().__init__()
        self.body, self.tail = body, tail

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        # never drawn as one: reporting more than the room left makes the frame split it, and
        # the split measures against that room only (a 500-row table is not measured whole)
        return aw, ah + 1

    def draw(self) -> None:
        raise AssertionError("_KeepTail is always split")

    def split(self, aw: float, ah: float) -> list[Flowable]:
        canv = self.canv
        tail_h = _height_of(self.tail, canv, aw)
        body_h = _height_of(self.body, canv, aw, ah)
        if body_h + tail_h <= ah:
            return [*self.body, *self.tail]
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        page_room = float(getattr(frame, "_aH", ah))
        if tail_h + self.CARRY <= page_room:
            first, rest = _fill(self.body, canv, aw, ah)
            if all(isinstance(f, Spacer) for f in rest):
                # the content fits here but the sign-off does not: take the content's end along
                first, rest = _fill(self.body, canv, aw, body_h - self.CARRY)
            if first and not all(isinstance(f, Spacer) for f in rest):
                return [*first, _KeepTail(rest, self.tail)]
            if not at_top:
                return []  # all of it to the next page
        # the sign-off is taller than a page (or nothing splits): let everything flow
        first, rest = _fill([*self.body, *self.tail], canv, aw, ah)
        return [*first, *rest] if first else []


def _fill(
    flowables: Sequence[Flowable], canv: Canvas, aw: float, limit: float
) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables (and part of one) that fit in `limit`, and the rest."""
    used = 0.0
    first: list[Flowable] = []
    for i, f in enumerate(flowables):
        h = f.wrapOn(canv, aw, limit - used)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        if used + h <= limit:
            first.append(f)
            used += h
            continue
        parts = f.splitOn(canv, aw, limit - used) if limit - used > 0 else []
        if len(parts) >= 2:
            return [*first, parts[0]], [*parts[1:], *flowables[i + 1 :]]
        return first, list(flowables[i:])
    return first, []


class _FormStart(Flowable):  # type: ignore[misc]
    """Invisible marker at the start of each form: its pages are counted from here."""

    def __init__(self, starts: list[int]) -> None:
        super().__init__()
        self.starts = starts

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.starts.append(self.canv.getPageNumber())


@dataclass(frozen=True)
class RenderedBundle:
    """Several forms in one PDF (all forms of a household), with each form's page count."""

    pdf: RenderedPdf
    pages: tuple[tuple[str, int], ...]  # (form name, pages) in order


@dataclass
class _PageMark:
    form: int  # index of the form in the bundle
    header: tuple[str, str]
    foot_y: float
    header_y: float
    left: float
    right: float


def _marking_canvas(marks: list[_PageMark]) -> type[Canvas]:
    """A canvas that draws each page's running header and "第 N 页 共 M 页" when the document is
    complete, because M (the form's page count) is only known then."""

    class MarkingCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for m in marks:
                totals[m.form] = totals.get(m.form, 0) + 1
            seen: dict[int, int] = {}
            for state, mark in zip(self._pages, marks, strict=False):
                self.__dict__.update(state)
                seen[mark.form] = seen.get(mark.form, 0) + 1
                _draw_marks(self, mark, seen[mark.form], totals[mark.form])
                Canvas.showPage(self)
            Canvas.save(self)

    return MarkingCanvas


def _draw_marks(canvas: Canvas, mark: _PageMark, number: int, total: int) -> None:
    font = register_font()
    canvas.saveState()
    canvas.setFont(font, 10.5)
    canvas.drawCentredString(PAGE_SIZE[0] / 2, mark.foot_y, f"第 {number} 页 共 {total} 页")
    left, right = mark.header
    size = 8.0
    canvas.setFillGray(0.3)
    width = mark.right - mark.left
    left_room = width - text_width(right, size) - size * 2
    while left and text_width(left, size) > left_room and len(left) > 4:
        left = left[:-2] + "…"
    draw_text(canvas, mark.left, mark.header_y, left, size)
    draw_text(canvas, mark.right, mark.header_y, right, size, "right")
    canvas.setLineWidth(0.4)
    canvas.setStrokeGray(0.5)
    canvas.line(mark.left, mark.header_y - 3, mark.right, mark.header_y - 3)
    canvas.restoreState()


def render_many(parts: Sequence[tuple[FormTemplate, Mapping[str, Any]]]) -> RenderedBundle:
    """Render forms one after the other into one PDF, each on its own pages with its margins.

    Every page carries a running header naming the form and the record (household, code) and
    "第 N 页 共 M 页", counted within its form."""
    if not parts:
        raise ValueError("nothing to render")
    seen: dict[str, None] = {}
    token = missing_seen.set(seen)
    try:
        return _render_many(parts, seen)
    finally:
        missing_seen.reset(token)


def _render_many(
    parts: Sequence[tuple[FormTemplate, Mapping[str, Any]]], seen: dict[str, None]
) -> RenderedBundle:
    starts: list[int] = []
    marks: list[_PageMark] = []
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for i, (template, data) in enumerate(parts):
        top, right, bottom, left = template.margins_mm
        page_id = f"{i}:{template.name}"
        frame = Frame(
            left * mm,
            bottom * mm,
            PAGE_SIZE[0] - (left + right) * mm,
            PAGE_SIZE[1] - (top + bottom) * mm,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=page_id,
        )
        builder = _Builder(template, data)
        mark = _PageMark(
            form=i,
            header=builder.header(),
            foot_y=bottom * mm / 2,
            header_y=PAGE_SIZE[1] - min(top * mm * 0.55, 12 * mm),
            left=left * mm,
            right=PAGE_SIZE[0] - right * mm,
        )

        def on_page(canvas: Canvas, doc: BaseDocTemplate, mark: _PageMark = mark) -> None:
            marks.append(mark)

        templates.append(PageTemplate(id=page_id, frames=[frame], onPageEnd=on_page, pagesize=PAGE_SIZE))
        if i:
            story += [NextPageTemplate(page_id), PageBreak()]
        story.append(_FormStart(starts))
        story += builder.story()
    first_template, first_data = parts[0]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        pageTemplates=templates,
        title=bind(first_template.title, first_data, first_template.name, markup=False)
        or first_template.description,
        author="fieldapp",
        creator=f"fieldapp {__version__}",
        subject=first_template.description,
        pageCompression=1,
        initialFontName=register_font(),  # else an unembedded Helvetica is added to every page
    )
    doc.build(story, canvasmaker=_marking_canvas(marks))
    total = doc.page
    bounds = [*starts, total + 1]
    pages = tuple((template.name, bounds[i + 1] - bounds[i]) for i, (template, _) in enumerate(parts))
    return RenderedBundle(RenderedPdf(buffer.getvalue(), total, tuple(seen)), pages)


def render(template: FormTemplate, data: Mapping[str, Any]) -> RenderedPdf:
    """Render one form for one record's data into PDF bytes."""
    return render_many([(template, data)]).pdf
