"""docs/deploy-hq.md, step by step where it can run here: the PostgreSQL role and database from
packaging/hq-postgres-setup.sql, `fieldapp-hq init` and an ingest, a `pg_dump` restored into a
fresh throwaway cluster followed by another ingest; the systemd unit's command line parses."""

from __future__ import annotations

import atexit
import json
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.test_sync_protocol import PG_BIN, add_changes, enrolled_device, free_port

from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.sync import client

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"
HQ_PASSWORD = "hq-db-2026"


def _as_pg() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _cluster() -> tuple[int, Path]:
    """A fresh throwaway cluster (like the conftest one, but a second, empty one)."""
    assert PG_BIN is not None
    root = Path(tempfile.mkdtemp(prefix="fieldapp-pg-restore-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = free_port()
    subprocess.run(
        [
            *_as_pg(),
            str(PG_BIN / "initdb"),
            "-D",
            str(root / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    ctl = [*_as_pg(), str(PG_BIN / "pg_ctl"), "-D", str(root / "data")]
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*ctl, "-l", str(root / "log"), "-w", "-o", opts, "start"], check=True, capture_output=True
    )

    def stop() -> None:
        subprocess.run([*ctl, "-m", "immediate", "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)

    atexit.register(stop)
    return port, root


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1].split("/")[0])


def _setup(port: int) -> str:
    """The guide's role and database, made with the guide's SQL file."""
    assert PG_BIN is not None
    subprocess.run(
        [
            str(PG_BIN / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-v",
            f"hq_password={HQ_PASSWORD}",
            "-f",
            str(PACKAGING / "hq-postgres-setup.sql"),
            "postgres",
        ],
        check=True,
        capture_output=True,
    )
    return f"postgresql+psycopg://fieldapp_hq:{HQ_PASSWORD}@127.0.0.1:{port}/fieldapp_hq"


@pytest.fixture
def first_cluster() -> Iterator[int]:
    port, _ = _cluster()
    yield port


def _status(url: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert hq_cli.main(["--db", url, "status", "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_postgres_setup_dump_restore_into_a_fresh_cluster_then_ingest(
    tmp_path: Path, first_cluster: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert PG_BIN is not None
    url = _setup(first_cluster)
    pw = tmp_path / "admin.txt"
    pw.write_text("hq-admin-2026-pass\n", encoding="utf-8")
    assert hq_cli.main(["--db", url, "init", "--admin-password-file", str(pw)]) == 0
    hq = HQ(url)
    db = enrolled_device(hq, tmp_path / "device", "兰陵县-王芳")
    try:
        add_changes(db, 5)
        client.cut_batches(db)
        (first,) = client._unacked(db)
        assert hq.ingest(first.sealed, "usb").status == "accepted"
        hq.close()
        before = _status(url, capsys)
        assert before["batches"] == 1 and before["records"] == 5
        # the guide's nightly backup: pg_dump in custom format, as the role itself
        dump = tmp_path / "fieldapp_hq.dump"
        subprocess.run(
            [
                str(PG_BIN / "pg_dump"),
                "--format=custom",
                "--no-owner",
                "-h",
                "127.0.0.1",
                "-p",
                str(first_cluster),
                "-U",
                "fieldapp_hq",
                "-f",
                str(dump),
                "fieldapp_hq",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PGPASSWORD": HQ_PASSWORD},
        )
        # a new server: a fresh cluster, the same setup file, pg_restore
        port, _ = _cluster()
        new_url = _setup(port)
        subprocess.run(
            [
                str(PG_BIN / "pg_restore"),
                "--no-owner",
                "--role=fieldapp_hq",
                "--exit-on-error",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "fieldapp_hq",
                "-d",
                "fieldapp_hq",
                str(dump),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PGPASSWORD": HQ_PASSWORD},
        )
        after = _status(new_url, capsys)
        assert {k: after[k] for k in ("devices", "batches", "records")} == {
            "devices": 1,
            "batches": 1,
            "records": 5,
        }
        restored = HQ(new_url)
        try:
            restored.init()  # a start of the restored server: keys and schema as they were
            assert restored.ingest(first.sealed, "usb").status == "duplicate"  # it remembers the batch
            add_changes(db, 3, start_version=1)
            client.cut_batches(db)
            second = [b for b in client._unacked(db) if b.batch_id != first.batch_id]
            assert len(second) == 1 and restored.ingest(second[0].sealed, "usb").status == "accepted"
        finally:
            restored.close()
        assert _status(new_url, capsys)["records"] == 8
    finally:
        db.close()


def test_the_systemd_unit_runs_a_command_fieldapp_hq_understands() -> None:
    unit = (PACKAGING / "fieldapp-hq.service").read_text(encoding="utf-8")
    (line,) = [x for x in unit.splitlines() if x.startswith("ExecStart=")]
    argv = shlex.split(line.removeprefix("ExecStart="))
    assert argv[0].endswith("/fieldapp-hq")
    args = hq_cli.build_parser().parse_args(argv[1:])
    assert args.command == "serve" and args.config == "/etc/fieldapp-hq/fieldapp-hq.toml"
    assert args.host == "127.0.0.1"  # TLS is nginx's (or serve --ssl-certfile): docs/deploy-hq.md
    assert "RestartPreventExitStatus=2" in unit  # a wrong data location is not retried forever
