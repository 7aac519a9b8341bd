"""A household handed to another cadre, chosen by name in the console; `move` does the moving.

The clerk types the household's printed code (HH-…) or the head's name and picks the receiving
cadre from the cadres headquarters knows (synced from the devices), shown as 姓名（设备）. The
household goes to that cadre's device and the cadre is paired with it; the former pairing ends.
"""

from __future__ import annotations

import json
import uuid
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import clock
from fieldapp.hq import accounts, hqrows, hqwrite, ledger
from fieldapp.hq.accounts import CLI, Staff
from fieldapp.hq.models import Device, Handover, Record
from fieldapp.storage.base import utcnow
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ


# beyond this many cadres the console asks for the receiving cadre's name instead of listing
# them all: the list opens every cadre record (≈ 2 s at 10,000 cadres, docs/performance.md)
MAX_LISTED = 300


def lists_cadres(hq: HQ) -> bool:
    """Whether the handover form can offer every cadre in a drop-down (a count, nothing opened)."""
    from sqlalchemy import func

    from fieldapp.hq.stats_models import StatCadre

    with hq.session() as s:
        return int(s.scalar(select(func.count()).select_from(StatCadre)) or 0) <= MAX_LISTED


def _named(choices: dict[str, str], typed: str) -> str:
    """The one choice a typed name (王芳, or 王芳（兰陵县-王芳） when two share it) means."""
    name = typed.strip()
    found = [v for v, label in choices.items() if name in (label, label.split("（", 1)[0])]
    if not found:
        raise SyncError("NOT_FOUND", f"没有找到干部“{name[:20]}”（或其设备已停用）。请核对姓名。")
    if len(found) > 1:
        raise SyncError("INVALID", f"有{len(found)}位干部叫“{name[:20]}”，请写成 姓名（设备名称）。")
    return found[0]


class CadreChoice(BaseModel):
    value: str  # cadre id "|" device id
    label: str  # 王芳（兰陵县-王芳）


def cadre_choices(hq: HQ) -> list[CadreChoice]:
    """Active cadres on devices that are not revoked, by name."""
    with hq.session() as s:
        live = select(Device.device_id, Device.name).where(Device.revoked_at.is_(None))
        devices: dict[str, str] = dict(s.execute(live).all())
        rows = [
            json.loads(r.data)
            for r in s.scalars(select(Record).where(Record.entity == "cadre", Record.deleted == 0))
        ]
    out = []
    for c in rows:
        device = str(c.get("origin_device") or "")
        if device in devices and c.get("active", True) and not c.get("deleted"):
            out.append(
                CadreChoice(value=f"{c['id']}|{device}", label=f"{c.get('name', '')}（{devices[device]}）")
            )
    return sorted(out, key=lambda c: c.label)


def find_household(hq: HQ, staff: Staff, text: str) -> ledger.HouseholdSummary:
    """The one household a clerk means by a printed code or a name (within what they may see)."""
    text = text.strip()[:100]
    if not text:
        raise SyncError("INVALID", "请填写要移交的困难户（HH-编号或户主姓名）。")
    found = ledger.search_households(hq, staff, ledger.HouseholdQuery(q=text, page_size=3)).items
    if not found:
        raise SyncError("NOT_FOUND", f"没有找到“{text}”这一户，或不在您的查看范围内。")
    if len(found) > 1:
        raise SyncError("INVALID", f"“{text}”符合不止一户，请填写户档案上的 HH-编号。")
    return found[0]


def hand_over(
    hq: HQ, staff: Staff | None, household: str, cadre: str, note: str = "", client: str = CLI
) -> dict[str, str]:
    """Hand the household to the chosen cadre's device and pair them; audited."""
    from fieldapp.hq import actions

    actions.check(staff, "handover")
    who = staff or Staff(0, CLI, "admin")
    summary = find_household(hq, who, household)
    choices = {c.value: c.label for c in cadre_choices(hq)}
    if cadre not in choices and cadre.strip() and "|" not in cadre:
        cadre = _named(choices, cadre)  # typed by name (a city with many cadres: no drop-down)
    if cadre not in choices:
        raise SyncError("INVALID", "请从列表中选择接收的干部。")
    cadre_id, device_id = cadre.split("|", 1)
    res = hq.handover(summary.id, device_id, who.name, note.strip(), cadre_id)
    with hq.session() as s:
        accounts.audit(
            s, who.name, "handover", summary.code, f"移交给 {choices[cadre]} {note.strip()}"[:500], client
        )
    return {
        "code": summary.code,
        "head": summary.head_name,
        "to": choices[cadre],
        "records": str(res["records"]),
    }


