"""Visits per month kept at ingest: per-household contributions and their rollup (issue 11).

The 困难户 statistics page draws the visits of the last twelve months (all, and face to face) as a
line. It used to join every visit to its household on each view (784 ms at 400,000 households and
2,000,000 visits on PostgreSQL). Now ingest keeps, like the re-survey rollup (hq/stats_rollup.py):

- `hq_stat_visit_month_household`: what each household adds per month — its county, and its
  visits and face-to-face visits of that month (only households not deleted, visits not voided);
- `hq_stat_visit_month`: the sums per (county, month), changed by the difference between a
  household's old and new contributions.

Codes and counts only (contract "HQ data at rest"). `note_households` runs at the end of
stats_index.note_changes for every household whose visits or row may have changed, in the batch's
transaction; `rebuild` recounts both tables (stats-rebuild, and once at start-up for a database
from before migration 0015). Concurrent batches only add differences (upserts in key order).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Integer, String, delete, func, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from fieldapp.hq.models import HQBase, HQMeta
from fieldapp.hq.stats_models import StatHousehold, StatVisit

CHUNK = 400
META_KEY = "stats_visit_months"  # set once the tables were counted (b"1")

Key = tuple[str, str]  # county, month (YYYY-MM)


class StatVisitMonthHousehold(HQBase):
    """One row per household and month with visits: what it adds to the rollup."""

    __tablename__ = "hq_stat_visit_month_household"

    household_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    county_code: Mapped[str] = mapped_column(String(6), default="")
    visits: Mapped[int] = mapped_column(Integer, default=0)
    face_to_face: Mapped[int] = mapped_column(Integer, default=0)


class StatVisitMonth(HQBase):
    """Visits and face-to-face visits per county and month."""

    __tablename__ = "hq_stat_visit_month"

    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    face_to_face: Mapped[int] = mapped_column(Integer, default=0)


def _contributions() -> Any:
    """(household, month, county, visits, face to face) counted from the visit aggregates."""
    v, h = StatVisit, StatHousehold
    month = func.substr(v.visit_date, 1, 7)
    return (
        select(v.household_id, month.label("month"), h.county_code, func.count(), func.sum(v.face_to_face))
        .join(h, h.household_id == v.household_id)
        .where(h.deleted == 0, v.deleted == 0, v.visit_date != "")
        .group_by(v.household_id, month, h.county_code)
    )


def counted(s: Session) -> bool:
    return s.get(HQMeta, META_KEY) is not None


def note_households(s: Session, household_ids: Iterable[str]) -> None:
    """These households' visits or rows may have changed: move their contributions."""
    ids = sorted(set(household_ids) - {""})
    if not ids or not counted(s):
        return
    s.flush()
    mh = StatVisitMonthHousehold
    delta: dict[Key, list[int]] = {}
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        mine_old: dict[str, dict[str, tuple[str, int, int]]] = {}  # household -> month -> figures
        mine_new: dict[str, dict[str, tuple[str, int, int]]] = {}
        kept = select(mh.household_id, mh.month, mh.county_code, mh.visits, mh.face_to_face)
        for hid, month, county, n, f in s.execute(kept.where(mh.household_id.in_(part))):
            mine_old.setdefault(hid, {})[month] = (county, int(n), int(f))
        for hid, month, county, n, f in s.execute(_contributions().where(StatVisit.household_id.in_(part))):
            mine_new.setdefault(hid, {})[month] = (county, int(n), int(f or 0))
        changed = [hid for hid in part if mine_old.get(hid) != mine_new.get(hid)]
        if not changed:
            continue
        for hid in changed:
            for sign, mine in ((-1, mine_old), (1, mine_new)):
                for month, (county, n, f) in mine.get(hid, {}).items():
                    d = delta.setdefault((county, month), [0, 0])
                    d[0] += sign * n
                    d[1] += sign * f
        s.execute(delete(mh).where(mh.household_id.in_([h for h in changed if h in mine_old])))
        rows = [
            {"household_id": hid, "month": month, "county_code": c, "visits": n, "face_to_face": f}
            for hid in changed
            for month, (c, n, f) in sorted(mine_new.get(hid, {}).items())
        ]
        if rows:
            from fieldapp.hq.stats_index import _insert_rows  # one driver executemany (plain codes)

            _insert_rows(s, mh, rows)
    _apply(s, {k: v for k, v in delta.items() if v != [0, 0]})


def _apply(s: Session, delta: dict[Key, list[int]]) -> None:
    from fieldapp.hq.stats_rollup import add_differences

    add_differences(s, StatVisitMonth, ("county_code", "month"), ("visits", "face_to_face"), delta)


def rebuild(s: Session) -> None:
    """Count both tables again from the visit and household aggregates."""
    s.flush()
    s.execute(delete(StatVisitMonthHousehold))
    s.execute(delete(StatVisitMonth))
    mh, r = StatVisitMonthHousehold, StatVisitMonth
    s.execute(
        insert(mh).from_select(
            ["household_id", "month", "county_code", "visits", "face_to_face"], _contributions()
        )
    )
    grouped = select(mh.county_code, mh.month, func.sum(mh.visits), func.sum(mh.face_to_face)).group_by(
        mh.county_code, mh.month
    )
    s.execute(insert(r).from_select(["county_code", "month", "visits", "face_to_face"], grouped))
    if not counted(s):
        s.add(HQMeta(key=META_KEY, value=b"1"))
    s.flush()


def rebuild_if_missing(s: Session) -> None:
    """At start-up: a database whose visits were never counted per month (before migration 0015)."""
    if not counted(s):
        rebuild(s)


def by_month(s: Session, county: str, first_month: str) -> dict[str, tuple[int, int]]:
    """{YYYY-MM: (visits, face to face)} from `first_month` on, the city's or one county's."""
    r = StatVisitMonth
    stmt = select(r.month, func.sum(r.visits), func.sum(r.face_to_face)).where(r.month >= first_month)
    if county:
        stmt = stmt.where(r.county_code == county)
    return {m: (int(n or 0), int(f or 0)) for m, n, f in s.execute(stmt.group_by(r.month))}
