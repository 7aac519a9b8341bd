"""The console's pages and /api/v1/households through FastAPI's TestClient, over synced households.

Sign-in, cookies, CSRF, idle sign-out, the county scope by URL and by API (404, nothing leaked),
read-only accounts, escaping, the audit log, and the OpenAPI description of the JSON API.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from tests.test_hq_ledger import EVIL_NAME, LANLING, Ledger, synced_ledger

from fieldapp.hq import accounts
from fieldapp.hq.app import create_app
from fieldapp.hq.models import Account, ConsoleAudit, ConsoleSession
from fieldapp.hq.store import HQ
from fieldapp.storage.base import utcnow

PASSWORD = "console-test-口令"
STAFF = {
    "admin": ("admin", ""),
    "city": ("city", ""),
    "lanling": ("county", LANLING),
    "lanshan": ("county", "371302"),
    "viewer": ("readonly", ""),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HQ, Ledger]]:
    """One headquarters for the module (Argon2id is slow on purpose): households and staff."""
    tmp = tmp_path_factory.mktemp("console")
    hq = HQ(f"sqlite:///{(tmp / 'hq.sqlite').as_posix()}")
    hq.init()
    led = synced_ledger(hq, tmp)
    led.lanling.close()
    led.lanshan.close()
    for name, (role, county) in STAFF.items():
        accounts.add_account(hq, name, role, PASSWORD, county=county)
    yield hq, led
    hq.close()


@pytest.fixture
def hq(world: tuple[HQ, Ledger]) -> HQ:
    return world[0]


@pytest.fixture
def ids(world: tuple[HQ, Ledger]) -> dict[str, str]:
    return world[1].ids


@pytest.fixture
def app_client(hq: HQ) -> Iterator[TestClient]:
    with TestClient(create_app(hq), follow_redirects=False) as c:
        yield c


def _hidden(html: str, name: str = "csrf_token") -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, html
    return found.group(1)


def sign_in(c: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form as a browser does; returns the session's CSRF token."""
    form = c.get("/console/login")
    r = c.post(
        "/console/login",
        data={"name": name, "password": password, "csrf_token": _hidden(form.text), "next": ""},
    )
    assert r.status_code == 303, r.text
    return _hidden(c.get("/console/households").text)


