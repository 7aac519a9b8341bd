"""Issue 12: headquarters' limits, enforced while reading and before any work, and a 4xx JSON
answer (never a 500, never a traceback) to every malformed request. Real servers on 127.0.0.1."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import hashlib
import socket
import time
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from tests.test_sync_e2e import Server
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    add_changes,
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
    sealed_batches,
)

from fieldapp.hq import limits
from fieldapp.hq.cli import build_parser
from fieldapp.hq.limits import Limits
from fieldapp.hq.models import Alert
from fieldapp.hq.store import HQ
from fieldapp.sync import enrolment, protocol
from fieldapp.sync.protocol import KeyPair

MIB = 1024 * 1024


class Forger:
    """An enrolled device whose batches the test writes byte by byte (valid signature, any content)."""

    def __init__(self, hq: HQ) -> None:
        self.keys = KeyPair.generate()
        self.device_id = str(uuid.uuid4())
        self.nonce = str(uuid.uuid4())
        self.hq_box = hq.keys.box_public
        hq.enrol(
            enrolment.sign_request(
                {
                    "device_id": self.device_id,
                    "instance_nonce": self.nonce,
                    "sign_public": protocol.b64(self.keys.sign_public),
                    "box_public": protocol.b64(self.keys.box_public),
                },
                hq.issue_enrolment("伪造测试机")["token"],
                self.keys.sign_secret,
            )
        )

    def header(self, seq: int, count: int) -> dict[str, Any]:
        return {
            "kind": "batch",
            "batch_id": str(uuid.uuid4()),
            "device_id": self.device_id,
            "instance_nonce": self.nonce,
            "seq": seq,
            "count": count,
        }

    def batch(self, seq: int, changes: list[dict[str, Any]], count: int | None = None) -> bytes:
        header = self.header(seq, len(changes) if count is None else count)
        return protocol.seal(header, {"changes": changes}, sender=self.keys, recipient_box_public=self.hq_box)

    def sealed_raw(self, header: dict[str, Any], compressed: bytes, plain_sha256: str) -> bytes:
        """protocol.seal with the compressed payload given (so it may be a zip bomb)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        eph = X25519PrivateKey.generate()
        epk = protocol.raw_public(eph.public_key())
        key = protocol._content_key(
            eph.exchange(X25519PublicKey.from_public_bytes(self.hq_box)), epk, self.hq_box
        )
        nonce = b"\x01" * 12
        full = dict(header)
        full.update(
            v=protocol.FORMAT_VERSION,
            epk=protocol.b64(epk),
            nonce=protocol.b64(nonce),
            recipient=protocol.fingerprint(self.hq_box),
            payload_sha256=plain_sha256,
        )
        hbytes = protocol.canonical_json(full)
        ct = ChaCha20Poly1305(key).encrypt(nonce, compressed, hbytes)
        body = protocol.PREFIX.pack(protocol.MAGIC, protocol.FORMAT_VERSION, len(hbytes)) + hbytes
        body += protocol.CLEN.pack(len(ct)) + ct
        return body + Ed25519PrivateKey.from_private_bytes(self.keys.sign_secret).sign(body)


def _change(seq: int, row: dict[str, Any] | None = None) -> dict[str, Any]:
    rid = str(uuid.uuid4())
    return {
        "seq": seq,
        "entity": "visit",
        "row_id": rid,
        "op": "insert",
        "hlc": 1_000 + seq,
        "version": 1,
        "row": row if row is not None else {"id": rid, "note": "走访"},
    }


def _alerts(hq: HQ, code: str) -> int:
    with hq.session() as s:
        return int(s.scalar(select(func.count()).select_from(Alert).where(Alert.code == code)) or 0)


# --- payload, records, fields, sequence numbers, gaps (SQLite and PostgreSQL) ---------------------


