"""Rate limits in headquarters (issue 12): sign-in per address and per account, batch uploads per
device, enrolment per token and address — 429 with Retry-After, against a real `serve` on
127.0.0.1; X-Forwarded-For believed only from a trusted proxy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.conftest import open_ledger
from tests.test_sync_e2e import Server, _enrolment
from tests.test_sync_protocol import add_changes

from fieldapp.hq import accounts, ratelimit
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.sync import client

PASSWORD = "Zx9!long-enough-pass"


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[Server]:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    hq = HQ(url)
    hq.init()
    accounts.add_account(hq, "市总-李", "city", PASSWORD)
    accounts.add_account(hq, "市总-王", "city", PASSWORD)
    hq.close()
    srv = Server(url, tmp_path)
    srv.extra = [
        "--rate-signin", "4",
        "--rate-signin-account", "2",
        "--rate-enrol", "3",
        "--rate-enrol-token", "2",
        "--rate-batches", "2",
        "--rate-window", "3600",  # a token back every 15 minutes or more: no refill during the test
    ]  # fmt: skip
    srv.start()
    yield srv
    srv.stop()


def _sign_in(c: httpx.Client, base: str, name: str, password: str, forwarded: str = "") -> httpx.Response:
    c.get(f"{base}/console/login")
    token = c.cookies.get("hq_signin") or ""
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    form = {"name": name, "password": password, "csrf_token": token, "next": ""}
    return c.post(f"{base}/console/login", data=form, headers=headers, follow_redirects=False)


def _refused(r: httpx.Response, text: str) -> None:
    assert r.status_code == 429, r.text
    assert int(r.headers["retry-after"]) >= 1
    assert text in r.text


def test_sign_in_is_limited_per_account_and_per_address(limited: Server) -> None:
    with httpx.Client(timeout=30) as c:
        assert _sign_in(c, limited.url, "市总-李", "wrong").status_code == 401
        assert _sign_in(c, limited.url, "市总-李", "wrong").status_code == 401
        # the account's failures are used up: even the right password waits (Chinese page, 429)
        r = _sign_in(c, limited.url, "市总-李", PASSWORD)
        _refused(r, "这个账号的登录失败次数过多")
        assert "text/html" in r.headers["content-type"]
        # another account from the same address signs in, then the address is used up too;
        # a forged X-Forwarded-For changes nothing without --trusted-proxy
        assert _sign_in(c, limited.url, "市总-王", PASSWORD).status_code == 303
        _refused(_sign_in(c, limited.url, "市总-王", PASSWORD, forwarded="10.9.9.9"), "登录尝试过于频繁")
    assert "Traceback" not in limited.log.read_text(encoding="utf-8")


def test_enrolment_is_limited_per_token_and_per_address(limited: Server) -> None:
    base = f"{limited.url}/api/v1/enrolment"
    assert httpx.get(f"{base}/guessed-token-1").status_code == 403
    assert httpx.get(f"{base}/guessed-token-1").status_code == 403
    r = httpx.get(f"{base}/guessed-token-1")  # the token's attempts are used up
    _refused(r, "这个登记码的尝试次数过多")
    assert r.json()["code"] == "RATE_LIMITED" and r.json()["error"] == "RATE_LIMITED"
    r = httpx.post(f"{limited.url}/api/v1/enrol", json={"token": "x"})  # and the address's
    _refused(r, "登记请求过于频繁")
    assert r.json()["code"] == "RATE_LIMITED"


def test_batches_are_limited_per_device_and_nothing_is_lost(limited: Server, tmp_path: Path) -> None:
    db = open_ledger(tmp_path / "dev")
    enrol = client.load_enrolment(str(_enrolment(limited, tmp_path, "dev")))
    hq = HQ(limited.db_url)
    hq.enrol(client.start_enrolment(db, enrol))  # on the stick: the address's enrolments stay unused
    hq.close()
    for _ in range(3):
        add_changes(db, 5)
        client.cut_batches(db)
    batches = client._unacked(db)
    assert len(batches) == 3
    send = [
        httpx.post(
            f"{limited.url}/api/v1/batches",
            content=b.sealed,
            headers={"content-type": "application/octet-stream"},
            timeout=30,
        )
        for b in batches
    ]
    assert [r.status_code for r in send] == [200, 200, 429]
    _refused(send[2], "这台设备上传批次过于频繁")
    assert send[2].json()["code"] == "RATE_LIMITED"
    assert limited.status()["changes"] == 10
    report = client.upload(db, limited.url, retries=1, backoff=0.05)  # the device is told to wait
    assert report.batches == 0 and "这台设备上传批次过于频繁" in report.message
    assert limited.status()["changes"] == 10
    assert [b.seq for b in client._unacked(db)] == [batches[2].seq]  # nothing lost: it waits on the laptop


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    srv = Server(url, tmp_path)
    srv.extra = ["--rate-enrol", "1", "--rate-window", "3600", "--trusted-proxy", "127.0.0.0/8"]
    srv.start()
    try:
        base = f"{srv.url}/api/v1/enrolment"
        one = {"X-Forwarded-For": "203.0.113.7, 127.0.0.1"}
        assert httpx.get(f"{base}/a", headers=one).status_code == 403
        _refused(httpx.get(f"{base}/b", headers=one), "登记请求过于频繁")
        # another client behind the same proxy has its own allowance
        assert httpx.get(f"{base}/c", headers={"X-Forwarded-For": "203.0.113.8"}).status_code == 403
    finally:
        srv.stop()
    assert hq_cli.main(["--db", url, "serve", "--trusted-proxy", "not-an-address"]) == 2


def test_a_bucket_refills_with_time() -> None:
    now = [0.0]
    bucket = ratelimit.Bucket(2, clock=lambda: now[0])
    assert bucket.wait("k", take=True) == 0 and bucket.wait("k", take=True) == 0
    assert bucket.wait("k", take=True) == 30  # one token a 30 s at 2 a minute
    assert bucket.wait("other", take=True) == 0  # keys are separate
    now[0] = 29.0
    assert bucket.wait("k", take=False) == 1
    now[0] = 30.0
    assert bucket.wait("k", take=True) == 0
    assert ratelimit.Bucket(0).wait("k", take=True) == 0  # 0 = no limit
