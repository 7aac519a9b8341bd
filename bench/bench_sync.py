"""Benchmark sync: cutting and encrypting a batch, HQ ingest rate, 100 devices uploading at once.

Run:  python bench/bench_sync.py [--no-postgres]
Figures are written down in docs/performance.md, "Sync" (never asserted in the test suite).
Every request goes to a server this script starts on 127.0.0.1; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import insert

from fieldapp.hq.store import HQ
from fieldapp.storage.base import utcnow
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import OutboxEntry
from fieldapp.sync import client

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_sync_protocol import _start_pg, free_port, new_pg_database


def realistic_changes(db: Database, n: int) -> None:
    """Outbox entries shaped like visit rows (about 600 bytes of JSON each)."""
    now = utcnow()
    rows = []
    for i in range(n):
        rid = str(uuid.uuid4())
        row = {
            "id": rid,
            "household_id": str(uuid.uuid4()),
            "cadre_id": str(uuid.uuid4()),
            "visited_on": "2026-11-20",
            "kind": "入户走访",
            "summary": f"入户走访第{i}次：了解家庭收入、子女上学和就医情况，宣传工会帮扶政策。",
            "needs": "子女上学费用困难，申请金秋助学",
            "origin_device": db.device_id,
            "created_at": now.isoformat(),
            "updated_at": now.isoformat(),
            "hlc": 1_000_000 + i,
            "version": 1,
            "deleted": False,
        }
        rows.append(
            {
                "entity": "visit",
                "row_id": rid,
                "op": "insert",
                "hlc": 1_000_000 + i,
                "version": 1,
                "payload": json.dumps(row, ensure_ascii=False, sort_keys=True),
                "created_at": now,
            }
        )
    with db.session() as s:
        s.execute(insert(OutboxEntry), rows)


def enrolled(hq: HQ, data_dir: Path, name: str) -> Database:
    db = open_database(data_dir)
    hq.enrol(client.start_enrolment(db, hq.issue_enrolment(name)))
    client.mark_enrolled(db)
    return db


def bench_cut(tmp: Path) -> None:
    hq = HQ(f"sqlite:///{(tmp / 'cut-hq.sqlite').as_posix()}")
    hq.init()
    db = enrolled(hq, tmp / "cut", "cut")
    realistic_changes(db, 10_000)
    start = time.perf_counter()
    client.cut_batches(db, max_changes=10_000)
    elapsed = time.perf_counter() - start
    (batch,) = client._unacked(db)
    print(
        f"cut + compress + encrypt + sign 10,000 changes: {elapsed * 1000:.0f} ms, {len(batch.sealed) / 1024:.0f} KB"
    )
    db.close()
    hq.close()


def bench_ingest(url: str, label: str, tmp: Path, devices: int = 5, per: int = 10_000) -> None:
    hq = HQ(url)
    hq.init()
    batches = []
    for d in range(devices):
        db = enrolled(hq, tmp / f"{label}-{d}", f"{label}-{d}")
        realistic_changes(db, per)
        client.cut_batches(db, max_changes=per)
        batches += [b.sealed for b in client._unacked(db)]
        db.close()
    start = time.perf_counter()
    for b in batches:
        assert hq.ingest(b).status == "accepted"
    elapsed = time.perf_counter() - start
    total = devices * per
    print(f"HQ ingest on {label}: {total:,} records in {elapsed:.2f} s = {total / elapsed:,.0f} records/s")
    start = time.perf_counter()
    for b in batches:
        assert hq.ingest(b).status == "duplicate"
    print(f"HQ re-ingest (all duplicates) on {label}: {(time.perf_counter() - start) * 1000:.0f} ms")
    hq.close()


def bench_many_devices(url: str, label: str, tmp: Path, devices: int = 100, per: int = 100) -> None:
    hq = HQ(url)
    hq.init()
    dbs = []
    for d in range(devices):
        db = enrolled(hq, tmp / f"many-{label}-{d}", f"many-{d}")
        realistic_changes(db, per)
        client.cut_batches(db)
        dbs.append(db)
    admin = {"Authorization": f"Bearer {hq.admin_token}"}  # GET /api/v1/status is for HQ's staff
    hq.close()
    port = free_port()
    log = (tmp / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "fieldapp.hq.cli", "--db", url, "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):  # bounded wait for start-up
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=devices) as pool:
            reports = list(pool.map(lambda db: client.upload(db, base, retries=5, backoff=0.2), dbs))
        elapsed = time.perf_counter() - start
        r = httpx.get(f"{base}/api/v1/status", headers=admin)
        assert r.status_code == 200, r.text
        st = r.json()
    finally:
        proc.terminate()
        proc.wait(10)
    uploaded = sum(r.changes for r in reports)
    lost = devices * per - st["records"]
    print(
        f"{devices} devices uploading at once to uvicorn on {label}: {elapsed:.2f} s, "
        f"{uploaded:,} changes uploaded, {st['records']:,} records at HQ, lost {lost}, "
        f"rejected {sum(len(r.rejected) for r in reports)}"
    )
    for db in dbs:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--only-concurrency", action="store_true", help="only 100 devices at once")
    parser.add_argument(
        "--ingest-only", action="store_true", help="only the ingest rates (SQLite, PostgreSQL)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        # headquarters' data key (hq/sealed.py): every HQ here, and the served one, seals with it
        os.environ["FIELDAPP_HQ_KEY_FILE"] = str(tmp / "hq.key")
        pg = None if args.no_postgres else _start_pg()
        if not args.only_concurrency:
            if not args.ingest_only:
                bench_cut(tmp)
            bench_ingest(f"sqlite:///{(tmp / 'hq.sqlite').as_posix()}", "SQLite", tmp)
            if pg:
                bench_ingest(new_pg_database(pg), "PostgreSQL", tmp)
        if args.ingest_only:
            return
        bench_many_devices(f"sqlite:///{(tmp / 'many.sqlite').as_posix()}", "SQLite", tmp)
        if pg:
            bench_many_devices(new_pg_database(pg), "PostgreSQL", tmp)


if __name__ == "__main__":
    main()
