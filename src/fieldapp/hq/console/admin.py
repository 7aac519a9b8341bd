"""账号 and 操作日志 (administrators): staff accounts and the console's own audit log."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from fieldapp.hq import accounts, actions, ledger, web
from fieldapp.hq.accounts import AccountError
from fieldapp.hq.console.common import Console, Refused, done
from fieldapp.hq.web import Caller

AUDIT_PAGE = 50
ACTIONS = {
    "signin": "登录",
    "signin_failed": "登录失败",
    "signin_refused": "登录被拒",
    "signout": "退出",
    "refused": "操作被拒绝",
    "view_household": "查看户档案",
    "account_add": "新增账号",
    "account_disable": "停用账号",
    "account_enable": "启用账号",
    "account_password": "重设密码",
    "account_token": "生成接口令牌",
    **actions.ACTIONS,
}


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    def accounts_page(request: Request, who: Caller, status: int = 200, **extra: Any) -> HTMLResponse:
        if not who.staff.is_admin:
            raise Refused(404, "没有这个页面。")
        extra.setdefault("form", {"name": "", "role": "county", "county": ""})
        return con.page(
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
    def account_list(
        who: Annotated[Caller, Depends(con.signed_in)], request: Request, done: str = ""
    ) -> Response:
        return accounts_page(request, who, message=done[:100])

    @r.post("/accounts")
    def account_add(
        who: Annotated[Caller, Depends(con.acting("account_manage"))],
        request: Request,
        name: str = Form(""),
        role: str = Form(""),
        county: str = Form(""),
        password: str = Form(""),
    ) -> Response:
        county = county if role in ("county", "readonly") else ""
        try:
            accounts.add_account(
                hq, name, role, password, county, by=who.staff.name, client=web.client_of(request)
            )
        except AccountError as e:
            form = {"name": name, "role": role, "county": county}
            return accounts_page(request, who, 400, error=e.message, form=form)
        return done("/console/accounts", "已新增账号：" + name.strip())

    @r.post("/accounts/{name}/disable")
    def account_disable(
        who: Annotated[Caller, Depends(con.acting("account_manage"))],
        request: Request,
        name: str,
        enable: int = Form(0),
    ) -> Response:
        try:
            accounts.set_disabled(hq, name, not enable, by=who.staff.name, client=web.client_of(request))
        except AccountError as e:
            return accounts_page(request, who, 400, error=e.message)
        return done("/console/accounts", ("已启用账号：" if enable else "已停用账号：") + name)

    @r.get("/audit")
    def audit(who: Annotated[Caller, Depends(con.signed_in)], request: Request, page_no: int = 1) -> Response:
        if not who.staff.is_admin:
            raise Refused(404, "没有这个页面。")
        page_no = max(1, page_no)
        total, rows = accounts.audit_entries(hq, AUDIT_PAGE, (page_no - 1) * AUDIT_PAGE)
        return con.page(
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
