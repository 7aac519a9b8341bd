"""The console's pages (server-rendered, Simplified Chinese): thin — they call accounts and ledger.

Every page needs a signed-in account; every POST needs the session's CSRF token and an account
allowed to do it (console/common.py). What a clerk may see is decided in hq/ledger.py. The pages
live in one module each: households, referrals, devices, conflicts, admin (accounts, audit).
"""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldapp.hq import accounts, ratelimit, web
from fieldapp.hq.accounts import AccountError
from fieldapp.hq.console import admin, conflicts, devices, duplicates, households, own, reference, referrals
from fieldapp.hq.console.admin import ACTIONS
from fieldapp.hq.console.common import (
    STALE_FORM,
    STATIC_DIR,
    Console,
    Refused,
    refused_page,
    safe_next,
)
from fieldapp.hq.store import HQ

__all__ = ["ACTIONS", "STATIC_DIR", "Refused", "refused_page", "router"]


def router(hq: HQ) -> APIRouter:
    con = Console(hq)
    r = APIRouter(prefix="/console", include_in_schema=False)

    @r.get("/")
    def home() -> RedirectResponse:
        return RedirectResponse("/console/households", 303)

    @r.get("/login")
    def login_form(request: Request, next: str = "", idle: int = 0) -> HTMLResponse:
        token = web.login_token(request)
        message = "长时间（30分钟）没有操作，已自动退出，请重新登录。" if idle else ""
        response = con.page(
            request, "login.html", None, login_csrf=token, next=safe_next(next), message=message
        )
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
        limiter = ratelimit.limiter_of(request)
        account = name.strip().casefold()[:50]
        try:
            limiter.take("signin_per_address", limiter.client(request))
            limiter.check("signin_failures_per_account", account)
            staff = accounts.authenticate(hq, name, password, web.client_of(request))
        except (AccountError, ratelimit.RateLimited) as e:
            if isinstance(e, AccountError):
                limiter.buckets["signin_failures_per_account"].wait(account, take=True)
            page = con.page(
                request,
                "login.html",
                None,
                429 if isinstance(e, ratelimit.RateLimited) else 401,
                login_csrf=expected,
                next=safe_next(next),
                message=e.message,
                name=name,
            )
            if isinstance(e, ratelimit.RateLimited):
                page.headers.update(e.headers())
            return page
        response = RedirectResponse(safe_next(next) or "/console/households", 303)
        web.sign_in_cookie(hq, request, response, staff)
        return response

    @r.post("/logout")
    def logout(request: Request, csrf_token: str = Form("")) -> Response:
        who = web.caller(hq, request)
        if who is not None:
            if not accounts.csrf_matches(who.csrf, csrf_token):
                raise Refused(403, STALE_FORM)
            accounts.record(hq, who.staff, "signout", client=web.client_of(request))
        response = RedirectResponse("/console/login", 303)
        web.sign_out(hq, request, response)
        return response

    for module in (households, referrals, devices, conflicts, duplicates, reference, admin, own):
        r.include_router(module.routes(con))
    return r
