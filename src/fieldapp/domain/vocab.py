"""Controlled vocabularies of the national hardship-worker archive (困难职工档案).

Values are the standard Chinese terms themselves: they are what the archive, the printed
forms and headquarters' statistics use, so the database stores them verbatim. Hardship
causes keep the archive's numeric codes 1–10.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Sex(StrEnum):
    MALE = "男"
    FEMALE = "女"


class Relation(StrEnum):
    HEAD = "户主"
    SPOUSE = "配偶"
    SON = "儿子"
    DAUGHTER = "女儿"
    FATHER = "父亲"
    MOTHER = "母亲"
    GRANDCHILD = "孙子女"
    GRANDPARENT = "祖父母"
    SIBLING = "兄弟姐妹"
    CHILD_IN_LAW = "儿媳/女婿"
    OTHER = "其他"


class HealthStatus(StrEnum):
    GOOD = "良好"
    COMMON_ILLNESS = "一般疾病"
    SERIOUS_ILLNESS = "重特大疾病"
    DISABLED = "残疾"


class DisabilityCategory(StrEnum):
    VISION = "视力"
    HEARING = "听力"
    SPEECH = "言语"
    LIMB = "肢体"
    INTELLECTUAL = "智力"
    MENTAL = "精神"
    MULTIPLE = "多重"


class DisabilityGrade(StrEnum):
    GRADE_1 = "一级"
    GRADE_2 = "二级"
    GRADE_3 = "三级"
    GRADE_4 = "四级"


class WorkStatus(StrEnum):
    EMPLOYED = "在岗"
    LAID_OFF = "下岗"
    UNEMPLOYED = "失业"
    RETIRED = "退休"
    SICK_LEAVE = "病休"
    MIGRANT_WORKER = "农民工"
    FARMING = "务农"
    STUDENT = "学生"
    PRESCHOOL = "学龄前"
    UNABLE = "无劳动能力"
    OTHER = "其他"


class Identity(StrEnum):
    WORKER = "职工"
    MIGRANT_WORKER = "农民工"
    FARMER = "农民"
    STUDENT = "学生"
    PRESCHOOL = "学龄前儿童"
    RETIREE = "离退休人员"
    UNEMPLOYED = "无业"
    OTHER = "其他"


class MaritalStatus(StrEnum):
    SINGLE = "未婚"
    MARRIED = "已婚"
    DIVORCED = "离异"
    WIDOWED = "丧偶"


class PoliticalStatus(StrEnum):
    PARTY_MEMBER = "中共党员"
    LEAGUE_MEMBER = "共青团员"
    MASSES = "群众"
    OTHER = "其他"


class HukouType(StrEnum):
    AGRICULTURAL = "农业"
    NON_AGRICULTURAL = "非农业"
    CONVERTED = "农转居"


class HousingType(StrEnum):
    OWN = "自有住房"
    RENTED = "租赁住房"
    PUBLIC_RENTAL = "公租房"
    DORMITORY = "单位宿舍"
    RELATIVES = "借住亲友"
    OTHER = "其他"


class MedicalInsurance(StrEnum):
    EMPLOYEE = "职工医保"
    RESIDENT = "城乡居民医保"
    NONE = "未参保"


class SocialInsurance(StrEnum):
    EMPLOYEE_PENSION = "职工养老保险"
    RESIDENT_PENSION = "城乡居民养老保险"
    NONE = "未参保"


class PairingBasis(StrEnum):
    """How a household came to be paired (临会发〔2014〕20号, 三.1)."""

    CONTACT_HOUSEHOLD = "结亲连心联系户"
    UNIT_EMPLOYEE = "本单位农民工"


class HouseholdStatus(StrEnum):
    ACTIVE = "在档"
    CLOSING = "拟销档"
    CLOSED = "已销档"


class VisitMode(StrEnum):
    HOME = "入户走访"
    WORKPLACE = "单位走访"
    PHONE = "电话联系"
    VIDEO = "视频联系"
    OFFICE = "来访接待"


class HardshipCause(IntEnum):
    """致困原因: the archive's fixed list, numeric codes 1–10."""

    NO_WORK_CAPACITY = 1
    UNEMPLOYED_ABLE = 2
    LAID_OFF = 3
    NO_SOCIAL_INSURANCE = 4
    INSURANCE_NOT_DELIVERED = 5
    SERIOUS_ILLNESS = 6
    NATURAL_DISASTER = 7
    ACCIDENT = 8
    CHILDREN_SCHOOLING = 9
    OTHER = 10

    @property
    def label(self) -> str:
        return CAUSE_LABELS[self]


