"""Common findings of a home visit, offered as one-key chips in the visit form (issue 14).

A visit's notes are data and stay in Chinese whatever the interface language (they are read at
headquarters and printed on Chinese forms); the interface shows each phrase's translation on its
chip (ui/chips.py). The order is the order of the chips and of their keys (Ctrl+1 … Ctrl+9):
the commonest first. Nine at most per field, one key each.
"""

from __future__ import annotations

# 生活状况: what the cadre saw of housing, income, health, schooling and care
LIVING: tuple[str, ...] = (
    "住房安全",
    "收入稳定",
    "家人身体健康",
    "子女上学正常",
    "老人有人照料",
    "住房需维修",
    "家人患病就医",
    "收入减少",
    "务工不稳定",
)

# 利益诉求: what the household asked for
DEMANDS: tuple[str, ...] = (
    "暂无新的诉求",
    "希望介绍本地工作",
    "希望参加技能培训",
    "申请医疗救助",
    "申请子女助学",
    "帮助追讨欠薪",
    "申请生活救助",
    "咨询社保政策",
    "希望维修住房",
)

# 见到的人: besides the household's members (their names are offered first)
PEOPLE: tuple[str, ...] = ("村干部", "邻居")

MAX_CHIPS = 9
NOTE_SEPARATOR = "，"
PEOPLE_SEPARATOR = "、"
ENDINGS = "，。；、,.;：:！？!?\n"  # after these a chip needs no separator


def joined(text: str, phrase: str, separator: str) -> str:
    """`text` with `phrase` added at its end, a separator between them unless the text is empty
    or already ends with punctuation."""
    stripped = text.rstrip(" ")
    if not stripped:
        return phrase
    return stripped + ("" if stripped[-1] in ENDINGS else separator) + phrase


def without(text: str, phrase: str, separator: str) -> str:
    """`text` with the first `phrase` taken out, and the separator that joined it."""
    at = text.find(phrase)
    if at < 0:
        return text
    before, after = text[:at], text[at + len(phrase) :]
    if before.endswith(separator):
        before = before[: -len(separator)]
    elif after.startswith(separator):
        after = after[len(separator) :]
    return before + after


def people_chips(member_names: list[str]) -> list[str]:
    """The 见到的人 chips: the household's members, then the usual others; nine at most."""
    seen: list[str] = []
    for name in [*member_names, *PEOPLE]:
        name = name.strip()
        if name and name not in seen:
            seen.append(name)
    return seen[:MAX_CHIPS]
