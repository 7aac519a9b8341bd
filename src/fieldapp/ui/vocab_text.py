"""Domain vocabularies (relations, causes, statuses, programmes…) shown in the user's language:
one mechanism for every pick-list and label, `label(member)`. The stored value stays Chinese
(it is the data and the sync format); only what is shown is translated, in the "Vocab" context.

The texts below are listed for pyside6-lupdate; tests/test_ui_language.py checks that every
value of every vocabulary in domain/vocab.py is here.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocab"


def text_of(value: Enum) -> str:
    """The Chinese text of a vocabulary member (its value, or `label` for numbered codes)."""
    return value.value if isinstance(value.value, str) else str(getattr(value, "label", value.value))


def shown(text: str) -> str:
    """A fixed domain text (a referral kind's name, an assessment's reason) in the chosen language."""
    return QCoreApplication.translate(CONTEXT, text)


def label(value: Enum | None, empty: str = "") -> str:
    """What the user sees for a vocabulary member, in the chosen language."""
    if value is None:
        return empty
    return QCoreApplication.translate(CONTEXT, text_of(value))


TEXTS = (
    QT_TRANSLATE_NOOP("Vocab", "就业创业"),
    QT_TRANSLATE_NOOP("Vocab", "维护合法权益"),
    QT_TRANSLATE_NOOP("Vocab", "生活困难"),
    QT_TRANSLATE_NOOP("Vocab", "文明素质"),
    QT_TRANSLATE_NOOP("Vocab", "身份证复印件"),
    QT_TRANSLATE_NOOP("Vocab", "户口簿复印件"),
    QT_TRANSLATE_NOOP("Vocab", "收入证明"),
    QT_TRANSLATE_NOOP("Vocab", "诊断证明"),
    QT_TRANSLATE_NOOP("Vocab", "医疗费票据"),
    QT_TRANSLATE_NOOP("Vocab", "学费票据"),
    QT_TRANSLATE_NOOP("Vocab", "录取通知书"),
    QT_TRANSLATE_NOOP("Vocab", "劳动合同或用工证明"),
    QT_TRANSLATE_NOOP("Vocab", "评议会议记录"),
    QT_TRANSLATE_NOOP("Vocab", "公示单"),
    QT_TRANSLATE_NOOP("Vocab", "其他"),
    QT_TRANSLATE_NOOP("Vocab", "处理敏感个人信息"),
    QT_TRANSLATE_NOOP("Vocab", "向其他单位提供（转介）"),
    QT_TRANSLATE_NOOP("Vocab", "公示"),
    QT_TRANSLATE_NOOP("Vocab", "视力"),
    QT_TRANSLATE_NOOP("Vocab", "听力"),
    QT_TRANSLATE_NOOP("Vocab", "言语"),
    QT_TRANSLATE_NOOP("Vocab", "肢体"),
    QT_TRANSLATE_NOOP("Vocab", "智力"),
    QT_TRANSLATE_NOOP("Vocab", "精神"),
    QT_TRANSLATE_NOOP("Vocab", "多重"),
    QT_TRANSLATE_NOOP("Vocab", "一级"),
    QT_TRANSLATE_NOOP("Vocab", "二级"),
    QT_TRANSLATE_NOOP("Vocab", "三级"),
    QT_TRANSLATE_NOOP("Vocab", "四级"),
    QT_TRANSLATE_NOOP("Vocab", "深度困难"),
    QT_TRANSLATE_NOOP("Vocab", "相对困难"),
    QT_TRANSLATE_NOOP("Vocab", "意外致困"),
    QT_TRANSLATE_NOOP("Vocab", "不符合困难标准"),
    QT_TRANSLATE_NOOP("Vocab", "无劳动能力"),
    QT_TRANSLATE_NOOP("Vocab", "有劳动能力未就业"),
    QT_TRANSLATE_NOOP("Vocab", "下岗失业"),
    QT_TRANSLATE_NOOP("Vocab", "未参加社会保险"),
    QT_TRANSLATE_NOOP("Vocab", "社保待遇落实不到位"),
    QT_TRANSLATE_NOOP("Vocab", "患重特大疾病"),
    QT_TRANSLATE_NOOP("Vocab", "遭受自然灾害"),
    QT_TRANSLATE_NOOP("Vocab", "遭受意外事故"),
    QT_TRANSLATE_NOOP("Vocab", "子女上学"),
    QT_TRANSLATE_NOOP("Vocab", "良好"),
    QT_TRANSLATE_NOOP("Vocab", "一般疾病"),
    QT_TRANSLATE_NOOP("Vocab", "重特大疾病"),
    QT_TRANSLATE_NOOP("Vocab", "残疾"),
    QT_TRANSLATE_NOOP("Vocab", "在档"),
    QT_TRANSLATE_NOOP("Vocab", "拟销档"),
    QT_TRANSLATE_NOOP("Vocab", "已销档"),
    QT_TRANSLATE_NOOP("Vocab", "自有住房"),
    QT_TRANSLATE_NOOP("Vocab", "租赁住房"),
    QT_TRANSLATE_NOOP("Vocab", "公租房"),
    QT_TRANSLATE_NOOP("Vocab", "单位宿舍"),
    QT_TRANSLATE_NOOP("Vocab", "借住亲友"),
    QT_TRANSLATE_NOOP("Vocab", "农业"),
    QT_TRANSLATE_NOOP("Vocab", "非农业"),
    QT_TRANSLATE_NOOP("Vocab", "农转居"),
    QT_TRANSLATE_NOOP("Vocab", "职工"),
    QT_TRANSLATE_NOOP("Vocab", "农民工"),
    QT_TRANSLATE_NOOP("Vocab", "农民"),
    QT_TRANSLATE_NOOP("Vocab", "学生"),
    QT_TRANSLATE_NOOP("Vocab", "学龄前儿童"),
    QT_TRANSLATE_NOOP("Vocab", "离退休人员"),
    QT_TRANSLATE_NOOP("Vocab", "无业"),
    QT_TRANSLATE_NOOP("Vocab", "未婚"),
    QT_TRANSLATE_NOOP("Vocab", "已婚"),
    QT_TRANSLATE_NOOP("Vocab", "离异"),
    QT_TRANSLATE_NOOP("Vocab", "丧偶"),
    QT_TRANSLATE_NOOP("Vocab", "职工医保"),
    QT_TRANSLATE_NOOP("Vocab", "城乡居民医保"),
    QT_TRANSLATE_NOOP("Vocab", "未参保"),
    QT_TRANSLATE_NOOP("Vocab", "结亲连心联系户"),
    QT_TRANSLATE_NOOP("Vocab", "本单位农民工"),
    QT_TRANSLATE_NOOP("Vocab", "中共党员"),
    QT_TRANSLATE_NOOP("Vocab", "共青团员"),
    QT_TRANSLATE_NOOP("Vocab", "群众"),
    QT_TRANSLATE_NOOP("Vocab", "草拟"),
    QT_TRANSLATE_NOOP("Vocab", "已转介"),
    QT_TRANSLATE_NOOP("Vocab", "已受理"),
    QT_TRANSLATE_NOOP("Vocab", "已办结"),
    QT_TRANSLATE_NOOP("Vocab", "已退回"),
    QT_TRANSLATE_NOOP("Vocab", "已撤销"),
    QT_TRANSLATE_NOOP("Vocab", "户主"),
    QT_TRANSLATE_NOOP("Vocab", "配偶"),
    QT_TRANSLATE_NOOP("Vocab", "儿子"),
    QT_TRANSLATE_NOOP("Vocab", "女儿"),
    QT_TRANSLATE_NOOP("Vocab", "父亲"),
    QT_TRANSLATE_NOOP("Vocab", "母亲"),
    QT_TRANSLATE_NOOP("Vocab", "孙子女"),
    QT_TRANSLATE_NOOP("Vocab", "祖父母"),
    QT_TRANSLATE_NOOP("Vocab", "兄弟姐妹"),
    QT_TRANSLATE_NOOP("Vocab", "儿媳/女婿"),
    QT_TRANSLATE_NOOP("Vocab", "金秋助学"),
    QT_TRANSLATE_NOOP("Vocab", "专项生活救助"),
    QT_TRANSLATE_NOOP("Vocab", "送温暖"),
    QT_TRANSLATE_NOOP("Vocab", "帮扶送教育"),
    QT_TRANSLATE_NOOP("Vocab", "农民工平安返乡"),
    QT_TRANSLATE_NOOP("Vocab", "女职工关爱行动"),
    QT_TRANSLATE_NOOP("Vocab", "职工医疗互助"),
    QT_TRANSLATE_NOOP("Vocab", "男"),
    QT_TRANSLATE_NOOP("Vocab", "女"),
    QT_TRANSLATE_NOOP("Vocab", "职工养老保险"),
    QT_TRANSLATE_NOOP("Vocab", "城乡居民养老保险"),
    QT_TRANSLATE_NOOP("Vocab", "入户走访"),
    QT_TRANSLATE_NOOP("Vocab", "单位走访"),
    QT_TRANSLATE_NOOP("Vocab", "电话联系"),
    QT_TRANSLATE_NOOP("Vocab", "视频联系"),
    QT_TRANSLATE_NOOP("Vocab", "来访接待"),
    QT_TRANSLATE_NOOP("Vocab", "在岗"),
    QT_TRANSLATE_NOOP("Vocab", "下岗"),
    QT_TRANSLATE_NOOP("Vocab", "失业"),
    QT_TRANSLATE_NOOP("Vocab", "退休"),
    QT_TRANSLATE_NOOP("Vocab", "病休"),
    QT_TRANSLATE_NOOP("Vocab", "务农"),
    QT_TRANSLATE_NOOP("Vocab", "学龄前"),
    # the referral catalogue (domain/referrals) and the assessment's reasons (domain/hardship)
    QT_TRANSLATE_NOOP("Vocab", "外出务工常识和专项职业技能培训"),
    QT_TRANSLATE_NOOP("Vocab", "返乡创业培训"),
    QT_TRANSLATE_NOOP("Vocab", "农业产业化培训（规模养殖户、科技示范户）"),
    QT_TRANSLATE_NOOP("Vocab", "推荐就业岗位（春风行动、就业援助月）"),
    QT_TRANSLATE_NOOP("Vocab", "职业技能提升"),
    QT_TRANSLATE_NOOP("Vocab", "学历提升计划"),
    QT_TRANSLATE_NOOP("Vocab", "困难家庭高校毕业生就业援助"),
    QT_TRANSLATE_NOOP("Vocab", "欠薪报告与追讨"),
    QT_TRANSLATE_NOOP("Vocab", "指导签订劳动合同"),
    QT_TRANSLATE_NOOP("Vocab", "社会保险和住房公积金"),
    QT_TRANSLATE_NOOP("Vocab", "工伤认定与工伤保险"),
    QT_TRANSLATE_NOOP("Vocab", "工会法律援助（绿色通道）"),
    QT_TRANSLATE_NOOP("Vocab", "劳动争议调解"),
    QT_TRANSLATE_NOOP("Vocab", "跨区域双向维权协作"),
    QT_TRANSLATE_NOOP("Vocab", "职业病防治（尘肺病优先）"),
    QT_TRANSLATE_NOOP("Vocab", "女职工“四期”特殊保护"),
    QT_TRANSLATE_NOOP("Vocab", "纳入困难职工帮扶体系、专项生活救助"),
    QT_TRANSLATE_NOOP("Vocab", "帮扶送教育（子女上学资助）"),
    QT_TRANSLATE_NOOP("Vocab", "“金秋助学”"),
    QT_TRANSLATE_NOOP("Vocab", "“送温暖”慰问"),
    QT_TRANSLATE_NOOP("Vocab", "职工医疗互助"),
    QT_TRANSLATE_NOOP("Vocab", "“农民工平安返乡”"),
    QT_TRANSLATE_NOOP("Vocab", "申请最低生活保障（低保）"),
    QT_TRANSLATE_NOOP("Vocab", "职工书屋与文化活动"),
    QT_TRANSLATE_NOOP("Vocab", "社区学校网上学习"),
    QT_TRANSLATE_NOOP("Vocab", "加入工会（源头入会、凭证接转）"),
    QT_TRANSLATE_NOOP("Vocab", "心理健康指导"),
    QT_TRANSLATE_NOOP("Vocab", "人均月收入低于低保标准"),
    QT_TRANSLATE_NOOP("Vocab", "人均月收入低于低保标准的2倍"),
    QT_TRANSLATE_NOOP("Vocab", "因自然灾害或意外事故致困"),
    QT_TRANSLATE_NOOP("Vocab", "年度致困支出超过家庭收入的80%"),
    QT_TRANSLATE_NOOP("Vocab", "人均月收入不低于低保标准的2倍"),
)
