"""/api/v1/devices: the enrolled devices, a page at a time, with its cadres, last batch, last contact, missing
batches and alerts in Chinese. Devices are not split by county: administrators and city staff
only; any other account is refused with 403 and the refusal is audited."""

# no `from __future__ import annotations`: FastAPI must see the closure's dependencies as objects
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from fieldapp.hq import ledger_api
from fieldapp.hq.accounts import Staff
from fieldapp.hq.api import common
from fieldapp.hq.device_list import DeviceQuery
from fieldapp.hq.ledger import MAX_PAGE_SIZE, PAGE_SIZE
from fieldapp.hq.ledger_api import DeviceDetailPage
from fieldapp.hq.store import HQ


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/api/v1/devices", tags=["设备与干部"])
    staff = common.staff_dependency(hq)

    @r.get("", response_model=DeviceDetailPage, responses={**common.READ_ERRORS, 403: common.FORBIDDEN})
    def devices(
        me: Annotated[Staff, Depends(staff)],
        request: Request,
        q: Annotated[str, Query(max_length=100, description="设备名称、干部姓名或设备编号开头")] = "",
        sort: Annotated[
            str,
            Query(
                max_length=20,
                description="排序：name 设备名称，recent 最近同步，enrolled 登记时间（新的在前）",
            ),
        ] = "name",
        page: Annotated[int, Query(ge=1, le=1_000_000, description="页码（从1开始）")] = 1,
        page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="每页条数")] = PAGE_SIZE,
    ) -> DeviceDetailPage:
        """设备列表（分页）：干部、最后一批、最后联系、缺少的批次、告警（中文）。仅系统管理员和市总工会工作人员。"""
        common.city_only(hq, me, "设备列表", request)
        query = DeviceQuery(q=q.strip(), sort=sort, page=page, page_size=page_size)
        return ledger_api.device_page(hq, query)

    return r
