"""What README.md and docs/security.md promise about the desktop app and what leaves the laptop:
the default auto-lock, the screenshots command, and no personal data in clear on a USB stick or
in the files a UI session leaves behind. Real widgets offscreen, real encrypted ledgers."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.conftest import Answers, head_data, household_data
from tests.test_security import PNG, files_under, leaks
from tests.test_sync_usb import _enrol_by_usb, _hq
from tests.test_ui_security import PASSWORD, open_window, wait_ops
from tests.test_ui_workbench import type_text

from fieldapp import cli
from fieldapp.domain import vocab
from fieldapp.security import vault
from fieldapp.services import drafts, households, records, visits
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import Member
from fieldapp.ui import messages
from fieldapp.ui import settings as opts
from fieldapp.ui.app import choose_demo_cadre
from fieldapp.ui.visit_form import draft_key

README = Path(__file__).resolve().parent.parent / "README.md"


def personal_texts(db: Database) -> list[str]:
    """Every head of household's name and every ID number in the ledger."""
    with db.session() as s:
        ids = [n for n in s.scalars(select(Member.id_number)) if n]
    names = [r.head_name for r in households.list_households(db)]
    assert ids and names
    return ids + names


def encoded(texts: list[str]) -> list[bytes]:
    """How the texts would appear in a file holding them in clear: UTF-8 or UTF-16."""
    return [t.encode(e) for t in texts for e in ("utf-8", "utf-16-le", "utf-16-be")]


# --- 7. the default auto-lock -------------------------------------------------------------------


@pytest.mark.usefixtures("answers")
def test_a_first_start_locks_after_ten_idle_minutes(qtbot: QtBot, tmp_path: Path) -> None:
    prefs = opts.AppSettings()  # the real per-user settings file (in tmp_path: see `answers`)
    assert Path(prefs.file_name).is_relative_to(tmp_path)
    assert prefs.get(opts.LOCK_MINUTES) == 10
    folder = tmp_path / "ledger"
    key, _code = vault.create_vault(folder, PASSWORD)
    db = open_database(folder, key)
    try:
        window = open_window(qtbot, folder, db, prefs)
        locker = window.locker
        assert locker is not None and not locker.is_locked
        assert locker.idle.interval() == 10 * 60_000
        assert locker.idle.isActive() and locker.idle.isSingleShot()
        dialog = window.open_settings()  # and the settings say so
        assert dialog.general.lock_minutes.value() == 10
        dialog.done(0)
        window.close()
        wait_ops(qtbot)
    finally:
        db.close()


# --- 8. the README's screenshots command --------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header, after checking it is a whole PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR" and data[-8:-4] == b"IEND", f"{path.name} is incomplete"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_screenshots_command_writes_every_png_the_readme_shows(tmp_path: Path) -> None:
    listed = sorted(set(re.findall(r"docs/screenshots/([\w-]+\.png)", README.read_text(encoding="utf-8"))))
    assert len(listed) >= 14, listed
    out, home, tmp = tmp_path / "shots", tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), TMPDIR=str(tmp))
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp.ui.screenshots", str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=420,  # 24 shots; a loaded CI machine took over 180 s
    )
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in out.iterdir())
    assert written == listed
    try:
        from PIL import Image
    except ImportError:  # the header check below still runs
        Image = None  # type: ignore[assignment]
    for name in listed:
        width, height = png_size(out / name)
        window = name.startswith(
            ("01-", "02-", "03-", "04-", "05-", "06-", "14-", "15-", "16-", "18-", "22-")
        )
        if window:  # the main window, at the size the README gives
            assert (width, height) == (1366, 768), name
        else:  # a dialog, on that screen
            assert 300 <= width <= 1366 and 100 <= height <= 768, (name, width, height)
        if Image is not None:
            with Image.open(out / name) as img:
                img.load()
                assert img.size == (width, height)
                colours = img.convert("RGB").getcolors(maxcolors=1 << 20)
                assert colours is None or len(colours) > 20, f"{name} is blank"
    # a fresh demo ledger in a temporary folder, removed afterwards; never the user's data
    assert not list(tmp.iterdir())
    assert not [p for p in files_under(home) if p.name.startswith("fieldapp.sqlite")]


