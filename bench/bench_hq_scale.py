"""Time the console at scale through the real FastAPI app, as a city and as a county clerk.

Run:  FIELDAPP_HQ_KEY_FILE=… python bench/bench_hq_scale.py --url postgresql+psycopg://… [--explain]
      (the database seeded by bench/hq_seed.py; --seed N seeds a new throwaway one first)

Every page is fetched through FastAPI's TestClient with a signed-in session (the same routes,
templates and queries a browser gets): the 困难户台账 list (first and a deep page, every sort,
filters), searches (name, pinyin initials, ID tail, phone tail, HH- code), a household's file, the
referral list, the conflict queue, every statistics page and the city report / list exports.
Each figure is the median of `--repeat` fetches after one warm-up. With --explain, every SQL
statement a page ran that took over 50 ms is shown with EXPLAIN (ANALYZE, BUFFERS).
Figures go to docs/performance.md and docs/scaling.md, never into tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, func, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fieldapp.domain import clock  # noqa: E402
from fieldapp.hq import accounts, campaign  # noqa: E402
from fieldapp.hq.app import create_app  # noqa: E402
from fieldapp.hq.models import HouseholdIndex, LedgerRow, Record  # noqa: E402
from fieldapp.hq.store import HQ  # noqa: E402

PASSWORD = "bench-口令-2026"
TODAY = dt.date(2026, 11, 18)
COUNTY = "371324"  # 兰陵县
SLOW_SQL_MS = 50.0


class SqlLog:
    """Statements run while a page is fetched, with their time (for --explain)."""

    def __init__(self, hq: HQ) -> None:
        self.on = False
        self.rows: list[tuple[float, str, Any]] = []
        event.listen(hq.engine, "before_cursor_execute", self._before)
        event.listen(hq.engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        conn.info.setdefault("t0", []).append(time.perf_counter())

    def _after(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        start = conn.info["t0"].pop()
        if self.on and not many:
            self.rows.append(((time.perf_counter() - start) * 1000, statement, params))


def _hidden(html: str) -> str:
    import re

    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def sign_in(c: TestClient, name: str) -> None:
    form = c.get("/console/login")
    r = c.post("/console/login", data={"name": name, "password": PASSWORD, "csrf_token": _hidden(form.text)})
    assert r.status_code == 303, r.text[:300]


def samples(hq: HQ) -> dict[str, str]:
    """Search words of one real county household: its head's name, initials, ID and phone tails."""
    with hq.session() as s:
        in_county = s.scalar(
            select(func.count()).select_from(HouseholdIndex).where(HouseholdIndex.county_code == COUNTY)
        )
        idx = s.scalars(
            select(HouseholdIndex)
            .where(HouseholdIndex.county_code == COUNTY, HouseholdIndex.head_member_id != "")
            .order_by(HouseholdIndex.household_id)
            .offset(int(in_county or 0) // 3)
            .limit(1)
        ).one()
        head = json.loads(s.get(Record, (idx.head_member_id, "member")).data)  # type: ignore[union-attr]
        phone = ""
        for (data,) in s.execute(
            select(Record.data)
            .join(LedgerRow, (LedgerRow.row_id == Record.row_id) & (LedgerRow.entity == Record.entity))
            .where(LedgerRow.household_id == idx.household_id, Record.entity == "member")
        ):
            phone = phone or str(json.loads(data).get("phone") or "")
        home = json.loads(s.get(Record, (idx.household_id, "household")).data)  # type: ignore[union-attr]
        phone = str(home.get("phone") or "") or phone
        total = int(s.scalar(select(func.count()).select_from(HouseholdIndex)) or 0)
    return {
        "id": idx.household_id,
        "name": idx.head_name,
        "initials": idx.head_initials.split()[0] if idx.head_initials else "",
        "id4": str(head.get("id_number") or "")[-4:],
        "id6": str(head.get("id_number") or "")[-6:],
        "phone4": phone[-4:],
        "code": idx.code,
        "total": str(total),
    }


def pages(w: dict[str, str], county_user: bool) -> list[tuple[str, str]]:
    deep = max(2, int(w["total"]) // 20 // (8 if county_user else 1) // 2)  # the middle of the list
    out = [
        ("台账 第1页（按姓名）", "/console/households"),
        (f"台账 第{deep:,}页（深翻页）", f"/console/households?page={deep}"),
        ("台账 末页", "/console/households?page=999999"),
        ("台账 按村排序", "/console/households?sort=village"),
        ("台账 按类别排序", "/console/households?sort=category"),
        ("台账 按状态排序", "/console/households?sort=status"),
        ("台账 最近更新", "/console/households?sort=recent"),
        (f"台账 按村排序 第{deep:,}页", f"/console/households?sort=village&page={deep}"),
        ("台账 筛选 深度困难", "/console/households?category=深度困难"),
        ("台账 筛选 县+深度困难 第50页", f"/console/households?county={COUNTY}&category=深度困难&page=50"),
        ("搜索 姓名", f"/console/households?q={w['name']}"),
        ("搜索 姓（单字前缀以外：两字）", f"/console/households?q={w['name'][:2]}"),
        ("搜索 拼音首字母", f"/console/households?q={w['initials']}"),
        ("搜索 身份证后4位", f"/console/households?q={w['id4']}"),
        ("搜索 身份证后6位", f"/console/households?q={w['id6']}"),
        ("搜索 电话后4位", f"/console/households?q={w['phone4']}"),
        ("搜索 HH-编号", f"/console/households?q={w['code']}"),
        ("户档案", f"/console/households/{w['id']}"),
        ("转介 第1页", "/console/referrals"),
        ("转介 第200页", "/console/referrals?page_no=200"),
        ("转介 筛选 已受理", "/console/referrals?status=已受理"),
        ("转介 筛选 县区+已受理", f"/console/referrals?county={COUNTY}&status=已受理"),
        ("转介 只看逾期", "/console/referrals?overdue=1"),
        ("冲突", "/console/conflicts"),
        ("设备 第1页", "/console/devices"),
        ("设备 第300页", "/console/devices?page_no=300"),
        ("设备 按最近同步", "/console/devices?sort=recent"),
        ("设备 搜索 名称", "/console/devices?q=设备-0042"),
        ("统计 困难户", "/console/stats"),
        ("统计 再摸底进度", "/console/stats/campaign"),
        ("统计 第19条指标", "/console/stats/item19"),
        ("统计 转介", "/console/stats/referrals"),
        ("统计 救助发放", "/console/stats/relief"),
        ("统计 干部工作量", "/console/stats/cadres"),
        ("统计 名单 深度困难 第1页", "/console/stats/list?category=深度困难"),
        ("统计 名单 第100页", "/console/stats/list?page_no=100"),
    ]
    return out


def fetch(c: TestClient, url: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    r = c.get(url)
    return (time.perf_counter() - start) * 1000, r.status_code, len(r.content)


@contextmanager
def logging(log: SqlLog) -> Iterator[None]:
    log.rows.clear()
    log.on = True
    try:
        yield
    finally:
        log.on = False


def top_up_devices(hq: HQ, n: int, batches: int = 3) -> int:
    """Enrol fake devices until there are `n` (each with `batches` receipts): the 设备 page at the
    size of a city's whole field force. Returns how many were added."""
    import uuid

    from sqlalchemy import insert

    from fieldapp.hq.models import Batch, Device

    with hq.session() as s:
        have = int(s.scalar(select(func.count()).select_from(Device)) or 0)
        ids = [str(uuid.UUID(int=0x5EED0000 + i)) for i in range(have, n)]
        if not ids:
            return 0
        key = b"\0" * 32
        s.execute(
            insert(Device),
            [
                {
                    "device_id": d,
                    "name": f"压测设备-{i:05d}",
                    "sign_public": key,
                    "box_public": key,
                    "instance_nonce": d,
                }
                for i, d in enumerate(ids, start=have)
            ],
        )
        s.execute(
            insert(Batch),
            [
                {
                    "batch_id": str(uuid.uuid4()),
                    "device_id": d,
                    "seq": k,
                    "payload_sha256": "0" * 64,
                    "changes": 10,
                    "channel": "net",
                }
                for d in ids
                for k in range(1, batches + 1)
            ],
        )
    with hq.engine.connect() as conn:
        if hq.engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    return len(ids)


def explain(hq: HQ, statement: str, params: Any) -> str:
    with hq.engine.connect() as conn:
        raw = conn.connection.driver_connection
        with raw.cursor() as cur:  # type: ignore[union-attr]
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
            return "\n".join(r[0] for r in cur.fetchall())


def run(
    hq: HQ,
    repeat: int,
    want_explain: bool,
    exports: bool,
    only: list[str] | None = None,
    slow_ms: float = SLOW_SQL_MS,
) -> list[dict[str, Any]]:
    w = samples(hq)
    print("sample:", {k: v for k, v in w.items() if k != "name"}, flush=True)
    log = SqlLog(hq)
    results: list[dict[str, Any]] = []
    app = create_app(hq)
    for who, county_user in (("bench-city", False), ("bench-county", True)):
        with TestClient(app, follow_redirects=False) as c:
            sign_in(c, who)
            print(f"== {who}", flush=True)
            for label, url in pages(w, county_user):
                if only and not any(o in label for o in only):
                    continue
                fetch(c, url)  # warm-up
                times = []
                for _ in range(repeat):
                    with logging(log):
                        ms, status, size = fetch(c, url)
                    times.append(ms)
                med = statistics.median(times)
                slow = sorted(log.rows, key=lambda r: -r[0])[:3]
                results.append({"who": who, "page": label, "ms": round(med), "status": status})
                print(f"  {label:<34} {med:8,.0f} ms  [{status}, {size / 1000:,.0f} kB]", flush=True)
                if want_explain and hq.engine.dialect.name == "postgresql":
                    for ms, stmt, params in slow:
                        if ms >= slow_ms:
                            print(f"    --- {ms:,.0f} ms: {' '.join(stmt.split())[:300]}")
                            print("    " + explain(hq, stmt, params).replace("\n", "\n    "))
            if exports:
                for label, url in (
                    ("城市报表 report.xlsx", "/console/stats/export/report.xlsx"),
                    ("名单导出 list.csv（全部）", "/console/stats/list.csv"),
                ):
                    ms, status, size = fetch(c, url)
                    results.append({"who": who, "page": label, "ms": round(ms), "status": status})
                    print(f"  {label:<34} {ms:8,.0f} ms  [{status}, {size / 1e6:,.1f} MB]", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a database seeded by bench/hq_seed.py")
    parser.add_argument("--seed", type=int, default=0, help="seed this many households first")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--exports", action="store_true", help="also time the report and list exports")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--only", action="append", help="only pages whose label contains this")
    parser.add_argument("--devices", type=int, default=0, help="enrol fake devices up to this many first")
    parser.add_argument("--slow-ms", type=float, default=SLOW_SQL_MS, help="--explain statements over this")
    args = parser.parse_args()
    url = args.url
    if not url:
        from tests.test_sync_protocol import _start_pg, new_pg_database

        url = new_pg_database(_start_pg())
    hq = HQ(url)
    hq.init()
    if args.seed:
        import hq_seed

        print(json.dumps(hq_seed.seed(hq, args.seed), ensure_ascii=False))
    if args.devices:
        print(f"devices added: {top_up_devices(hq, args.devices)}", flush=True)
    known = {a["name"] for a in accounts.list_accounts(hq)}
    for name, role, county in (("bench-city", "city", ""), ("bench-county", "county", COUNTY)):
        if name not in known:
            accounts.add_account(hq, name, role, PASSWORD, county=county)
    if campaign.current(hq) is None:
        campaign.set_campaign(hq, "2026年11月再摸底", "2026-11-01", "2026-11-30", [])
    with hq.engine.connect() as conn:
        if hq.engine.dialect.name == "postgresql":
            size = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))")).scalar()
            print(f"database size: {size}; load average: {os.getloadavg()}", flush=True)
    with clock.as_of(TODAY):  # the day the seeded (demo) data is dated from
        results = run(hq, args.repeat, args.explain, args.exports, args.only, args.slow_ms)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    hq.close()


if __name__ == "__main__":
    main()
