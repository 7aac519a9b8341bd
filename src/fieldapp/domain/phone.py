"""Mobile and landline numbers, checked by `phonenumbers` and stored as E.164 (+8613…)."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from fieldapp.domain.errors import ValidationError


@lru_cache(maxsize=1024)  # pure; a saved row is checked again when it is written (≈ 0.4 ms each)
def normalize_phone(raw: str, *, field_name: str = "phone", label: str = "联系电话") -> str:
    """Return the E.164 form of a Chinese mobile (11 digits, 13–19) or landline number."""
    text = "".join((raw or "").split()).replace("－", "-")
    if not text:
        raise ValidationError.single(field_name, label, "不能为空")
    digits = text.lstrip("+")
    if digits.isdigit() and len(digits) == 11 and digits.startswith("1") and digits[1] not in "3456789":
        raise ValidationError.single(field_name, label, f"手机号 {text} 的第二位应为 3–9")
    try:
        parsed = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        raise ValidationError.single(field_name, label, f"{text} 不是电话号码") from None
    if parsed.country_code != 86 or not phonenumbers.is_valid_number(parsed):
        raise ValidationError.single(
            field_name, label, f"{text} 不是有效的中国大陆电话号码（手机号为11位，以13–19开头）"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """How a cadre reads a number: 138 0539 1234 for mobiles, 0539-1234567 for landlines."""
    if not e164:
        return ""
    parsed = phonenumbers.parse(e164, "CN")
    national = str(parsed.national_number)
    if len(national) == 11 and national.startswith("1"):
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def mask_phone(e164: str) -> str:
    national = e164[3:] if e164.startswith("+86") else e164
    if len(national) < 7:
        return "*" * len(national)
    return national[:3] + "****" + national[-4:]
