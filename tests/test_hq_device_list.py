"""The 设备 page and /api/v1/devices paged in SQL (hq/device_list.py): search by device name, cadre
name or device id prefix, sorting, paging and the county scope, on SQLite and PostgreSQL, with two
really synced devices among many enrolled ones."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_hq_ledger import CITY, LANLING_CLERK, LANSHAN, LANSHAN_CLERK, synced_ledger
from tests.test_sync_protocol import hq, hq_url, postgres_server

from fieldapp.hq import accounts, device_list, handovers, ledger_api
from fieldapp.hq.app import create_app
from fieldapp.hq.device_list import DeviceQuery
from fieldapp.hq.models import Device
from fieldapp.hq.store import HQ

_ = (hq, hq_url, postgres_server)
EXTRA = 45  # enrolled devices that have not synced yet: 47 in all, three pages of 20


def _world(hq: HQ, tmp_path: Path) -> tuple[str, str]:
    """The two synced devices (兰陵 renamed 一号机, so its cadre 王芳 is found by cadre only)."""
    led = synced_ledger(hq, tmp_path)
    lanling, lanshan = led.lanling.device_id, led.lanshan.device_id
    led.lanling.close()
    led.lanshan.close()
    key = b"\0" * 32
    with hq.session() as s:
        renamed = s.get(Device, lanling)  # names are sealed and bound to the device: through the ORM
        assert renamed is not None
        renamed.name = "一号机"
        s.execute(
            insert(Device),
            [
                {
                    "device_id": str(uuid.UUID(int=i + 1)),
                    "name": f"备用机-{i:02d}",
                    "sign_public": key,
                    "box_public": key,
                    "instance_nonce": str(i),
                }
                for i in range(EXTRA)
            ],
        )
    return lanling, lanshan


def names(hq: HQ, staff: accounts.Staff, **query: object) -> list[str]:
    return [d.name for d in device_list.search(hq, staff, DeviceQuery(**query)).items]  # type: ignore[arg-type]


def test_search_sort_page_and_scope_in_sql(hq: HQ, tmp_path: Path) -> None:
    lanling, lanshan = _world(hq, tmp_path)
    first = device_list.search(hq, CITY, DeviceQuery())
    assert first.total == EXTRA + 2 and first.pages == 3 and len(first.items) == 20
    assert [d.name for d in first.items] == sorted(d.name for d in first.items)
    last = device_list.search(hq, CITY, DeviceQuery(page=99))
    assert last.page == 3 and len(last.items) == EXTRA + 2 - 40
    every = [d.name for p in (1, 2, 3) for d in device_list.search(hq, CITY, DeviceQuery(page=p)).items]
    assert len(set(every)) == EXTRA + 2  # no device on two pages, none left out
    # by cadre name (sealed: matched outside SQL, then the devices holding their households in SQL)
    (found,) = device_list.search(hq, CITY, DeviceQuery(q="王芳")).items
    assert found.device_id == lanling and found.cadres == ["王芳"] and found.households == 3
    assert found.batches >= 1 and found.last_batch_at
    assert names(hq, CITY, q=lanshan[:8]) == ["兰山区-刘洋"]  # a device id prefix
    assert names(hq, CITY, q="备用机-4") == [f"备用机-4{i}" for i in range(5)]
    assert names(hq, CITY, q="%") == [] and names(hq, CITY, q="不存在的设备") == []
    synced = {"一号机", "兰山区-刘洋"}
    assert set(names(hq, CITY, sort="recent")[:2]) == synced  # never-synced devices last
    newest = [
        d.name
        for p in (1, 2, 3)
        for d in device_list.search(hq, CITY, DeviceQuery(sort="enrolled", page=p)).items
    ]
    assert set(newest[-2:]) == synced  # enrolled before the others
    # a county clerk: only the devices holding households of the county, and no other by id
    assert names(hq, LANSHAN_CLERK) == ["兰山区-刘洋"]
    (mine,) = device_list.search(hq, LANSHAN_CLERK, DeviceQuery()).items
    assert mine.households == 1 and mine.cadres == []
    assert device_list.find(hq, LANSHAN_CLERK, lanling) is None
    assert device_list.find(hq, LANLING_CLERK, lanling) is not None
    assert names(hq, LANSHAN_CLERK, q="王芳") == []
    # the JSON API's page: the same devices with their gaps and alerts
    page = ledger_api.device_page(hq, DeviceQuery(q="王芳"))
    assert page.total == 1 and page.items[0].device_id == lanling and page.items[0].cadres == ["王芳"]
    assert page.items[0].last_batch_seq == page.items[0].batches


def test_the_console_page_and_the_api_are_paged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    try:
        lanling, _ = _world(hq, tmp_path)
        accounts.add_account(hq, "city", "city", PASSWORD)
        accounts.add_account(hq, "lanshan", "county", PASSWORD, county=LANSHAN)
        token = accounts.issue_api_token(hq, "city")
        with TestClient(create_app(hq), follow_redirects=False) as c:
            sign_in(c, "city")
            html = c.get("/console/devices").text
            assert "共 47 台" in html and "第 1 / 3 页" in html and html.count('title="设备编号"') == 20
            assert 'href="?q=&amp;sort=name&amp;page_no=2"' in html
            html = c.get("/console/devices?page_no=3").text
            assert "第 3 / 3 页" in html and html.count('title="设备编号"') == 7
            html = c.get("/console/devices", params={"q": "王芳"}).text
            assert "符合条件的共 1 台" in html and "一号机" in html and "王芳" in html
            html = c.get("/console/devices", params={"q": "<script>"}).text
            assert (
                "没有符合条件的设备" in html and "<script>" not in html.split("<main")[-1].split("</form>")[0]
            )
            assert c.get("/console/devices?sort=x;drop").status_code == 200  # an unknown sort: by name
            r = c.get("/api/v1/devices", params={"page": 3}, headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["total"] == 47 and body["pages"] == 3 and len(body["items"]) == 7
            r = c.get(
                "/api/v1/devices",
                params={"q": "王芳", "page_size": 5},
                headers={"Authorization": f"Bearer {token}"},
            )
            (only,) = r.json()["items"]
            assert only["device_id"] == lanling and only["cadres"] == ["王芳"] and only["households"] == 3
            r = c.get("/api/v1/devices?page_size=500", headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 400 and re.search("[\u4e00-\u9fff]", r.text)
        # many cadres: the handover form asks for the receiving cadre's name instead of listing all
        monkeypatch.setattr(handovers, "MAX_LISTED", 0)
        with TestClient(create_app(hq), follow_redirects=False) as c:
            csrf = sign_in(c, "city")
            html = c.get("/console/devices").text
            assert (
                'placeholder="接收干部的姓名' in html and '<option value="' not in html.split("移交困难户")[1]
            )
            for typed, error in (("赵六", "没有找到干部“赵六”"), ("", "请从列表中选择接收的干部")):
                form = {"household": "李强", "cadre": typed, "csrf_token": csrf}
                r = c.post("/console/devices/handover", data=form)
                assert r.status_code == 400 and error in r.text, r.text
            r = c.post(
                "/console/devices/handover", data={"household": "李强", "cadre": "王芳", "csrf_token": csrf}
            )
            assert r.status_code == 303, r.text
            assert "移交给 王芳（一号机）" in c.get(r.headers["location"]).text
            (moved,) = device_list.search(hq, CITY, DeviceQuery(q="王芳")).items
            assert moved.device_id == lanling and moved.households == 4
        with TestClient(create_app(hq), follow_redirects=False) as c:
            sign_in(c, "lanshan")
            html = c.get("/console/devices").text
            assert "共 1 台" in html and "一号机" in html  # 李强 (兰山区) is now on 一号机
    finally:
        hq.close()
