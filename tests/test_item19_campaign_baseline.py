"""Item 19 against a chosen campaign (issue 11): the change is counted from the figures as they
stood at the start of the campaign picked on the page (or in the export, or `report --campaign`),
up to that campaign's end once it is over. Real device observations, synced before and after the
campaigns are set (an observation dated before a start that arrives late still counts in that
baseline). SQLite and a real PostgreSQL.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient
from tests.conftest import TODAY, head_data, household_data
from tests.test_hq_console import PASSWORD
from tests.test_hq_stats_console import sign_in
from tests.test_sync_hq_reply import sync
from tests.test_sync_protocol import enrolled_device, hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp.hq import accounts, campaign, stats
from fieldapp.hq.app import create_app
from fieldapp.hq.cli import main
from fieldapp.hq.store import HQ
from fieldapp.services import households, item19
from fieldapp.services.item19 import EconomyValues, WorkerValues


def _income_row(tables: list[stats.Table]) -> list[object]:
    return tables[0].rows[0].cells  # 家庭年收入: label, filled, average, 未填, change


def _employment(tables: list[stats.Table], label: str) -> list[object]:
    return next(r.cells for r in tables[1].rows if r.cells[:2] == ["就业状况", label])


def test_item19_change_counts_from_the_chosen_campaigns_start(
    tmp_path: Path, hq_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert dt.date(2026, 11, 18) == TODAY
    server = HQ(hq_url)
    server.init()
    db = enrolled_device(server, tmp_path / "a", "兰陵县-王芳")
    try:
        hid = households.create_household(db, household_data(), head_data()).id
        head = item19.workers_of(db, hid)[0].member_id

        def observe(on: dt.date, income: int | None, employment: str | None) -> None:
            item19.record_observation(
                db,
                hid,
                EconomyValues(annual_income=income),
                [WorkerValues(head, employment, monthly_income=None)],
                observed_on=on,
            )

        observe(dt.date(2026, 6, 1), 30000, "unemployed")
        sync(db, server)
        july = campaign.set_campaign(server, "2026年7月再摸底", "2026-07-01", "2026-07-31", [])
        november = campaign.set_campaign(server, "2026年11月再摸底", "2026-11-01", "2026-11-30", [])
        # recorded in July on the device, synced only now: still before November's start
        observe(dt.date(2026, 7, 15), 33000, "employed_away")
        observe(dt.date(2026, 8, 20), 35000, "employed_away")
        observe(TODAY, 40000, "employed_local")
        sync(db, server)
        scope = stats.Scope("")

        # November (the newest, still running): from the August figures to today's
        now = stats.item19(server, scope, *stats.campaign_window(november, TODAY))
        assert _income_row(now)[2] == 40000 and _income_row(now)[4] == "+5000"
        assert "较2026年11月再摸底开始时（2026-11-01前）" in now[0].columns[4]
        assert _employment(now, "本地务工")[2:] == [1, "+1"]
        assert _employment(now, "外出务工")[2:] == [0, "-1"]

        # July (over): from June's figures up to its last day — the July observation, not today's
        past = stats.item19(server, scope, *stats.campaign_window(july, TODAY))
        assert _income_row(past)[2] == 33000 and _income_row(past)[4] == "+3000"
        assert "截至2026-07-31" in past[0].title
        assert _employment(past, "外出务工")[2:] == [1, "+1"]
        assert _employment(past, "失业（有劳动能力）")[2:] == [0, "-1"]

        # the console: the page picks the campaign; the export follows the choice; bad id is 404
        accounts.add_account(server, "city", "city", PASSWORD)
        with TestClient(create_app(server), follow_redirects=False) as c:
            sign_in(c, "city")
            page = c.get("/console/stats/item19").text
            assert "+5000" in page and f'value="{november.id}" selected' in page
            page = c.get(f"/console/stats/item19?campaign={july.id}").text
            assert "+3000" in page and f'value="{july.id}" selected' in page
            assert "截至2026-07-31" in page
            assert re.search(rf"/console/stats/export/item19\.xlsx\?campaign={july.id}", page)
            r = c.get(f"/console/stats/export/item19.xlsx?campaign={july.id}")
            assert r.status_code == 200
            ws = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
            values = [[cell for cell in row] for row in ws.iter_rows(values_only=True)]
            income = next(row for row in values if row and row[0] == "家庭年收入")
            assert income[2] == 33000 and income[4] == "+3000"
            missing = c.get("/console/stats/item19?campaign=no-such-campaign")
            assert missing.status_code == 404 and "没有这次摸底活动" in missing.text
        # the command line: `report --campaign` (an unknown id is a clear error, nothing written)
        out = tmp_path / "report.xlsx"
        assert main(["--db", hq_url, "report", "--campaign", "no-such-campaign", "--out", str(out)]) == 1
        assert "没有这次摸底活动" in capsys.readouterr().err and not out.exists()
        assert main(["--db", hq_url, "report", "--campaign", july.id, "--out", str(out)]) == 0
        printed = capsys.readouterr().out
        assert "截至2026-07-31" in printed and "+3000" in printed and out.exists()
    finally:
        db.close()
        server.close()
