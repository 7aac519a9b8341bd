"""冲突: the conflict queue, both values side by side under Chinese field labels; resolve."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from fieldapp.hq import actions, ledger_api, web
from fieldapp.hq.console.common import Console, Refused, done
from fieldapp.hq.web import Caller
from fieldapp.sync.protocol import SyncError


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    def conflicts_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        show_all = bool(extra.pop("show_all", False))
        page_no = int(extra.pop("page_no", 1))
        result = ledger_api.search_conflicts(hq, who.staff, show_all, page_no)
        return con.page(
            request,
            "conflicts.html",
            who,
            status,
            items=result.items,
            result=result,
            base_params={"all": 1} if show_all else {},
            show_all=show_all,
            may_resolve=actions.allowed(who.staff, "resolve_conflict"),
            nav="conflicts",
            **extra,
        )

    @r.get("/conflicts")
    def conflict_list(
        who: Annotated[Caller, Depends(con.signed_in)],
        request: Request,
        done: str = "",
        all: int = 0,
        page_no: int = 1,
    ) -> Response:
        return conflicts_page(request, who, message=done[:100], show_all=bool(all), page_no=page_no)

    @r.post("/conflicts/{conflict_id}/resolve")
    def conflict_resolve(
        who: Annotated[Caller, Depends(con.acting("resolve_conflict"))],
        request: Request,
        conflict_id: int,
        keep: str = Form(""),
        note: str = Form(""),
    ) -> Response:
        try:
            res = actions.resolve_conflict(
                hq, who.staff, conflict_id, keep, note[:500], client=web.client_of(request)
            )
        except actions.NotFound as e:
            raise Refused(404, e.message) from None
        except SyncError as e:
            return conflicts_page(request, who, 400, error=e.message)
        message = f"冲突 {conflict_id} 已处理：保留值 {res['kept'].upper()}" + (
            "，将在该设备下次同步时送达。" if res["sent_to"] else "。"
        )
        return done("/console/conflicts", message)

    return r
