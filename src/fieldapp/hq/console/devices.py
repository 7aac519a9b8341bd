"""设备与干部: devices with their last batch, alerts in Chinese; enrol, revoke (administrators)."""

import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from fieldapp.hq import actions, ledger, web
from fieldapp.hq.console.common import Console, Refused, done
from fieldapp.hq.web import Caller
from fieldapp.sync.protocol import SyncError


def download(enrolment: dict[str, Any]) -> Response:
    """An enrolment file, downloaded under the device's name."""
    body = json.dumps(enrolment, ensure_ascii=False, indent=1).encode()
    filename = quote(f"{enrolment['name']}.enrol")
    return Response(
        body,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f"attachment; filename=\"device.enrol\"; filename*=UTF-8''{filename}"
        },
    )


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    def devices_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        return con.page(
            request,
            "devices.html",
            who,
            status,
            devices=ledger.devices(hq, who.staff),
            alerts=ledger.alerts(hq, who.staff),
            may_manage=actions.allowed(who.staff, "device_enrol"),
            nav="devices",
            **extra,
        )

    @r.get("/devices")
    def devices(who: Annotated[Caller, Depends(con.signed_in)], request: Request, done: str = "") -> Response:
        return devices_page(request, who, message=done[:100])

    @r.post("/devices/enrol")
    def device_enrol(
        who: Annotated[Caller, Depends(con.acting("device_enrol"))],
        request: Request,
        name: str = Form(""),
        url: str = Form(""),
    ) -> Response:
        server_url = url.strip() or str(request.base_url).rstrip("/")
        try:
            enrolment = actions.enrol_device(hq, who.staff, name, server_url, web.client_of(request))
        except SyncError as e:
            return devices_page(request, who, 400, error=e.message)
        return download(enrolment)

    @r.post("/devices/{device_id}/revoke")
    def device_revoke(
        who: Annotated[Caller, Depends(con.acting("device_revoke"))], request: Request, device_id: str
    ) -> Response:
        known = {d.device_id: d.name for d in ledger.devices(hq, who.staff)}
        if device_id not in known:
            raise Refused(404, "没有这台设备。")
        actions.revoke_device(hq, who.staff, device_id, web.client_of(request))
        return done("/console/devices", "已停用设备：" + known[device_id])

    return r
