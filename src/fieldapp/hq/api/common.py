"""What every /api/v1/ staff endpoint shares: who is calling, refusals as JSON, the audit of refusals.

A staff account calls the API with its console session cookie or with a bearer token
(`fieldapp-hq user token NAME`). A refusal is always JSON: `{"error": code, "message": 中文}`
(plus `code` and `status`, as every refusal of the device API has). A change (POST) made with the
session cookie must also carry the session's CSRF token in the `X-CSRF-Token` header, so a page of
another site cannot post with the clerk's cookie; a bearer token needs none.
"""

# no `from __future__ import annotations`: FastAPI must see the dependency's types as objects
from typing import Any

from fastapi import HTTPException, Path, Request
from pydantic import BaseModel, Field

from fieldapp.hq import accounts, actions, web
from fieldapp.hq.accounts import Staff
from fieldapp.hq.store import HQ
from fieldapp.sync.protocol import SyncError

CSRF_HEADER = "x-csrf-token"
ID_PATH = Path(min_length=1, max_length=36, description="记录的内部编号（UUID，见列表的 id）")


class ErrorOut(BaseModel):
    """Every refusal of the API: a code for programs, a message in Chinese for people."""

    error: str = Field(description="错误代码，如 NOT_FOUND、FORBIDDEN、MALFORMED、INVALID、UNAUTHENTICATED")
    message: str = Field(description="给人看的中文说明")
    code: str = Field(description="与 error 相同（与设备接口的拒收答复一致）")
    status: str = Field(description="总是 rejected")


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


MALFORMED = _error("请求的参数或内容不符合格式（如不是JSON、字段类型不对）")
UNAUTHENTICATED = _error("没有登录，或令牌无效、已停用")
FORBIDDEN = _error("该账号无权进行这一操作（如只读账号提交修改），已拒绝并记入操作日志")
NOT_FOUND = _error("没有这条记录，或不在该账号的查看范围内（二者答复相同）")
ALREADY_DONE = _error("已经处理过（ALREADY_RESOLVED）")
INVALID = _error("内容不被接受（如状态不允许这样变更、日期晚于今天、缺少说明）")
READ_ERRORS: dict[int | str, dict[str, Any]] = {400: MALFORMED, 401: UNAUTHENTICATED}
ONE_ERRORS: dict[int | str, dict[str, Any]] = {**READ_ERRORS, 404: NOT_FOUND}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {**ONE_ERRORS, 403: FORBIDDEN, 422: INVALID}
# what a refusal of hq.actions or the store (SyncError.code) is answered with
STATUS_OF = {"NOT_FOUND": 404, "FORBIDDEN": 403, "INVALID": 422, "MALFORMED": 400}


class ApiError(HTTPException):
    """A refusal with its code; turned into the JSON answer by the app's HTTP error handler."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, message)
        self.code = code


def not_found(message: str = "没有这条记录，或不在您的查看范围内。") -> ApiError:
    return ApiError(404, "NOT_FOUND", message)


def staff_dependency(hq: HQ, *, writing: bool = False) -> Any:
    """A FastAPI dependency giving the calling account (401 when there is none).

    `writing`: the request changes something; with a session cookie it needs the CSRF header."""

    def staff(request: Request) -> Staff:
        who = web.caller(hq, request, allow_token=True)
        if who is None:
            raise ApiError(
                401, "UNAUTHENTICATED", "请先登录，或在 Authorization 头中给出工作人员令牌（Bearer）。"
            )
        if writing and who.via == "session":
            given = request.headers.get(CSRF_HEADER, "")
            if not given.isascii() or not accounts.csrf_matches(who.csrf, given):
                raise ApiError(
                    403, "FORBIDDEN", "用登录会话提交修改时须在 X-CSRF-Token 头中给出会话的校验码。"
                )
        return who.staff

    return staff


def refuse(hq: HQ, staff: Staff, action: str, target: str, request: Request) -> ApiError:
    """An account that may not do `action`: written to the audit log, answered 403."""
    message = actions.REFUSED[action]
    accounts.record(
        hq,
        staff,
        "refused",
        target[:100],
        f"{actions.ACTIONS[action]}（接口）：{message}"[:500],
        web.client_of(request),
    )
    return ApiError(403, "FORBIDDEN", message)


def city_only(hq: HQ, staff: Staff, what: str, request: Request) -> None:
    """Devices and alerts are not split by county: admin and city staff only (403, audited)."""
    if staff.role not in ("admin", "city"):
        message = "只有系统管理员和市总工会工作人员可以查看设备与告警。"
        accounts.record(hq, staff, "refused", what, f"{what}（接口）：{message}", web.client_of(request))
        raise ApiError(403, "FORBIDDEN", message)


def from_refusal(e: SyncError) -> ApiError:
    """A refusal of hq.actions or the store, with its code and Chinese message."""
    return ApiError(STATUS_OF.get(e.code, 422), e.code if e.code in STATUS_OF else "INVALID", e.message)
