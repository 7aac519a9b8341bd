"""Benchmark the statistics: every page's queries and the exports on a large generated HQ, and
what the statistics bookkeeping costs ingest.

Run:  python bench/bench_stats.py [--households 200000] [--postgres] [--skip-ingest | --ingest-only]
      [--rounds 3]
Figures go to docs/performance.md, "Statistics" (never asserted in the test suite).
The aggregate tables are filled directly (bulk inserts shaped like what hq.stats_index writes:
5 visits and 0.5 referrals per household, item-19 observations, relief payments), then each
statistics function is timed as the console calls it, city-wide and for one county.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from fieldapp.domain.divisions import divisions
from fieldapp.hq import campaign, export, stats, stats_index, stats_rollup, stats_visit_months
from fieldapp.hq.models import HouseholdIndex, ReferralIndex
from fieldapp.hq.stats_models import (
    StatCadre,
    StatEconomy,
    StatHousehold,
    StatReferral,
    StatRelief,
    StatVisit,
    StatWorker,
)
from fieldapp.hq.store import HQ

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
TODAY = dt.date(2026, 11, 18)
CATEGORIES = ["深度困难", "相对困难", "意外致困", "不符合困难标准", ""]
PROGRAMMES = ["金秋助学", "送温暖", "专项生活救助", "农民工平安返乡", "职工医疗互助"]
EMPLOYMENT = ["employed_local", "employed_away", "self_employed", "farming", "unemployed", None]
KINDS = ["EMP-JOB", "EMP-TRAIN", "MED-AID", "EDU-AID", "LEGAL-WAGE"]
STATUSES = ["已转介", "已受理", "已办结", "已退回"]


def generate(hq: HQ, n: int, seed: int = 2026) -> None:
    rnd = random.Random(seed)
    villages = [v.code12 for t in divisions().townships() for v in divisions().villages(t.code)]
    cadres = [str(uuid.uuid4()) for _ in range(max(1, n // 3))]
    with hq.session() as s:
        s.execute(insert(StatCadre.__table__), [{"cadre_id": c, "name": f"干部{c[:4]}"} for c in cadres])
    chunk = 20_000
    day0 = dt.date(2025, 12, 1)
    for start in range(0, n, chunk):
        hs, idx, vs, rs, ris, rel, eco, wk = [], [], [], [], [], [], [], []
        for i in range(start, min(n, start + chunk)):
            hid = str(uuid.UUID(int=rnd.getrandbits(128)))
            village = rnd.choice(villages)
            cadre = rnd.choice(cadres)
            visits = sorted(day0 + dt.timedelta(days=rnd.randrange(350)) for _ in range(5))
            f2f = [d for d in visits if rnd.random() < 0.6]
            hs.append(
                {
                    "household_id": hid,
                    "county_code": village[:6],
                    "township_code": village[:9],
                    "village_code": village,
                    "category": rnd.choice(CATEGORIES),
                    "main_cause": rnd.randrange(1, 11),
                    "pairing_basis": rnd.choice(["结亲连心联系户", "本单位农民工"]),
                    "status": rnd.choice(["在档"] * 8 + ["拟销档", "已销档"]),
                    "cadre_id": cadre,
                    "last_visit_on": visits[-1].isoformat(),
                    "last_f2f_on": f2f[-1].isoformat() if f2f else "",
                    "deleted": 0,
                }
            )
            idx.append(
                {
                    "household_id": hid,
                    "code": f"HH-{hid.replace('-', '')[:8].upper()}",
                    "head_name": f"户主{i}",
                    "village_code": village,
                    "village_name": village,
                    "county_code": village[:6],
                    "category": hs[-1]["category"],
                    "status": hs[-1]["status"],
                    "cadre_id": cadre,
                    "cadre_name": f"干部{cadre[:4]}",
                }
            )
            for d in visits:
                vs.append(
                    {
                        "visit_id": str(uuid.uuid4()),
                        "household_id": hid,
                        "cadre_id": cadre,
                        "visit_date": d.isoformat(),
                        "face_to_face": 1 if d in f2f else 0,
                        "deleted": 0,
                    }
                )
            if rnd.random() < 0.5:
                rid = str(uuid.uuid4())
                created = day0 + dt.timedelta(days=rnd.randrange(300))
                status = rnd.choice(STATUSES)
                rs.append({"referral_id": rid, "household_id": hid, "cadre_id": cadre})
                ris.append(
                    {
                        "referral_id": rid,
                        "code": f"ZJ-{rid[:8].upper()}",
                        "household_id": hid,
                        "kind_code": rnd.choice(KINDS),
                        "receiving_body": rnd.choice(["县人社局", "县医保局", "县教育局", "县法律援助中心"]),
                        "created_on": created.isoformat(),
                        "status": status,
                        "status_on": (created + dt.timedelta(days=rnd.randrange(60))).isoformat(),
                        "follow_up_due": ""
                        if status in ("已办结", "已退回")
                        else (created + dt.timedelta(days=30)).isoformat(),
                        "deleted": 0,
                    }
                )
            if rnd.random() < 0.3:
                prog = rnd.choice(PROGRAMMES)
                paid = day0 + dt.timedelta(days=rnd.randrange(350))
                rel.append(
                    {
                        "relief_id": str(uuid.uuid4()),
                        "household_id": hid,
                        "member_id": "",
                        "programme": prog,
                        "year": paid.year,
                        "paid_on": paid.isoformat(),
                        "amount_fen": rnd.choice([50000, 100000, 200000]),
                        "student_key": f"{rnd.randrange(n):032x}" if prog == "金秋助学" else "",
                        "deleted": 0,
                    }
                )
            for rank, obs in ((2, "2026-06-01"), (1, "2026-11-10")):
                eco.append(
                    {
                        "id": str(uuid.uuid4()),
                        "household_id": hid,
                        "observed_on": obs,
                        "rank": rank,
                        "annual_income": None if rnd.random() < 0.1 else rnd.randrange(5000, 60000),
                        "expense_food": rnd.randrange(3000, 12000),
                        "expense_housing": None,
                        "expense_medical": rnd.randrange(0, 30000),
                        "expense_schooling": rnd.randrange(0, 10000),
                        "expense_other": None,
                        "arrears_amount": rnd.choice([None, 0, 0, 5000]),
                        "arrears_reported_on": "",
                        "deleted": 0,
                    }
                )
                wk.append(
                    {
                        "id": str(uuid.uuid4()),
                        "household_id": hid,
                        "member_id": hid,
                        "observed_on": obs,
                        "rank": rank,
                        "employment": rnd.choice(EMPLOYMENT),
                        "monthly_income": None if rnd.random() < 0.2 else rnd.randrange(1000, 6000),
                        "training_wanted": rnd.choice(["", "", "welding"]),
                        "training_received": rnd.choice(["", "", "", "cooking"]),
                        "has_certificate": rnd.randrange(2),
                        "insurance": rnd.choice([None, ",pension,", ",medical,pension,", ","]),
                        "deleted": 0,
                    }
                )
        with hq.session() as s:
            for model, rows in (
                (StatHousehold, hs),
                (HouseholdIndex, idx),
                (StatVisit, vs),
                (StatReferral, rs),
                (ReferralIndex, ris),
                (StatRelief, rel),
                (StatEconomy, eco),
                (StatWorker, wk),
            ):
                if rows:
                    s.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
    if hq.engine.dialect.name == "postgresql":
        with hq.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with hq.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


def timed(label: str, fn: Callable[[], Any], results: list[tuple[str, float]]) -> Any:
    start = time.perf_counter()
    out = fn()
    elapsed = time.perf_counter() - start
    results.append((label, elapsed))
    print(f"  {label}: {elapsed * 1000:,.0f} ms", flush=True)
    return out


def bench_pages(hq: HQ, county: str) -> None:
    c = campaign.set_campaign(hq, "2026年11月再摸底", "2026-11-01", "2026-11-30", [])
    results: list[tuple[str, float]] = []
    for scope in (stats.Scope(""), stats.Scope(county)):
        print(f"{scope.label}:")
        one_scope(hq, c, scope, results)


def one_scope(hq: HQ, c: campaign.CampaignOut, s: stats.Scope, results: list[tuple[str, float]]) -> None:
    timed(
        "households (area × category, cause, basis, status)",
        lambda: [
            stats.households_county_category(hq, s),
            *[stats.households_by(hq, s, d) for d in ("cause", "basis", "status")],
        ],
        results,
    )
    timed(
        "campaign progress (county, township, cadre)",
        lambda: [campaign.progress(hq, c, by, TODAY, s.county) for by in ("county", "township", "cadre")],
        results,
    )
    timed("item 19 now and at the campaign start", lambda: stats.item19(hq, s, c.start), results)
    timed(
        "referrals by kind, body, status",
        lambda: [stats.referrals_by(hq, s, d, TODAY) for d in ("kind", "body", "status")],
        results,
    )
    timed(
        "relief + double-funding check",
        lambda: (stats.relief_by(hq, s), stats.double_funding_table(hq, s)),
        results,
    )
    timed("per-cadre work", lambda: stats.cadre_work(hq, s, TODAY, c.start), results)
    timed("visits by month (line chart)", lambda: stats.visits_by_month(hq, s, 12, TODAY), results)
    timed(
        "household list, first page of 深度困难",
        lambda: stats.household_list(hq, s, {"category": "深度困难"}, TODAY),
        results,
    )


def bench_export(url: str, out: Path) -> None:
    """Run in a child process so its peak memory is the export's own."""
    hq = HQ(url)
    start = time.perf_counter()
    book = export.Workbook(out, "临沂市总工会")
    n = book.add_rows(
        "全市困难户名单",
        "户",
        stats.LIST_COLUMNS,
        stats.iter_household_list(hq, stats.Scope(""), {}, TODAY),
        count_total=True,
    )
    book.close()
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    cur = campaign.current(hq)
    export.write_report(
        out.with_name("report.xlsx"),
        "临沂市总工会",
        stats.everything(hq, stats.Scope(""), TODAY, cur.start if cur else None),
        TODAY,
    )
    report = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  city report workbook (all tables): {report:.1f} s")
    print(
        f"  household list export: {n:,} rows in {elapsed:.1f} s, {out.stat().st_size / 1e6:.0f} MB, peak RSS {peak:.0f} MB"
    )
    hq.close()


