"""Item 19 across the wire: observations reach headquarters as records (and move at a handover);
the re-survey campaign set at headquarters reaches the device and replaces the local period.

Runs against SQLite and PostgreSQL headquarters (the `hq` fixture) with real device databases.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select
from tests.conftest import TODAY, head_data, household_data
from tests.test_sync_hq_reply import _hq, sync
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.hq.models import Record
from fieldapp.hq.store import HQ
from fieldapp.services import campaign, households, item19, todo, visits
from fieldapp.services.item19 import EconomyValues, VisitObservation, WorkerValues
from fieldapp.storage.db import Database
from fieldapp.storage.models import Setting

CAMPAIGN = {
    "id": "5f0c8a52-1d7e-4c55-9d53-6a0f0c0c0001",
    "name": "2026年12月再摸底",
    "start": "2026-12-01",
    "end": "2026-12-31",
    "counties": [],
}


def _observed_household(db: Database) -> tuple[str, str]:
    hid = households.create_household(db, household_data(), head_data()).id
    head = item19.workers_of(db, hid)[0].member_id
    item19.record_observation(
        db,
        hid,
        EconomyValues(annual_income=30000, expense_food=None, arrears_amount=5000, arrears_employer="某公司"),
        [WorkerValues(head, "employed_away", "某公司", 2800, "vocational", "", "", ("medical",))],
        observed_on=dt.date(2026, 6, 1),
    )
    vo = VisitObservation(confirmed=frozenset({"employment", "income"}))
    visits.record_visit(db, visits.VisitData(hid, TODAY, place="家中"), vo)
    return hid, head


def test_observations_reach_headquarters_as_records_and_move_at_a_handover(hq: HQ, tmp_path: Path) -> None:
    a = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    b = enrolled_device(hq, tmp_path / "b", "兰陵县-李强")
    hid, head = _observed_household(a)
    sync(a, hq)
    with hq.session() as s:
        econ = [
            json.loads(r.data) for r in s.scalars(select(Record).where(Record.entity == "household_economy"))
        ]
        work = [json.loads(r.data) for r in s.scalars(select(Record).where(Record.entity == "worker_status"))]
    assert len(econ) == 2 and len(work) == 2
    first = next(e for e in econ if e["observed_on"] == "2026-06-01")
    assert first["annual_income"] == 30000 and first["expense_food"] is None  # 未填 stays null
    assert all(w["member_id"] == head and w["insurance"] in (["medical"], None) for w in work)
    second = next(w for w in work if w["observed_on"] == TODAY.isoformat())
    assert second["employment"] == "employed_away" and second["insurance"] is None  # not confirmed: 未填
    assert hq.conflicts() == []

    sync(b, hq)
    assert _hq(hq, "handover", hid, "--to", "兰陵县-李强") == 0
    sync(b, hq)
    history = item19.history(b, hid)
    assert [o.observed_on for o in history] == [TODAY, dt.date(2026, 6, 1)]
    assert history[1].workers[0].insurance == ("medical",)


def test_a_campaign_set_at_headquarters_replaces_the_local_period(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a", "甲")
    households.create_household(db, household_data(), head_data())
    local = dt.date(2026, 11, 1)
    assert todo.resurvey_period(db, local) == ("", local, dt.date(2026, 11, 30))
    hq.add_outgoing("*", "campaign", CAMPAIGN)
    report = sync(db, hq)
    assert "再摸底安排：2026年12月再摸底" in " ".join(report.details)
    assert todo.resurvey_period(db, local) == (
        "2026年12月再摸底",
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
    )
    progress = todo.resurvey_progress(db, dt.date(2026, 12, 1), end=dt.date(2026, 12, 31), name="x")
    assert (progress.total, progress.visited, progress.overdue(dt.date(2027, 1, 1))) == (1, 0, 1)
    assert progress.overdue(dt.date(2026, 12, 31)) == 0

    # an older campaign arriving later does not replace the newer one; malformed ones are ignored
    older = {
        **CAMPAIGN,
        "id": "5f0c8a52-1d7e-4c55-9d53-6a0f0c0c0000",
        "name": "旧安排",
        "start": "2026-10-01",
    }
    hq.add_outgoing("*", "campaign", older)
    hq.add_outgoing(
        "*", "campaign", {**CAMPAIGN, "name": "结束早于开始", "start": "2027-02-01", "end": "2027-01-01"}
    )
    hq.add_outgoing("*", "campaign", {"id": "x", "name": "缺日期"})
    hq.add_outgoing(
        "*", "campaign", {**CAMPAIGN, "start": "2027-01-01", "end": "2027-01-31", "counties": [371302]}
    )
    report = sync(db, hq)
    assert "再摸底安排的格式无法识别" in " ".join(report.details)
    found = campaign.current(db)
    assert found is not None and found.name == "2026年12月再摸底"

    # a newer one wins; one for other counties leaves the local setting in force
    hq.add_outgoing(
        "*",
        "campaign",
        {
            **CAMPAIGN,
            "id": "c2",
            "name": "外县安排",
            "start": "2027-01-05",
            "end": "2027-02-03",
            "counties": ["371302"],
        },
    )
    sync(db, hq)
    with db.session() as s:
        assert json.loads(s.get(Setting, campaign.KEY).value)["name"] == "外县安排"  # kept: the newest
    assert campaign.current(db) is None  # the device's households are in 371324
    assert todo.resurvey_period(db, local)[0] == ""
    hq.add_outgoing(
        "*",
        "campaign",
        {
            **CAMPAIGN,
            "id": "c3",
            "name": "兰陵县安排",
            "start": "2027-03-01",
            "end": "2027-03-31",
            "counties": ["371324", "371302"],
        },
    )
    sync(db, hq)
    assert todo.resurvey_period(db, local) == ("兰陵县安排", dt.date(2027, 3, 1), dt.date(2027, 3, 31))
