"""Printing use cases: gather a record's data for a form, render it, and log every document.

The engine (`fieldapp.printing`) only sees plain dicts of display strings built here, through
the other services and the storage models; it never touches the database. Every document
produced — saved as PDF or sent to a printer — writes a `print_record` row (form, record, who,
when, where, copies, pages, SHA-256), because a printed form is personal information leaving
the machine (PIPL).
"""

from __future__ import annotations

import datetime as dt
import errno
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import vocab
from fieldapp.domain.divisions import divisions
from fieldapp.domain.errors import NotFound, ValidationError
from fieldapp.domain.idcard import mask_id_number, parse_id_number
from fieldapp.domain.money import format_yuan
from fieldapp.domain.people import age_on
from fieldapp.domain.phone import mask_phone
from fieldapp.domain.referrals import catalogue
from fieldapp.printing import qr
from fieldapp.printing.binding import check_bindings
from fieldapp.printing.engine import RenderedBundle, RenderedPdf, render, render_many
from fieldapp.printing.errors import PrintError, TemplateError
from fieldapp.printing.template import (
    FormTemplate,
    available_forms,
    broken_forms,
    get_template,
    parse_template,
)
from fieldapp.services import audit, settings
from fieldapp.services.common import get_live, today
from fieldapp.storage.db import Database
from fieldapp.storage.files import write_atomic
from fieldapp.storage.models import (
    Assessment,
    Attachment,
    AuditEvent,
    Cadre,
    Consent,
    Household,
    Member,
    Pairing,
    PrintRecord,
    Referral,
    ReliefPayment,
    Visit,
)

Data = dict[str, Any]
Progress = Callable[[int, int], None]

UNION_HOTLINE = "12351"  # the national trade-union staff hotline
NOTICE_WORKING_DAYS = 5  # a public notice runs at least 5 working days
LEGAL_KINDS = {
    "RIGHTS-LEGALAID": "劳动争议（申请法律援助）",
    "RIGHTS-WAGES": "追索劳动报酬（欠薪）",
    "RIGHTS-INJURY": "工伤赔偿",
    "RIGHTS-MEDIATION": "劳动争议",
    "RIGHTS-CONTRACT": "劳动合同纠纷",
    "RIGHTS-INSURANCE": "社会保险待遇",
}
MEANS_TEST_EXEMPT = {"RIGHTS-WAGES", "RIGHTS-INJURY"}
# a form's name is its file name: lower-case letters, digits and underscores, like the bundled ones
FORM_NAME = re.compile(r"[a-z0-9_]{1,48}")  # hq_meta keys "form:<name>" are at most 64
SENT_FORMS_FOLDER = "forms"  # in the data folder: templates headquarters sent (sync reply)


@dataclass(frozen=True)
class PrintedDocument:
    form: str
    record_id: str
    pdf: RenderedPdf
    print_record_id: str
    notes: tuple[str, ...] = ()  # e.g. households left out of a public notice for want of consent


# --------------------------------------------------------------------------- display helpers


def _date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _phone(e164: str | None) -> str:
    if not e164:
        return ""
    return e164[3:] if e164.startswith("+86") else e164


def _yuan(fen: int | None) -> str:
    """4,800元 or 1,207.22元: whole yuan without decimals, so narrow cells do not wrap."""
    if fen is None:
        return ""
    text = format_yuan(fen)
    return f"{text.removesuffix('.00')}元"


