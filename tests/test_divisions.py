from __future__ import annotations

import pytest

from fieldapp.domain.divisions import DATA_YEAR, divisions, validate_village_code
from fieldapp.domain.errors import ValidationError


def test_linyi_data_is_complete_and_stamped_with_its_year() -> None:
    index = divisions()
    levels = [d.level for d in index.by_code.values()]
    assert levels.count("county") == 13
    assert levels.count("township") == 156
    assert levels.count("village") == 4186
    assert DATA_YEAR == 2023
    assert all(code.startswith("3713") for code in index.by_code)


def test_village_code_resolves_to_full_name() -> None:
    assert validate_village_code("371324001015") == "371324001015"
    assert divisions().full_name("371324001015") == "临沂市兰陵县卞庄街道泇河社区居民委员会"


@pytest.mark.parametrize(
    ("code", "message"),
    [("371324999999", "不是临沂市的村"), ("370102001001", "不属于临沂市"), ("3713", "应为12位")],
)
def test_unknown_village_code_is_refused(code: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as err:
        validate_village_code(code)
    assert err.value.fields == ["village_code"]


def test_names_match_without_their_suffixes() -> None:
    township = divisions().find_township("卞庄")
    assert [t.code for t in township] == ["371324001"]
    villages = divisions().find_village("泇河社区", township[0].code)
    assert [v.code for v in villages] == ["371324001015"]
