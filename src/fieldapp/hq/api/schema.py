"""The OpenAPI schema of headquarters as county systems (and the fuzzer) read it.

Two touches on what FastAPI generates:
- a malformed request is answered 400 `{"error": "MALFORMED", …}` (hq/server.py), never FastAPI's
  422 validation body, so those generated 422 entries are replaced by the 400 the server gives;
- the ledger's response models (hq/ledger.py, shared with the console) get a Chinese description
  of every field here, so the console's module stays as it is.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

VALIDATION_REF = "#/components/schemas/HTTPValidationError"
ERROR_REF = "#/components/schemas/ErrorOut"

_SUMMARY = {
    "id": "内部编号（UUID）",
    "code": "表单上印的编号，如 HH-1A2B3C4D",
    "head_name": "户主姓名",
    "id_masked": "身份证号（已遮挡）",
    "phone_masked": "联系电话（已遮挡）",
    "village_code": "村（社区）代码（12位）",
    "village": "村（社区）",
    "county_code": "县区代码（6位）",
    "county": "县区",
    "category": "困难类别",
    "status": "建档状态：在档、拟销档、已销档",
    "cadre": "结对干部",
    "device_id": "负责该户的设备编号（市总工会为 hq）",
}
_PAGE = {
    "total": "符合条件的总数",
    "page": "页码（从1开始）",
    "page_size": "每页条数",
    "pages": "总页数",
    "items": "本页的条目",
}
FIELD_DOCS: dict[str, dict[str, str]] = {
    "HouseholdSummary": _SUMMARY,
    "HouseholdPage": _PAGE,
    "MemberOut": {
        "name": "姓名",
        "relation": "与户主关系",
        "sex": "性别",
        "id_masked": "身份证号（已遮挡）",
        "health": "健康状况（含疾病或残疾情况）",
        "work_status": "就业状况",
    },
    "VisitOut": {
        "visit_date": "走访日期",
        "mode": "走访方式",
        "cadre": "走访干部",
        "living_conditions": "生活状况",
        "demands": "诉求",
        "notes": "备注",
    },
    "ReferralOut": {
        "id": "转介编号（UUID）",
        "kind": "服务类别",
        "receiving_body": "接收单位",
        "created_on": "转介日期",
        "status": "当前状态",
        "status_on": "状态日期",
    },
    "AssessmentOut": {
        "assessed_on": "评定日期",
        "category": "困难类别",
        "main_cause": "主要致困原因代码",
        "main_cause_label": "主要致困原因",
        "per_head_monthly_yuan": "人均月收入（元）",
        "reason": "评定理由",
    },
    "HouseholdFile": {
        "summary": "台账中的一行",
        "address": "地址",
        "device_name": "负责设备的名称",
        "device_revoked": "负责设备是否已停用",
        "members": "家庭成员",
        "visits": "走访记录（最新的在前）",
        "referrals": "转介及其当前状态",
        "assessments": "困难评定（最新的在前）",
    },
    "ReferralLine": {
        "id": "转介编号（UUID）",
        "code": "转介单上印的编号，如 ZJ-1A2B3C4D",
        "household_id": "所属困难户的编号",
        "household_code": "所属困难户的 HH- 编号",
        "head_name": "户主姓名",
        "county": "县区",
        "kind_code": "服务类别代码",
        "kind": "服务类别",
        "receiving_body": "接收单位",
        "created_on": "转介日期",
        "status": "当前状态",
        "status_on": "状态日期",
        "follow_up_due": "应跟进日期（已办结等为空）",
        "overdue_days": "跟进已逾期的天数（未逾期为0）",
    },
    "ReferralPage": {**_PAGE, "overdue": "其中跟进已逾期的条数"},
    "ReferralEventOut": {
        "status": "状态",
        "occurred_on": "日期",
        "note": "说明",
        "recorded_by": "登记人",
        "at_hq": "是否在总部登记（否则由干部在设备上登记）",
    },
    "ReferralDetail": {
        "line": "转介列表中的一行",
        "reason": "转介事由",
        "events": "状态变更记录（按日期）",
        "steps": "现在可以登记的办理结果",
    },
    "ConflictField": {"label": "字段（中文）", "a": "值 A", "b": "值 B"},
    "EntryPage": {k: v for k, v in _PAGE.items() if k != "page_size"},
    "Entry": {
        "id": "疑似重复编号",
        "status": "状态：open 待处理、distinct 已标为不同户、merged 已合并",
        "status_label": "状态（中文）",
        "detected_at": "发现时间（北京时间）",
        "resolved_at": "处理时间（北京时间；未处理为空）",
        "note": "处理说明（未处理为空）",
        "a": "一户",
        "b": "另一户",
    },
    "Side": {
        "household_id": "困难户编号",
        "code": "HH-编号",
        "head_name": "户主姓名",
        "village": "村（社区）",
        "county": "县区",
        "cadre": "结对干部",
        "device": "负责设备",
        "members": "成员人数",
        "matching_member": "身份证号相同的成员",
        "matching_id_masked": "相同的身份证号（遮蔽）",
    },
    "ConflictOut": {
        "id": "冲突编号",
        "kind": "冲突类别（中文）",
        "entity": "记录类别（中文）",
        "household_id": "所属困难户的编号（无则为空）",
        "household": "所属困难户：HH-编号与户主姓名",
        "version": "记录版本",
        "device_a": "值 A 来自的设备",
        "device_b": "值 B 来自的设备",
        "fields": "不同的字段，两边的值并列",
        "detected_at": "发现时间（北京时间）",
        "resolved": "是否已处理",
        "kept": "保留的值：a、b，未处理为空",
        "resolved_by": "处理人",
        "note": "处理说明",
    },
}


def _fix_validation_answers(doc: dict[str, Any]) -> None:
    error = {
        "description": "请求的参数或内容不符合格式",
        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
    }
    for path in doc.get("paths", {}).values():
        for op in path.values():
            responses = op.get("responses", {})
            generated = responses.get("422", {}).get("content", {}).get("application/json", {})
            if generated.get("schema", {}).get("$ref") == VALIDATION_REF:
                del responses["422"]
                responses.setdefault("400", error)
    schemas = doc.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)


def _describe_fields(doc: dict[str, Any]) -> None:
    schemas = doc.get("components", {}).get("schemas", {})
    for name, fields in FIELD_DOCS.items():
        props = schemas.get(name, {}).get("properties", {})
        for field, text in fields.items():
            if field in props:
                props[field].setdefault("description", text)


STAFF_PATHS = ("/api/v1/households", "/api/v1/referrals", "/api/v1/conflicts", "/api/v1/duplicates")
SECURITY = {
    "staffToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "工作人员令牌：fieldapp-hq user token NAME（只显示一次）",
    },
    "consoleSession": {
        "type": "apiKey",
        "in": "cookie",
        "name": "hq_session",
        "description": "控制台的登录会话；提交修改时另须 X-CSRF-Token 头",
    },
}


def _staff_security(doc: dict[str, Any]) -> None:
    doc.setdefault("components", {})["securitySchemes"] = SECURITY
    for path, ops in doc.get("paths", {}).items():
        if path.startswith(STAFF_PATHS) or path == "/api/v1/devices":
            for op in ops.values():
                op["security"] = [{"staffToken": []}, {"consoleSession": []}]


def describe(app: FastAPI) -> None:
    """Install the schema builder on `app` (built once, on the first request for it)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title="fieldapp-hq 市总工会接口",
                version=app.version,
                description=(
                    "设备同步接口（/api/v1/batches、/api/v1/enrol 等）与工作人员的 JSON 接口"
                    "（/api/v1/households、referrals、conflicts、devices）。工作人员用控制台的登录会话"
                    "或令牌（fieldapp-hq user token NAME，放在 Authorization: Bearer 头中）调用；"
                    "县区账号只能看到本县区的数据。说明见 docs/api.md。"
                ),
                routes=app.routes,
            )
            _fix_validation_answers(doc)
            _describe_fields(doc)
            _staff_security(doc)
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