def _birth(day: dt.date | None) -> str:
    return f"{day.year}.{day.month:02d}.{day.day:02d}" if day else ""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def _val(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return str(value.value)
    return str(value)


def _short_code(prefix: str, row_id: str) -> str:
    return f"{prefix}-{row_id.replace('-', '')[:8].upper()}"


def _health_text(m: Member) -> str:
    text = m.health.value
    if m.health == vocab.HealthStatus.DISABLED:
        detail = "".join(_val(x) for x in (m.disability_category, m.disability_grade))
        return f"{text}（{detail}）" if detail else text
    return f"{text}（{m.illness}）" if m.illness else text


def _birth_from_id(id_number: str | None) -> dt.date | None:
    """The birth date an ID number carries (a member saved without one still prints it)."""
    if not id_number:
        return None
    try:
        return parse_id_number(id_number).birth_date
    except ValidationError:
        return None


def _member(m: Member | None, on: dt.date) -> Data:
    if m is None:
        keys = [
            "id",
            "name",
            "relation",
            "sex",
            "ethnicity",
            "id_number",
            "birth_date",
            "age",
            "political_status",
            "marital_status",
            "health",
            "health_status",
            "work_status",
            "identity",
            "employer_or_school",
            "industry",
            "monthly_income",
            "medical_insurance",
            "social_insurance",
            "labour_contract",
            "phone",
        ]
        return dict.fromkeys(keys, "")
    birth = m.birth_date or _birth_from_id(m.id_number)
    return {
        "id": m.id,
        "name": m.name,
        "relation": m.relation.value,
        "sex": _val(m.sex),
        "ethnicity": m.ethnicity,
        "id_number": m.id_number or "",
        "birth_date": _birth(birth),
        "age": str(age_on(birth, on)) if birth else "",
        "political_status": _val(m.political_status),
        "marital_status": _val(m.marital_status),
        "health": _health_text(m),
        "health_status": m.health.value,
        "work_status": _val(m.work_status),
        "identity": _val(m.identity),
        "employer_or_school": m.employer_or_school,
        "industry": m.industry,
        "monthly_income": _yuan(m.monthly_income_fen) if m.monthly_income_fen else "无",
        "medical_insurance": _val(m.medical_insurance),
        "social_insurance": _val(m.social_insurance),
        "labour_contract": _yes_no(m.labour_contract),
        "phone": _phone(m.phone),
    }


def _cause(code: int) -> str:
    return f"{code}.{vocab.HardshipCause(code).label}"


def _assessment(a: Assessment | None) -> Data:
    if a is None:
        keys = "assessed_on main_cause secondary_causes household_size annual_income rigid_spending "
        keys += "per_head_monthly dibao_standard category reason"
        return dict.fromkeys(keys.split(), "")
    secondary = [int(c) for c in a.secondary_causes.split(",") if c]
    return {
        "assessed_on": _date(a.assessed_on),
        "main_cause": _cause(a.main_cause),
        "secondary_causes": "；".join(_cause(c) for c in secondary) or "无",
        "household_size": str(a.household_size),
        "annual_income": _yuan(a.annual_income_fen),
        "rigid_spending": _yuan(a.rigid_spending_fen),
        "per_head_monthly": _yuan(a.per_head_monthly_fen),
        "dibao_standard": _yuan(a.dibao_standard_fen) + "/月",
        "category": a.category.value,
        "reason": a.reason,
    }


def _cadre(c: Cadre | None) -> Data:
    if c is None:
        return {"name": "", "unit": "", "post": "", "phone": ""}
    return {"name": c.name, "unit": c.unit, "post": c.post, "phone": _phone(c.phone)}


# --------------------------------------------------------------------------- gathering


def _latest_assessment(s: Session, household_id: str) -> Assessment | None:
    return s.scalar(
        select(Assessment)
        .where(Assessment.household_id == household_id, Assessment.deleted.is_(False))
        .order_by(Assessment.assessed_on.desc(), Assessment.hlc.desc())
        .limit(1)
    )


def _paired_cadre(s: Session, household_id: str) -> Cadre | None:
    return s.scalar(
        select(Cadre)
        .join(Pairing, Pairing.cadre_id == Cadre.id)
        .where(Pairing.household_id == household_id, Pairing.ended_on.is_(None), Pairing.deleted.is_(False))
        .order_by(Pairing.started_on)
        .limit(1)
    )


# the attachments checklist fits one line with the short names of the national form
_ATTACHMENT_SHORT = {
    vocab.AttachmentKind.ID_CARD: "身份证",
    vocab.AttachmentKind.HOUSEHOLD_REGISTER: "户口簿",
    vocab.AttachmentKind.MEDICAL_RECEIPTS: "医疗票据",
    vocab.AttachmentKind.TUITION_RECEIPTS: "学费票据",
    vocab.AttachmentKind.LABOUR_CONTRACT: "劳动合同或用工证明",
    vocab.AttachmentKind.REVIEW_MINUTES: "评议记录",
}


def _referrals_of(s: Session, household_id: str) -> list[Referral]:
    return list(
        s.scalars(
            select(Referral)
            .where(Referral.household_id == household_id, Referral.deleted.is_(False))
            .order_by(Referral.created_on.desc(), Referral.hlc.desc())
        )
    )


def _household_data(s: Session, h: Household, on: dt.date) -> Data:
    index = divisions()
    village = index.village(h.village_code) if h.village_code else None
    township = index.township_of(village) if village else None
    county = index.county_of(township) if township else None
    members = [m for m in h.members if not m.deleted]
    members.sort(key=lambda m: (m.relation != vocab.Relation.HEAD, m.created_at))
    head = members[0] if members and members[0].relation == vocab.Relation.HEAD else None
    assessment = _latest_assessment(s, h.id)
    cadre = _paired_cadre(s, h.id)
    income = _income(head, members, assessment)
    visits = list(
        s.scalars(
            select(Visit)
            .where(Visit.household_id == h.id, Visit.deleted.is_(False))
            .order_by(Visit.visit_date.desc(), Visit.hlc.desc())
        )
    )
    referrals = _referrals_of(s, h.id)
    relief = list(
        s.scalars(
            select(ReliefPayment)
            .where(ReliefPayment.household_id == h.id, ReliefPayment.deleted.is_(False))
            .order_by(ReliefPayment.paid_on.desc())
        )
    )
    attached = set(
        s.scalars(
            select(Attachment.kind).where(Attachment.household_id == h.id, Attachment.deleted.is_(False))
        )
    )
    kinds = catalogue()
    county_name = county.name if county else ""
    grassroots = (cadre.unit if cadre and cadre.unit else "") or h.unit_name or "（基层工会）"
    address = (index.full_name(h.village_code) if h.village_code else "") + h.address_detail
    return {
        "household": {
            "id": h.id,
            "code": _short_code("HH", h.id),
            "address": address,
            "county": county_name,
            "township": township.name if township else "",
            "village": village.name if village else "",
            "phone": _phone(h.phone) or (_phone(head.phone) if head else ""),
            "pairing_basis": h.pairing_basis.value,
            "unit_name": h.unit_name,
            "hukou_type": _val(h.hukou_type),
            "housing_type": _val(h.housing_type),
            "housing_area": f"{h.housing_area_m2}平方米" if h.housing_area_m2 is not None else "",
            "single_parent": _yes_no(h.single_parent),
            "zero_employment": _yes_no(h.zero_employment),
            "status": h.status.value,
            "note": h.note,
            "member_count": str(len(members)),
        },
        "head": _member(head, on),
        "members": [_member(m, on) for m in members],
        "family": [_member(m, on) for m in members if m is not head],
        "income": income,
        "assessment": _assessment(assessment),
        "cadre": _cadre(cadre),
        "union": {
            "grassroots": grassroots,
            "county": f"{county_name}总工会" if county_name else "县区总工会",
            "city": "临沂市总工会",
            "hotline": UNION_HOTLINE,
        },
        "visits": [
            {
                "date": _date(v.visit_date),
                "mode": v.mode.value,
                "summary": v.living_conditions,
                "demands": v.demands,
            }
            for v in visits
        ],
        "referrals": [
            {
                "date": _date(r.created_on),
                "kind": kinds[r.kind_code].name if r.kind_code in kinds else r.kind_code,
                "area": r.area.value,
                "receiving_body": r.receiving_body,
                "status": r.status.value,
            }
            for r in referrals
        ],
        "relief": [
            {
                "date": _date(p.paid_on),
                "programme": p.programme.value,
                "amount": _yuan(p.amount_fen),
                "note": p.note,
            }
            for p in relief
        ],
        "help": "、".join(dict.fromkeys(r.area.value for r in referrals))
        or "生活困难帮扶、就业创业、维护合法权益",
        "student": _student(s, members, relief, referrals, on),
        "legal": _legal(h, head, referrals),
        "special": _special(members, referrals, assessment),
        "attachments": {
            "checklist": " ".join(
                ("■" if kind in attached else "□") + _ATTACHMENT_SHORT.get(kind, kind.value)
                for kind in vocab.AttachmentKind
                if kind != vocab.AttachmentKind.OTHER
            ),
            "count": str(len(attached)),
        },
        "today": _date(on),
    }


def _income(head: Member | None, members: list[Member], a: Assessment | None) -> Data:
    """The income block of a form, from the latest assessment so that every form shows the
    figures the category was decided on: 本人月均收入 × 12 + 家庭其他年收入 = 家庭年总收入, and
    月人均收入 = (年总收入 − 刚性支出) / 12 / 人口, the national standard's X. Without an
    assessment the members' monthly incomes are summed (and nothing is deducted)."""
    worker = head.monthly_income_fen if head else 0
    if a is not None:
        total, size, rigid = a.annual_income_fen, a.household_size, a.rigid_spending_fen
        worker = min(worker, total // 12)  # income recorded after the assessment cannot exceed it
        per_head = a.per_head_monthly_fen
    else:
        total = sum(m.monthly_income_fen for m in members) * 12
        size, rigid = max(len(members), 1), 0
        per_head = total // (12 * size)
    return {
        "worker_monthly": _yuan(worker),
        "others_annual": _yuan(total - worker * 12),
        "total_annual": _yuan(total),
        "rigid_spending": _yuan(rigid) if a is not None else "",
        "size": str(size),
        "per_head_monthly": _yuan(per_head),
        "assessed_on": _date(a.assessed_on) if a is not None else "未评定",
    }


_HIGHER_SCHOOL = (
    "大学",
    "学院",
    "高中",
    "高级中学",
    "职业",
    "职专",
    "中专",
    "中等专业",
    "技工",
    "技师",
    "工业学校",
)
_LOWER_SCHOOL = ("小学", "幼儿园", "初中", "初级中学")
JINQIU_MIN_AGE = 15  # age of entering senior or vocational high school


def jinqiu_eligible(m: Member, on: dt.date) -> bool:
    """金秋助学 is for a student entering or studying at college or senior/vocational high school:
    told by the school's name where it says so (大学, 职业…, 小学, 初中…), else by age."""
    if m.identity != vocab.Identity.STUDENT and m.work_status != vocab.WorkStatus.STUDENT:
        return False
    school = m.employer_or_school or ""
    if any(word in school for word in _LOWER_SCHOOL):
        return False
    if any(word in school for word in _HIGHER_SCHOOL):
        return True
    birth = m.birth_date or _birth_from_id(m.id_number)
    return birth is not None and age_on(birth, on) >= JINQIU_MIN_AGE


def _student(
    s: Session, members: list[Member], relief: list[ReliefPayment], referrals: list[Referral], on: dt.date
) -> Data:
    """The 金秋助学 applicant: the eligible member named by a 金秋助学 payment or a live
    referral, else the eldest eligible student; nobody (blank) when no member qualifies."""
    eligible = {m.id: m for m in members if jinqiu_eligible(m, on)}
    chosen: Member | None = None
    live = [r for r in referrals if r.status != vocab.ReferralStatus.WITHDRAWN]
    for r in live:
        if r.kind_code == "LIVING-JINQIU" and r.member_id in eligible:
            chosen = eligible[r.member_id]
            break
    if chosen is None:
        for p in relief:
            if p.programme == vocab.ReliefProgramme.AUTUMN_STUDENT_AID and p.member_id in eligible:
                chosen = eligible[p.member_id]
                break
    if chosen is None and eligible:
        chosen = min(eligible.values(), key=lambda m: m.birth_date or _birth_from_id(m.id_number) or on)
    data = _member(chosen, on)
    data["reason"] = next((r.reason for r in live if r.kind_code == "LIVING-JINQIU"), "")
    return data


# a legal-aid case is taken from a rights referral still under way: not withdrawn, returned or closed
ACTIVE_STATUSES = {vocab.ReferralStatus.DRAFT, vocab.ReferralStatus.REFERRED, vocab.ReferralStatus.ACCEPTED}


def _legal(h: Household, head: Member | None, referrals: list[Referral]) -> Data:
    """The legal-aid application's case: the latest rights referral under way (newest first), else
    the latest closed one (a reprint for the archive); never a withdrawn or returned one."""
    legal = [r for r in referrals if r.kind_code in LEGAL_KINDS]
    active = [r for r in legal if r.status in ACTIVE_STATUSES]
    closed = [r for r in legal if r.status == vocab.ReferralStatus.COMPLETED]
    case = active[0] if active else closed[0] if closed else None
    if case is None:
        return {"cause": "", "summary": "", "opponent": "", "exempt": "", "referral_date": ""}
    exempt = any(r.kind_code in MEANS_TEST_EXEMPT for r in (active or [case]))
    return {
        "cause": LEGAL_KINDS[case.kind_code],
        "summary": case.reason,
        "opponent": head.employer_or_school if head else "",
        "exempt": "免予审查（追索劳动报酬或工伤赔偿）" if exempt else "须审查家庭经济困难状况",
        "referral_date": _date(case.created_on),
    }


def _special(members: list[Member], referrals: list[Referral], a: Assessment | None) -> Data:
    ill = [
        m for m in members if m.health in (vocab.HealthStatus.SERIOUS_ILLNESS, vocab.HealthStatus.DISABLED)
    ]
    reason = next((r.reason for r in referrals if r.kind_code == "LIVING-SPECIAL"), "")
    if not reason and a is not None:
        reason = f"{_cause(a.main_cause)}；{a.reason}"
    return {
        "reason": reason,
        "patients": "；".join(f"{m.name}（{m.relation.value}）：{_health_text(m)}" for m in ill) or "无",
    }


def _household(s: Session, household_id: str) -> Household:
    h = get_live(s, Household, household_id)
    _ = list(h.members)
    return h


_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9A-Za-z])"
)
_LANDLINE_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(0\d{2,3})[- ]?(\d{3,4})(\d{4})(?![0-9A-Za-z])")
_NOT_FREE_TEXT = {
    "id",
    "code",
    "payload",
    "check",
    "scope",
    "id_number",
    "phone",
}  # codes; fields masked apart