def move(
    hq: HQ,
    household_id: str,
    to: str,
    by: str = "市总工会",
    note: str = "",
    cadre: str = "",
    within: Session | None = None,
) -> dict[str, Any]:
    """Move a household and its records to another device; the former owner keeps a read-only copy.

    The household's open pairings end on the handover date (written by headquarters, sent to
    both devices), and with `cadre` (a name or id) the new device's cadre is paired with it.
    `within`: a caller's session (a merge), so the handover commits or fails with the rest.
    """
    from fieldapp.domain import pairing as pairing_rules
    from fieldapp.domain.errors import DomainError

    with hq.session() if within is None else nullcontext(within) as s:
        target = hqwrite.find_device(s, to)
        if target.revoked_at is not None:
            raise SyncError("DEVICE_REVOKED", f"设备“{target.name}”已被停用，不能接收困难户。")
        former = hq.owner_of(s, household_id)
        if former == target.device_id:
            raise SyncError("INVALID", f"该户已经由“{target.name}”负责，无需移交。")
        household = hqwrite.record(s, "household", household_id)
        hrow = json.loads(household.data)
        hrow.update(owner_device=target.device_id, version=household.version + 1, hlc=hqwrite.hlc_now())
        hrow["updated_at"] = utcnow().isoformat()
        rows = hqwrite.household_rows(s, household_id)
        # the former cadre's pairing ends with the handover; headquarters writes it, as in `resolve`
        day, now = clock.today().isoformat(), utcnow().isoformat()
        reason = f"市总工会移交给{target.name}" + (f"（{note}）" if note else "")
        ended: list[dict[str, Any]] = []
        for i, (entity, row) in enumerate(rows):
            if entity == "pairing" and not row.get("ended_on") and not row.get("deleted"):
                row = {
                    **row,
                    "ended_on": day,
                    "end_reason": reason,
                    "hlc": hqwrite.hlc_now(),
                    "updated_at": now,
                }
                row["version"] = int(row.get("version") or 0) + 1
                rows[i] = (entity, row)
                ended.append(row)
        paired: dict[str, Any] | None = None
        paired_name = ""
        if cadre:
            crow = _cadre_row(s, cadre, target.device_id)
            paired_name = str(crow.get("name") or "")
            try:
                active = _active_pairings(s, str(crow["id"]), household_id)
                pairing_rules.check_new_pairing(active, note)
            except DomainError as e:
                raise SyncError("INVALID", f"{e}（用 --note 写明原因）") from None
            paired = {
                "id": str(uuid.uuid4()),
                "cadre_id": str(crow["id"]),
                "household_id": household_id,
                "started_on": day,
                "ended_on": None,
                "extra_reason": note,
                "end_reason": "",
                "origin_device": hqwrite.HQ_DEVICE,
                "hlc": hqwrite.hlc_now(),
                "version": 1,
                "deleted": False,
                "created_at": now,
                "updated_at": now,
            }
            rows.append(("pairing", paired))
        records, files = hqwrite.send_household(s, target.device_id, hrow, rows)
        hqwrite.write(s, "household", hrow)
        for row in [*ended, *([paired] if paired else [])]:
            hqwrite.write(s, "pairing", row)
        body = {"household_id": household_id, "owner_device": target.device_id, "owner_name": target.name}
        hqwrite.queue(s, target.device_id, "handover", body)
        if former != hqwrite.HQ_DEVICE:
            for row in ended:  # so the former cadre's 2–4 count is right there too
                hqwrite.queue(s, former, "record", {"entity": "pairing", "row": row})
            hqwrite.queue(s, former, "handover", body)
        s.add(
            Handover(
                household_id=household_id, from_device=former, to_device=target.device_id, by=by, note=note
            )
        )
        return {
            "household_id": household_id,
            "from_device": former,
            "to_device": target.device_id,
            "to_name": target.name,
            "records": records,
            "files": files,
            "pairings_ended": len(ended),
            "paired_cadre": paired_name,
        }


def _cadre_row(s: Session, name_or_id: str, device_id: str) -> dict[str, Any]:
    """A cadre headquarters knows (synced from a device), by id or name; the device's own first."""
    found = [
        json.loads(rec.data)
        for rec in s.scalars(select(Record).where(Record.entity == "cadre", Record.deleted == 0))
    ]
    found = [r for r in found if name_or_id in (r.get("id"), r.get("name"))]
    if len(found) > 1:
        own = [r for r in found if r.get("origin_device") == device_id]
        found = own if len(own) == 1 else found
    if not found:
        raise SyncError("NOT_FOUND", f"总部没有干部“{name_or_id}”。请先在接收的设备上添加该干部并同步上来。")
    if len(found) > 1:
        raise SyncError("INVALID", f"有多位干部叫“{name_or_id}”，请用干部编号。")
    return dict(found[0])


def _active_pairings(s: Session, cadre_id: str, but: str) -> int:
    """The households (other than `but`, whose pairings are being ended) a cadre is paired with."""
    rows = (json.loads(rec.data) for rec in hqrows.pairings_of_cadre(s, cadre_id))
    return sum(1 for r in rows if not r.get("ended_on") and r.get("household_id") != but)
