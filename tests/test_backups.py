"""Automatic backups into a second location and `fieldapp restore`: a full, read-only or pulled
target, a damaged or foreign backup each give a Chinese message and lose nothing; a backup
restores onto a new laptop (a fresh data folder) with the recovery code."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.security import signin
from fieldapp.services import backups as auto
from fieldapp.services import households
from fieldapp.storage import backups, cipher
from fieldapp.storage.db import Database

FIXTURE = Path(__file__).parent / "fixtures" / "ledger-0.1.0"
MANIFEST = json.loads((FIXTURE.parent / "ledger-0.1.0.json").read_text(encoding="utf-8"))
PASSWORD = MANIFEST["password"]


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Database]:
    data = tmp_path / "laptop"
    shutil.copytree(FIXTURE, data)
    db = signin.open_with_password(data, PASSWORD).db
    yield db
    db.close()


def _names(db: Database) -> list[str]:
    return sorted(h.head_name for h in households.list_households(db))


def _cli(*args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "FIELDAPP_PASSWORD": password},
        timeout=120,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_backup_is_whole_verified_encrypted_and_only_the_last_k_are_kept(
    ledger: Database, tmp_path: Path
) -> None:
    stick = tmp_path / "U盘"
    made = [auto.back_up_now(ledger, stick, keep=2) for _ in range(3)]
    assert backups.list_backups(stick) == made[1:]
    info = backups.verify(made[-1])
    assert info.device_id == ledger.device_id and info.files >= 3
    db_copy = (made[-1] / "fieldapp.sqlite").read_bytes()
    assert not db_copy.startswith(b"SQLite format 3") and "薛刚".encode() not in db_copy  # encrypted
    assert not list(stick.glob("*.partial"))


def _failing(monkeypatch: pytest.MonkeyPatch, error: OSError, *, pull: Path | None = None) -> None:
    """The keystore copy (after the database copy is on the target) fails as a device would."""
    real = backups._copy

    def copy(src: Path, dst: Path) -> None:
        real(src, dst)
        if pull is not None:
            shutil.rmtree(pull)
        raise error

    monkeypatch.setattr(backups, "_copy", copy)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "空间不足"),
        (OSError(errno.EROFS, "Read-only file system"), "只读或没有权限"),
        (PermissionError(errno.EACCES, "Permission denied"), "只读或没有权限"),
    ],
)
def test_a_full_or_read_only_target_loses_nothing(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    stick = tmp_path / "stick"
    first = auto.back_up_now(ledger, stick)
    before = _snapshot(stick)
    _failing(monkeypatch, error)
    with pytest.raises(backups.BackupError) as e:
        auto.back_up_now(ledger, stick)
    assert message in str(e.value) and "台账" in str(e.value)
    assert _snapshot(stick) == before and backups.list_backups(stick) == [first]  # old backup intact
    assert ledger.check() == [] and _names(ledger) == MANIFEST["head_names"]


def test_a_stick_pulled_mid_write_loses_nothing(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    _failing(monkeypatch, FileNotFoundError(errno.ENOENT, "No such file or directory"), pull=stick)
    with pytest.raises(backups.BackupError) as e:
        auto.back_up_now(ledger, stick)
    assert "不见了" in str(e.value) and "U盘" in str(e.value)
    assert ledger.check() == [] and _names(ledger) == MANIFEST["head_names"]
    assert auto.get_settings(ledger).last_at is None  # not counted as done


def test_a_backup_inside_the_data_folder_is_refused(ledger: Database) -> None:
    with pytest.raises(backups.BackupError, match="不能在数据文件夹里面"):
        auto.set_settings(ledger, ledger.path.parent / "bk", 4, 7)
    with pytest.raises(backups.BackupError, match="不能在数据文件夹里面"):
        auto.back_up_now(ledger, ledger.path.parent / "bk")


def test_restore_onto_a_new_laptop_with_the_recovery_code(ledger: Database, tmp_path: Path) -> None:
    backup = auto.back_up_now(ledger, tmp_path / "stick")
    new_laptop = tmp_path / "new-laptop"
    pw = tmp_path / "new-pw.txt"
    pw.write_text("new-laptop-2026\n", encoding="utf-8")
    code = MANIFEST["recovery_code"].lower().replace("-", " ")  # typed as people type it
    done = _cli(
        "restore", str(backup), "--code", code, "--new-password-file", str(pw), "--data-dir", str(new_laptop)
    )
    assert done.returncode == 0, done.stderr
    assert f"已从 {backup} 恢复台账" in done.stdout
    db = signin.open_with_password(new_laptop, "new-laptop-2026").db
    try:
        assert _names(db) == MANIFEST["head_names"] and db.check() == []
    finally:
        db.close()


def test_restore_with_the_password_moves_the_old_ledger_aside(ledger: Database, tmp_path: Path) -> None:
    backup = auto.back_up_now(ledger, tmp_path / "stick")
    other = tmp_path / "other"
    assert _cli("add-cadre", "王芳", "--data-dir", str(other), password="other-ledger-1").returncode == 0
    done = _cli("restore", str(backup), "--data-dir", str(other))
    assert done.returncode == 0, done.stderr
    (aside,) = other.glob("replaced-before-restore-*")
    assert (aside / "fieldapp.sqlite").is_file() and (aside / "keystore.json").is_file()
    assert "原有的文件已移到" in done.stdout
    assert "薛刚" in _cli("list", "households", "--data-dir", str(other)).stdout


def test_a_damaged_backup_is_refused_and_nothing_changes(ledger: Database, tmp_path: Path) -> None:
    backup = auto.back_up_now(ledger, tmp_path / "stick")
    db_file = backup / "fieldapp.sqlite"
    data = bytearray(db_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db_file.write_bytes(bytes(data))
    target = tmp_path / "laptop"
    before = _snapshot(target)
    done = _cli("restore", str(backup), "--data-dir", str(target))
    assert done.returncode == 1 and "与备份时不符" in done.stderr and "不能用它恢复" in done.stderr
    (backup / "manifest.json").write_text("{broken", encoding="utf-8")
    done = _cli("restore", str(backup), "--code", MANIFEST["recovery_code"], "--data-dir", str(target))
    assert done.returncode == 1 and "说明文件已损坏" in done.stderr
    assert _snapshot(target) == before


def test_a_foreign_backup_is_refused_and_nothing_changes(ledger: Database, tmp_path: Path) -> None:
    other = tmp_path / "another-cadre"
    assert _cli("add-cadre", "李强", "--data-dir", str(other), password="another-cadre-1").returncode == 0
    assert (
        _cli(
            "backup",
            "--to",
            str(tmp_path / "their-stick"),
            "--data-dir",
            str(other),
            password="another-cadre-1",
        ).returncode
        == 0
    )
    (theirs,) = backups.list_backups(tmp_path / "their-stick")
    target = tmp_path / "laptop"
    before = _snapshot(target)
    pw = tmp_path / "pw.txt"
    pw.write_text("whatever-2026\n", encoding="utf-8")
    done = _cli(
        "restore",
        str(theirs),
        "--code",
        MANIFEST["recovery_code"],
        "--new-password-file",
        str(pw),
        "--data-dir",
        str(target),
    )
    assert done.returncode == 1 and "不是用这个恢复码" in done.stderr
    not_a_backup = tmp_path / "photos"
    not_a_backup.mkdir()
    (not_a_backup / "a.jpg").write_bytes(b"\xff\xd8")
    done = _cli("restore", str(not_a_backup), "--data-dir", str(target))
    assert done.returncode == 1 and "不是 fieldapp 的备份" in done.stderr
    done = _cli("restore", str(theirs), "--data-dir", str(target))  # our password, their keystore
    assert done.returncode == 1 and "密码" in done.stderr
    assert _snapshot(target) == before


def test_backup_settings_from_the_command_line_and_when_due(tmp_path: Path, ledger: Database) -> None:
    assert not auto.due(ledger)  # no location chosen: nothing automatic
    data = str(ledger.path.parent)
    ledger.close()
    stick = tmp_path / "stick"
    done = _cli("backup", "--set-target", str(stick), "--every-hours", "2", "--keep", "3", "--data-dir", data)
    assert done.returncode == 0 and "每 2 小时一次，保留最近 3 份" in done.stdout
    assert _cli("backup", "--data-dir", data).returncode == 0
    assert len(backups.list_backups(stick)) == 1
    assert _cli("backup", "--every-hours", "0", "--data-dir", data).returncode != 0
    db = signin.open_with_password(Path(data), PASSWORD).db
    try:
        cfg = auto.get_settings(db)
        assert cfg.target == stick and cfg.every_hours == 2 and cfg.keep == 3 and cfg.last_at is not None
        assert not auto.due(db, cfg.last_at + dt.timedelta(hours=1, minutes=59))
        assert auto.due(db, cfg.last_at + dt.timedelta(hours=2))
    finally:
        db.close()


def _copied_setting(backup: Path, key: bytes | None) -> str | None:
    conn = cipher.connect(backup / "fieldapp.sqlite", key)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = 'backup_keep'").fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


def test_the_copy_is_the_ledger_byte_for_byte_including_the_last_write(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    auto.set_settings(ledger, tmp_path / "stick", 5, 9)  # a write that sits in the WAL
    copied: list[str] = []
    real = cipher._copy_hashing
    monkeypatch.setattr(cipher, "_copy_hashing", lambda s, d: copied.append(s.name) or real(s, d))
    backup = auto.back_up_now(ledger, tmp_path / "stick")
    assert "fieldapp.sqlite" in copied  # the fast path: folded WAL, file copied as it is (encrypted)
    assert (backup / "fieldapp.sqlite").read_bytes() == ledger.path.read_bytes()
    assert _copied_setting(backup, ledger.key) == "9"


def test_a_reader_holding_the_wal_makes_the_backup_use_sqlites_backup_api(
    ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = cipher.connect(ledger.path, ledger.key)
    reader.isolation_level = None
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM setting").fetchone()  # an open read snapshot
        auto.set_settings(ledger, tmp_path / "stick", 5, 8)  # committed after it: the WAL cannot be emptied
        copied: list[str] = []
        real = cipher._copy_hashing
        monkeypatch.setattr(cipher, "_copy_hashing", lambda s, d: copied.append(s.name) or real(s, d))
        backup = auto.back_up_now(ledger, tmp_path / "stick")
        reader.execute("COMMIT")
    finally:
        reader.close()
    assert "fieldapp.sqlite" not in copied
    assert backups.verify(backup).files >= 3
    assert _copied_setting(backup, ledger.key) == "8"  # the newest committed state, not the reader's


def test_a_damaged_or_wrongly_keyed_copy_fails_verification(ledger: Database, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    cipher.snapshot_copy(ledger.path, ledger.key, copy)
    conn = cipher.connect(copy, ledger.key)
    try:
        expected = cipher._counts(conn)
    finally:
        conn.close()
    cipher.verify_copy(copy, ledger.key, expected)
    with pytest.raises(cipher.CipherError, match="cannot be read back"):
        cipher.verify_copy(copy, bytes(32), expected)
    with pytest.raises(cipher.CipherError, match="differs"):
        cipher.verify_copy(copy, ledger.key, {**expected, "setting": expected["setting"] + 1})
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit inside a page
    copy.write_bytes(bytes(data))
    with pytest.raises(cipher.CipherError, match=r"differs|cannot be read back"):
        cipher.verify_copy(copy, ledger.key, expected)
