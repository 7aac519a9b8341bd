"""Fonts of printed documents: WenQuanYi Micro Hei, and a fallback for rare characters.

ReportLab embeds only TrueType (glyf) outlines. WenQuanYi Micro Hei is one, embedded as a subset,
so a document prints the same on a PC with no Chinese font installed. It lacks the rarer
ideographs of CJK Extensions A–F that real names use (𠮷 in Extension B, 䶮 in Extension A);
for those the engine switches, character by character, to "Fieldapp Rare Han", subsets of
HanaMin A/B (`packaging/build_fallback_font.py`, Hanazono Font License). The fallback files are
large (xz-compressed in resources/fonts/) and are unpacked and registered only when a document
needs them. A character no bundled font has is reported before printing (`missing_glyphs`) and
printed as □, never dropped.
"""

from __future__ import annotations

import io
import unicodedata
from contextvars import ContextVar
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp.assets import rare_font_data, resource_path

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
# ReportLab names of the fallback fonts of assets.RARE_FONTS: BMP (Extension A…), plane 2 (B–F)
RARE_FONT_NAMES = ("FieldappRareHanA", "FieldappRareHanB")
MISSING_MARK = "□"  # printed in place of a character no bundled font has (the user was told)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond the BMP written as UTF-16 surrogate
    pairs: ReportLab writes `<20BB7>`, which PDF readers misread, so copying or searching 𠮷 in
    the PDF gave a wrong character."""
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def register_font() -> str:
    """Register the bundled font once per process; return its ReportLab name."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path(*FONT_FILE)), subfontIndex=0))
    return FONT_NAME


@cache
def _main_cmap() -> dict[int, Any]:
    cmap: dict[int, Any] = pdfmetrics.getFont(register_font()).face.charToGlyph
    return cmap


@cache
def _main_chars() -> frozenset[str]:
    return frozenset(map(chr, _main_cmap()))


@cache
def _rare(index: int) -> tuple[str, dict[int, Any]]:
    """Unpack and register one fallback font (first use only: ≈ 0.2 s for A, 0.9 s for B)."""
    name = RARE_FONT_NAMES[index]
    font = TTFont(name, io.BytesIO(rare_font_data(index)))
    pdfmetrics.registerFont(font)
    cmap: dict[int, Any] = font.face.charToGlyph
    return name, cmap


def _is_ideograph(cp: int) -> bool:
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


_font_of: dict[str, str | None] = {}
# characters printed as □ while rendering the current document (one collector per thread)
missing_seen: ContextVar[dict[str, None] | None] = ContextVar("missing_seen", default=None)


def _note_missing(char: str) -> None:
    seen = missing_seen.get()
    if seen is not None:
        seen[char] = None


def font_for(char: str) -> str | None:
    """The ReportLab font that draws `char`: the main one, a fallback, or None (no glyph)."""
    hit = _font_of.get(char, "")
    if hit != "":
        return hit
    cp = ord(char)
    found: str | None = None
    if cp in _main_cmap():
        found = FONT_NAME
    elif _is_ideograph(cp):
        for index in (1, 0) if cp > 0xFFFF else (0,):
            name, cmap = _rare(index)
            if cp in cmap:
                found = name
                break
    _font_of[char] = found
    return found


def _ignorable(char: str) -> bool:
    """Line breaks, tabs, zero-width joiners…: no glyph needed."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` that no bundled font can draw, in order, each once."""
    if text.isascii() or _main_chars().issuperset(text):
        return []
    main = _main_cmap()
    missing: dict[str, None] = {}
    for char in text:
        if ord(char) not in main and not _ignorable(char) and font_for(char) is None:
            missing[char] = None
    return list(missing)


def with_fallback(markup: str) -> str:
    """Paragraph markup with every run of characters the main font lacks wrapped in
    `<font name=…>` of the fallback that has them, and characters no font has shown as □.

    Tags and entities are ASCII, which the main font has, so they are never touched."""
    if markup.isascii() or _main_chars().issuperset(markup):
        return markup
    main = _main_cmap()
    out: list[str] = []
    current: str | None = None
    for char in markup:
        font = FONT_NAME if ord(char) in main or _ignorable(char) else font_for(char)
        if font is None:
            _note_missing(char)
            char, font = MISSING_MARK, FONT_NAME
        if font != current:
            if current not in (None, FONT_NAME):
                out.append("</font>")
            if font != FONT_NAME:
                out.append(f'<font name="{font}">')
            current = font
        out.append(char)
    if current not in (None, FONT_NAME):
        out.append("</font>")
    return "".join(out)


def runs(text: str) -> list[tuple[str, str]]:
    """Plain text cut into (font, text) runs, for drawing straight on the canvas."""
    if _main_chars().issuperset(text):
        return [(FONT_NAME, text)] if text else []
    main = _main_cmap()
    result: list[tuple[str, str]] = []
    for char in text:
        font = FONT_NAME if ord(char) in main or _ignorable(char) else font_for(char)
        if font is None:
            _note_missing(char)
            char, font = MISSING_MARK, FONT_NAME
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + char)
        else:
            result.append((font, char))
    return result
