"""The conflict queue pages like every other list: 20 to a page in the console and the API, and
only the conflicts of the page are built (device names are sealed: only their devices' names are
opened). A county clerk still sees only their county's conflicts."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from tests.conftest import head_data, household_data
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_hq_ledger import LANLING
from tests.test_sync_hq_reply import sync
from tests.test_sync_protocol import enrolled_device

from fieldapp.hq import accounts, ledger_api
from fieldapp.hq.accounts import Staff
from fieldapp.hq.app import create_app
from fieldapp.hq.models import Conflict, Record
from fieldapp.hq.store import HQ
from fieldapp.services import households


def _with_conflicts(tmp_path: Path, n: int) -> tuple[HQ, str]:
    server = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    server.init()
    device = enrolled_device(server, tmp_path / "a", "甲")
    hid = households.create_household(device, household_data(), head_data()).id
    sync(device, server)
    device.close()
    with server.session() as s:  # n conflicts of the household, each its own other value
        row = s.get(Record, (hid, "household"))
        assert row is not None
        data = json.loads(row.data)
        for i in range(n):
            other = json.dumps(dict(data, address_detail=f"第{i:02d}个地址"), ensure_ascii=False)
            s.add(
                Conflict(
                    entity="household",
                    row_id=hid,
                    version=row.version,
                    device_a=row.device_id,
                    data_a=row.data,
                    device_b=row.device_id,
                    data_b=other,
                )
            )
    return server, hid


def test_twenty_conflicts_a_page_in_the_console_and_the_api(tmp_path: Path) -> None:
    server, _hid = _with_conflicts(tmp_path, 25)
    try:
        accounts.add_account(server, "city", "city", PASSWORD)
        accounts.add_account(server, "lanshan", "county", PASSWORD, county="371302")
        with TestClient(create_app(server), follow_redirects=False) as c:
            sign_in(c, "city")
            first = c.get("/console/conflicts")
            assert first.status_code == 200
            assert first.text.count('class="conflict panel wide"') == 20 and "第 1 / 2 页" in first.text
            assert "共 25 条" in first.text and "第00个地址" in first.text and "第24个地址" not in first.text
            second = c.get("/console/conflicts?page_no=2")
            assert second.text.count('class="conflict panel wide"') == 5 and "第24个地址" in second.text
            sign_in(c, "lanshan")  # the household is in 兰陵县: another county's clerk sees none
            assert "没有待处理的冲突" in c.get("/console/conflicts").text
        page = ledger_api.search_conflicts(server, Staff(1, "city", "city"), page=2)
        assert (page.total, page.pages, len(page.items)) == (25, 2, 5)
        assert ledger_api.search_conflicts(server, Staff(2, "lanling", "county", LANLING)).total == 25
        one = ledger_api.conflict(server, Staff(1, "city", "city"), page.items[0].id)
        assert one is not None and one.id == page.items[0].id
    finally:
        server.close()
