"""The columns of a household list beyond name, ID and place: causes, income, category, helpers.

A list says what the office knew when it wrote the list, not an assessment: the cadre assesses the
household on a visit (rigid spending and the 低保 standard are not in any list). So these values are
read, checked and mapped to the archive's codes, then kept in the household's note as "名单中…",
where the cadre sees them when assessing. Wordings that match no code are named in a warning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from fieldapp.domain.vocab import HardshipCategory, HardshipCause

# Wordings offices use for a cause -> the archive's code; the first matching entry wins, so the
# specific wordings come before the general ones (有劳动能力未就业 before 劳动能力).
_CAUSE_WORDS: tuple[tuple[tuple[str, ...], HardshipCause], ...] = (
    (("社保待遇", "待遇落实", "待遇未落实", "待遇不到位"), HardshipCause.INSURANCE_NOT_DELIVERED),
    (("未参保", "未参加社会保险", "未参加社保", "无社保", "没有社保"), HardshipCause.NO_SOCIAL_INSURANCE),
    (("有劳动能力未就业", "未就业", "无业", "待业", "没有工作", "无工作"), HardshipCause.UNEMPLOYED_ABLE),
    (("下岗", "失业", "失岗"), HardshipCause.LAID_OFF),
    (
        ("无劳动能力", "丧失劳动能力", "残疾", "因残", "残", "年老", "老弱", "孤寡", "智障"),
        HardshipCause.NO_WORK_CAPACITY,
    ),
    (
        ("大病", "重病", "因病", "患病", "疾病", "癌", "慢性病", "尿毒症", "住院", "病"),
        HardshipCause.SERIOUS_ILLNESS,
    ),
    (("自然灾害", "灾害", "受灾", "因灾", "洪涝", "冰雹", "地震", "旱灾"), HardshipCause.NATURAL_DISASTER),
    (("意外", "事故", "车祸", "工伤", "火灾", "伤亡"), HardshipCause.ACCIDENT),
    (("子女上学", "上学", "因学", "学费", "教育", "读书", "求学"), HardshipCause.CHILDREN_SCHOOLING),
    (("其他", "其它"), HardshipCause.OTHER),
)
_CATEGORY_WORDS: tuple[tuple[str, HardshipCategory], ...] = (
    ("深度", HardshipCategory.DEEP),
    ("特困", HardshipCategory.DEEP),
    ("相对", HardshipCategory.RELATIVE),
    ("一般", HardshipCategory.RELATIVE),
    ("意外", HardshipCategory.ACCIDENTAL),
    ("突发", HardshipCategory.ACCIDENTAL),
    ("不符合", HardshipCategory.NOT_HARDSHIP),
)
_SEPARATORS = re.compile(r"[、,，;；/／+＋\s]+|以及|及|和")
_MONEY = re.compile(r"^(\d+(?:\.\d+)?)(万元|万|元)?$")


def cause_of(wording: str) -> HardshipCause | None:
    """The code for one written cause ("因病" -> 6); a number 1–10 is taken as the code."""
    text = unicodedata.normalize("NFKC", wording).strip()
    if text.isdigit() and 1 <= int(text) <= 10:
        return HardshipCause(int(text))
    for label_cause in HardshipCause:
        if text == label_cause.label:
            return label_cause
    for words, cause in _CAUSE_WORDS:
        if any(w in text for w in words):
            return cause
    return None


def causes_of(text: str) -> tuple[list[HardshipCause], list[str]]:
    """All codes written in a cause cell, main cause first, and the wordings that match none."""
    found: list[HardshipCause] = []
    unknown: list[str] = []
    for part in _SEPARATORS.split(unicodedata.normalize("NFKC", text)):
        part = part.strip()
        if not part:
            continue
        cause = cause_of(part)
        if cause is None:
            unknown.append(part)
        elif cause not in found:
            found.append(cause)
    return found, unknown


def category_of(text: str) -> HardshipCategory | None:
    t = unicodedata.normalize("NFKC", text).strip()
    for word, category in _CATEGORY_WORDS:
        if word in t:
            return category
    return None


def yuan_of(value: object) -> int | None:
    """A yearly income in whole yuan from a cell (12000, "1.2万", "12,000元"); None when not a sum."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return round(value) if value >= 0 else None
    text = "".join(unicodedata.normalize("NFKC", str(value)).split()).replace(",", "")
    m = _MONEY.match(text)
    if not m:
        return None
    amount = float(m.group(1)) * (10000 if m.group(2) in ("万", "万元") else 1)
    return round(amount)


@dataclass
class ListFacts:
    """What the extra columns said, as note lines and warnings."""

    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def list_facts(texts: dict[str, str], raw_income: object) -> ListFacts:
    """Note lines for the cause, income, category, helper and contact cells of a row."""
    facts = ListFacts()
    cause_text = texts.get("cause", "")
    if cause_text:
        causes, unknown = causes_of(cause_text)
        if causes:
            named = "、".join(f"{c.label}（{int(c)}）" for c in causes)
            facts.notes.append(f"名单中致困原因：{named}")
        if unknown:
            facts.notes.append(f"名单中致困原因原文：{cause_text}")
            facts.warnings.append(
                f"致困原因“{'、'.join(unknown)}”对应不到标准原因（如：因病、残疾、下岗失业、子女上学），"
                "原文已记入备注，评定时请选择"
            )
    income_text = texts.get("income", "")
    if income_text:
        yuan = yuan_of(raw_income if raw_income is not None else income_text)
        if yuan is None:
            facts.warnings.append(f"家庭年收入“{income_text}”不是金额，未导入")
        else:
            facts.notes.append(f"名单中家庭年收入：{yuan}元")
    category_text = texts.get("category", "")
    if category_text:
        category = category_of(category_text)
        if category is None:
            facts.warnings.append(f"困难类别“{category_text}”不是深度困难、相对困难或意外致困，已记入备注")
            facts.notes.append(f"名单中困难类别原文：{category_text}")
        else:
            facts.notes.append(f"名单中困难类别：{category.value}")
    if texts.get("helper"):
        facts.notes.append(f"名单中帮扶责任人：{texts['helper']}")
    if texts.get("contact"):
        facts.notes.append(f"联系人：{texts['contact']}")
    return facts
