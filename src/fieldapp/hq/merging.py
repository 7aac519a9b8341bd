"""合并 a 疑似重复 pair (issue 11): one household survives, the other's records move to it.

Headquarters writes, as at a handover (hq/handovers.py, hq/hqwrite.py): the chosen owner device first
receives both households' files (a handover where it does not own them yet; a former owner is told
and keeps a read-only copy); then the merged household's visits, referrals (their events follow
them), relief payments and the members the survivor does not already hold (by ID number, or by
name when there is none) are written to the survivor, and the merged household is closed
(已销档, note 已合并到 HH-…). Both devices get these rows as ordinary `record` reply items, so no
device-side change is needed. Audited; the queue entry (and any other open entry of the pair) is
marked merged.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, update

from fieldapp.domain import clock
from fieldapp.domain.vocab import HouseholdStatus, Relation
from fieldapp.hq import accounts, actions, blind, duplicate_queue, hqrows, hqwrite, ledger_index
from fieldapp.hq.accounts import CLI, Staff
from fieldapp.hq.models import HouseholdIndex, LedgerRow, SuspectedDuplicate
from fieldapp.storage.base import utcnow
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

MOVED = ("visit", "referral", "relief_payment")


def _bump(row: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = {**row, **changes, "hlc": hqwrite.hlc_now(), "updated_at": utcnow().isoformat()}
    out["version"] = int(row.get("version") or 0) + 1
    return out


def _person(row: dict[str, Any]) -> str:
    ident = blind.normal(str(row.get("id_number") or ""))
    return "id:" + ident if ident else "name:" + str(row.get("name") or "")


def merge(
    hq: HQ, staff: Staff | None, entry_id: int, survivor: str, owner: str, note: str = "", client: str = CLI
) -> dict[str, str]:
    """survivor / owner: "a" or "b" — which household survives, whose device owns the result."""
    actions.check(staff, "duplicate_resolve")
    if staff is not None and not duplicate_queue.visible(hq, staff, entry_id):
        raise actions.NotFound(duplicate_queue.NOT_FOUND)
    if survivor not in ("a", "b") or owner not in ("a", "b"):
        raise SyncError("INVALID", "请选择保留哪一户、由哪台设备负责。")
    with hq.session() as s:  # one transaction: a failure at any step leaves everything as it was
        # a second clerk merging the same entry at the same moment: the row lock (PostgreSQL) makes
        # one of them wait, and it then finds the entry handled
        d = s.scalar(select(SuspectedDuplicate).where(SuspectedDuplicate.id == entry_id).with_for_update())
        if d is None:
            raise actions.NotFound(duplicate_queue.NOT_FOUND)
        if d.status != "open":
            raise SyncError(
                "INVALID", f"这一条已处理（{duplicate_queue.STATUS_LABELS.get(d.status, d.status)}）。"
            )
        keep, gone = (d.household_a, d.household_b) if survivor == "a" else (d.household_b, d.household_a)
        device = hq.owner_of(s, d.household_a if owner == "a" else d.household_b)
        former = hq.owner_of(s, gone)  # told that the household it held is closed
        codes = {
            h.household_id: h.code
            for h in s.scalars(select(HouseholdIndex).where(HouseholdIndex.household_id.in_([keep, gone])))
        }
        who = staff.name if staff is not None else "市总工会"
        for household in (keep, gone):  # the chosen device receives both files first
            if hq.owner_of(s, household) != device:
                hq.handover(household, device, who, f"合并疑似重复 {entry_id}", within=s)
        sent: list[tuple[str, dict[str, Any]]] = []
        present = {
            _person(json.loads(r.data)) for r in hqrows.of_household(s, keep, "member") if not r.deleted
        }
        for rec in hqrows.of_household(s, gone, "member"):
            row = json.loads(rec.data)
            if rec.deleted or _person(row) in present:
                continue
            relation = (
                Relation.OTHER.value if row.get("relation") == Relation.HEAD.value else row.get("relation")
            )
            sent.append(("member", _bump(row, household_id=keep, relation=relation)))
        for entity in MOVED:
            for rec in hqrows.of_household(s, gone, entity):
                sent.append((entity, _bump(json.loads(rec.data), household_id=keep)))
                if entity == "referral":
                    sent += [
                        ("referral_event", json.loads(e.data)) for e in hqrows.referral_events(s, rec.row_id)
                    ]
        home = hqwrite.record(s, "household", gone)
        closing = f"已合并到 {codes.get(keep, keep[:8])}（疑似重复 {entry_id}）"
        hrow = json.loads(home.data)
        hrow = _bump(
            hrow,
            status=HouseholdStatus.CLOSED.value,
            closed_on=clock.today().isoformat(),
            note=(str(hrow.get("note") or "") + " " + closing).strip(),
        )
        sent.append(("household", hrow))
        for entity, row in sent:  # the rows that move now belong to the survivor's file
            if entity != "household":
                s.execute(
                    update(LedgerRow)
                    .where(LedgerRow.row_id == str(row["id"]), LedgerRow.entity == entity)
                    .values(household_id=keep)
                )
        for entity, row in sent:
            if entity != "referral_event":
                hqwrite.write(s, entity, row)
            for target in {device, former} - {"hq"}:
                if target == device or entity == "household":  # the former owner learns of the closing
                    hqwrite.queue(s, target, "record", {"entity": entity, "row": row})
        for other in s.scalars(
            select(SuspectedDuplicate).where(
                SuspectedDuplicate.status == "open",
                or_(
                    (SuspectedDuplicate.household_a == d.household_a)
                    & (SuspectedDuplicate.household_b == d.household_b),
                    SuspectedDuplicate.id == entry_id,
                ),
            )
        ):
            other.status, other.resolved_at, other.note = "merged", utcnow(), note.strip()[:500]
        ledger_index.refresh(s, [keep, gone])
        detail = (
            f"保留 {codes.get(keep, keep)}，并入 {codes.get(gone, gone)}，负责设备 {device}；{note.strip()}"
        )
        accounts.audit(
            s, who if staff else CLI, "duplicate_merge", f"疑似重复 {entry_id}", detail[:500], client
        )
    return {"kept": codes.get(keep, keep), "merged": codes.get(gone, gone), "device": device}
