"""Revealing a household's full ID and phone numbers (audited, once) and changing one's own password.
Refusals: another county's household (404, nothing leaked), read-only accounts, missing or forged
CSRF tokens, a wrong old password, a weak or mistyped new one — each with nothing changed."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.conftest import person_id
from tests.test_hq_console import (  # noqa: F401  (fixtures)
    PASSWORD,
    app_client,
    hq,
    ids,
    sign_in,
    world,
)

from fieldapp.hq import accounts
from fieldapp.hq.accounts import AccountError
from fieldapp.hq.app import create_app
from fieldapp.hq.models import ConsoleAudit
from fieldapp.hq.store import HQ

PHONE = "13805391234"


def _audit(hq: HQ, action: str) -> list[ConsoleAudit]:
    with hq.session() as s:
        return list(s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == action)))


def test_full_numbers_are_shown_once_and_audited(app_client: TestClient, hq: HQ, ids: dict[str, str]) -> None:
    hid, full_id = ids["张海生"], person_id(11)
    url = f"/console/households/{hid}"
    csrf = sign_in(app_client, "lanling")
    page = app_client.get(url).text
    assert "138****1234" in page and PHONE not in page and full_id not in page and "显示完整号码" in page
    shown = app_client.post(f"{url}/reveal", data={"csrf_token": csrf})
    assert shown.status_code == 200 and PHONE in shown.text and full_id in shown.text
    assert "已记入操作日志" in shown.text
    (entry,) = [e for e in _audit(hq, "reveal") if e.account == "lanling"]
    assert entry.target.startswith("HH-") and "身份证号" in entry.detail
    again = app_client.get(url).text  # the next view is masked again
    assert PHONE not in again and full_id not in again
    # refused: no token, a forged one, a read-only account (audited), another county (404)
    assert app_client.post(f"{url}/reveal", data={}).status_code == 403
    r = app_client.post(f"{url}/reveal", data={"csrf_token": "forged"})
    assert r.status_code == 403 and PHONE not in r.text
    viewer = sign_in(app_client, "viewer")
    page = app_client.get(url).text
    assert "显示完整号码" not in page
    r = app_client.post(f"{url}/reveal", data={"csrf_token": viewer})
    assert r.status_code == 403 and PHONE not in r.text and "只读账号" in r.text
    other = sign_in(app_client, "lanshan")
    r = app_client.post(f"{url}/reveal", data={"csrf_token": other})
    assert r.status_code == 404 and PHONE not in r.text and "张海生" not in r.text
    assert [e.account for e in _audit(hq, "reveal")] == ["lanling"]  # only the one that was shown
    refused = {(e.account, e.target) for e in _audit(hq, "refused")}
    assert ("viewer", f"{url}/reveal") in refused


def test_every_account_changes_its_own_password(hq: HQ) -> None:
    accounts.add_account(hq, "pw-clerk", "readonly", PASSWORD)
    new = "新的口令-2026-pw"
    with (
        TestClient(create_app(hq), follow_redirects=False) as c,
        TestClient(create_app(hq), follow_redirects=False) as elsewhere,
    ):
        csrf = sign_in(c, "pw-clerk")
        sign_in(elsewhere, "pw-clerk")  # signed in on another computer too
        page = c.get("/console/password")
        assert page.status_code == 200 and "原密码" in page.text and "改密码" in page.text
        for form, error in (
            ({"old": "不对的密码-123", "new": new, "again": new}, "原密码不对"),
            ({"old": PASSWORD, "new": new, "again": new + "x"}, "两次输入的新密码不一致"),
            ({"old": PASSWORD, "new": "短-1", "again": "短-1"}, "至少10个字符"),
            ({"old": PASSWORD, "new": "abcdefghijkl", "again": "abcdefghijkl"}, "至少两类字符"),
            ({"old": PASSWORD, "new": "pw-clerk-2026", "again": "pw-clerk-2026"}, "不能包含账号名"),
            ({"old": PASSWORD, "new": PASSWORD, "again": PASSWORD}, "不能与原密码相同"),
        ):
            r = c.post("/console/password", data={**form, "csrf_token": csrf})
            assert r.status_code == 400 and error in r.text, (form, r.text[:500])
        for token in ("", "forged"):
            r = c.post(
                "/console/password", data={"old": PASSWORD, "new": new, "again": new, "csrf_token": token}
            )
            assert r.status_code == 403
        assert accounts.authenticate(hq, "pw-clerk", PASSWORD).name == "pw-clerk"  # nothing changed yet
        assert [e.account for e in _audit(hq, "password_change_refused")] == ["pw-clerk"]
        r = c.post("/console/password", data={"old": PASSWORD, "new": new, "again": new, "csrf_token": csrf})
        assert r.status_code == 303 and "密码已修改" in c.get(r.headers["location"]).text
        assert c.get("/console/households").status_code == 200  # this browser stays signed in
        assert elsewhere.get("/console/households").status_code == 303  # the other one is signed out
    try:
        accounts.authenticate(hq, "pw-clerk", PASSWORD)
        raise AssertionError("the old password still works")
    except AccountError:
        pass
    assert accounts.authenticate(hq, "pw-clerk", new).name == "pw-clerk"
    assert [e.account for e in _audit(hq, "password_change")] == ["pw-clerk"]
