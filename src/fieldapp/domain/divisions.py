"""Statistical division codes of the whole country, shipped offline in resources/divisions/china2023.

A village code has 12 digits: 2 for the province, 2 for the city, 2 for the county (together
the GB/T 2260 county code), 3 for the township and 3 for the village. Township codes are written
with 12 digits by appending "000".

The device works in one **active region** — a province, city or county chosen at enrolment or
sent by headquarters (default: Linyi City, 3713, as the demo data). `divisions()` is the index of
that region: pick-lists, validation and the importer use it. The national data is read lazily:
the provinces, cities and counties on first use (3,351 lines), the townships and villages only
for the city (or cities) of the active region. `national()` answers "where is this code or
name" for messages about places outside the region.
"""

from __future__ import annotations

import bisect
import lzma
import threading
from dataclasses import dataclass
from functools import cache

from fieldapp.assets import resource_path
from fieldapp.domain.errors import ValidationError

DATA_YEAR = 2023
DATA_SOURCE = "国家统计局 统计用区划代码和城乡划分代码（2023年，截至2023-06-30）"
DATA_FOLDER = "china2023"
DEFAULT_REGION = "3713"  # Linyi City: the demo data and devices enrolled before regions existed
# kept for code written when the product served Linyi only: the default region, not the active one
CITY_CODE = DEFAULT_REGION
CITY_NAME = "临沂市"

_LEVELS = {2: "province", 4: "city", 6: "county", 9: "township", 12: "village"}
# City-level names that are placeholders, not names people write (北京市 → 市辖区 → 东城区)
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


@dataclass(frozen=True)
class Division:
    code: str  # 2, 4, 6, 9 or 12 digits as in the source
    name: str
    level: str  # province | city | county | township | village
    parent: str

    @property
    def code12(self) -> str:
        return self.code.ljust(12, "0")


def _parent(code: str) -> str:
    return {4: code[:2], 6: code[:4], 9: code[:6], 12: code[:9]}.get(len(code), "")


def _division(code: str, name: str) -> Division:
    return Division(code, name, _LEVELS[len(code)], _parent(code))


class NationalIndex:
    """Names of every province, city and county; townships and villages read one city at a time.

    The upper lines stay as read (sorted text, a code right before everything under it): looking
    up a code or the block of a region is a bisection, so the start-up parses only the active
    region and reads only its city's file.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._cities: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        self._upper: dict[str, str] | None = None
        self._by_name: dict[str, list[str]] | None = None

    @property
    def upper(self) -> dict[str, str]:
        """code -> name of every province, city and county (built on first use)."""
        if self._upper is None:
            self._upper = dict(line.split("\t", 1) for line in self.lines if line)
        return self._upper

    def block(self, prefix: str) -> list[tuple[str, str]]:
        """(code, name) of every province, city and county whose code starts with `prefix`."""
        lo = bisect.bisect_left(self.lines, prefix)
        hi = bisect.bisect_left(self.lines, prefix[:-1] + chr(ord(prefix[-1]) + 1), lo)
        return [(c, n) for c, _, n in (line.partition("\t") for line in self.lines[lo:hi])]

    def _township_blocks(self, city: str) -> list[str]:
        """The city file's blocks: "371302001<TAB>柳青街道\n001村名\n…", one per township."""
        with self._lock:
            if city not in self._cities:
                try:
                    text = _read_text(f"city_{city}.txt.xz")
                except FileNotFoundError:
                    text = ""
                self._cities[city] = text.split("#")[1:]
            return self._cities[city]

    def _city_codes(self, prefix: str) -> list[str]:
        if len(prefix) >= 4:
            return [prefix[:4]]
        return [c for c, _ in self.block(prefix) if len(c) == 4]

    def below_county(self, prefix: str) -> list[tuple[str, str]]:
        """(code, name) of the townships (9 digits) and villages (12) whose code starts with `prefix`."""
        found: list[tuple[str, str]] = []
        for city in self._city_codes(prefix):
            for block in self._township_blocks(city):
                if not block.startswith(prefix[:9]):
                    continue
                head, *lines = block.split("\n")
                township, _, name = head.partition("\t")
                found.append((township, name))
                found += [(township + line[:3], line[3:]) for line in lines if line]
        return [(c, n) for c, n in found if c.startswith(prefix)]

    def name(self, code: str) -> str | None:
        if len(code) > 6:
            return dict(self.below_county(code)).get(code)
        i = bisect.bisect_left(self.lines, code + "\t")
        if i < len(self.lines) and self.lines[i].startswith(code + "\t"):
            return self.lines[i][len(code) + 1 :]
        return None

    def full_name(self, code: str) -> str:
        """山东省临沂市兰陵县卞庄街道…, placeholders such as 市辖区 left out; "" when unknown."""
        if self.name(code) is None:
            return ""
        names: list[str] = []
        for n in (2, 4, 6, 9, 12):
            if len(code) >= n:
                name = self.name(code[:n]) or ""
                if name not in _PLACEHOLDERS:
                    names.append(name)
        return "".join(names)

    def codes_named(self, written: str, length: int | None = None) -> list[str]:
        """Codes of the counties (length 6) or townships (9) of all provinces named `written`:
        by exact name when any is, else by name without its suffix (区/县/市, 镇/乡/街道).
        For messages about places outside the region."""
        if self._by_name is None:  # every city's file is read once: only for such messages
            by_name: dict[str, list[str]] = {}
            names = [(c, n) for c, n in self.upper.items() if len(c) == 6]
            for city in [c for c in self.upper if len(c) == 4]:
                names += [(c, n) for c, n in self.below_county(city) if len(c) == 9]
            for code, name in names:
                by_name.setdefault(name, []).append(code)
                by_name.setdefault("~" + _core(name), []).append(code)
            self._by_name = by_name
        for key in (written, "~" + _core(written)):
            found = sorted(c for c in self._by_name.get(key, []) if length is None or len(c) == length)
            if found:
                return found
        return []


