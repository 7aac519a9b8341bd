"""Rules for households and their members, on plain data (the services map them to rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from fieldapp.domain import clock, vocab
from fieldapp.domain.divisions import validate_village_code
from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.domain.idcard import parse_id_number
from fieldapp.domain.phone import normalize_phone


@dataclass(frozen=True)
class MemberData:
    name: str
    relation: vocab.Relation
    id_number: str | None = None
    birth_date: dt.date | None = None
    sex: vocab.Sex | None = None
    ethnicity: str = "汉族"
    political_status: vocab.PoliticalStatus | None = None
    marital_status: vocab.MaritalStatus | None = None
    health: vocab.HealthStatus = vocab.HealthStatus.GOOD
    illness: str = ""
    disability_category: vocab.DisabilityCategory | None = None
    disability_grade: vocab.DisabilityGrade | None = None
    work_status: vocab.WorkStatus | None = None
    identity: vocab.Identity | None = None
    employer_or_school: str = ""
    industry: str = ""
    monthly_income_fen: int = 0
    medical_insurance: vocab.MedicalInsurance | None = None
    social_insurance: vocab.SocialInsurance | None = None
    labour_contract: bool | None = None
    phone: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class HouseholdData:
    pairing_basis: vocab.PairingBasis
    village_code: str | None = None
    address_detail: str = ""
    phone: str | None = None
    unit_name: str = ""
    hukou_type: vocab.HukouType | None = None
    housing_type: vocab.HousingType | None = None
    single_parent: bool = False
    zero_employment: bool = False
    note: str = ""


def _collect(problems: list[FieldProblem], error: ValidationError) -> None:
    problems.extend(error.problems)


def normalize_member(data: MemberData, today: dt.date | None = None) -> MemberData:
    """Validate a member; fill birth date and sex from the ID number; raise naming every field."""
    problems: list[FieldProblem] = []
    warnings: list[str] = []
    name = " ".join(data.name.split())
    if not name:
        problems.append(FieldProblem("name", "姓名", "不能为空"))
    elif len(name) > 50:
        problems.append(FieldProblem("name", "姓名", "过长（最多50字）"))
    id_number = data.id_number.strip() if data.id_number else None
    birth_date, sex = data.birth_date, data.sex
    if id_number:
        try:
            parsed = parse_id_number(id_number, today=today)
        except ValidationError as e:
            _collect(problems, e)
        else:
            id_number = parsed.number
            warnings.extend(parsed.warnings)
            if birth_date is not None and birth_date != parsed.birth_date:
                problems.append(
                    FieldProblem(
                        "birth_date",
                        "出生日期",
                        f"与身份证号中的出生日期 {parsed.birth_date.isoformat()} 不一致",
                    )
                )
            if sex is not None and sex != parsed.sex:
                problems.append(
                    FieldProblem("sex", "性别", f"与身份证号不一致（号码显示为{parsed.sex.value}）")
                )
            birth_date, sex = parsed.birth_date, parsed.sex
    else:
        id_number = None
    if birth_date is not None and birth_date > (today or clock.today()):
        problems.append(FieldProblem("birth_date", "出生日期", "晚于今天"))
    if data.monthly_income_fen < 0:
        problems.append(FieldProblem("monthly_income_fen", "月收入", "不能为负数"))
    if data.health == vocab.HealthStatus.DISABLED and data.disability_category is None:
        problems.append(FieldProblem("disability_category", "残疾类别", "健康状况为残疾时必须选择"))
    if data.health != vocab.HealthStatus.DISABLED and (data.disability_category or data.disability_grade):
        problems.append(FieldProblem("disability_category", "残疾类别", "健康状况不是残疾时不应填写"))
    phone = None
    if data.phone and data.phone.strip():
        try:
            phone = normalize_phone(data.phone, field_name="phone", label="本人电话")
        except ValidationError as e:
            _collect(problems, e)
    if problems:
        raise ValidationError(problems)
    return replace(
        data,
        name=name,
        id_number=id_number,
        birth_date=birth_date,
        sex=sex,
        phone=phone,
        warnings=tuple(warnings),
    )


def normalize_household(data: HouseholdData) -> HouseholdData:
    problems: list[FieldProblem] = []
    village = data.village_code.strip() if data.village_code else None
    if village:
        try:
            village = validate_village_code(village)
        except ValidationError as e:
            _collect(problems, e)
    phone = None
    if data.phone and data.phone.strip():
        try:
            phone = normalize_phone(data.phone)
        except ValidationError as e:
            _collect(problems, e)
    if data.pairing_basis == vocab.PairingBasis.UNIT_EMPLOYEE and not data.unit_name.strip():
        problems.append(FieldProblem("unit_name", "所在单位", "本单位农民工须填写单位名称"))
    if problems:
        raise ValidationError(problems)
    return replace(
        data, village_code=village or None, phone=phone, address_detail=data.address_detail.strip()
    )


# Fields a household file needs before it is complete (the cadre finishes them on a visit).
COMPLETENESS_LABELS = {
    "village_code": "所在村（社区）",
    "phone": "联系电话",
    "head_id_number": "户主身份证号",
}


def missing_fields(household: HouseholdData, head: MemberData | None) -> list[str]:
    missing: list[str] = []
    if not household.village_code:
        missing.append("village_code")
    if not household.phone and not (head and head.phone):
        missing.append("phone")
    if head is None or not head.id_number:
        missing.append("head_id_number")
    return missing


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


MINOR_AGE_FOR_GUARDIAN = 14  # PIPL Art. 31: consent of a guardian under 14


# A file is closed in two steps (a proposal with its public notice, then the county union's
# approval); a proposal can be withdrawn and a closed file reopened when hardship returns.
HOUSEHOLD_STATUS_STEPS: dict[vocab.HouseholdStatus, frozenset[vocab.HouseholdStatus]] = {
    vocab.HouseholdStatus.ACTIVE: frozenset({vocab.HouseholdStatus.CLOSING}),
    vocab.HouseholdStatus.CLOSING: frozenset({vocab.HouseholdStatus.ACTIVE, vocab.HouseholdStatus.CLOSED}),
    vocab.HouseholdStatus.CLOSED: frozenset({vocab.HouseholdStatus.ACTIVE}),
}


def check_status_change(old: vocab.HouseholdStatus, new: vocab.HouseholdStatus) -> None:
    """Refuse a jump such as 在档 → 已销档 (a file is closed only after a proposal)."""
    if new != old and new not in HOUSEHOLD_STATUS_STEPS[old]:
        from fieldapp.domain.errors import RuleViolation

        raise RuleViolation(
            "status",
            f"档案状态不能从“{old.value}”直接改为“{new.value}”：销档须先改为“拟销档”"
            "（经集体研究并公示），县总工会批准后再改为“已销档”。",
        )
