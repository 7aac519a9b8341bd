"""The sealed batch format, and the helpers the other sync/HQ tests share (devices, HQ, PostgreSQL)."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from fieldapp.hq.store import HQ
from fieldapp.storage.base import utcnow
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import OutboxEntry
from fieldapp.sync import client, protocol
from fieldapp.sync.protocol import KeyPair, SyncError


def _pg_bin() -> Path | None:
    """The folder of initdb and pg_ctl: $FIELDAPP_PG_BIN, else the newest installed version
    (Debian keeps them in /usr/lib/postgresql/<version>/bin, off the PATH), else the PATH."""
    if os.environ.get("FIELDAPP_PG_BIN"):
        return Path(os.environ["FIELDAPP_PG_BIN"])
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3].split(".")[0])
    )
    if versions:
        return versions[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


PG_BIN = _pg_bin()

# --- shared helpers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_PG: dict[str, str] = {}


def _start_pg() -> str:
    if "url" in _PG:
        return _PG["url"]
    if PG_BIN is None or not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL server binaries not found ({PG_BIN}; apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    as_pg: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        as_pg = ["runuser", "-u", "postgres", "--"]
    sock = root / "sock"
    sock.mkdir()
    if as_pg:
        shutil.chown(sock, "postgres")
    port = free_port()
    run = {"check": True, "capture_output": True}
    subprocess.run(
        [
            *as_pg,
            str(PG_BIN / "initdb"),
            "-D",
            str(root / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        **run,  # type: ignore[arg-type]
    )
    ctl = [*as_pg, str(PG_BIN / "pg_ctl"), "-D", str(root / "data")]
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run([*ctl, "-l", str(root / "log"), "-w", "-o", opts, "start"], **run)  # type: ignore[arg-type]

    def stop() -> None:
        subprocess.run([*ctl, "-m", "immediate", "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)

    atexit.register(stop)
    _PG["url"] = f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
    return _PG["url"]


def new_pg_database(base_url: str) -> str:
    import psycopg

    name = "hq_" + uuid.uuid4().hex[:12]
    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return base_url + name


@pytest.fixture(scope="session")
def postgres_server() -> str:
    return _start_pg()


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    return new_pg_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def hq(hq_url: str) -> Iterator[HQ]:
    server = HQ(hq_url)
    server.init()
    yield server
    server.close()


def enrolled_device(hq: HQ, data_dir: Path, name: str = "兰陵县总工会-1") -> Database:
    db = open_database(data_dir)
    request = client.start_enrolment(db, hq.issue_enrolment(name))
    hq.enrol(request)
    client.mark_enrolled(db)
    return db


def add_changes(db: Database, n: int, entity: str = "visit", start_version: int = 1) -> list[str]:
    """Synthetic outbox entries (as the outbox hook writes them), for volume tests."""
    ids = [str(uuid.uuid4()) for _ in range(n)]
    now = utcnow()
    rows = [
        {
            "entity": entity,
            "row_id": rid,
            "op": "insert",
            "hlc": 1_000_000 + i,
            "version": start_version,
            "payload": json.dumps(
                {"id": rid, "note": f"走访记录 {i}", "version": start_version}, ensure_ascii=False
            ),
            "created_at": now,
        }
        for i, rid in enumerate(ids)
    ]
    with db.session() as s:
        s.execute(insert(OutboxEntry), rows)
    return ids


def sealed_batches(db: Database) -> list[bytes]:
    client.cut_batches(db)
    return [b.sealed for b in client._unacked(db)]


# --- the format itself ------------------------------------------------------------------------


def _sealed(payload: object = None) -> tuple[bytes, KeyPair, KeyPair]:
    sender, recipient = KeyPair.generate(), KeyPair.generate()
    data = protocol.seal(
        {"kind": "batch", "seq": 1},
        payload if payload is not None else {"changes": [{"x": "张海生"}]},
        sender=sender,
        recipient_box_public=recipient.box_public,
    )
    return data, sender, recipient


def test_round_trip_and_layout() -> None:
    data, sender, recipient = _sealed()
    assert data[:8] == b"FLDSYNC\0"
    assert struct.unpack(">H", data[8:10])[0] == protocol.FORMAT_VERSION
    parsed = protocol.parse(data)
    protocol.verify(parsed, sender.sign_public)
    assert protocol.open_payload(parsed, recipient) == {"changes": [{"x": "张海生"}]}
    assert "张海生".encode() not in data  # encrypted: a found stick reveals nothing
    assert parsed.header["payload_sha256"] == protocol.sha256_hex(
        protocol.canonical_json({"changes": [{"x": "张海生"}]})
    )


@pytest.mark.parametrize("cut", [0, 5, 20, 100, -1])
def test_truncated_file_is_refused(cut: int) -> None:
    data, _, _ = _sealed()
    with pytest.raises(SyncError) as e:
        protocol.parse(data[:cut])
    assert e.value.code == "TRUNCATED"
    assert "不完整" in e.value.message


def test_every_flipped_byte_is_detected() -> None:
    data, sender, recipient = _sealed()
    for i in range(0, len(data), 7):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(SyncError):
            parsed = protocol.parse(bytes(bad))
            protocol.verify(parsed, sender.sign_public)
            protocol.open_payload(parsed, recipient)


def test_wrong_recipient_key_cannot_decrypt() -> None:
    data, sender, _ = _sealed()
    parsed = protocol.parse(data)
    protocol.verify(parsed, sender.sign_public)
    with pytest.raises(SyncError) as e:
        protocol.open_payload(parsed, KeyPair.generate())
    assert e.value.code == "WRONG_RECIPIENT"


def test_wrong_signer_is_refused() -> None:
    data, _, _ = _sealed()
    with pytest.raises(SyncError) as e:
        protocol.verify(protocol.parse(data), KeyPair.generate().sign_public)
    assert e.value.code == "BAD_SIGNATURE"


def test_future_format_version_is_refused_with_upgrade_hint() -> None:
    data, _, _ = _sealed()
    future = data[:8] + struct.pack(">H", protocol.FORMAT_VERSION + 1) + data[10:]
    with pytest.raises(SyncError) as e:
        protocol.parse(future)
    assert e.value.code == "UNSUPPORTED_VERSION"
    assert "升级" in e.value.message
