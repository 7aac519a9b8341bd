"""The bundled CJK font, so no system font is assumed (a box for every character otherwise)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from fieldapp.assets import resource_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")


def install_app_font(point_size: int = 10) -> QFont:
    """Register WenQuanYi Micro Hei and return it as the application's default font."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(families[0] if families else "")
    font.setPointSize(point_size)
    return font
