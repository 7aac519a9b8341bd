"""Benchmark the offline ledger: opening the database, writing through the services, listing.

Run:  python bench/bench_ledger.py [--households 2000]
Figures are written down in docs/performance.md (never asserted in the test suite).
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from fieldapp.security import vault
from fieldapp.services import households
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import open_database


def timed(label: str, fn: object, repeat: int = 1) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    best = min(samples)
    print(f"{label:<55} {best * 1000:10.1f} ms  (median {statistics.median(samples) * 1000:.1f} ms)")
    return best


def run(households_n: int, key: bytes | None) -> None:
    label = "SQLCipher" if key else "plain SQLite"
    print(f"--- {label}")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        timed("open a new database (create schema by migration)", lambda: open_database(data, key).close())
        db = open_database(data, key)
        n = households_n
        elapsed = timed(f"demo data: {n} households through the services", lambda: fill_demo_data(db, n))
        print(f"{'  = households per second':<55} {n / elapsed:10.0f}")
        db.close()
        timed(
            "reopen an existing database (no migration)", lambda: open_database(data, key).close(), repeat=5
        )
        db = open_database(data, key)
        timed(f"list_households over {n} households", lambda: households.list_households(db), repeat=5)
        timed("check every page (Database.check)", db.check)
        size = sum(p.stat().st_size for p in data.glob("fieldapp.sqlite*"))
        print(f"{'database size':<55} {size / 1024 / 1024:10.1f} MB")
        db.close()


def sign_in() -> None:
    print("--- the key")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timed(
            "create the key and wrap it (Argon2id 64 MiB, 3 passes)",
            lambda: vault.create_vault(folder, "bench-pass-1"),
        )
        timed("unlock with the password", lambda: vault.unlock(folder, "bench-pass-1"), repeat=5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=2000)
    args = parser.parse_args()
    sign_in()
    run(args.households, None)
    run(args.households, secrets.token_bytes(32))


if __name__ == "__main__":
    main()
