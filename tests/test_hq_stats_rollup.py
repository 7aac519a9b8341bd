"""The statistics kept at ingest give exactly the figures counted over every household (issue 11).

Real device batches on SQLite and a real PostgreSQL: the re-survey progress read from the rollup
(hq.stats_rollup) equals the count over the households (`live=True`, the computation it replaced)
for every county, township and cadre, city-wide and for one county — after visits, a handover, a
household closed (销档), a household deleted at headquarters, a visit voided and a change of
campaign. Each time the rollup also equals a recount from scratch. The per-cadre pages (20 rows,
sorted in SQL) show rows of the full table and their totals are those of every row.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import datetime as dt
import json
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
from fieldapp.hq import campaign, hqwrite, stats, stats_rollup, stats_visit_months
from fieldapp.hq.stats_rollup import StatCampaignHousehold, StatCampaignRollup
from fieldapp.hq.stats_visit_months import StatVisitMonth, StatVisitMonthHousehold
from fieldapp.hq.store import HQ
from fieldapp.services import cadres, households, visits
from fieldapp.services.visits import VisitData

LANLING = "371324"
LANSHAN_VILLAGE = "371302001001"
OTHER_TOWNSHIP = "371324002201"


def _rollup(server: HQ) -> list[tuple[Any, ...]]:
    with server.session() as s:
        homes = [tuple(r) for r in s.execute(select(StatCampaignHousehold.__table__))]
        sums = [tuple(r) for r in s.execute(select(StatCampaignRollup.__table__))]
    return sorted(homes) + sorted(sums)


def check(server: HQ, today: dt.date = TODAY) -> list[campaign.ProgressRow]:
    """Rollup == count over households, for every grouping and scope; rollup == a recount."""
    c = campaign.current(server)
    assert c is not None
    with server.session() as s:
        assert stats_rollup.counted_campaign(s) == c.id  # the pages really read the rollup
    out = []
    for county in ("", LANLING):
        for by in ("county", "township", "cadre"):
            kept = campaign.progress(server, c, by, today, county)
            counted = campaign.progress(server, c, by, today, county, live=True)
            assert kept == counted, (by, county)
            out += kept
            for sort in campaign.SORTS:
                pages = [campaign.progress_page(server, c, by, today, county, 1, sort, per_page=1)]
                pages += [
                    campaign.progress_page(server, c, by, today, county, n, sort, per_page=1)
                    for n in range(2, pages[0].pages + 1)
                ]
                assert sorted(r.key for p in pages for r in p.rows) == sorted(r.key for r in counted)
                assert {r.key: r for p in pages for r in p.rows} == {r.key: r for r in counted}
                total = pages[0].total
                assert (total.households, total.visited, total.overdue) == (
                    sum(r.households for r in counted),
                    sum(r.visited for r in counted),
                    sum(r.overdue for r in counted),
                )
    ingested = _rollup(server)
    with server.session() as s:
        stats_rollup.rebuild(s)
    assert _rollup(server) == ingested
    check_months(server, today)
    return out


def _months(server: HQ) -> list[tuple[Any, ...]]:
    with server.session() as s:
        homes = [tuple(r) for r in s.execute(select(StatVisitMonthHousehold.__table__))]
        sums = [tuple(r) for r in s.execute(select(StatVisitMonth.__table__))]
    return sorted(homes) + sorted(sums)


def check_months(server: HQ, today: dt.date = TODAY) -> None:
    """Visits per month from the rollup == counted over every visit (city, one county);
    the rollup == a recount."""
    with server.session() as s:
        assert stats_visit_months.counted(s)  # the page really reads the rollup
    for county in ("", LANLING):
        scope = stats.Scope(county)
        kept = stats.visits_by_month(server, scope, 12, today)
        assert kept == stats.visits_by_month(server, scope, 12, today, live=True), county
    ingested = _months(server)
    with server.session() as s:
        stats_visit_months.rebuild(s)
    assert _months(server) == ingested


def _cadre_pages(server: HQ, scope: stats.Scope) -> None:
    full = stats.cadre_work(server, scope, TODAY, "2026-11-01")
    for sort in stats.CADRE_SORTS:
        first = stats.cadre_work(server, scope, TODAY, "2026-11-01", 1, sort)
        assert first.totals == full.totals
        assert first.pager is not None and first.pager.groups == len(full.rows)
        assert all(r.cells in [f.cells for f in full.rows] for r in first.rows)
        col = stats.CADRE_SORTS[sort]
        assert [r.cells[col] for r in first.rows] == sorted((r.cells[col] for r in first.rows), reverse=True)
    assert full.totals == ["合计", *(sum(r.cells[i] for r in full.rows) for i in range(1, 6))]


def test_progress_from_the_rollup_equals_the_count_over_households(hq: HQ, tmp_path: Path) -> None:
    a = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    b = enrolled_device(hq, tmp_path / "b", "兰山区-刘洋")
    try:
        wang = cadres.add_cadre(a, "王芳", unit="兰陵县总工会")
        liu = cadres.add_cadre(b, "刘洋", unit="兰山区总工会")
        homes = [
            households.create_household(a, household_data(), head_data(11, "张海生"), cadre_id=wang).id,
            households.create_household(a, household_data(), head_data(12, "李四"), cadre_id=wang).id,
            households.create_household(
                a, household_data(village_code=OTHER_TOWNSHIP), head_data(13, "赵六")
            ).id,
            households.create_household(a, household_data(), head_data(14, "钱七"), cadre_id=wang).id,
        ]
        far = households.create_household(
            b, household_data(village_code=LANSHAN_VILLAGE), head_data(21, "孙八"), cadre_id=liu
        ).id
        sync(a, hq)
        sync(b, hq)
        campaign.set_campaign(hq, "2026年11月再摸底", "2026-11-01", "2026-11-30", [])
        assert sum(r.households for r in check(hq) if r.key == LANLING) == 4 * 2  # city and county scope
        # visits: face to face in the period, by phone, before the period
        home = visits.record_visit(a, VisitData(homes[0], dt.date(2026, 11, 3)))
        visits.record_visit(a, VisitData(homes[1], dt.date(2026, 11, 4), mode=vocab.VisitMode.PHONE))
        visits.record_visit(a, VisitData(homes[2], dt.date(2026, 10, 20)))
        visits.record_visit(b, VisitData(far, dt.date(2026, 11, 10)))
        sync(a, hq)
        sync(b, hq)
        rows = check(hq)
        assert next((r.households, r.visited) for r in rows if r.key == LANLING) == (4, 1)
        _cadre_pages(hq, stats.Scope(""))
        _cadre_pages(hq, stats.Scope(LANLING))
        # a handover to the other device and its cadre
        hq.handover(homes[1], "兰山区-刘洋", note="调岗", cadre=liu)
        sync(a, hq)
        sync(b, hq)
        assert {r.label for r in check(hq) if r.key == liu} == {"刘洋"}
        # a household closed on the device (销档): out of the campaign
        households.close_household(a, homes[3], closed_on=TODAY)
        sync(a, hq)
        assert next(r.households for r in check(hq) if r.key == LANLING) == 3
        # a household deleted at headquarters (a tombstone)
        with hq.session() as s:
            rec = hqwrite.record(s, "household", homes[2])
            row = json.loads(rec.data)
            row.update(deleted=True, version=rec.version + 1, hlc=hqwrite.hlc_now())
            hqwrite.write(s, "household", row)
        assert next(r.households for r in check(hq) if r.key == LANLING) == 2
        # the face-to-face visit voided: not visited any more
        visits.void_visit(a, home, "录错了户")
        sync(a, hq)
        assert next(r.visited for r in check(hq) if r.key == LANLING) == 0
        _cadre_pages(hq, stats.Scope(""))
        # a new campaign, one county only, over a past period (a later visit exists): recounted
        campaign.set_campaign(hq, "补充摸底", "2026-11-02", "2026-11-10", [LANLING])
        c = campaign.current(hq)
        assert c is not None and c.counties == (LANLING,)
        assert not [r for r in check(hq) if r.key == "371302"]
        visits.record_visit(a, VisitData(homes[0], dt.date(2026, 11, 5)))
        visits.record_visit(a, VisitData(homes[0], dt.date(2026, 11, 17)))  # after the period
        sync(a, hq)
        rows = check(hq)  # the period is over: not visited = overdue
        assert next((r.visited, r.overdue) for r in rows if r.key == LANLING) == (1, 1)
        months = dict((m, (n, f)) for m, n, f in stats.visits_by_month(hq, stats.Scope(LANLING), 12, TODAY))
        assert months["2026-11"] == (3, 2) and months["2026-10"] == (0, 0)  # voided and deleted gone
        campaign.set_campaign(hq, "2027年再摸底", "2026-10-15", "2026-10-31", [])
        # an older start than the newest: the newest campaign is still the one counted
        assert campaign.current(hq) == c
        check(hq)
    finally:
        a.close()
        b.close()


def test_progress_of_a_campaign_not_counted_falls_back_to_counting(hq: HQ) -> None:
    campaign.set_campaign(hq, "新一期", "2026-11-01", "2026-11-30", [])
    old = campaign.set_campaign(hq, "上一期", "2026-06-01", "2026-06-30", [])
    assert campaign.progress(hq, old, "county", TODAY) == campaign.progress(
        hq, old, "county", TODAY, live=True
    )
    with hq.session() as s:
        assert stats_rollup.counted_campaign(s) != old.id


def test_item19_baseline_from_the_ranks_equals_the_window_over_every_observation(
    hq: HQ, monkeypatch: Any
) -> None:
    """Observations on both sides of the campaign's start, two or three since it, a deleted one,
    an undated one and a worker without member id: the baseline figures are the same both ways."""
    import random
    import uuid

    rnd = random.Random(11)
    hlc = [5000]

    def put(entity: str, **row: Any) -> None:
        row.setdefault("id", str(uuid.uuid4()))
        row.setdefault("version", 1)
        hlc[0] += 1
        row["hlc"] = hlc[0]
        with hq.session() as s:
            hqwrite.write(s, entity, row)

    days = ["", "2025-06-01", "2026-03-01", "2026-10-31", "2026-11-01", "2026-11-05", "2026-11-10"]
    for n in range(12):
        hid = str(uuid.uuid4())
        put("household", id=hid, village_code=LANSHAN_VILLAGE if n % 3 else "371324001015", status="在档")
        members = [str(uuid.uuid4()), str(uuid.uuid4()), ""]
        for _ in range(rnd.randint(0, 5)):
            put(
                "household_economy",
                household_id=hid,
                observed_on=rnd.choice(days),
                annual_income=rnd.choice([None, rnd.randint(1, 90) * 1000]),
                arrears_amount=rnd.choice([None, 0, 3000]),
                deleted=rnd.random() < 0.1,
            )
            put(
                "worker_status",
                household_id=hid,
                member_id=rnd.choice(members),
                observed_on=rnd.choice(days),
                employment=rnd.choice([None, "employed_local", "unemployed"]),
                monthly_income=rnd.choice([None, 2500]),
                insurance=rnd.choice([None, [], ["pension", "medical"]]),
                deleted=rnd.random() < 0.1,
            )
    for before in ("2026-11-01", "2026-11-06", "2026-03-01"):
        for county in ("", LANLING):
            ranked = stats.item19(hq, stats.Scope(county), before)
            with monkeypatch.context() as m:
                m.setattr(stats, "_as_of", lambda mo, g, b: stats._as_of_window(mo, g, b) if b else _now(mo))
                window = stats.item19(hq, stats.Scope(county), before)
            assert [r.cells for t in ranked for r in t.rows] == [r.cells for t in window for r in t.rows]
    with hq.session() as s:
        assert stats._economy_figures(s, stats.Scope(""), "2026-11-06")["annual_income"][0] > 0


def _now(model: Any) -> Any:
    return select(model).where(model.rank == 1, model.deleted == 0).subquery()


def test_the_per_cadre_pages_show_20_cadres_sorted_with_the_totals_of_all(hq: HQ) -> None:
    """25 cadres in 兰陵县 (cadre k pairs k households, visited in November) and 3 in 兰山区."""
    import re
    import uuid

    from fastapi.testclient import TestClient
    from tests.test_hq_console import PASSWORD, sign_in

    from fieldapp.hq import accounts
    from fieldapp.hq.app import create_app

    hlc = [9000]

    def put(entity: str, **row: Any) -> str:
        row.setdefault("id", str(uuid.uuid4()))
        row.setdefault("version", 1)
        hlc[0] += 1
        row["hlc"] = hlc[0]
        with hq.session() as s:
            hqwrite.write(s, entity, row)
        return str(row["id"])

    campaign.set_campaign(hq, "十一月摸底", "2026-11-01", "2026-11-30", [])
    for k in range(1, 29):
        cadre = put("cadre", name=f"干部{k:02d}")
        village = "371324001015" if k <= 25 else LANSHAN_VILLAGE
        for j in range(k if k <= 25 else 1):
            hid = put("household", village_code=village, status="在档", pairing_basis="结亲连心联系户")
            put("pairing", household_id=hid, cadre_id=cadre, started_on="2026-01-01", ended_on=None)
            if j % 2 == 0:
                put("visit", household_id=hid, cadre_id=cadre, visit_date="2026-11-03", mode="入户走访")
    check(hq)
    accounts.add_account(hq, "city", "city", PASSWORD)
    accounts.add_account(hq, "lanling", "county", PASSWORD, county=LANLING)
    with TestClient(create_app(hq), follow_redirects=False) as c:
        sign_in(c, "city")
        page = c.get("/console/stats/cadres", params={"sort": "households"})
        assert page.status_code == 200, page.text
        names = re.findall(r"干部(\d\d)</a>|<td>干部(\d\d)</td>", page.text)
        shown = [int(a or b) for a, b in names]
        assert shown[:3] == [25, 24, 23] and len(shown) == 20
        assert "共 28 位干部，第 1／2 页" in page.text
        total = sum(range(1, 26)) + 3
        assert re.search(rf"<b>合计</b></td><td class=\"num\"><b>{total}</b>", page.text)
        second = c.get("/console/stats/cadres", params={"sort": "households", "page": 2})
        assert "第 2／2 页" in second.text and "干部01" in second.text and "干部25" not in second.text
        progress = c.get("/console/stats/campaign", params={"sort": "households", "page": 2})
        assert progress.status_code == 200 and "第 2／2 页" in progress.text
        # the export holds every cadre
        book = c.get("/console/stats/export/cadres.csv")
        assert book.status_code == 200 and all(f"干部{k:02d}" in book.text for k in range(1, 29))
        sign_in(c, "lanling")
        mine = c.get("/console/stats/cadres", params={"sort": "households", "page": 2})
        assert "共 25 位干部，第 2／2 页" in mine.text and "干部26" not in mine.text
        assert c.get("/console/stats/cadres", params={"county": "371302"}).status_code == 404
        odd = c.get("/console/stats/cadres", params={"sort": "nonsense", "page": 99})
        assert odd.status_code == 200 and "第 2／2 页" in odd.text  # the default order, the last page
