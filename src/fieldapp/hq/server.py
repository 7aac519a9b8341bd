"""The HTTP API of headquarters (FastAPI). See docs/sync-protocol.md, "HTTP transport"."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

import anyio.to_thread
from fastapi import FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from fieldapp.hq import limits, ratelimit
from fieldapp.hq.api.common import ErrorOut
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
    "TOO_LARGE": 413,
    "LENGTH_REQUIRED": 411,
    "UNSUPPORTED_MEDIA_TYPE": 415,
    "NOT_FOUND": 404,
    "METHOD_NOT_ALLOWED": 405,
    "SEQ_TOO_FAR": 409,
    "ENROLMENT_CHANGED": 422,
    "ENROLMENT_UNSIGNED": 422,
    "WRONG_HQ_KEY": 422,
    "ATTACHMENT_TOO_LARGE": 413,
}
HTTP_CODES = {401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
# the device endpoints read their bodies themselves (streamed and capped, hq/limits.py); these
# declarations put those bodies in the OpenAPI schema, so a schema-driven fuzzer sends them too
ENROL_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "设备的登记申请（fieldapp 的“登记本机”生成），JSON对象",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "kind": {"type": "string", "description": "fieldapp-enrolment-request"},
                        "v": {"type": "integer", "description": "格式版本"},
                        "token": {"type": "string", "description": "登记文件中的一次性登记码"},
                        "device_id": {"type": "string", "format": "uuid", "description": "设备编号"},
                        "instance_nonce": {"type": "string", "description": "数据库实例编号（识别复制）"},
                        "label": {"type": "string", "description": "设备名称"},
                        "sign_public": {"type": "string", "description": "Ed25519 公钥（base64）"},
                        "box_public": {"type": "string", "description": "X25519 公钥（base64）"},
                    },
                    "required": ["token", "device_id", "instance_nonce", "sign_public", "box_public"],
                }
            }
        },
    }
}
BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "一个签名并加密的批次文件（见 docs/sync-protocol.md）",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}
REPLY_200: dict[str, Any] = {
    "description": "给该设备的签名回执（二进制，见 docs/sync-protocol.md）",
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
}


def _refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorOut, "description": "拒收：错误代码与中文说明"} for s in (400, *statuses)}


BATCH_TYPES = ("application/octet-stream", "")  # what devices send; a missing type is tolerated
JSON_TYPES = ("application/json", "")


def _error(e: SyncError) -> JSONResponse:
    return JSONResponse(
        {"status": "rejected", "code": e.code, "error": e.code, "message": e.message},
        status_code=HTTP_STATUS.get(e.code, 400),
    )


def _where(e: RequestValidationError) -> str:
    """Which field was wrong (e.g. body.status), never the value sent: nothing echoed back."""
    places = []
    for err in e.errors()[:3]:
        loc = ".".join(str(part) for part in err.get("loc", ()) if isinstance(part, (str, int)))
        if loc and loc.isprintable() and len(loc) <= 80:
            places.append(loc)
    return f"（{'、'.join(places)}）" if places else ""


def _claimed_device(data: bytes) -> str:
    """The device id a batch's header claims (not yet verified; "" when unreadable)."""
    try:
        return str(protocol.parse(data).header.get("device_id", ""))[:36]
    except (SyncError, ValueError, TypeError):
        return ""


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def create_app(hq: HQ, rates: ratelimit.Rates = ratelimit.DEFAULT) -> FastAPI:
    app = FastAPI(title="fieldapp-hq", version=str(protocol.FORMAT_VERSION))
    app.add_middleware(limits.BodyLimit, limits=hq.limits)
    app.state.limiter = limiter = ratelimit.Limiter(rates)

    @app.exception_handler(ratelimit.RateLimited)
    def rate_limited(_request: Request, e: ratelimit.RateLimited) -> JSONResponse:
        body = {"status": "rejected", "code": e.code, "error": e.code, "message": e.message}
        return JSONResponse(body, status_code=429, headers=e.headers())

    @app.exception_handler(RequestValidationError)
    def invalid_request(_request: Request, e: RequestValidationError) -> JSONResponse:
        return _error(SyncError("MALFORMED", "请求的参数或内容不符合格式" + _where(e) + "。"))

    @app.exception_handler(StarletteHTTPException)
    def http_error(_request: Request, e: StarletteHTTPException) -> Response:
        """FastAPI's {"detail"} answer, with the code and message every other refusal has."""
        code = str(getattr(e, "code", "") or HTTP_CODES.get(e.status_code, "MALFORMED"))
        default = {404: "没有这个地址。", 405: "这个地址不接受该请求方法。"}.get(e.status_code, "请求无效。")
        message = e.detail if isinstance(e.detail, str) and not e.detail.isascii() else default
        return JSONResponse(
            {"detail": e.detail, "status": "rejected", "code": code, "error": code, "message": message},
            status_code=e.status_code,
            headers=e.headers,
        )

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "format_version": protocol.FORMAT_VERSION}

    @app.get("/api/v1/enrolment/{token}", response_model=None, responses=_refusals(403, 429))
    def enrolment(
        token: Annotated[str, Path(max_length=100, description="登记文件中的一次性登记码")], request: Request
    ) -> dict[str, Any] | JSONResponse:
        limiter.take("enrol_per_address", limiter.client(request))
        limiter.take("enrol_per_token", token[:100])
        try:
            if not limits.plain_text(token, 100):
                raise SyncError("BAD_TOKEN", "登记码无效或已使用。请向市总工会重新申请。")
            return hq.enrolment_for(token, str(request.base_url).rstrip("/"))
        except SyncError as e:
            return _error(e)

    @app.post(
        "/api/v1/enrol",
        response_model=None,
        openapi_extra=ENROL_BODY,
        responses=_refusals(403, 409, 413, 415, 422, 429),
    )
    async def enrol(request: Request) -> dict[str, Any] | JSONResponse:
        limiter.take("enrol_per_address", limiter.client(request))
        try:
            if _media_type(request) not in JSON_TYPES:
                raise SyncError("UNSUPPORTED_MEDIA_TYPE", "登记申请应以 application/json 发送。")
            body = await limits.read_capped(request.stream(), hq.limits.max_request_bytes, "登记申请")
            parsed = limits.json_object(body, "登记申请", hq.limits)
            limiter.take("enrol_per_token", str(parsed.get("token", ""))[:100])
            # in a worker thread: an enrolment waiting on a busy database never holds up other requests
            return await anyio.to_thread.run_sync(hq.enrol, parsed)
        except SyncError as e:
            return _error(e)

    @app.post(
        "/api/v1/batches", openapi_extra=BATCH_BODY, responses=_refusals(403, 409, 411, 413, 415, 422, 429)
    )
    async def batches(request: Request) -> JSONResponse:
        try:
            limiter.take("batches_per_address", limiter.client(request))
            if _media_type(request) not in BATCH_TYPES:
                raise SyncError("UNSUPPORTED_MEDIA_TYPE", "批次文件应以 application/octet-stream 发送。")
            data = await limits.read_capped(request.stream(), hq.limits.max_batch_bytes, "批次文件")
            limiter.check("batches_per_device", _claimed_device(data))
        except (SyncError, ratelimit.RateLimited) as e:
            response = rate_limited(request, e) if isinstance(e, ratelimit.RateLimited) else _error(e)
            response.headers["connection"] = "close"  # the rest of the body is not read
            return response
        result = await anyio.to_thread.run_sync(hq.ingest, data, "http")
        if result.ok:  # signed by the device: only these use up its allowance
            limiter.buckets["batches_per_device"].wait(result.device_id, take=True)
        code = 200 if result.ok else HTTP_STATUS.get(result.code, 400)
        answer = result.to_json()
        if not result.ok:
            answer["error"] = result.code
        return JSONResponse(answer, status_code=code)

    @app.get("/api/v1/challenge")
    def challenge() -> dict[str, Any]:
        return {"challenge": hq.challenge(), "ttl": CHALLENGE_TTL_S}

    @app.get(
        "/api/v1/devices/{device_id}/reply",
        response_class=Response,
        responses={200: REPLY_200, **_refusals(401, 403)},
    )
    def reply(
        device_id: str,
        cursor: int = Query(default=0, ge=0, le=limits.INT64_MAX),
        x_fieldapp_challenge: str = Header(default=""),
        x_fieldapp_signature: str = Header(default=""),
    ) -> Response:
        try:
            if not limits.plain_text(device_id, 36):
                raise SyncError("UNKNOWN_DEVICE", "未登记的设备。")
            if not (x_fieldapp_challenge.isascii() and x_fieldapp_signature.isascii()):
                raise SyncError(
                    "UNAUTHENTICATED", "取回执的请求没有有效的设备签名，已拒绝。请升级程序后重试。"
                )
            hq.check_reply_request(device_id, cursor, x_fieldapp_challenge, x_fieldapp_signature)
            data = hq.build_reply(device_id, cursor)
        except SyncError as e:
            return _error(e)
        return Response(data, media_type="application/octet-stream")

    @app.get("/api/v1/status", response_model=None, responses=_refusals(401))
    def status(authorization: str = Header(default="")) -> dict[str, Any] | JSONResponse:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if (
            scheme.lower() != "bearer"
            or not token.isascii()
            or not hmac.compare_digest(token, hq.admin_token)
        ):
            return _error(
                SyncError("UNAUTHENTICATED", "查看汇总状态需要管理口令（fieldapp-hq admin-token）。")
            )
        return hq.status()

    return app
