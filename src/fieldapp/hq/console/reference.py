"""参考数据: the local 低保 standard, receiving bodies per referral kind, form templates.

Administrators change them (each change goes to every device at its next sync); city-wide
accounts read them; county clerks do not see the page (404).
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from fieldapp.hq import actions, ledger, reference, web
from fieldapp.hq.console.common import Console, Refused, done
from fieldapp.hq.web import Caller
from fieldapp.sync.protocol import SyncError

PAGE = "/console/reference"


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    def reference_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        if not ledger.sees_the_whole_city(who.staff):
            raise Refused(404, "没有这个页面。")
        extra.setdefault("form", {"dibao": "", "kind": "", "bodies": "", "name": ""})
        return con.page(
            request,
            "reference.html",
            who,
            status,
            ref=reference.current(hq),
            may_change=actions.allowed(who.staff, "reference_set"),
            nav="reference",
            **extra,
        )

    @r.get("/reference")
    def reference_view(
        who: Annotated[Caller, Depends(con.signed_in)], request: Request, done: str = ""
    ) -> Response:
        return reference_page(request, who, message=done[:200])

    @r.post("/reference/dibao")
    def set_dibao(
        who: Annotated[Caller, Depends(con.acting("reference_set"))], request: Request, yuan: str = Form("")
    ) -> Response:
        try:
            shown = reference.set_dibao(hq, who.staff, yuan, web.client_of(request))
        except SyncError as e:
            return reference_page(
                request,
                who,
                400,
                error=e.message,
                form={"dibao": yuan[:20], "kind": "", "bodies": "", "name": ""},
            )
        return done(PAGE, f"已设定低保标准 {shown} 元/月，各设备下次同步时更新。")

    @r.post("/reference/bodies")
    def set_bodies(
        who: Annotated[Caller, Depends(con.acting("reference_set"))],
        request: Request,
        kind: str = Form(""),
        bodies: str = Form(""),
    ) -> Response:
        try:
            reference.set_bodies(hq, who.staff, kind, bodies[:5000], web.client_of(request))
        except SyncError as e:
            form = {"dibao": "", "kind": kind[:40], "bodies": bodies[:5000], "name": ""}
            return reference_page(request, who, 400, error=e.message, form=form)
        return done(PAGE, "已设定接收单位，各设备下次同步时更新。")

    @r.post("/reference/forms")
    async def set_form(
        who: Annotated[Caller, Depends(con.acting("reference_set"))],
        request: Request,
        file: Annotated[UploadFile | None, File()] = None,
        name: str = Form(""),
    ) -> Response:
        data = await file.read(reference.MAX_FORM_BYTES + 1) if file is not None else b""
        filename = (file.filename or "") if file is not None else ""
        form_name = name.strip() or filename.rsplit("/", 1)[-1].removesuffix(".toml")
        try:
            out = reference.set_form(hq, who.staff, form_name, data, web.client_of(request))
        except SyncError as e:
            form = {"dibao": "", "kind": "", "bodies": "", "name": name[:48]}
            return reference_page(request, who, 400, error=e.message, form=form)
        return done(PAGE, f"已下发表单模板 {out.name}（{out.title or out.record}），各设备下次同步时更新。")

    return r
