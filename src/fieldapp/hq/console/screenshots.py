"""Take the README's console screenshots at 1366x768 from a real server on demo data.

    python -m fieldapp.hq.console.screenshots docs/screenshots/hq

Two demo laptops upload their households over HTTP to a `fieldapp-hq serve` on 127.0.0.1 in a
temporary folder; Debian's chromium (driven by Playwright, a development dependency) signs in
as each kind of staff. Never touches real data.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from fieldapp.hq import accounts
from fieldapp.hq.store import HQ
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import open_database
from fieldapp.sync import client

WIDTH, HEIGHT = 1366, 768
CHROMIUM = os.environ.get("FIELDAPP_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "screenshot-口令-2026"
STAFF = (("admin", "admin", ""), ("市总-张敏", "city", ""), ("兰陵县-李娜", "county", "371324"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed(url: str, work: Path) -> None:
    """Headquarters with staff accounts and two enrolled laptops holding demo households."""
    hq = HQ(url)
    hq.init()
    try:
        accounts.ensure_first_admin(hq, PASSWORD)
        for name, role, county in STAFF[1:]:
            accounts.add_account(hq, name, role, PASSWORD, county=county)
        same_person = ""
        for i, name in enumerate(("兰陵县卞庄街道-王芳", "兰山区-刘洋")):
            db = open_database(work / f"laptop-{i}")
            hq.enrol(client.start_enrolment(db, hq.issue_enrolment(name)))
            client.mark_enrolled(db)
            fill_demo_data(db, 14, seed=2014 + i)
            same_person = _stage_duplicate(db, same_person if i else "")
            db.close()
    finally:
        hq.close()


def _stage_duplicate(db: Any, id_number: str) -> str:
    """疑似重复: the second laptop registers again a person the first one holds (by ID number).

    On the first laptop: returns the ID number of its first household's head."""
    from sqlalchemy import select

    from fieldapp.domain import vocab
    from fieldapp.domain.people import HouseholdData, MemberData
    from fieldapp.services import households
    from fieldapp.storage.models import Household, Member

    with db.session() as s:
        if not id_number:
            head = s.scalars(
                select(Member).where(Member.relation == vocab.Relation.HEAD, Member.id_number.is_not(None))
            ).first()
            return str(head.id_number) if head is not None else ""
        h = s.scalars(select(Household)).first()
        village = h.village_code if h is not None else "371302001001"
    if id_number:
        households.create_household(
            db,
            HouseholdData(pairing_basis=vocab.PairingBasis.CONTACT_HOUSEHOLD, village_code=village),
            MemberData(name="王重登", relation=vocab.Relation.HEAD, id_number=id_number),
        )
    return id_number


def upload_all(work: Path, server: str) -> None:
    for folder in sorted(work.glob("laptop-*")):
        db = open_database(folder)
        try:
            client.upload(db, server)
        finally:
            db.close()


