"""总工发〔2015〕14号 item 19: the figures headquarters counts about migrant workers over time.

Employment, skills training, income, social insurance, household living expenses and wage
arrears, recorded at a visit as one *observation* (a new row each time; history is never
overwritten). This module holds the codes with their Chinese labels and the rules; the device
and headquarters (statistics) both import it, so a label is written once.

Amounts are whole yuan. A missing value is ``None`` and means 未填 — never zero: a household
whose income was not asked is not a household without income.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from fieldapp.domain.errors import FieldProblem, ValidationError

UNFILLED = "未填"

EMPLOYMENT: dict[str, str] = {
    "employed_local": "本地务工",
    "employed_away": "外出务工",
    "self_employed": "自主创业/个体经营",
    "farming": "务农",
    "unemployed": "失业（有劳动能力）",
    "not_working": "不工作（无劳动能力等）",
}
TRAINING: dict[str, str] = {
    "vocational": "职业技能培训",
    "entrepreneurship": "创业培训",
    "safety": "安全生产培训",
    "job_transfer": "转岗转业培训",
    "literacy": "文化素质培训",
    "other": "其他培训",
}
INSURANCE: dict[str, str] = {
    "pension": "养老保险",
    "medical": "医疗保险",
    "work_injury": "工伤保险",
    "unemployment": "失业保险",
    "maternity": "生育保险",
}
EXPENSES: dict[str, str] = {
    "expense_food": "食品",
    "expense_housing": "住房",
    "expense_medical": "医疗",
    "expense_schooling": "子女上学",
    "expense_other": "其他",
}

# the six dimensions a visit confirms (无变化) or changes, and the fields each one covers
DIMENSIONS: dict[str, str] = {
    "employment": "就业",
    "training": "培训",
    "income": "收入",
    "insurance": "社保",
    "expenses": "生活支出",
    "arrears": "欠薪",
}
HOUSEHOLD_FIELDS: dict[str, tuple[str, ...]] = {
    "employment": (),
    "training": (),
    "income": ("annual_income",),
    "insurance": (),
    "expenses": tuple(EXPENSES),
    "arrears": ("arrears_amount", "arrears_employer", "arrears_reported_on"),
}
WORKER_FIELDS: dict[str, tuple[str, ...]] = {
    "employment": ("employment", "employer"),
    "training": ("training_wanted", "training_received", "certificate"),
    "income": ("monthly_income",),
    "insurance": ("insurance",),
    "expenses": (),
    "arrears": (),
}
# what an unrecorded field holds: null for amounts, codes and lists (未填); "" for free text
TEXT_FIELDS = {"arrears_employer", "employer", "training_wanted", "training_received", "certificate"}

# upper bounds (yuan) against a slipped finger: a typo of one zero too many is refused, not counted
MAX_ANNUAL_INCOME = 2_000_000
MAX_ANNUAL_EXPENSE = 1_000_000
MAX_MONTHLY_INCOME = 200_000
MAX_ARREARS = 2_000_000
MAX_TEXT = 100

# members counted as workers (one worker_status per observation): ages 16 to 64
WORKING_AGE = (16, 65)

LABELS = {
    "annual_income": "家庭年收入",
    "expense_food": "食品支出",
    "expense_housing": "住房支出",
    "expense_medical": "医疗支出",
    "expense_schooling": "子女上学支出",
    "expense_other": "其他支出",
    "arrears_amount": "被拖欠工资",
    "arrears_employer": "欠薪单位",
    "arrears_reported_on": "欠薪反映日期",
    "employment": "就业状况",
    "employer": "工作单位",
    "monthly_income": "月收入",
    "training_wanted": "希望参加的培训",
    "training_received": "已参加的培训",
    "certificate": "所获证书",
    "insurance": "参加的社会保险",
}
BOUNDS = {
    "annual_income": MAX_ANNUAL_INCOME,
    **dict.fromkeys(EXPENSES, MAX_ANNUAL_EXPENSE),
    "arrears_amount": MAX_ARREARS,
    "monthly_income": MAX_MONTHLY_INCOME,
}


def is_unfilled(value: Any) -> bool:
    """未填: nothing recorded. Zero is a value (no income), an empty list is a value (no insurance)."""
    return value is None


def yuan_text(value: int | None) -> str:
    return UNFILLED if value is None else f"{value:,}元"


def label(table: dict[str, str], code: str | None) -> str:
    """The Chinese label of a code; 未填 for none; the code itself if this program does not know it."""
    if code is None or code == "":
        return UNFILLED
    return table.get(code, code)


def insurance_text(codes: Iterable[str] | None) -> str:
    if codes is None:
        return UNFILLED
    names = [INSURANCE.get(c, c) for c in codes]
    return "、".join(names) if names else "无"


def is_working_age(birth_date: dt.date | None, on: dt.date) -> bool:
    """Whether a member is of working age on `on`; an unknown birth date counts (ask rather than skip)."""
    if birth_date is None:
        return True
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return WORKING_AGE[0] <= age < WORKING_AGE[1]


def parse_amount(text: str, field: str) -> int | None:
    """A typed amount in yuan: blank is 未填 (None); otherwise a whole non-negative number."""
    t = text.strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    if not t:
        return None
    if not t.isdigit():
        raise ValidationError.single(field, LABELS.get(field, field), "请填写整数金额（元），不填表示未填")
    return int(t)


def amount_problems(values: dict[str, Any], prefix: str = "") -> list[FieldProblem]:
    """Amounts outside 0..bound (or not whole numbers), each named in Chinese."""
    problems: list[FieldProblem] = []
    for field, bound in BOUNDS.items():
        if field not in values or values[field] is None:
            continue
        v = values[field]
        name = prefix + LABELS[field]
        if isinstance(v, bool) or not isinstance(v, int):
            problems.append(FieldProblem(field, name, "应为整数金额（元）"))
        elif v < 0:
            problems.append(FieldProblem(field, name, "不能为负数"))
        elif v > bound:
            problems.append(FieldProblem(field, name, f"不应超过{bound:,}元，请核对是否多输了0"))
    return problems


def code_problems(values: dict[str, Any], prefix: str = "") -> list[FieldProblem]:
    """Codes that are not in their table, text that is too long."""
    problems: list[FieldProblem] = []
    emp = values.get("employment")
    if emp is not None and emp not in EMPLOYMENT:
        problems.append(
            FieldProblem("employment", prefix + LABELS["employment"], f"“{emp}”不是可选的就业状况")
        )
    for field in ("training_wanted", "training_received"):
        code = values.get(field)
        if code and code not in TRAINING:
            problems.append(FieldProblem(field, prefix + LABELS[field], f"“{code}”不是可选的培训类别"))
    ins = values.get("insurance")
    if ins is not None:
        if not isinstance(ins, list | tuple) or any(c not in INSURANCE for c in ins):
            problems.append(FieldProblem("insurance", prefix + LABELS["insurance"], "含有不认识的险种"))
        elif len(set(ins)) != len(ins):
            problems.append(FieldProblem("insurance", prefix + LABELS["insurance"], "险种重复"))
    for field in TEXT_FIELDS - {"training_wanted", "training_received"}:
        text = values.get(field)
        if isinstance(text, str) and len(text) > MAX_TEXT:
            problems.append(FieldProblem(field, prefix + LABELS[field], f"不超过{MAX_TEXT}字"))
    return problems


def check(values: dict[str, Any], prefix: str = "") -> None:
    problems = amount_problems(values, prefix) + code_problems(values, prefix)
    if problems:
        raise ValidationError(problems)


def normalise_insurance(codes: Iterable[str] | None) -> list[str] | None:
    """Insurance codes in the table's order (so two equal sets compare equal), or None (未填)."""
    if codes is None:
        return None
    chosen = set(codes)
    return [c for c in INSURANCE if c in chosen] + sorted(chosen - set(INSURANCE))


# the living expenses the hardship assessment counts as rigid spending (刚性支出)
RIGID_EXPENSES = ("expense_medical", "expense_schooling")


def rigid_spending(values: dict[str, Any]) -> int | None:
    """Medical plus schooling spending; None (未填) when neither is filled, a filled one counts alone."""
    filled = [values[f] for f in RIGID_EXPENSES if values.get(f) is not None]
    return sum(filled) if filled else None


def blank(field: str) -> Any:
    """The value of a field not recorded in this observation."""
    return "" if field in TEXT_FIELDS else None
