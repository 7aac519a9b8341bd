"""The bundled CJK fonts, so no system font is assumed (a box for every character otherwise).

WenQuanYi Micro Hei is the application font. Rare ideographs it lacks (𠮷, 䶮: CJK Extensions
A–F, found in real names) come from the fallback fonts of `assets.RARE_FONTS`, listed after it
in the application font's families so Qt takes each missing glyph from them. They are large, so
they are unpacked on a worker thread after start-up and registered on the GUI thread when ready.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase

from fieldapp.assets import RARE_FONTS, rare_font_data, resource_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")
RARE_FAMILIES = [family for _, family in RARE_FONTS]


def install_app_font(point_size: int = 10) -> QFont:
    """Register WenQuanYi Micro Hei and return it, with the rare-character fallbacks listed
    after it, as the application's default font."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(families[0] if families else "")
    if families:
        font.setFamilies([families[0], *RARE_FAMILIES])
        QFont.insertSubstitutions(families[0], RARE_FAMILIES)
    font.setPointSize(point_size)
    return font


class _RareFontLoader(QObject):
    loaded = Signal(int, bytes)


_loader: _RareFontLoader | None = None


def register_rare_font(index: int, data: bytes) -> bool:
    """Register one fallback font from its data (GUI thread); True when Qt accepted it."""
    return QFontDatabase.addApplicationFontFromData(data) >= 0


def load_rare_fonts_in_background() -> threading.Thread:
    """Unpack the fallback fonts on a worker thread; each is registered on the GUI thread (the
    loader's signal is queued there) as soon as it is ready. Returns the thread (tests join it)."""
    global _loader
    if _loader is None:
        _loader = _RareFontLoader()
        _loader.loaded.connect(register_rare_font)
    loader = _loader

    def work() -> None:
        for index in range(len(RARE_FONTS)):
            try:
                loader.loaded.emit(index, rare_font_data(index))
            except OSError:  # a damaged installation: rare characters show as boxes, nothing else
                return

    thread = threading.Thread(target=work, name="rare-fonts", daemon=True)
    thread.start()
    return thread
