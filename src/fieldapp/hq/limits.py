"""What headquarters accepts, checked while reading and before any work (issue 12).

Every limit here is enforced before the expensive or dangerous step it protects: the body is
counted while it streams in (never read whole first), a payload is inflated only up to its cap,
JSON is parsed only after a cheap nesting check. A refusal is a `SyncError` with a code and a
plain Chinese message; server.py turns it into a 4xx JSON answer, `import` into a report line.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fieldapp.sync.protocol import SyncError

MIB = 1024 * 1024

# ASGI plumbing, typed loosely as Starlette does
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

INT32_MAX = 2**31 - 1  # hq_batch.seq, hq_change.outbox_seq and version are INTEGER columns
INT64_MAX = 2**63 - 1  # hlc is BIGINT
BATCHES_PATH = "/api/v1/batches"


@dataclass(frozen=True)
class Limits:
    """The caps of one headquarters server; `fieldapp-hq serve` options change the first ones."""

    max_batch_bytes: int = 256 * MIB  # a sealed batch as received (HTTP body or USB file)
    max_request_bytes: int = 1 * MIB  # any other request body (enrolment, console forms, API)
    max_plain_bytes: int = 512 * MIB  # a batch's payload after decompression
    max_ratio: int = 100  # … and at most this many times its compressed size
    ratio_floor_bytes: int = 4 * MIB  # a small batch may always inflate this far
    max_changes: int = 50_000  # records in one batch (devices cut 5,000)
    max_row_bytes: int = 256 * 1024  # one changed row as canonical JSON
    max_attachments: int = 1_000
    max_attachment_bytes: int = 20 * MIB  # one attachment file (a document photo)
    max_seq_jump: int = 10_000  # a batch's seq at most this far beyond the device's highest
    max_json_depth: int = 32  # nesting of any JSON headquarters parses
    max_gap_ranges: int = 100  # ranges of missing batches reported


DEFAULT = Limits()


# --- JSON that cannot hurt the parser ----------------------------------------------------------


def json_depth_ok(text: str | bytes, max_depth: int) -> bool:
    """True if brackets nest at most `max_depth` deep (strings skipped): checked before parsing,
    because Python's json module recurses and a deeply nested document exhausts the stack."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > max_depth:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def loads(data: str | bytes, what: str, limits: Limits = DEFAULT) -> Any:
    """Strict JSON: UTF-8, bounded nesting, no NaN/Infinity, no number that overflows."""
    bad = SyncError("MALFORMED", f"{what}不是有效的JSON。")
    if not json_depth_ok(data, limits.max_json_depth):
        raise SyncError("MALFORMED", f"{what}嵌套层数过多，已拒收。")
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        if "\x00" in text:
            raise bad
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise bad from e


def json_object(data: bytes, what: str, limits: Limits = DEFAULT) -> dict[str, Any]:
    value = loads(data, what, limits)
    if not isinstance(value, dict):
        raise SyncError("MALFORMED", f"{what}应是一个JSON对象。")
    return value


# --- fields of a batch --------------------------------------------------------------------------


def uuid_text(value: Any, what: str) -> str:
    """A UUID in its canonical text form (what devices send for device and batch ids)."""
    try:
        text = str(uuid.UUID(str(value)))
    except ValueError as e:
        raise SyncError("MALFORMED", f"批次文件头的{what}不是有效的编号。") from e
    if text != value:
        raise SyncError("MALFORMED", f"批次文件头的{what}不是有效的编号。")
    return text


def plain_text(value: Any, max_len: int) -> bool:
    """A short printable string: fits its column and is storable in PostgreSQL (no NUL)."""
    return isinstance(value, str) and 0 < len(value) <= max_len and value.isprintable()


def bounded_int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def inflate_cap(compressed_len: int, limits: Limits = DEFAULT) -> int:
    """How far a payload of `compressed_len` bytes may inflate: a ratio cap and an absolute cap."""
    return min(limits.max_plain_bytes, max(limits.ratio_floor_bytes, compressed_len * limits.max_ratio))


# --- gaps as ranges -------------------------------------------------------------------------------


def gap_ranges(seqs: list[int], max_ranges: int) -> list[list[int]]:
    """Missing numbers below the highest of `seqs` (from 1), as [first, last] ranges.

    Work and size grow with the number of batches received, never with the numbers themselves."""
    out: list[list[int]] = []
    expected = 1
    for n in sorted(set(seqs)):
        if n > expected:
            out.append([expected, n - 1])
            if len(out) >= max_ranges:
                break
        expected = max(expected, n + 1)
    return out


def describe_gaps(ranges: list[list[int]]) -> str:
    return "、".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges)


# --- request bodies -------------------------------------------------------------------------------


def too_large(what: str, cap: int) -> SyncError:
    return SyncError("TOO_LARGE", f"{what}太大（上限 {cap / MIB:.0f} MB），已拒收，未读取。")


async def read_capped(stream: AsyncIterator[bytes], cap: int, what: str) -> bytes:
    """The body, counted while it arrives: refused as soon as it passes `cap`, never read whole."""
    data = bytearray()
    async for chunk in stream:
        if len(data) + len(chunk) > cap:
            raise too_large(what, cap)
        data += chunk
    return bytes(data)


class BodyLimit:
    """ASGI middleware: a declared Content-Length over the cap is answered 413 before any byte
    of the body is read. Only batches may come without a length (chunked): they are streamed and
    counted by the endpoint; any other chunked body is answered 411."""

    def __init__(self, app: ASGIApp, limits: Limits = DEFAULT) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        batch = scope["path"] == BATCHES_PATH
        cap = self.limits.max_batch_bytes if batch else self.limits.max_request_bytes
        length = None
        for key, value in scope["headers"]:
            if key == b"content-length":
                length = value
        if length is not None:
            if not length.isdigit() or len(length) > 18:
                await refuse(send, 400, SyncError("MALFORMED", "请求头 Content-Length 无效。"))
                return
            if int(length) > cap:
                await refuse(send, 413, too_large("批次文件" if batch else "请求内容", cap))
                return
        elif not batch:
            await refuse(send, 411, SyncError("LENGTH_REQUIRED", "请求须注明内容长度（Content-Length）。"))
            return
        await self.app(scope, receive, send)


async def refuse(send: Send, status: int, e: SyncError) -> None:
    body = json.dumps(
        {"status": "rejected", "code": e.code, "error": e.code, "message": e.message}, ensure_ascii=False
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
