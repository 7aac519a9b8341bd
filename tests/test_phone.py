from __future__ import annotations

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.phone import display_phone, mask_phone, normalize_phone


@pytest.mark.parametrize("raw", ["13805391234", "138 0539 1234", "+86 138-0539-1234"])
def test_mobile_numbers_are_stored_as_e164(raw: str) -> None:
    assert normalize_phone(raw) == "+8613805391234"


def test_landline_with_area_code_is_accepted() -> None:
    assert normalize_phone("0539-8123456") == "+865398123456"


@pytest.mark.parametrize("raw", ["12345678901", "1380539123", "abc", "23805391234"])
def test_bad_numbers_are_refused_naming_the_field(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw)
    assert err.value.fields == ["phone"]
    assert "联系电话" in str(err.value)


def test_display_and_mask() -> None:
    assert display_phone("+8613805391234") == "138 0539 1234"
    assert mask_phone("+8613805391234") == "138****1234"
