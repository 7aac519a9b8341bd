"""Privacy at rest: the encrypted ledger, the password-wrapped key, faults, audit, retention, wipe.

Everything here uses real files: a SQLCipher database, a real keystore, real child processes
killed mid-step with os._exit (a crash, not an exception that cleanup code could catch).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select, update
from tests.conftest import TEST_PASSWORD, TODAY, head_data, household_data, open_ledger

from fieldapp.domain import vocab
from fieldapp.security import signin, vault
from fieldapp.services import audit, households, records, retention
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage import cipher, migrate
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import AuditEvent, Household, HouseholdEconomy, Member, OutboxEntry, WorkerStatus
from fieldapp.storage.outbox import HardDeleteRefused

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
PNG = bytes.fromhex("89504e470d0a1a0a") + b"document photo of an ID card " * 40


def secrets_of(db: Database) -> list[bytes]:
    """A demo head's name and ID number, as they would appear in a file if stored in clear."""
    with db.session() as s:
        m = s.scalars(select(Member).where(Member.id_number.is_not(None)).order_by(Member.id_number)).first()
        assert m is not None and m.id_number
        return [m.name.encode("utf-8"), m.id_number.encode("ascii"), m.name.encode("utf-16-le")]


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def leaks(paths: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for path in paths:
        data = path.read_bytes()
        found += [f"{path.name}: {n!r}" for n in needles if n in data]
    return found


# ----------------------------------------------------------------------------- the key


def test_password_unwraps_the_key_and_a_wrong_one_is_counted_then_slowed_then_locked(tmp_path: Path) -> None:
    key, code = vault.create_vault(tmp_path, "kitchen-table-7", now=T0)
    assert vault.unlock(tmp_path, "kitchen-table-7", now=T0) == key
    assert len(code.split("-")) == 6
    t = T0
    for n in range(1, vault.FREE_ATTEMPTS + 1):  # the first mistakes cost nothing
        with pytest.raises(vault.WrongPassword, match="密码不对") as err:
            vault.unlock(tmp_path, "kitchen-table-8", now=t)
        assert err.value.attempts_left == vault.MAX_ATTEMPTS - n and err.value.wait_seconds == 0
    with pytest.raises(vault.WrongPassword) as err:
        vault.unlock(tmp_path, "guess", now=t)
    assert err.value.wait_seconds == 5
    with pytest.raises(vault.LockedOut, match="秒后再试"):  # even the right password must wait
        vault.unlock(tmp_path, "kitchen-table-7", now=t + dt.timedelta(seconds=2))
    for _ in range(vault.MAX_ATTEMPTS - vault.FREE_ATTEMPTS - 1):
        t += dt.timedelta(hours=1)
        with pytest.raises((vault.WrongPassword, vault.LockedOut)):
            vault.unlock(tmp_path, "guess", now=t)
    with pytest.raises(vault.LockedOut, match="已锁定") as locked:
        vault.unlock(tmp_path, "kitchen-table-7", now=t + dt.timedelta(minutes=10))
    assert locked.value.wait_seconds > 600
    # after the lockout the right password works and the count starts again
    assert vault.unlock(tmp_path, "kitchen-table-7", now=t + vault.LOCKOUT + dt.timedelta(seconds=1)) == key
    with pytest.raises(vault.WrongPassword) as err:
        vault.unlock(tmp_path, "nope-nope", now=t + vault.LOCKOUT + dt.timedelta(seconds=2))
    assert err.value.attempts_left == vault.MAX_ATTEMPTS - 1


def test_weak_passwords_are_refused_with_a_reason(tmp_path: Path) -> None:
    for weak, reason in (("12345", "至少"), ("123456", "太容易"), ("aaaaaaaa", "太容易")):
        with pytest.raises(vault.WeakPassword, match=reason):
            vault.create_vault(tmp_path, weak)
    assert not vault.vault_exists(tmp_path)


def test_recovery_code_as_people_type_it_and_without_the_keystore(tmp_path: Path) -> None:
    key, code = vault.create_vault(tmp_path, "kitchen-table-7")
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert vault.unlock_with_recovery(tmp_path, typed) == key
    with pytest.raises(vault.VaultError, match="格式不对"):
        vault.unlock_with_recovery(tmp_path, code[:-3])
    _, other_code = vault.create_vault(tmp_path / "other", "another-pass-9")
    with pytest.raises(vault.VaultError, match="不匹配"):
        vault.unlock_with_recovery(tmp_path, other_code)
    (tmp_path / vault.KEYSTORE_NAME).unlink()
    (tmp_path / vault.KEYSTORE_MIRROR).unlink()
    assert vault.unlock_with_recovery(tmp_path, code) == key  # the code alone re-creates the key
    assert vault.reset_password(tmp_path, code, "new-pass-2027") == key
    assert vault.unlock(tmp_path, "new-pass-2027") == key


def test_a_damaged_keystore_falls_back_to_its_mirror_then_to_the_recovery_code(tmp_path: Path) -> None:
    key, code = vault.create_vault(tmp_path, "kitchen-table-7")
    (tmp_path / vault.KEYSTORE_NAME).write_text("{ half written", encoding="utf-8")
    assert vault.unlock(tmp_path, "kitchen-table-7") == key
    (tmp_path / vault.KEYSTORE_MIRROR).write_bytes(b"\0" * 20)
    with pytest.raises(vault.VaultError, match="恢复码"):
        vault.unlock(tmp_path, "kitchen-table-7")
    vault.reset_password(tmp_path, code, "kitchen-table-8")
    assert vault.unlock(tmp_path, "kitchen-table-8") == key


def test_changing_the_password_does_not_touch_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    households.create_household(db, household_data(), head_data())
    db.close()
    before = hashlib.sha256((data / "fieldapp.sqlite").read_bytes()).hexdigest()
    vault.change_password(data, TEST_PASSWORD, "a-new-password-1")
    assert hashlib.sha256((data / "fieldapp.sqlite").read_bytes()).hexdigest() == before
    with pytest.raises(vault.WrongPassword):
        vault.unlock(data, TEST_PASSWORD)
    db = signin.open_with_password(data, "a-new-password-1").db
    assert [r.head_name for r in households.list_households(db)] == ["张海生"]
    db.close()


CRASH_ON_REPLACE = """
import os, sys
from pathlib import Path
real_replace = os.replace
calls = 0
def dying_replace(src, dst):
    global calls
    calls += 1
    if calls == int(sys.argv[2]):
        os._exit(9)  # power cut: no cleanup, no finally
    real_replace(src, dst)
os.replace = dying_replace
{body}
"""


def crash_at(n: int, body: str, data: Path) -> int:
    script = CRASH_ON_REPLACE.format(body=textwrap.dedent(body))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(data), str(n)], env=env, check=False, timeout=120
    )
    return done.returncode


