"""The console in a real browser: Debian's chromium (Playwright) against `fieldapp-hq serve`.

A laptop uploads its households over HTTP; a city clerk signs in, finds a household by its
pinyin initials and opens its file; a county clerk of another county sees none of it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import TODAY, head_data, household_data
from tests.test_hq_ledger import LANSHAN_VILLAGE
from tests.test_sync_e2e import Server
from tests.test_sync_protocol import enrolled_device

from fieldapp.hq import accounts
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.services import households, visits
from fieldapp.services.visits import VisitData
from fieldapp.sync import client

CHROMIUM = os.environ.get("FIELDAPP_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "browser-test-口令"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    srv = Server(url, tmp_path)
    srv.start()
    yield srv
    srv.stop()


def test_sign_in_search_by_initials_open_the_file_and_county_scope(server: Server, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    hq = HQ(server.db_url)
    try:
        accounts.add_account(hq, "市总-张敏", "city", PASSWORD)
        accounts.add_account(hq, "兰山区-赵", "county", PASSWORD, county="371302")
        db = enrolled_device(hq, tmp_path / "laptop", name="兰陵县卞庄街道-王芳")
        lanshan = enrolled_device(hq, tmp_path / "lanshan", name="兰山区-刘洋")
    finally:
        hq.close()
    hid = households.create_household(db, household_data(), head_data(11, "张海生")).id
    households.create_household(db, household_data(phone=None), head_data(13, "李四"))
    visits.record_visit(db, VisitData(household_id=hid, visit_date=TODAY, notes="屋顶漏雨，需要修缮"))
    report = client.upload(db, server.url)
    assert report.batches == 1
    db.close()
    households.create_household(
        lanshan, household_data(village_code=LANSHAN_VILLAGE, phone=None), head_data(17, "刘洋洋")
    )
    client.upload(lanshan, server.url)
    lanshan.close()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="zh-CN")
            page.goto(f"{server.url}/console/households")  # not signed in: the sign-in page
            expect(page.get_by_role("heading", name="工作人员登录")).to_be_visible()
            page.get_by_label("账号").fill("市总-张敏")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_role("button", name="登录").click()
            expect(page.locator("h1")).to_contain_text("困难户台账")
            expect(page.locator("h1")).to_contain_text("共 3 户")
            page.get_by_placeholder("姓名、拼音首字母").fill("zhs")
            page.get_by_role("button", name="查询").click()
            rows = page.locator("table.grid tbody tr")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text("张海生")
            expect(rows.first).to_contain_text("138****1234")
            rows.first.get_by_role("link", name="张海生").click()
            expect(page.locator("h1")).to_contain_text("张海生")
            expect(page.get_by_text("屋顶漏雨，需要修缮")).to_be_visible()
            expect(page.locator("dl.facts")).to_contain_text("兰陵县卞庄街道-王芳")
            file_url = page.url
            page.get_by_role("button", name="退出").click()
            expect(page.get_by_role("heading", name="工作人员登录")).to_be_visible()
            # a clerk of 兰山区 sees only 兰山区, and the 兰陵县 household's address is a 404
            page.get_by_label("账号").fill("兰山区-赵")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_role("button", name="登录").click()
            expect(page.locator("h1")).to_contain_text("兰山区，共 1 户")
            expect(page.locator("table.grid tbody")).to_contain_text("刘洋洋")
            expect(page.locator("table.grid tbody")).not_to_contain_text("张海生")
            response = page.goto(file_url)
            assert response is not None and response.status == 404
            expect(page.locator("main")).to_contain_text("没有这一户，或不在您的查看范围内")
            assert "张海生" not in page.content()
        finally:
            browser.close()


def test_recover_a_cloned_laptop_hand_over_by_name_and_set_reference_data(
    server: Server, tmp_path: Path
) -> None:
    """An administrator in the browser: recovers a laptop refused as a clone (the genuine laptop
    re-enrols with the downloaded file and syncs), hands a household to a cadre chosen by name,
    and sets the 低保 standard and a form template — all reaching the devices."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium)")
    import shutil

    from playwright.sync_api import expect, sync_playwright
    from tests.test_sync_forms_pairings import NEW_TITLE, _template_text

    from fieldapp.services import cadres, settings
    from fieldapp.storage.db import open_database

    hq = HQ(server.db_url)
    try:
        accounts.add_account(hq, "admin-2", "admin", PASSWORD)
        genuine = enrolled_device(hq, tmp_path / "genuine", name="兰陵县-王芳")
        other = enrolled_device(hq, tmp_path / "other", name="兰陵县-赵敏")
    finally:
        hq.close()
    wang = cadres.add_cadre(genuine, "王芳")
    hid = households.create_household(genuine, household_data(), head_data(11, "张海生")).id
    cadres.pair(genuine, wang, hid)
    assert client.upload(genuine, server.url).ok
    cadres.add_cadre(other, "赵敏")
    assert client.upload(other, server.url).ok
    genuine.close()
    shutil.copytree(tmp_path / "genuine", tmp_path / "copy")  # the ledger folder copied to a 2nd laptop
    copy = open_database(tmp_path / "copy")
    households.create_household(copy, household_data(phone=None), head_data(12, "复制机户"))
    assert client.upload(copy, server.url).ok
    copy.close()
    genuine = open_database(tmp_path / "genuine")
    households.create_household(genuine, household_data(phone=None), head_data(13, "李真"))
    assert not client.upload(genuine, server.url).ok  # refused as a cloned database
    template = tmp_path / "household_registration.toml"
    template.write_text(_template_text("household_registration", NEW_TITLE), encoding="utf-8")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(
                viewport={"width": 1366, "height": 768}, locale="zh-CN", accept_downloads=True
            )
            page.goto(f"{server.url}/console/login")
            page.get_by_label("账号").fill("admin-2")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_role("button", name="登录").click()
            page.get_by_role("link", name="设备与干部").click()
            row = page.locator("table.devices tbody tr", has_text="兰陵县-王芳")
            expect(row).to_contain_text("疑似复制")
            expect(page.locator("table.alerts")).to_contain_text("疑似复制的数据库（克隆）")
            with page.expect_download() as got:
                row.get_by_role("button", name="恢复设备").click()
            recovery_file = tmp_path / "recover.enrol"
            got.value.save_as(recovery_file)
            page.reload()
            expect(row).to_contain_text("等待恢复登记")
            # the genuine laptop re-enrols with the downloaded file and syncs what was refused
            assert "登记成功" in client.enroll_online(genuine, client.load_enrolment(str(recovery_file)))
            report = client.upload(genuine, server.url)
            assert report.ok and report.batches == 1, report.message
            page.reload()
            expect(row).to_have_count(2)  # the old identity (revoked) and the new one
            expect(row.filter(has_text="已停用")).to_contain_text("已恢复为新身份")
            expect(row.filter(has_text="正常")).to_contain_text("3")  # owns all three households now
            # hand 张海生 to 赵敏, both chosen by name
            page.get_by_label("要移交的困难户").fill("张海生")
            page.get_by_label("接收的干部").select_option(label="赵敏（兰陵县-赵敏）")
            page.get_by_label("移交原因").fill("王芳调岗")
            page.get_by_role("button", name="移交", exact=True).click()
            expect(page.locator("p.ok")).to_contain_text("移交给 赵敏（兰陵县-赵敏）")
            # 参考数据: a bad 低保 standard is refused, a good one and a form template are sent
            page.get_by_role("link", name="参考数据").click()
            page.get_by_label("低保标准（元/月）").fill("九百")
            page.get_by_role("button", name="设定低保标准").click()
            expect(page.locator("p.error")).to_contain_text("低保标准填写不对")
            page.get_by_label("低保标准（元/月）").fill("950")
            page.get_by_role("button", name="设定低保标准").click()
            expect(page.locator("p.ok")).to_contain_text("950.00 元/月")
            page.get_by_label("表单模板文件").set_input_files(str(template))
            page.get_by_role("button", name="检查并下发").click()
            expect(page.locator("p.ok")).to_contain_text("已下发表单模板 household_registration")
            expect(page.locator("main")).to_contain_text(NEW_TITLE)
        finally:
            browser.close()
    report = client.upload(other, server.url)
    assert report.ok
    assert households.get_household(other, hid).owner_device == other.device_id  # handed over
    assert settings.dibao_standard_fen(other) == 95000
    assert (tmp_path / "other" / "forms" / "household_registration.toml").exists()
    names = {h.head_name for h in households.list_households(genuine)}
    assert {"张海生", "李真"} <= names
    genuine.close()
    other.close()