CAUSE_LABELS: dict[HardshipCause, str] = {
    HardshipCause.NO_WORK_CAPACITY: "无劳动能力",
    HardshipCause.UNEMPLOYED_ABLE: "有劳动能力未就业",
    HardshipCause.LAID_OFF: "下岗失业",
    HardshipCause.NO_SOCIAL_INSURANCE: "未参加社会保险",
    HardshipCause.INSURANCE_NOT_DELIVERED: "社保待遇落实不到位",
    HardshipCause.SERIOUS_ILLNESS: "患重特大疾病",
    HardshipCause.NATURAL_DISASTER: "遭受自然灾害",
    HardshipCause.ACCIDENT: "遭受意外事故",
    HardshipCause.CHILDREN_SCHOOLING: "子女上学",
    HardshipCause.OTHER: "其他",
}


class HardshipCategory(StrEnum):
    DEEP = "深度困难"
    RELATIVE = "相对困难"
    ACCIDENTAL = "意外致困"
    NOT_HARDSHIP = "不符合困难标准"


class ReferralStatus(StrEnum):
    DRAFT = "草拟"
    REFERRED = "已转介"
    ACCEPTED = "已受理"
    COMPLETED = "已办结"
    RETURNED = "已退回"
    WITHDRAWN = "已撤销"


class AssistanceArea(StrEnum):
    """The four assistance areas of 临会发〔2014〕20号 (四. 帮扶内容) plus the ACFTU's wider services."""

    EMPLOYMENT = "就业创业"
    RIGHTS = "维护合法权益"
    LIVING = "生活困难"
    CIVILITY = "文明素质"


class ReliefProgramme(StrEnum):
    AUTUMN_STUDENT_AID = "金秋助学"
    SPECIAL_LIVING_RELIEF = "专项生活救助"
    SEND_WARMTH = "送温暖"
    EDUCATION_AID = "帮扶送教育"
    SAFE_RETURN = "农民工平安返乡"
    WOMEN_CARE = "女职工关爱行动"
    MEDICAL_MUTUAL_AID = "职工医疗互助"
    OTHER = "其他"


class ConsentPurpose(StrEnum):
    """Separate consents PIPL requires (Art. 29, 23, 25)."""

    SENSITIVE_PROCESSING = "处理敏感个人信息"
    REFERRAL_TO_THIRD_PARTY = "向其他单位提供（转介）"
    PUBLIC_NOTICE = "公示"


class AuditAction(StrEnum):
    """What the audit log records (PIPL Art. 51: who handled personal information, and how)."""

    SIGN_IN = "登录"
    SIGN_IN_FAILED = "登录失败"
    LOCK = "锁屏"
    VIEW_PROFILE = "查看家庭档案"
    REVEAL_ID = "显示完整身份证号"
    REVEAL_PHONE = "显示完整手机号"
    EDIT = "修改"
    VOID = "作废"  # a record withdrawn with a reason (kept, synced), never deleted silently
    PRINT = "打印"
    EXPORT = "导出"
    SYNC = "同步"
    IMPORT = "导入"
    PASSWORD_CHANGED = "修改密码"
    PASSWORD_RESET = "用恢复码重设密码"
    RETENTION_WIPE = "到期清除"
    WIPE_ALL = "清除全部个人信息"


class AttachmentKind(StrEnum):
    ID_CARD = "身份证复印件"
    HOUSEHOLD_REGISTER = "户口簿复印件"
    INCOME_PROOF = "收入证明"
    DIAGNOSIS = "诊断证明"
    MEDICAL_RECEIPTS = "医疗费票据"
    TUITION_RECEIPTS = "学费票据"
    ADMISSION_LETTER = "录取通知书"
    LABOUR_CONTRACT = "劳动合同或用工证明"
    REVIEW_MINUTES = "评议会议记录"
    PUBLIC_NOTICE = "公示单"
    OTHER = "其他"
