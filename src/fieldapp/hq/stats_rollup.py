"""Re-survey progress kept at ingest: per-household contributions and their rollup (issue 11).

The progress page (hq.campaign.progress) used to count every household of the campaign on each
view. Now ingest keeps, for the current campaign (the newest: start date, then id):

- `hq_stat_campaign_household`: what each household in the campaign's scope counts for — its
  county, township, open pairing's cadre and whether it was visited face to face in the period
  (exactly `campaign.in_scope` and `campaign.visited_in`, evaluated in SQL on its row);
- `hq_stat_campaign_rollup`: the sums of those rows per (county, township, cadre), changed by
  the difference between a household's old and new contribution.

Only codes, ids and counts (no name, no ID number). `note_households` runs at the end of
stats_index.note_changes for every household whose aggregate row may have moved, in the batch's
transaction; `rebuild` recomputes both tables when a campaign is set (and on stats-rebuild).
On PostgreSQL an ingest holds a shared advisory lock and a rebuild an exclusive one, so a batch
never applies its differences across a change of campaign.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Index, Integer, String, case, delete, func, insert, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from fieldapp.hq.models import HQBase, HQMeta
from fieldapp.hq.stats_models import Campaign, StatHousehold

CHUNK = 400
META_KEY = "stats_rollup_campaign"  # the campaign id the rollup counts for ("" = none)
LOCK_ID = 0x5354_4154  # pg_advisory lock: ingests shared, rebuild exclusive


class StatCampaignHousehold(HQBase):
    """One row per household in the current campaign's scope: what it adds to the rollup."""

    __tablename__ = "hq_stat_campaign_household"

    household_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    county_code: Mapped[str] = mapped_column(String(6), default="")
    township_code: Mapped[str] = mapped_column(String(9), default="")
    cadre_id: Mapped[str] = mapped_column(String(36), default="")
    seen: Mapped[int] = mapped_column(Integer, default=0)


class StatCampaignRollup(HQBase):
    """Households and those visited face to face in the period, per county, township and cadre."""

    __tablename__ = "hq_stat_campaign_rollup"
    __table_args__ = (Index("ix_hq_stat_campaign_rollup_cadre", "cadre_id", "county_code"),)

    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    township_code: Mapped[str] = mapped_column(String(9), primary_key=True)
    cadre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    households: Mapped[int] = mapped_column(Integer, default=0)
    visited: Mapped[int] = mapped_column(Integer, default=0)


Key = tuple[str, str, str]


def counted_campaign(s: Session) -> str:
    row = s.get(HQMeta, META_KEY)
    return bytes(row.value).decode() if row is not None and row.value else ""


def _current(s: Session) -> Any:
    from fieldapp.hq.campaign import _out

    c = s.scalars(select(Campaign).order_by(Campaign.start.desc(), Campaign.id.desc()).limit(1)).first()
    return _out(c) if c is not None else None


def _lock(s: Session, exclusive: bool) -> None:
    if s.get_bind().dialect.name == "postgresql":
        fn = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        s.execute(text(f"SELECT {fn}(:k)"), {"k": LOCK_ID})


def _state_select(c: Any) -> Any:
    from fieldapp.hq.campaign import in_scope, visited_in

    h = StatHousehold
    seen = case((visited_in(c), 1), else_=0)
    return select(h.household_id, h.county_code, h.township_code, h.cadre_id, seen).where(in_scope(c))