def mask_numbers_in_text(text: str) -> str:
    """ID-like and phone-like numbers typed into free text (a referral reason, a note), masked as
    the fields are: 371324********1234, 138****1234, 0539-****1234."""
    if not any(c.isdigit() for c in text):
        return text
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(1)), text)
    text = _MOBILE_IN_TEXT.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    return _LANDLINE_IN_TEXT.sub(lambda m: f"{m.group(1)}-****{m.group(3)}", text)


def mask_personal(data: Data, *, keep: frozenset[str] = frozenset({"cadre", "union"})) -> Data:
    """The same data with the family's ID and phone numbers masked, also where they were typed
    into free text (the cadre's and the union's own contact numbers, under `keep`, stay
    readable: they are meant to be called)."""
    out: Data = {}
    for key, value in data.items():
        if key in keep:
            out[key] = value
        elif isinstance(value, dict):
            out[key] = mask_personal(value, keep=keep)
        elif isinstance(value, list):
            out[key] = [mask_personal(v, keep=keep) if isinstance(v, dict) else v for v in value]
        elif key == "id_number" and isinstance(value, str) and value:
            out[key] = mask_id_number(value)
        elif key == "phone" and isinstance(value, str) and value:
            out[key] = mask_phone(value)
        elif isinstance(value, str) and key not in _NOT_FREE_TEXT:
            out[key] = mask_numbers_in_text(value)
        else:
            out[key] = value
    return out


