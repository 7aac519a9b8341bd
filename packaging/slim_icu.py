"""A smaller ICU data library for the Linux bundle (issue 16: bundle size).

PySide6's Qt6Core links ICU, whose data library ``libicudata.so.NN`` is 31 MB: every locale's
names, units, currencies, calendars, break dictionaries, 200 legacy code pages. Qt itself only
calls four parts of ICU (``nm -D --undefined-only libQt6Core.so.6``): collation (``ucol_*``),
code-page conversion (``ucnv_*``), locale-aware case mapping (``u_strToUpper``/``Lower``) and
time-zone names (``ucal_*``). fieldapp sorts and searches Chinese names with pypinyin, not
with Qt, so nothing in the app depends on ICU data at all; what is kept is what Qt can reach:

* collation, time-zone names and locale data for root, Chinese (every ``zh*``) and English;
* the Chinese code pages (GB18030, GBK/CP936, GB2312, Big5/CP950, HKSCS) — UTF-8/16/32,
  Latin-1 and ASCII are built into ICU's code and need no data;
* the core tables (normalisation, properties, likely subtags, plural rules, time-zone rules).

It is made with ICU's own ``icupkg`` (Debian: ``icu-devtools``; the package format is the
same across ICU versions) and a C compiler: the data blob is taken out of the wheel's library
(the symbol ``icudtNN_dat``), stripped of the other items, and linked back into a library with
the same name, soname and symbol. ``python packaging/slim_icu.py LIB OUTDIR`` does it by hand;
the spec calls :func:`slim` and keeps the original library when a tool is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# a locale bundle, also the variants like coll/de__PHONEBOOK.res that need their parent
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEEP_LOCALES = ("root.", "en.", "en_", "zh.", "zh_")
KEEP_TREES = ("coll", "zone")  # other trees: brkitr, curr, lang, rbnf, region, translit, unit
KEEP_CONVERTERS = {
    "gb18030.cnv",
    "windows-936-2000.cnv",  # GBK
    "ibm-1383_P110-1999.cnv",  # GB2312 (EUC-CN)
    "ibm-1386_P100-2001.cnv",  # GBK (IBM)
    "ibm-5478_P100-1995.cnv",  # GB2312 in ISO-2022-CN
    "windows-950-2000.cnv",  # Big5 (its table is ibm-1373)
    "ibm-1373_P100-2002.cnv",
    "ibm-1375_P100-2008.cnv",  # Big5-HKSCS
}
DROP_TOP = {"unames.icu", "confusables.cfu"}  # character names, spoof checking: Qt uses neither


def _unneeded(item: str) -> bool:
    parts = item.split("/")
    name = parts[-1]
    if len(parts) > 1:
        return parts[0] not in KEEP_TREES or (
            LOCALE.match(name) is not None and not name.startswith(KEEP_LOCALES)
        )
    if LOCALE.match(name):
        return not name.startswith(KEEP_LOCALES)
    return (name.endswith(".cnv") and name not in KEEP_CONVERTERS) or name in DROP_TOP


def dropped(items: list[str]) -> list[str]:
    """The items of the ICU data package the bundle does not need."""
    return [item for item in items if _unneeded(item)]


def _data_symbol(lib: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the ICU data blob inside `lib`."""
    rows = subprocess.run(["objdump", "-T", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in rows.splitlines():
        m = re.match(r"^([0-9a-f]+)\s+g\s+DO\s+\.rodata\s+([0-9a-f]+)\s+(icudt\d+_dat)$", line.strip())
        if m:
            addr, size, name = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
            sections = subprocess.run(
                ["objdump", "-h", str(lib)], capture_output=True, text=True, check=True
            ).stdout
            for s in sections.splitlines():
                f = s.split()
                if len(f) >= 6 and f[1] == ".rodata":
                    vma, offset = int(f[3], 16), int(f[5], 16)
                    return name, addr - vma + offset, size
    raise RuntimeError(f"no ICU data symbol in {lib}")


def slim(lib: Path, out_dir: Path) -> Path:
    """Write a reduced copy of `lib` (libicudata.so.NN) into `out_dir`; returns its path."""
    for tool in ("icupkg", "cc", "objdump"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} not found (apt-get install icu-devtools gcc binutils)")
    symbol, offset, size = _data_symbol(lib)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as tmp:
        t = Path(tmp)
        blob = lib.read_bytes()[offset : offset + size]
        if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
            raise RuntimeError(f"{lib}: {symbol} is not an ICU common data package")
        # icupkg names the items after the file (icudt73l/…), so both files keep ICU's name
        dat = f"{symbol[: -len('_dat')]}l.dat"
        full, small = t / "full" / dat, t / "small" / dat
        full.parent.mkdir()
        small.parent.mkdir()
        full.write_bytes(blob)
        listed = subprocess.run(
            ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
        ).stdout.split()
        drop = dropped(listed)
        (t / "drop.txt").write_text("\n".join(drop) + "\n", encoding="ascii")
        subprocess.run(
            ["icupkg", "-r", str(t / "drop.txt"), str(full), str(small)],
            check=True,
            capture_output=True,
        )
        (t / "data.S").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
            f'{symbol}:\n\t.incbin "{small}"\n\t.size {symbol}, .-{symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        out = out_dir / lib.name
        subprocess.run(
            ["cc", "-shared", "-nostdlib", "-o", str(out), f"-Wl,-soname,{lib.name}", str(t / "data.S")],
            check=True,
            capture_output=True,
        )
    return out


if __name__ == "__main__":
    made = slim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{made}: {made.stat().st_size / 1e6:.1f} MB (was {Path(sys.argv[1]).stat().st_size / 1e6:.1f} MB)")
