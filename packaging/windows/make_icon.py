"""Make the Windows icon (fieldapp.ico, 16–256 px) from packaging/fieldapp.png.

    python packaging/windows/make_icon.py

The .ico is committed (the spec and the Inno Setup script use it); run this again when the
PNG changes. Needs only Pillow (ReportLab already depends on it).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def make_icon(png: Path = HERE.parent / "fieldapp.png", ico: Path = HERE / "fieldapp.ico") -> Path:
    with Image.open(png) as image:
        image.convert("RGBA").save(ico, format="ICO", sizes=SIZES)
    return ico


if __name__ == "__main__":
    print(make_icon())
