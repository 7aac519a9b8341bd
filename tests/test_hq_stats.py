"""Statistics at headquarters: aggregates kept at ingest, the campaign, the pages and exports.

Households and their item-19 observations are hand-made records written through HQ's own write
path (the same hook as ingest); one test also goes through a real synced device batch.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.hq import hqwrite, stats_index
from fieldapp.hq.stats_models import StatEconomy, StatHousehold, StatRelief, StatWorker
from fieldapp.hq.store import HQ

LANLING_VILLAGE = "371324001015"
LANSHAN_VILLAGE = "371302001001"
_hlc = [1000]


def write(hq: HQ, entity: str, **row: Any) -> str:
    row.setdefault("id", str(uuid.uuid4()))
    row.setdefault("version", 1)
    _hlc[0] += 1
    row["hlc"] = _hlc[0]
    with hq.session() as s:
        hqwrite.write(s, entity, row)
    return str(row["id"])


def household(hq: HQ, village: str, category: str = "深度困难", cause: int = 1, cadre: str = "") -> str:
    hid = write(hq, "household", village_code=village, pairing_basis="结亲连心联系户", status="在档")
    write(hq, "assessment", household_id=hid, assessed_on="2026-10-01", main_cause=cause, category=category)
    if cadre:
        write(hq, "pairing", household_id=hid, cadre_id=cadre, started_on="2026-01-01", ended_on=None)
    return hid


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HQ]:
    h = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    h.init()
    yield h
    h.close()


def test_household_aggregate_follows_assessment_pairing_and_face_to_face_visits(hq: HQ) -> None:
    hid = household(hq, LANLING_VILLAGE, cadre="c1")
    write(hq, "visit", household_id=hid, cadre_id="c1", visit_date="2026-11-02", mode="电话联系")
    write(hq, "visit", household_id=hid, cadre_id="c1", visit_date="2026-10-20", mode="入户走访")
    with hq.session() as s:
        row = s.get(StatHousehold, hid)
        assert row is not None
        assert (row.county_code, row.township_code, row.category, row.main_cause) == (
            "371324",
            "371324001",
            "深度困难",
            1,
        )
        assert (row.cadre_id, row.last_visit_on, row.last_f2f_on) == ("c1", "2026-11-02", "2026-10-20")
    write(hq, "assessment", household_id=hid, assessed_on="2026-11-10", main_cause=5, category="相对困难")
    with hq.session() as s:
        row = s.get(StatHousehold, hid)
        assert row is not None and (row.category, row.main_cause) == ("相对困难", 5)


def test_item19_observations_rank_latest_and_previous_and_keep_missing_as_null(hq: HQ) -> None:
    hid = household(hq, LANLING_VILLAGE)
    a = write(hq, "household_economy", household_id=hid, observed_on="2026-05-01", annual_income=20000)
    b = write(hq, "household_economy", household_id=hid, observed_on="2026-11-01", annual_income=None)
    c = write(hq, "household_economy", household_id=hid, observed_on="2025-11-01", annual_income=9000)
    w1 = write(
        hq,
        "worker_status",
        household_id=hid,
        member_id="m1",
        observed_on="2026-11-01",
        employment=None,
        insurance=None,
        certificate="",
    )
    w0 = write(
        hq,
        "worker_status",
        household_id=hid,
        member_id="m1",
        observed_on="2026-06-01",
        employment="employed_away",
        insurance=["pension", "bogus"],
        certificate="电工证",
    )
    with hq.session() as s:
        ranks = {r.id: (r.rank, r.annual_income) for r in s.scalars(select(StatEconomy))}
        assert ranks == {b: (1, None), a: (2, 20000), c: (0, 9000)}
        workers = {
            r.id: (r.rank, r.employment, r.insurance, r.has_certificate)
            for r in s.scalars(select(StatWorker))
        }
        assert workers == {w1: (1, None, None, 0), w0: (2, "employed_away", ",pension,", 1)}


def test_relief_keeps_a_keyed_hash_of_the_student_never_the_id_number(hq: HQ) -> None:
    hid = household(hq, LANLING_VILLAGE)
    number = "37132420100101001X"
    mid = write(hq, "member", household_id=hid, relation="子女", name="小明", id_number=number)
    rid = write(
        hq,
        "relief_payment",
        household_id=hid,
        member_id=mid,
        programme="金秋助学",
        amount_fen=100000,
        paid_on="2026-08-20",
    )
    with hq.session() as s:
        row = s.get(StatRelief, rid)
        assert row is not None and row.year == 2026 and row.amount_fen == 100000
        assert len(row.student_key) == 32 and number not in row.student_key
        before = row.student_key
    write(
        hq,
        "member",
        id=mid,
        version=2,
        household_id=hid,
        relation="子女",
        name="小明",
        id_number="371324201001010028",
    )
    with hq.session() as s:
        row = s.get(StatRelief, rid)
        assert row is not None and row.student_key != before


def test_rebuild_gives_the_same_aggregates(hq: HQ) -> None:
    hid = household(hq, LANSHAN_VILLAGE, cadre="c2")
    write(hq, "visit", household_id=hid, cadre_id="c2", visit_date="2026-11-05", mode="单位走访")
    write(hq, "household_economy", household_id=hid, observed_on="2026-11-01", annual_income=1)

    def snapshot() -> list[tuple[Any, ...]]:
        with hq.session() as s:
            hs = [
                (r.household_id, r.category, r.last_f2f_on, r.cadre_id)
                for r in s.scalars(select(StatHousehold))
            ]
            es = [(r.id, r.rank) for r in s.scalars(select(StatEconomy))]
            return sorted(hs) + sorted(es)

    before = snapshot()
    with hq.session() as s:
        counts = stats_index.rebuild(s)
    assert counts["household"] == 1 and counts["visit"] == 1
    assert snapshot() == before


def test_real_device_batches_fill_the_aggregates_like_a_rebuild(hq: HQ, tmp_path: Path) -> None:
    from tests.test_hq_ledger import synced_ledger

    from fieldapp.hq.models import HouseholdIndex

    led = synced_ledger(hq, tmp_path)
    led.lanling.close()
    led.lanshan.close()

    def snapshot() -> list[tuple[Any, ...]]:
        with hq.session() as s:
            return sorted(
                (
                    r.household_id,
                    r.county_code,
                    r.category,
                    r.main_cause,
                    r.pairing_basis,
                    r.last_visit_on,
                    r.last_f2f_on,
                )
                for r in s.scalars(select(StatHousehold))
            )

    ingested = snapshot()
    with hq.session() as s:
        assert len(ingested) == len(list(s.scalars(select(HouseholdIndex.household_id)))) > 0
        stats_index.rebuild(s)
    assert snapshot() == ingested
    assert any(row[5] for row in ingested)  # the demo's visits reached the aggregates


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    from tests.test_sync_protocol import _start_pg, new_pg_database  # a throwaway cluster

    return new_pg_database(_start_pg())


def test_every_statistic_gives_the_same_figures_on_sqlite_and_postgresql(hq_url: str) -> None:
    import datetime as dt

    from fieldapp.hq import campaign, stats

    h = HQ(hq_url)
    h.init()
    try:
        a = household(h, LANLING_VILLAGE, "深度困难", 6, cadre="c1")
        b = household(h, LANSHAN_VILLAGE, "相对困难", 2, cadre="c1")
        write(h, "visit", household_id=a, cadre_id="c1", visit_date="2026-11-03", mode="入户走访")
        write(h, "household_economy", household_id=a, observed_on="2026-06-01", annual_income=10000)
        write(h, "household_economy", household_id=a, observed_on="2026-11-03", annual_income=12000)
        write(
            h,
            "worker_status",
            household_id=b,
            member_id="m",
            observed_on="2026-11-03",
            employment=None,
            insurance=None,
        )
        for day in ("2026-01-10", "2026-02-10"):
            write(h, "relief_payment", household_id=b, programme="送温暖", amount_fen=50000, paid_on=day)
        write(
            h,
            "referral",
            household_id=a,
            cadre_id="c1",
            kind_code="EMP-JOB",
            receiving_body="县人社局",
            created_on="2026-10-01",
            status="已转介",
            status_on="2026-10-01",
        )
        write(h, "referral_event", referral_id=_last_referral(h), status="已办结", occurred_on="2026-10-11")
        c = campaign.set_campaign(h, "2026年11月再摸底", "2026-11-01", "2026-11-30", [])
        today = dt.date(2026, 11, 18)
        tables = {t.key: t for t in stats.everything(h, stats.Scope(""), today, c.start)}
        assert tables["households_area_category"].totals == ["合计", 1, 1, 0, 0, 0, 2]
        assert tables["item19_economy"].rows[0].cells[2:] == [12000, 0, "+2000"]
        kinds = tables["referrals_kind"].rows[0].cells
        assert kinds[1:5] == [1, 0, 1, 0] and kinds[5] == 10.0  # 10 days to 已办结
        assert [(r.cells[1], r.cells[3]) for r in tables["double_funding"].rows] != []
        assert [p.visited for p in campaign.progress(h, c, "county", today)] == [0, 1] or [
            p.visited for p in campaign.progress(h, c, "county", today)
        ] == [1, 0]
        assert stats.visits_by_month(h, stats.Scope(""), 12, today)[-2] == ("2026-10", 0, 0)
        assert (
            len(list(stats.iter_household_list(h, stats.Scope(""), {"campaign": c.id, "visit": "no"}, today)))
            == 1
        )
    finally:
        h.close()


def _last_referral(h: HQ) -> str:
    from fieldapp.hq.models import Record

    with h.session() as s:
        return str(s.scalars(select(Record.row_id).where(Record.entity == "referral")).one())


def test_campaign_progress_counts_a_visit_in_a_past_period_though_a_later_one_exists(hq: HQ) -> None:
    import datetime as dt

    from fieldapp.hq import campaign

    hid = household(hq, LANLING_VILLAGE, cadre="c1")
    write(hq, "visit", household_id=hid, cadre_id="c1", visit_date="2026-10-05", mode="入户走访")
    write(hq, "visit", household_id=hid, cadre_id="c1", visit_date="2026-11-03", mode="单位走访")
    write(hq, "visit", household_id=hid, cadre_id="c1", visit_date="2026-09-10", mode="电话联系")
    today = dt.date(2026, 11, 18)
    for start, end, visited in (
        ("2026-10-01", "2026-10-31", 1),  # past: found among the visits
        ("2026-11-01", "2026-11-30", 1),  # running: the last visit answers
        ("2026-09-01", "2026-09-30", 0),  # only a phone call then
    ):
        c = campaign.set_campaign(hq, f"{start}摸底", start, end, [])
        (row,) = campaign.progress(hq, c, "county", today)
        assert (row.visited, row.not_visited, row.overdue) == (visited, 1 - visited, 1 - visited), start


def test_charts_are_well_formed_svg_with_escaped_labels_and_links() -> None:
    import xml.etree.ElementTree as ET

    from fieldapp.hq import charts

    evil = '<script>alert("x")</script>兰陵县'
    svgs = [
        charts.bar(
            "困难户", [(evil, 3, "/console/stats/list?county=371324&category=深度困难"), ("兰山区", 0, "")]
        ),
        charts.stacked("类别", ["深度困难", "相对困难"], [(evil, [2, 1], ["/a?x=1&y=2", ""])]),
        charts.line("走访", ["2026-10", "2026-11"], [("全部", [1, 4]), ("当面", [0, 2])]),
        charts.bar("空", []),
    ]
    for svg in svgs:
        root = ET.fromstring(svg)  # well-formed XML: every label and link escaped
        assert root.tag.endswith("svg")
        assert "<script>" not in svg
    texts = "".join(ET.fromstring(svgs[0]).itertext())
    assert "兰陵县" in texts and "3" in texts
    assert "暂无数据" in svgs[3]