def note_households(s: Session, household_ids: Iterable[str]) -> None:
    """These households' aggregate rows may have changed: move their contributions."""
    ids = sorted(set(household_ids) - {""})
    if not ids:
        return
    _lock(s, exclusive=False)
    campaign_id = counted_campaign(s)
    if not campaign_id:
        return
    from fieldapp.hq.campaign import find_in

    c = find_in(s, campaign_id)
    if c is None:
        return
    s.flush()
    h, ch = StatHousehold, StatCampaignHousehold
    delta: dict[Key, list[int]] = {}
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        old = {
            r[0]: (r[1], r[2], r[3], int(r[4]))
            for r in s.execute(
                select(ch.household_id, ch.county_code, ch.township_code, ch.cadre_id, ch.seen).where(
                    ch.household_id.in_(part)
                )
            )
        }
        new = {
            r[0]: (r[1], r[2], r[3], int(r[4]))
            for r in s.execute(_state_select(c).where(h.household_id.in_(part)))
        }
        changed = [hid for hid in part if old.get(hid) != new.get(hid)]
        if not changed:
            continue
        for hid in changed:
            if hid in old:
                county, town, cadre, seen = old[hid]
                d = delta.setdefault((county, town, cadre), [0, 0])
                d[0] -= 1
                d[1] -= seen
            if hid in new:
                county, town, cadre, seen = new[hid]
                d = delta.setdefault((county, town, cadre), [0, 0])
                d[0] += 1
                d[1] += seen
        s.execute(delete(ch).where(ch.household_id.in_([x for x in changed if x in old])))
        rows = [
            {
                "household_id": hid,
                "county_code": new[hid][0],
                "township_code": new[hid][1],
                "cadre_id": new[hid][2],
                "seen": new[hid][3],
            }
            for hid in changed
            if hid in new
        ]
        if rows:
            from fieldapp.hq.stats_index import _insert_rows  # one driver executemany (plain codes)

            _insert_rows(s, ch, rows)
    _apply(s, {k: v for k, v in delta.items() if v != [0, 0]})


def _apply(s: Session, delta: dict[Key, list[int]]) -> None:
    add_differences(
        s, StatCampaignRollup, ("county_code", "township_code", "cadre_id"), ("households", "visited"), delta
    )


def add_differences(
    s: Session, model: Any, keys: tuple[str, ...], values: tuple[str, ...], delta: dict[Any, list[int]]
) -> None:
    """Add the differences to a rollup's rows, keyed by `keys` (in key order: concurrent batches
    lock alike); rows that come to nothing are removed."""
    if not delta:
        return
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    rows = [dict(zip(keys + values, (*k, *d), strict=True)) for k, d in sorted(delta.items())]
    table: Any = model.__table__
    stmt = upsert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys), set_={v: table.c[v] + stmt.excluded[v] for v in values}
    )
    for i in range(0, len(rows), CHUNK):
        s.execute(stmt, rows[i : i + CHUNK])
    s.execute(delete(table).where(*(table.c[v] == 0 for v in values)))


def rebuild(s: Session) -> None:
    """Count the current campaign again from hq_stat_household (a campaign was set or changed)."""
    _lock(s, exclusive=True)
    s.flush()
    s.execute(delete(StatCampaignHousehold))
    s.execute(delete(StatCampaignRollup))
    c = _current(s)
    row = s.get(HQMeta, META_KEY)
    value = (c.id if c is not None else "").encode()
    if row is None:
        s.add(HQMeta(key=META_KEY, value=value))
    else:
        row.value = value
    s.flush()
    if c is None:
        return
    ch, r = StatCampaignHousehold, StatCampaignRollup
    state = _state_select(c).subquery()
    s.execute(
        insert(ch).from_select(
            ["household_id", "county_code", "township_code", "cadre_id", "seen"], select(state)
        )
    )
    grouped = select(ch.county_code, ch.township_code, ch.cadre_id, func.count(), func.sum(ch.seen)).group_by(
        ch.county_code, ch.township_code, ch.cadre_id
    )
    s.execute(
        insert(r).from_select(["county_code", "township_code", "cadre_id", "households", "visited"], grouped)
    )


def rebuild_if_missing(s: Session) -> None:
    """At start-up: a database whose rollup was never counted (before migration 0013)."""
    if s.get(HQMeta, META_KEY) is None and s.scalar(select(func.count()).select_from(Campaign)):
        rebuild(s)
