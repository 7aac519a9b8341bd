"""疑似重复: two households holding the same ID number, side by side; mark them 不同户."""

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from fieldapp.domain import clock
from fieldapp.hq import accounts, actions, duplicate_queue, export, merging, region, web
from fieldapp.hq.console.common import Console, Refused, done
from fieldapp.hq.web import Caller
from fieldapp.sync.protocol import SyncError


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    def duplicates_page(
        request: Request, who: Caller, status: str = "open", page_no: int = 1, code: int = 200, **extra: Any
    ) -> HTMLResponse:
        status = status if status in duplicate_queue.STATUS_LABELS else "open"
        return con.page(
            request,
            "duplicates.html",
            who,
            code,
            result=duplicate_queue.entries(hq, who.staff, status, page_no),
            shown=status,
            statuses=duplicate_queue.STATUS_LABELS,
            base_params={"status": status},
            may_resolve=actions.allowed(who.staff, "duplicate_resolve"),
            nav="duplicates",
            **extra,
        )

    @r.get("/duplicates")
    def duplicate_list(
        who: Annotated[Caller, Depends(con.signed_in)],
        request: Request,
        done: str = "",
        status: str = "open",
        page_no: int = 1,
    ) -> Response:
        return duplicates_page(request, who, status, page_no, message=done[:100])

    @r.get("/duplicates.{fmt}")
    def duplicate_export(
        who: Annotated[Caller, Depends(con.signed_in)], request: Request, fmt: str, status: str = "open"
    ) -> Response:
        """The queue (with each entry's 处理说明) as .xlsx or .csv: same scope and masking; audited."""
        if fmt not in ("xlsx", "csv"):
            raise Refused(404, "只能导出 xlsx 或 csv。")
        status = status if status in duplicate_queue.STATUS_LABELS else "open"
        title = f"疑似重复（{duplicate_queue.STATUS_LABELS[status]}）"
        today = clock.today()
        accounts.record(hq, who.staff, "duplicate_export", f"{title}.{fmt}", status, web.client_of(request))
        rows = duplicate_queue.export_rows(hq, who.staff, status)
        name = quote(f"{title}{today:%Y%m%d}.{fmt}")
        headers = {
            "Content-Disposition": f"attachment; filename=\"duplicates.{fmt}\"; filename*=UTF-8''{name}"
        }
        if fmt == "csv":
            return StreamingResponse(
                export.csv_rows(duplicate_queue.EXPORT_COLUMNS, rows),
                media_type="text/csv; charset=utf-8",
                headers=headers,
            )
        path = export.temp_xlsx()
        unit = f"{who.staff.county_name}总工会" if who.staff.county_code else region.union_name()
        book = export.Workbook(path, unit)
        book.add_rows(title, "条", duplicate_queue.EXPORT_COLUMNS, rows, when=today, count_total=True)
        book.close()
        return StreamingResponse(
            export.file_chunks(path),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers=headers,
        )

    @r.post("/duplicates/{entry_id}/distinct")
    def duplicate_distinct(
        who: Annotated[Caller, Depends(con.acting("duplicate_resolve"))],
        request: Request,
        entry_id: int,
        note: str = Form(""),
    ) -> Response:
        try:
            duplicate_queue.mark_distinct(hq, who.staff, entry_id, note, client=web.client_of(request))
        except actions.NotFound as e:
            raise Refused(404, e.message) from None
        except SyncError as e:
            return duplicates_page(request, who, code=400, error=e.message)
        return done("/console/duplicates", f"疑似重复 {entry_id} 已标为不同户，不再列入待处理。")

    @r.post("/duplicates/{entry_id}/merge")
    def duplicate_merge(
        who: Annotated[Caller, Depends(con.acting("duplicate_resolve"))],
        request: Request,
        entry_id: int,
        survivor: str = Form(""),
        owner: str = Form(""),
        note: str = Form(""),
    ) -> Response:
        try:
            res = merging.merge(
                hq, who.staff, entry_id, survivor, owner, note[:500], client=web.client_of(request)
            )
        except actions.NotFound as e:
            raise Refused(404, e.message) from None
        except SyncError as e:
            return duplicates_page(request, who, code=400, error=e.message)
        return done(
            "/console/duplicates",
            f"已合并：保留 {res['kept']}，{res['merged']} 已销档；两台设备下次同步时收到。",
        )

    return r
