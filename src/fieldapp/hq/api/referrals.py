"""/api/v1/referrals: referrals with their status, one referral's history, recording an outcome.

The same queries as the console's 转介 page (hq/ledger.py: search, filters and paging in SQL,
scoped to the account's county) and the same action (hq/actions.py: who may, checks, audit).
A referral outside the account's county is a 404, exactly like one that does not exist.
"""

# no `from __future__ import annotations`: FastAPI must see the closure's dependencies as objects
import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from fieldapp.hq import actions, ledger, web
from fieldapp.hq.accounts import Staff
from fieldapp.hq.api import common
from fieldapp.hq.ledger import ReferralDetail, ReferralPage, ReferralQuery
from fieldapp.hq.store import HQ
from fieldapp.sync.protocol import SyncError

Outcome = Literal["已受理", "已办结", "已退回", "已撤销"]


class OutcomeIn(BaseModel):
    """接收单位的答复，由市总工会或县区总工会登记；随该户负责设备的下一次回执送达干部。"""

    model_config = ConfigDict(extra="forbid")

    status: Outcome = Field(
        description="办理结果：已受理、已办结、已退回、已撤销（须是当前状态允许的下一步）"
    )
    occurred_on: dt.date | None = Field(
        default=None, description="办理日期（如 2026-11-29），不能晚于今天；不填为今天"
    )
    note: str = Field(default="", max_length=500, description="说明；“已退回”“已撤销”必须填写")


class OutcomeOut(BaseModel):
    """登记的结果。"""

    referral_id: str = Field(description="转介的编号")
    previous: str = Field(description="登记前的状态")
    status: str = Field(description="登记后的状态")
    occurred_on: str = Field(description="办理日期")
    device_id: str = Field(description="将在下次同步时收到这一结果的设备")


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/api/v1/referrals", tags=["转介"])
    staff = common.staff_dependency(hq)
    writer = common.staff_dependency(hq, writing=True)

    @r.get("", response_model=ReferralPage, responses=common.READ_ERRORS)
    def referrals(
        me: Annotated[Staff, Depends(staff)],
        q: Annotated[
            str, Query(max_length=100, description="ZJ-编号、户主姓名、拼音首字母、接收单位、HH-编号")
        ] = "",
        county: Annotated[str, Query(max_length=6, description="县区代码，如 371324")] = "",
        status: Annotated[str, Query(max_length=10, description="转介状态，如 已转介")] = "",
        kind: Annotated[str, Query(max_length=20, description="服务类别代码（目录中的 code）")] = "",
        overdue: Annotated[bool, Query(description="只看跟进已逾期的")] = False,
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=ledger.MAX_PAGE_SIZE)] = ledger.PAGE_SIZE,
    ) -> ReferralPage:
        """转介列表（最新的在前），含当前状态、应跟进日期、逾期天数；按账号的县区范围过滤。"""
        query = ReferralQuery(q.strip(), county, status, kind, overdue, page, page_size)
        return ledger.search_referrals(hq, me, query)

    @r.get("/{referral_id}", response_model=ReferralDetail, responses=common.ONE_ERRORS)
    def referral(
        me: Annotated[Staff, Depends(staff)],
        referral_id: Annotated[str, common.ID_PATH],
    ) -> ReferralDetail:
        """一条转介：事由、状态变更记录（谁、何时、说明），以及可以登记的下一步办理结果。"""
        found = ledger.referral_detail(hq, me, referral_id)
        if found is None:
            raise common.not_found("没有这条转介，或不在您的查看范围内。")
        return found

    @r.post(
        "/{referral_id}/outcome",
        response_model=OutcomeOut,
        responses=common.WRITE_ERRORS,
    )
    def outcome(
        me: Annotated[Staff, Depends(writer)],
        referral_id: Annotated[str, common.ID_PATH],
        body: OutcomeIn,
        request: Request,
    ) -> OutcomeOut:
        """登记接收单位的办理结果（与控制台相同的规则并记入操作日志）；只读账号被拒绝（403，记入日志）。"""
        found = ledger.referral_detail(hq, me, referral_id)
        if found is None:
            raise common.not_found("没有这条转介，或不在您的查看范围内。")
        if not actions.allowed(me, "referral_outcome"):
            raise common.refuse(hq, me, "referral_outcome", found.line.code, request)
        try:
            res = actions.record_referral_outcome(
                hq,
                me,
                referral_id,
                body.status,
                body.occurred_on,
                body.note,
                client=web.client_of(request) + "（接口）",
            )
        except SyncError as e:
            raise common.from_refusal(e) from None
        ev = res["event"]
        return OutcomeOut(
            referral_id=referral_id,
            previous=str(res["previous"]),
            status=str(ev["status"]),
            occurred_on=str(ev["occurred_on"]),
            device_id=str(res["device_id"]),
        )

    return r