def gather(
    db: Database,
    template: FormTemplate,
    record_id: str,
    *,
    on: dt.date | None = None,
    reveal: bool = False,
) -> Data:
    """The plain data a form shows for one record (a household, visit, referral or notice scope).

    For an `outward` form the family's ID and phone numbers are masked unless `reveal`.
    """
    data = _gather(db, template, record_id, on=on)
    return mask_personal(data) if template.outward and not reveal else data


def _gather(db: Database, template: FormTemplate, record_id: str, *, on: dt.date | None = None) -> Data:
    day = on or today()
    with db.session() as s:
        if template.record == "household":
            return _household_data(s, _household(s, record_id), day)
        if template.record == "visit":
            v = get_live(s, Visit, record_id)
            data = _household_data(s, _household(s, v.household_id), day)
            cadre = s.get(Cadre, v.cadre_id) if v.cadre_id else None
            data["visit"] = {
                "date": _date(v.visit_date),
                "mode": v.mode.value,
                "place": v.place,
                "people_met": v.people_met,
                "living_conditions": v.living_conditions,
                "demands": v.demands,
                "notes": v.notes,
                "next_visit_due": _date(v.next_visit_due),
                "code": _short_code("ZF", v.id),
                "cadre": _cadre(cadre),
                "by": "　".join(x for x in (cadre.name, cadre.unit, cadre.post) if x) if cadre else "",
            }
            # the record of a visit lists the referrals made during it, not later ones
            data["referrals"] = [
                row
                for row, r in zip(data["referrals"], _referrals_of(s, v.household_id), strict=True)
                if r.visit_id == v.id or (r.visit_id is None and r.created_on == v.visit_date)
            ]
            return data
        if template.record == "referral":
            r = get_live(s, Referral, record_id)
            data = _household_data(s, _household(s, r.household_id), day)
            kinds = catalogue()
            member = s.get(Member, r.member_id) if r.member_id else None
            cadre = s.get(Cadre, r.cadre_id) if r.cadre_id else None
            payload = qr.referral_payload(r.id)
            data["referral"] = {
                "id": r.id,
                "code": _short_code("ZJ", r.id),
                "payload": payload,
                "check": payload.rsplit(":", 1)[1],
                "kind": kinds[r.kind_code].name if r.kind_code in kinds else r.kind_code,
                "area": r.area.value,
                "receiving_body": r.receiving_body,
                "reason": r.reason,
                "date": _date(r.created_on),
                "status": r.status.value,
                "person": member.name if member else (data["head"]["name"]),
                "follow_up_due": _date(r.follow_up_due),
                "cadre": _cadre(cadre) if cadre else data["cadre"],
            }
            return data
        return _notice_data(s, record_id, day)