def test_zip_bomb_is_refused_without_being_expanded(hq: HQ) -> None:
    dev = Forger(hq)
    comp, sha = zlib.compressobj(9), hashlib.sha256()
    parts = []
    for chunk in (b'{"changes":[],"pad":"', *([b"0" * MIB] * 512), b'"}'):
        sha.update(chunk)
        parts.append(comp.compress(chunk))
    compressed = b"".join(parts) + comp.flush()
    assert len(compressed) < 0.6 * MIB  # half a megabyte that would become 512 MB
    data = dev.sealed_raw(dev.header(1, 0), compressed, sha.hexdigest())
    started = time.monotonic()
    result = hq.ingest(data)
    assert result.status == "rejected" and result.code == "TOO_LARGE"
    assert "解压" in result.message and "未展开" in result.message
    assert time.monotonic() - started < 10
    assert _alerts(hq, "TOO_LARGE") == 1 and hq.status()["batches"] == 0
    # the cap follows the compressed size: inflating stops at ratio x size, far below 512 MB
    assert limits.inflate_cap(len(compressed)) <= 100 * len(compressed) + 4 * MIB


def test_record_count_and_field_sizes_are_bounded(hq_url: str) -> None:
    hq = HQ(hq_url, Limits(max_changes=10, max_row_bytes=1000))
    hq.init()
    try:
        dev = Forger(hq)
        r = hq.ingest(dev.batch(1, [_change(i) for i in range(1, 12)]))
        assert r.code == "TOO_MANY_RECORDS" and "最多 10 条" in r.message
        r = hq.ingest(dev.batch(1, [_change(1, {"id": "x", "note": "长" * 2000})]))
        assert r.code == "INVALID_PAYLOAD"
        for bad in (
            {"seq": 2**40},  # beyond the INTEGER column
            {"version": -1},
            {"hlc": 2**70},
            {"row_id": "x" * 37},
            {"entity": "visit\x00"},
            {"seq": True},
        ):
            r = hq.ingest(dev.batch(1, [{**_change(1), **bad}]))
            assert r.code == "INVALID_PAYLOAD", bad
        assert hq.ingest(dev.batch(1, [_change(1)])).status == "accepted"
        assert hq.status()["records"] == 1
    finally:
        hq.close()


def test_a_sequence_number_far_ahead_is_refused_and_alerted(hq: HQ) -> None:
    dev = Forger(hq)
    assert hq.ingest(dev.batch(1, [_change(1)])).ok
    r = hq.ingest(dev.batch(1 + limits.DEFAULT.max_seq_jump + 1, [_change(2)]))
    assert r.code == "SEQ_TOO_FAR" and "警报" in r.message
    assert _alerts(hq, "SEQ_TOO_FAR") == 1
    r = hq.ingest(dev.batch(2**31, [_change(3)]))  # beyond the column: refused as malformed
    assert r.code == "MALFORMED"
    # within reach: accepted, and the gap is one range, not ten thousand numbers
    far = 1 + limits.DEFAULT.max_seq_jump
    r = hq.ingest(dev.batch(far, [_change(4)]))
    assert r.status == "accepted" and r.gaps == [[2, far - 1]]
    assert hq.status()["gaps"] == {dev.device_id: [[2, far - 1]]}


def test_gap_ranges_are_bounded() -> None:
    assert limits.gap_ranges([], 10) == []
    assert limits.gap_ranges([1, 2, 3], 10) == []
    assert limits.gap_ranges([3, 5, 9], 10) == [[1, 2], [4, 4], [6, 8]]
    assert len(limits.gap_ranges(list(range(1, 100_000, 2)), 100)) == 100
    assert limits.describe_gaps([[1, 2], [4, 4]]) == "1–2、4"


def test_strict_json() -> None:
    assert limits.loads(b'{"a": [1, 2.5]}', "x") == {"a": [1, 2.5]}
    for bad in (
        b"[" * 100 + b"]" * 100,
        b'{"a": NaN}',
        b'{"a": 1e999}',
        b'{"a": "\x00"}',
        b"\xff",
        b"1" * 5000,
    ):
        with pytest.raises(protocol.SyncError):
            limits.loads(bad, "x")
    assert limits.json_depth_ok(b'["[[[[[[["]', 2)  # brackets inside strings do not count


# --- the body as it streams in (a real server) ----------------------------------------------------


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.fixture
def small_server(tmp_path: Path) -> Iterator[Server]:
    from fieldapp.hq import cli as hq_cli

    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    srv = Server(url, tmp_path)
    srv.extra = ["--max-batch-mb", "8", "--timeout-keep-alive", "2", "--limit-concurrency", "20"]
    srv.start()
    yield srv
    srv.stop()


