"""One way to find shipped data files (divisions, fonts, catalogue, form templates).

The top-level `resources/` and `forms/` folders of the repository are packaged into the
wheel as `fieldapp/resources` and `fieldapp/forms`; an editable install or a plain checkout
reads them from the repository; a PyInstaller bundle from its data folder. Callers never
care which.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _root(kind: str) -> Path:
    candidates = [_PACKAGE_DIR / kind]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "fieldapp" / kind)
    candidates.append(_PACKAGE_DIR.parent.parent / kind)  # src/fieldapp -> repository root
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fieldapp data folder '{kind}' not found in {candidates}")


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. resource_path('fonts', 'wqy-microhei.ttc')."""
    return _root("resources").joinpath(*parts)


def forms_path(*parts: str) -> Path:
    return _root("forms").joinpath(*parts)


# The rare-character fallback fonts (subsets of HanaMin A/B, packaging/build_fallback_font.py):
# (file under resources/fonts, family name); xz-compressed, unpacked in memory when needed.
RARE_FONTS = (
    ("fieldapp-rare-a.ttf.xz", "Fieldapp Rare Han A"),  # BMP: Extension A, rarer unified ideographs
    ("fieldapp-rare-b.ttf.xz", "Fieldapp Rare Han B"),  # plane 2: Extensions B–F
)


def rare_font_data(index: int) -> bytes:
    """The TrueType data of one fallback font (≈ 0.2 s to unpack A, 0.9 s for B)."""
    import lzma

    return lzma.decompress(resource_path("fonts", RARE_FONTS[index][0]).read_bytes())