def _working_days_after(start: dt.date, n: int) -> dt.date:
    day = start
    counted = 1 if start.weekday() < 5 else 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


def _notice_data(s: Session, scope: str, on: dt.date) -> Data:
    """A public notice (公示): names, masked ID numbers, village, size and category; never health.

    Only households with a granted public-notice consent are listed (disclosure, PIPL Art. 25);
    the others are counted in `notice.omitted` for the cadre, not printed.
    """
    index = divisions()
    prefix = "" if scope in ("", "all") else scope.strip()
    if prefix and (not prefix.isdigit() or not prefix.startswith("3713")):
        raise ValidationError.single("record", "公示范围", "应为 all 或临沂市的区划代码（如 371324）")
    area = index.full_name(prefix.ljust(12, "0")) if prefix else "临沂市"
    if prefix and area == "临沂市" and prefix != "3713":
        raise NotFound(f"找不到区划代码 {prefix}，请核对（可用县区、乡镇或村的代码）")
    rows: list[Data] = []
    omitted = 0
    query = select(Household).where(
        Household.deleted.is_(False), Household.status != vocab.HouseholdStatus.CLOSED
    )
    if prefix:
        query = query.where(Household.village_code.startswith(prefix))
    households = list(s.scalars(query))
    consent: dict[str, bool] = {}
    for c in s.scalars(
        select(Consent)
        .where(Consent.purpose == vocab.ConsentPurpose.PUBLIC_NOTICE, Consent.deleted.is_(False))
        .order_by(Consent.given_on, Consent.hlc)
    ):
        consent[c.household_id] = c.granted  # the latest decision wins
    eligible = {
        vocab.HardshipCategory.DEEP,
        vocab.HardshipCategory.RELATIVE,
        vocab.HardshipCategory.ACCIDENTAL,
    }
    for h in households:
        a = _latest_assessment(s, h.id)
        if a is None or a.category not in eligible:
            continue
        if not consent.get(h.id, False):
            omitted += 1
            continue
        head = h.head
        village = index.village(h.village_code) if h.village_code else None
        township = index.township_of(village) if village else None
        rows.append(
            {
                "name": head.name if head else "",
                "id_masked": mask_id_number(head.id_number) if head and head.id_number else "",
                "place": (township.name if township else "") + (village.name if village else ""),
                "size": str(a.household_size),
                "category": a.category.value,
                "sort": (h.village_code or "", head.name_initials if head else ""),
            }
        )
    rows.sort(key=lambda r: r.pop("sort"))
    end = _working_days_after(on, NOTICE_WORKING_DAYS)
    county = index.by_code.get(prefix[:6]) if len(prefix) >= 6 else None
    county_union = f"{county.name}总工会" if county else ""
    return {
        "notice": {
            "area": area,
            "count": str(len(rows)),
            "start": _date(on),
            "end": _date(end),
            "omitted": str(omitted),
            "scope": prefix or "all",
        },
        "rows": rows,
        "union": {"grassroots": "", "county": county_union, "city": "临沂市总工会", "hotline": UNION_HOTLINE},
        "issuer": county_union or "临沂市总工会",  # who posts the notice: the county union, or the city's
        "today": _date(on),
    }


# --------------------------------------------------------------------------- templates


def _keys(names: str) -> Data:
    return dict.fromkeys(names.split(), "")


def data_shape(record: str) -> Data:
    """Every key `gather` gives a form of this record kind (empty values, one row per list).

    What a template may bind, known without a database: headquarters checks a template with it
    before sending it, and a device checks one it received (`check_template`).
    """
    union = _keys("grassroots county city hotline")
    if record == "notice":
        return {
            "notice": _keys("area count start end omitted scope"),
            "rows": [_keys("name id_masked place size category")],
            "union": union,
            "issuer": "",
            "today": "",
        }
    member = _member(None, dt.date(2000, 1, 1))
    data: Data = {
        "household": _keys(
            "id code address county township village phone pairing_basis unit_name hukou_type "
            "housing_type housing_area single_parent zero_employment status note member_count"
        ),
        "head": member,
        "members": [dict(member)],
        "family": [dict(member)],
        "income": _keys(
            "worker_monthly others_annual total_annual rigid_spending size per_head_monthly assessed_on"
        ),
        "assessment": _assessment(None),
        "cadre": _cadre(None),
        "union": union,
        "visits": [_keys("date mode summary demands")],
        "referrals": [_keys("date kind area receiving_body status")],
        "relief": [_keys("date programme amount note")],
        "help": "",
        "student": {**member, "reason": ""},
        "legal": _keys("cause summary opponent exempt referral_date"),
        "special": _keys("reason patients"),
        "attachments": _keys("checklist count"),
        "today": "",
    }
    if record == "visit":
        data["visit"] = {
            **_keys("date mode place people_met living_conditions demands notes next_visit_due code by"),
            "cadre": _cadre(None),
        }
    if record == "referral":
        data["referral"] = {
            **_keys("id code payload check kind area receiving_body reason date status person follow_up_due"),
            "cadre": _cadre(None),
        }
    return data


