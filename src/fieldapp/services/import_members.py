"""Members in a household list: one row per person with 与户主关系, grouped into households.

Rows of one household are grouped by a 户编号 column, else by a 户主身份证号 column, else by order
(a 户主 row starts a household, the rows under it are its members). The head row creates the
household as in a heads-only list; every other row becomes a member of it.
"""

from __future__ import annotations

import unicodedata

from fieldapp.domain.vocab import Relation

_RELATIONS: dict[str, Relation] = {
    **dict.fromkeys(["户主", "本人", "户主本人", "本户"], Relation.HEAD),
    **dict.fromkeys(["配偶", "妻", "妻子", "夫", "丈夫", "爱人", "老伴"], Relation.SPOUSE),
    **dict.fromkeys(["子", "儿子", "长子", "次子", "三子", "独子", "养子", "继子"], Relation.SON),
    **dict.fromkeys(["女", "女儿", "长女", "次女", "三女", "独女", "养女", "继女"], Relation.DAUGHTER),
    **dict.fromkeys(["父亲", "父", "公公", "岳父"], Relation.FATHER),
    **dict.fromkeys(["母亲", "母", "婆婆", "岳母"], Relation.MOTHER),
    **dict.fromkeys(["孙子", "孙女", "孙子女", "外孙", "外孙女", "孙"], Relation.GRANDCHILD),
    **dict.fromkeys(["祖父", "祖母", "祖父母", "外祖父", "外祖母", "爷爷", "奶奶"], Relation.GRANDPARENT),
    **dict.fromkeys(
        ["兄", "弟", "姐", "妹", "兄弟", "姐妹", "兄弟姐妹", "哥哥", "弟弟", "姐姐", "妹妹"], Relation.SIBLING
    ),
    **dict.fromkeys(["儿媳", "女婿", "儿媳/女婿", "媳妇"], Relation.CHILD_IN_LAW),
    **dict.fromkeys(["其他", "其它", "侄子", "侄女", "外甥", "外甥女"], Relation.OTHER),
}


def relation_of(text: str) -> Relation | None:
    t = "".join(unicodedata.normalize("NFKC", text).split())
    return _RELATIONS.get(t) or _RELATIONS.get(t.removeprefix("户主之").removeprefix("户主的"))


def group_key(household_no: str, head_id: str) -> str | None:
    """What ties a row to its household, when the list has such a column."""
    if household_no:
        return "no:" + "".join(unicodedata.normalize("NFKC", household_no).split())
    if head_id:
        return "id:" + "".join(unicodedata.normalize("NFKC", head_id).split()).upper()
    return None