def stage_conflict(url: str) -> None:
    """A restored old copy of one household (same version, another address and phone), as ingest
    would record it, so the 冲突 page has something to show; demo data only."""
    import json

    from sqlalchemy import select

    from fieldapp.hq.models import Conflict, Device, Record

    hq = HQ(url)
    try:
        with hq.session() as s:
            rec = s.scalars(
                select(Record).where(Record.entity == "household").order_by(Record.row_id)
            ).first()
            other = s.scalars(
                select(Device).where(Device.device_id != (rec.device_id if rec else ""))
            ).first()
            if rec is None or other is None:
                return
            row = json.loads(rec.data)
            copy = dict(row, address_detail="幸福路12号（备份里的旧地址）", phone="13905390000")
            s.add(
                Conflict(
                    entity="household",
                    row_id=rec.row_id,
                    version=rec.version,
                    device_a=rec.device_id,
                    data_a=rec.data,
                    device_b=other.device_id,
                    data_b=json.dumps(copy, ensure_ascii=False),
                )
            )
    finally:
        hq.close()


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url = f"sqlite:///{(work / 'hq.sqlite').as_posix()}"
        seed(url, work)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = (work / "serve.log").open("wb")
        cmd = [sys.executable, "-m", "fieldapp.hq.cli", "--db", url, "serve", "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait(base)
            upload_all(work, base)
            stage_conflict(url)
            stage_clone(work, base)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")

                def shot(name: str, full: bool = False) -> None:
                    page.screenshot(path=str(out / f"{name}.png"), full_page=full)
                    print(out / f"{name}.png")

                def sign_in(name: str) -> None:
                    page.goto(f"{base}/console/login")
                    page.fill("input[name=name]", name)
                    page.fill("input[name=password]", PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_url("**/console/households")

                page.goto(f"{base}/console/")
                shot("01-login")
                sign_in("市总-张敏")
                shot("02-ledger")
                first = page.locator("table.grid tbody tr td:nth-child(2) a").first
                initials = _initials(first.inner_text())
                page.fill("input[name=q]", initials)
                page.click("form.filters button")
                shot("03-search-initials")
                page.locator("table.grid tbody tr td:nth-child(2) a").first.click()
                page.wait_for_url("**/console/households/*")
                shot("04-household", full=True)
                page.goto(f"{base}/console/devices")
                shot("05-devices")
                page.click("button:has-text('退出')")
                sign_in("兰陵县-李娜")
                shot("06-county-clerk")
                page.click("button:has-text('退出')")
                sign_in("admin")
                page.goto(f"{base}/console/accounts")
                shot("07-accounts")
                page.goto(f"{base}/console/referrals")
                shot("09-referrals")
                page.locator("table.grid tbody tr td:nth-child(1) a").first.click()
                page.wait_for_url("**/console/referrals/*")
                shot("10-referral", full=True)
                page.goto(f"{base}/console/conflicts")
                shot("11-conflicts")
                page.goto(f"{base}/console/devices")
                page.locator("tr", has_text="兰山区-刘洋").locator("button:has-text('停用')").click()
                page.wait_for_url("**/console/devices?done=*")
                _refused_upload(work, base)
                page.goto(f"{base}/console/devices")
                shot("12-devices-admin", full=True)
                page.goto(f"{base}/console/reference")
                page.fill("input[name=yuan]", "950")
                page.click("button:has-text('设定低保标准')")
                page.wait_for_selector("p.ok")
                shot("20-reference", full=True)
                page.goto(f"{base}/console/password")
                shot("21-password")
                page.goto(f"{base}/console/households")
                page.locator("table.grid tbody tr td:nth-child(2) a").first.click()
                page.wait_for_url("**/console/households/*")
                page.click("button:has-text('显示完整号码')")
                page.wait_for_load_state()
                shot("22-household-revealed")
                page.goto(f"{base}/console/duplicates")
                shot("23-duplicates", full=True)
                page.goto(f"{base}/console/audit")
                shot("08-audit")
                stats_shots(url, base, page, shot)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
            log.close()


def stats_shots(url: str, base: str, page: Any, shot: Callable[..., None]) -> None:
    """The statistics pages (console/stats_views.py) with a campaign running since 20 days."""
    import datetime as dt

    from fieldapp.domain import clock
    from fieldapp.hq import campaign

    today = clock.today()
    hq = HQ(url)
    try:
        start, end = today - dt.timedelta(days=20), today + dt.timedelta(days=10)
        campaign.set_campaign(
            hq, f"{start.year}年{start.month}月再摸底", str(start), str(end), [], "市总-张敏"
        )
    finally:
        hq.close()
    for name, path in (
        ("13-stats-households", "/console/stats"),
        ("14-stats-campaign", "/console/stats/campaign"),
        ("15-stats-item19", "/console/stats/item19"),
        ("16-stats-referrals", "/console/stats/referrals"),
        ("17-stats-relief", "/console/stats/relief"),
        ("18-stats-cadres", "/console/stats/cadres"),
    ):
        page.goto(f"{base}{path}")
        shot(name)
    page.goto(f"{base}/console/stats")
    page.locator("table.stats tbody td a").first.click()
    page.wait_for_url("**/console/stats/list*")
    shot("19-stats-list")


def stage_clone(work: Path, server: str) -> None:
    """The first laptop's folder copied to another laptop: the copy syncs first, then the real
    laptop is refused as a cloned database (so 设备与干部 shows 疑似复制 and 恢复设备)."""
    import shutil

    from fieldapp.services import households

    first = sorted(work.glob("laptop-*"))[0]
    shutil.copytree(first, work / "copy")
    for folder in (work / "copy", first):
        db = open_database(folder)
        try:
            h = households.list_households(db)[0]
            data = households.household_data(households.get_household(db, h.id))
            households.update_household(db, h.id, replace(data, note=f"{folder.name} 上的修改"))
            client.upload(db, server)
        finally:
            db.close()


def _refused_upload(work: Path, server: str) -> None:
    """The revoked laptop tries to upload once more: headquarters refuses and raises an alert."""
    import dataclasses

    from fieldapp.services import households
    from fieldapp.sync.protocol import SyncError

    db = open_database(sorted(work.glob("laptop-*"))[-1])
    try:
        first = households.list_households(db)[0]
        data = households.household_data(households.get_household(db, first.id))
        households.update_household(db, first.id, dataclasses.replace(data, note="补充：已联系社区"))
        client.upload(db, server)
    except SyncError:
        pass  # refused, as it should be
    finally:
        db.close()


def _initials(name: str) -> str:
    from fieldapp.domain.search import pinyin_initials

    return pinyin_initials(name).split()[0]


def _wait(base: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("fieldapp-hq serve did not start")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/hq"))
