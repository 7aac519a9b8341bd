"""转介: the list with overdue follow-ups, the return-stub scanner box, one referral, its outcome."""

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldapp.hq import actions, ledger, web
from fieldapp.hq.console.common import Console, Refused, done
from fieldapp.hq.web import Caller
from fieldapp.sync.protocol import SyncError


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    @r.get("/referrals")
    def referrals(
        who: Annotated[Caller, Depends(con.signed_in)],
        request: Request,
        q: str = "",
        county: str = "",
        status: str = "",
        kind: str = "",
        overdue: int = 0,
        page_no: int = 1,
        scan_error: str = "",
    ) -> Response:
        query = ledger.ReferralQuery(
            q=q.strip()[:100], county=county, status=status, kind=kind, overdue=bool(overdue), page=page_no
        )
        result = ledger.search_referrals(hq, who.staff, query)
        params = {"q": query.q, "county": county, "status": status, "kind": kind, "overdue": overdue}
        return con.page(
            request,
            "referrals.html",
            who,
            result=result,
            query=query,
            counties=ledger.counties(who.staff),
            statuses=ledger.referral_statuses(),
            kinds=ledger.referral_kinds(),
            base_params=params,
            scan_error=scan_error[:200],
            nav="referrals",
        )

    @r.get("/referrals/scan")
    def referral_scan(who: Annotated[Caller, Depends(con.signed_in)], code: str = "") -> Response:
        """The return stub's QR text (a USB scanner types it and Enter) or a ZJ- code: open it."""
        try:
            found = ledger.referral_from_scan(hq, who.staff, code[:200])
        except ValueError as e:
            return RedirectResponse(f"/console/referrals?scan_error={quote(str(e))}", 303)
        if found is None:
            message = "没有找到这条转介，或不在您的查看范围内。请核对回执上的编号。"
            return RedirectResponse(f"/console/referrals?scan_error={quote(message)}", 303)
        return RedirectResponse(f"/console/referrals/{found}", 303)

    def referral_page(
        request: Request,
        who: Caller,
        referral_id: str,
        status: int = 200,
        **extra: Any,
    ) -> HTMLResponse:
        found = ledger.referral_detail(hq, who.staff, referral_id)
        if found is None:
            raise Refused(404, "没有这条转介，或不在您的查看范围内。")
        extra.setdefault("form", {"status": "", "note": "", "occurred_on": ""})
        return con.page(
            request,
            "referral.html",
            who,
            status,
            r=found,
            may_record=actions.allowed(who.staff, "referral_outcome"),
            nav="referrals",
            **extra,
        )

    @r.get("/referrals/{referral_id}")
    def referral(
        who: Annotated[Caller, Depends(con.signed_in)], request: Request, referral_id: str, done: str = ""
    ) -> Response:
        return referral_page(request, who, referral_id, message=done[:100])

    @r.post("/referrals/{referral_id}/outcome")
    def referral_outcome(
        who: Annotated[Caller, Depends(con.acting("referral_outcome"))],
        request: Request,
        referral_id: str,
        status: str = Form(""),
        note: str = Form(""),
        occurred_on: str = Form(""),
    ) -> Response:
        form = {"status": status, "note": note, "occurred_on": occurred_on}
        try:
            day = dt.date.fromisoformat(occurred_on) if occurred_on.strip() else None
        except ValueError:
            return referral_page(
                request, who, referral_id, 400, error="办理日期格式不对（如 2026-11-29）。", form=form
            )
        try:
            actions.record_referral_outcome(
                hq, who.staff, referral_id, status, day, note[:500], client=web.client_of(request)
            )
        except actions.NotFound as e:
            raise Refused(404, e.message) from None
        except SyncError as e:
            return referral_page(request, who, referral_id, 400, error=e.message, form=form)
        return done(f"/console/referrals/{referral_id}", f"已登记“{status}”，将在该设备下次同步时送达。")

    return r
