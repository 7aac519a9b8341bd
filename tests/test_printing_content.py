"""What the forms say (issue 13): figures from one place that add up, the right applicant, case
and referrals, and personal numbers masked inside free text on outward forms. Explicit dates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import head_data, household_data, person_id

from fieldapp.domain import vocab
from fieldapp.domain.hardship import HardshipInput
from fieldapp.domain.people import MemberData
from fieldapp.printing.template import get_template
from fieldapp.services import assessments, households, printing, referrals, visits
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database

ON = dt.date(2026, 3, 16)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def text_of(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout)


def yuan(text: str) -> Decimal:
    assert text.endswith("元"), text
    return Decimal(text.removesuffix("元").replace(",", ""))


def test_registration_figures_add_up_and_match_the_assessment_for_every_demo_household(db: Database) -> None:
    fill_demo_data(db, 12, seed=2014, today=ON)
    form = get_template("household_registration")
    checked = 0
    for row in households.list_households(db):
        income = printing.gather(db, form, row.id, on=ON)["income"]
        assert yuan(income["worker_monthly"]) * 12 + yuan(income["others_annual"]) == yuan(
            income["total_annual"]
        )
        a = assessments.latest_assessment(db, row.id)
        if a is None:
            continue
        assert yuan(income["total_annual"]) * 100 == a.annual_income_fen
        assert yuan(income["rigid_spending"]) * 100 == a.rigid_spending_fen
        assert yuan(income["per_head_monthly"]) * 100 == a.per_head_monthly_fen  # the assessment's X
        assert income["size"] == str(a.household_size)
        assert income["assessed_on"] == f"{a.assessed_on.year}年{a.assessed_on.month}月{a.assessed_on.day}日"
        checked += 1
    assert checked >= 6


@needs_poppler
def test_registration_prints_rigid_spending_assessment_date_birth_dates_and_attachments(
    db: Database, tmp_path: Path
) -> None:
    household = households.create_household(db, household_data(), head_data(name="张海生")).id
    households.add_member(
        db,
        household,
        MemberData(name="张小", relation=vocab.Relation.SON, id_number=person_id(22, dt.date(2008, 9, 1))),
    )
    assessments.record_assessment(
        db,
        household,
        HardshipInput(2, 2_400_000, 600_000, vocab.HardshipCause.SERIOUS_ILLNESS),
        assessed_on=dt.date(2026, 2, 3),
    )
    target = tmp_path / "reg.pdf"
    printing.print_to_file(db, "household_registration", household, target, printed_by="王芳", on=ON)
    text = text_of(target)
    assert "刚性支出(年)6,000元" in text and "评定日期2026年2月3日" in text
    assert "2008.09.01" in text  # the member's birth date
    assert "家庭年总收入24,000元" in text and "月人均收入750元" in text  # (24000 − 6000) / 12 / 2
    assert "附件清单" in text and "□身份证" in text and "户主（签字）" in text and "本人承诺" in text


def _member(db: Database, household: str, name: str, birth: dt.date, seq: int, school: str) -> str:
    return households.add_member(
        db,
        household,
        MemberData(
            name=name,
            relation=vocab.Relation.SON,
            id_number=person_id(seq, birth),
            identity=vocab.Identity.STUDENT,
            employer_or_school=school,
        ),
    ).id


def test_jinqiu_applicant_is_a_senior_high_or_college_student(db: Database) -> None:
    household = households.create_household(db, household_data(), head_data()).id
    pupil = _member(db, household, "张小学", dt.date(2017, 5, 1), 31, "兰陵县第3实验小学")
    form = get_template("jinqiu_aid")
    assert printing.gather(db, form, household, on=ON)["student"]["name"] == ""  # nobody qualifies
    referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "LIVING-JINQIU", "市总工会困难职工帮扶中心", "学费", member_id=pupil, created_on=ON
        ),
    )
    assert printing.gather(db, form, household, on=ON)["student"]["name"] == ""  # a pupil named: refused
    _member(db, household, "张高中", dt.date(2010, 3, 1), 33, "兰陵县第2中学")  # 16: senior high by age
    assert printing.gather(db, form, household, on=ON)["student"]["name"] == "张高中"
    college = _member(db, household, "张大学", dt.date(2012, 3, 1), 35, "临沂大学")  # by the school's name
    referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "LIVING-JINQIU", "市总工会困难职工帮扶中心", "录取", member_id=college, created_on=ON
        ),
    )
    assert printing.gather(db, form, household, on=ON)["student"]["name"] == "张大学"


def test_legal_aid_takes_its_case_from_an_active_referral_not_a_withdrawn_one(db: Database) -> None:
    household = households.create_household(db, household_data(), head_data()).id
    referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "RIGHTS-INJURY", "县区总工会", "工地摔伤，工伤认定未办", created_on=dt.date(2026, 1, 5)
        ),
    )
    withdrawn = referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "RIGHTS-WAGES", "县区总工会", "欠薪已由老板结清", created_on=dt.date(2026, 2, 5)
        ),
    )
    referrals.change_status(
        db, withdrawn, vocab.ReferralStatus.WITHDRAWN, on=dt.date(2026, 2, 6), note="已结清"
    )
    legal = printing.gather(db, get_template("legal_aid"), household, on=ON)["legal"]
    assert legal["cause"] == "工伤赔偿" and legal["summary"] == "工地摔伤，工伤认定未办"
    assert legal["referral_date"] == "2026年1月5日"


def test_a_visit_record_lists_only_the_referrals_made_during_that_visit(db: Database) -> None:
    household = households.create_household(db, household_data(), head_data()).id
    visit = visits.record_visit(db, visits.VisitData(household, dt.date(2026, 1, 10)))
    referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "RIGHTS-WAGES", "县区总工会", "欠薪", visit_id=visit, created_on=dt.date(2026, 1, 10)
        ),
    )
    referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "RIGHTS-INJURY", "县区总工会", "后来的事", created_on=dt.date(2026, 2, 20)
        ),
    )
    listed = printing.gather(db, get_template("home_visit"), visit, on=ON)["referrals"]
    assert [r["kind"] for r in listed] == ["欠薪报告与追讨"]


def test_numbers_typed_into_free_text_are_masked() -> None:
    text = "户主身份证371324198005170112，手机138 0539 1234，座机0539-5201234，欠薪12000元，编号HH-3713240"
    masked = printing.mask_numbers_in_text(text)
    assert (
        masked
        == "户主身份证371324********0112，手机138****1234，座机0539-****1234，欠薪12000元，编号HH-3713240"
    )


@needs_poppler
def test_an_outward_form_masks_numbers_in_free_text_unless_revealed(db: Database, tmp_path: Path) -> None:
    household = households.create_household(db, household_data(), head_data()).id
    reason = "当事人身份证号37132419800517011X（补），电话13905391234，请联系"
    referral = referrals.create_referral(
        db, referrals.ReferralData(household, "RIGHTS-WAGES", "县区总工会", reason, created_on=ON)
    )
    printing.print_to_file(db, "referral_slip", referral, tmp_path / "m.pdf", printed_by="王芳", on=ON)
    masked = text_of(tmp_path / "m.pdf")
    assert "37132419800517011X" not in masked and "13905391234" not in masked
    assert "371324********011X" in masked and "139****1234" in masked
    printing.print_to_file(
        db, "referral_slip", referral, tmp_path / "f.pdf", printed_by="王芳", on=ON, reveal=True
    )
    full = text_of(tmp_path / "f.pdf")
    assert "37132419800517011X" in full and "13905391234" in full


@needs_poppler
def test_the_public_notice_cites_the_linyi_document_by_its_title_and_quotes_are_not_doubled(
    db: Database, tmp_path: Path
) -> None:
    printing.print_to_file(db, "public_notice", "all", tmp_path / "n.pdf", printed_by="王芳", on=ON)
    title = "《临沂市总工会关于在全市工会系统深入开展“情系农民工、爱心传万家”特别帮扶行动的实施意见》（临会发〔2014〕20号）"
    assert title in text_of(tmp_path / "n.pdf")
    household = households.create_household(db, household_data(), head_data()).id
    referral = referrals.create_referral(
        db,
        referrals.ReferralData(household, "LIVING-JINQIU", "市总工会困难职工帮扶中心", "学费", created_on=ON),
    )
    printing.print_to_file(db, "referral_slip", referral, tmp_path / "s.pdf", printed_by="王芳", on=ON)
    slip = text_of(tmp_path / "s.pdf")
    assert "申请办理“金秋助学”事项" in slip and "““" not in slip and "””" not in slip