def test_a_crash_while_changing_the_password_leaves_one_that_works(tmp_path: Path) -> None:
    key, _ = vault.create_vault(tmp_path, "old-password-1")
    body = """
        from fieldapp.security import vault
        vault.change_password(Path(sys.argv[1]), "old-password-1", "new-password-2")
    """
    for n in (1, 2):  # before the keystore is replaced, and between keystore and mirror
        assert crash_at(n, body, tmp_path) == 9
        works = []
        for pw in ("old-password-1", "new-password-2"):
            try:
                works.append(vault.unlock(tmp_path, pw) == key)
            except vault.WrongPassword:
                works.append(False)
        assert any(works), f"crash at replace {n}: neither password opens the key"


# ----------------------------------------------------------------------------- the ledger


def test_the_ledger_its_wal_backups_and_attachments_hold_no_plaintext(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    fill_demo_data(db, 6)
    hid = households.list_households(db)[0].id
    photo = tmp_path / "身份证.png"
    photo.write_bytes(PNG)
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.ID_CARD)
    migrate.backup_sqlite(db.path, db.backup_dir, "manual", db.key)
    needles = [*secrets_of(db), b"document photo of an ID card"]
    assert (data / "fieldapp.sqlite-wal").exists()  # scanned while the WAL still holds changes
    assert not cipher.is_plaintext(data / "fieldapp.sqlite")
    assert leaks(files_under(data), needles) == []
    sha = hashlib.sha256(PNG).hexdigest()
    assert records.read_attachment(db, sha) == PNG
    db.close()
    assert leaks(files_under(data), needles) == []
    with pytest.raises(migrate.StorageError, match="已加密"):
        open_database(data)  # no key: refused, not opened as garbage


