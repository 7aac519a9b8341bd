"""Rate limits in headquarters itself (issue 12), not only a reverse proxy's job.

Token buckets kept in the server's memory, one per (rule, key): a bucket holds up to N tokens
and refills at N a window (a minute unless `--rate-window` says otherwise); an attempt takes a token, an empty bucket is answered
429 with Retry-After (the console in Chinese, the API with the JSON code RATE_LIMITED).

- sign-in: every attempt per client address; failed attempts per account name (on top of the
  account lockout in hq/accounts.py, which counts in the database);
- batches: every upload per client address before its body is read; per device, counted only for
  batches that passed the device's signature (a stranger claiming a device id cannot use up the
  device's allowance), checked against the id the batch claims before it is read further;
- enrolment: per client address and per one-time token.

The client address is the TCP peer's. Behind a reverse proxy, the peer is the proxy: only when
its address is given with `--trusted-proxy` is X-Forwarded-For believed (its right-most address
that is not itself a trusted proxy); otherwise every client behind the proxy shares one address.
No library: the `limits` package would do, but a bucket is 30 lines and adds no dependency.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from fastapi import Request

MAX_KEYS = 100_000  # per rule: the least recently used buckets are dropped beyond this


@dataclass(frozen=True)
class Rates:
    """Attempts per window (a minute unless said; bursts up to the same number); 0 turns a rule off."""

    signin_per_address: int = 30
    signin_failures_per_account: int = 10
    batches_per_address: int = 600
    batches_per_device: int = 60
    enrol_per_address: int = 10
    enrol_per_token: int = 5
    trusted_proxies: tuple[str, ...] = ()
    window_s: int = 60


DEFAULT = Rates()

MESSAGES = {
    "signin_per_address": "登录尝试过于频繁，请 {s} 秒后再试。",
    "signin_failures_per_account": "这个账号的登录失败次数过多，请 {s} 秒后再试。",
    "batches_per_address": "上传批次过于频繁，请 {s} 秒后再同步。",
    "batches_per_device": "这台设备上传批次过于频繁，请 {s} 秒后再同步。",
    "enrol_per_address": "登记请求过于频繁，请 {s} 秒后再试。",
    "enrol_per_token": "这个登记码的尝试次数过多，请 {s} 秒后再试。",
}


class RateLimited(Exception):
    code = "RATE_LIMITED"

    def __init__(self, rule: str, retry_after: int) -> None:
        self.rule = rule
        self.retry_after = retry_after
        self.message = MESSAGES[rule].format(s=retry_after)
        super().__init__(self.message)

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class Bucket:
    """Token buckets for one rule, keyed by address, account, device or token."""

    def __init__(
        self, per_window: int, clock: Callable[[], float] = time.monotonic, window_s: int = 60
    ) -> None:
        self.capacity = float(per_window)
        self.rate = per_window / max(1, window_s)
        self.clock = clock
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (self.capacity, now))
        return min(self.capacity, tokens + (now - at) * self.rate)

    def wait(self, key: str, take: bool) -> int:
        """0 if a token is there (taken when `take`), else the whole seconds until one is."""
        if self.capacity <= 0:
            return 0
        with self._lock:
            now = self.clock()
            tokens = self._level(key, now)
            if tokens < 1:
                return max(1, math.ceil((1 - tokens) / self.rate))
            if take:
                self._buckets[key] = (tokens - 1, now)
                self._buckets.move_to_end(key)
                while len(self._buckets) > MAX_KEYS:
                    self._buckets.popitem(last=False)
            return 0


class Limiter:
    def __init__(self, rates: Rates = DEFAULT, clock: Callable[[], float] = time.monotonic) -> None:
        self.rates = rates
        self.buckets = {rule: Bucket(getattr(rates, rule), clock) for rule in MESSAGES}
        self.proxies = [ipaddress.ip_network(p, strict=False) for p in rates.trusted_proxies]

    def take(self, rule: str, key: str) -> None:
        """Take one attempt, or raise RateLimited."""
        wait = self.buckets[rule].wait(key, take=True)
        if wait:
            raise RateLimited(rule, wait)

    def check(self, rule: str, key: str) -> None:
        """Raise RateLimited if the bucket is empty, without taking anything."""
        wait = self.buckets[rule].wait(key, take=False)
        if wait:
            raise RateLimited(rule, wait)

    def _trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in self.proxies)

    def client(self, request: Request) -> str:
        peer = request.client.host if request.client is not None else ""
        if not self.proxies or not self._trusted(peer):
            return peer
        hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
        for hop in reversed(hops):
            if not self._trusted(hop):
                return hop[:64]
        return peer


def limiter_of(request: Request) -> Limiter:
    limiter = getattr(request.app.state, "limiter", None)
    if limiter is None:
        limiter = request.app.state.limiter = Limiter()
    return limiter


def parse_proxies(values: Iterable[str]) -> tuple[str, ...]:
    """--trusted-proxy values, checked: ValueError with the bad one."""
    out = []
    for v in values:
        try:
            ipaddress.ip_network(v, strict=False)
        except ValueError:
            raise ValueError(f"--trusted-proxy 的地址无效：{v}") from None
        out.append(v)
    return tuple(out)
