"""Staff accounts of the console (hq/accounts.py) and the `fieldapp-hq user …` commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from fieldapp.hq import accounts
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.accounts import AccountError
from fieldapp.hq.models import Account, ConsoleAudit
from fieldapp.hq.store import HQ
from fieldapp.storage.base import utcnow

PASSWORD = "县区-2026-口令"


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HQ]:
    server = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    server.init()
    yield server
    server.close()


def _row(hq: HQ, name: str) -> Account:
    with hq.session() as s:
        a = s.scalar(select(Account).where(Account.name == name))
        assert a is not None
        return a


def _pwfile(tmp_path: Path, text: str = PASSWORD) -> str:
    path = tmp_path / "pw.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_passwords_are_argon2id_hashes_and_only_the_right_one_signs_in(hq: HQ) -> None:
    staff = accounts.add_account(hq, "兰陵县-李娜", "county", PASSWORD, county="371324")
    assert (staff.role, staff.county_code, staff.county_name) == ("county", "371324", "兰陵县")
    stored = _row(hq, "兰陵县-李娜").password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate(hq, "兰陵县-李娜", PASSWORD) == staff
    with pytest.raises(AccountError, match="账号或密码不对"):
        accounts.authenticate(hq, "兰陵县-李娜", PASSWORD + "x")
    with pytest.raises(AccountError, match="账号或密码不对"):  # an unknown name says the same
        accounts.authenticate(hq, "没有这个人", PASSWORD)


def test_five_wrong_passwords_lock_the_account_for_15_minutes(hq: HQ) -> None:
    accounts.add_account(hq, "clerk", "city", PASSWORD)
    for _ in range(4):
        with pytest.raises(AccountError, match="账号或密码不对"):
            accounts.authenticate(hq, "clerk", "wrong-password")
    assert _row(hq, "clerk").failed_signins == 4
    with pytest.raises(AccountError, match="账号或密码不对"):
        accounts.authenticate(hq, "clerk", "wrong-password")  # the fifth: locked now
    locked_until = _row(hq, "clerk").locked_until
    assert locked_until is not None
    assert dt.timedelta(minutes=14) < locked_until - utcnow() <= dt.timedelta(minutes=15)
    with pytest.raises(AccountError, match="已锁定，请15分钟后再试"):
        accounts.authenticate(hq, "clerk", PASSWORD)  # even the right password
    assert next(a for a in accounts.list_accounts(hq) if a["name"] == "clerk")["locked"]
    with hq.session() as s:  # a quarter of an hour later
        s.execute(
            update(Account)
            .where(Account.name == "clerk")
            .values(locked_until=utcnow() - dt.timedelta(seconds=1))
        )
    assert accounts.authenticate(hq, "clerk", PASSWORD).name == "clerk"
    with hq.session() as s:
        actions = [a.action for a in s.scalars(select(ConsoleAudit).where(ConsoleAudit.account == "clerk"))]
    assert actions.count("signin_failed") == 5 and "signin_refused" in actions and actions[-1] == "signin"


def test_a_new_password_lifts_the_lock(hq: HQ) -> None:
    accounts.add_account(hq, "clerk", "city", PASSWORD)
    for _ in range(5):
        with pytest.raises(AccountError):
            accounts.authenticate(hq, "clerk", "wrong-password")
    accounts.set_password(hq, "clerk", "另一个足够长的新口令01")
    assert accounts.authenticate(hq, "clerk", "另一个足够长的新口令01").name == "clerk"


def test_a_disabled_account_cannot_sign_in_and_loses_sessions_and_token(hq: HQ) -> None:
    staff = accounts.add_account(hq, "clerk", "readonly", PASSWORD)
    token, _csrf = accounts.start_session(hq, staff)
    api = accounts.issue_api_token(hq, "clerk")
    assert accounts.session_staff(hq, token) is not None and accounts.token_staff(hq, api) == staff
    accounts.set_disabled(hq, "clerk", True)
    with pytest.raises(AccountError, match="已停用"):
        accounts.authenticate(hq, "clerk", PASSWORD)
    assert accounts.session_staff(hq, token) is None and accounts.token_staff(hq, api) is None
    accounts.set_disabled(hq, "clerk", False)
    assert accounts.authenticate(hq, "clerk", PASSWORD).name == "clerk"


def test_sessions_end_after_30_idle_minutes(hq: HQ) -> None:
    from fieldapp.hq.models import ConsoleSession

    staff = accounts.add_account(hq, "clerk", "city", PASSWORD)
    token, csrf = accounts.start_session(hq, staff)
    assert accounts.session_staff(hq, token) == (staff, csrf)
    with hq.session() as s:
        s.execute(update(ConsoleSession).values(last_seen_at=utcnow() - dt.timedelta(minutes=29)))
    assert accounts.session_staff(hq, token) is not None  # still active: and now seen again
    with hq.session() as s:
        s.execute(update(ConsoleSession).values(last_seen_at=utcnow() - dt.timedelta(minutes=31)))
    assert accounts.session_staff(hq, token) is None
    assert accounts.session_staff(hq, token) is None  # the row is gone, not only refused once


@pytest.mark.parametrize(
    ("role", "county", "message"),
    [
        ("county", "", "必须指定县区代码"),
        ("county", "370102", "不是临沂市的县区"),
        ("county", "371324001", "不是临沂市的县区"),
        ("city", "371324", "看全市"),
        ("boss", "", "角色"),
    ],
)
def test_roles_and_county_codes_are_checked(hq: HQ, role: str, county: str, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.add_account(hq, "x", role, PASSWORD, county=county)


def test_short_password_and_duplicate_name_refused(hq: HQ) -> None:
    with pytest.raises(AccountError, match="至少10个字符"):
        accounts.add_account(hq, "x", "city", "short")
    accounts.add_account(hq, "x", "city", PASSWORD)
    with pytest.raises(AccountError, match="已存在"):
        accounts.add_account(hq, "x", "readonly", PASSWORD)


def test_init_creates_the_first_admin_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    out = capsys.readouterr().out
    password = out.split("只显示这一次，请登录后妥善保管）：")[1].strip()
    hq = HQ(url)
    try:
        assert accounts.authenticate(hq, "admin", password).is_admin
        assert hq_cli.main(["--db", url, "init"]) == 0  # a second init creates no other admin
        assert "admin" not in capsys.readouterr().out
        assert [a["name"] for a in accounts.list_accounts(hq)] == ["admin"]
        with pytest.raises(AccountError, match="最后一个"):
            accounts.set_disabled(hq, "admin", True)
    finally:
        hq.close()
    other = f"sqlite:///{(tmp_path / 'other.sqlite').as_posix()}"
    assert hq_cli.main(["--db", other, "init", "--admin-password-file", _pwfile(tmp_path)]) == 0
    assert PASSWORD not in capsys.readouterr().out
    hq = HQ(other)
    try:
        assert accounts.authenticate(hq, "admin", PASSWORD).is_admin
    finally:
        hq.close()


def test_user_commands(hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*argv: str) -> int:
        return hq_cli.main(["--db", hq.url, "user", *argv])

    pw = _pwfile(tmp_path)
    assert run("add", "李娜", "--role", "county", "--county", "371324", "--password-file", pw) == 0
    assert "已新增账号 李娜：县区总工会工作人员，县区 兰陵县（371324）" in capsys.readouterr().out
    assert run("add", "王五", "--role", "county", "--password-file", pw) == 1
    assert "必须指定县区代码" in capsys.readouterr().err
    assert run("add", "只读", "--role", "readonly", "--password-file", pw) == 0
    assert run("list") == 0
    out = capsys.readouterr().out
    assert "李娜\t县区总工会工作人员\t兰陵县\t正常" in out and "只读\t只读\t全市\t正常" in out
    assert run("disable", "李娜") == 0
    assert run("list") == 0 and "李娜\t县区总工会工作人员\t兰陵县\t已停用" in capsys.readouterr().out
    assert run("enable", "李娜") == 0
    new_pw = _pwfile(tmp_path, "新的口令-0123456")
    assert run("passwd", "李娜", "--password-file", new_pw) == 0
    assert accounts.authenticate(hq, "李娜", "新的口令-0123456").county_code == "371324"
    capsys.readouterr()
    assert run("token", "李娜") == 0
    token = capsys.readouterr().out.strip()
    assert token.startswith("hqs_") and accounts.token_staff(hq, token) is not None
    assert run("disable", "没有的人") == 1 and "没有账号" in capsys.readouterr().err
