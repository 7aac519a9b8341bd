"""Place names in a household list, as people write them, resolved to a village code.

Offices write the place of a household in many ways: "兰山区枣园镇" in the 乡镇 column,
"临沂市兰陵县卞庄街道某村" in one cell, "枣园" for 枣园镇, "某村委会" or "某村民委员会" for the
village, full-width characters and stray spaces. A precomputed index (built once, kept) maps every
written form of a county or township prefix and every village core name to the divisions, so
resolving a row costs a few dictionary look-ups. A village name that fits more than one place is
never guessed: the caller is told every candidate.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from fieldapp.domain.divisions import (
    Division,
    DivisionIndex,
    active_region_code,
    national,
    region_index,
    validate_village_code,
)
from fieldapp.domain.errors import ValidationError

_COUNTY_ALIASES = {
    "高新区": "371371",
    "临沂高新区": "371371",
    "高新技术产业开发区": "371371",
    "临沂高新技术产业开发区": "371371",
}
# Suffixes a township is written with; the longest is tried first by the prefix scan.
_TOWN_SUFFIXES = ("街道办事处", "街道办", "街办", "街道", "办事处", "镇", "乡", "")
# Suffixes a village is written with, stripped repeatedly (大王庄村村委会 -> 大王庄).
_VILLAGE_SUFFIXES = (
    "村民委员会",
    "居民委员会",
    "村委会",
    "居委会",
    "村委",
    "居委",
    "社区",
    "村",
)


def normalize(text: str) -> str:
    """NFKC (full-width to half-width) without any whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _region_prefixes(root: str) -> tuple[str, ...]:
    """Written forms of the province and city in front of a name ("山东省临沂市", "临沂", "临沂市")."""
    nat = national()
    forms: set[str] = set()
    for code in (root[:2], root[:4]):
        name = nat.name(code) or ""
        if len(code) > len(root) or not name or name in ("市辖区", "县"):
            continue
        forms.add(name)
        for suffix in ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区"):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                forms.add(name.removesuffix(suffix))
    return tuple(sorted(forms, key=len, reverse=True))


def strip_city(text: str, prefixes: tuple[str, ...] | None = None) -> str:
    if prefixes is None:
        prefixes = place_index().prefixes
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:  # longest first, and again from the longest after each cut
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix) :]
                changed = True
                break
    return text


def village_key(name: str) -> str:
    """Core of a village name, so that 大王庄村, 大王庄 and 大王庄村民委员会 match each other."""
    text = normalize(name)
    changed = True
    while changed:
        changed = False
        for suffix in _VILLAGE_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
    return text


