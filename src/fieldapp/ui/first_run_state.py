"""Whether a start needs the first-run wizard, decided without importing it (the sign-in dialog
is on screen sooner: the wizard and what it imports cost ≈ 60–140 ms of a start that needs none).

`fieldapp.ui.first_run` re-exports these names.
"""

from __future__ import annotations

from pathlib import Path

from fieldapp.ui import settings as opts

PAGE_LANGUAGE, PAGE_CADRE, PAGE_PASSWORD, PAGE_CODE, PAGE_ENROL, PAGE_DIBAO, PAGE_BACKUP = range(7)
DONE = 99  # the wizard was finished for FIRST_RUN_FOLDER
RESTART = 2  # exec() result: the language changed, make the wizard again in it

# the names of a ledger's files (fieldapp.storage.db.DB_FILE_NAME, fieldapp.security.vault.
# KEYSTORE_NAME), repeated so the decision needs no storage import (a test checks they agree)
LEDGER_FILES = ("fieldapp.sqlite", "keystore.json")


def ledger_exists(data_dir: Path) -> bool:
    return any((data_dir / name).exists() for name in LEDGER_FILES)


def needed(prefs: opts.AppSettings, data_dir: Path, *, demo: bool = False) -> str:
    """'' (no wizard: a ledger made before, or the demo), 'new' (no ledger yet: the wizard from
    its saved step) or 'resume' (the wizard made this ledger and was closed before its end:
    sign in, then the wizard goes on)."""
    if demo:
        return ""
    mine = prefs.get(opts.FIRST_RUN_FOLDER) == str(data_dir)
    step = prefs.get(opts.FIRST_RUN_STEP) if mine else PAGE_LANGUAGE
    if not ledger_exists(data_dir):
        return "new"
    if mine and PAGE_PASSWORD <= step < DONE:
        return "resume"
    return ""