def check_template(name: str, text: str, path: Path | None = None) -> FormTemplate:
    """A template read and checked as printing will use it: its name, the TOML and its structure
    (the loader's checks) and every `{field}` it binds. `TemplateError` (Chinese) otherwise."""
    if not FORM_NAME.fullmatch(name):
        raise TemplateError(f"表单名“{name}”不合适：只能用小写英文字母、数字和下划线（如 referral_slip）。")
    template = parse_template(name, text, path)
    check_bindings(template, data_shape(template.record))
    trial_render(template)
    return template


_LONG_SAMPLE = (
    "家中两位老人常年患病，需长期服药；妻子在县城超市打零工，收入不稳定；两个孩子分别读高中和初中，"
    "学费和生活费开支较大。去年因工受伤后未签劳动合同，工伤认定尚在办理。希望得到技能培训和就业推荐。"
) * 3
_LONG_KEYS = {"note", "living_conditions", "demands", "notes", "reason", "summary", "patients"}


def sample_data(record: str) -> Data:
    """Representative data of a record kind for a trial render: every field filled, free text
    several lines long, lists of a dozen rows (a large household, a busy file)."""

    def fill(key: str, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: fill(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(key, value[0]) for _ in range(12)] if value else []
        return _LONG_SAMPLE if key in _LONG_KEYS else "示例内容二〇一四"

    filled: Data = fill("", data_shape(record))
    if "referral" in filled:
        filled["referral"]["payload"] = qr.referral_payload("6f1c2b1e-0d4a-4c55-9d2b-7e1f0a3c9b11")
    return filled


def trial_render(template: FormTemplate) -> RenderedPdf:
    """Render a template on representative data; a template that cannot be laid out (a row
    taller than the page, a font too large for its columns) is a TemplateError, in Chinese."""
    try:
        return render(template, sample_data(template.record))
    except TemplateError:
        raise
    except Exception:  # ReportLab's layout errors: reported in plain words, not as a traceback
        raise TemplateError(
            f"表单模板 {template.name}.toml 试排版失败：有的行或块比一页还高，或字号过大、栏目过窄，"
            "表单无法排到A4纸上。请减小字号、行高或调整栏宽后重新检查。"
        ) from None


def sent_forms_folder(db: Database) -> Path:
    """Where the templates headquarters sent are kept: `<data folder>/forms/NAME.toml`."""
    return db.path.parent / SENT_FORMS_FOLDER


_sent_cache: dict[tuple[str, int, int], FormTemplate | TemplateError] = {}


def _load_sent(path: Path) -> FormTemplate:
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    hit = _sent_cache.get(key)
    if hit is None:
        try:
            hit = check_template(path.stem, path.read_text(encoding="utf-8"), path)
        except UnicodeDecodeError:
            hit = TemplateError("文件不是 UTF-8 文字")
        except TemplateError as e:
            hit = e
        _sent_cache[key] = hit
    if isinstance(hit, TemplateError):
        raise hit
    return hit


def form_templates(db: Database | None = None) -> tuple[dict[str, FormTemplate], list[str]]:
    """The forms this device prints, and the problems met: the bundled templates, each replaced
    (or joined) by the one of the same name headquarters sent. A sent template that does not load
    is reported and the bundled one is used, so printing never breaks on it."""
    found = dict(available_forms())
    problems: list[str] = [
        f"程序自带的表单模板 {name}.toml 已损坏，该表单暂不能打印（{e}）。其他表单不受影响；请重新安装程序。"
        for name, e in broken_forms().items()
    ]
    folder = sent_forms_folder(db) if db is not None else None
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                found[path.stem] = _load_sent(path)
            except (TemplateError, OSError) as e:
                fallback = "已改用程序自带的同名表单" if path.stem in found else "该表单暂不能打印"
                problems.append(
                    f"市总工会下发的表单模板 {path.name} 无法使用，{fallback}（{e}）。请升级程序或联系市总工会。"
                )
    return found, problems


def template_for(db: Database | None, name: str) -> FormTemplate:
    """The template printed under this name on this device (headquarters' version first)."""
    found, _ = form_templates(db)
    return found[name] if name in found else get_template(name)  # the latter explains the names


def form_problems(db: Database, name: str | None = None) -> list[str]:
    """Sent templates that do not load here (of one form, or all), for the cadre to see."""
    _, problems = form_templates(db)
    return [p for p in problems if name is None or f" {name}.toml " in p]


# --------------------------------------------------------------------------- producing documents


def list_forms(db: Database | None = None) -> list[FormTemplate]:
    """The printable forms; with a ledger, headquarters' templates in its data folder count."""
    return list(form_templates(db)[0].values())


def default_printer_name(db: Database) -> str:
    """Who prints: the current cadre of this device, else the operating-system user."""
    return audit.actor_name(db)[0]


def render_form(
    db: Database, form: str, record_id: str, *, on: dt.date | None = None, reveal: bool = False
) -> RenderedPdf:
    """The PDF of a form for a record, without logging (for the preview; log when it leaves)."""
    template = template_for(db, form)
    return _render(db, template, record_id, on=on, reveal=reveal)[0]


def _render(
    db: Database, template: FormTemplate, record_id: str, *, on: dt.date | None, reveal: bool
) -> tuple[RenderedPdf, Data, tuple[str, ...]]:
    """Gather and render; a headquarters template that cannot lay out this record falls back to
    the bundled form of the same name (with a note); any other failure is a PrintError."""
    data = gather(db, template, record_id, on=on, reveal=reveal)
    try:
        return render(template, data), data, ()
    except TemplateError:
        raise
    except Exception:
        bundled = _bundled_instead(template, "和这条记录告知技术支持；其他表单仍可打印。")
    note = (
        f"市总工会下发的表单模板 {template.name}.toml 排不下这份记录，已改用程序自带的同名表单。"
        "请告知市总工会。"
    )
    pdf, data, _ = _render(db, bundled, record_id, on=on, reveal=reveal)
    return pdf, data, (note,)


def _bundled_instead(template: FormTemplate, tell: str) -> FormTemplate:
    """The bundled form to print when `template` (one headquarters sent) cannot be laid out;
    a PrintError ending with `tell` when there is none, or the bundled form itself failed."""
    bundled = available_forms().get(template.name)
    if bundled is None or bundled is template or bundled.record != template.record:
        raise PrintError(
            f"“{template.title or template.name}”排版失败，未生成文件。请把表单名 {template.name} {tell}"
        ) from None  # called while handling the layout error: the user gets this message alone
    return bundled


def glyph_notes(pdf: RenderedPdf) -> list[str]:
    """A warning for characters that no bundled font has (printed as □), to show before printing."""
    if not pdf.missing_glyphs:
        return []
    chars = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in pdf.missing_glyphs[:10])
    return [
        f"以下字符在程序自带的字体中没有字形，打印出来是“□”：{chars}。"
        "请核对姓名、地址等内容（可改用常用字或在纸上手写补正），再打印或交出。"
    ]


