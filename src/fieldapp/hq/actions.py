"""Staff actions: what a clerk does in the console and an administrator on the command line.

Both call these functions. Who may do what is decided here, in `allowed`, and every action is
written to the audit log (操作日志). `staff=None` is the command line on the server itself,
which may do everything (whoever can run it can read the database anyway).

    record a referral outcome   admin, city; county only for its county's referrals
    resolve a conflict          admin, city; county only for its county's households
    enrol or revoke a device    admin
    read-only accounts          nothing
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from fieldapp.domain import clock
from fieldapp.hq import accounts, ledger
from fieldapp.hq.accounts import CLI, Staff
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

ACTIONS = {
    "referral_outcome": "登记转介办理结果",
    "resolve_conflict": "处理冲突",
    "device_enrol": "生成设备登记文件",
    "device_revoke": "停用设备",
    "stats_export": "导出统计",  # hq/console/stats_views.py
    "campaign_set": "设定摸底活动",
    "device_recover": "恢复被判为复制的设备",
    "handover": "移交困难户",
    "reference_set": "修改参考数据",
    "reveal": "查看完整身份证号、电话",
    "password_change": "修改本人密码",
    "password_change_refused": "修改本人密码（原密码不对）",
    "duplicate_resolve": "处理疑似重复",  # hq/duplicate_queue.py
    "duplicate_distinct": "疑似重复标为不同户",
    "duplicate_merge": "合并疑似重复的两户",
}
WHO = {
    "referral_outcome": ("admin", "city", "county"),
    "resolve_conflict": ("admin", "city", "county"),
    "device_enrol": ("admin",),
    "device_revoke": ("admin",),
    "account_manage": ("admin",),
    "device_recover": ("admin",),
    "handover": ("admin", "city"),
    "reference_set": ("admin",),
    "reveal": ("admin", "city", "county"),
    "password_change": ("admin", "city", "county", "readonly"),
    "duplicate_resolve": ("admin", "city", "county"),
    "campaign_set": ("admin", "city"),  # and not tied to a county (console/stats_views.py)
}
REFUSED = {
    "referral_outcome": "只读账号不能登记转介办理结果。",
    "resolve_conflict": "只读账号不能处理冲突。",
    "device_enrol": "只有系统管理员可以登记或停用设备。",
    "device_revoke": "只有系统管理员可以登记或停用设备。",
    "account_manage": "只有系统管理员可以管理账号。",
    "device_recover": "只有系统管理员可以恢复设备。",
    "handover": "只有系统管理员和市总工会工作人员可以移交困难户。",
    "reference_set": "只有系统管理员可以修改参考数据。",
    "reveal": "只读账号不能查看完整的身份证号和电话。",
    "password_change": "",
    "duplicate_resolve": "只读账号不能处理疑似重复。",
    "campaign_set": "只有市总工会工作人员或系统管理员可以设定摸底活动。",
}
READ_ONLY = "只读账号不能修改任何内容。"
NOTE_NEEDED = {"已退回", "已撤销"}


class NotAllowed(SyncError):
    """This account may not do this (403 in the console)."""

    def __init__(self, message: str) -> None:
        super().__init__("FORBIDDEN", message)


class NotFound(SyncError):
    """Nothing by that id *for this account* (404: another county's referral looks the same)."""

    def __init__(self, message: str) -> None:
        super().__init__("NOT_FOUND", message)


def allowed(staff: Staff | None, action: str) -> bool:
    return staff is None or staff.role in WHO[action]


def check(staff: Staff | None, action: str) -> None:
    if not allowed(staff, action):
        raise NotAllowed(REFUSED[action])


def _audit(hq: HQ, staff: Staff | None, action: str, target: str, detail: str, client: str) -> None:
    with hq.session() as s:
        accounts.audit(s, staff.name if staff else CLI, action, target[:100], detail[:500], client)


def record_referral_outcome(
    hq: HQ,
    staff: Staff | None,
    referral_id: str,
    status: str,
    occurred_on: dt.date | None = None,
    note: str = "",
    recorded_by: str = "",
    client: str = CLI,
) -> dict[str, Any]:
    """A receiving body's answer (已受理, 已办结, 已退回, 已撤销): goes to the owner device's next reply."""
    check(staff, "referral_outcome")
    if staff is not None and ledger.referral_detail(hq, staff, referral_id) is None:
        raise NotFound("没有这条转介，或不在您的查看范围内。")
    if occurred_on is not None and occurred_on > clock.today():
        raise SyncError("INVALID", "办理日期不能晚于今天。")
    if staff is not None and status in NOTE_NEEDED and not note.strip():
        raise SyncError("INVALID", f"“{status}”须写明说明（如接收单位的答复）。")
    by = recorded_by.strip() or (staff.name if staff is not None else "市总工会")
    res = hq.record_referral_outcome(referral_id, status, occurred_on, note.strip(), by)
    ev = res["event"]
    detail = f"{res['previous']} → {ev['status']}（{ev['occurred_on']}）{note.strip()}"
    _audit(hq, staff, "referral_outcome", _referral_code(referral_id), detail[:500], client)
    return res


def resolve_conflict(
    hq: HQ, staff: Staff | None, conflict_id: int, keep: str, note: str = "", by: str = "", client: str = CLI
) -> dict[str, Any]:
    """Keep value a or b; the kept value goes to the household's owner device."""
    check(staff, "resolve_conflict")
    if staff is not None and not ledger.conflict_visible(hq, staff, conflict_id):
        raise NotFound(f"没有编号为 {conflict_id} 的冲突，或不在您的查看范围内。")
    res = hq.resolve_conflict(
        conflict_id, keep, by.strip() or (staff.name if staff is not None else "市总工会"), note.strip()
    )
    _audit(
        hq, staff, "resolve_conflict", f"冲突 {conflict_id}", f"保留值 {keep} {note.strip()}"[:500], client
    )
    return res


def enrol_device(hq: HQ, staff: Staff | None, name: str, url: str = "", client: str = CLI) -> dict[str, Any]:
    """A one-time enrolment file for a new device (its name: county and cadre, e.g. 兰陵县-王芳)."""
    check(staff, "device_enrol")
    name = name.strip()
    if not name or len(name) > 100:
        raise SyncError("INVALID", "请填写设备名称（如“兰陵县-王芳”，100字以内）。")
    enrolment = hq.issue_enrolment(name, url)
    # the audit's target is kept in clear: the device's name goes in the sealed detail
    _audit(hq, staff, "device_enrol", "新设备", f"{name} {url}".strip(), client)
    return enrolment


def revoke_device(hq: HQ, staff: Staff | None, name_or_id: str, client: str = CLI) -> int:
    """Refuse everything the device sends from now on (lost, stolen or copied laptop)."""
    check(staff, "device_revoke")
    found = [d for d in hq.devices() if name_or_id in (d.device_id, d.name)]
    n = hq.revoke(name_or_id)
    if n:  # target: device ids (in clear); names: the sealed detail
        ids, names = "、".join(d.device_id for d in found), "、".join(d.name for d in found)
        _audit(hq, staff, "device_revoke", ids or "（无）", names, client)
    return n


def _referral_code(referral_id: str) -> str:
    from fieldapp.hq.ledger_index import referral_code

    return referral_code(referral_id)
