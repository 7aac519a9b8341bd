"""/api/v1/households: the ledger as JSON for staff, with the console's scope and sign-in.

A staff account calls it with its console session cookie or with a bearer token
(`fieldapp-hq user token NAME`). A household outside the account's county is a 404.
"""

# no `from __future__ import annotations`: FastAPI must see the closure's dependency `staff`
# in the route signatures as objects, not as strings it cannot resolve.
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from fieldapp.hq import accounts, ledger, web
from fieldapp.hq.accounts import Staff
from fieldapp.hq.api import common
from fieldapp.hq.ledger import HouseholdFile, HouseholdPage, HouseholdQuery
from fieldapp.hq.store import HQ


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/api/v1/households", tags=["困难户台账"])

    staff = common.staff_dependency(hq)

    @r.get("", response_model=HouseholdPage, responses=common.READ_ERRORS)
    def households(
        me: Annotated[Staff, Depends(staff)],
        q: Annotated[
            str, Query(max_length=100, description="姓名、拼音首字母、身份证或电话尾号、村、HH-编号")
        ] = "",
        county: Annotated[str, Query(max_length=6, description="县区代码，如 371324")] = "",
        category: Annotated[str, Query(max_length=20, description="困难类别，如 深度困难")] = "",
        status: Annotated[str, Query(max_length=10, description="建档状态，如 在档")] = "",
        sort: Annotated[
            str, Query(max_length=20, description="排序：name village category status recent")
        ] = "name",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=ledger.MAX_PAGE_SIZE)] = ledger.PAGE_SIZE,
    ) -> HouseholdPage:
        """困难户列表（身份证号、电话已遮挡），按账号的县区范围过滤。"""
        query = HouseholdQuery(q, county, category, status, sort, page, page_size)
        return ledger.search_households(hq, me, query)

    @r.get("/{household_id}", response_model=HouseholdFile, responses=common.ONE_ERRORS)
    def household(
        me: Annotated[Staff, Depends(staff)], household_id: Annotated[str, common.ID_PATH], request: Request
    ) -> HouseholdFile:
        """一户的档案：成员、走访、转介及其状态、困难评定、负责设备（只读）。"""
        found = ledger.household_file(hq, me, household_id)
        if found is None:
            raise common.not_found("没有这一户，或不在您的查看范围内。")
        accounts.record(
            hq, me, "view_household", found.summary.code, f"{household_id}（接口）", web.client_of(request)
        )
        return found

    return r
