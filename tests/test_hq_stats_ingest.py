"""The statistics bookkeeping at ingest (issue 11) takes shortcuts for speed (docs/performance.md):
a batch of new visits only moves their households' last-visit dates later (no recount), and a
deleted visit makes the household be counted again. Real device batches; whatever arrives, the
aggregates equal a rebuild from the records. SQLite and a real PostgreSQL.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from tests.conftest import TODAY, head_data, household_data
from tests.test_sync_hq_reply import sync
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.domain import vocab
from fieldapp.hq import stats_index
from fieldapp.hq.stats_models import StatHousehold, StatVisit
from fieldapp.hq.store import HQ
from fieldapp.services import households, visits
from fieldapp.services.visits import VisitData


def _snapshot(server: HQ) -> list[tuple[Any, ...]]:
    with server.session() as s:
        hs = [(h.household_id, h.last_visit_on, h.last_f2f_on) for h in s.scalars(select(StatHousehold))]
        vs = [(v.visit_id, v.visit_date, v.face_to_face, v.deleted) for v in s.scalars(select(StatVisit))]
    return sorted(hs) + sorted(vs)


def _dates(server: HQ, hid: str) -> tuple[str, str]:
    with server.session() as s:
        h = s.get(StatHousehold, hid)
        assert h is not None
        return h.last_visit_on, h.last_f2f_on


def test_new_and_deleted_visits_in_later_batches_match_a_rebuild(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    try:
        hid = households.create_household(db, household_data(), head_data()).id
        other = households.create_household(db, household_data(), head_data(43, "李四")).id
        sync(db, hq)
        assert _dates(hq, hid) == ("", "")
        # a later batch of visits only: the households are not in it
        day = TODAY - dt.timedelta(days=10)
        visits.record_visit(db, VisitData(hid, day, mode=vocab.VisitMode.PHONE))
        home = visits.record_visit(db, VisitData(hid, day - dt.timedelta(days=5)))
        visits.record_visit(db, VisitData(other, day - dt.timedelta(days=20)))
        sync(db, hq)
        assert _dates(hq, hid) == (day.isoformat(), (day - dt.timedelta(days=5)).isoformat())
        assert _dates(hq, other) == ((day - dt.timedelta(days=20)).isoformat(),) * 2
        # an older visit added later does not move the dates back
        visits.record_visit(db, VisitData(hid, day - dt.timedelta(days=30)))
        sync(db, hq)
        assert _dates(hq, hid) == (day.isoformat(), (day - dt.timedelta(days=5)).isoformat())
        # the face-to-face visit voided (a tombstone): the household is counted again, the date goes back
        visits.void_visit(db, home, "录错了户")
        sync(db, hq)
        assert _dates(hq, hid) == (day.isoformat(), (day - dt.timedelta(days=30)).isoformat())
        ingested = _snapshot(hq)
        with hq.session() as s:
            stats_index.rebuild(s)
        assert _snapshot(hq) == ingested
    finally:
        db.close()
