"""Statistical division codes of Linyi City (3713), shipped offline in resources/divisions.

A village code has 12 digits: 6 for the county (GB/T 2260), 3 for the township, 3 for the
village. Township codes are written with 12 digits by appending "000".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from fieldapp.assets import resource_path
from fieldapp.domain.errors import ValidationError

DATA_YEAR = 2023
DATA_SOURCE = "国家统计局 统计用区划代码和城乡划分代码（2023年，截至2023-06-30）"
CITY_CODE = "3713"
CITY_NAME = "临沂市"


@dataclass(frozen=True)
class Division:
    code: str  # 6, 9 or 12 digits as in the source
    name: str
    level: str  # county | township | village
    parent: str

    @property
    def code12(self) -> str:
        return self.code.ljust(12, "0")


class DivisionIndex:
    def __init__(self, rows: list[Division]) -> None:
        self.by_code = {d.code: d for d in rows}
        self.children: dict[str, list[Division]] = {}
        for d in rows:
            self.children.setdefault(d.parent, []).append(d)

    def counties(self) -> list[Division]:
        return self.children.get(CITY_CODE, [])

    def townships(self, county_code: str | None = None) -> list[Division]:
        if county_code:
            return self.children.get(county_code, [])
        return [d for d in self.by_code.values() if d.level == "township"]

    def villages(self, township_code: str) -> list[Division]:
        return self.children.get(township_code[:9], [])

    def village(self, code12: str) -> Division | None:
        d = self.by_code.get(code12)
        return d if d is not None and d.level == "village" else None

    def township_of(self, village: Division) -> Division:
        return self.by_code[village.parent]

    def county_of(self, township: Division) -> Division:
        return self.by_code[township.parent]

    def full_name(self, code12: str) -> str:
        """临沂市兰陵县卞庄街道某某村民委员会, for any county, township or village code."""
        code = code12.rstrip("0") if code12.endswith("000") else code12
        names: list[str] = []
        d = self.by_code.get(code) or self.by_code.get(code12[:9]) or self.by_code.get(code12[:6])
        while d is not None:
            names.append(d.name)
            d = self.by_code.get(d.parent)
        return CITY_NAME + "".join(reversed(names))

    def find_township(self, name: str, county_code: str | None = None) -> list[Division]:
        key = _short(name)
        return [t for t in self.townships(county_code) if t.name == name or _short(t.name) == key]

    def find_village(self, name: str, township_code: str | None = None) -> list[Division]:
        key = _short(name)
        pool = (
            self.villages(township_code)
            if township_code
            else [d for d in self.by_code.values() if d.level == "village"]
        )
        return [v for v in pool if v.name == name or _short(v.name) == key]


_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "街道办事处", "街道", "镇", "乡", "村")


def _short(name: str) -> str:
    """Core of a place name, so that 大王庄村, 大王庄 and 大王庄村民委员会 match each other."""
    text = name.strip()
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
    return text


@cache
def divisions() -> DivisionIndex:
    path = resource_path("divisions", "linyi_3713.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = [Division(r["code"], r["name"], r["level"], r["parent"]) for r in csv.DictReader(f)]
    return DivisionIndex(rows)


def validate_village_code(
    raw: str, *, field_name: str = "village_code", label: str = "村（社区）区划代码"
) -> str:
    code = (raw or "").strip()
    if not (len(code) == 12 and code.isdigit()):
        raise ValidationError.single(field_name, label, f"应为12位数字（现为“{code}”）")
    if not code.startswith(CITY_CODE):
        raise ValidationError.single(field_name, label, f"{code} 不属于临沂市（应以3713开头）")
    if divisions().village(code) is None:
        raise ValidationError.single(
            field_name, label, f"{code} 不是临沂市的村（社区）代码（{DATA_YEAR}年统计用区划代码中没有）"
        )
    return code
