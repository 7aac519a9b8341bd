"""设备与干部: devices with their last batch, alerts in Chinese; enrol, revoke (administrators)."""

import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from fieldapp.hq import actions, device_list, handovers, ledger, recovery, web
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

    def devices_page(
        request: Request,
        who: Caller,
        status: int = 200,
        query: device_list.DeviceQuery | None = None,
        **extra: Any,
    ) -> HTMLResponse:
        may_hand_over = actions.allowed(who.staff, "handover")
        listed = may_hand_over and handovers.lists_cadres(hq)
        extra.setdefault("handover", {"household": "", "cadre": "", "note": ""})
        query = query or device_list.DeviceQuery()
        return con.page(
            request,
            "devices.html",
            who,
            status,
            result=device_list.search(hq, who.staff, query),
            query=query,
            sorts=list(device_list.SORT_LABELS.items()),
            base_params={"q": query.q, "sort": query.sort},
            alerts=ledger.alerts(hq, who.staff),
            may_manage=actions.allowed(who.staff, "device_enrol"),
            recoverable=recovery.recoverable(hq),
            recovered=recovery.recovered_to(hq),
            may_hand_over=may_hand_over,
            cadres=handovers.cadre_choices(hq) if listed else [],
            cadre_typed=may_hand_over and not listed,
            nav="devices",
            **extra,
        )

    @r.get("/devices")
    def devices(
        who: Annotated[Caller, Depends(con.signed_in)],
        request: Request,
        done: str = "",
        household: str = "",
        q: str = "",
        sort: str = "name",
        page_no: int = 1,
    ) -> Response:
        form = {"household": household[:100], "cadre": "", "note": ""}
        sort = sort if sort in device_list.SORT_LABELS else "name"
        query = device_list.DeviceQuery(q=q.strip()[:100], sort=sort, page=page_no)
        return devices_page(request, who, query=query, message=done[:200], handover=form)

    @r.post("/devices/handover")
    def handover(
        who: Annotated[Caller, Depends(con.acting("handover"))],
        request: Request,
        household: str = Form(""),
        cadre: str = Form(""),
        note: str = Form(""),
    ) -> Response:
        """A household to another cadre, both chosen by name: HQ.handover moves it at the next sync."""
        try:
            res = handovers.hand_over(hq, who.staff, household, cadre, note[:200], web.client_of(request))
        except SyncError as e:
            form = {"household": household[:100], "cadre": cadre, "note": note[:200]}
            return devices_page(request, who, 400, error=e.message, handover=form)
        message = f"已把 {res['code']} {res['head']} 移交给 {res['to']}，该设备下次同步时收到。"
        return done("/console/devices", message)

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
        known = device_list.find(hq, who.staff, device_id)
        if known is None:
            raise Refused(404, "没有这台设备。")
        actions.revoke_device(hq, who.staff, device_id, web.client_of(request))
        return done("/console/devices", "已停用设备：" + known.name)

    @r.post("/devices/{device_id}/recover")
    def device_recover(
        who: Annotated[Caller, Depends(con.acting("device_recover"))], request: Request, device_id: str
    ) -> Response:
        """A device refused as a clone: revoke it, download the recovery file for the real laptop."""
        if device_list.find(hq, who.staff, device_id) is None:
            raise Refused(404, "没有这台设备。")
        server_url = str(request.base_url).rstrip("/")
        try:
            enrolment = recovery.issue(hq, who.staff, device_id, server_url, web.client_of(request))
        except SyncError as e:
            return devices_page(request, who, 400, error=e.message)
        return download(enrolment)

    return r
