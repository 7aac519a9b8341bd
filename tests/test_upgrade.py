"""Upgrades: a ledger made by an earlier release opens (Alembic upgrade after a backup), a ledger
or headquarters database from a newer release is refused with nothing written, and an upgrade
killed half-way is put right at the next start (the backup is put back and upgraded again)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from fieldapp.hq import cli as hq_cli
from fieldapp.security import signin, vault
from fieldapp.services import households
from fieldapp.storage import migrate
from fieldapp.storage.db import DB_FILE_NAME, make_engine

FIXTURE = Path(__file__).parent / "fixtures" / "ledger-0.1.0"
MANIFEST = json.loads((FIXTURE.parent / "ledger-0.1.0.json").read_text(encoding="utf-8"))
PASSWORD = MANIFEST["password"]


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "ledger"
    shutil.copytree(FIXTURE, data)
    return data


def _counts(engine: object) -> dict[str, int]:
    with engine.connect() as c:  # type: ignore[attr-defined]
        return {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in MANIFEST["counts"]}


def _assert_intact(data: Path) -> None:
    db = signin.open_with_password(data, PASSWORD).db
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert _counts(db.engine) == MANIFEST["counts"]
        assert sorted(h.head_name for h in households.list_households(db)) == MANIFEST["head_names"]
        assert db.check() == []
    finally:
        db.close()


def _set_revision(data: Path, revision: str) -> None:
    """Move a copy of the fixture to another schema revision, as another release would have left it."""
    key = vault.unlock(data, PASSWORD)
    engine = make_engine(data / DB_FILE_NAME, key)
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if revision in {r for r in migrate._known_revisions()}:
                command.downgrade(cfg, revision)
            else:
                conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    finally:
        engine.dispose()


def test_the_fixture_ledger_of_release_0_1_0_opens_with_this_code(tmp_path: Path) -> None:
    assert MANIFEST["made_by"] == "fieldapp 0.1.0"
    data = _copy(tmp_path)
    opened = signin.open_with_password(data, PASSWORD)
    try:
        if MANIFEST["alembic_revision"] == migrate.head_revision():
            assert opened.db.backup is None  # nothing to upgrade, nothing copied
        else:
            assert opened.db.backup is not None and opened.db.backup.is_file()
    finally:
        opened.db.close()
    _assert_intact(data)
    # the recovery code written down with it still opens it (a new laptop, a forgotten password)
    key = vault.unlock_with_recovery(data, MANIFEST["recovery_code"])
    assert key == vault.unlock(data, PASSWORD)


def test_an_older_schema_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _set_revision(data, "0003")
    opened = signin.open_with_password(data, PASSWORD)
    backup = opened.db.backup
    opened.db.close()
    assert (
        backup is not None
        and backup.parent == data / "backups"
        and f"before-{migrate.head_revision()}" in backup.name
    )
    key = vault.unlock(data, PASSWORD)
    engine = make_engine(backup, key)  # the backup is the file as it was: encrypted, old revision
    try:
        assert migrate.current_revision(engine) == "0003"
        assert _counts(engine) == MANIFEST["counts"]
    finally:
        engine.dispose()
    assert not migrate.upgrade_mark(data / DB_FILE_NAME).exists()
    _assert_intact(data)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and "keystore" not in p.name
    }


def test_a_ledger_from_a_newer_release_is_refused_and_not_written(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _set_revision(data, "0099_from_a_newer_release")
    before = _snapshot(data)
    with pytest.raises(migrate.StorageError) as e:
        signin.open_with_password(data, PASSWORD)
    assert (
        "比本程序新" in str(e.value) and "请安装最新版本" in str(e.value) and "数据没有被改动" in str(e.value)
    )
    assert _snapshot(data) == before and not (data / "backups").exists()
    # the command line says the same, with a failing exit status
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp", "info", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env={**os.environ, "FIELDAPP_PASSWORD": PASSWORD},
        timeout=120,
    )
    assert done.returncode != 0 and "比本程序新" in done.stderr
    assert _snapshot(data) == before


def test_a_headquarters_database_from_a_newer_release_is_refused_and_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.hq.migrate import VERSION_TABLE

    hq_dir = tmp_path / "hq"
    assert hq_cli.main(["--data-dir", str(hq_dir), "init"]) == 0
    conn = sqlite3.connect(hq_dir / "hq.sqlite")
    conn.execute(f"UPDATE {VERSION_TABLE} SET version_num = 'h999_newer'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    capsys.readouterr()
    before = _snapshot(hq_dir)
    for command_ in (["status"], ["serve", "--port", "1"], ["import", str(tmp_path)]):
        assert hq_cli.main(["--data-dir", str(hq_dir), *command_]) == 1
        err = capsys.readouterr().err
        assert "比本程序新" in err and "请升级 fieldapp-hq" in err and "数据没有被改动" in err
    assert _snapshot(hq_dir) == before


CHILD = """
import sys, time
from pathlib import Path
import alembic.command
from fieldapp.security import signin

real = alembic.command.upgrade

def upgrade_then_hang(cfg, revision):
    real(cfg, revision)  # the new tables are in the file, the transaction not yet committed
    print("UPGRADING", flush=True)
    time.sleep(300)

alembic.command.upgrade = upgrade_then_hang
signin.open_with_password(Path(sys.argv[1]), sys.argv[2])
"""


def test_an_upgrade_killed_half_way_is_redone_from_the_backup(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _set_revision(data, "0003")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), PASSWORD], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "UPGRADING"
        mark = migrate.upgrade_mark(data / DB_FILE_NAME)
        assert mark.is_file()  # names the backup taken just before
        backup = Path(mark.read_text(encoding="utf-8"))
        assert backup.is_file()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert mark.is_file()
    _assert_intact(data)  # the next start put the backup back and upgraded it whole
    assert not mark.exists() and backup.is_file()


def test_an_interrupted_upgrade_whose_backup_is_gone_is_refused(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    mark = migrate.upgrade_mark(data / DB_FILE_NAME)
    mark.write_text(str(data / "backups" / "gone.sqlite"), encoding="utf-8")
    before = _snapshot(data)
    with pytest.raises(migrate.StorageError) as e:
        signin.open_with_password(data, PASSWORD)
    assert "上次升级台账时被中断" in str(e.value) and "不见了" in str(e.value)
    assert _snapshot(data) == before
