"""What README.md and docs/security.md promise about data at rest and the command line, checked
on real encrypted ledgers, real CLI runs and a real headquarters database (the UI's promises
are in tests/test_promises_ui.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from tests.conftest import TEST_PASSWORD, TODAY, head_data, household_data, open_ledger
from tests.test_security import PNG, _ack_everything, cli, files_under, leaks

from fieldapp import cli as fieldapp_cli
from fieldapp.domain import vocab
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import DEFAULT_URL_ENV
from fieldapp.paths import ENV_VAR as DATA_DIR_ENV
from fieldapp.paths import resolve_data_dir
from fieldapp.security import signin, vault
from fieldapp.services import audit, households, profile, records
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage import blobs, cipher
from fieldapp.storage.db import Database
from fieldapp.storage.models import Member, OutboxEntry

# a photo of a document as a phone takes it: a JPEG header and some kilobytes of content
PHOTO = (
    bytes.fromhex("ffd8ffe000104a464946") + "居民身份证 张海生 正面".encode() * 600 + bytes(range(256)) * 40
)


def household_secrets(db: Database, household_id: str) -> list[str]:
    """The head's name and every member's ID number of one household; the name only if no other
    household has a member of that name."""
    members = profile.load_profile(db, household_id).members
    with db.session() as s:
        others = set(s.scalars(select(Member.name).where(Member.household_id != household_id)))
    head = next(m for m in members if m.relation == vocab.Relation.HEAD)
    found = [m.id_number for m in members if m.id_number]
    if head.name not in others:
        found.append(head.name)
    assert found, "the household has neither an ID number nor a unique name to look for"
    return found


def encoded(texts: list[str]) -> list[bytes]:
    """How the texts would appear in a file holding them in clear: UTF-8 or UTF-16."""
    return [t.encode(e) for t in texts for e in ("utf-8", "utf-16-le", "utf-16-be")]


def decrypted_dump(path: Path, key: bytes) -> bytes:
    """Every row of a SQLCipher file (a ledger or a backup), decrypted, as SQL text."""
    conn = cipher.connect(path, key)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = [repr(row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"')]
    finally:
        conn.close()
    return "\n".join(rows).encode("utf-8")


# --- 1. document photos in an encrypted ledger --------------------------------------------------


def test_document_photo_reads_back_identical_after_reopening_and_is_encrypted_on_disk(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    hid = households.create_household(db, household_data(), head_data()).id
    photo = tmp_path / "身份证正面.jpg"
    photo.write_bytes(PHOTO)
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.ID_CARD, note="户主身份证")
    db.close()

    reopened = signin.open_with_password(data, TEST_PASSWORD).db
    try:
        (stored,) = profile.load_profile(reopened, hid).attachments
        assert stored.file_name == "身份证正面.jpg" and stored.size_bytes == len(PHOTO)
        assert records.read_attachment(reopened, stored.sha256) == PHOTO
    finally:
        reopened.close()
    sha = hashlib.sha256(PHOTO).hexdigest()
    on_disk = (data / "attachments" / sha[:2] / sha).read_bytes()
    assert on_disk.startswith(blobs.MAGIC)
    assert PHOTO[:10] not in on_disk and "居民身份证".encode() not in on_disk
    assert leaks(files_under(data), [PHOTO[:64], "张海生".encode(), head_data().id_number.encode()]) == []
    with pytest.raises(blobs.BlobError):  # the photo is not readable without the ledger's key
        blobs.read(data / "attachments" / sha[:2] / sha, bytes(32))


# --- 2. a crash in the middle of writes to an encrypted ledger ----------------------------------

ENCRYPTED_WRITER = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from conftest import head_data, household_data
from fieldapp.security import signin
from fieldapp.services import households
from fieldapp.storage.models import Cadre

db = signin.open_with_password(Path(sys.argv[2]), sys.argv[3]).db
for i in range(20):
    households.create_household(db, household_data(), head_data(seq=100 + i, name="王" + "一二三四五六七八九十"[i % 10]))
print("committed", flush=True)
with db.session() as s:
    for i in range(500):
        s.add(Cadre(name=f"未提交{i}"))
    s.flush()  # the rows are in the (encrypted) WAL, the transaction is open
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_crash_mid_write_on_an_encrypted_ledger_loses_nothing_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-c", ENCRYPTED_WRITER, str(Path(__file__).parent), str(data), TEST_PASSWORD],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert "committed" in done.stdout, done.stderr
    assert done.returncode == -9  # killed, not finished
    assert (data / "fieldapp.sqlite-wal").exists()  # the crash left the WAL behind
    assert not cipher.is_plaintext(data / "fieldapp.sqlite")

    capsys.readouterr()
    assert fieldapp_cli.main(["check", "--data-dir", str(data)]) == 0
    checked = capsys.readouterr().out
    assert "完好" in checked and "已加密" in checked
    assert fieldapp_cli.main(["list", "households", "--data-dir", str(data)]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 20
    assert fieldapp_cli.main(["list", "cadres", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == ""  # the open transaction is gone

    db = open_ledger(data)
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Member)) == 20
            assert s.scalar(text("SELECT count(*) FROM cadre")) == 0
            # every committed change still has its outbox entry: 20 households + 20 heads
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 40
    finally:
        db.close()


# --- 3. retention and wipe erase backups and photos, too ----------------------------------------


def _ledger_with_a_closed_household(tmp_path: Path) -> tuple[Path, str, list[str], bytes]:
    """Demo data, a household with a document photo closed long ago, everything acknowledged,
    and a backup made afterwards: the backup and the photo hold that household."""
    data = tmp_path / "data"
    db = open_ledger(data)
    fill_demo_data(db, 6)
    hid = households.list_households(db)[0].id
    photo = tmp_path / "户口簿.png"
    photo.write_bytes(PNG)
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.HOUSEHOLD_REGISTER)
    households.close_household(db, hid, closed_on=TODAY - dt.timedelta(days=800), note="已脱困")
    needles = household_secrets(db, hid)
    _ack_everything(db)
    key = db.key
    db.close()
    assert key is not None
    assert fieldapp_cli.main(["backup", "--data-dir", str(data)]) == 0
    (backup,) = (data / "backups").glob("*.sqlite")
    # the test can see the household in the backup and the photo on disk when they are there
    assert all(n.encode() in decrypted_dump(backup, key) for n in needles)
    sha = hashlib.sha256(PNG).hexdigest()
    assert blobs.read(data / "attachments" / sha[:2] / sha, key) == PNG
    return data, hid, needles, key


def test_retention_apply_leaves_no_data_of_the_purged_household_in_backups_or_photos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, hid, needles, key = _ledger_with_a_closed_household(tmp_path)
    capsys.readouterr()
    assert fieldapp_cli.main(["retention", "--apply", "--data-dir", str(data)]) == 0
    assert "已从本机清除 1 户" in capsys.readouterr().out

    db = open_ledger(data)
    try:
        assert hid not in {r.id for r in households.list_households(db)}
    finally:
        db.close()
    attachments = files_under(data / "attachments")
    assert not any(p.name == hashlib.sha256(PNG).hexdigest() for p in attachments)
    assert all(PNG not in blobs.read(p, key) for p in attachments)
    assert leaks(files_under(data), [*encoded(needles), PNG[:40]]) == []  # nothing in clear anywhere
    live = decrypted_dump(data / "fieldapp.sqlite", key)
    assert [n for n in needles if n.encode() in live] == []
    backups = files_under(data / "backups")
    assert backups  # the backups made before the purge are replaced by a clean one
    still_there = [p.name for p in backups if any(n.encode() in decrypted_dump(p, key) for n in needles)]
    assert still_there == [], f"backups still holding the purged household: {still_there}"


def test_wipe_yes_erases_backups_and_photos_with_the_ledger(tmp_path: Path) -> None:
    data, _hid, needles, _key = _ledger_with_a_closed_household(tmp_path)
    assert files_under(data / "backups") and files_under(data / "attachments")
    done = cli(data, "wipe", "--yes")
    assert done.returncode == 0, done.stderr
    assert "已清除" in done.stdout
    assert not (data / "backups").exists() and not (data / "attachments").exists()
    assert not vault.vault_exists(data)
    left = files_under(data)
    assert left == [], f"left after the wipe: {left}"
    assert leaks(files_under(tmp_path), encoded(needles)) == []  # (the test's photo holds none)


# --- 4. `fieldapp check` finds a damaged file ---------------------------------------------------


def test_check_reports_bytes_flipped_in_the_middle_of_the_ledger_in_chinese(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    fill_demo_data(db, 8)
    assert db.check() == []  # sound before
    db.close()
    path = data / "fieldapp.sqlite"
    raw = bytearray(path.read_bytes())
    middle = (len(raw) // 4096 // 2) * 4096
    for i in range(1000, 1016):  # sixteen bytes inside one page in the middle of the file
        raw[middle + i] ^= 0xFF
    path.write_bytes(bytes(raw))

    done = cli(data, "check")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "台账文件有" in done.stderr and "损坏或被改动" in done.stderr, done.stderr
    assert "backups/" in done.stderr  # and says what to do


# --- 5. `fieldapp audit --household ID` ---------------------------------------------------------


def test_audit_for_one_household_lists_only_that_households_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    mine = households.create_household(db, household_data(), head_data(11, "张海生")).id
    other = households.create_household(db, household_data(), head_data(12, "李桂兰")).id
    audit.log(db, vocab.AuditAction.VIEW_PROFILE, household_id=mine)
    audit.log(db, vocab.AuditAction.REVEAL_ID, household_id=mine, detail="户主")
    audit.log(db, vocab.AuditAction.VIEW_PROFILE, household_id=other)
    audit.log(db, vocab.AuditAction.REVEAL_PHONE, household_id=other)
    db.close()
    capsys.readouterr()

    assert fieldapp_cli.main(["audit", "--data-dir", str(data)]) == 0
    everything = capsys.readouterr().out
    assert "张海生" in everything and "李桂兰" in everything  # both are in the log

    assert fieldapp_cli.main(["audit", "--household", mine, "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    fields = [line.split("\t") for line in lines]
    assert sorted(f[2] for f in fields) == sorted(
        [vocab.AuditAction.VIEW_PROFILE.value, vocab.AuditAction.REVEAL_ID.value]
    )
    assert all(f[3] == "张海生" for f in fields), lines
    assert "李桂兰" not in "\n".join(lines)


# --- 6. the default data folder and the demo's -------------------------------------------------


def _env_without_data_dir(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != DATA_DIR_ENV and not k.startswith(("XDG_", "HOME"))}
    env.update(HOME=str(home), PYTHONPATH=os.pathsep.join(sys.path), **extra)
    return env


def test_without_data_dir_the_per_user_data_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    assert resolve_data_dir() == home / ".local" / "share" / "fieldapp"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir() == tmp_path / "xdg" / "fieldapp"
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir() == tmp_path / "from-env"
    assert resolve_data_dir(tmp_path / "explicit") == tmp_path / "explicit"

    # the real command, with neither --data-dir nor $FIELDAPP_DATA_DIR
    env = _env_without_data_dir(home)
    cmd = [sys.executable, "-m", "fieldapp", "add-cadre", "王芳"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    default = home / ".local" / "share" / "fieldapp"
    assert (default / "fieldapp.sqlite").is_file() and vault.vault_exists(default)
    info = [sys.executable, "-m", "fieldapp", "info"]
    shown = subprocess.run(info, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert f"数据文件\t{default / 'fieldapp.sqlite'}" in shown.stdout
    assert "干部\t1" in shown.stdout


# Runs `fieldapp --demo` as a user starts it, offscreen: presses Enter on the sign-in dialog (the
# demo password is filled in), waits for the workbench to show the demo households, closes it.
DEMO_RUN = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from fieldapp.ui import ops
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.signin import PAGE_NEW, SignInDialog

def poke():
    for w in app.topLevelWidgets():
        if isinstance(w, SignInDialog) and w.isVisible() and w.state and not w.property("poked"):
            w.setProperty("poked", True)
            print("sign-in folder:", w.data_dir, flush=True)
            w.create_password() if w.pages.currentIndex() == PAGE_NEW else w.sign_in()
        if isinstance(w, MainWindow) and w.isVisible() and w.load_count >= 1 and ops.pending() == 0:
            print("households shown:", w.households.model.rowCount(), flush=True)
            w.close()
            app.quit()

timer = QTimer()
timer.timeout.connect(poke)
timer.start(100)
QTimer.singleShot(60_000, lambda: os._exit(3))  # never hang the test run
from fieldapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_demo_starts_in_the_demo_folder_of_the_default_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _env_without_data_dir(
        home, XDG_DATA_HOME=str(tmp_path / "xdg"), XDG_CONFIG_HOME=str(tmp_path / "config")
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop(signin.PASSWORD_ENV, None)
    done = subprocess.run(
        [sys.executable, "-c", DEMO_RUN, "--demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = tmp_path / "xdg" / "fieldapp"
    demo = data / "demo"
    assert f"sign-in folder: {demo}" in done.stdout
    assert not (data / "fieldapp.sqlite").exists()  # the real ledger's place is left alone
    assert not cipher.is_plaintext(demo / "fieldapp.sqlite")
    db = signin.open_with_password(demo, signin.DEMO_PASSWORD).db
    try:
        shown = len(households.list_households(db))
    finally:
        db.close()
    assert shown >= 10 and f"households shown: {shown}" in done.stdout


# --- 9. fieldapp-hq and $FIELDAPP_HQ_DB -----------------------------------------------------------


def test_hq_uses_the_database_named_by_the_environment_without_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # the fallback would be ./hq-data/hq.sqlite
    named = tmp_path / "总部" / "city-hq.sqlite"
    named.parent.mkdir()
    monkeypatch.setenv(DEFAULT_URL_ENV, f"sqlite:///{named.as_posix()}")
    assert DEFAULT_URL_ENV == "FIELDAPP_HQ_DB"
    assert hq_cli.main(["init"]) == 0
    assert named.as_posix() in capsys.readouterr().out
    assert hq_cli.main(["enroll-device", "兰陵县-王芳", "--out", str(tmp_path / "w.enrol")]) == 0
    capsys.readouterr()
    assert hq_cli.main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["devices"] == 0 and status["batches"] == 0
    assert not (tmp_path / "hq-data").exists()
    conn = sqlite3.connect(named)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        enrolments = conn.execute("SELECT count(*) FROM hq_enrolment").fetchone()[0]
    finally:
        conn.close()
    assert {"hq_meta", "hq_device", "hq_batch"} <= tables
    assert enrolments == 1  # the enrolment issued above went into that file
    # --db still wins over the environment
    other = tmp_path / "other.sqlite"
    assert hq_cli.main(["--db", f"sqlite:///{other.as_posix()}", "init"]) == 0
    assert other.is_file()
