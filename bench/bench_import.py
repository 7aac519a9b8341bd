"""Benchmark the household-list importer: resolving written place names, importing many rows.

Run:  python bench/bench_import.py [--rows 10000] [--names 20000]
Figures are written down in docs/performance.md (never asserted in the test suite).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from fieldapp.domain.divisions import divisions
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.idcard import make_id_number
from fieldapp.services.import_places import place_index, resolve_place
from fieldapp.services.importer import import_households
from fieldapp.storage.db import open_database


def written_names(n: int) -> list[tuple[str, str, str]]:
    """Real villages written in several styles (county prefix, suffixes, one cell, spaces)."""
    rng = random.Random(15)
    index = divisions()
    villages = [d for d in index.by_code.values() if d.level == "village"]
    out: list[tuple[str, str, str]] = []
    for _ in range(n):
        v = rng.choice(villages)
        town = index.township_of(v)
        county = index.county_of(town)
        style = rng.randrange(4)
        if style == 0:
            out.append(("", town.name, v.name))
        elif style == 1:
            out.append(("", county.name + town.name, v.name.removesuffix("村民委员会")))
        elif style == 2:
            out.append(("", "", "临沂市" + county.name + town.name + v.name))
        else:
            out.append((county.name, " " + town.name, v.name.replace("村", "村 ", 1)))
    return out


def bench_places(n: int) -> None:
    start = time.perf_counter()
    place_index()
    print(f"{'build the place index (once per process)':<55} {(time.perf_counter() - start) * 1000:10.1f} ms")
    names = written_names(n)
    start = time.perf_counter()
    resolved = 0
    for cells in names:
        with contextlib.suppress(ValidationError):  # a name written oddly still counts as work done
            resolved += resolve_place(*cells).village_code is not None
    per = (time.perf_counter() - start) / n
    print(f"{f'resolve {n} written place names (average)':<55} {per * 1e6:10.1f} µs  ({resolved} resolved)")


def bench_import(rows: int) -> None:
    index = divisions()
    villages = [d for d in index.by_code.values() if d.level == "village"]
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["序号", "户主姓名", "身份证号", "手机号", "乡镇", "村", "备注"])
            for i in range(rows):
                v = rng.choice(villages)
                town = index.township_of(v)
                pid = make_id_number("371302", dt.date(1960, 1, 1) + dt.timedelta(days=i // 900), i % 900 + 1)
                w.writerow([i + 1, f"张{i}", pid, f"138{i:08d}", town.name, v.name, ""])
        db = open_database(Path(tmp) / "data")
        start, cpu = time.perf_counter(), time.process_time()
        report = import_households(db, path)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        db.close()
    print(
        f"{f'import {rows} rows from CSV':<55} {took:10.1f} s   (CPU {cpu:.1f} s; {report.imported} imported)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--names", type=int, default=20000)
    args = parser.parse_args()
    bench_places(args.names)
    if args.rows:
        bench_import(args.rows)


if __name__ == "__main__":
    main()