def _os_problem(e: OSError, target: Path) -> PrintError:
    """A failed write in words a cadre can act on (storage.os_errors, no errno)."""
    from fieldapp.storage.os_errors import explain

    if e.errno == errno.EISDIR or target.is_dir():
        what, todo = "这是一个已有的文件夹", f"请在后面加上文件名，例如 {target / '表单.pdf'}"
    elif e.errno in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):  # the folder part is not a folder
        what, todo = "所在的文件夹不存在或不是文件夹", "请检查路径，或先插好U盘"
    else:
        what, todo = explain(e)
    return PrintError(f"无法保存到 {target}：{what}，未生成文件。{todo}。")


def save_pdf(target: Path, data: bytes) -> None:
    """Write a PDF whole (temporary NAME.part, then renamed) or not at all: on any failure the
    partial file, which holds personal data, is removed and a PrintError says what to do."""
    if target.is_dir():
        raise _os_problem(IsADirectoryError(errno.EISDIR, "is a directory"), target)
    try:
        write_atomic(target, data, tmp=target.with_name(target.name + ".part"))
    except OSError as e:
        raise _os_problem(e, target) from None


def _household_of(s: Session, template: FormTemplate, record_id: str) -> str | None:
    if template.record == "household":
        return record_id
    if template.record == "visit":
        return get_live(s, Visit, record_id).household_id
    if template.record == "referral":
        return get_live(s, Referral, record_id).household_id
    return None


def log_preview_reveal(db: Database, form: str, record_id: str, *, shown_by: str | None = None) -> None:
    """An outward form was shown on screen with full ID and phone numbers: audit the reveal."""
    template = template_for(db, form)
    with db.session() as s:
        household_id = _household_of(s, template, record_id)
    audit.log(
        db,
        vocab.AuditAction.REVEAL_ID,
        household_id=household_id,
        record_id=record_id[:36],
        detail=f"预览{template.title}时显示完整身份证号和电话",
        actor=shown_by,
    )


def log_print(
    db: Database,
    form: str,
    record_id: str,
    pdf: RenderedPdf,
    *,
    printed_by: str,
    destination: str = "pdf",
    copies: int = 1,
    revealed: bool = False,
) -> str:
    """Write the print_record row for a document that left the machine (PDF file or printer).

    `revealed`: an outward form was printed with full ID and phone numbers (audited apart)."""
    if destination not in ("pdf", "printer"):
        raise ValidationError.single("destination", "输出方式", "只能是 pdf 或 printer")
    if copies < 1:
        raise ValidationError.single("copies", "份数", "至少为1份")
    template = template_for(db, form)
    cadre_id = settings.current_cadre_id(db)
    with db.session() as s:
        household_id = _household_of(s, template, record_id)
        row = PrintRecord(
            form=form,
            record_id=record_id[:36],
            household_id=household_id,
            printed_by=printed_by[:50],
            destination=destination,
            copies=copies,
            pages=pdf.pages,
            sha256=pdf.sha256,
        )
        s.add(row)
        s.add(  # the audit log holds every handling of personal data in one place
            AuditEvent(
                actor=printed_by[:50],
                cadre_id=cadre_id,
                action=vocab.AuditAction.PRINT,
                household_id=household_id,
                record_id=record_id[:36],
                detail=f"{template.title}，{copies}份，{pdf.pages}页，{'打印机' if destination == 'printer' else 'PDF文件'}",
            )
        )
        if revealed and template.outward:
            s.add(
                AuditEvent(
                    actor=printed_by[:50],
                    cadre_id=cadre_id,
                    action=vocab.AuditAction.REVEAL_ID,
                    household_id=household_id,
                    record_id=record_id[:36],
                    detail=f"打印{template.title}时显示完整身份证号和电话",
                )
            )
        s.flush()
        return row.id


