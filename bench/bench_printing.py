"""Benchmark printed forms: one referral slip, a batch of household registration forms, bytes per page.

Run:  python bench/bench_printing.py [--households 500]
Targets (issue 4): a slip under 100 ms, 500 registration forms under 30 s, under 150 KB per page.
Figures are written down in docs/performance.md (never asserted in the test suite).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fieldapp.domain import vocab
from fieldapp.domain.people import MemberData
from fieldapp.printing.fonts import register_font
from fieldapp.services import batch_print, households, printing, referrals, visits
from fieldapp.services.common import today
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import open_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "data")
        print(f"demo data: {args.households} households …", flush=True)
        fill_demo_data(db, args.households)
        start = time.perf_counter()
        register_font()
        print(
            f"{'load the bundled font (once per process)':<58} {(time.perf_counter() - start) * 1000:8.1f} ms"
        )

        referral_id = referrals.list_referrals(db)[0].id
        samples = []
        out = Path(tmp) / "slips"
        for i in range(20):
            start = time.perf_counter()
            doc = printing.print_to_file(
                db, "referral_slip", referral_id, out / f"{i}.pdf", printed_by="bench"
            )
            samples.append(time.perf_counter() - start)
        print(
            f"{'one referral slip (gather + render + write + log)':<58} {min(samples) * 1000:8.1f} ms"
            f"  (median {statistics.median(samples) * 1000:.1f} ms, {len(doc.pdf.data) / 1024:.0f} KB)"
        )

        ids = [r.id for r in households.list_households(db)]
        folder = Path(tmp) / "batch"
        start = time.perf_counter()
        batch = [batch_print.Item(i, i) for i in ids]  # what the app's 批量打印 and `print --all` run
        summary = batch_print.run(db, "household_registration", batch, folder, printed_by="bench")
        elapsed = time.perf_counter() - start
        assert not summary.failed, summary.failed
        pages = summary.pages
        sizes = {p: p.stat().st_size for p in summary.files}
        size = sum(sizes.values())
        print(f"{f'{len(ids)} household registration forms, one file each':<58} {elapsed:8.1f} s")
        print(f"{'  = per form':<58} {elapsed / len(ids) * 1000:8.1f} ms")
        print(f"{'  pages':<58} {pages:8d}")
        print(f"{'  bytes per page (mean)':<58} {size / pages / 1024:8.1f} KB")
        print(f"{'  largest file':<58} {max(sizes.values()) / 1024:8.1f} KB")

        per_form = {}
        for template in printing.list_forms():
            record = {"household": ids[0], "referral": referral_id, "notice": "all"}.get(template.record)
            if template.record == "visit":
                record = visits.list_visits(db)[0].id
            assert record is not None
            start = time.perf_counter()
            pdf = printing.render_form(db, template.name, record)
            per_form[template.name] = (
                (time.perf_counter() - start) * 1000,
                pdf.pages,
                len(pdf.data) / pdf.pages,
            )
        for name, (ms, pages, per_page) in per_form.items():
            print(f"  {name:<30} {ms:7.1f} ms  {pages} page(s)  {per_page / 1024:6.1f} KB/page")

        # issue 13: long free text and rare characters
        note = ("家中老人卧病在床，孩子上学，收入微薄；" * 600)[:10_000]
        visit_id = visits.record_visit(db, visits.VisitData(ids[0], today(), living_conditions=note))
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            pdf = printing.render_form(db, "home_visit", visit_id)
            samples.append(time.perf_counter() - start)
        print(
            f"{'home visit with a 10,000-character note (render)':<58} {min(samples) * 1000:8.1f} ms"
            f"  (median {statistics.median(samples) * 1000:.1f} ms, {pdf.pages} pages)"
        )
        households.add_member(db, ids[0], MemberData(name="吉𠮷䶮", relation=vocab.Relation.SON))
        for label in ("first rare name: fallback fonts unpacked", "rare name again"):
            start = time.perf_counter()
            pdf = printing.render_form(db, "household_registration", ids[0])
            print(
                f"{f'registration form, {label}':<58} {(time.perf_counter() - start) * 1000:8.1f} ms"
                f"  ({len(pdf.data) / pdf.pages / 1024:.0f} KB/page)"
            )
        db.close()


if __name__ == "__main__":
    main()