def bench_ingest_overhead(tmp: Path, rounds: int = 3, pg: str = "") -> None:
    """Ingest 3 x 10,000 realistic visit changes (bench_sync's batches) with and without the
    issue-11 bookkeeping (statistics aggregates and the ID-number claims of 疑似重复), in
    alternating rounds on fresh databases; wall and CPU rates, medians. The machine is shared:
    CPU time (this process) is the steadier measure; both are printed."""
    import statistics

    import bench_sync

    from fieldapp.hq import duplicates
    from fieldapp.sync import client

    targets = [("SQLite", lambda name: f"sqlite:///{(tmp / f'{name}.sqlite').as_posix()}")]
    if pg:
        from tests.test_sync_protocol import new_pg_database

        targets.append(("PostgreSQL", lambda name: new_pg_database(pg)))
    original = (stats_index.note_changes, duplicates.note)
    original_rollup = stats_rollup.note_households
    original_months = stats_visit_months.note_households
    for db_label, url_of in targets:
        rates: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
        for r in range(rounds):
            for label in ("without", "with"):
                name = f"ingest-{db_label}-{label}-{r}"
                hq = HQ(url_of(name))
                hq.init()
                # a campaign running: the re-survey rollup (hq.stats_rollup) is kept at ingest
                campaign.set_campaign(hq, "2026年11月再摸底", "2026-11-01", "2026-11-30", [])
                batches = []
                for d in range(3):
                    db = bench_sync.enrolled(hq, tmp / name / str(d), f"{name}-{d}")
                    bench_sync.realistic_changes(db, 10_000)
                    client.cut_batches(db, max_changes=10_000)
                    batches += [b.sealed for b in client._unacked(db)]
                    db.close()
                if label == "without":
                    stats_index.note_changes = lambda s, c: None  # type: ignore[assignment]
                    duplicates.note = lambda s, c: 0  # type: ignore[assignment]
                rollup_cpu = [0.0]

                def timed_rollup(s: Any, ids: Any, _spent: list[float] = rollup_cpu) -> None:
                    t0 = time.process_time()
                    original_rollup(s, ids)
                    _spent[0] += time.process_time() - t0

                months_cpu = [0.0]

                def timed_months(s: Any, ids: Any, _spent: list[float] = months_cpu) -> None:
                    t0 = time.process_time()
                    original_months(s, ids)
                    _spent[0] += time.process_time() - t0

                stats_rollup.note_households = timed_rollup  # type: ignore[assignment]
                stats_visit_months.note_households = timed_months  # type: ignore[assignment]
                try:
                    wall, cpu = time.perf_counter(), time.process_time()
                    for b in batches:
                        assert hq.ingest(b).status == "accepted"
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                finally:
                    stats_index.note_changes, duplicates.note = original  # type: ignore[assignment]
                    stats_rollup.note_households = original_rollup  # type: ignore[assignment]
                    stats_visit_months.note_households = original_months  # type: ignore[assignment]
                    hq.close()
                if label == "with":
                    print(
                        f"  of which the re-survey rollup: {rollup_cpu[0]:.2f} s CPU, the visits per month "
                        f"{months_cpu[0]:.2f} s CPU, of {cpu:.2f} s",
                        flush=True,
                    )
                rates[label].append((30_000 / wall, 30_000 / cpu))
                print(
                    f"{db_label} {label} bookkeeping: {30_000 / wall:,.0f} records/s wall, "
                    f"{30_000 / cpu:,.0f} records/s CPU",
                    flush=True,
                )
        for i, kind in ((0, "wall"), (1, "CPU")):
            w = statistics.median(x[i] for x in rates["with"])
            wo = statistics.median(x[i] for x in rates["without"])
            print(
                f"{db_label} ingest, median of {rounds} ({kind}): {wo:,.0f} records/s without, "
                f"{w:,.0f} with the bookkeeping = {100 * (1 - w / wo):.1f} % lower"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--ingest-only", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--export-only", metavar="URL")
    args = parser.parse_args()
    if args.export_only:
        with tempfile.TemporaryDirectory() as t:
            bench_export(args.export_only, Path(t) / "list.xlsx")
        return
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        pg = ""
        if args.postgres:
            from tests.test_sync_protocol import _start_pg

            pg = _start_pg() or ""
        if not args.skip_ingest:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            bench_ingest_overhead(tmp, args.rounds, pg)
        if args.ingest_only:
            return
        targets = [("SQLite", f"sqlite:///{(tmp / 'stats.sqlite').as_posix()}")]
        if pg:
            from tests.test_sync_protocol import new_pg_database

            targets.append(("PostgreSQL", new_pg_database(pg)))
        for label, url in targets:
            hq = HQ(url)
            hq.init()
            start = time.perf_counter()
            generate(hq, args.households)
            print(
                f"== {label}: generated {args.households:,} households in {time.perf_counter() - start:.0f} s"
            )
            bench_pages(hq, "371324")
            hq.close()
            subprocess.run([sys.executable, __file__, "--export-only", url], check=True)


if __name__ == "__main__":
    main()
