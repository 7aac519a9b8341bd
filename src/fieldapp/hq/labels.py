"""Chinese names of synchronised records and their fields, for people reading the console.

A conflict shows two values of the same fields side by side; a clerk must read 详细地址, not
address_detail. Bookkeeping fields (hlc, version, timestamps) are not shown at all.
"""

from __future__ import annotations

from typing import Any

from fieldapp.domain import item19

ENTITIES = {
    "cadre": "干部",
    "household": "困难户",
    "member": "家庭成员",
    "pairing": "结对关系",
    "visit": "走访记录",
    "assessment": "困难评定",
    "referral": "转介",
    "referral_event": "转介状态",
    "relief_payment": "救助记录",
    "consent": "同意记录",
    "attachment": "附件",
    "household_economy": "收入与支出（第十九条）",
    "worker_status": "就业与社保（第十九条）",
}
# not_owner: a device that does not own the household (never did, or no longer after a handover)
CONFLICT_KINDS = {"same_version": "两处同时修改", "not_owner": "不负责该户的设备的修改"}
BOOKKEEPING = {"hlc", "version", "created_at", "updated_at", "origin_device", "id"}
FIELDS = {
    # the household
    "owner_device": "负责设备",
    "village_code": "村（社区）",
    "address_detail": "详细地址",
    "phone": "联系电话",
    "pairing_basis": "结对依据",
    "unit_name": "工作单位",
    "hukou_type": "户口类型",
    "housing_type": "住房类型",
    "housing_area_m2": "住房面积（平方米）",
    "single_parent": "单亲家庭",
    "zero_employment": "零就业家庭",
    "status": "状态",
    "closed_on": "销档日期",
    "missing_fields": "缺少的信息",
    "source": "来源",
    "note": "备注",
    "deleted": "已删除",
    # members and cadres
    "household_id": "所属困难户",
    "member_id": "家庭成员",
    "cadre_id": "干部",
    "visit_id": "走访记录",
    "relation": "与户主关系",
    "name": "姓名",
    "name_initials": "姓名拼音首字母",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "sex": "性别",
    "ethnicity": "民族",
    "political_status": "政治面貌",
    "marital_status": "婚姻状况",
    "health": "健康状况",
    "illness": "所患疾病",
    "disability_category": "残疾类别",
    "disability_grade": "残疾等级",
    "work_status": "就业状况",
    "identity": "身份",
    "employer_or_school": "工作单位或学校",
    "industry": "行业",
    "monthly_income_fen": "月收入（分）",
    "medical_insurance": "医疗保险",
    "social_insurance": "社会保险",
    "labour_contract": "劳动合同",
    "unit": "单位",
    "post": "职务",
    "active": "在岗",
    # pairing, visit
    "started_on": "结对日期",
    "ended_on": "结束日期",
    "extra_reason": "超额结对原因",
    "end_reason": "结束原因",
    "visit_date": "走访日期",
    "mode": "走访方式",
    "place": "地点",
    "people_met": "见到的人",
    "living_conditions": "生活状况",
    "demands": "诉求",
    "notes": "情况记录",
    "next_visit_due": "下次走访日期",
    # assessment
    "assessed_on": "评定日期",
    "main_cause": "主要致困原因",
    "secondary_causes": "其他致困原因",
    "household_size": "家庭人口",
    "annual_income_fen": "家庭年收入（分）",
    "rigid_spending_fen": "刚性支出（分）",
    "sudden_event": "突发事件",
    "dibao_standard_fen": "低保标准（分）",
    "per_head_monthly_fen": "人均月收入（分）",
    "category": "困难类别",
    "reason": "原因",
    # referral
    "kind_code": "转介事项",
    "area": "帮扶领域",
    "receiving_body": "接收单位",
    "created_on": "转介日期",
    "status_on": "状态日期",
    "follow_up_due": "跟进日期",
    "referral_id": "转介",
    "occurred_on": "办理日期",
    "recorded_by": "登记人",
    # relief, consent, attachment
    "programme": "救助项目",
    "amount_fen": "金额（分）",
    "paid_on": "发放日期",
    "purpose": "用途",
    "notice_version": "告知书版本",
    "granted": "同意",
    "given_on": "签署日期",
    "guardian_name": "监护人姓名",
    "guardian_relation": "监护人关系",
    "kind": "类别",
    "file_name": "文件名",
    "media_type": "文件类型",
    "size_bytes": "大小（字节）",
    "sha256": "文件校验值",
    "taken_on": "拍摄日期",
    # item 19 observations (fieldapp.domain.item19)
    "observed_on": "登记日期",
    **item19.LABELS,
}


def field(key: str) -> str:
    return FIELDS.get(key, "其他数据项")


def value(v: Any) -> str:
    """A value as a clerk reads it: 是/否, （空） for nothing, text as it is."""
    if v is None or v == "":
        return "（空）"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, list):
        return "、".join(str(x) for x in v) or "（空）"
    return str(v)
