"""Benchmark listing and finding devices now that their names are sealed (issue 12, schema 0014).

Every device's name is opened in Python to list devices by name or find one by name
(hq/devicenames.py); this measures what that costs for a headquarters with many devices, and the
extra cost of binding a new conflict to its database-assigned id (INSERT … RETURNING, then UPDATE).

Run:  python bench/bench_devicenames.py [--devices 500] [--url sqlite:///…|postgresql://…]
Figures go in docs/performance.md (never asserted in the tests).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert

from fieldapp.hq import devicenames, rowbind
from fieldapp.hq.models import Conflict, Device
from fieldapp.hq.store import HQ


def _best(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--devices", type=int, default=500)
    ap.add_argument("--conflicts", type=int, default=1000)
    ap.add_argument("--url", default="")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("FIELDAPP_HQ_KEY_FILE", str(Path(tmp) / "hq.key"))
        hq = HQ(args.url or f"sqlite:///{Path(tmp) / 'hq.sqlite'}")
        hq.init()
        with hq.session() as s:
            for i in range(args.devices):
                s.add(
                    Device(
                        device_id=str(uuid.uuid4()),
                        name=f"兰陵县第{i}镇-干部{i}",
                        sign_public=b"\0" * 32,
                        box_public=b"\0" * 32,
                        instance_nonce=str(uuid.uuid4()),
                    )
                )
        last = f"兰陵县第{args.devices - 1}镇-干部{args.devices - 1}"

        def listing() -> None:
            with hq.session() as s:
                devicenames.ordered(s)

        def finding() -> None:
            with hq.session() as s:
                assert len(devicenames.matching(s, last)) == 1

        print(f"{args.devices} devices, {hq.engine.dialect.name}")
        print(f"  list by name: {_best(listing, args.repeat):.1f} ms")
        print(f"  find by name: {_best(finding, args.repeat):.1f} ms")
        table = cast(Table, Conflict.__table__)
        rows = [
            {
                "entity": "household",
                "row_id": str(uuid.uuid4()),
                "version": 2,
                "device_a": "a",
                "device_b": "b",
                "data_a": '{"x": 1}',
                "data_b": '{"x": 2}',
            }
            for _ in range(args.conflicts)
        ]

        def bound() -> None:
            with hq.session() as s:
                rowbind.insert_bound(s, table, rows)

        def placeholder_only() -> None:  # the insert alone, as before 0014 (no second statement)
            with hq.session() as s:
                pending = rowbind.Pending
                s.execute(
                    insert(table),
                    [
                        {
                            **r,
                            "data_a": pending(r["data_a"]),
                            "data_b": pending(r["data_b"]),
                            "note": pending(""),
                        }
                        for r in rows
                    ],
                )

        print(f"  {args.conflicts} conflicts bound to their ids: {_best(bound, args.repeat):.1f} ms")
        print(f"  the same insert without the id binding: {_best(placeholder_only, args.repeat):.1f} ms")
        hq.close()


if __name__ == "__main__":
    main()
