"""Regenerate docs/forms/*.png: page one of every form, rendered from demo data.

Run from the repository root:  python docs/forms/render_examples.py
Needs `pdftoppm` (poppler-utils). Look at every PNG after a template change: clipped or
overlapping text is a bug.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from fieldapp.domain import vocab
from fieldapp.services import households, printing, records, referrals, visits
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import open_database

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "data")
        fill_demo_data(db, 12, seed=2014)
        rows = households.list_households(db)
        for row in rows:  # a public notice lists only households that agreed to it
            records.record_consent(db, row.id, vocab.ConsentPurpose.PUBLIC_NOTICE, "公示同意书 2024版")
        live = [r for r in referrals.list_referrals(db) if r.status != vocab.ReferralStatus.WITHDRAWN]
        kinds = {r.kind_code: r for r in reversed(live)}
        largest = max(rows, key=lambda r: r.member_count).id
        chosen = {
            "household_registration": largest,
            "home_visit": visits.list_visits(db)[0].id,
            "referral_slip": kinds["RIGHTS-WAGES"].id,
            "jinqiu_aid": kinds["LIVING-JINQIU"].household_id,
            "legal_aid": kinds["RIGHTS-LEGALAID"].household_id,
            "special_relief": kinds["LIVING-SPECIAL"].household_id,
            "contact_card": largest,
            "public_notice": "all",
        }
        for form, record_id in chosen.items():
            pdf = Path(tmp) / f"{form}.pdf"
            printing.print_to_file(db, form, record_id, pdf, printed_by="docs")
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "100",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(HERE / form),
                ],
                check=True,
            )
            print(HERE / f"{form}.png")
        db.close()


if __name__ == "__main__":
    main()
