"""Place names as offices write them resolve to the village code (import_places)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain.divisions import Division, divisions
from fieldapp.domain.errors import ValidationError
from fieldapp.services.import_places import place_index, resolve_place, village_key

FUZZ = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,  # the same examples every run: a CI failure is reproducible
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

_INDEX = divisions()
_KEYS = Counter((v.parent, village_key(v.name)) for v in _INDEX.by_code.values() if v.level == "village")
# Villages whose name tells them apart inside their township (two 朝阳村 in one township cannot be).
_VILLAGES = sorted(
    (
        v
        for v in _INDEX.by_code.values()
        if v.level == "village" and _KEYS[(v.parent, village_key(v.name))] == 1
    ),
    key=lambda v: v.code,
)


def _core(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@st.composite
def written_place(draw: st.DrawFn) -> tuple[str, tuple[str, str, str]]:
    """A real village and one way an office might write its county, township and village."""
    village: Division = draw(st.sampled_from(_VILLAGES))
    township = _INDEX.township_of(village)
    county = _INDEX.county_of(township)
    county_core = _core(county.name, ("县", "区", "市")) if len(county.name) > 2 else county.name
    county_text = draw(
        st.sampled_from(["", county.name, "临沂市" + county.name, county_core, "山东省临沂市" + county.name])
    )
    if county.code == "371371":  # 临沂高新技术产业开发区 is written by its short names
        county_text = draw(st.sampled_from(["", "高新区", county.name]))
    town_core = _core(township.name, ("街道办事处", "街道", "镇", "乡"))
    town_suffix = township.name[len(town_core) :]
    if town_suffix == "街道":
        town_suffix = draw(st.sampled_from(["街道", "街道办事处", "街办", "办事处", ""]))
    elif town_suffix:
        town_suffix = draw(st.sampled_from([town_suffix, ""]))
    town_text = town_core + town_suffix
    village_core = village_key(village.name)
    village_text = village_core + draw(st.sampled_from(["", "村", "村委会", "村民委员会", "社区", "居委会"]))
    if draw(st.booleans()):
        village_text = village.name
    layout = draw(st.sampled_from(["cells", "county+town", "one cell", "town+village"]))
    if layout == "cells":
        cells = (county_text, town_text, village_text)
    elif layout == "county+town":
        cells = ("", county_text + town_text, village_text)
    elif layout == "town+village":
        cells = (county_text, "", town_text + village_text)
    else:
        cells = ("", "", county_text + town_text + village_text)
    spaced: list[str] = []
    for cell in cells:
        if cell and draw(st.booleans()):
            cut = draw(st.integers(0, len(cell)))
            cell = cell[:cut] + draw(st.sampled_from([" ", "\u3000", "  "])) + cell[cut:]
        spaced.append(cell)
    return village.code, (spaced[0], spaced[1], spaced[2])


@FUZZ
@given(written_place())
def test_every_way_of_writing_a_real_village_resolves_to_its_code(
    case: tuple[str, tuple[str, str, str]],
) -> None:
    code, (county, township, village) = case
    place = resolve_place(county, township, village)
    assert place.village_code == code, (county, township, village, place.warning)


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        (("", "兰山区白沙埠镇", "卧茨村"), "371302101208"),
        (("", "", "临沂市兰山区白沙埠镇卧茨村村民委员会"), "371302101208"),
        (("兰山", "白沙埠", "卧茨村委会"), "371302101208"),
        (("", "白沙埠镇卧茨村", ""), "371302101208"),
        (("兰山区", "兰山区白沙埠镇", "卧茨"), "371302101208"),
        (("", "", "ＷＷ"), None),
    ],
)
def test_written_examples(cells: tuple[str, str, str], code: str | None) -> None:
    if code is None:
        with pytest.raises(ValidationError, match="临沂市没有“ＷＷ”"):
            resolve_place(*cells)
        return
    assert resolve_place(*cells).village_code == code


def test_same_village_name_in_two_townships_is_never_guessed() -> None:
    with pytest.raises(ValidationError) as e:
        resolve_place("", "", "朝阳村")
    assert "“朝阳村”有11个同名的村（社区）" in str(e.value) and "本行未导入" in str(e.value)


def test_same_village_name_in_two_townships_of_one_county_names_both() -> None:
    # 杏花村 is a village of 兰山区 in 柳青街道 (371302004256) and in 汪沟镇 (371302110239)
    with pytest.raises(ValidationError) as e:
        resolve_place("兰山区", "", "杏花村")
    message = str(e.value)
    assert "有2个同名" in message
    assert "兰山区柳青街道杏花村村民委员会" in message and "兰山区汪沟镇杏花村村民委员会" in message
    assert "请在“乡镇”列填写所在乡镇" in message
    assert resolve_place("兰山区", "汪沟镇", "杏花村").village_code == "371302110239"


def test_unknown_township_names_the_county() -> None:
    with pytest.raises(ValidationError, match="兰山区没有“不存在镇”"):
        resolve_place("兰山区", "不存在镇", "卧茨村")


def test_index_is_built_once() -> None:
    assert place_index() is place_index()


def test_a_county_under_its_former_name_resolves_to_todays_code() -> None:
    """苍山县 was renamed 兰陵县 in 2014 under the same code 371324: old lists still say 苍山县."""
    assert resolve_place("苍山县", "卞庄街道", "泇河社区").village_code == "371324001015"
    assert resolve_place("", "苍山县卞庄街道", "泇河社区").village_code == "371324001015"
    assert resolve_place("", "", "临沂市苍山县苍山街道小岭村").village_code == "371324002201"


def test_former_county_names_come_from_the_data_and_never_shadow_todays_names() -> None:
    from fieldapp.domain.divisions import region_index
    from fieldapp.services.import_places import former_county_names

    linyi = {k: v.code for k, v in former_county_names(region_index("3713")).items()}
    assert linyi == {"苍山县": "371324"}
    jinan = {k: v.name for k, v in former_county_names(region_index("3701")).items()}
    assert jinan["章丘市"] == "章丘区"  # a retired code (370181) whose name differs only in 市/区
    tianjin = {k: v.name for k, v in former_county_names(region_index("12")).items()}
    assert tianjin["东郊区"] == "东丽区"  # renamed in 1992 under the same code 120110
    beijing = former_county_names(region_index("11"))
    assert "通县" not in beijing  # 通县 → 通州区 differs by more than a suffix: not guessed
    today = {c.name for c in region_index("11").counties()}
    assert not today & set(beijing)
