"""The domain's validation messages in the user's language.

The domain speaks Chinese (`domain/errors.FieldProblem`: a field's label and a message, some with
a value in them, e.g. "校验位错误（最后一位应为 7，请核对号码）"). Rather than rewrite the domain,
the messages a cadre meets most are listed here as templates, "%1" standing for the value; a
message is matched against them and its template translated (context "Domain"), the values put
back. A message that matches no template is shown as the domain wrote it (Chinese), so a new
domain message is never lost, only untranslated until it is listed here.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.domain.errors import FieldProblem
from fieldapp.ui import vocab_text

CONTEXT = "Domain"

TEMPLATES = (
    # required fields, dates, amounts (domain/money, services/records, visits, households)
    QT_TRANSLATE_NOOP("Domain", "不能为空"),
    QT_TRANSLATE_NOOP("Domain", "晚于今天"),
    QT_TRANSLATE_NOOP("Domain", "不能晚于今天"),
    QT_TRANSLATE_NOOP("Domain", "不能为负数"),
    QT_TRANSLATE_NOOP("Domain", "应大于0"),
    QT_TRANSLATE_NOOP("Domain", "“%1”不是金额"),
    QT_TRANSLATE_NOOP("Domain", "不能为负数（%1）"),
    QT_TRANSLATE_NOOP("Domain", "最多精确到分（%1）"),
    QT_TRANSLATE_NOOP("Domain", "请填写整数金额（元），不填表示未填"),
    QT_TRANSLATE_NOOP("Domain", "应为整数金额（元）"),
    QT_TRANSLATE_NOOP("Domain", "不应超过%1元，请核对是否多输了0"),
    # ID numbers (domain/idcard, domain/people)
    QT_TRANSLATE_NOOP("Domain", "校验位错误（最后一位应为 %1，请核对号码）"),
    QT_TRANSLATE_NOOP("Domain", "应为18位（现为%1位）"),
    QT_TRANSLATE_NOOP("Domain", "前17位应为数字，最后一位为数字或X"),
    QT_TRANSLATE_NOOP("Domain", "15位旧身份证号应全部为数字"),
    QT_TRANSLATE_NOOP("Domain", "出生日期 %1 不存在"),
    QT_TRANSLATE_NOOP("Domain", "出生日期 %1 晚于今天"),
    QT_TRANSLATE_NOOP("Domain", "与身份证号中的出生日期 %1 不一致"),
    QT_TRANSLATE_NOOP("Domain", "与身份证号不一致（号码显示为%1）"),
    # phone numbers (domain/phone)
    QT_TRANSLATE_NOOP("Domain", "手机号 %1 的第二位应为 3–9"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是电话号码"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是有效的中国大陆电话号码（手机号为11位，以13–19开头）"),
    # people, relief, consents, corrections
    QT_TRANSLATE_NOOP("Domain", "过长（最多50字）"),
    QT_TRANSLATE_NOOP("Domain", "健康状况为残疾时必须选择"),
    QT_TRANSLATE_NOOP("Domain", "健康状况不是残疾时不应填写"),
    QT_TRANSLATE_NOOP("Domain", "本单位农民工须填写单位名称"),
    QT_TRANSLATE_NOOP("Domain", "%1未满14周岁，须由监护人同意"),
    QT_TRANSLATE_NOOP("Domain", "必填：说明为什么修改这条记录，如“金额录错”"),
    QT_TRANSLATE_NOOP("Domain", "至少为1人"),
)

LABELS = (
    QT_TRANSLATE_NOOP("Domain", "身份证号"),
    QT_TRANSLATE_NOOP("Domain", "联系电话"),
    QT_TRANSLATE_NOOP("Domain", "本人电话"),
    QT_TRANSLATE_NOOP("Domain", "干部电话"),
    QT_TRANSLATE_NOOP("Domain", "姓名"),
    QT_TRANSLATE_NOOP("Domain", "性别"),
    QT_TRANSLATE_NOOP("Domain", "出生日期"),
    QT_TRANSLATE_NOOP("Domain", "月收入"),
    QT_TRANSLATE_NOOP("Domain", "残疾类别"),
    QT_TRANSLATE_NOOP("Domain", "所在单位"),
    QT_TRANSLATE_NOOP("Domain", "走访日期"),
    QT_TRANSLATE_NOOP("Domain", "救助金额"),
    QT_TRANSLATE_NOOP("Domain", "发放日期"),
    QT_TRANSLATE_NOOP("Domain", "同意日期"),
    QT_TRANSLATE_NOOP("Domain", "告知书版本"),
    QT_TRANSLATE_NOOP("Domain", "监护人"),
    QT_TRANSLATE_NOOP("Domain", "家庭年收入"),
    QT_TRANSLATE_NOOP("Domain", "家庭人口"),
    QT_TRANSLATE_NOOP("Domain", "修改原因"),
    QT_TRANSLATE_NOOP("Domain", "销档日期"),
)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    texts = [str(t) for t in TEMPLATES]  # QT_TRANSLATE_NOOP is typed as returning object
    return tuple((re.compile(re.escape(t).replace("%1", "(.+?)"), re.S), t) for t in texts)


def message(text: str) -> str:
    """A domain message in the chosen language (as written when it matches no template)."""
    for pattern, template in _patterns():
        if m := pattern.fullmatch(text):
            shown = QCoreApplication.translate(CONTEXT, template)
            return shown.replace("%1", vocab_text.shown(m[1])) if m.groups() else shown
    return text


def problem(p: FieldProblem) -> str:
    """'label：message' of one field's problem, in the chosen language."""
    return (
        QCoreApplication.translate("Domain", "%1：%2")
        .replace("%1", QCoreApplication.translate(CONTEXT, p.label))
        .replace("%2", message(p.message))
    )
