"""The 疑似重复 queue as the console shows and works it (issue 11); hq/duplicates.py fills it.

Scope: whole-city accounts see every entry; a county clerk sees the entries where either household
is in the clerk's county (another county's entry is "not found", 404). Paged in SQL. Marking an
entry 不同户 (distinct) takes it out of the queue for good: the pair keeps its row (unique key
token + pair), so a later ingest of the same pair finds it known and does not queue it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from fieldapp.domain.idcard import mask_id_number
from fieldapp.hq import accounts, actions, ledger
from fieldapp.hq.accounts import CLI, Staff, county_name
from fieldapp.hq.models import Device, HouseholdIndex, LedgerRow, Record, SuspectedDuplicate
from fieldapp.storage.base import utcnow
from fieldapp.sync.protocol import SyncError

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

PAGE_SIZE = 20
STATUS_LABELS = {"open": "待处理", "distinct": "已标为不同户", "merged": "已合并"}
NOT_FOUND = "没有这一条疑似重复，或不在您的查看范围内。"


class Side(BaseModel):
    household_id: str
    code: str
    head_name: str
    village: str
    county: str
    cadre: str
    device: str
    members: int
    matching_member: str
    matching_id_masked: str


class Entry(BaseModel):
    id: int
    status: str
    status_label: str
    detected_at: str
    resolved_at: str
    note: str  # why 标为不同户 (or the merge's note); "" while open
    a: Side
    b: Side


class EntryPage(BaseModel):
    total: int
    page: int
    pages: int
    items: list[Entry]


def _visible(staff: Staff) -> Select[SuspectedDuplicate, HouseholdIndex, HouseholdIndex]:
    """The entries this account may see, with both households' index rows (either may be gone)."""
    d = SuspectedDuplicate
    ha, hb = aliased(HouseholdIndex), aliased(HouseholdIndex)
    stmt = (
        select(d, ha, hb)
        .outerjoin(ha, ha.household_id == d.household_a)
        .outerjoin(hb, hb.household_id == d.household_b)
    )
    if staff.county_code:
        stmt = stmt.where(or_(ha.county_code == staff.county_code, hb.county_code == staff.county_code))
    return stmt


def _side(s: Session, household_id: str, idx: HouseholdIndex | None, member_id: str) -> Side:
    member = s.get(Record, (member_id, "member"))
    m = json.loads(member.data) if member is not None else {}
    count = s.scalar(
        select(func.count())
        .select_from(LedgerRow)
        .join(Record, and_(Record.row_id == LedgerRow.row_id, Record.entity == LedgerRow.entity))
        .where(LedgerRow.household_id == household_id, LedgerRow.entity == "member", Record.deleted == 0)
    )
    device = s.get(Device, idx.device_id) if idx is not None else None
    return Side(
        household_id=household_id,
        code=idx.code if idx is not None else household_id[:8],
        head_name=idx.head_name if idx is not None else "",
        village=idx.village_name if idx is not None else "",
        county=county_name(idx.county_code) if idx is not None else "",
        cadre=idx.cadre_name if idx is not None else "",
        device=device.name if device is not None else (idx.device_id if idx is not None else ""),
        members=int(count or 0),
        matching_member=str(m.get("name") or ""),
        matching_id_masked=mask_id_number(str(m["id_number"])) if m.get("id_number") else "",
    )


def _entry(s: Session, d: SuspectedDuplicate, ia: HouseholdIndex | None, ib: HouseholdIndex | None) -> Entry:
    return Entry(
        id=d.id,
        status=d.status,
        status_label=STATUS_LABELS.get(d.status, d.status),
        detected_at=ledger.local_time(d.detected_at),
        resolved_at=ledger.local_time(d.resolved_at) if d.resolved_at else "",
        note=d.note or "",
        a=_side(s, d.household_a, ia, d.member_a),
        b=_side(s, d.household_b, ib, d.member_b),
    )


def entries(hq: HQ, staff: Staff, status: str = "open", page: int = 1) -> EntryPage:
    stmt = _visible(staff).where(SuspectedDuplicate.status == (status if status in STATUS_LABELS else "open"))
    with hq.session() as s:
        total = int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
        pages = max(1, -(-total // PAGE_SIZE))
        page = max(1, min(page, pages))
        rows = s.execute(stmt.order_by(SuspectedDuplicate.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE))
        items = [_entry(s, d, ia, ib) for d, ia, ib in rows]
    return EntryPage(total=total, page=page, pages=pages, items=items)


def entry(hq: HQ, staff: Staff, entry_id: int) -> Entry | None:
    """One entry this account may see (any status), or None."""
    with hq.session() as s:
        found = s.execute(_visible(staff).where(SuspectedDuplicate.id == entry_id)).first()
        return _entry(s, *found) if found is not None else None


def visible(hq: HQ, staff: Staff, entry_id: int) -> bool:
    with hq.session() as s:
        return s.execute(_visible(staff).where(SuspectedDuplicate.id == entry_id)).first() is not None


def mark_distinct(hq: HQ, staff: Staff | None, entry_id: int, note: str, client: str = CLI) -> None:
    """标为不同户: the two households are different families; the entry leaves the queue, audited."""
    actions.check(staff, "duplicate_resolve")
    if staff is not None and not visible(hq, staff, entry_id):
        raise actions.NotFound(NOT_FOUND)
    note = note.strip()[:500]
    if not note:
        raise SyncError("INVALID", "请写明为什么是不同的户（如：同名同号系录入错误，已核实）。")
    with hq.session() as s:
        d = s.get(SuspectedDuplicate, entry_id)
        if d is None:
            raise actions.NotFound(NOT_FOUND)
        if d.status != "open":
            raise SyncError("INVALID", f"这一条已处理（{STATUS_LABELS.get(d.status, d.status)}）。")
        d.status, d.resolved_at, d.note = "distinct", utcnow(), note  # kept with the pair, sealed
        target = f"疑似重复 {entry_id}"
        accounts.audit(
            s, staff.name if staff else CLI, "duplicate_distinct", target, f"标为不同户：{note}", client
        )


EXPORT_COLUMNS = [
    "编号",
    "状态",
    "发现时间",
    "处理时间",
    "处理说明",
    "甲户编号",
    "甲户户主",
    "甲户县区",
    "甲户帮扶干部",
    "乙户编号",
    "乙户户主",
    "乙户县区",
    "乙户帮扶干部",
    "号码相同的成员（身份证号已遮盖）",
]


def export_rows(hq: HQ, staff: Staff, status: str = "open") -> Iterator[list[str | int]]:
    """The queue as an export lists it (every page, the same scope and masking as the page)."""
    page, pages = 1, 1
    while page <= pages:
        result = entries(hq, staff, status, page)
        pages = result.pages
        for e in result.items:
            yield [
                e.id,
                e.status_label,
                e.detected_at,
                e.resolved_at,
                e.note,
                e.a.code,
                e.a.head_name,
                e.a.county,
                e.a.cadre,
                e.b.code,
                e.b.head_name,
                e.b.county,
                e.b.cadre,
                f"{e.a.matching_member} {e.a.matching_id_masked}".strip(),
            ]
        page += 1
