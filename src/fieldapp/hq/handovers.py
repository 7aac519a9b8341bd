"""A household handed to another cadre, chosen by name in the console (HQ.handover does the moving).

The clerk types the household's printed code (HH-…) or the head's name and picks the receiving
cadre from the cadres headquarters knows (synced from the devices), shown as 姓名（设备）. The
household goes to that cadre's device and the cadre is paired with it; the former pairing ends.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic import BaseModel
from sqlalchemy import select

from fieldapp.hq import accounts, ledger
from fieldapp.hq.accounts import CLI, Staff
from fieldapp.hq.models import Device, Record
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ


class CadreChoice(BaseModel):
    value: str  # cadre id "|" device id
    label: str  # 王芳（兰陵县-王芳）


def cadre_choices(hq: HQ) -> list[CadreChoice]:
    """Active cadres on devices that are not revoked, by name."""
    with hq.session() as s:
        devices = {d.device_id: d.name for d in s.scalars(select(Device).where(Device.revoked_at.is_(None)))}
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
