"""Shared fixtures: every path under tmp_path, Qt offscreen, never the user's real data."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp.domain import vocab
from fieldapp.domain.idcard import make_id_number
from fieldapp.domain.people import HouseholdData, MemberData
from fieldapp.storage.db import Database, open_database

if TYPE_CHECKING:  # Qt is imported by the UI tests only
    from fieldapp.ui.settings import AppSettings

# The ledger password the CLI reads from FIELDAPP_PASSWORD in every test (tests of signing in
# clear or change it); the databases the CLI creates are therefore encrypted, as on a laptop.
TEST_PASSWORD = "field-2026-test"

# A real village of 兰陵县卞庄街道 from resources/divisions/china2023
VILLAGE = "371324001015"

# The day every test runs on (fieldapp.domain.clock, through $FIELDAPP_TODAY so the CLI and
# server processes a test starts agree): no test depends on the calendar or crosses midnight.
# tests/test_demo.py runs the demo data and every form over a spread of other days.
TODAY = dt.date(2026, 11, 18)
os.environ["FIELDAPP_TODAY"] = TODAY.isoformat()  # set before any fixture, module-scoped ones too


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("FIELDAPP_PASSWORD", TEST_PASSWORD)
    # headquarters' data key (hq/sealed.py): one per test, created by the first HQ.init()
    monkeypatch.setenv("FIELDAPP_HQ_KEY_FILE", str(tmp_path / "hq-key" / "hq.key"))


def _running_children() -> list[str]:
    """This process's child processes that are still running (Linux /proc; elsewhere none seen)."""
    me = os.getpid()
    found: list[str] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" (", 1)
            name, fields = rest.rsplit(") ", 1)
        except (OSError, ValueError):
            continue  # ended while we looked
        state, ppid = fields.split()[:2]
        if int(ppid) == me and state != "Z":
            found.append(f"{name} (pid {pid})")
    return found


def _new_threads(before: set[threading.Thread]) -> list[str]:
    return [
        t.name
        for t in threading.enumerate()
        if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]


@pytest.fixture(autouse=True)
def _nothing_left_running() -> Iterator[None]:
    """Every thread and process a test starts is ended by that test: no orphan HQ server."""
    threads = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5  # a thread that was told to stop may need a moment
    while (_new_threads(threads) or _running_children()) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = _new_threads(threads) + _running_children()
    assert not left, f"the test left these running: {left}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Widgets a test closed are deleted at its end, not during some later test.

    pytest-qt closes a test's widgets and calls deleteLater() on them, but its processEvents()
    does not run deferred deletions: the windows (and the ledgers they hold) lived on until the
    next test happened to wait in an event loop, and after the last UI test for good.

    A widget already deleted with its parent (a parent only the test's own variables held,
    freed when the test returned) needs no closing: pytest-qt would raise on it."""
    if "fieldapp.ui.ops" in sys.modules:  # background work the test started reports back first,
        from PySide6.QtWidgets import QApplication  # to its window, before that is deleted

        from fieldapp.ui import ops

        deadline = time.monotonic() + 60
        while ops.pending() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
    registered = getattr(item, "qt_widgets", None)
    if registered:
        import shiboken6

        item.qt_widgets = [  # type: ignore[attr-defined]
            (ref, before) for ref, before in registered if (w := ref()) is None or shiboken6.isValid(w)
        ]
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def person_id(seq: int, birth: dt.date = dt.date(1980, 5, 17), region: str = "371324") -> str:
    return make_id_number(region, birth, seq)


def household_data(**overrides: object) -> HouseholdData:
    values: dict[str, object] = {
        "pairing_basis": vocab.PairingBasis.CONTACT_HOUSEHOLD,
        "village_code": VILLAGE,
        "address_detail": "3组12号",
        "phone": "13805391234",
    }
    values.update(overrides)
    return HouseholdData(**values)  # type: ignore[arg-type]


def head_data(seq: int = 11, name: str = "张海生", **overrides: object) -> MemberData:
    values: dict[str, object] = {"name": name, "relation": vocab.Relation.HEAD, "id_number": person_id(seq)}
    values.update(overrides)
    return MemberData(**values)  # type: ignore[arg-type]


def open_ledger(data_dir: Path) -> Database:
    """Open a data folder as the app and the CLI do: encrypted, with the test password."""
    from fieldapp.security import signin

    return signin.open_with_password(data_dir, TEST_PASSWORD).db


# --- the workbench's pytest-qt tests -----------------------------------------------------------


class Answers:
    """Stands in for the message boxes: records what was asked and answers from a queue.

    A question the test did not queue an answer for, or an error box the test did not declare
    (`expect_errors()`), fails the test: a background failure cannot pass unseen."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.told: list[str] = []
        self.replies: list[str] = []
        self.unexpected: list[str] = []
        self.errors: list[str] = []
        self.errors_expected = False

    def expect_errors(self) -> None:
        """This test provokes error messages on purpose (and checks them in `told`)."""
        self.errors_expected = True

    def ask(self, _parent: object, title: str, text: str, choices: tuple[str, ...]) -> str:
        from fieldapp.ui import messages

        self.asked.append(f"{title}: {text}")
        if not self.replies:
            self.unexpected.append(f"{title}: {text}")
            return messages.CANCEL if messages.CANCEL in choices else choices[-1]
        reply = self.replies.pop(0)
        assert reply in choices
        return reply

    def inform(self, _parent: object, title: str, text: str, critical: bool) -> None:
        self.told.append(f"{title}: {text}")
        if critical:
            self.errors.append(f"{title}: {text}")

    def check(self) -> None:
        assert not self.unexpected, f"questions the test did not expect: {self.unexpected}"
        assert self.errors_expected or not self.errors, (
            f"error messages the test did not expect: {self.errors}"
        )


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Answers]:
    """Message boxes answered from a queue, and QSettings in a throwaway folder (UI tests use
    it for every test: `pytestmark = pytest.mark.usefixtures("answers")`)."""
    from PySide6.QtCore import QSettings

    from fieldapp.ui import messages

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    a = Answers()
    monkeypatch.setattr(messages, "ask", a.ask)
    monkeypatch.setattr(messages, "inform", a.inform)
    yield a
    a.check()


@pytest.fixture
def prefs(tmp_path: Path) -> AppSettings:
    from fieldapp.ui.settings import AppSettings

    return AppSettings(tmp_path / "fieldapp.ini")


# --- no silent skips in CI -------------------------------------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under CI (CI set, as .ci/run runs) a skipped test fails: a missing PostgreSQL, poppler or
    zbar must not leave the run green with those tests unrun. On a developer's machine a
    missing tool still only skips, with the reason in the summary (-ra)."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, which must run every test: {reason}"
