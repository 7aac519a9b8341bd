"""The console's pages (server-rendered, Simplified Chinese): thin — they call accounts and ledger.

Every page needs a signed-in account; every POST needs the session's CSRF token; a read-only
account may post nothing but signing out. What a clerk may see is decided in hq/ledger.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from fieldapp.hq import accounts, actions, ledger, web
from fieldapp.hq.accounts import ROLES, AccountError, Staff
from fieldapp.hq.store import HQ
from fieldapp.hq.web import Caller
from fieldapp.sync.protocol import SyncError

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
AUDIT_PAGE = 50
ACTIONS = {
    "signin": "登录",
    "signin_failed": "登录失败",
    "signin_refused": "登录被拒",
    "signout": "退出",
    "view_household": "查看户档案",
    "account_add": "新增账号",
    "account_disable": "停用账号",
    "account_enable": "启用账号",
    "account_password": "重设密码",
    "account_token": "生成接口令牌",
    **actions.ACTIONS,
}

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),  # a household name is text, never markup
        undefined=jinja2.StrictUndefined,
    )
)


class Refused(Exception):
    """Answered with a page of its own: not signed in, bad CSRF token, not allowed, not found."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/console", include_in_schema=False)

    def page(
        request: Request, template: str, who: Caller | None, status: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("nav", "")
        context.update(me=who.staff if who else None, csrf=who.csrf if who else "", roles=ROLES)
        return templates.TemplateResponse(request, template, context, status_code=status)

    def signed_in(request: Request) -> Caller | RedirectResponse:
        who = web.caller(hq, request)
        if who is None:
            stale = bool(request.cookies.get(web.SESSION_COOKIE))
            target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
            response = RedirectResponse(f"/console/login?next={target}" + ("&idle=1" if stale else ""), 303)
            response.delete_cookie(web.SESSION_COOKIE, path="/")
            return response
        return who

    def posting(request: Request, csrf_token: str, admin: bool = False) -> Caller | RedirectResponse:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        if not accounts.csrf_matches(who.csrf, csrf_token):
            raise Refused(403, "表单已过期或来源不明，没有执行。请回到页面刷新后重试。")
        if not who.staff.can_write:
            raise Refused(403, "只读账号不能修改任何内容。")
        if admin and not who.staff.is_admin:
            raise Refused(403, "只有系统管理员可以管理账号。")
        return who

    @r.get("/")
    def home() -> RedirectResponse:
        return RedirectResponse("/console/households", 303)

    # --- signing in and out ----------------------------------------------------------------------

    @r.get("/login")
    def login_form(request: Request, next: str = "", idle: int = 0) -> HTMLResponse:
        token = web.login_token(request)
        message = "长时间（30分钟）没有操作，已自动退出，请重新登录。" if idle else ""
        response = page(request, "login.html", None, login_csrf=token, next=_safe_next(next), message=message)
        web.set_cookie(request, response, web.LOGIN_COOKIE, token, max_age=3600)
        return response

    @r.post("/login")
    def login(
        request: Request,
        name: str = Form(""),
        password: str = Form(""),
        csrf_token: str = Form(""),
        next: str = Form(""),
    ) -> Response:
        expected = request.cookies.get(web.LOGIN_COOKIE, "")
        if not accounts.csrf_matches(expected, csrf_token):
            raise Refused(403, "登录表单已过期，请刷新登录页后重试。")
        try:
            staff = accounts.authenticate(hq, name, password, web.client_of(request))
        except AccountError as e:
            return page(
                request,
                "login.html",
                None,
                401,
                login_csrf=expected,
                next=_safe_next(next),
                message=e.message,
                name=name,
            )
        response = RedirectResponse(_safe_next(next) or "/console/households", 303)
        web.sign_in_cookie(hq, request, response, staff)
        return response

    @r.post("/logout")
    def logout(request: Request, csrf_token: str = Form("")) -> Response:
        who = web.caller(hq, request)
        if who is not None:
            if not accounts.csrf_matches(who.csrf, csrf_token):
                raise Refused(403, "表单已过期或来源不明，没有执行。请回到页面刷新后重试。")
            accounts.record(hq, who.staff, "signout", client=web.client_of(request))
        response = RedirectResponse("/console/login", 303)
        web.sign_out(hq, request, response)
        return response

    # --- the ledger -----------------------------------------------------------------------------

    @r.get("/households")
    def households(
        request: Request,
        q: str = "",
        county: str = "",
        category: str = "",
        status: str = "",
        sort: str = "name",
        page_no: int = 1,
    ) -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        query = ledger.HouseholdQuery(
            q=q.strip()[:100], county=county, category=category, status=status, sort=sort, page=page_no
        )
        result = ledger.search_households(hq, who.staff, query)
        params = {"q": query.q, "county": county, "category": category, "status": status, "sort": sort}
        return page(
            request,
            "households.html",
            who,
            result=result,
            query=query,
            counties=ledger.counties(who.staff),
            categories=ledger.CATEGORIES,
            statuses=ledger.STATUSES,
            sorts=ledger.SORT_LABELS,
            base_params=params,
            nav="households",
        )

    @r.get("/households/{household_id}")
    def household(request: Request, household_id: str) -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        found = ledger.household_file(hq, who.staff, household_id)
        if found is None:
            raise Refused(404, "没有这一户，或不在您的查看范围内。")
        accounts.record(
            hq, who.staff, "view_household", found.summary.code, household_id, web.client_of(request)
        )
        return page(request, "household.html", who, f=found, nav="households")

    def acting(request: Request, csrf_token: str, action: str) -> Caller | RedirectResponse:
        """A signed-in POST with a good CSRF token by an account that may do this action."""
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        if not accounts.csrf_matches(who.csrf, csrf_token):
            raise Refused(403, "表单已过期或来源不明，没有执行。请回到页面刷新后重试。")
        if not actions.allowed(who.staff, action):
            raise Refused(403, actions.REFUSED[action])
        return who

    def devices_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        extra.setdefault("message", "")
        extra.setdefault("error", "")
        return page(
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
    def devices(request: Request, done: str = "") -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        return devices_page(request, who, message=done[:100])

    @r.post("/devices/enrol")
    def device_enrol(
        request: Request, csrf_token: str = Form(""), name: str = Form(""), url: str = Form("")
    ) -> Response:
        who = acting(request, csrf_token, "device_enrol")
        if isinstance(who, RedirectResponse):
            return who
        server_url = url.strip() or str(request.base_url).rstrip("/")
        try:
            enrolment = actions.enrol_device(hq, who.staff, name, server_url, web.client_of(request))
        except SyncError as e:
            return devices_page(request, who, 400, error=e.message)
        body = json.dumps(enrolment, ensure_ascii=False, indent=1).encode()
        filename = quote(f"{enrolment['name']}.enrol")
        return Response(
            body,
            media_type="application/octet-stream",
            headers={
                "Content-Disposition": f"attachment; filename=\"device.enrol\"; filename*=UTF-8''{filename}"
            },
        )

    @r.post("/devices/{device_id}/revoke")
    def device_revoke(request: Request, device_id: str, csrf_token: str = Form("")) -> Response:
        who = acting(request, csrf_token, "device_revoke")
        if isinstance(who, RedirectResponse):
            return who
        known = {d.device_id: d.name for d in ledger.devices(hq, who.staff)}
        if device_id not in known:
            raise Refused(404, "没有这台设备。")
        actions.revoke_device(hq, who.staff, device_id, web.client_of(request))
        return RedirectResponse(f"/console/devices?done={quote('已停用设备：' + known[device_id])}", 303)

    # --- referrals -------------------------------------------------------------------------------

    @r.get("/referrals")
    def referrals(
        request: Request,
        q: str = "",
        county: str = "",
        status: str = "",
        kind: str = "",
        overdue: int = 0,
        page_no: int = 1,
        scan_error: str = "",
    ) -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        query = ledger.ReferralQuery(
            q=q.strip()[:100], county=county, status=status, kind=kind, overdue=bool(overdue), page=page_no
        )
        result = ledger.search_referrals(hq, who.staff, query)
        params = {"q": query.q, "county": county, "status": status, "kind": kind, "overdue": overdue}
        return page(
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
    def referral_scan(request: Request, code: str = "") -> Response:
        """The return stub's QR text (a USB scanner types it and Enter) or a ZJ- code: open it."""
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        try:
            found = ledger.referral_from_scan(hq, who.staff, code[:200])
        except ValueError as e:
            return RedirectResponse(f"/console/referrals?scan_error={quote(str(e))}", 303)
        if found is None:
            message = "没有找到这条转介，或不在您的查看范围内。请核对回执上的编号。"
            return RedirectResponse(f"/console/referrals?scan_error={quote(message)}", 303)
        return RedirectResponse(f"/console/referrals/{found}", 303)

    def referral_page(
        request: Request, who: Caller, referral_id: str, status: int = 200, **extra: Any
    ) -> HTMLResponse:
        found = ledger.referral_detail(hq, who.staff, referral_id)
        if found is None:
            raise Refused(404, "没有这条转介，或不在您的查看范围内。")
        extra.setdefault("message", "")
        extra.setdefault("error", "")
        extra.setdefault("form", {"status": "", "note": "", "occurred_on": ""})
        return page(
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
    def referral(request: Request, referral_id: str, done: str = "") -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        return referral_page(request, who, referral_id, message=done[:100])

    @r.post("/referrals/{referral_id}/outcome")
    def referral_outcome(
        request: Request,
        referral_id: str,
        csrf_token: str = Form(""),
        status: str = Form(""),
        note: str = Form(""),
        occurred_on: str = Form(""),
    ) -> Response:
        who = acting(request, csrf_token, "referral_outcome")
        if isinstance(who, RedirectResponse):
            return who
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
        done = f"已登记“{status}”，将在该设备下次同步时送达。"
        return RedirectResponse(f"/console/referrals/{referral_id}?done={quote(done)}", 303)

    # --- conflicts -------------------------------------------------------------------------------

    def conflicts_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        if not ledger.sees_the_whole_city(who.staff):
            raise Refused(404, "没有这个页面。")
        extra.setdefault("message", "")
        extra.setdefault("error", "")
        show_all = bool(extra.pop("show_all", False))
        return page(
            request,
            "conflicts.html",
            who,
            status,
            items=ledger.conflicts(hq, who.staff, show_all),
            show_all=show_all,
            may_resolve=actions.allowed(who.staff, "resolve_conflict"),
            nav="conflicts",
            **extra,
        )

    @r.get("/conflicts")
    def conflict_list(request: Request, done: str = "", all: int = 0) -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        return conflicts_page(request, who, message=done[:100], show_all=bool(all))

    @r.post("/conflicts/{conflict_id}/resolve")
    def conflict_resolve(
        request: Request,
        conflict_id: int,
        csrf_token: str = Form(""),
        keep: str = Form(""),
        note: str = Form(""),
    ) -> Response:
        who = acting(request, csrf_token, "resolve_conflict")
        if isinstance(who, RedirectResponse):
            return who
        try:
            res = actions.resolve_conflict(
                hq, who.staff, conflict_id, keep, note[:500], client=web.client_of(request)
            )
        except SyncError as e:
            return conflicts_page(request, who, 400, error=e.message)
        done = f"冲突 {conflict_id} 已处理：保留值 {res['kept'].upper()}" + (
            "，将在该设备下次同步时送达。" if res["sent_to"] else "。"
        )
        return RedirectResponse(f"/console/conflicts?done={quote(done)}", 303)

    # --- accounts (administrators) ----------------------------------------------------------------

    def accounts_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        if not who.staff.is_admin:
            raise Refused(404, "没有这个页面。")
        extra.setdefault("message", "")
        extra.setdefault("error", "")
        extra.setdefault("form", {"name": "", "role": "county", "county": ""})
        return page(
            request,
            "accounts.html",
            who,
            status,
            accounts=accounts.list_accounts(hq),
            local=ledger.local_time,
            counties=ledger.counties(who.staff),
            nav="accounts",
            **extra,
        )

    @r.get("/accounts")
    def account_list(request: Request, done: str = "") -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        return accounts_page(request, who, message=done[:100])

    @r.post("/accounts")
    def account_add(
        request: Request,
        csrf_token: str = Form(""),
        name: str = Form(""),
        role: str = Form(""),
        county: str = Form(""),
        password: str = Form(""),
    ) -> Response:
        who = posting(request, csrf_token, admin=True)
        if isinstance(who, RedirectResponse):
            return who
        county = county if role in ("county", "readonly") else ""
        try:
            accounts.add_account(
                hq, name, role, password, county, by=who.staff.name, client=web.client_of(request)
            )
        except AccountError as e:
            form = {"name": name, "role": role, "county": county}
            return accounts_page(request, who, 400, error=e.message, form=form)
        return RedirectResponse(f"/console/accounts?done={quote('已新增账号：' + name.strip())}", 303)

    @r.post("/accounts/{name}/disable")
    def account_disable(
        request: Request, name: str, csrf_token: str = Form(""), enable: int = Form(0)
    ) -> Response:
        who = posting(request, csrf_token, admin=True)
        if isinstance(who, RedirectResponse):
            return who
        try:
            accounts.set_disabled(hq, name, not enable, by=who.staff.name, client=web.client_of(request))
        except AccountError as e:
            return accounts_page(request, who, 400, error=e.message)
        done = ("已启用账号：" if enable else "已停用账号：") + name
        return RedirectResponse(f"/console/accounts?done={quote(done)}", 303)

    @r.get("/audit")
    def audit(request: Request, page_no: int = 1) -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        if not who.staff.is_admin:
            raise Refused(404, "没有这个页面。")
        page_no = max(1, page_no)
        total, rows = accounts.audit_entries(hq, AUDIT_PAGE, (page_no - 1) * AUDIT_PAGE)
        return page(
            request,
            "audit.html",
            who,
            rows=rows,
            actions=ACTIONS,
            total=total,
            page_no=page_no,
            pages=max(1, -(-total // AUDIT_PAGE)),
            local=ledger.local_time,
            nav="audit",
        )

    return r


def refused_page(request: Request, e: Refused, me: Staff | None = None, csrf: str = "") -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"message": e.message, "me": me, "csrf": csrf, "roles": ROLES, "status": e.status, "nav": ""},
        e.status,
    )


def _safe_next(target: str) -> str:
    """Only a console path: the sign-in page never sends anyone to another site."""
    return target if target.startswith("/console/") and not target.startswith("//") else ""