def test_a_streamed_body_over_the_cap_is_refused_quickly_with_little_memory(small_server: Server) -> None:
    assert small_server.proc is not None
    pid = small_server.proc.pid
    before = _peak_rss_kb(pid)
    sent = [0]

    def body() -> Iterator[bytes]:  # 64 MB, chunked: no Content-Length to refuse up front
        for _ in range(64):
            sent[0] += MIB
            yield b"\0" * MIB

    started = time.monotonic()
    r = httpx.post(
        f"{small_server.url}/api/v1/batches",
        content=body(),
        headers={"content-type": "application/octet-stream"},
        timeout=30,
    )
    elapsed = time.monotonic() - started
    assert r.status_code == 413 and r.json()["code"] == "TOO_LARGE" and "8 MB" in r.json()["message"]
    assert elapsed < 10
    assert sent[0] < 64 * MIB, "the server read the whole body"
    grown_mb = (_peak_rss_kb(pid) - before) / 1024
    assert grown_mb < 24, f"the server's peak memory grew by {grown_mb:.0f} MB"
    assert "Traceback" not in small_server.log.read_text(encoding="utf-8")
    assert httpx.get(f"{small_server.url}/api/v1/health").status_code == 200  # still serving


def test_a_declared_gigabyte_is_refused_before_reading(small_server: Server) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", small_server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/v1/batches HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Length: 1073741824\r\n\r\n" + b"\0" * 1024
        )
        answer = b""
        while chunk := sock.recv(65536):  # the server closes the connection after its answer
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"TOO_LARGE" in answer
    assert time.monotonic() - started < 5


def test_serve_options_are_exposed() -> None:
    args = build_parser().parse_args(
        [
            "serve",
            "--max-batch-mb",
            "8",
            "--max-request-kb",
            "64",
            "--max-records",
            "9000",
            "--timeout-keep-alive",
            "3",
            "--limit-concurrency",
            "50",
            "--h11-max-incomplete-event-size",
            "8192",
        ]
    )
    assert (args.max_batch_mb, args.max_records, args.limit_concurrency) == (8, 9000, 50)
    assert args.h11_max_incomplete_event_size == 8192 and args.timeout_keep_alive == 3


# --- every malformed request: a 4xx JSON code, no traceback (a real server) ----------------------