def test_sign_in_sets_a_strict_session_cookie(app_client: TestClient, hq: HQ) -> None:
    assert app_client.get("/console/households").headers["location"].startswith("/console/login")
    form = app_client.get("/console/login")
    assert form.status_code == 200 and "工作人员登录" in form.text
    r = app_client.post(
        "/console/login",
        data={"name": "city", "password": PASSWORD, "csrf_token": _hidden(form.text)},
    )
    assert r.status_code == 303 and r.headers["location"] == "/console/households"
    cookie = next(v for v in r.headers.get_list("set-cookie") if v.startswith("hq_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = app_client.get("/console/households")
    assert page.status_code == 200 and "困难户台账" in page.text and "市总工会工作人员" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    with TestClient(create_app(hq), base_url="https://testserver", follow_redirects=False) as tls:
        form = tls.get("/console/login")
        r = tls.post(
            "/console/login", data={"name": "city", "password": PASSWORD, "csrf_token": _hidden(form.text)}
        )
        cookie = next(v for v in r.headers.get_list("set-cookie") if v.startswith("hq_session="))
        assert "Secure" in cookie and "HttpOnly" in cookie


def test_wrong_password_and_lockout_in_the_browser(app_client: TestClient, hq: HQ) -> None:
    accounts.add_account(hq, "lock-me", "city", PASSWORD)
    form = app_client.get("/console/login")
    for _ in range(5):
        r = app_client.post(
            "/console/login",
            data={"name": "lock-me", "password": "nope-nope-nope", "csrf_token": _hidden(form.text)},
        )
        assert r.status_code == 401 and "账号或密码不对" in r.text
    r = app_client.post(
        "/console/login", data={"name": "lock-me", "password": PASSWORD, "csrf_token": _hidden(form.text)}
    )
    assert (
        r.status_code == 401 and "已锁定" in r.text and "hq_session=" not in r.headers.get("set-cookie", "")
    )


def test_a_county_clerk_gets_404_for_another_countys_household_by_url_and_by_api(
    app_client: TestClient, hq: HQ, ids: dict[str, str]
) -> None:
    sign_in(app_client, "lanling")
    listing = app_client.get("/console/households")
    assert "张海生" in listing.text and "李强" not in listing.text and "兰陵县" in listing.text
    own = app_client.get(f"/console/households/{ids['张海生']}")
    assert own.status_code == 200 and "张小红" in own.text and "第一次走访" in own.text
    other = app_client.get(f"/console/households/{ids['李强']}")
    missing = app_client.get("/console/households/00000000-0000-0000-0000-000000000000")
    assert other.status_code == missing.status_code == 404
    assert "李强" not in other.text and "371302" not in other.text
    assert other.text == missing.text  # indistinguishable from a household that does not exist
    # the JSON API with the same session cookie, then with a bearer token
    api_own = app_client.get(f"/api/v1/households/{ids['张海生']}")
    assert api_own.status_code == 200 and api_own.json()["summary"]["head_name"] == "张海生"
    api_other = app_client.get(f"/api/v1/households/{ids['李强']}")
    assert api_other.status_code == 404 and "李强" not in api_other.text
    token = accounts.issue_api_token(hq, "lanling")
    with TestClient(create_app(hq)) as bare:
        auth = {"Authorization": f"Bearer {token}"}
        assert bare.get(f"/api/v1/households/{ids['李强']}", headers=auth).status_code == 404
        listed = bare.get("/api/v1/households", params={"county": "371302"}, headers=auth).json()
        assert listed["total"] == 0
        listed = bare.get("/api/v1/households", params={"page_size": 50}, headers=auth).json()
        assert {h["county_code"] for h in listed["items"]} == {LANLING} and listed["total"] == 3
        assert bare.get("/api/v1/households", headers={"Authorization": "Bearer forged"}).status_code == 401
        assert bare.get("/api/v1/households").status_code == 401


def test_city_staff_and_the_api_see_the_whole_city(
    app_client: TestClient, hq: HQ, ids: dict[str, str]
) -> None:
    sign_in(app_client, "city")
    page = app_client.get("/console/households", params={"q": "lq"})
    assert "李强" in page.text and "张海生" not in page.text
    r = app_client.get("/api/v1/households", params={"q": "zhs"})
    assert r.status_code == 200
    (item,) = r.json()["items"]
    assert item["head_name"] == "张海生" and item["phone_masked"] == "138****1234"
    detail = app_client.get(f"/console/households/{ids['李强']}")
    assert detail.status_code == 200 and "兰山区-刘洋" in detail.text


def test_posts_without_or_with_a_forged_csrf_token_are_refused(app_client: TestClient, hq: HQ) -> None:
    csrf = sign_in(app_client, "admin")
    form = {"name": "新来的", "role": "city", "county": "", "password": PASSWORD}
    assert app_client.post("/console/accounts", data=form).status_code == 403
    r = app_client.post("/console/accounts", data={**form, "csrf_token": "forged-" + csrf[:10]})
    assert r.status_code == 403 and "表单已过期或来源不明" in r.text
    other = TestClient(create_app(hq), follow_redirects=False)
    with other:
        other_csrf = sign_in(other, "city")
    r = app_client.post("/console/accounts", data={**form, "csrf_token": other_csrf})  # another session's
    assert r.status_code == 403
    assert "新来的" not in [a["name"] for a in accounts.list_accounts(hq)]
    r = app_client.post("/console/accounts", data={**form, "csrf_token": csrf})
    assert r.status_code == 303 and "新来的" in [a["name"] for a in accounts.list_accounts(hq)]
    # signing out and signing in need their tokens too
    assert app_client.post("/console/logout", data={}).status_code == 403
    fresh = TestClient(create_app(hq), follow_redirects=False)
    with fresh:
        fresh.get("/console/login")
        r = fresh.post("/console/login", data={"name": "admin", "password": PASSWORD, "csrf_token": "x"})
        assert r.status_code == 403 and "hq_session=" not in r.headers.get("set-cookie", "")


def test_a_stale_session_is_refused(app_client: TestClient, hq: HQ) -> None:
    csrf = sign_in(app_client, "admin")
    assert app_client.get("/console/households").status_code == 200
    with hq.session() as s:
        s.execute(update(ConsoleSession).values(last_seen_at=utcnow() - dt.timedelta(minutes=31)))
    r = app_client.get("/console/households")
    assert r.status_code == 303 and r.headers["location"] == "/console/login?next=/console/households&idle=1"
    assert "30分钟" in app_client.get(r.headers["location"]).text
    app_client.cookies.set("hq_session", "stale")  # the browser still holds the old cookie
    r = app_client.post(
        "/console/accounts", data={"name": "迟到的", "role": "city", "password": PASSWORD, "csrf_token": csrf}
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login")
    assert "迟到的" not in [a["name"] for a in accounts.list_accounts(hq)]
    assert app_client.get("/api/v1/households").status_code == 401


def test_a_read_only_account_reads_but_may_not_post(
    app_client: TestClient, hq: HQ, ids: dict[str, str]
) -> None:
    csrf = sign_in(app_client, "viewer")
    assert app_client.get(f"/console/households/{ids['李强']}").status_code == 200
    r = app_client.post(
        "/console/accounts",
        data={"name": "偷偷加的", "role": "admin", "password": PASSWORD, "csrf_token": csrf},
    )
    assert r.status_code == 403 and "只读账号不能修改" in r.text
    r = app_client.post("/console/accounts/city/disable", data={"csrf_token": csrf})
    assert r.status_code == 403
    assert "偷偷加的" not in [a["name"] for a in accounts.list_accounts(hq)]
    assert not next(a for a in accounts.list_accounts(hq) if a["name"] == "city")["disabled"]
    assert app_client.get("/console/accounts").status_code == 404  # not even shown
    with hq.session() as s:  # each refused post is in the audit log
        refused = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "refused")).all()
    assert {("viewer", "/console/accounts"), ("viewer", "/console/accounts/city/disable")} <= {
        (e.account, e.target) for e in refused
    }
    assert app_client.post("/console/logout", data={"csrf_token": csrf}).status_code == 303


def test_html_in_a_household_name_is_shown_as_text(app_client: TestClient, ids: dict[str, str]) -> None:
    sign_in(app_client, "city")
    for page in (
        app_client.get("/console/households", params={"q": EVIL_NAME, "page_no": 1}),  # whole names only
        app_client.get(f"/console/households/{ids[EVIL_NAME]}"),
    ):
        assert page.status_code == 200
        assert (
            "<script>" not in page.text and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;王" in page.text
        )


def test_admin_manages_accounts_and_reads_the_audit_log(
    app_client: TestClient, hq: HQ, ids: dict[str, str]
) -> None:
    csrf = sign_in(app_client, "admin")
    app_client.get(f"/console/households/{ids['张海生']}")
    r = app_client.post(
        "/console/accounts",
        data={"name": "沂南县-赵", "role": "county", "county": "", "password": PASSWORD, "csrf_token": csrf},
    )
    assert r.status_code == 400 and "必须指定县区代码" in r.text
    r = app_client.post(
        "/console/accounts",
        data={
            "name": "沂南县-赵",
            "role": "county",
            "county": "371321",
            "password": PASSWORD,
            "csrf_token": csrf,
        },
    )
    assert r.status_code == 303
    clerk = TestClient(create_app(hq), follow_redirects=False)
    with clerk:
        sign_in(clerk, "沂南县-赵")
        assert clerk.get("/console/households").status_code == 200
        r = app_client.post("/console/accounts/沂南县-赵/disable", data={"csrf_token": csrf})
        assert r.status_code == 303
        assert clerk.get("/console/households").status_code == 303  # signed out at once
    page = app_client.get("/console/accounts", params={"done": "x"})
    assert "沂南县-赵" in page.text and "已停用" in page.text
    log = app_client.get("/console/audit")
    assert log.status_code == 200
    for text in ("查看户档案", "新增账号", "停用账号", "登录", ids["张海生"]):
        assert text in log.text
    with hq.session() as s:
        assert s.scalar(select(Account.disabled_at).where(Account.name == "沂南县-赵")) is not None


def test_devices_page_shows_last_batch_and_revocation(app_client: TestClient, hq: HQ) -> None:
    sign_in(app_client, "lanshan")
    page = app_client.get("/console/devices")
    assert "兰山区-刘洋" in page.text and "兰陵县卞庄街道-王芳" not in page.text
    sign_in(app_client, "city")
    page = app_client.get("/console/devices")
    assert "兰山区-刘洋" in page.text and "兰陵县卞庄街道-王芳" in page.text and "尚未同步" not in page.text


def test_the_api_is_described_in_openapi(app_client: TestClient) -> None:
    spec = app_client.get("/openapi.json").json()
    get = spec["paths"]["/api/v1/households/{household_id}"]["get"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/HouseholdFile")
    assert "404" in get["responses"]
    listing = spec["paths"]["/api/v1/households"]["get"]
    assert listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/HouseholdPage"
    )
    assert {"HouseholdSummary", "MemberOut", "ReferralOut"} <= set(spec["components"]["schemas"])
    assert not [p for p in spec["paths"] if p.startswith("/console")]
    assert "/api/v1/batches" in spec["paths"]  # the devices' API is still there
