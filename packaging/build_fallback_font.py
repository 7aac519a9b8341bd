"""Build the rare-character fallback font from HanaMin A and B (Debian `fonts-hanazono`).

WenQuanYi Micro Hei, the app's main font, covers the common CJK characters but not the rarer
ones of CJK Extensions A–F (𠮷, 䶮, …) that appear in real names. This script keeps, of the
HanaMin fonts (glyf TrueType, so ReportLab can embed them), only the CJK code points that
WenQuanYi lacks, renames the result (the OFL reserves the names HanaMinA/HanaMinB; the
Hanazono Font License, under which we use it, allows modified copies) and writes:

    resources/fonts/fieldapp-rare-a.ttf.xz   BMP: Extension A, unified and compatibility ideographs
    resources/fonts/fieldapp-rare-b.ttf.xz   plane 2: Extensions B–F, compatibility supplement

Two files rather than one: each stays under ReportLab's limit of 65,535 glyphs per font, and
the printing engine loads the plane-2 file only when a document needs it. xz-compressed
(≈ 2.4 MB and 12.8 MB instead of 5.1 MB and 30.7 MB): they are unpacked in memory on first use.

Run from a checkout:  python packaging/build_fallback_font.py [--hanazono DIR]
Needs fontTools (in the dev extras); fonts-hanazono from Debian provides the sources.
"""

from __future__ import annotations

import argparse
import io
import lzma
from pathlib import Path

from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
MAIN = FONTS / "wqy-microhei.ttc"

# CJK ideograph blocks a name or an address may use
CJK_RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2EBEF),  # Extensions C, D, E, F
    (0x2F800, 0x2FA1F),  # compatibility supplement
    (0x30000, 0x3134F),  # Extension G (not in HanaMin: reported as missing when used)
)
OUTPUTS = (("HanaMinA.ttf", "fieldapp-rare-a.ttf.xz"), ("HanaMinB.ttf", "fieldapp-rare-b.ttf.xz"))
FAMILY = "Fieldapp Rare Han"


def main_font_cmap() -> set[int]:
    return set(TTCollection(str(MAIN)).fonts[0].getBestCmap())


def wanted(source: TTFont, have: set[int]) -> list[int]:
    cmap = source.getBestCmap()
    return sorted(cp for lo, hi in CJK_RANGES for cp in range(lo, hi + 1) if cp in cmap and cp not in have)


def rename(font: TTFont, suffix: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {suffix}"
    postscript = f"FieldappRareHan-{suffix}"
    for record in list(name.names):
        if record.nameID in (1, 16):
            name.setName(full, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (4,):
            name.setName(full, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            name.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            name.setName(
                f"{postscript};subset of HanaMin", 3, record.platformID, record.platEncID, record.langID
            )
    name.setName(
        "Subset of HanaMin (GlyphWiki Project) by build_fallback_font.py, used under the Hanazono Font License",
        5,
        3,
        1,
        0x409,
    )


def build(hanazono: Path) -> None:
    have = main_font_cmap()
    for source_name, target_name in OUTPUTS:
        source = TTFont(str(hanazono / source_name))
        codepoints = wanted(source, have)
        options = Options()
        options.layout_features = []  # plain glyphs: no vertical forms or ligatures needed
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False  # the source has no useful hints; a smaller file
        subsetter = Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(source)
        rename(source, target_name.removeprefix("fieldapp-rare-").removesuffix(".ttf.xz").upper())
        buffer = io.BytesIO()
        source.save(buffer)
        target = FONTS / target_name
        target.write_bytes(lzma.compress(buffer.getvalue(), preset=9))
        print(
            f"{target.relative_to(ROOT)}: {len(codepoints)} characters, "
            f"{len(buffer.getvalue()):,} bytes, {target.stat().st_size:,} compressed"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hanazono", type=Path, default=Path("/usr/share/fonts/truetype/hanazono"))
    build(parser.parse_args().hanazono)


if __name__ == "__main__":
    main()