_CORE_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "自治县", "县", "区", "市")


def _core(name: str) -> str:
    for suffix in _CORE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _read_text(name: str) -> str:
    path = resource_path("divisions", DATA_FOLDER, name)
    return lzma.decompress(path.read_bytes()).decode("utf-8")


@cache
def national() -> NationalIndex:
    return NationalIndex(_read_text("upper.txt.xz").splitlines())


class DivisionIndex:
    """The divisions of one region (a province, city or county) down to its villages."""

    def __init__(self, rows: list[Division], root: str = DEFAULT_REGION, prefix: str = CITY_NAME) -> None:
        self.root = root
        self.prefix = prefix  # names above the county written before a full name (临沂市)
        self.by_code = {d.code: d for d in rows}
        self.children: dict[str, list[Division]] = {}
        for d in rows:
            self.children.setdefault(d.parent, []).append(d)
        self._counties = sorted((d for d in rows if d.level == "county"), key=lambda d: d.code)

    def counties(self) -> list[Division]:
        return self._counties

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
        d = self.by_code.get(code) or self.by_code.get(code12[:9]) or self.by_code.get(code12[:6])
        names: list[str] = []
        while d is not None and d.level in ("county", "township", "village"):
            names.append(d.name)
            d = self.by_code.get(d.parent)
        return (_prefix_of(code12[:6]) if names else self.prefix) + "".join(reversed(names))

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


def _prefix_of(county_code: str) -> str:
    """The city written before a county's name (临沂市); the province for a municipality's district."""
    nat = national()
    city = nat.name(county_code[:4]) or ""
    if city in _PLACEHOLDERS or not city:
        return nat.name(county_code[:2]) or ""
    return city


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


# --- the active region --------------------------------------------------------------------------

_active = DEFAULT_REGION


def check_region(code: str) -> str:
    """A province (2 digits), city (4) or county (6) code of the national data, else ValidationError."""
    code = (code or "").strip()
    if len(code) not in (2, 4, 6) or not code.isdigit():
        raise ValidationError.single(
            "region", "工作地区", f"应为2位（省）、4位（市）或6位（县区）区划代码（现为“{code}”）"
        )
    if national().name(code) is None:
        raise ValidationError.single(
            "region", "工作地区", f"{code} 不是{DATA_YEAR}年统计用区划代码中的省、市或县区"
        )
    return code


def set_active_region(code: str) -> None:
    """Make `code` the region that divisions() and the place checks use (services.region stores it)."""
    global _active
    _active = check_region(code)


def active_region_code() -> str:
    return _active


def region_name(code: str | None = None) -> str:
    """山东省临沂市 for 3713, 北京市东城区 for 110101 (placeholders such as 市辖区 left out)."""
    return national().full_name(code or _active)


def region_short_name(code: str | None = None) -> str:
    """The region's own name: 临沂市, 兰山区, 山东省."""
    return national().name(code or _active) or ""


def divisions() -> DivisionIndex:
    """The divisions of the active region."""
    return region_index(_active)


@cache
def region_index(code: str) -> DivisionIndex:
    nat = national()
    rows = [_division(c, n) for c, n in nat.block(code) if len(c) == 6]
    rows += [_division(c, n) for c, n in nat.below_county(code)]
    return DivisionIndex(rows, code, region_short_name(code))


def where_is(code: str) -> str:
    """The national full name of a code, for messages about places outside the region."""
    return national().full_name(code)


def validate_village_code(
    raw: str, *, field_name: str = "village_code", label: str = "村（社区）区划代码"
) -> str:
    code = (raw or "").strip()
    if not (len(code) == 12 and code.isdigit()):
        raise ValidationError.single(field_name, label, f"应为12位数字（现为“{code}”）")
    region = _active
    if not code.startswith(region):
        found = where_is(code)
        elsewhere = f"，它是{found}的代码" if found else f"（{DATA_YEAR}年统计用区划代码中也没有）"
        raise ValidationError.single(
            field_name, label, f"{code} 不属于{region_short_name()}（本机的工作地区）{elsewhere}"
        )
    if divisions().village(code) is None:
        raise ValidationError.single(
            field_name,
            label,
            f"{code} 不是{region_short_name()}的村（社区）代码（{DATA_YEAR}年统计用区划代码中没有）",
        )
    return code
