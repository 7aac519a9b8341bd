"""/api/v1/devices: every enrolled device with its cadres, last batch, last contact, missing
batches and alerts in Chinese. Devices are not split by county: administrators and city staff
only; any other account is refused with 403 and the refusal is audited."""

# no `from __future__ import annotations`: FastAPI must see the closure's dependencies as objects
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from fieldapp.hq import ledger_api
from fieldapp.hq.accounts import Staff
from fieldapp.hq.api import common
from fieldapp.hq.ledger_api import DeviceDetailOut
from fieldapp.hq.store import HQ


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/api/v1/devices", tags=["设备与干部"])
    staff = common.staff_dependency(hq)

    @r.get("", response_model=list[DeviceDetailOut], responses={**common.READ_ERRORS, 403: common.FORBIDDEN})
    def devices(me: Annotated[Staff, Depends(staff)], request: Request) -> list[DeviceDetailOut]:
        """设备列表：干部、最后一批、最后联系、缺少的批次、告警（中文）。仅系统管理员和市总工会工作人员。"""
        common.city_only(hq, me, "设备列表", request)
        return ledger_api.devices(hq)

    return r
