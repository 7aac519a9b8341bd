"""The statistics pages, the campaign form and the exports through FastAPI's TestClient.

A small headquarters of hand-made records (two counties) is written through HQ's own write path,
so the aggregates are the ones ingest keeps. Spreadsheets are read back with openpyxl and, for the
city report, opened by LibreOffice (headless) and converted to CSV to check the numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.conftest import TODAY
from tests.test_hq_console import PASSWORD, _hidden
from tests.test_hq_stats import LANLING_VILLAGE, LANSHAN_VILLAGE, household, write

from fieldapp.domain import clock
from fieldapp.hq import accounts, campaign, stats
from fieldapp.hq.accounts import Staff
from fieldapp.hq.app import create_app
from fieldapp.hq.models import ConsoleAudit, Outgoing
from fieldapp.hq.stats_models import Campaign
from fieldapp.hq.store import HQ

LANLING, LANSHAN = "371324", "371302"
CITY = Staff(1, "city", "city")


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQ]:
    tmp = tmp_path_factory.mktemp("stats")
    h = HQ(f"sqlite:///{(tmp / 'hq.sqlite').as_posix()}")
    h.init()
    for name, role, county in (
        ("city", "city", ""),
        ("lanling", "county", LANLING),
        ("viewer", "readonly", ""),
    ):
        accounts.add_account(h, name, role, PASSWORD, county=county)
    write(h, "cadre", id="cadre-a", name="王干部")
    a = household(h, LANLING_VILLAGE, "深度困难", 6, cadre="cadre-a")
    b = household(h, LANLING_VILLAGE, "相对困难", 2, cadre="cadre-a")
    c = household(h, LANSHAN_VILLAGE, "深度困难", 6)
    write(h, "visit", household_id=a, cadre_id="cadre-a", visit_date="2026-11-03", mode="入户走访")
    write(h, "visit", household_id=b, cadre_id="cadre-a", visit_date="2026-11-04", mode="电话联系")
    # item 19: a's income known, b's missing (未填), c's known; a's arrears
    write(h, "household_economy", household_id=a, observed_on="2026-06-01", annual_income=10000)
    write(
        h,
        "household_economy",
        household_id=a,
        observed_on="2026-11-03",
        annual_income=12000,
        arrears_amount=3000,
    )
    write(h, "household_economy", household_id=b, observed_on="2026-11-04", annual_income=None)
    write(h, "household_economy", household_id=c, observed_on="2026-11-05", annual_income=30000)
    write(
        h,
        "worker_status",
        household_id=a,
        member_id="m-a",
        observed_on="2026-11-03",
        employment="employed_away",
        insurance=["pension"],
    )
    write(
        h,
        "worker_status",
        household_id=b,
        member_id="m-b",
        observed_on="2026-11-04",
        employment=None,
        insurance=None,
    )
    # relief: the same student (by ID number) in two households, both 金秋助学 2026
    s1 = write(h, "member", household_id=a, relation="子女", name="甲", id_number="371324201001010028")
    s2 = write(h, "member", household_id=c, relation="子女", name="甲", id_number="371324201001010028")
    write(
        h,
        "relief_payment",
        household_id=a,
        member_id=s1,
        programme="金秋助学",
        amount_fen=100000,
        paid_on="2026-08-20",
    )
    write(
        h,
        "relief_payment",
        household_id=c,
        member_id=s2,
        programme="金秋助学",
        amount_fen=100000,
        paid_on="2026-08-25",
    )
    write(h, "relief_payment", household_id=b, programme="送温暖", amount_fen=50000, paid_on="2026-01-10")
    write(h, "relief_payment", household_id=b, programme="送温暖", amount_fen=50000, paid_on="2026-02-01")
    write(
        h,
        "referral",
        household_id=a,
        cadre_id="cadre-a",
        kind_code="EMP-JOB",
        receiving_body="县人社局",
        created_on="2026-10-01",
        status="已转介",
        status_on="2026-10-01",
    )
    h._ids = {"a": a, "b": b, "c": c}  # type: ignore[attr-defined]
    yield h
    h.close()


@pytest.fixture
def client(hq: HQ) -> Iterator[TestClient]:
    with TestClient(create_app(hq), follow_redirects=False) as c:
        yield c


def sign_in(c: TestClient, name: str) -> str:
    form = c.get("/console/login")
    r = c.post(
        "/console/login",
        data={"name": name, "password": PASSWORD, "csrf_token": _hidden(form.text), "next": ""},
    )
    assert r.status_code == 303, r.text
    return _hidden(c.get("/console/stats").text)


def test_households_by_county_category_and_cause_with_links(hq: HQ) -> None:
    t = stats.households_county_category(hq, stats.Scope(""))
    by = {r.cells[0]: r.cells[1:] for r in t.rows}
    assert by["兰陵县"] == [1, 1, 0, 0, 0, 2] and by["兰山区"] == [1, 0, 0, 0, 0, 1]
    assert t.totals == ["合计", 2, 1, 0, 0, 0, 3]
    cause = stats.households_by(hq, stats.Scope(LANLING), "cause")
    assert [(r.cells[0], r.cells[1]) for r in cause.rows] == [("有劳动能力未就业", 1), ("患重特大疾病", 1)]
    link = cause.rows[1].link(1)
    assert "cause=6" in link and f"county={LANLING}" in link
    page = stats.household_list(hq, stats.Scope(LANLING), {"cause": "6"}, clock.today())
    assert page.total == 1 and page.rows[0][0] == hq._ids["a"]  # type: ignore[attr-defined]


def test_item19_missing_is_shown_as_missing_never_zero(hq: HQ) -> None:
    economy, workers = stats.item19(hq, stats.Scope(LANLING), None)
    income = economy.rows[0].cells
    assert income[:4] == ["家庭年收入", 1, 12000, 1]  # b is 未填: not averaged as 0
    employment = {r.cells[1]: r.cells[2] for r in workers.rows if r.cells[0] == "就业状况"}
    assert employment["外出务工"] == 1 and employment["未填"] == 1
    empty = stats.item19(hq, stats.Scope("371311"), None)[0]
    assert empty.rows[0].cells[2] == "未填"


def test_item19_change_since_the_campaign_start(hq: HQ) -> None:
    economy, _ = stats.item19(hq, stats.Scope(LANLING), "2026-11-01")
    assert economy.rows[0].cells[4] == "+2000"  # a: 10000 before the campaign, 12000 now


def test_double_funding_finds_the_same_student_across_households_and_a_repeated_payment(hq: HQ) -> None:
    found = stats.double_funding(hq, stats.Scope(""))
    kinds = sorted((d.kind, d.programme, d.when) for d in found)
    assert kinds == [
        ("household", "送温暖", "2026"),
        ("student", "金秋助学", "2026"),
        ("student", "金秋助学", "2026"),
    ]
    assert {d.household_id for d in stats.double_funding(hq, stats.Scope(LANSHAN))} == {hq._ids["c"]}  # type: ignore[attr-defined]
    shown = stats.double_funding_table(hq, stats.Scope(""), limit=1)  # a page: the first of each kind
    assert len(shown.rows) == 2 and "共 3 条，本页只列出 2 条" in shown.note
    assert len(stats.double_funding_table(hq, stats.Scope("")).rows) == 3  # the report: all of them
    assert stats.double_funding_count(hq, stats.Scope("")) == 3
    listed = stats.household_list(hq, stats.Scope(""), {"double": "student"}, TODAY)  # behind the table
    assert sorted(hid for hid, _cells in listed.rows) == sorted({d.household_id for d in found})


def test_campaign_end_before_start_is_refused_in_chinese_and_nothing_is_kept(hq: HQ) -> None:
    with pytest.raises(campaign.CampaignError, match=r"结束日期.*早于开始日期"):
        campaign.set_campaign(hq, "2026年12月再摸底", "2026-12-31", "2026-12-01", [])
    with hq.session() as s:
        assert s.scalars(select(Campaign)).first() is None
        assert s.scalars(select(Outgoing).where(Outgoing.kind == "campaign")).first() is None


def test_campaign_form_queues_the_contract_body_and_shows_progress(hq: HQ, client: TestClient) -> None:
    csrf = sign_in(client, "city")
    r = client.post(
        "/console/stats/campaign",
        data={
            "csrf_token": csrf,
            "name": "2026年11月再摸底",
            "start": "2026-11-01",
            "end": "2026-11-30",
            "counties": [LANLING],
        },
    )
    assert r.status_code == 303, r.text
    with hq.session() as s:
        out = s.scalars(select(Outgoing).where(Outgoing.kind == "campaign")).one()
        body = json.loads(out.body)
    assert out.device_id == "*"
    assert set(body) == {"id", "name", "start", "end", "counties"}
    assert (body["name"], body["start"], body["end"], body["counties"]) == (
        "2026年11月再摸底",
        "2026-11-01",
        "2026-11-30",
        [LANLING],
    )
    c = campaign.current(hq)
    assert c is not None
    rows = campaign.progress(hq, c, "county", clock.today())
    assert [(p.label, p.households, p.visited, p.not_visited, p.overdue) for p in rows] == [
        ("兰陵县", 2, 1, 1, 0)
    ]
    late = campaign.progress(hq, c, "cadre", __import__("datetime").date(2026, 12, 5))
    assert [(p.label, p.not_visited, p.overdue) for p in late] == [("王干部", 1, 1)]
    page = client.get("/console/stats/campaign")
    assert page.status_code == 200 and "2026年11月再摸底" in page.text and "<svg" in page.text
    bad = client.post(
        "/console/stats/campaign",
        data={"csrf_token": csrf, "name": "错", "start": "2026-12-31", "end": "2026-12-01"},
    )
    assert bad.status_code == 400 and "早于开始日期" in bad.text


def test_a_clerk_asking_for_another_county_gets_404_and_sees_only_their_own(client: TestClient) -> None:
    sign_in(client, "lanling")
    for url in (
        f"/console/stats?county={LANSHAN}",
        f"/console/stats/relief?county={LANSHAN}",
        f"/console/stats/list?county={LANSHAN}",
        f"/console/stats/export/report.xlsx?county={LANSHAN}",
        f"/console/stats/list.csv?county={LANSHAN}",
    ):
        assert client.get(url).status_code == 404, url
    page = client.get("/console/stats")
    assert page.status_code == 200 and "兰陵县" in page.text and "兰山区" not in page.text
    listing = client.get("/console/stats/list")
    assert "共 2 户" in listing.text


def test_readonly_staff_cannot_set_a_campaign(client: TestClient) -> None:
    csrf = sign_in(client, "viewer")
    r = client.post(
        "/console/stats/campaign",
        data={"csrf_token": csrf, "name": "x", "start": "2026-12-01", "end": "2026-12-31"},
    )
    assert r.status_code == 403


def test_statistics_use_the_consoles_sign_in_and_posting_checks(hq: HQ, client: TestClient) -> None:
    """console/common.py's dependencies: signed out -> the sign-in page (back here after), a stale
    session -> signed out as idle, a county clerk / read-only account / forged token posting a
    campaign -> 403 in Chinese, audited as refused, nothing queued for the devices."""
    client.cookies.clear()
    for url in ("/console/stats", "/console/stats/item19?county=371324", "/console/stats/list.csv"):
        r = client.get(url)
        assert r.status_code == 303 and r.headers["location"].startswith("/console/login?next=/console/stats")
    sign_in(client, "city")
    session = dict(client.cookies)
    client.post(
        "/console/logout", data={"csrf_token": _hidden(client.get("/console/stats").text, "csrf_token")}
    )
    client.cookies.update(session)  # the signed-out session's cookie, kept by the browser
    r = client.get("/console/stats/relief")
    assert r.status_code == 303 and "idle=1" in r.headers["location"]
    client.cookies.clear()
    body = {"name": "越权摸底", "start": "2026-12-01", "end": "2026-12-31", "counties": [LANLING]}
    with hq.session() as s:
        before = len(s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "refused")).all())
    r = client.post("/console/stats/campaign", data=body)
    assert r.status_code == 303 and "/console/login" in r.headers["location"]
    for name, csrf, message in (
        ("lanling", "", "只有市总工会工作人员或系统管理员可以设定摸底活动"),
        ("viewer", "", "只读账号不能修改任何内容"),
        ("city", "forged", "表单已过期或来源不明"),
    ):
        token = sign_in(client, name)
        r = client.post("/console/stats/campaign", data={**body, "csrf_token": csrf or token})
        assert r.status_code == 403 and message in r.text, name
    with hq.session() as s:
        refused = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "refused")).all()[before:]
        assert [a.account for a in refused] == ["lanling", "viewer", "city"]
        assert all(a.target == "/console/stats/campaign" and "设定摸底活动" in a.detail for a in refused)
        assert not [o for o in s.scalars(select(Outgoing)) if "越权摸底" in o.body]


def test_every_page_renders_with_charts_and_linked_figures(client: TestClient) -> None:
    sign_in(client, "city")
    for section in ("", "/item19", "/referrals", "/relief", "/cadres", "/campaign"):
        r = client.get(f"/console/stats{section}")
        assert r.status_code == 200, section
        assert "/console/stats/list?" in r.text or section in ("/item19",), section
    assert "<svg" in client.get("/console/stats").text
    assert client.get("/console/stats/nothing").status_code == 404


def test_export_xlsx_shape_totals_and_audit(hq: HQ, client: TestClient) -> None:
    sign_in(client, "city")
    r = client.get("/console/stats/export/overview.xlsx")
    assert r.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    ws = book.worksheets[0]
    assert ws["A1"].value == "各县区困难户类别" and "A1:G1" in [str(m) for m in ws.merged_cells.ranges]
    assert "单位：户" in str(ws["A2"].value) and ws["A3"].value == "县区"
    assert ws.freeze_panes == "A4"
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert rows[-1][0] == "合计" and rows[-1][-1] == 3
    with hq.session() as s:
        audit = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "stats_export")).all()
    assert any("困难户.xlsx" in a.target for a in audit)


def test_zero_rows_export_a_valid_file_with_headers(client: TestClient) -> None:
    sign_in(client, "city")
    r = client.get("/console/stats/list.xlsx?county=371311")
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert [c.value for c in ws[3]] == stats.LIST_COLUMNS
    assert ws["A4"].value == "合计" and ws["B4"].value == "0户"
    text = client.get("/console/stats/list.csv?county=371311").content.decode("utf-8")
    assert text.startswith("\ufeff编号,户主")
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff")))) == [stats.LIST_COLUMNS]


def test_household_list_csv_streams_the_filtered_rows(client: TestClient) -> None:
    sign_in(client, "city")
    text = client.get(f"/console/stats/list.csv?county={LANLING}&category=深度困难").content.decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2 and rows[1][4] == "深度困难"
