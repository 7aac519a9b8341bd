"""Shared fixtures: every path under tmp_path, Qt offscreen, never the user's real data."""

from __future__ import annotations

import datetime as dt
import os
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

# A real village of 兰陵县卞庄街道 from resources/divisions/linyi_3713.csv
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
    """Stands in for the message boxes: records what was asked and answers from a queue."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.told: list[str] = []
        self.replies: list[str] = []

    def ask(self, _parent: object, title: str, text: str, choices: tuple[str, ...]) -> str:
        from fieldapp.ui import messages

        self.asked.append(f"{title}: {text}")
        reply = self.replies.pop(0) if self.replies else messages.CANCEL
        assert reply in choices
        return reply

    def inform(self, _parent: object, title: str, text: str, _critical: bool) -> None:
        self.told.append(f"{title}: {text}")


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Answers:
    """Message boxes answered from a queue, and QSettings in a throwaway folder (UI tests use
    it for every test: `pytestmark = pytest.mark.usefixtures("answers")`)."""
    from PySide6.QtCore import QSettings

    from fieldapp.ui import messages

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    a = Answers()
    monkeypatch.setattr(messages, "ask", a.ask)
    monkeypatch.setattr(messages, "inform", a.inform)
    return a


@pytest.fixture
def prefs(tmp_path: Path) -> AppSettings:
    from fieldapp.ui.settings import AppSettings

    return AppSettings(tmp_path / "fieldapp.ini")
