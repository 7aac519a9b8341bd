"""The one CJK font of printed documents: WenQuanYi Micro Hei, shipped in resources/fonts/.

ReportLab embeds only TrueType (glyf) outlines; this font is one, and is embedded as a subset,
so a document prints the same on a PC with no Chinese font installed.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp.assets import resource_path

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")


@cache
def register_font() -> str:
    """Register the bundled font once per process; return its ReportLab name."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path(*FONT_FILE)), subfontIndex=0))
    return FONT_NAME
