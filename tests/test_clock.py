"""One clock for the whole program: pinned by $FIELDAPP_TODAY or `as_of`, else the calendar's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import TODAY, open_ledger

from fieldapp.cli import main
from fieldapp.domain import clock
from fieldapp.storage.models import Visit


def test_the_suite_runs_on_its_pinned_day() -> None:
    assert clock.today() == TODAY


def test_as_of_nests_and_restores() -> None:
    with clock.as_of(dt.date(2027, 3, 1)):
        assert clock.today() == dt.date(2027, 3, 1)
        with clock.as_of(dt.date(2028, 2, 29)):
            assert clock.today() == dt.date(2028, 2, 29)
        assert clock.today() == dt.date(2027, 3, 1)
    assert clock.today() == TODAY


def test_without_a_pin_it_is_the_calendars_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.ENV_VAR)
    before = dt.date.today()
    assert clock.today() in (before, dt.date.today())  # the two reads may straddle midnight


def test_a_malformed_pin_is_refused_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV_VAR, "29/11/2026")
    with pytest.raises(ValueError, match="格式如 2026-06-15"):
        clock.today()


def test_demo_data_as_of_a_day_has_nothing_after_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert main(["demo-data", "--households", "6", "--as-of", "2027-04-30", "--data-dir", str(data)]) == 0
    db = open_ledger(data)
    try:
        with db.session() as s:
            last = s.scalar(select(func.max(Visit.visit_date)))
        assert last is not None and dt.date(2027, 1, 1) < last <= dt.date(2027, 4, 30)
    finally:
        db.close()
