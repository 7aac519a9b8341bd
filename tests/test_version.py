"""The version: `fieldapp --version`, `fieldapp-hq --version`, 帮助 → 关于, and the batch header
field app_version that headquarters keeps per device and shows in `status` (older batches
without it are still accepted; a malformed one is refused)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Answers
from tests.test_sync_protocol import add_changes, enrolled_device

from fieldapp import __version__
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.storage.db import Database
from fieldapp.sync import client, protocol


def test_both_commands_print_the_version() -> None:
    for module, name in (("fieldapp", "fieldapp"), ("fieldapp.hq.cli", "fieldapp-hq")):
        done = subprocess.run(
            [sys.executable, "-m", module, "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert done.stdout.strip() == f"{name} {__version__}"


def test_about_shows_the_version(qtbot: Any, db: Database, prefs: Any, answers: Answers) -> None:
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(db, prefs)
    qtbot.addWidget(window)
    assert window.about_action.text() == "关于(&A)"
    window.about_action.trigger()
    assert len(answers.told) == 1
    assert answers.told[0].startswith(f"关于: 工会结对帮扶台账 {__version__}\n")


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HQ]:
    server = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    server.init()
    yield server
    server.close()


def _batches(db: Database) -> list[bytes]:
    client.cut_batches(db)
    return [b.sealed for b in client._unacked(db)]


def _status(hq: HQ, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    capsys.readouterr()
    assert hq_cli.main(["--db", hq.url, "status", *extra]) == 0
    return capsys.readouterr().out


def test_every_batch_carries_the_version_and_hq_keeps_it_per_device(
    tmp_path: Path, hq: HQ, capsys: pytest.CaptureFixture[str]
) -> None:
    db = enrolled_device(hq, tmp_path / "device", "兰陵县-王芳")
    try:
        add_changes(db, 3)
        (sealed,) = _batches(db)
        assert protocol.parse(sealed).header["app_version"] == __version__
        assert "兰陵县-王芳：程序版本 未知" in _status(hq, capsys)  # enrolled, nothing received yet
        assert hq.ingest(sealed, "usb").ok
    finally:
        db.close()
    assert json.loads(_status(hq, capsys, "--json"))["app_versions"] == {"兰陵县-王芳": __version__}
    assert f"兰陵县-王芳：程序版本 {__version__}" in _status(hq, capsys)


def _sealing_with(monkeypatch: pytest.MonkeyPatch, value: object) -> None:
    """Batches sealed as another release would: without app_version, or with a broken one."""
    real = protocol.seal

    def seal(header: dict[str, Any], payload: Any, **kw: Any) -> bytes:
        header = dict(header)
        if value is None:
            header.pop("app_version")
        else:
            header["app_version"] = value
        return real(header, payload, **kw)

    monkeypatch.setattr(client.protocol, "seal", seal)


def test_a_batch_without_the_version_is_still_accepted(
    tmp_path: Path, hq: HQ, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = enrolled_device(hq, tmp_path / "device", "费县-李强")
    try:
        add_changes(db, 2)
        with monkeypatch.context() as m:
            _sealing_with(m, None)
            (old,) = _batches(db)
        assert "app_version" not in protocol.parse(old).header
        assert hq.ingest(old, "usb").status == "accepted"
        assert json.loads(_status(hq, capsys, "--json"))["app_versions"] == {"费县-李强": None}
    finally:
        db.close()


@pytest.mark.parametrize("bad", [123, "", "9" * 41, "0.2\x00"])
def test_a_malformed_version_is_refused(
    tmp_path: Path, hq: HQ, monkeypatch: pytest.MonkeyPatch, bad: object
) -> None:
    db = enrolled_device(hq, tmp_path / "device", "沂水县-赵敏")
    try:
        add_changes(db, 1)
        _sealing_with(monkeypatch, bad)
        (sealed,) = _batches(db)
    finally:
        db.close()
    res = hq.ingest(sealed, "usb")
    assert res.status == "rejected" and res.code == "MALFORMED" and "程序版本号无效" in res.message
    assert hq.status()["batches"] == 0
