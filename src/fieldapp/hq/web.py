"""Who is asking: the signed-in staff account of an HTTP request (console cookie or API token).

Shared by the console's pages and the JSON API, so both apply the same sign-in, idle timeout
and disabled-account rules. The cookie holds only a random token; the server keeps the session.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from fastapi import Request, Response

from fieldapp.hq import accounts
from fieldapp.hq.accounts import Staff
from fieldapp.hq.store import HQ

SESSION_COOKIE = "hq_session"
LOGIN_COOKIE = "hq_signin"  # the sign-in form's CSRF token, before there is a session


@dataclass(frozen=True)
class Caller:
    staff: Staff
    csrf: str  # "" for a bearer token: no cookie, so no cross-site request forgery either
    via: str  # "session" | "token"


def client_of(request: Request) -> str:
    return request.client.host if request.client is not None else ""


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def caller(hq: HQ, request: Request, allow_token: bool = False) -> Caller | None:
    if allow_token:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            staff = accounts.token_staff(hq, token.strip())
            return Caller(staff, "", "token") if staff is not None else None
    found = accounts.session_staff(hq, request.cookies.get(SESSION_COOKIE, ""))
    return Caller(found[0], found[1], "session") if found is not None else None


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None = None
) -> None:
    """HttpOnly, SameSite=Lax, and Secure whenever the console is reached over https."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )


def sign_in_cookie(hq: HQ, request: Request, response: Response, staff: Staff) -> None:
    token, _csrf = accounts.start_session(hq, staff)
    set_cookie(request, response, SESSION_COOKIE, token)  # a browser-session cookie; idle rule on the server
    response.delete_cookie(LOGIN_COOKIE, path="/")


def sign_out(hq: HQ, request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION_COOKIE, "")
    if token:
        accounts.end_session(hq, token)
    response.delete_cookie(SESSION_COOKIE, path="/")


def login_token(request: Request) -> str:
    return request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