def _town_core(name: str) -> str:
    for suffix in ("街道办事处", "街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _county_forms(county: Division) -> set[str]:
    forms = {county.name}
    if len(county.name) > 2 and county.name.endswith(("县", "区", "市")):
        core = county.name[:-1]
        forms |= {core, core + "县", core + "区"}
    return forms


def _county_core(name: str) -> str:
    for suffix in ("自治县", "县", "区", "市", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _name_history(spec: str) -> list[tuple[str, bool]]:
    """stdnum's `[1994-2013]苍山县,[2014-]兰陵县` as (name, still in use)."""
    out = []
    for entry in spec.split(","):
        if entry.startswith("["):
            span, name = entry[1:].split("]", 1)
            out.append((name, not span.split("-")[1]))
        else:
            out.append((entry, True))
    return out


def _city_of(code: str) -> str:
    """The city a county code belongs to; the four municipalities' 市辖区/县 groups are one city."""
    return code[:2] if code[:2] in ("11", "12", "31", "50") else code[:4]


def former_county_names(index: DivisionIndex) -> dict[str, Division]:
    """Former names of today's counties in the region, from the national table of ID-number
    area codes (python-stdnum `cn/loc`, which records each code's names with their years):
    a county renamed under the same code (苍山县 → 兰陵县, 371324, 2014), and a retired code of
    the same city whose name differs from exactly one of today's counties only in 县/市/区
    (章丘市 → 章丘区). Townships' former names are not in any data we ship, so they are not
    guessed."""
    from stdnum import numdb

    counties = {c.code: c for c in index.counties()}
    if not counties:
        return {}
    by_core: dict[tuple[str, str], list[Division]] = {}
    for c in counties.values():
        by_core.setdefault((_city_of(c.code), _county_core(c.name)), []).append(c)
    found: dict[str, Division] = {}
    ambiguous: set[str] = set()
    for province in numdb.get("cn/loc").prefixes:
        if not any(code.startswith(province[1]) for code in counties):
            continue
        for _length, low, _high, props, _children in province[4]:
            code = province[1] + low
            spec = props.get("county", "")
            if not spec or code[2:] == "0000" or code[4:] == "00":
                continue
            history = _name_history(spec)
            if code in counties:  # the same code under an earlier name
                targets = [counties[code]]
            elif not any(alive for _n, alive in history):  # a retired code
                targets = []
                for name, _alive in history:
                    targets = by_core.get((_city_of(code), _county_core(name)), [])
                    if targets:
                        break
            else:
                continue
            if len(targets) != 1:
                continue
            for name, alive in history:
                if alive or name == targets[0].name:
                    continue
                if name in found and found[name] is not targets[0]:
                    ambiguous.add(name)
                found[name] = targets[0]
    return {name: county for name, county in found.items() if name not in ambiguous}


class PlaceIndex:
    """Every written form of the divisions of the city, for prefix scans and village look-ups."""

    def __init__(self, index: DivisionIndex) -> None:
        self.divisions = index
        self.prefixes = _region_prefixes(index.root)
        self.region = index.prefix  # the region's name, in messages: 临沂市没有“…”
        self.county_forms: dict[str, Division] = {}
        for county in index.counties():
            for form in _county_forms(county):
                self.county_forms.setdefault(form, county)
        for alias, code in _COUNTY_ALIASES.items():
            if code in index.by_code:
                self.county_forms[alias] = index.by_code[code]
        for former, county in former_county_names(index).items():
            self.county_forms.setdefault(former, county)  # today's names win over former ones
        self.town_forms: dict[str, list[Division]] = {}
        for town in index.townships():
            core = _town_core(town.name)
            for form in {town.name, *(core + s for s in _TOWN_SUFFIXES)}:
                self.town_forms.setdefault(form, []).append(town)
        self.max_county = max(map(len, self.county_forms), default=0)
        self.max_town = max(map(len, self.town_forms), default=0)
        self.villages_in_town: dict[tuple[str, str], list[Division]] = {}
        self.villages_in_county: dict[tuple[str, str], list[Division]] = {}
        self.villages: dict[str, list[Division]] = {}
        for d in index.by_code.values():
            if d.level != "village":
                continue
            town = index.township_of(d)
            for key in {village_key(d.name), normalize(d.name)}:
                self.villages_in_town.setdefault((town.code, key), []).append(d)
                self.villages_in_county.setdefault((town.parent, key), []).append(d)
                self.villages.setdefault(key, []).append(d)

    def county(self, text: str) -> Division | None:
        t = normalize(text)
        if t in self.divisions.by_code and self.divisions.by_code[t].level == "county":
            return self.divisions.by_code[t]
        return self.county_forms.get(strip_city(t, self.prefixes)) or self.county_forms.get(t)

    def county_prefixes(self, text: str) -> list[tuple[Division, str]]:
        """(county, rest) for every county form that `text` starts with."""
        found = []
        for n in range(min(self.max_county, len(text)), 1, -1):
            county = self.county_forms.get(text[:n])
            if county is not None:
                found.append((county, text[n:]))
        return found

    def town_prefixes(self, text: str, county: Division | None) -> list[tuple[Division, str]]:
        """(township, rest) for every township form that `text` starts with (whole text included)."""
        found = []
        for n in range(min(self.max_town, len(text)), 1, -1):
            for town in self.town_forms.get(text[:n], ()):
                if county is None or town.parent == county.code:
                    found.append((town, text[n:]))
        return found

    def villages_named(
        self, text: str, towns: list[Division] | None, county: Division | None
    ) -> list[Division]:
        keys = {village_key(text), normalize(text)}
        found: list[Division] = []
        for key in keys:
            if towns is not None:
                for town in towns:
                    found.extend(self.villages_in_town.get((town.code, key), ()))
            elif county is not None:
                found.extend(self.villages_in_county.get((county.code, key), ()))
            else:
                found.extend(self.villages.get(key, ()))
        return _unique(found)


def _unique(items: Iterable[Division]) -> list[Division]:
    return list(dict.fromkeys(items))


def place_index() -> PlaceIndex:
    """The index of the active region (built once per region, kept)."""
    return _place_index(active_region_code())


@cache
def _place_index(region: str) -> PlaceIndex:
    return PlaceIndex(region_index(region))


def _unknown(where: str, written: str, idx: PlaceIndex, length: int) -> str:
    """ "兰山区没有“XX镇”", or, when a county or township of that name lies outside the region,
    "“兰山区”不在本机的工作地区（济南市）内：它是山东省临沂市兰山区"."""
    text = strip_city(normalize(written), ())
    elsewhere = [
        code for code in national().codes_named(text, length) if not code.startswith(idx.divisions.root)
    ]
    places = [p for p in (national().full_name(code) for code in elsewhere) if p]
    if not places:
        return f"{where}没有“{written}”"
    more = f"等{len(places)}处" if len(places) > 3 else ""
    return f"“{written}”不在本机的工作地区（{idx.region}）内：它是{'、'.join(places[:3])}{more}"


@dataclass(frozen=True)
class Place:
    village_code: str | None
    warning: str = ""


def _error(field: str, label: str, message: str) -> ValidationError:
    return ValidationError.single(field, label, message)


def _strip_county(idx: PlaceIndex, text: str, county: Division | None) -> list[tuple[Division | None, str]]:
    """Readings of `text` with or without a county written in front (repeated county ignored)."""
    readings: list[tuple[Division | None, str]] = [(county, text)]
    for c, rest in idx.county_prefixes(text):
        if county is None or c == county:
            readings.append((c, rest))
    return readings


def resolve_place(county_text: str, township_text: str, village_text: str) -> Place:
    """The village code for the names in a row; raise ValidationError when a name is unknown."""
    idx = place_index()
    county: Division | None = None
    if county_text:
        county = idx.county(county_text)
        if county is None:
            raise _error("county", "县区", _unknown(idx.region, county_text, idx, 6))
    village_raw = normalize(village_text)
    towns: list[Division] | None = None
    if township_text:
        t = strip_city(normalize(township_text), idx.prefixes)
        exact: list[Division] = []
        with_rest: list[tuple[Division, str]] = []
        county_only = False
        for c, rest in _strip_county(idx, t, county):
            if not rest:  # "兰山区" alone in the township column
                county_only = True
                county = county or c
                continue
            for town, rest2 in idx.town_prefixes(rest, c):
                if rest2:
                    with_rest.append((town, rest2))
                else:
                    exact.append(town)
        if exact:
            towns = _unique(exact)
            counties = {town.parent for town in towns}
            if len(counties) == 1 and county is None:
                county = idx.divisions.by_code[next(iter(counties))]
        elif with_rest and not village_raw:  # "枣园镇某村" in the township column
            matches = _unique(v for town, rest2 in with_rest for v in idx.villages_named(rest2, [town], None))
            return _decide(matches, township_text, village_text=township_text)
        elif not county_only:
            where = county.name if county else idx.region
            raise _error("township", "乡镇（街道）", _unknown(where, township_text, idx, 9))
    if village_raw.isdigit() and len(village_raw) == 12:
        return _by_code(idx, village_raw, towns, county, township_text)
    if not village_raw:
        return Place(None)
    matches = _village_matches(idx, strip_city(village_raw, idx.prefixes), towns, county)
    if not matches:
        where = "、".join(t.name for t in towns) if towns else county.name if county else idx.region
        raise _error("village_code", "村（社区）", f"{where}没有“{village_text}”")
    return _decide(matches, village_text, village_text=village_text)


def _village_matches(
    idx: PlaceIndex, text: str, towns: list[Division] | None, county: Division | None
) -> list[Division]:
    """Villages for a village cell that may carry its county and township in front.

    The most specific reading wins: a township written in the cell narrows the village down;
    readings that find nothing are dropped.
    """
    best: list[Division] = []
    best_rank = -1
    for c, rest in _strip_county(idx, text, county):
        readings: list[tuple[int, list[Division] | None, str]] = [(0, towns, rest)]
        for town, rest2 in idx.town_prefixes(rest, c):
            if rest2 and (towns is None or town in towns):
                readings.append((1, [town], rest2))
        for rank, pool, name in readings:
            found = idx.villages_named(name, pool, c)
            if not found:
                continue
            if rank > best_rank:
                best, best_rank = found, rank
            elif rank == best_rank:
                best = _unique([*best, *found])
    return best


def _decide(matches: list[Division], written: str, *, village_text: str) -> Place:
    idx = place_index()
    if not matches:
        raise _error("village_code", "村（社区）", f"{idx.region}没有“{written}”")
    if len(matches) == 1:
        return Place(matches[0].code)
    names = idx.divisions
    shown = matches[:8]
    places = "、".join(names.full_name(v.code).removeprefix(idx.region) for v in shown)
    more = f"等{len(matches)}处" if len(matches) > len(shown) else ""
    raise _error(
        "village_code",
        "村（社区）",
        f"“{village_text}”有{len(matches)}个同名的村（社区）：{places}{more}；无法确定是哪一个，"
        "本行未导入。请在“乡镇”列填写所在乡镇（或在村名前写上乡镇）后重新导入",
    )


def _by_code(
    idx: PlaceIndex, code_text: str, towns: list[Division] | None, county: Division | None, township_text: str
) -> Place:
    code = validate_village_code(code_text, label="村（社区）")
    village = idx.divisions.village(code)
    assert village is not None
    township = idx.divisions.township_of(village)
    if towns and township not in towns:
        raise _error(
            "village_code", "村（社区）", f"代码 {code} 是{township.name}的村，不属于{township_text}"
        )
    if county and idx.divisions.county_of(township) != county:
        raise _error("village_code", "村（社区）", f"代码 {code} 不属于{county.name}")
    return Place(code)
