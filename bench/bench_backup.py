"""Benchmark the automatic backup: a whole, verified, encrypted backup of a 1,000-household ledger.

Run:  python bench/bench_backup.py [--households 1000] [--attachments 50]
Goal (issue 16): under 2 s. Figures go in docs/performance.md (never asserted in the tests).
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from fieldapp.security import vault
from fieldapp.services import backups as auto
from fieldapp.services import records
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage import backups
from fieldapp.storage.db import open_database


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=1000)
    ap.add_argument("--attachments", type=int, default=50, help="document photos of 200 KB each")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    key = vault.key_from_recovery(secrets.token_bytes(vault.RECOVERY_BYTES))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        db = open_database(data, key)
        fill_demo_data(db, args.households, seed=16)
        from fieldapp.services import households

        ids = [h.id for h in households.list_households(db)][: args.attachments]
        for i, hid in enumerate(ids):
            photo = Path(tmp) / f"photo-{i}.jpg"
            photo.write_bytes(b"\xff\xd8" + secrets.token_bytes(200_000))
            from fieldapp.domain import vocab

            records.add_attachment(db, hid, photo, vocab.AttachmentKind.HOUSEHOLD_REGISTER)
        size = db.path.stat().st_size
        print(f"ledger: {args.households} households, {size / 1e6:.1f} MB; {len(ids)} photos")
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            made = auto.back_up_now(db, Path(tmp) / "stick", keep=2)
            samples.append(time.perf_counter() - start)
        info = backups.verify(made)
        print(f"backup ({info.files} files, {info.size / 1e6:.1f} MB), written and verified:")
        print(f"  best {min(samples) * 1000:.0f} ms, median {statistics.median(samples) * 1000:.0f} ms")
        start = time.perf_counter()
        backups.restore(made, Path(tmp) / "new-laptop", key)
        print(f"restore onto an empty folder: {(time.perf_counter() - start) * 1000:.0f} ms")
        db.close()


if __name__ == "__main__":
    main()
