"""/api/v1/conflicts: the conflict queue (two values of the same record side by side), and resolving one.

Every account sees the conflicts of the households in its scope (a county clerk: their county's;
another county's conflict is a 404, like one that does not exist). Only administrators and city
staff resolve (hq/actions.py); anyone else is refused with 403 and the refusal is audited.
"""

# no `from __future__ import annotations`: FastAPI must see the closure's dependencies as objects
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from fieldapp.hq import actions, ledger, ledger_api, web
from fieldapp.hq.accounts import Staff
from fieldapp.hq.api import common
from fieldapp.hq.ledger import ConflictOut
from fieldapp.hq.ledger_api import ConflictPage
from fieldapp.hq.store import HQ
from fieldapp.sync.protocol import SyncError

CONFLICT_ID = Path(ge=1, le=2**31 - 1, description="冲突编号（列表中的 id）")


class ResolveIn(BaseModel):
    """保留哪一个值；保留的值成为总部的当前值，并随负责设备的下一次回执送达。"""

    model_config = ConfigDict(extra="forbid")

    keep: Literal["a", "b"] = Field(description="保留值 a 或值 b")
    note: str = Field(default="", max_length=500, description="说明（可不填）")


class ResolveOut(BaseModel):
    """处理结果。"""

    id: int = Field(description="冲突编号")
    kept: str = Field(description="保留的值：a 或 b")
    sent_to: list[str] = Field(description="将在下次同步时收到保留值的设备编号")


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/api/v1/conflicts", tags=["冲突"])
    staff = common.staff_dependency(hq)
    writer = common.staff_dependency(hq, writing=True)

    @r.get("", response_model=ConflictPage, responses=common.READ_ERRORS)
    def conflicts(
        me: Annotated[Staff, Depends(staff)],
        include_resolved: Annotated[bool, Query(description="也列出已处理的冲突")] = False,
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=ledger.MAX_PAGE_SIZE)] = ledger.PAGE_SIZE,
    ) -> ConflictPage:
        """冲突队列：同一记录的两个值按中文字段名并列；县区账号只看到本县区困难户的冲突。"""
        return ledger_api.search_conflicts(hq, me, include_resolved, page, page_size)

    @r.get("/{conflict_id}", response_model=ConflictOut, responses=common.ONE_ERRORS)
    def conflict(
        me: Annotated[Staff, Depends(staff)], conflict_id: Annotated[int, CONFLICT_ID]
    ) -> ConflictOut:
        """一条冲突（待处理或已处理）。"""
        found = ledger_api.conflict(hq, me, conflict_id)
        if found is None:
            raise common.not_found("没有这条冲突，或不在您的查看范围内。")
        return found

    @r.post(
        "/{conflict_id}/resolve",
        response_model=ResolveOut,
        responses={**common.WRITE_ERRORS, 409: common.ALREADY_DONE},
    )
    def resolve(
        me: Annotated[Staff, Depends(writer)],
        conflict_id: Annotated[int, CONFLICT_ID],
        body: ResolveIn,
        request: Request,
    ) -> ResolveOut:
        """处理一条冲突（系统管理员、市总工会工作人员；县区账号只处理本县区的）；只读账号被拒绝（403，记入操作日志）。"""
        if ledger_api.conflict(hq, me, conflict_id) is None:
            raise common.not_found("没有这条冲突，或不在您的查看范围内。")
        if not actions.allowed(me, "resolve_conflict"):
            raise common.refuse(hq, me, "resolve_conflict", f"冲突 {conflict_id}", request)
        try:
            res = actions.resolve_conflict(
                hq, me, conflict_id, body.keep, body.note, client=web.client_of(request) + "（接口）"
            )
        except SyncError as e:
            if e.code == "INVALID" and "处理过" in e.message:
                raise common.ApiError(409, "ALREADY_RESOLVED", e.message) from None
            raise common.from_refusal(e) from None
        return ResolveOut(id=int(res["id"]), kept=str(res["kept"]), sent_to=[str(d) for d in res["sent_to"]])

    return r
