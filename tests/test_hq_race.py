"""Issue 12: concurrent ingests are serialised per row. Many rounds of two devices sending
conflicting batches for the same rows at the same moment, one of them over two channels at once
(the network and a stick imported by another process' connection), through a real server on
SQLite and on PostgreSQL. After each round headquarters' current value of every row is the one
with the greatest (version, hlc, device), and at the end every same-version clash between the two
devices is listed exactly once."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
import random
import threading
import uuid
from collections import Counter
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from tests.test_sync_e2e import Server, server  # noqa: F401  (fixture)
from tests.test_sync_protocol import hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp.hq.models import Conflict, Record
from fieldapp.hq.store import HQ
from fieldapp.sync import enrolment, protocol
from fieldapp.sync.protocol import KeyPair

ROUNDS = 25
ROWS = 12


class Device:
    """An enrolled device whose batches the test composes (signed and sealed like a real one)."""

    def __init__(self, hq: HQ, name: str) -> None:
        self.keys = KeyPair.generate()
        self.device_id = str(uuid.uuid4())
        self.nonce = str(uuid.uuid4())
        self.hq_box = hq.keys.box_public
        self.seq = 0
        self.outbox = 0
        fields = {
            "device_id": self.device_id,
            "instance_nonce": self.nonce,
            "sign_public": protocol.b64(self.keys.sign_public),
            "box_public": protocol.b64(self.keys.box_public),
        }
        hq.enrol(enrolment.sign_request(fields, hq.issue_enrolment(name)["token"], self.keys.sign_secret))

    def batch(self, rows: list[tuple[str, int, int, str]]) -> bytes:
        self.seq += 1
        changes = []
        for row_id, version, hlc, note in rows:
            self.outbox += 1
            row = {"id": row_id, "note": note, "version": version}
            changes.append(
                {
                    "seq": self.outbox,
                    "entity": "visit",
                    "row_id": row_id,
                    "op": "update",
                    "hlc": hlc,
                    "version": version,
                    "row": row,
                }
            )
        header = {
            "kind": "batch",
            "batch_id": str(uuid.uuid4()),
            "device_id": self.device_id,
            "instance_nonce": self.nonce,
            "seq": self.seq,
            "count": len(changes),
            "attachments": 0,
        }
        return protocol.seal(header, {"changes": changes}, sender=self.keys, recipient_box_public=self.hq_box)


def _at_once(*jobs: Any) -> list[Any]:
    results: list[Any] = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def run(i: int) -> None:
        start.wait()
        results[i] = jobs[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def test_racing_ingests_give_the_serial_result(server: Server) -> None:
    hq, stick_side = HQ(server.db_url), HQ(server.db_url)  # the stick: another connection pool
    a, b = Device(hq, "甲"), Device(hq, "乙")
    ids = [str(uuid.uuid4()) for _ in range(ROWS)]
    rng = random.Random(12)
    clashes: set[tuple[str, int]] = set()
    post = httpx.Client(timeout=120)
    for r in range(ROUNDS):
        base = 2 * r + 1
        sent: dict[str, list[tuple[int, int, str, str]]] = {rid: [] for rid in ids}
        rows: dict[str, list[tuple[str, int, int, str]]] = {"a": [], "b": []}
        for i, rid in enumerate(ids):
            for dev, bump in (("a", i % 3 == 1), ("b", i % 3 == 2)):
                device = a if dev == "a" else b
                version, hlc = base + int(bump), rng.randrange(1, 1 << 40)
                rows[dev].append((rid, version, hlc, f"{dev} 第{r}轮 {i}"))
                sent[rid].append((version, hlc, device.device_id, f"{dev} 第{r}轮 {i}"))
            if i % 3 == 0:
                clashes.add((rid, base))  # both at the same version, different content
        batch_a, batch_b = a.batch(rows["a"]), b.batch(rows["b"])
        results = _at_once(
            lambda ba=batch_a: post.post(f"{server.url}/api/v1/batches", content=ba).json(),
            lambda bb=batch_b: post.post(f"{server.url}/api/v1/batches", content=bb).json(),
            lambda ba=batch_a: stick_side.ingest(ba, "usb").to_json(),
        )
        statuses = sorted(res["status"] for res in results)
        assert statuses == ["accepted", "accepted", "duplicate"], results
        with hq.session() as s:
            current = {rec.row_id: rec for rec in s.scalars(select(Record).where(Record.row_id.in_(ids)))}
        for rid in ids:
            version, hlc, device_id, note = max(sent[rid])
            rec = current[rid]
            assert (rec.version, rec.hlc, rec.device_id) == (version, hlc, device_id), (r, rid)
            assert json.loads(rec.data)["note"] == note
    with hq.session() as s:
        listed = Counter(
            (c.row_id, c.version) for c in s.scalars(select(Conflict).where(Conflict.kind == "same_version"))
        )
    assert set(listed) == clashes and all(n == 1 for n in listed.values()), listed
    assert httpx.get(f"{server.url}/api/v1/health").status_code == 200
    log = server.log.read_text(encoding="utf-8")  # the races lost and run again are quiet
    assert "Traceback" not in log and "ERROR" not in log, log
    post.close()
    hq.close()
    stick_side.close()


def test_the_echo_of_a_raced_pipeline_is_not_logged_but_other_psycopg_warnings_are(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A raced ingest's aborted pipeline makes psycopg log "error ignored terminating
    <Pipeline [INERROR]>: pipeline aborted"; the collision itself is retried (rowlock.retry), so
    that line is dropped — and only that one."""
    import logging

    from fieldapp.hq import rowlock  # noqa: F401  (installs the filter)

    psycopg_log = logging.getLogger("psycopg")
    with caplog.at_level(logging.INFO, logger="psycopg"):
        psycopg_log.warning(
            "error ignored terminating %r: %s", "<psycopg.Pipeline [INERROR]>", "pipeline aborted"
        )
        psycopg_log.warning("error ignored terminating %r: %s", "<psycopg.Copy>", "connection lost")
    assert [r.getMessage() for r in caplog.records] == [
        "error ignored terminating '<psycopg.Copy>': connection lost"
    ]
