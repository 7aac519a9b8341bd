"""Break saving, printing and syncing on purpose, one mutation at a time, and see which tests notice.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/mutants.py [NAME ...]

Each mutation replaces one piece of source text, runs the tests that cover that area (stopping
at the first failure), and puts the file back. A mutation the tests do not notice is a hole in
the suite; the results are kept in docs/testing.md. Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "fieldapp"

SAVE_TESTS = [
    "tests/test_services.py",
    "tests/test_storage.py",
    "tests/test_ui_workbench.py",
    "tests/test_crash.py",
]
PRINT_TESTS = ["tests/test_printing.py", "tests/test_printing_ui.py", "tests/test_ui_security.py"]
SYNC_TESTS = [
    "tests/test_sync_protocol.py",
    "tests/test_hq_ingest.py",
    "tests/test_sync_usb.py",
    "tests/test_sync_e2e.py",
    "tests/test_sync_hq_reply.py",
]


@dataclass(frozen=True)
class Mutation:
    name: str
    area: str
    file: str
    old: str
    new: str
    tests: list[str]
    what: str


MUTATIONS = [
    Mutation(
        "visit-not-added",
        "save",
        "services/visits.py",
        "        s.add(v)\n        s.flush()\n        return v.id",
        "        return v.id or ''",
        SAVE_TESTS,
        "recording a visit writes nothing",
    ),
    Mutation(
        "visit-update-ignored",
        "save",
        "services/visits.py",
        "        for k, val in asdict(data).items():\n            setattr(v, k, val)",
        "        pass",
        SAVE_TESTS,
        "correcting a saved visit changes nothing",
    ),
    Mutation(
        "household-update-ignored",
        "save",
        "services/households.py",
        "        h = writable_household(s, household_id)\n        for k, v in asdict(household).items():\n            setattr(h, k, v)",
        "        h = writable_household(s, household_id)",
        SAVE_TESTS,
        "editing a household's basics changes nothing",
    ),
    Mutation(
        "update-not-in-outbox",
        "save",
        "storage/outbox.py",
        '        entries.append(_entry(obj, "delete" if obj.deleted else "update"))',
        "        pass",
        SAVE_TESTS + SYNC_TESTS[:1],
        "an edit is saved but never queued for headquarters",
    ),
    Mutation(
        "version-not-bumped",
        "save",
        "storage/outbox.py",
        "        obj.version = (obj.version or 0) + 1",
        "        obj.version = obj.version or 1",
        SAVE_TESTS + SYNC_TESTS[:2],
        "an edit keeps the old row version (headquarters cannot order edits)",
    ),
    Mutation(
        "print-not-logged",
        "print",
        "services/printing.py",
        "        s.add(row)\n",
        "",
        PRINT_TESTS,
        "a printed document leaves no print record",
    ),
    Mutation(
        "outward-not-masked",
        "print",
        "services/printing.py",
        '        elif key == "id_number" and isinstance(value, str) and value:\n            out[key] = mask_id_number(value)\n',
        "",
        PRINT_TESTS,
        "a referral slip prints the family's full ID number",
    ),
    Mutation(
        "partial-pdf-left-behind",
        "print",
        "storage/files.py",
        "    except BaseException:\n        partial.unlink(missing_ok=True)\n        raise",
        "    except BaseException:\n        raise",
        ["tests/test_printing_robust.py", *PRINT_TESTS],
        "a failed PDF write (full disk) leaves a .part file with personal data",
    ),
    Mutation(
        "signature-not-checked",
        "sync",
        "sync/protocol.py",
        "        Ed25519PublicKey.from_public_bytes(sender_sign_public).verify(parsed.signature, parsed.signed)",
        "        Ed25519PublicKey.from_public_bytes(sender_sign_public)",
        SYNC_TESTS,
        "a tampered or forged batch is accepted",
    ),
    Mutation(
        "ack-not-recorded",
        "sync",
        "sync/client.py",
        "            .where(SyncBatch.batch_id.in_(batch_ids), SyncBatch.acked_at.is_(None))\n            .values(acked_at=now)",
        "            .where(SyncBatch.batch_id.in_(batch_ids), SyncBatch.acked_at.is_(None))\n            .values(acked_at=None)",
        SYNC_TESTS,
        "the device never learns headquarters has its batch",
    ),
    Mutation(
        "duplicate-not-detected",
        "sync",
        "hq/store.py",
        "            if known is not None:",
        "            if False:",
        SYNC_TESTS,
        "a batch sent twice is ingested twice",
    ),
    Mutation(
        "batch-not-applied",
        "sync",
        "hq/store.py",
        "            conflicts = self._apply(s, device_id, batch_id, changes, attachments)",
        "            conflicts = 0",
        SYNC_TESTS,
        "headquarters acknowledges a batch without storing its records",
    ),
]


def run(m: Mutation) -> tuple[str, float, str]:
    path = SRC / m.file
    original = path.read_text(encoding="utf-8")
    if original.count(m.old) != 1:
        return "not applicable (the code changed: update the mutation)", 0.0, ""
    path.write_text(original.replace(m.old, m.new), encoding="utf-8")
    start = time.monotonic()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-x",
                "-q",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:randomly",
                *m.tests,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
        )
    finally:
        path.write_text(original, encoding="utf-8")
    took = time.monotonic() - start
    failed = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    if done.returncode == 0:
        return "MISSED", took, ""
    return "caught", took, failed[0] if failed else done.stdout.strip().splitlines()[-1]


def main(names: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not names or m.name in names]
    missed = 0
    print("| mutation | area | what it breaks | result | first failing test |")
    print("|---|---|---|---|---|")
    for m in chosen:
        result, took, first = run(m)
        missed += result == "MISSED"
        print(f"| `{m.name}` | {m.area} | {m.what} | {result} ({took:.0f} s) | {first} |", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
