"""End to end with a real `fieldapp-hq serve` (uvicorn) on 127.0.0.1: two devices, network and USB."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.conftest import head_data, household_data, open_ledger
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    add_changes,
    free_port,
    hq_url,
    postgres_server,
)

from fieldapp import cli
from fieldapp.hq import cli as hq_cli
from fieldapp.services import households
from fieldapp.sync import client


class Server:
    def __init__(self, db_url: str, tmp: Path) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"hq-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.extra: list[str] = []  # more `serve` options (limits)

    def start(self, wait: bool = True) -> None:
        cmd = [
            sys.executable,
            "-m",
            "fieldapp.hq.cli",
            "--db",
            self.db_url,
            "serve",
            "--port",
            str(self.port),
            *self.extra,
        ]
        self.proc = subprocess.Popen(cmd, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        if wait:
            self.wait_ready()

    def status(self) -> dict[str, object]:
        """Headquarters' counts, asked the way an administrator does: with the admin token."""
        from fieldapp.hq.store import HQ

        hq = HQ(self.db_url)
        token = hq.admin_token
        hq.close()
        r = httpx.get(f"{self.url}/api/v1/status", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.text
        return dict(r.json())

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 60  # a loaded 2-CPU machine imports the app in 8–14 s
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, self.log.read_text()
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("server did not start: " + self.log.read_text())

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def server(hq_url: str, tmp_path: Path) -> Iterator[Server]:
    assert hq_cli.main(["--db", hq_url, "init"]) == 0
    srv = Server(hq_url, tmp_path)
    srv.start()
    yield srv
    srv.stop()


def _enrolment(server: Server, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.enrol"
    assert (
        hq_cli.main(["--db", server.db_url, "enroll-device", name, "--out", str(out), "--url", server.url])
        == 0
    )
    return out


def test_two_devices_network_and_usb(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    online, offline = tmp_path / "online", tmp_path / "offline"
    # the online cadre enrols over the network, the offline one by stick
    hq_argv = [
        "--db",
        server.db_url,
        "enroll-device",
        "online",
        "--out",
        str(tmp_path / "x"),
        "--url",
        server.url,
    ]
    assert hq_cli.main(hq_argv) == 0
    letter = capsys.readouterr().out
    enrol_url = letter.split("联网登记地址：")[1].split()[0]
    fp = letter.split("市总工会公钥指纹：")[1].split()[0]
    # by URL, the cadre types the fingerprint printed in the letter (here in lower case, no dashes)
    argv = ["enroll", enrol_url, "--fingerprint", fp.replace("-", "").lower()]
    assert cli.main(["sync", "--data-dir", str(online), *argv]) == 0  # enrolled by URL
    assert "登记成功" in capsys.readouterr().out
    assert cli.main(["sync", "--data-dir", str(tmp_path / "thief"), *argv]) == 1  # once only
    assert "已使用" in capsys.readouterr().err
    stick = tmp_path / "stick"
    assert (
        cli.main(
            [
                "sync",
                "--data-dir",
                str(offline),
                "enroll",
                str(_enrolment(server, tmp_path, "offline")),
                "--request-out",
                str(stick),
            ]
        )
        == 0
    )
    for data_dir, n in ((online, 57), (offline, 31)):
        db = open_ledger(data_dir)
        households.create_household(db, household_data(), head_data())
        add_changes(db, n)
        db.close()
    # online: cut in two batches, upload with progress and a Chinese result
    db = open_ledger(online)
    client.cut_batches(db, max_changes=40)
    calls: list[tuple[int, int]] = []
    report = client.upload(db, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]
    assert report.message.startswith(f"已上传 2 批，共 {report.changes} 条记录")
    assert client.status(db)["unacked_batches"] == 0 and client.status(db)["last_success_at"]
    online_changes = report.changes
    db.close()
    # offline: export to the stick, HQ imports it (while serving), then replies travel back
    assert cli.main(["sync", "--data-dir", str(offline), "export", "--to", str(stick)]) == 0
    assert hq_cli.main(["--db", server.db_url, "import", str(stick)]) == 0
    assert hq_cli.main(["--db", server.db_url, "export-replies", "--to", str(stick)]) == 0
    assert cli.main(["sync", "--data-dir", str(offline), "import", str(stick)]) == 0
    assert "已确认 1 批" in capsys.readouterr().out
    st = server.status()
    assert st["devices"] == 2 and st["batches"] == 3
    assert st["changes"] == online_changes + 31 + 2 and st["records"] == st["changes"]
    # a second upload sends nothing new and changes nothing
    assert cli.main(["sync", "--data-dir", str(online), "upload"]) == 0
    assert "已上传 0 批，共 0 条记录" in capsys.readouterr().out
    assert server.status() == st


def test_upload_retries_with_back_off_until_the_server_is_up(hq_url: str, tmp_path: Path) -> None:
    assert hq_cli.main(["--db", hq_url, "init"]) == 0
    srv = Server(hq_url, tmp_path)
    db = open_ledger(tmp_path / "dev")
    enrol = client.load_enrolment(str(_enrolment(srv, tmp_path, "dev")))
    from fieldapp.hq.store import HQ

    hq = HQ(hq_url)
    hq.enrol(client.start_enrolment(db, enrol))
    hq.close()
    add_changes(db, 10)
    comes_back = threading.Timer(1.0, srv.start, kwargs={"wait": False})  # the network returns later
    comes_back.start()
    try:
        report = client.upload(db, srv.url, retries=6, backoff=0.3)
        assert report.message.startswith("已上传 1 批，共 10 条记录")
    finally:
        comes_back.cancel()
        comes_back.join()  # never a server started after the stop below
        srv.stop()
    with pytest.raises(client.SyncError) as e:  # no server at all: a clear error, nothing lost
        client.upload(db, f"http://127.0.0.1:{free_port()}", retries=1, backoff=0.05)
    assert e.value.code == "NETWORK" and "数据都还在本机" in e.value.message


def test_server_killed_mid_ingest_then_every_record_exactly_once(hq_url: str, tmp_path: Path) -> None:
    assert hq_cli.main(["--db", hq_url, "init"]) == 0
    srv = Server(hq_url, tmp_path)
    srv.start()
    try:
        db = open_ledger(tmp_path / "dev")
        enrol = client.load_enrolment(str(_enrolment(srv, tmp_path, "dev")))
        client.enroll_online(db, enrol, srv.url)
        add_changes(db, 30_000)
        client.cut_batches(db, max_changes=30_000)
        (batch,) = client._unacked(db)
        errors: list[BaseException] = []

        def send() -> None:
            try:
                httpx.post(f"{srv.url}/api/v1/batches", content=batch.sealed, timeout=60)
            except BaseException as e:  # the server dies under us
                errors.append(e)

        t = threading.Thread(target=send)
        t.start()
        # the server logs when a verified batch starts being written; 30,000 records take it
        # seconds to write, so a kill right after that line lands inside the transaction
        deadline = time.monotonic() + 60
        while "正在写入 30000 条记录" not in srv.log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline and t.is_alive(), (
                "the batch was never written: " + srv.log.read_text()
            )
            time.sleep(0.01)
        srv.kill()
        t.join(30)
        assert not t.is_alive()
        assert errors and isinstance(errors[0], httpx.TransportError), "the server answered before the kill"
        assert "已入库" not in srv.log.read_text(encoding="utf-8")
        srv.start()  # restarted: the half-done transaction left nothing
        report = client.upload(db)
        assert report.batches == 1
        st = srv.status()
        assert st["records"] == 30_000 and st["changes"] == 30_000 and st["batches"] == 1
        assert client.upload(db).batches == 0
        assert srv.status()["changes"] == 30_000
    finally:
        srv.stop()


def test_revoked_device_upload_is_refused_over_http(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "lost-laptop"
    assert (
        cli.main(["sync", "--data-dir", str(data_dir), "enroll", str(_enrolment(server, tmp_path, "lost"))])
        == 0
    )
    db = open_ledger(data_dir)
    add_changes(db, 5)
    db.close()
    assert hq_cli.main(["--db", server.db_url, "revoke", "lost"]) == 0
    capsys.readouterr()
    assert cli.main(["sync", "--data-dir", str(data_dir), "upload"]) == 1
    out = capsys.readouterr().out
    assert "已上传 0 批" in out and "被拒收" in out and "停用" in out
    db = open_ledger(data_dir)
    assert client.status(db)["unacked_batches"] == 1  # kept: nothing is lost on the device
    db.close()
    assert server.status()["records"] == 0