DEVICE = str(uuid.uuid4())
MALFORMED: dict[str, dict[str, Any]] = {
    "non-ASCII challenge header": {
        "method": "GET",
        "path": f"/api/v1/devices/{DEVICE}/reply",
        "headers": {"X-Fieldapp-Challenge": "挑战".encode(), "X-Fieldapp-Signature": "签名".encode()},
    },
    "non-ASCII bearer token": {
        "method": "GET",
        "path": "/api/v1/status",
        "headers": {"Authorization": "Bearer 管理口令".encode()},
    },
    "enrol: JSON list": {"method": "POST", "path": "/api/v1/enrol", "json": [1, 2]},
    "enrol: JSON string": {"method": "POST", "path": "/api/v1/enrol", "json": "token"},
    "enrol: null": {"method": "POST", "path": "/api/v1/enrol", "content": b"null"},
    "enrol: NaN": {"method": "POST", "path": "/api/v1/enrol", "content": b'{"token": NaN}'},
    "enrol: huge float": {"method": "POST", "path": "/api/v1/enrol", "content": b'{"token": 1e999}'},
    "enrol: huge integer": {
        "method": "POST",
        "path": "/api/v1/enrol",
        "content": b'{"token": ' + b"9" * 5000 + b"}",
    },
    "enrol: deep nesting": {
        "method": "POST",
        "path": "/api/v1/enrol",
        "content": b"[" * 50_000 + b"]" * 50_000,
    },
    "enrol: NUL bytes": {
        "method": "POST",
        "path": "/api/v1/enrol",
        "json": {
            "token": "a\x00b",
            "device_id": DEVICE,
            "instance_nonce": "\x00",
            "sign_public": protocol.b64(b"k" * 32),
            "box_public": protocol.b64(b"k" * 32),
        },
    },
    "enrol: not UTF-8": {"method": "POST", "path": "/api/v1/enrol", "content": b'{"token": "\xff\xfe"}'},
    "enrol: form content type": {
        "method": "POST",
        "path": "/api/v1/enrol",
        "content": b"token=x",
        "headers": {"content-type": "application/x-www-form-urlencoded"},
    },
    "enrol: long nonce": {
        "method": "POST",
        "path": "/api/v1/enrol",
        "json": {
            "token_id": "t" * 32,
            "token_mac": "",
            "signature": "",
            "device_id": DEVICE,
            "instance_nonce": "n" * 5000,
            "sign_public": protocol.b64(b"k" * 32),
            "box_public": protocol.b64(b"k" * 32),
        },
    },
    "enrolment token with NUL": {"method": "GET", "path": "/api/v1/enrolment/ab%00cd"},
    "reply for a NUL device": {"method": "GET", "path": "/api/v1/devices/a%00b/reply"},
    "reply with a huge cursor": {"method": "GET", "path": f"/api/v1/devices/{DEVICE}/reply?cursor={10**30}"},
    "reply with a negative cursor": {"method": "GET", "path": f"/api/v1/devices/{DEVICE}/reply?cursor=-1"},
    "batch: text/plain": {
        "method": "POST",
        "path": "/api/v1/batches",
        "content": b"hello",
        "headers": {"content-type": "text/plain"},
    },
    "batch: NUL bytes": {"method": "POST", "path": "/api/v1/batches", "content": b"\0" * 100},
    "batch: header of garbage": {
        "method": "POST",
        "path": "/api/v1/batches",
        "content": protocol.PREFIX.pack(protocol.MAGIC, 1, 40) + b"[" * 40 + b"\0" * 80,
    },
    "batch: deeply nested header": {
        "method": "POST",
        "path": "/api/v1/batches",
        "content": protocol.PREFIX.pack(protocol.MAGIC, 1, 60_000) + b"[" * 60_000 + b"\0" * 80,
    },
    "console sign-in with NUL": {
        "method": "POST",
        "path": "/console/login",
        "content": b"name=a%00b&password=%00&csrf=x&next=%00",
        "headers": {"content-type": "application/x-www-form-urlencoded"},
    },
    "unknown path": {"method": "POST", "path": "/api/v1/nothing", "content": b"x"},
    "wrong method": {"method": "DELETE", "path": "/api/v1/batches"},
}


def _forged_header_batch(hq_url: str) -> bytes:
    """A batch signed by nobody whose header ids do not fit their columns."""
    dev = KeyPair.generate()
    header = {"kind": "batch", "batch_id": "b" * 500, "device_id": "\x00" * 40, "seq": "1", "count": 1}
    hq = HQ(hq_url)
    try:
        return protocol.seal(header, {"changes": []}, sender=dev, recipient_box_public=hq.keys.box_public)
    finally:
        hq.close()


def _send_malformed(server: Server, case: str) -> None:
    spec = dict(MALFORMED.get(case) or {"method": "POST", "path": "/api/v1/batches"})
    if case == "batch: header ids that do not fit":
        spec["content"] = _forged_header_batch(server.db_url)
    method, path = spec.pop("method"), spec.pop("path")
    r = httpx.request(method, server.url + path, timeout=30, **spec)
    assert 400 <= r.status_code < 500, (case, r.status_code, r.text)
    if not path.startswith("/console"):
        assert r.headers["content-type"].startswith("application/json"), case
        assert r.json()["code"], r.text
    assert httpx.get(f"{server.url}/api/v1/health").status_code == 200
    log = server.log.read_text(encoding="utf-8")
    assert "Traceback" not in log and "ERROR" not in log, log


CASES = [*MALFORMED, "batch: header ids that do not fit"]


@pytest.mark.parametrize("case", CASES)
def test_every_malformed_request_gets_a_4xx_json_code(small_server: Server, case: str) -> None:
    _send_malformed(small_server, case)


def test_malformed_requests_against_postgresql(postgres_server: str, tmp_path: Path) -> None:
    """The same requests against PostgreSQL, which refuses NUL in text and overlong strings."""
    from tests.test_sync_protocol import new_pg_database

    from fieldapp.hq import cli as hq_cli

    url = new_pg_database(postgres_server)
    assert hq_cli.main(["--db", url, "init"]) == 0
    srv = Server(url, tmp_path)
    srv.start()
    try:
        for case in CASES:
            _send_malformed(srv, case)
    finally:
        srv.stop()
