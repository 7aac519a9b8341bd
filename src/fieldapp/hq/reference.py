"""Reference data headquarters sends every device: the local 低保 standard, the receiving bodies of
each referral kind, and form templates. The console's 参考数据 page and the CLI (`set-dibao`,
`set-bodies`, `set-form`, `set-region`) check input the same way; bad input changes nothing and is said in Chinese.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic import BaseModel
from sqlalchemy import select

from fieldapp.hq import accounts
from fieldapp.hq.accounts import CLI, Staff
from fieldapp.hq.models import HQMeta
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

MAX_FORM_BYTES = 256 * 1024
MAX_BODIES = 30
MAX_BODY_CHARS = 100
MAX_DIBAO_YUAN = 100_000  # per month: far above any local standard, far below a typing slip


class KindBodies(BaseModel):
    code: str
    name: str
    bodies: list[str]  # what devices use now: headquarters' list, else the bundled catalogue's
    from_hq: bool


class FormOut(BaseModel):
    name: str
    title: str
    record: str
    sha256: str
    size: int


class Reference(BaseModel):
    dibao_yuan: str  # "950.00", or "" when headquarters has not set one (devices keep their own)
    kinds: list[KindBodies]
    forms: list[FormOut]


def current(hq: HQ) -> Reference:
    from fieldapp.domain.money import format_yuan
    from fieldapp.domain.referrals import catalogue
    from fieldapp.printing.errors import TemplateError
    from fieldapp.services.printing import check_template
    from fieldapp.sync.protocol import sha256_hex

    fen = hq.reference("dibao_standard_fen")
    bodies = _bodies(hq)
    kinds = [
        KindBodies(
            code=k.code, name=k.name, bodies=bodies.get(k.code, list(k.bodies)), from_hq=k.code in bodies
        )
        for k in catalogue().values()
    ]
    forms = []
    with hq.session() as s:
        metas = list(s.scalars(select(HQMeta).where(HQMeta.key.like("form:%")).order_by(HQMeta.key)))
    for m in metas:
        name, text = m.key[len("form:") :], m.value.decode("utf-8")
        try:
            t = check_template(name, text)
            title, record = t.title, t.record
        except TemplateError:
            title, record = "（本版本程序无法读取）", ""
        forms.append(
            FormOut(name=name, title=title, record=record, sha256=sha256_hex(m.value)[:12], size=len(m.value))
        )
    return Reference(dibao_yuan=format_yuan(int(fen)) if fen else "", kinds=kinds, forms=forms)


def _bodies(hq: HQ) -> dict[str, list[str]]:
    return dict(json.loads(hq.reference("receiving_bodies") or "{}"))


def _audit(hq: HQ, staff: Staff | None, target: str, detail: str, client: str) -> None:
    with hq.session() as s:
        accounts.audit(s, staff.name if staff else CLI, "reference_set", target[:100], detail[:500], client)


def set_dibao(hq: HQ, staff: Staff | None, text: str, client: str = CLI) -> str:
    """The local 低保 standard in yuan per month (e.g. 950 or 950.5); returns it formatted."""
    from fieldapp.domain.errors import DomainError
    from fieldapp.domain.money import format_yuan, parse_yuan
    from fieldapp.hq import actions

    actions.check(staff, "reference_set")
    text = text.strip()
    try:
        if len(text) > 20:  # never cut short: a cut number would be another number
            raise DomainError("数字过长")
        fen = parse_yuan(text, field_name="dibao", label="低保标准（元/月）")
    except DomainError as e:
        raise SyncError("INVALID", f"低保标准填写不对：{e}（请填每月元数，如 950）。") from None
    if fen <= 0:
        raise SyncError("INVALID", "低保标准应大于0（请填每月元数，如 950）。")
    if fen > MAX_DIBAO_YUAN * 100:
        raise SyncError("INVALID", f"低保标准不应超过 {MAX_DIBAO_YUAN:,} 元/月（请填每月元数，如 950）。")
    hq.set_reference("dibao_standard_fen", str(fen))
    _audit(hq, staff, "低保标准", f"{format_yuan(fen)} 元/月", client)
    return format_yuan(fen)


def set_region(hq: HQ, staff: Staff | None, code: str, device: str = "", client: str = CLI) -> str:
    """The region the devices work in (a province, city or county code), sent to one device (name or
    id) or to all — then also headquarters' own region (county lists, accounts, report headings);
    returns the region's full name. Nothing is queued when the code or device is wrong."""
    from fieldapp.domain import divisions
    from fieldapp.domain.errors import DomainError
    from fieldapp.hq import actions, hqwrite, region

    actions.check(staff, "reference_set")
    try:
        code = divisions.check_region(code[:20])
    except DomainError as e:
        raise SyncError("INVALID", f"工作地区填写不对：{e}（请填区划代码，如 3713 临沂市）。") from None
    target, who = "*", "所有设备"
    if device:
        with hq.session() as s:
            dev = hqwrite.find_device(s, device)
            target, who = dev.device_id, dev.name
    name = region.send_region(hq, code, target)
    if target == "*":  # the whole federation works there: headquarters' own lists and reports follow
        with hq.session() as s:
            region.keep(s, code)
    _audit(hq, staff, "工作地区", f"{code} {name} → {who}", client)
    return name


def set_bodies(hq: HQ, staff: Staff | None, kind: str, text: str, client: str = CLI) -> list[str]:
    """The receiving bodies of one referral kind, one per line."""
    from fieldapp.domain.referrals import catalogue
    from fieldapp.hq import actions

    actions.check(staff, "reference_set")
    if kind not in catalogue():
        raise SyncError("INVALID", f"转介目录中没有“{kind[:40]}”这一事项。")
    bodies = [line.strip() for line in text.splitlines() if line.strip()]
    if not bodies:
        raise SyncError("INVALID", "请至少填写一个接收单位（每行一个）。")
    if len(bodies) > MAX_BODIES or any(len(b) > MAX_BODY_CHARS for b in bodies):
        raise SyncError("INVALID", f"接收单位最多 {MAX_BODIES} 个，每个不超过 {MAX_BODY_CHARS} 字。")
    current = _bodies(hq)
    current[kind] = bodies
    hq.set_reference("receiving_bodies", json.dumps(current, ensure_ascii=False, sort_keys=True))
    _audit(hq, staff, f"接收单位 {catalogue()[kind].name}", "、".join(bodies), client)
    return bodies


def set_form(hq: HQ, staff: Staff | None, name: str, data: bytes, client: str = CLI) -> FormOut:
    """An uploaded form template (TOML), checked as devices will load it, then sent to every device."""
    from fieldapp.hq import actions

    actions.check(staff, "reference_set")
    if not data:
        raise SyncError("INVALID", "请选择表单模板文件（.toml）。")
    if len(data) > MAX_FORM_BYTES:
        raise SyncError("INVALID", f"表单模板文件过大（超过 {MAX_FORM_BYTES // 1024} KB）。")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SyncError(
            "INVALID", "表单模板文件不是 UTF-8 编码的文本，请用文本编辑器另存为 UTF-8。"
        ) from None
    try:
        res = hq.set_form(name, text)  # checked as `fieldapp-hq set-form` and the devices check it
    except SyncError as e:
        raise SyncError("INVALID", f"表单模板有误，没有下发：{e.message}") from None
    _audit(
        hq, staff, f"表单模板 {name}", f"{res['title'] or res['record']} sha256 {res['sha256'][:12]}", client
    )
    return FormOut(
        name=name, title=res["title"], record=res["record"], sha256=res["sha256"][:12], size=len(data)
    )