def print_to_file(
    db: Database,
    form: str,
    record_id: str,
    target: Path,
    *,
    printed_by: str | None = None,
    on: dt.date | None = None,
    reveal: bool = False,
) -> PrintedDocument:
    """Render a form to a PDF file (written whole, then renamed) and log it."""
    template = template_for(db, form)
    if target.is_dir():  # before the work of rendering
        raise _os_problem(IsADirectoryError(errno.EISDIR, "is a directory"), target)
    pdf, data, fallback = _render(db, template, record_id, on=on, reveal=reveal)
    save_pdf(target, pdf.data)
    who = printed_by if printed_by is not None else default_printer_name(db)
    record_row = log_print(db, form, record_id, pdf, printed_by=who, copies=template.copies, revealed=reveal)
    notes: tuple[str, ...] = tuple(form_problems(db, form)) + fallback + tuple(glyph_notes(pdf))
    if template.record == "notice" and data["notice"]["omitted"] != "0":
        notes += (
            f"有 {data['notice']['omitted']} 户符合条件但未签署公示同意书，未列入公示名单（个人信息保护法第二十五条）。",
        )
    return PrintedDocument(form, record_id, pdf, record_row, notes)


def render_household_forms(
    db: Database,
    household_id: str,
    forms: list[str] | None = None,
    *,
    on: dt.date | None = None,
    reveal: bool = False,
) -> RenderedBundle:
    """All forms of a household (or the given ones) in one PDF, each with its own page numbers."""
    names = forms or household_forms(db)
    templates = [template_for(db, name) for name in names]
    wrong = [t.name for t in templates if t.record != "household"]
    if wrong:
        raise ValidationError.single("form", "表单", f"{'、'.join(wrong)} 不是按户打印的表单")
    data = _gather(db, templates[0], household_id, on=on)  # one gathering serves every household form
    masked = mask_personal(data)
    parts = [(t, masked if t.outward and not reveal else data) for t in templates]
    try:
        return render_many(parts)
    except TemplateError:
        raise
    except Exception:  # find the form that cannot be laid out: headquarters' falls back
        fixed = []
        for t, d in parts:
            try:
                render(t, d)
                fixed.append((t, d))
            except Exception:
                fixed.append((_bundled_instead(t, "和这户的档案编号告知技术支持；其他表单可以单独打印。"), d))
        return render_many(fixed)


def log_bundle(
    db: Database,
    household_id: str,
    bundle: RenderedBundle,
    *,
    printed_by: str,
    destination: str = "pdf",
    copies: int = 1,
    revealed: bool = False,
) -> list[str]:
    """One print record per form of a household bundle (pages of that form, the bundle's hash).

    `revealed`: the bundle was rendered with `reveal=True` (its outward forms are audited)."""
    return [
        log_print(
            db,
            form,
            household_id,
            RenderedPdf(bundle.pdf.data, pages),
            printed_by=printed_by,
            destination=destination,
            copies=copies,
            revealed=revealed,
        )
        for form, pages in bundle.pages
    ]


def household_forms(db: Database | None = None) -> list[str]:
    """The forms printed for one household ("print all forms of this household")."""
    return [t.name for t in form_templates(db)[0].values() if t.record == "household"]


_CODE = re.compile(r"(HH|ZF|ZJ)-([0-9A-F]{8})")
_CODE_KINDS = {"HH": "household", "ZF": "visit", "ZJ": "referral"}


def _ids_with_prefix(s: Session, kind: str, prefix: str) -> list[str]:
    if kind == "household":
        query = select(Household.id).where(Household.id.startswith(prefix), Household.deleted.is_(False))
    elif kind == "visit":
        query = select(Visit.id).where(Visit.id.startswith(prefix), Visit.deleted.is_(False))
    else:
        query = select(Referral.id).where(Referral.id.startswith(prefix), Referral.deleted.is_(False))
    return list(s.scalars(query.limit(2)))


def resolve_record(db: Database, form: str, text: str) -> str:
    """The record id behind what a clerk types from paper: the id itself, a printed code
    (档案编号 HH-…, 走访编号 ZF-…, 转介编号 ZJ-…) or the text of the referral stub's QR code.

    A visit's or referral's code also names its household for a household form."""
    template = template_for(db, form)
    raw = text.strip()
    upper = raw.upper()
    if upper.startswith(qr.PREFIX + ":"):
        kind, ids = "referral", [qr.parse_referral_payload(raw)]
    else:
        match = _CODE.fullmatch(upper)
        if match is None:
            return raw  # an id as listed by `fieldapp list`, or a notice scope
        kind = _CODE_KINDS[match.group(1)]
        with db.session() as s:
            ids = _ids_with_prefix(s, kind, match.group(2).lower())
        if not ids:
            raise NotFound(f"找不到编号为 {upper} 的记录。请核对纸面上的编号（字母和数字）。")
        if len(ids) > 1:
            raise ValidationError.single("record", "编号", f"编号 {upper} 对应多条记录，请改用完整的记录编号")
    if kind == template.record:
        return ids[0]
    if template.record == "household":
        with db.session() as s:
            row = s.get(Visit, ids[0]) if kind == "visit" else s.get(Referral, ids[0])
            if row is not None:
                return row.household_id
    wanted = {"household": "档案编号（HH-…）", "visit": "走访编号（ZF-…）", "referral": "转介编号（ZJ-…）"}
    raise ValidationError.single(
        "record",
        "编号",
        f"“{template.title}”要用{wanted.get(template.record, '区划代码或 all')}，{upper[:40]} 不是",
    )
