from __future__ import annotations

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.hardship import HardshipInput, assess
from fieldapp.domain.vocab import HardshipCategory, HardshipCause

DIBAO = 90000  # 900 yuan a month


def inp(income_yuan: int, spending_yuan: int = 0, size: int = 3, **kw: object) -> HardshipInput:
    values: dict[str, object] = {
        "household_size": size,
        "annual_income_fen": income_yuan * 100,
        "rigid_spending_fen": spending_yuan * 100,
        "main_cause": HardshipCause.SERIOUS_ILLNESS,
    }
    values.update(kw)
    return HardshipInput(**values)  # type: ignore[arg-type]


def test_per_head_figure_follows_the_national_formula() -> None:
    # (36,000 - 6,000) / 12 / 3 = 833.33 yuan
    result = assess(inp(36000, 6000), DIBAO)
    assert result.per_head_monthly_fen == 83333
    assert result.category == HardshipCategory.DEEP


def test_boundaries_between_categories() -> None:
    at_standard = 900 * 12 * 3
    assert assess(inp(at_standard - 1), DIBAO).category == HardshipCategory.DEEP
    assert assess(inp(at_standard), DIBAO).category == HardshipCategory.RELATIVE
    assert assess(inp(2 * at_standard - 1), DIBAO).category == HardshipCategory.RELATIVE
    assert assess(inp(2 * at_standard), DIBAO).category == HardshipCategory.NOT_HARDSHIP


def test_accident_or_heavy_costs_make_accidental_hardship() -> None:
    rich = 900 * 12 * 3 * 4
    assert assess(inp(rich, main_cause=HardshipCause.ACCIDENT), DIBAO).category == HardshipCategory.ACCIDENTAL
    assert assess(inp(rich, sudden_event=True), DIBAO).category == HardshipCategory.ACCIDENTAL
    # spending above 80 % of income, yet per head still above twice the standard
    heavy = assess(inp(1_000_000, 810_000, size=1), DIBAO)
    assert heavy.category == HardshipCategory.ACCIDENTAL
    assert "80%" in heavy.reason


def test_standard_is_configuration_not_code() -> None:
    data = inp(36000)
    assert assess(data, 90000).category == HardshipCategory.RELATIVE
    assert assess(data, 110000).category == HardshipCategory.DEEP


def test_negative_income_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as err:
        assess(inp(-1), DIBAO)
    assert err.value.fields == ["annual_income_fen"]


def test_secondary_causes_at_most_three_and_distinct_from_main() -> None:
    four = (
        HardshipCause.LAID_OFF,
        HardshipCause.ACCIDENT,
        HardshipCause.OTHER,
        HardshipCause.CHILDREN_SCHOOLING,
    )
    with pytest.raises(ValidationError, match="最多选择3项"):
        assess(inp(30000, secondary_causes=four), DIBAO)
    with pytest.raises(ValidationError, match="不能与主要致困原因重复"):
        assess(inp(30000, secondary_causes=(HardshipCause.SERIOUS_ILLNESS,)), DIBAO)


def test_missing_standard_is_explained() -> None:
    with pytest.raises(ValidationError, match="低保标准"):
        assess(inp(30000), 0)
