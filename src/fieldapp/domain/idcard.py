"""Resident ID numbers (居民身份证号, GB 11643-1999).

The check digit, birth date and historical county codes are checked by `python-stdnum`
(`stdnum.cn.ric`). Its county table lacks new counties and the 81/82/83 prefixes of the
residence permits for Hong Kong, Macao and Taiwan residents, so an unknown birthplace is a
warning, not a refusal. 15-digit numbers issued before 1999 are converted to 18 digits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from stdnum import numdb
from stdnum.cn import ric

from fieldapp.domain import clock
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.vocab import Sex

PERMIT_PREFIXES = {"810000": "香港特别行政区", "820000": "澳门特别行政区", "830000": "台湾地区"}


@dataclass(frozen=True)
class IdNumber:
    number: str  # always the 18-character form, upper-case X
    birth_date: dt.date
    sex: Sex
    region_code: str
    region_name: str | None
    warnings: tuple[str, ...] = field(default=())

    @property
    def masked(self) -> str:
        return mask_id_number(self.number)


def compact(raw: str) -> str:
    return "".join(raw.split()).replace("x", "X").replace("－", "").replace("-", "")


def upgrade_15_to_18(number15: str) -> str:
    """Insert the century '19' and append the check digit (GB 11643 conversion rule)."""
    body = number15[:6] + "19" + number15[6:]
    return body + check_digit(body)


def check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits (stdnum wants a placeholder last)."""
    return str(ric.calc_check_digit(first17 + "0"))


def parse_id_number(
    raw: str,
    *,
    field_name: str = "id_number",
    label: str = "身份证号",
    today: dt.date | None = None,
) -> IdNumber:
    """Validate and normalise an ID number, or raise ValidationError naming the field."""

    def fail(message: str) -> ValidationError:
        return ValidationError.single(field_name, label, message)

    number = compact(raw or "")
    if not number:
        raise fail("不能为空")
    if len(number) == 15:
        if not number.isdigit():
            raise fail("15位旧身份证号应全部为数字")
        number = upgrade_15_to_18(number)
    if len(number) != 18:
        raise fail(f"应为18位（现为{len(number)}位）")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise fail("前17位应为数字，最后一位为数字或X")
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise fail(f"校验位错误（最后一位应为 {expected}，请核对号码）")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise fail(f"出生日期 {number[6:14]} 不存在") from None
    today = today or clock.today()
    if birth > today:
        raise fail(f"出生日期 {birth.isoformat()} 晚于今天")
    if birth.year < 1900:
        raise fail(f"出生日期 {birth.isoformat()} 早于1900年")
    sex = Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE
    region = number[:6]
    warnings: list[str] = []
    region_name: str | None = PERMIT_PREFIXES.get(region)
    if region_name is None:
        region_name = _historical_county(region, birth.year)
        if region_name is None:
            warnings.append(f"地区码 {region} 不在历史区划表中，请核对（新设区县可能尚未收录）")
    return IdNumber(number, birth, sex, region, region_name, tuple(warnings))


@lru_cache(maxsize=8192)  # stdnum's table walk costs ≈ 0.5 ms; an imported list repeats its counties
def _historical_county(region: str, birth_year: int) -> str | None:
    """Name of the county that held `region` at some time since the birth year, if any.

    The code is the county's at the time of issue, which is on or after the birth date; so a
    code retired before the person was born is unknown, and one created later is fine.
    stdnum's `get_birth_place` checks against the birth year itself, which refuses people born
    before their county got its present code, so its table (`cn/loc`) is read here directly.
    """
    info: dict[str, str] = {}
    for _part, props in numdb.get("cn/loc").info(region):
        info.update(props)
    county = info.get("county")
    if not county:
        return None
    province = info.get("province", "")
    for entry in county.split(","):
        if not entry.startswith("["):
            return province + entry
        span, name = entry[1:].split("]", 1)
        _start, end = span.split("-")
        if not end or int(end) >= birth_year:
            return province + name
    return None


def is_valid_id_number(raw: str) -> bool:
    try:
        parse_id_number(raw)
    except ValidationError:
        return False
    return True


def mask_id_number(number: str) -> str:
    """Public-notice masking: keep the first 6 and last 4 characters (3713**********123X)."""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def make_id_number(region: str, birth: dt.date, sequence: int) -> str:
    """Build a valid 18-digit number (for demo data and tests); odd sequence = male."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + check_digit(body)
