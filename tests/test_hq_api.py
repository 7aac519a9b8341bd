"""The staff JSON API (/api/v1/referrals, conflicts, devices) over really synced households.

Two cadres' laptops (兰陵县 and 兰山区) sync real batches; each writes one household of the other
county, so each county has a conflict of its own. Every endpoint is asked with bearer tokens of
each role: a county token never sees another county's referral or conflict (404, nothing leaked),
a read-only token may not post (403, audited, nothing changed), malformed bodies get a 400 JSON
answer, and none of it logs an error.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.test_hq_ledger import LANLING, Ledger, synced_ledger
from tests.test_sync_hq_reply import _last_payload
from tests.test_sync_protocol import hq, hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp.hq import accounts, ledger_api
from fieldapp.hq.accounts import Staff
from fieldapp.hq.app import create_app
from fieldapp.hq.models import Alert, Conflict, ConsoleAudit, Record
from fieldapp.hq.store import HQ
from fieldapp.storage.db import Database
from fieldapp.storage.models import OutboxEntry
from fieldapp.sync import client

PASSWORD = "api-test-口令-12345"
ROLES = {
    "admin": ("admin", ""),
    "city": ("city", ""),
    "lanling": ("county", LANLING),
    "lanshan": ("county", "371302"),
    "viewer": ("readonly", ""),
}


def _foreign_write(writer: Database, owner: Database, hid: str, hq: HQ, address: str) -> None:
    """`writer` changes a household that `owner` holds: HQ keeps it as a conflict."""
    row = dict(json.loads(_last_payload(owner, hid)))
    row["address_detail"] = address
    with writer.session() as s:
        s.add(
            OutboxEntry(
                entity="household",
                row_id=hid,
                op="update",
                hlc=row["hlc"] + 1,
                version=int(row.get("version") or 1) + 1,
                payload=json.dumps(row, ensure_ascii=False),
            )
        )
    client.cut_batches(writer)
    for b in client._unacked(writer):
        assert hq.ingest(b.sealed, "usb").ok


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HQ, Ledger, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("api")
    hq = HQ(f"sqlite:///{(tmp / 'hq.sqlite').as_posix()}")
    hq.init()
    led = synced_ledger(hq, tmp)
    _foreign_write(led.lanshan, led.lanling, led.ids["张海生"], hq, "兰山机改的地址")
    _foreign_write(led.lanling, led.lanshan, led.ids["李强"], hq, "兰陵机改的地址")
    led.lanling.close()
    led.lanshan.close()
    tokens = {}
    for name, (role, county) in ROLES.items():
        accounts.add_account(hq, name, role, PASSWORD, county=county)
        tokens[name] = accounts.issue_api_token(hq, name)
    yield hq, led, tokens
    hq.close()


@pytest.fixture
def api(world: tuple[HQ, Ledger, dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(world[0])) as c:
        yield c


def auth(world: tuple[HQ, Ledger, dict[str, str]], name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world[2][name]}"}


def _conflict_of(hq: HQ, hid: str) -> int:
    with hq.session() as s:
        return int(s.scalars(select(Conflict.id).where(Conflict.row_id == hid)).one())


def _audits(hq: HQ, action: str) -> list[ConsoleAudit]:
    with hq.session() as s:
        return list(s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == action)))


def _records(hq: HQ) -> int:
    with hq.session() as s:
        return int(s.scalar(select(func.count()).select_from(Record)) or 0)


def _assert_error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"] == code and body["code"] == code and not body["message"].isascii(), body
    return dict(body)


# --- referrals ---------------------------------------------------------------------------------------


def test_referrals_list_filters_pages_and_scopes(api: TestClient, world: Any) -> None:
    _hq, led, _ = world
    r = api.get("/api/v1/referrals", headers=auth(world, "city"))
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == 1 and page["items"][0]["id"] == led.referral_id
    line = page["items"][0]
    assert line["code"].startswith("ZJ-") and line["head_name"] == "张海生" and line["status"] == "已转介"
    by_code = api.get("/api/v1/referrals", params={"q": line["code"]}, headers=auth(world, "city")).json()
    assert by_code["total"] == 1
    none = api.get("/api/v1/referrals", params={"status": "已办结"}, headers=auth(world, "city")).json()
    assert none["total"] == 0 and none["items"] == []
    assert (
        api.get("/api/v1/referrals", params={"page_size": 1, "page": 5}, headers=auth(world, "city")).json()[
            "page"
        ]
        == 1
    )  # past the end: the last page
    own = api.get("/api/v1/referrals", headers=auth(world, "lanling")).json()
    assert own["total"] == 1
    other = api.get("/api/v1/referrals", headers=auth(world, "lanshan")).json()
    assert other["total"] == 0 and other["items"] == []
    forced = api.get("/api/v1/referrals", params={"county": LANLING}, headers=auth(world, "lanshan")).json()
    assert forced["total"] == 0  # a county filter never widens the scope


def test_one_referral_with_its_history_and_another_countys_is_404(api: TestClient, world: Any) -> None:
    _hq, led, _ = world
    r = api.get(f"/api/v1/referrals/{led.referral_id}", headers=auth(world, "lanling"))
    assert r.status_code == 200
    detail = r.json()
    assert [e["status"] for e in detail["events"]] == ["草拟", "已转介"] and detail["reason"] == "培训"
    assert "已受理" in detail["steps"] and "草拟" not in detail["steps"]
    foreign = api.get(f"/api/v1/referrals/{led.referral_id}", headers=auth(world, "lanshan"))
    missing = api.get(
        "/api/v1/referrals/00000000-0000-0000-0000-000000000000", headers=auth(world, "lanshan")
    )
    _assert_error(foreign, 404, "NOT_FOUND")
    assert foreign.json() == missing.json()  # indistinguishable from one that does not exist
    assert "张海生" not in foreign.text and "培训" not in foreign.text
    _assert_error(api.get(f"/api/v1/referrals/{led.referral_id}"), 401, "UNAUTHENTICATED")
    bad = {"Authorization": "Bearer forged"}
    _assert_error(api.get(f"/api/v1/referrals/{led.referral_id}", headers=bad), 401, "UNAUTHENTICATED")


def test_another_county_cannot_record_an_outcome(api: TestClient, world: Any) -> None:
    hq, led, _ = world
    before = _records(hq)
    r = api.post(
        f"/api/v1/referrals/{led.referral_id}/outcome",
        json={"status": "已受理"},
        headers=auth(world, "lanshan"),
    )
    _assert_error(r, 404, "NOT_FOUND")
    assert _records(hq) == before


def test_a_read_only_token_is_refused_audited_and_nothing_changes(api: TestClient, world: Any) -> None:
    hq, led, _ = world
    before = _records(hq)
    r = api.post(
        f"/api/v1/referrals/{led.referral_id}/outcome",
        json={"status": "已受理", "note": "只读账号试图登记"},
        headers=auth(world, "viewer"),
    )
    body = _assert_error(r, 403, "FORBIDDEN")
    assert "只读" in body["message"]
    assert _records(hq) == before
    (refusal,) = [a for a in _audits(hq, "refused") if a.account == "viewer" and "转介" in a.detail]
    assert refusal.target.startswith("ZJ-")
    conflict = _conflict_of(hq, led.ids["张海生"])
    r = api.post(f"/api/v1/conflicts/{conflict}/resolve", json={"keep": "a"}, headers=auth(world, "viewer"))
    _assert_error(r, 403, "FORBIDDEN")
    assert any(a.account == "viewer" and "冲突" in a.target for a in _audits(hq, "refused"))
    with hq.session() as s:
        assert s.get(Conflict, conflict).resolved_at is None  # type: ignore[union-attr]


def test_outcome_rules_are_the_consoles(api: TestClient, world: Any) -> None:
    hq, led, _ = world
    url = f"/api/v1/referrals/{led.referral_id}/outcome"
    future = api.post(
        url, json={"status": "已受理", "occurred_on": "2099-01-01"}, headers=auth(world, "city")
    )
    assert "晚于今天" in _assert_error(future, 422, "INVALID")["message"]
    no_note = api.post(url, json={"status": "已退回"}, headers=auth(world, "city"))
    assert "说明" in _assert_error(no_note, 422, "INVALID")["message"]
    before = len(_audits(hq, "referral_outcome"))
    ok = api.post(url, json={"status": "已受理", "note": "街道已受理"}, headers=auth(world, "lanling"))
    assert ok.status_code == 200, ok.text
    assert ok.json()["previous"] == "已转介" and ok.json()["status"] == "已受理"
    assert len(_audits(hq, "referral_outcome")) == before + 1
    detail = api.get(f"/api/v1/referrals/{led.referral_id}", headers=auth(world, "city")).json()
    assert detail["line"]["status"] == "已受理" and detail["events"][-1]["at_hq"] is True
    again = api.post(url, json={"status": "已受理"}, headers=auth(world, "city"))
    _assert_error(again, 422, "INVALID")


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"{not json", {"content-type": "application/json"}),
        (b'{"status": 3}', {"content-type": "application/json"}),
        ('{"status": "已受理", "occurred_on": "昨天"}'.encode(), {"content-type": "application/json"}),
        ('{"status": "已受理", "note": ["a"]}'.encode(), {"content-type": "application/json"}),
        ('{"status": "已受理", "extra": 1}'.encode(), {"content-type": "application/json"}),
        (b"[1, 2]", {"content-type": "application/json"}),
        (b"null", {"content-type": "application/json"}),
        (b'{"status": "\\u0000"}', {"content-type": "application/json"}),
        (b"\xff\xfe", {"content-type": "application/json"}),
        (b"", {}),
    ],
)
def test_malformed_bodies_are_400_json_and_nothing_is_logged_as_an_error(
    api: TestClient, world: Any, content: bytes, headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    hq, led, _ = world
    before = _records(hq)
    with caplog.at_level(logging.INFO):
        r = api.post(
            f"/api/v1/referrals/{led.referral_id}/outcome",
            content=content,
            headers={**headers, **auth(world, "city")},
        )
        _assert_error(r, 400, "MALFORMED")
        r = api.post(
            f"/api/v1/conflicts/{_conflict_of(hq, led.ids['张海生'])}/resolve",
            content=content,
            headers={**headers, **auth(world, "city")},
        )
        _assert_error(r, 400, "MALFORMED")
    assert _records(hq) == before
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]


def test_wrong_types_in_the_query_and_path_are_400(api: TestClient, world: Any) -> None:
    for url in (
        "/api/v1/referrals?page=zwei",
        "/api/v1/referrals?page_size=100000",
        "/api/v1/referrals?overdue=vielleicht",
        "/api/v1/conflicts/abc",
        "/api/v1/conflicts/99999999999999999999",
        f"/api/v1/referrals/{'x' * 200}",
    ):
        body = _assert_error(api.get(url, headers=auth(world, "city")), 400, "MALFORMED")
        assert "请求的参数或内容不符合格式" in body["message"]


# --- conflicts ---------------------------------------------------------------------------------------


def test_conflicts_are_scoped_by_the_households_county(api: TestClient, world: Any) -> None:
    hq, led, _ = world
    city = api.get("/api/v1/conflicts", headers=auth(world, "city")).json()
    assert city["total"] == 2
    lanling = api.get("/api/v1/conflicts", headers=auth(world, "lanling")).json()
    (mine,) = lanling["items"]
    assert lanling["total"] == 1 and mine["household_id"] == led.ids["张海生"]
    labels = {f["label"] for f in mine["fields"]}
    assert "详细地址" in labels and "address_detail" not in json.dumps(mine, ensure_ascii=False)
    assert "兰山机改的地址" in {f["a"] for f in mine["fields"]} | {f["b"] for f in mine["fields"]}
    theirs = _conflict_of(hq, led.ids["李强"])
    foreign = api.get(f"/api/v1/conflicts/{theirs}", headers=auth(world, "lanling"))
    missing = api.get("/api/v1/conflicts/999999", headers=auth(world, "lanling"))
    _assert_error(foreign, 404, "NOT_FOUND")
    assert foreign.json() == missing.json() and "李强" not in foreign.text and "兰陵机改" not in foreign.text
    resolve = api.post(
        f"/api/v1/conflicts/{theirs}/resolve", json={"keep": "a"}, headers=auth(world, "lanling")
    )
    _assert_error(resolve, 404, "NOT_FOUND")
    own = api.post(
        f"/api/v1/conflicts/{mine['id']}/resolve", json={"keep": "a"}, headers=auth(world, "lanling")
    )
    # a county clerk resolves the conflicts of the county's own households (hq/actions.py)
    assert own.status_code == 200 and own.json()["kept"] == "a", own.text
    with world[0].session() as s:  # the module's world is shared: open it again for the tests below
        c = s.get(Conflict, mine["id"])
        assert c is not None
        c.resolved_at, c.kept, c.resolved_by = None, "", ""


def test_city_staff_resolve_a_conflict_once(api: TestClient, world: Any) -> None:
    hq, led, _ = world
    cid = _conflict_of(hq, led.ids["李强"])
    one = api.get(f"/api/v1/conflicts/{cid}", headers=auth(world, "lanshan")).json()
    keep = "a" if any(f["a"] == "兰陵机改的地址" for f in one["fields"]) else "b"
    keep = "b" if keep == "a" else "a"  # keep the owner's value, not the foreign write
    r = api.post(
        f"/api/v1/conflicts/{cid}/resolve",
        json={"keep": keep, "note": "以负责干部为准"},
        headers=auth(world, "city"),
    )
    assert r.status_code == 200, r.text
    assert r.json()["kept"] == keep
    assert any(a.target == f"冲突 {cid}" for a in _audits(hq, "resolve_conflict"))
    again = api.post(f"/api/v1/conflicts/{cid}/resolve", json={"keep": keep}, headers=auth(world, "city"))
    assert "处理过" in _assert_error(again, 409, "ALREADY_RESOLVED")["message"]
    open_ = api.get("/api/v1/conflicts", headers=auth(world, "lanshan")).json()
    everything = api.get(
        "/api/v1/conflicts", params={"include_resolved": True}, headers=auth(world, "lanshan")
    )
    assert open_["total"] == 0 and everything.json()["items"][0]["resolved"] is True


def test_a_session_cookie_must_send_the_csrf_header_to_post(world: Any) -> None:
    hq, led, _ = world
    from tests.test_hq_console import sign_in

    with TestClient(create_app(hq), follow_redirects=False) as c:
        csrf = sign_in(c, "city", PASSWORD)
        url = f"/api/v1/conflicts/{_conflict_of(hq, led.ids['张海生'])}/resolve"
        _assert_error(c.post(url, json={"keep": "a"}), 403, "FORBIDDEN")
        _assert_error(c.post(url, json={"keep": "a"}, headers={"X-CSRF-Token": "forged"}), 403, "FORBIDDEN")
        with hq.session() as s:
            assert s.get(Conflict, _conflict_of(hq, led.ids["张海生"])).resolved_at is None  # type: ignore[union-attr]
        r = c.post(url, json={"keep": "a", "note": "会话提交"}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 200, r.text
        assert c.get("/api/v1/devices").status_code == 200  # reading needs no header


# --- devices ------------------------------------------------------------------------------------------


def test_devices_with_cadres_batches_gaps_and_alerts_for_city_staff_only(
    api: TestClient, world: Any, tmp_path: Path
) -> None:
    hq, _, _ = world
    first = {d["name"]: d for d in api.get("/api/v1/devices", headers=auth(world, "city")).json()["items"]}
    with hq.session() as s:
        s.add(
            Alert(
                device_id=first["兰山区-刘洋"]["device_id"],
                code="CLONED_DATABASE",
                message="实例编号不符，疑似复制的数据库。",
            )
        )
    r = api.get("/api/v1/devices", headers=auth(world, "admin"))
    assert r.status_code == 200, r.text
    devices = {d["name"]: d for d in r.json()["items"]}
    lanling = devices["兰陵县卞庄街道-王芳"]
    assert lanling["cadres"] == ["王芳"] and lanling["households"] == 3 and lanling["batches"] >= 2
    assert (
        lanling["last_batch_seq"] == lanling["batches"] and lanling["gaps"] == [] and lanling["last_batch_at"]
    )
    assert lanling["last_seen_at"] >= lanling["last_batch_at"] and lanling["revoked"] is False
    assert lanling["status"] == "正常" and lanling["alerts"] == 0
    lanshan = devices["兰山区-刘洋"]
    assert lanshan["households"] == 1 and lanshan["status"] == "有告警" and lanshan["alerts"] == 1
    assert lanshan["recent_alerts"][0]["kind"] == "疑似复制的数据库（克隆）"
    assert "疑似复制" in lanshan["recent_alerts"][0]["message"]
    for name in ("lanling", "viewer"):
        body = _assert_error(api.get("/api/v1/devices", headers=auth(world, name)), 403, "FORBIDDEN")
        assert "市总工会" in body["message"]
    assert any(a.account == "lanling" and a.target == "设备列表" for a in _audits(hq, "refused"))
    _assert_error(api.get("/api/v1/devices"), 401, "UNAUTHENTICATED")


def test_openapi_declares_every_request_body_and_chinese_descriptions(api: TestClient) -> None:
    doc = api.get("/openapi.json").json()
    paths = doc["paths"]
    for path in (
        "/api/v1/enrol",
        "/api/v1/batches",
        "/api/v1/referrals/{referral_id}/outcome",
        "/api/v1/conflicts/{conflict_id}/resolve",
    ):
        assert paths[path]["post"]["requestBody"]["content"], path
    assert "application/octet-stream" in paths["/api/v1/batches"]["post"]["requestBody"]["content"]
    assert (
        "application/octet-stream"
        in paths["/api/v1/devices/{device_id}/reply"]["get"]["responses"]["200"]["content"]
    )
    schemas = doc["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert doc["components"]["securitySchemes"]["staffToken"]["scheme"] == "bearer"
    assert paths["/api/v1/devices"]["get"]["security"][0] == {"staffToken": []}
    assert "security" not in paths["/api/v1/batches"]["post"]  # devices sign their batches instead
    for name in ("ReferralLine", "ConflictOut", "DeviceDetailOut", "OutcomeIn", "HouseholdSummary"):
        for field, spec in schemas[name]["properties"].items():
            assert not spec.get("description", "").isascii(), (name, field)
    for path, ops in paths.items():
        for method, op in ops.items():
            assert "422" not in op["responses"] or "ErrorOut" in json.dumps(op["responses"]["422"]), (
                path,
                method,
            )


def test_the_scoped_queries_on_sqlite_and_postgresql(hq: HQ, tmp_path: Path) -> None:
    """The conflict scope (an outer join through the household index) and the device figures in SQL."""
    led = synced_ledger(hq, tmp_path)
    try:
        _foreign_write(led.lanshan, led.lanling, led.ids["张海生"], hq, "兰山机改的地址")
        _foreign_write(led.lanling, led.lanshan, led.ids["李强"], hq, "兰陵机改的地址")
    finally:
        led.lanling.close()
        led.lanshan.close()
    city, lanling = Staff(1, "市总", "city"), Staff(2, "兰陵县", "county", LANLING)
    assert ledger_api.search_conflicts(hq, city).total == 2
    page = ledger_api.search_conflicts(hq, lanling, page_size=1, page=9)
    assert page.total == 1 and page.page == 1 and page.items[0].household_id == led.ids["张海生"]
    theirs = _conflict_of(hq, led.ids["李强"])
    assert ledger_api.conflict(hq, lanling, theirs) is None and ledger_api.conflict(hq, city, theirs)
    devices = {d.name: d for d in ledger_api.devices(hq)}
    assert devices["兰陵县卞庄街道-王芳"].cadres == ["王芳"] and devices["兰山区-刘洋"].batches == 2