# --- 10. nothing in clear on the stick or in a UI session's files --------------------------------


def test_usb_export_writes_no_personal_data_in_clear_on_the_stick(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _enrol_by_usb(tmp_path, capsys)
    stick = tmp_path / "stick"
    db = open_database(data_dir, vault.unlock(data_dir, os.environ["FIELDAPP_PASSWORD"]))
    fill_demo_data(db, 6)
    hid = households.list_households(db)[0].id
    photo = tmp_path / "身份证.png"
    photo.write_bytes(PNG)
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.ID_CARD)
    needles = [*encoded(personal_texts(db)), b"document photo of an ID card"]
    db.close()

    assert cli.main(["sync", "--data-dir", str(data_dir), "export", "--to", str(stick)]) == 0
    assert "已导出" in capsys.readouterr().out
    assert list(stick.glob("*.fsb")) and list(stick.glob("*.enrol.json"))
    # headquarters reads them (so they do hold the data, encrypted) and answers on the stick
    assert _hq(tmp_path, "import", str(stick)) == 0
    assert _hq(tmp_path, "export-replies", "--to", str(stick)) == 0
    assert cli.main(["sync", "--data-dir", str(data_dir), "import", str(stick)]) == 0
    assert "已确认" in capsys.readouterr().out
    on_stick = files_under(stick)  # batches, the enrolment request, replies, anything else
    assert len(on_stick) >= 3
    assert leaks(on_stick, needles) == []


def test_a_ui_session_leaves_no_personal_data_in_clear_in_its_files(
    qtbot: QtBot, tmp_path: Path, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    folder = tmp_path / "ledger"
    key, _code = vault.create_vault(folder, PASSWORD)
    db = open_database(folder, key)
    fill_demo_data(db, 6)
    choose_demo_cadre(db)
    hid = households.create_household(db, household_data(), head_data(77, "欧阳秀英")).id
    needles = encoded(personal_texts(db))
    id_number = head_data(77).id_number
    assert id_number is not None
    prefs = opts.AppSettings()  # the per-user settings file (in tmp_path: see `answers`)
    session_files = [folder, Path(prefs.file_name).parent, tmp]
    try:
        window = open_window(qtbot, folder, db, prefs)
        type_text(qtbot, window.households.search, "欧阳秀英")
        window.households.apply_search()
        window.open_household(hid)
        visit = window.record_visit_for(hid)
        type_text(qtbot, visit.living, f"户主欧阳秀英，身份证{id_number}，尿毒症每周透析两次")
        qtbot.waitUntil(
            lambda: (
                (d := drafts.load_draft(db, draft_key(hid))) is not None
                and id_number in d.payload["living_conditions"]
            )
        )
        # as a power cut would leave the files: the draft is kept, encrypted
        assert leaks(files_under(*session_files), needles) == []

        window.lock()
        assert window.locker is not None
        window.locker.screen.password.setText(PASSWORD)
        window.locker.screen.unlock_button.click()
        qtbot.waitUntil(lambda: not window.locker.is_locked, timeout=60000)  # type: ignore[union-attr]
        answers.replies = [messages.SAVE]  # closing the app with the visit form open: save it
        window.close()
        qtbot.waitUntil(lambda: not visit.isVisible(), timeout=60000)
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=60000)
        wait_ops(qtbot)
        prefs.sync()
        (saved,) = visits.list_visits(db, hid)  # the draft became a visit, in the ledger
        assert id_number in saved.living_conditions
    finally:
        db.close()
    ini = Path(prefs.file_name)
    assert "geometry" in ini.read_text(encoding="utf-8")  # the session did write its settings
    assert leaks(files_under(*session_files), needles) == []
