"""修改密码: every account changes its own password (old password, the new one twice, the rules)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from fieldapp.hq import accounts, web
from fieldapp.hq.accounts import MIN_PASSWORD, AccountError
from fieldapp.hq.console.common import Console, done
from fieldapp.hq.web import Caller


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    @r.get("/password")
    def password_form(
        who: Annotated[Caller, Depends(con.signed_in)], request: Request, done: str = ""
    ) -> Response:
        return con.page(
            request, "password.html", who, min_length=MIN_PASSWORD, message=done[:100], nav="password"
        )

    @r.post("/password")
    def password_change(
        who: Annotated[Caller, Depends(con.acting("password_change"))],
        request: Request,
        old: str = Form(""),
        new: str = Form(""),
        again: str = Form(""),
    ) -> Response:
        try:
            accounts.change_own_password(
                hq,
                who.staff,
                old,
                new[:200],
                again[:200],
                keep_session=request.cookies.get(web.SESSION_COOKIE, ""),
                client=web.client_of(request),
            )
        except AccountError as e:
            return con.page(
                request, "password.html", who, 400, min_length=MIN_PASSWORD, error=e.message, nav="password"
            )
        return done("/console/password", "密码已修改；在其他电脑或浏览器上的登录已退出。")

    return r
