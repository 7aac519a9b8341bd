"""Recover a device locked out as a clone: a new identity for the laptop that is genuinely the cadre's.

When two laptops send batches as one device (a copied ledger folder, a restored backup), the
ingest refuses the second as CLONED_DATABASE (store.py) and writes an Alert. Headquarters then
decides which laptop is the cadre's and recovers it:

1. `issue` (console button or `fieldapp-hq recover-device NAME`): the old identity is revoked,
   so nothing more is accepted from either copy under it, and a recovery enrolment file is made
   — an ordinary one-time enrolment file with the same device name plus `"replaces": OLD_ID`.
2. The genuine laptop loads it (`fieldapp sync enroll FILE`): it takes a new device id, instance
   number and keys, re-cuts what headquarters had not accepted (fieldapp.sync.recovery) and
   enrols with the new identity.
3. `on_enrol` (called by HQ.enrol): the households the old identity owned move to the new one
   (a Handover row each, as a handover does), the device index follows, and what headquarters
   had queued for the old identity since the lockout is queued for the new one. The laptop's
   request lists the households it has (`holds`); each household the old identity owned that is
   not among them — one the copy created — goes down whole in the next reply (hq/hqwrite.py),
   owned by the new identity, as at a handover.

Nothing already received is touched: every record and change the old identity sent stays, and
the old identity stays in the device list as 已停用.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.hq import accounts, hqwrite
from fieldapp.hq.accounts import CLI, Staff
from fieldapp.hq.models import Alert, Enrolment, Handover, HouseholdIndex, HQMeta, Outgoing, Record
from fieldapp.storage.base import utcnow
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

CLONE = "CLONED_DATABASE"
META = "recovers:"  # HQMeta key prefix: recovery enrolment token -> the device id it replaces
BY = "设备恢复"
# what headquarters sends a device that is safe to send again: upserts by id and version
RESENDABLE = ("referral_event", "record", "attachment_file", "setting", "form_template")


def clone_alerts(s: Session, device_id: str) -> int:
    return int(
        s.scalar(
            select(func.count()).select_from(Alert).where(Alert.device_id == device_id, Alert.code == CLONE)
        )
        or 0
    )


def recoverable(hq: HQ) -> set[str]:
    """Devices with a clone alert whose recovery file has not been used yet (their id)."""
    with hq.session() as s:
        cloned = set(s.scalars(select(Alert.device_id).where(Alert.code == CLONE)))
    return cloned - {old for old, new in recovered_to(hq).items() if new}


def issue(hq: HQ, staff: Staff | None, name_or_id: str, url: str = "", client: str = CLI) -> dict[str, Any]:
    """Revoke a device refused as a clone and make the recovery enrolment file for its real laptop."""
    from fieldapp.hq import actions

    actions.check(staff, "device_recover")
    with hq.session() as s:
        dev = hqwrite.find_device(s, name_or_id)
        if clone_alerts(s, dev.device_id) == 0:
            raise SyncError(
                "INVALID",
                f"设备“{dev.name}”没有被判为复制的数据库，不需要恢复。如果设备丢失或被盗，请用“停用”。",
            )
        old, name = dev.device_id, dev.name
        for meta in s.scalars(select(HQMeta).where(HQMeta.key.like(f"{META}%"))):
            if meta.key.endswith(":done") or meta.value.decode() != old:
                continue
            enr = s.get(Enrolment, meta.key[len(META) :])
            if enr is not None and enr.used_at is not None:
                raise SyncError("INVALID", f"设备“{name}”已经恢复过（新的登记文件已被使用）。")
            if enr is not None:  # an earlier recovery file not used yet: only the newest one counts
                s.delete(enr)
            s.delete(meta)
        dev.revoked_at = dev.revoked_at or utcnow()
    enrolment = hq.issue_enrolment(name, url)
    enrolment["replaces"] = old
    with hq.session() as s:
        s.add(HQMeta(key=f"{META}{enrolment['token']}", value=old.encode()))
        accounts.audit(
            s,
            staff.name if staff else CLI,
            "device_recover",
            old,
            f"{name}（原设备编号 {old}）"[:500],
            client,
        )
    return enrolment


def on_enrol(s: Session, token: str, new_device: str, holds: frozenset[str] | None = None) -> int:
    """A recovery enrolment was used: the old identity's households move to the new device, and
    those the laptop does not hold (`holds`; None from an older program: none sent) go down to it."""
    meta = s.get(HQMeta, f"{META}{token}")
    if meta is None:
        return 0
    old = meta.value.decode()
    s.add(HQMeta(key=f"{META}{token}:done", value=new_device.encode()))
    owned = _owned_by(s, old)
    for hid in owned:
        s.add(Handover(household_id=hid, from_device=old, to_device=new_device, by=BY, note=""))
    for idx in s.scalars(select(HouseholdIndex).where(HouseholdIndex.household_id.in_(owned or [""]))):
        idx.device_id = new_device
    since = s.scalar(select(func.min(Alert.at)).where(Alert.device_id == old, Alert.code == CLONE))
    if since is not None:  # what was queued for the old identity while it was locked out
        for o in s.scalars(
            select(Outgoing)
            .where(Outgoing.device_id == old, Outgoing.created_at >= since, Outgoing.kind.in_(RESENDABLE))
            .order_by(Outgoing.id)
        ):
            s.add(Outgoing(device_id=new_device, kind=o.kind, body=o.body))
    if holds is not None:
        for hid in owned:
            if hid not in holds:
                _send_household(s, hid, new_device)
    return len(owned)


def _send_household(s: Session, household_id: str, new_device: str) -> None:
    """A household only the copy had: headquarters writes it as the new device's (a new version,
    as at a handover) and queues its whole file — members, visits, referrals and their events,
    assessments, relief, consents, attachments, item-19 data, the cadres it is paired with."""
    rec = s.get(Record, (household_id, "household"))
    if rec is None:
        return
    row = json.loads(rec.data)
    row.update(
        owner_device=new_device,
        version=rec.version + 1,
        hlc=hqwrite.hlc_now(),
        updated_at=utcnow().isoformat(),
    )
    hqwrite.send_household(s, new_device, row, hqwrite.household_rows(s, household_id))
    hqwrite.write(s, "household", row)


def _owned_by(s: Session, device_id: str) -> list[str]:
    """The households `device_id` owns: its last handover, else the household's own owner (the index)."""
    last: dict[str, str] = {}
    for hid, to in s.execute(select(Handover.household_id, Handover.to_device).order_by(Handover.id)):
        last[hid] = to
    out = {hid for hid, to in last.items() if to == device_id}
    for hid in s.scalars(select(HouseholdIndex.household_id).where(HouseholdIndex.device_id == device_id)):
        if hid not in last:
            out.add(hid)
    return sorted(out)


def recovered_to(hq: HQ) -> dict[str, str]:
    """Old device id -> the device that replaced it (for the device list)."""
    with hq.session() as s:
        tokens = {
            m.key[len(META) :]: m.value.decode()
            for m in s.scalars(select(HQMeta).where(HQMeta.key.like(f"{META}%")))
            if not m.key.endswith(":done")
        }
        done = {
            m.key[len(META) : -len(":done")]: m.value.decode()
            for m in s.scalars(select(HQMeta).where(HQMeta.key.like(f"{META}%:done")))
        }
    return {old: done.get(token, "") for token, old in tokens.items()}