def test_cli_session_leaves_no_personal_data_in_data_temp_or_log_folders(tmp_path: Path) -> None:
    data, tmp, home = tmp_path / "data", tmp_path / "tmp", tmp_path / "home"
    for d in (tmp, home):
        d.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp), "HOME": str(home)}
    env["XDG_CACHE_HOME"], env["XDG_STATE_HOME"] = str(home / "cache"), str(home / "state")
    for args in (["demo-data", "--households", "5"], ["backup"], ["list", "households"], ["audit"]):
        cmd = [sys.executable, "-m", "fieldapp", *args, "--data-dir", str(data)]
        done = subprocess.run(cmd, env=env, capture_output=True, check=False, timeout=180)
        assert done.returncode == 0, done.stderr.decode()
    db = open_ledger(data)
    needles = secrets_of(db)
    db.close()
    assert leaks(files_under(data, tmp, home), needles) == []


def test_a_plaintext_ledger_is_encrypted_in_place_with_its_backups_and_attachments(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_database(data)  # a ledger from before encryption existed
    fill_demo_data(db, 5)
    hid = households.list_households(db)[0].id
    photo = tmp_path / "户口簿.png"
    photo.write_bytes(PNG)
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.HOUSEHOLD_REGISTER)
    migrate.backup_sqlite(db.path, db.backup_dir, "manual")
    needles = secrets_of(db)
    rows = len(households.list_households(db))
    db.close()
    assert leaks(files_under(data), needles)  # the test can see plaintext when it is there

    opened = signin.open_with_password(data, TEST_PASSWORD)
    assert opened.recovery_code is not None
    assert len(households.list_households(opened.db)) == rows
    assert records.read_attachment(opened.db, hashlib.sha256(PNG).hexdigest()) == PNG
    opened.db.close()
    assert leaks(files_under(data), [*needles, b"document photo"]) == []
    assert sorted(p.name for p in data.iterdir()) == [
        "attachments",
        "backups",
        "fieldapp.sqlite",
        vault.KEYSTORE_NAME,
        vault.KEYSTORE_MIRROR,
    ]


ENCRYPT = """
    from fieldapp.security import signin
    signin.open_with_password(Path(sys.argv[1]), "{password}").db.close()
"""


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_a_crash_during_encryption_loses_nothing_and_leaves_no_plaintext(tmp_path: Path, n: int) -> None:
    data = tmp_path / "data"
    db = open_database(data)
    fill_demo_data(db, 4)
    migrate.backup_sqlite(db.path, db.backup_dir, "manual")
    needles = secrets_of(db)
    names = sorted(r.head_name for r in households.list_households(db))
    db.close()
    # crash at the n-th rename: keystore, keystore mirror, ledger moved aside, copy moved in …
    assert crash_at(n, ENCRYPT.format(password=TEST_PASSWORD), data) == 9
    db = open_ledger(data)  # the next start finishes the job
    assert sorted(r.head_name for r in households.list_households(db)) == names
    db.close()
    assert leaks(files_under(data), needles) == []


def test_a_wrong_key_or_a_tampered_file_is_refused_clearly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    households.create_household(db, household_data(), head_data())
    key = db.key
    db.close()
    assert key is not None
    with pytest.raises(migrate.StorageError, match="无法用本机的密钥解开"):
        open_database(data, bytes(32))
    raw = bytearray((data / "fieldapp.sqlite").read_bytes())
    raw[100] ^= 0x01  # one bit of the first page
    (data / "fieldapp.sqlite").write_bytes(bytes(raw))
    with pytest.raises(migrate.StorageError, match="被改动"):
        open_database(data, key)


