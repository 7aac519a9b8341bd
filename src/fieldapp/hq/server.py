"""The HTTP API of headquarters (FastAPI). See docs/sync-protocol.md, "HTTP transport"."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse, Response

from fieldapp.hq.store import CHALLENGE_TTL_S, HQ
from fieldapp.sync import protocol
from fieldapp.sync.protocol import SyncError

HTTP_STATUS = {
    "UNKNOWN_DEVICE": 403,
    "DEVICE_REVOKED": 403,
    "BAD_SIGNATURE": 422,
    "CLONED_DATABASE": 409,
    "SEQ_CONFLICT": 409,
    "UNSUPPORTED_VERSION": 422,
    "BAD_TOKEN": 403,
    "TOKEN_USED": 409,
    "DEVICE_EXISTS": 409,
    "UNAUTHENTICATED": 401,
}
MAX_BATCH_BYTES = 256 * 1024 * 1024


def _error(e: SyncError) -> JSONResponse:
    return JSONResponse(
        {"status": "rejected", "code": e.code, "message": e.message}, status_code=HTTP_STATUS.get(e.code, 400)
    )


def create_app(hq: HQ) -> FastAPI:
    app = FastAPI(title="fieldapp-hq", version=str(protocol.FORMAT_VERSION))

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "format_version": protocol.FORMAT_VERSION}

    @app.get("/api/v1/enrolment/{token}", response_model=None)
    def enrolment(token: str, request: Request) -> dict[str, Any] | JSONResponse:
        try:
            return hq.enrolment_for(token, str(request.base_url).rstrip("/"))
        except SyncError as e:
            return _error(e)

    @app.post("/api/v1/enrol", response_model=None)
    async def enrol(request: Request) -> dict[str, Any] | JSONResponse:
        try:
            body = await request.json()
        except ValueError:
            return _error(SyncError("MALFORMED", "登记申请不是JSON。"))
        try:
            return hq.enrol(body)
        except SyncError as e:
            return _error(e)

    @app.post("/api/v1/batches")
    async def batches(request: Request) -> JSONResponse:
        data = await request.body()
        if len(data) > MAX_BATCH_BYTES:
            return _error(SyncError("TOO_LARGE", "批次文件太大。"))
        import anyio.to_thread

        result = await anyio.to_thread.run_sync(hq.ingest, data, "http")
        code = 200 if result.ok else HTTP_STATUS.get(result.code, 400)
        return JSONResponse(result.to_json(), status_code=code)

    @app.get("/api/v1/challenge")
    def challenge() -> dict[str, Any]:
        return {"challenge": hq.challenge(), "ttl": CHALLENGE_TTL_S}

    @app.get("/api/v1/devices/{device_id}/reply")
    def reply(
        device_id: str,
        cursor: int = 0,
        x_fieldapp_challenge: str = Header(default=""),
        x_fieldapp_signature: str = Header(default=""),
    ) -> Response:
        try:
            hq.check_reply_request(device_id, cursor, x_fieldapp_challenge, x_fieldapp_signature)
            data = hq.build_reply(device_id, cursor)
        except SyncError as e:
            return _error(e)
        return Response(data, media_type="application/octet-stream")

    @app.get("/api/v1/status", response_model=None)
    def status(authorization: str = Header(default="")) -> dict[str, Any] | JSONResponse:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip(), hq.admin_token):
            return _error(
                SyncError("UNAUTHENTICATED", "查看汇总状态需要管理口令（fieldapp-hq admin-token）。")
            )
        return hq.status()

    return app
