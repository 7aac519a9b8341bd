"""Hardship assessment: the per-head monthly figure and the category (national standard).

X = (household disposable income per year − rigid spending) / 12 / household size.
深度困难 when X is below the local minimum-living standard (低保标准); 相对困难 when below twice
that standard; 意外致困 after a disaster or serious accident, or when the year's
hardship-causing spending exceeds 80 % of household income. The 低保 standard is a local
yearly figure passed in by the caller (configuration, never code).
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.domain.vocab import HardshipCategory, HardshipCause

MAX_SECONDARY_CAUSES = 3
ACCIDENT_COST_SHARE = 0.8


@dataclass(frozen=True)
class HardshipInput:
    household_size: int
    annual_income_fen: int
    rigid_spending_fen: int
    main_cause: HardshipCause
    secondary_causes: tuple[HardshipCause, ...] = ()
    sudden_event: bool = False  # a disaster or serious accident this year


@dataclass(frozen=True)
class HardshipResult:
    per_head_monthly_fen: int
    category: HardshipCategory
    reason: str


def validate_input(data: HardshipInput) -> None:
    problems: list[FieldProblem] = []
    if data.household_size < 1:
        problems.append(FieldProblem("household_size", "家庭人口", "至少为1人"))
    if data.annual_income_fen < 0:
        problems.append(FieldProblem("annual_income_fen", "家庭年收入", "不能为负数"))
    if data.rigid_spending_fen < 0:
        problems.append(FieldProblem("rigid_spending_fen", "刚性支出", "不能为负数"))
    if len(data.secondary_causes) > MAX_SECONDARY_CAUSES:
        problems.append(FieldProblem("secondary_causes", "次要致困原因", "最多选择3项"))
    if data.main_cause in data.secondary_causes:
        problems.append(FieldProblem("secondary_causes", "次要致困原因", "不能与主要致困原因重复"))
    if len(set(data.secondary_causes)) != len(data.secondary_causes):
        problems.append(FieldProblem("secondary_causes", "次要致困原因", "有重复项"))
    if problems:
        raise ValidationError(problems)


def assess(data: HardshipInput, dibao_monthly_fen: int) -> HardshipResult:
    """Compute X and the category against the given monthly 低保 standard (in fen)."""
    validate_input(data)
    if dibao_monthly_fen <= 0:
        raise ValidationError.single("dibao_standard_fen", "低保标准", "应大于0，请在设置中填写本地低保标准")
    disposable = data.annual_income_fen - data.rigid_spending_fen
    # floor division rounds toward minus infinity; a negative X stays negative
    per_head = disposable // (12 * data.household_size)
    causes = {data.main_cause, *data.secondary_causes}
    sudden = data.sudden_event or bool(causes & {HardshipCause.NATURAL_DISASTER, HardshipCause.ACCIDENT})
    cost_share_exceeded = data.rigid_spending_fen > ACCIDENT_COST_SHARE * data.annual_income_fen
    if per_head < dibao_monthly_fen:
        return HardshipResult(per_head, HardshipCategory.DEEP, "人均月收入低于低保标准")
    if per_head < 2 * dibao_monthly_fen:
        return HardshipResult(per_head, HardshipCategory.RELATIVE, "人均月收入低于低保标准的2倍")
    if sudden:
        return HardshipResult(per_head, HardshipCategory.ACCIDENTAL, "因自然灾害或意外事故致困")
    if cost_share_exceeded:
        return HardshipResult(per_head, HardshipCategory.ACCIDENTAL, "年度致困支出超过家庭收入的80%")
    return HardshipResult(per_head, HardshipCategory.NOT_HARDSHIP, "人均月收入不低于低保标准的2倍")
