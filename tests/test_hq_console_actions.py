"""Staff actions in the console (hq/actions.py, shared with the CLI): referral outcomes, the
return-stub scanner box, conflicts side by side, device enrolment and revocation; who is refused.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.conftest import head_data, household_data
from tests.test_hq_console import (  # noqa: F401  (fixtures)
    PASSWORD,
    _hidden,
    app_client,
    hq,
    ids,
    sign_in,
    world,
)
from tests.test_hq_ledger import LANLING, Ledger
from tests.test_sync_hq_reply import _household_with_records, _last_payload, sync
from tests.test_sync_protocol import enrolled_device

from fieldapp.domain import vocab
from fieldapp.hq import accounts, ledger
from fieldapp.hq.accounts import Staff
from fieldapp.hq.app import create_app
from fieldapp.hq.ledger import ReferralQuery
from fieldapp.hq.ledger_index import referral_code
from fieldapp.hq.models import ConsoleAudit
from fieldapp.hq.store import HQ
from fieldapp.printing import qr
from fieldapp.services import households, referrals
from fieldapp.storage.models import OutboxEntry
from fieldapp.sync import client

CITY = Staff(1, "市总", "city")


def _referral(world: tuple[HQ, Ledger]) -> str:
    return world[1].referral_id


def test_a_referral_outcome_recorded_in_the_browser_reaches_the_device(tmp_path: Path) -> None:
    server = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    server.init()
    db = enrolled_device(server, tmp_path / "a", "兰陵县-王芳")
    try:
        hid, ref = _household_with_records(db, tmp_path)
        sync(db, server)
        accounts.add_account(server, "lanling", "county", PASSWORD, county=LANLING)
        with TestClient(create_app(server), follow_redirects=False) as c:
            csrf = sign_in(c, "lanling")
            page = c.get(f"/console/referrals/{ref}")
            assert page.status_code == 200 and "已转介" in page.text
            offered = set(re.findall(r'name="status" value="([^"]+)"', page.text))
            assert offered == {"已受理", "已退回", "已撤销"}  # 已办结 needs 已受理 first
            r = c.post(
                f"/console/referrals/{ref}/outcome",
                data={"csrf_token": csrf, "status": "已受理", "note": "县人社局已受理"},
            )
            assert r.status_code == 303, r.text
            assert "已受理" in c.get(r.headers["location"]).text
            listing = c.get("/console/referrals", params={"status": "已受理"})
            assert referral_code(ref) in listing.text
        report = sync(db, server)  # the device's next reply
        assert "转介办理结果 1 条" in " ".join(report.details)
        got = referrals.get_referral(db, ref)
        assert got.status == vocab.ReferralStatus.ACCEPTED
        latest = referrals.history(db, ref)[-1]
        assert (latest.note, latest.recorded_by, latest.origin_device) == ("县人社局已受理", "lanling", "hq")
        with server.session() as s:
            entry = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "referral_outcome")).one()
            assert entry.account == "lanling" and "已转介 → 已受理" in entry.detail
        assert hid
    finally:
        db.close()
        server.close()


def test_referrals_page_searches_by_printed_code_filters_and_scopes(
    app_client: TestClient, hq: HQ, world: tuple[HQ, Ledger]
) -> None:
    ref = _referral(world)
    sign_in(app_client, "city")
    page = app_client.get("/console/referrals", params={"q": referral_code(ref)})
    assert page.status_code == 200 and referral_code(ref) in page.text and "张海生" in page.text
    assert "共 1 条" in page.text
    assert referral_code(ref) not in app_client.get("/console/referrals", params={"status": "已办结"}).text
    assert referral_code(ref) not in app_client.get("/console/referrals", params={"county": "371302"}).text
    # overdue follow-ups: counted in SQL against the day asked
    late = ledger.search_referrals(hq, CITY, ReferralQuery(overdue=True), today="2099-01-01")
    assert late.total == late.overdue == 1 and late.items[0].overdue_days > 0
    assert ledger.search_referrals(hq, CITY, ReferralQuery(overdue=True)).total == 0
    sign_in(app_client, "lanshan")
    assert referral_code(ref) not in app_client.get("/console/referrals").text
    assert app_client.get(f"/console/referrals/{ref}").status_code == 404


def test_a_scanned_return_stub_opens_its_referral(app_client: TestClient, world: tuple[HQ, Ledger]) -> None:
    ref = _referral(world)
    sign_in(app_client, "lanling")
    r = app_client.get("/console/referrals/scan", params={"code": qr.referral_payload(ref)})
    assert r.status_code == 303 and r.headers["location"] == f"/console/referrals/{ref}"
    r = app_client.get("/console/referrals/scan", params={"code": referral_code(ref).lower()})
    assert r.headers["location"] == f"/console/referrals/{ref}"
    bad = qr.referral_payload(ref)[:-1] + ("0" if qr.referral_payload(ref)[-1] != "0" else "1")
    r = app_client.get("/console/referrals/scan", params={"code": bad})
    assert "校验码不符" in unquote(r.headers["location"])
    assert "校验码不符" in app_client.get(r.headers["location"]).text
    sign_in(app_client, "lanshan")  # another county's stub: not found, nothing leaked
    r = app_client.get("/console/referrals/scan", params={"code": qr.referral_payload(ref)})
    assert "没有找到这条转介" in unquote(r.headers["location"])


def test_who_may_record_outcomes_resolve_and_manage_devices(
    app_client: TestClient, hq: HQ, world: tuple[HQ, Ledger]
) -> None:
    ref = _referral(world)
    outcome = {"status": "已受理", "note": ""}
    csrf = sign_in(app_client, "viewer")
    page = app_client.get(f"/console/referrals/{ref}")
    assert page.status_code == 200 and "只能查看" in page.text and 'name="status"' not in page.text
    r = app_client.post(f"/console/referrals/{ref}/outcome", data={**outcome, "csrf_token": csrf})
    assert r.status_code == 403 and "只读账号" in r.text
    assert (
        app_client.post("/console/conflicts/1/resolve", data={"csrf_token": csrf, "keep": "a"}).status_code
        == 403
    )
    csrf = sign_in(app_client, "lanshan")  # another county's referral, by URL: 404 as if it did not exist
    r = app_client.post(f"/console/referrals/{ref}/outcome", data={**outcome, "csrf_token": csrf})
    assert r.status_code == 404 and "张海生" not in r.text
    assert app_client.get("/console/conflicts").status_code == 200  # its own county's conflicts only
    r = app_client.post("/console/conflicts/1/resolve", data={"csrf_token": csrf, "keep": "a"})
    assert r.status_code == 404
    csrf = sign_in(app_client, "city")
    r = app_client.post("/console/devices/enrol", data={"csrf_token": csrf, "name": "兰陵县-新"})
    assert r.status_code == 403 and "只有系统管理员" in r.text
    assert "登记新设备" not in app_client.get("/console/devices").text
    r = app_client.post(
        f"/console/referrals/{ref}/outcome", data={"status": "已受理", "csrf_token": "forged"}
    )
    assert r.status_code == 403
    # nothing was recorded by any of them
    assert ledger.referral_detail(hq, CITY, ref).line.status == "已转介"  # type: ignore[union-attr]


def test_admin_enrols_and_revokes_a_device_and_reads_alerts_in_chinese(
    app_client: TestClient, hq: HQ, tmp_path: Path
) -> None:
    csrf = sign_in(app_client, "admin")
    r = app_client.post("/console/devices/enrol", data={"csrf_token": csrf, "name": "兰陵县-赵敏"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    enrolment = json.loads(r.content)
    assert enrolment["kind"] == "fieldapp-enrolment" and enrolment["name"] == "兰陵县-赵敏"
    db = enrolled_device_from(hq, tmp_path / "zm", enrolment)
    try:
        (dev,) = [d for d in hq.devices() if d.name == "兰陵县-赵敏"]
        r = app_client.post(f"/console/devices/{dev.device_id}/revoke", data={"csrf_token": csrf})
        assert r.status_code == 303 and "已停用设备" in unquote(r.headers["location"])
        households.create_household(db, household_data(), head_data(31, "赵敏"))
        client.cut_batches(db)
        assert not hq.ingest(client._unacked(db)[0].sealed, "usb").ok
        page = app_client.get("/console/devices")
        assert "已停用的设备仍在上传" in page.text and "兰陵县-赵敏" in page.text
        assert "DEVICE_REVOKED" not in page.text
    finally:
        db.close()
    audit = app_client.get("/console/audit").text
    assert "生成设备登记文件" in audit and "停用设备" in audit


def enrolled_device_from(hq: HQ, data_dir: Path, enrolment: dict[str, str]):  # type: ignore[no-untyped-def]
    from fieldapp.storage.db import open_database

    db = open_database(data_dir)
    hq.enrol(client.start_enrolment(db, enrolment))
    client.mark_enrolled(db)
    return db


def test_conflicts_side_by_side_under_chinese_labels_and_resolved_in_the_browser(tmp_path: Path) -> None:
    server = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    server.init()
    a = enrolled_device(server, tmp_path / "a", "甲")
    b = enrolled_device(server, tmp_path / "b", "乙")
    try:
        hid = households.create_household(a, household_data(), head_data()).id
        sync(a, server)
        households.update_household(a, hid, household_data(address_detail="原来的地址"))
        sync(a, server)
        row = dict(json.loads(_last_payload(a, hid)))
        row["address_detail"] = "备份里的地址"
        with b.session() as s:
            s.add(
                OutboxEntry(
                    entity="household",
                    row_id=hid,
                    op="update",
                    hlc=row["hlc"] + 1,
                    version=2,
                    payload=json.dumps(row, ensure_ascii=False),
                )
            )
        client.cut_batches(b)
        assert server.ingest(client._unacked(b)[0].sealed).conflicts == 1
        accounts.add_account(server, "city", "city", PASSWORD)
        accounts.add_account(server, "lanling", "county", PASSWORD, county=LANLING)
        accounts.add_account(server, "lanshan", "county", PASSWORD, county="371302")
        with TestClient(create_app(server), follow_redirects=False) as c:
            (conflict,) = server.conflicts()
            # conflicts are split by county: another county's clerk sees none and gets 404 by URL
            csrf = sign_in(c, "lanshan")
            page = c.get("/console/conflicts")
            assert (
                page.status_code == 200 and "没有待处理的冲突" in page.text and "原来的地址" not in page.text
            )
            r = c.post(f"/console/conflicts/{conflict['id']}/resolve", data={"csrf_token": csrf, "keep": "a"})
            assert r.status_code == 404 and "原来的地址" not in r.text and "张海生" not in r.text
            csrf = sign_in(c, "lanling")  # the household's county sees it (and may resolve it)
            assert "备份里的地址" in c.get("/console/conflicts").text
            assert (
                c.post(f"/console/conflicts/{conflict['id']}/resolve", data={"keep": "a"}).status_code == 403
            )
            assert server.conflicts()[0]["resolved_at"] is None  # nothing changed by any of these
            csrf = sign_in(c, "city")
            page = c.get("/console/conflicts")
            assert "详细地址" in page.text and "原来的地址" in page.text and "备份里的地址" in page.text
            assert (
                "address_detail" not in page.text
                and "hlc" not in page.text
                and "不负责该户的设备的修改" in page.text
            )
            keep = "a" if conflict["a"]["row"]["address_detail"] == "原来的地址" else "b"
            r = c.post(
                f"/console/conflicts/{conflict['id']}/resolve", data={"csrf_token": csrf, "keep": keep}
            )
            assert r.status_code == 303 and "已处理" in unquote(r.headers["location"])
            assert "没有待处理的冲突" in c.get("/console/conflicts").text
            again = c.post(
                f"/console/conflicts/{conflict['id']}/resolve", data={"csrf_token": csrf, "keep": keep}
            )
            assert again.status_code == 400 and "已于" in again.text
        sync(a, server)
        assert households.get_household(a, hid).address_detail == "原来的地址"
    finally:
        a.close()
        b.close()
        server.close()
