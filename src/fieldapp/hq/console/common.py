"""What every console page shares: the templates, the page shape, and two FastAPI dependencies.

    who: Caller = Depends(con.signed_in)          a signed-in account, or off to the sign-in page
    who: Caller = Depends(con.acting("action"))   a POST: signed in, the session's CSRF token, and
                                                  an account that may do the action (hq/actions.py)

A refusal (not signed in, bad CSRF token, not allowed, not found) is raised, never returned: the
app answers it with a page of its own (`refused_page`), so a route is only its happy path.
A refused POST by a signed-in account is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from fieldapp.hq import accounts, actions, region, web
from fieldapp.hq.accounts import ROLES, Staff
from fieldapp.hq.store import HQ
from fieldapp.hq.web import Caller

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
STALE_FORM = "表单已过期或来源不明，没有执行。请回到页面刷新后重试。"

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),  # a household name is text, never markup
        undefined=jinja2.StrictUndefined,
    )
)
templates.env.globals["union_name"] = region.union_name  # the heading: 临沂市总工会 by default


class Refused(Exception):
    """Answered with a page of its own: not signed in, bad CSRF token, not allowed, not found."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class SignInNeeded(Refused):
    """No (or an idle) session: answered by sending the browser to the sign-in page."""

    def __init__(self, target: str, stale: bool) -> None:
        super().__init__(303, "请先登录。")
        self.target, self.stale = target, stale


class Console:
    """The console's routes hold one of these: the HQ store and the dependencies bound to it."""

    def __init__(self, hq: HQ) -> None:
        self.hq = hq

    def page(
        self, request: Request, template: str, who: Caller | None, status: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("nav", "")
        context.setdefault("message", "")
        context.setdefault("error", "")
        context.update(me=who.staff if who else None, csrf=who.csrf if who else "", roles=ROLES)
        return templates.TemplateResponse(request, template, context, status_code=status)

    def signed_in(self, request: Request) -> Caller:
        """Dependency: the signed-in account of this request, else to the sign-in page."""
        who = web.caller(self.hq, request)
        if who is None:
            stale = bool(request.cookies.get(web.SESSION_COOKIE))
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise SignInNeeded(target, stale)
        return who

    def acting(self, action: str) -> Callable[..., Caller]:
        """Dependency factory: a POST with a good CSRF token by an account that may do `action`."""

        def dependency(request: Request, csrf_token: str = Form("")) -> Caller:
            who = self.signed_in(request)
            if not accounts.csrf_matches(who.csrf, csrf_token):
                self.refused(request, who, action, "CSRF")
                raise Refused(403, STALE_FORM)
            if not actions.allowed(who.staff, action):
                self.refused(request, who, action, "权限")
                raise Refused(403, actions.REFUSED[action] if who.staff.can_write else actions.READ_ONLY)
            return who

        return dependency

    def refused(self, request: Request, who: Caller, action: str, why: str) -> None:
        """A refused POST is worth knowing about: who tried what, from where."""
        detail = f"{actions.ACTIONS.get(action, action)}（{why}）"
        accounts.record(self.hq, who.staff, "refused", request.url.path[:100], detail, web.client_of(request))

    def me(self, request: Request) -> tuple[Staff | None, str]:
        who = web.caller(self.hq, request)
        return (who.staff, who.csrf) if who else (None, "")


def done(path: str, message: str) -> RedirectResponse:
    """After a successful POST: back to a page, which shows `message` once (post/redirect/get)."""
    sep = "&" if "?" in path else "?"
    return RedirectResponse(f"{path}{sep}done={quote(message)}", 303)


def refused_page(request: Request, e: Refused, me: Staff | None = None, csrf: str = "") -> Response:
    if isinstance(e, SignInNeeded):
        target = quote(e.target)
        response = RedirectResponse(f"/console/login?next={target}" + ("&idle=1" if e.stale else ""), 303)
        response.delete_cookie(web.SESSION_COOKIE, path="/")
        return response
    return templates.TemplateResponse(
        request,
        "error.html",
        {"message": e.message, "me": me, "csrf": csrf, "roles": ROLES, "status": e.status, "nav": ""},
        e.status,
    )


def safe_next(target: str) -> str:
    """Only a console path: the sign-in page never sends anyone to another site."""
    return target if target.startswith("/console/") and not target.startswith("//") else ""
