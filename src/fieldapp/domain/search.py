"""Search keys: pinyin initials so that a cadre types `zhs` to find 张海生.

Surnames are often read differently from the same character elsewhere (单 is Shan, 曾 is
Zeng), so every reading of the first character is kept: 单丽 gets the keys "dl sl cl".
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin, pinyin


def pinyin_initials(name: str) -> str:
    """Space-separated initials keys: '张海生' -> 'zhs'; '单丽' -> 'dl sl cl'."""
    name = name.strip()
    if not name:
        return ""
    rest = "".join(lazy_pinyin(name[1:], style=Style.FIRST_LETTER)).lower()
    first_readings = pinyin(name[0], style=Style.FIRST_LETTER, heteronym=True)[0]
    keys: list[str] = []
    for reading in first_readings:
        key = reading.lower() + rest
        if key not in keys:
            keys.append(key)
    return " ".join(keys)


def pinyin_full(name: str) -> str:
    return "".join(lazy_pinyin(name)).lower()
