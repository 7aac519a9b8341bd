"""The console's pages (server-rendered, Simplified Chinese): thin — they call accounts and ledger.

Every page needs a signed-in account; every POST needs the session's CSRF token; a read-only
account may post nothing but signing out. What a clerk may see is decided in hq/ledger.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from fieldapp.hq import accounts, ledger, web
from fieldapp.hq.accounts import ROLES, AccountError, Staff
from fieldapp.hq.store import HQ
from fieldapp.hq.web import Caller

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

    @r.get("/devices")
    def devices(request: Request) -> Response:
        who = signed_in(request)
        if isinstance(who, RedirectResponse):
            return who
        return page(request, "devices.html", who, devices=ledger.devices(hq, who.staff), nav="devices")

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
