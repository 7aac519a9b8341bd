"""Applying the items of headquarters' reply on the device (docs/sync-protocol.md, "Reply").

Everything here runs inside the reply's transaction, in a session without the outbox hook:
rows headquarters sends are its own or another device's, never changes to send back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Enum, Numeric, exc, func, inspect, select
from sqlalchemy.orm import Session

from fieldapp.domain import referrals as rules
from fieldapp.storage.base import Synced, UTCDateTime
from fieldapp.storage.models import SYNCED_MODELS, Household, Referral, ReferralEvent, Setting

# reference data headquarters may set on a device; other keys (the current cadre…) stay local
SETTING_KEYS = {"dibao_standard_fen", "receiving_bodies"}
HANDED_OVER_PREFIX = "handed_over:"


class Applied:
    """What one reply changed, for the report shown to the cadre."""

    def __init__(self) -> None:
        self.items = 0
        self.outcomes = 0
        self.handed_in: list[str] = []
        self.handed_out: list[str] = []
        self.settings: list[str] = []
        self.forms: list[str] = []  # form templates headquarters sent, stored in the data folder
        self.campaigns: list[str] = []  # re-survey campaigns received and kept (names)
        self.skipped: list[str] = []


def models() -> dict[str, type[Synced]]:
    return {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]


def from_json(model: type[Synced], row: dict[str, Any]) -> dict[str, Any]:
    """A row as it travels (ISO dates, decimals as strings, vocabulary as Chinese) -> column values."""
    out: dict[str, Any] = {}
    for attr in inspect(model).column_attrs:
        if attr.key not in row:
            continue
        value = row[attr.key]
        col_type = attr.columns[0].type
        if value is None:
            out[attr.key] = None
        elif isinstance(col_type, UTCDateTime):
            parsed = dt.datetime.fromisoformat(str(value))
            out[attr.key] = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        elif isinstance(col_type, Date):
            out[attr.key] = dt.date.fromisoformat(str(value))
        elif isinstance(col_type, Numeric):
            out[attr.key] = Decimal(str(value))
        elif isinstance(col_type, Enum) and col_type.enum_class is not None:
            out[attr.key] = col_type.enum_class(value)
        elif isinstance(col_type, Boolean):
            out[attr.key] = bool(value)
        else:
            out[attr.key] = value
    return out


def upsert(s: Session, entity: str, row: dict[str, Any]) -> bool:
    """Insert or update a row from headquarters; a newer local version is kept. True if written."""
    model = models().get(entity)
    if model is None or not row.get("id"):
        return False
    values = from_json(model, row)
    current = s.get(model, row["id"])
    if current is None:
        s.add(model(**values))
    elif (current.version or 0) > int(row.get("version") or 0):
        return False  # this device changed it since; that change is on its way to headquarters
    else:
        for key, value in values.items():
            setattr(current, key, value)
    s.flush()
    return True


def apply_item(
    s: Session,
    kind: str,
    body: dict[str, Any],
    files: Path,
    write_file: Any,
    result: Applied,
    forms: Path | None = None,
) -> None:
    """Apply one reply item; `write_file(path, data)` stores an attachment file like the app does;
    form templates go to the `forms` folder (none given: skipped)."""
    if kind == "referral_event":
        before = s.get(ReferralEvent, body["id"])
        if before is None and s.get(Referral, body["referral_id"]) is not None:
            row = dict(body)
            row.setdefault("origin_device", "hq")
            row.setdefault("version", 1)
            row.setdefault("deleted", False)
            row["hlc"] = int(row.get("hlc") or 0) or _next_event_hlc(s, body["referral_id"])
            row.setdefault("recorded_by", "市总工会")
            row.setdefault("note", "")
            _guarded(s, "referral_event", row, result)
            result.outcomes += 1
        elif before is None:
            result.skipped.append(f"转介 {body['referral_id'][:8]} 不在本机，办理结果未能记入")
        recompute_referral(s, body["referral_id"])
    elif kind == "record":
        entity, row = str(body["entity"]), body["row"]
        _guarded(s, entity, row, result)
        if entity == "referral_event":
            recompute_referral(s, row["referral_id"])
    elif kind == "attachment_file":
        data = _b64(str(body.get("data") or ""))
        sha = str(body["sha256"])
        if data and hashlib.sha256(data).hexdigest() == sha:
            target = files / sha[:2] / sha
            if not target.exists():
                write_file(target, data)
        else:
            result.skipped.append(f"附件 {sha[:8]} 校验不符，未保存")
    elif kind == "handover":
        h = s.get(Household, body["household_id"])
        if h is not None:
            device_id = _device_id(s)
            was_mine = h.owner_device == device_id
            h.owner_device = body["owner_device"]
            key = HANDED_OVER_PREFIX + h.id
            if body["owner_device"] == device_id:
                _drop_setting(s, key)
                result.handed_in.append(h.id)
            else:
                _put_setting(s, key, str(body.get("owner_name") or ""))
                if was_mine:
                    result.handed_out.append(h.id)
    elif kind == "setting":
        key, value = str(body["key"]), str(body["value"])
        if key in SETTING_KEYS and _valid_setting(key, value):
            _put_setting(s, key, value)
            result.settings.append(key)
    elif kind == "form_template" and forms is not None:
        store_form(forms, body, result)
    elif kind == "campaign":
        from fieldapp.domain.campaign import parse
        from fieldapp.services import campaign

        kept = campaign.receive(s, body)
        if kept is not None:
            result.campaigns.append(kept.name)
        elif parse(body) is None:
            result.skipped.append("再摸底安排的格式无法识别，未采用（仍按原来的安排）")
    elif kind == "region":
        from fieldapp.domain.errors import ValidationError
        from fieldapp.services import region

        try:
            code = region.store(s, str(body.get("code") or ""))
        except ValidationError as e:
            result.skipped.append(f"市总工会发来的工作地区无法采用（{e}），仍按原来的地区")
        else:
            result.settings.append(region.REGION_KEY + "=" + code)
    # unknown kinds are skipped so an older device still accepts newer replies


def store_form(folder: Path, body: dict[str, Any], result: Applied) -> None:
    """A form template from headquarters, written atomically as `<folder>/NAME.toml`.

    Stored even when this device cannot use it (an older program that lacks a field it binds):
    printing then falls back to the bundled form and says so, and an upgrade makes it work.
    """
    from fieldapp.printing.errors import TemplateError
    from fieldapp.services import printing
    from fieldapp.sync.client import write_atomic

    name, text = str(body.get("name") or ""), str(body.get("text") or "")
    data = text.encode("utf-8")
    if not printing.FORM_NAME.fullmatch(name) or hashlib.sha256(data).hexdigest() != body.get("sha256"):
        result.skipped.append(f"表单模板 {name[:40]} 名称或校验值不符，未保存")
        return
    write_atomic(folder / f"{name}.toml", data)
    result.forms.append(name)
    try:
        printing.check_template(name, text)
    except TemplateError as e:
        result.skipped.append(f"表单模板 {name} 本机无法使用，打印时仍用程序自带的版本（{e}）")


def _guarded(s: Session, entity: str, row: dict[str, Any], result: Applied) -> None:
    """One row in a savepoint: a row that cannot be stored is reported, not fatal to the reply."""
    try:
        with s.begin_nested():
            upsert(s, entity, row)
    except (exc.IntegrityError, ValueError, KeyError, TypeError) as e:
        result.skipped.append(f"{entity} {str(row.get('id', ''))[:8]}：{type(e).__name__}")


def _valid_setting(key: str, value: str) -> bool:
    if key == "dibao_standard_fen":
        return value.isdigit() and int(value) > 0
    if key == "receiving_bodies":
        try:
            data = json.loads(value)
        except ValueError:
            return False
        return isinstance(data, dict) and all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in data.values()
        )
    return False


def _put_setting(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def _drop_setting(s: Session, key: str) -> None:
    row = s.get(Setting, key)
    if row is not None:
        s.delete(row)


def _device_id(s: Session) -> str:
    from fieldapp.storage.models import DeviceState

    return str(s.scalars(select(DeviceState.device_id)).one())


def _b64(text: str) -> bytes:
    from fieldapp.sync.protocol import unb64

    try:
        return unb64(text) if text else b""
    except ValueError:
        return b""


def _next_event_hlc(s: Session, referral_id: str) -> int:
    """An HQ event without a clock stamp sorts after the events the device already has."""
    top = s.scalar(select(func.max(ReferralEvent.hlc)).where(ReferralEvent.referral_id == referral_id))
    return int(top or 0) + 1


def recompute_referral(s: Session, referral_id: str) -> None:
    """The referral's derived status, date and follow-up from its latest event."""
    r = s.get(Referral, referral_id)
    if r is None:
        return
    latest = s.scalars(
        select(ReferralEvent)
        .where(ReferralEvent.referral_id == referral_id, ReferralEvent.deleted.is_(False))
        .order_by(ReferralEvent.occurred_on.desc(), ReferralEvent.hlc.desc())
        .limit(1)
    ).first()
    if latest is None:
        return
    r.status = latest.status
    r.status_on = latest.occurred_on
    r.follow_up_due = (
        None if latest.status in rules.TERMINAL else rules.follow_up_due(r.kind_code, latest.occurred_on)
    )
