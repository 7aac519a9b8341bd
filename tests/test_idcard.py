from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.idcard import (
    check_digit,
    make_id_number,
    mask_id_number,
    parse_id_number,
    upgrade_15_to_18,
)
from fieldapp.domain.vocab import Sex


def test_valid_number_gives_birth_date_sex_and_region() -> None:
    parsed = parse_id_number("11010519491231002X")
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.sex == Sex.FEMALE
    assert parsed.region_name == "北京市朝阳区"
    assert parsed.warnings == ()


def test_lower_case_x_and_spaces_are_normalised() -> None:
    assert parse_id_number(" 110105 19491231 002x ").number == "11010519491231002X"


def test_wrong_check_digit_is_refused_naming_the_field_and_the_right_digit() -> None:
    with pytest.raises(ValidationError) as err:
        parse_id_number("110105194912310021")
    assert err.value.fields == ["id_number"]
    assert "校验位错误" in str(err.value)
    assert "X" in str(err.value)
    assert str(err.value).startswith("身份证号")


@pytest.mark.parametrize("bad_date", ["19490230", "19491301", "19000229"])
def test_impossible_birth_date_is_refused(bad_date: str) -> None:
    body = "110105" + bad_date + "123"
    with pytest.raises(ValidationError, match=f"出生日期 {bad_date} 不存在"):
        parse_id_number(body + check_digit(body))


def test_future_birth_date_is_refused() -> None:
    number = make_id_number("371302", dt.date(2030, 1, 1), 1)
    with pytest.raises(ValidationError, match="晚于今天"):
        parse_id_number(number, today=dt.date(2026, 1, 1))


def test_fifteen_digit_number_is_converted_to_eighteen() -> None:
    assert upgrade_15_to_18("110105491231002") == "11010519491231002X"
    assert parse_id_number("110105491231002").number == "11010519491231002X"


def test_wrong_length_is_refused() -> None:
    with pytest.raises(ValidationError, match="应为18位"):
        parse_id_number("1234567")


def test_county_code_is_checked_against_history() -> None:
    # 371324 was 苍山县 until 2013 and is 兰陵县 since 2014: valid either way
    assert parse_id_number(make_id_number("371324", dt.date(1985, 3, 1), 17)).region_name == "山东省苍山县"
    # 372801 (old 临沂地区) was retired in 1994: someone born later cannot have it
    late = parse_id_number(make_id_number("372801", dt.date(1999, 3, 1), 17))
    assert late.warnings and "地区码" in late.warnings[0]


def test_residence_permit_prefixes_are_accepted() -> None:
    parsed = parse_id_number(make_id_number("810000", dt.date(1990, 1, 1), 123))
    assert parsed.region_name == "香港特别行政区"
    assert parsed.warnings == ()


def test_unknown_region_is_a_warning_not_a_refusal() -> None:
    parsed = parse_id_number(make_id_number("371371", dt.date(1990, 1, 1), 123))  # 高新区, not in stdnum
    assert parsed.warnings


def test_masking_keeps_six_and_four() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"