def test_a_tampered_page_is_detected_when_read_not_returned_as_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_ledger(data)
    fill_demo_data(db, 8)
    key = db.key
    db.close()
    raw = bytearray((data / "fieldapp.sqlite").read_bytes())
    raw[(len(raw) // 4096 // 2) * 4096 + 2000] ^= 0x40  # one bit of one page in the middle
    (data / "fieldapp.sqlite").write_bytes(bytes(raw))
    # every page carries a MAC: the check names the damaged page, and reading it fails
    db = open_database(data, key)
    try:
        problems = db.check()
        assert problems and any("HMAC" in p or "page" in p for p in problems), problems
    finally:
        db.close()


def test_a_ledger_copied_to_another_computer_needs_the_recovery_code(tmp_path: Path) -> None:
    data = tmp_path / "data"
    opened = signin.open_with_password(data, TEST_PASSWORD)
    households.create_household(opened.db, household_data(), head_data())
    opened.db.close()
    code = opened.recovery_code
    assert code is not None
    elsewhere = tmp_path / "other-pc"
    elsewhere.mkdir()
    shutil.copy2(data / "fieldapp.sqlite", elsewhere / "fieldapp.sqlite")
    assert signin.state_of(elsewhere) == "orphan"
    with pytest.raises(vault.VaultError, match="恢复码"):
        signin.open_with_password(elsewhere, TEST_PASSWORD)
    _, wrong = vault.create_vault(tmp_path / "third", "whatever-pass-1")
    with pytest.raises(migrate.StorageError):
        signin.open_with_recovery(elsewhere, wrong, "new-pass-2027")
    assert not vault.vault_exists(elsewhere)  # a wrong code writes no keystore
    db = signin.open_with_recovery(elsewhere, code, "new-pass-2027").db
    assert [r.head_name for r in households.list_households(db)] == ["张海生"]
    assert audit.recent(db)[0].action == vocab.AuditAction.PASSWORD_RESET
    db.close()
    assert signin.state_of(elsewhere) == "locked"


# ----------------------------------------------------------------------------- audit, retention


def test_audit_entries_are_append_only_synced_and_free_of_personal_numbers(tmp_path: Path) -> None:
    db = open_ledger(tmp_path / "data")
    saved = households.create_household(db, household_data(), head_data())
    audit.log(db, vocab.AuditAction.VIEW_PROFILE, household_id=saved.id)
    audit.log(db, vocab.AuditAction.REVEAL_ID, household_id=saved.id, detail="户主")
    rows = audit.recent(db)
    assert [r.action for r in rows[:2]] == [vocab.AuditAction.REVEAL_ID, vocab.AuditAction.VIEW_PROFILE]
    assert rows[0].household == "张海生"
    with db.session() as s:
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.entity == "audit_event")) is not None
    with pytest.raises(HardDeleteRefused, match="append-only"), db.session() as s:
        event = s.scalars(select(AuditEvent)).first()
        assert event is not None
        event.detail = "changed"
    db.close()


def _ack_everything(db: Database) -> None:
    with db.session() as s:
        s.execute(update(OutboxEntry).values(acked_at=dt.datetime.now(dt.UTC)))


def test_retention_purges_only_closed_acknowledged_and_expired_households(tmp_path: Path) -> None:
    db = open_ledger(tmp_path / "data")
    fill_demo_data(db, 6)
    rows = households.list_households(db)
    old, recent, unsynced = rows[0].id, rows[1].id, rows[2].id
    photo = tmp_path / "p.png"
    photo.write_bytes(PNG)
    records.add_attachment(db, old, photo, vocab.AttachmentKind.ID_CARD)
    long_ago = TODAY - dt.timedelta(days=800)
    households.close_household(db, old, closed_on=long_ago, note="已脱困")
    households.close_household(db, recent, note="迁出本市")
    _ack_everything(db)
    households.close_household(db, unsynced, closed_on=long_ago)  # this change is not acknowledged
    by_id = {c.household_id: c for c in retention.candidates(db)}
    assert by_id[old].eligible
    assert not by_id[recent].eligible and "保存期到" in by_id[recent].reason
    assert not by_id[unsynced].eligible and "未被市总工会确认" in by_id[unsynced].reason

    result = retention.purge(db, [old, recent, unsynced])
    assert result.households == 1 and result.files == 1 and result.rows > 5
    left = {r.id for r in households.list_households(db)}
    assert old not in left and {recent, unsynced} <= left
    with db.session() as s:
        assert s.get(Household, old) is None
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.row_id == old)) is None
        assert s.scalar(select(HouseholdEconomy).where(HouseholdEconomy.household_id == old)) is None
        assert s.scalar(select(WorkerStatus).where(WorkerStatus.household_id == old)) is None
        assert s.scalar(select(HouseholdEconomy).where(HouseholdEconomy.household_id == recent)) is not None
    assert not any((db.path.parent / "attachments").rglob(hashlib.sha256(PNG).hexdigest()))
    assert audit.recent(db)[0].action == vocab.AuditAction.RETENTION_WIPE
    db.close()


