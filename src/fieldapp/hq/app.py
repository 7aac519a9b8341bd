"""create_app(): the device sync API (server.py), the staff JSON API (api/) and the console (console/)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from fieldapp.hq import ratelimit, server, web
from fieldapp.hq.api import conflicts as conflicts_api
from fieldapp.hq.api import devices as devices_api
from fieldapp.hq.api import duplicates as duplicates_api
from fieldapp.hq.api import households as households_api
from fieldapp.hq.api import referrals as referrals_api
from fieldapp.hq.api import schema
from fieldapp.hq.console import stats_views, views
from fieldapp.hq.sealed import SealedDataError
from fieldapp.hq.store import HQ

log = logging.getLogger(__name__)

# the console loads nothing from elsewhere and may not be framed (clickjacking)
CONSOLE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def create_app(hq: HQ, rates: ratelimit.Rates = ratelimit.DEFAULT) -> FastAPI:
    app = server.create_app(hq, rates)
    for api in (households_api, referrals_api, conflicts_api, devices_api, duplicates_api):
        app.include_router(api.router(hq))
    schema.describe(app)
    app.include_router(views.router(hq))
    app.include_router(stats_views.router(hq))
    app.mount("/console/static", StaticFiles(directory=views.STATIC_DIR), name="console-static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/", 303)

    @app.exception_handler(views.Refused)
    def refused(request: Request, e: views.Refused) -> Response:
        who = web.caller(hq, request)
        return views.refused_page(request, e, who.staff if who else None, who.csrf if who else "")

    @app.exception_handler(SealedDataError)
    def unsealable(request: Request, e: SealedDataError) -> Response:
        # a value changed in the database (or another key): said plainly, logged once, no traceback
        log.error("%s（%s）", e, request.url.path)
        if request.url.path.startswith("/console"):
            body = f"<!doctype html><meta charset='utf-8'><title>数据无法解密</title><p>{escape(str(e))}</p>"
            return HTMLResponse(body, status_code=500)
        return JSONResponse({"error": "SEALED_DATA", "message": str(e)}, status_code=500)

    @app.middleware("http")
    async def console_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        if request.url.path.startswith("/console"):
            for key, value in CONSOLE_HEADERS.items():
                response.headers.setdefault(key, value)
        return response

    return app