# ----------------------------------------------------------------------------- the CLI


def cli(
    data: Path, *args: str, password: str | None = TEST_PASSWORD, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != signin.PASSWORD_ENV}
    if password is not None:
        env[signin.PASSWORD_ENV] = password
    env.update(extra)
    cmd = [sys.executable, "-m", "fieldapp", *args, "--data-dir", str(data)]
    return subprocess.run(
        cmd, env=env, capture_output=True, text=True, encoding="utf-8", check=False, timeout=180
    )


def test_cli_needs_the_password_and_says_so_in_chinese(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = cli(data, "info", password=None)
    assert done.returncode == 1 and "设置密码" in done.stderr
    first = cli(data, "demo-data", "--households", "3")
    assert first.returncode == 0 and "恢复码" in first.stderr
    wrong = cli(data, "info", password="not-the-password")
    assert wrong.returncode == 1 and "密码不对" in wrong.stderr
    pw_file = tmp_path / "pw.txt"
    pw_file.write_text(TEST_PASSWORD + "\n", encoding="utf-8")
    by_file = cli(data, "info", "--password-file", str(pw_file), password=None)
    assert by_file.returncode == 0 and "困难户\t3" in by_file.stdout
    checked = cli(data, "check")
    assert checked.returncode == 0 and "完好" in checked.stdout and "已加密" in checked.stdout


def test_cli_passwd_recover_audit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = cli(data, "add-cadre", "王芳").stderr.split("\n    ")[1].split()[0]
    new = tmp_path / "new.txt"
    new.write_text("second-pass-9\n", encoding="utf-8")
    assert cli(data, "passwd", "--new-password-file", str(new)).returncode == 0
    assert cli(data, "info").returncode == 1
    assert cli(data, "info", password="second-pass-9").returncode == 0
    third = tmp_path / "third.txt"
    third.write_text("third-pass-77\n", encoding="utf-8")
    done = cli(data, "recover", "--code", code, "--new-password-file", str(third), password=None)
    assert done.returncode == 0, done.stderr
    listing = cli(data, "audit", password="third-pass-77")
    assert "修改密码" in listing.stdout and "用恢复码重设密码" in listing.stdout


def test_cli_wipe_refuses_unsynced_work_then_erases_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "demo-data", "--households", "3").returncode == 0
    refused = cli(data, "wipe", "--yes")
    assert refused.returncode == 1 and "未被市总工会确认" in refused.stderr
    assert (data / "fieldapp.sqlite").exists()
    no_password = cli(data, "wipe", "--yes", password=None)
    assert no_password.returncode == 1 and "--force" in no_password.stderr
    ask = cli(data, "wipe", "--force")
    assert ask.returncode == 1 and "--yes" in ask.stdout
    done = cli(data, "wipe", "--force", "--yes", password=None)
    assert done.returncode == 0, done.stderr
    assert files_under(data) == []
    assert "设置密码" in cli(data, "info", password=None).stderr  # a fresh, empty folder now


HOLD_OPEN = """
import sys, time
from pathlib import Path
from fieldapp.services import households
from fieldapp.storage.db import open_database
db = open_database(Path(sys.argv[1]))  # an older fieldapp, still running on the plaintext file
households.list_households(db)
print("open", flush=True)
sys.stdin.readline()
db.close()
"""


def test_encryption_waits_for_nobody_else_to_have_the_plaintext_file_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_database(data)
    households.create_household(db, household_data(), head_data())
    db.close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        with pytest.raises(migrate.StorageError, match="另一个 fieldapp"):
            signin.open_with_password(data, TEST_PASSWORD)
        assert cipher.is_plaintext(data / "fieldapp.sqlite")  # untouched
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.flush()
        other.wait(timeout=60)
    db = open_ledger(data)  # the other program has closed it: now it is encrypted
    assert [r.head_name for r in households.list_households(db)] == ["张海生"]
    db.close()
    assert not cipher.is_plaintext(data / "fieldapp.sqlite")
