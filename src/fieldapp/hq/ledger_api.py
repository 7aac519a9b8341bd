"""Queries the JSON API needs beyond the console's (hq/ledger.py): conflicts scoped by county,
devices with their cadres, contact, gaps and alerts.

Conflicts: which conflicts an account sees is decided in SQL through the household each
conflicting row belongs to (hq_ledger_row → hq_household_index.county_code); a conflict on a row
that belongs to no household (a cadre) is seen by whole-city accounts only. The values shown side
by side come from ledger.conflicts (through HQ.conflicts, the one place that reads them).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, and_, case, func, select

from fieldapp.hq import device_list, devicenames, ledger, limits
from fieldapp.hq.accounts import Staff
from fieldapp.hq.device_list import DeviceQuery
from fieldapp.hq.ledger import ALERT_LABELS, MAX_PAGE_SIZE, ConflictOut, local_time
from fieldapp.hq.models import Alert, Batch, Conflict, Device, HouseholdIndex, LedgerRow

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

WHOLE_CITY = Staff(0, "接口", "city")
ALERTS_PER_DEVICE = 10


# --- conflicts ---------------------------------------------------------------------------------------


class ConflictPage(BaseModel):
    """冲突队列的一页（按发现先后）。"""

    total: int = Field(description="符合条件的冲突总数")
    page: int = Field(description="页码（从1开始）")
    page_size: int = Field(description="每页条数")
    pages: int = Field(description="总页数")
    items: list[ConflictOut] = Field(description="冲突：两边的值按中文字段名并列")


def _household_of_conflict() -> ColumnElement[str]:
    return case((Conflict.entity == "household", Conflict.row_id), else_=LedgerRow.household_id)


def _visible_conflicts(staff: Staff, include_resolved: bool) -> Select[int]:
    hid = _household_of_conflict()
    stmt = (
        select(Conflict.id)
        .outerjoin(LedgerRow, and_(LedgerRow.row_id == Conflict.row_id, LedgerRow.entity == Conflict.entity))
        .outerjoin(HouseholdIndex, HouseholdIndex.household_id == hid)
    )
    if staff.county_code:
        stmt = stmt.where(HouseholdIndex.county_code == staff.county_code, HouseholdIndex.deleted == 0)
    if not include_resolved:
        stmt = stmt.where(Conflict.resolved_at.is_(None))
    return stmt


def search_conflicts(
    hq: HQ, staff: Staff, include_resolved: bool = False, page: int = 1, page_size: int = ledger.PAGE_SIZE
) -> ConflictPage:
    """Conflicts this account may see, paged in SQL."""
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    stmt = _visible_conflicts(staff, include_resolved)
    with hq.session() as s:
        total = int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
        pages = max(1, -(-total // size))
        page = max(1, min(page, pages))
        ids = list(s.scalars(stmt.order_by(Conflict.id).limit(size).offset((page - 1) * size)))
    items = ledger.conflicts(hq, WHOLE_CITY, include_resolved, ids) if ids else []
    return ConflictPage(total=total, page=page, page_size=size, pages=pages, items=items)


def conflict(hq: HQ, staff: Staff, conflict_id: int) -> ConflictOut | None:
    """One conflict (open or resolved), or None when it does not exist *for this account*."""
    with hq.session() as s:
        found = s.scalar(_visible_conflicts(staff, True).where(Conflict.id == conflict_id))
    if found is None:
        return None
    return next(iter(ledger.conflicts(hq, WHOLE_CITY, True, [conflict_id])), None)


# --- devices -----------------------------------------------------------------------------------------


class DeviceAlertOut(BaseModel):
    at: str = Field(description="时间（北京时间）")
    kind: str = Field(description="告警类别（中文），如 疑似复制的数据库（克隆）")
    message: str = Field(description="拒收或告警的中文说明")


class DeviceDetailOut(BaseModel):
    """一台登记过的设备：干部、最后一批、最后联系、缺少的批次、告警。"""

    device_id: str = Field(description="设备编号")
    name: str = Field(description="登记名称，如 兰陵县-王芳")
    cadres: list[str] = Field(description="该设备负责的困难户所登记的干部")
    enrolled_at: str = Field(description="登记时间（北京时间）")
    revoked: bool = Field(description="是否已停用")
    status: str = Field(description="状态：正常、已停用、有告警")
    households: int = Field(description="负责的困难户数")
    batches: int = Field(description="已收到的批次数")
    last_batch_seq: int = Field(description="已收到的最大批次号（0 为尚未收到）")
    last_batch_at: str = Field(description="最后一批到达的时间（北京时间），未收到为空")
    last_seen_at: str = Field(description="最后一次联系（收到批次、拒收批次或登记）的时间（北京时间）")
    gaps: list[list[int]] = Field(description="缺少的批次号区间 [起, 止]")
    gaps_text: str = Field(description="缺少的批次（中文），如 第 3–5 批；无缺少为空")
    alerts: int = Field(description="告警总数")
    recent_alerts: list[DeviceAlertOut] = Field(description="最近的告警（最新的在前）")


def _later(*times: dt.datetime | None) -> dt.datetime | None:
    known = [t.replace(tzinfo=None) for t in times if t is not None]
    return max(known) if known else None


class DeviceDetailPage(BaseModel):
    """设备列表的一页（默认按名称排序，每页20台）。"""

    total: int = Field(description="符合条件的设备总数")
    page: int = Field(description="页码（从1开始）")
    page_size: int = Field(description="每页条数")
    pages: int = Field(description="总页数")
    items: list[DeviceDetailOut] = Field(description="设备：干部、最后一批、最后联系、缺少的批次、告警")


def device_page(hq: HQ, query: DeviceQuery) -> DeviceDetailPage:
    """A page of devices, searched, sorted and paged in SQL (hq/device_list.py), whole city."""
    with hq.session() as s:  # the page's ids only: devices() reads their figures once
        found = device_list.page_ids(s, WHOLE_CITY, query)
    items = devices(hq, ids=found.ids)
    return DeviceDetailPage(
        total=found.total, page=found.page, page_size=found.page_size, pages=found.pages, items=items
    )


def devices(hq: HQ, max_gap_ranges: int | None = None, ids: list[str] | None = None) -> list[DeviceDetailOut]:
    """These devices in this order, or every device by name (whole city: the caller checks the
    account may see them). Every figure is read for the wanted devices only."""
    cap = max_gap_ranges or hq.limits.max_gap_ranges
    with hq.session() as s:
        if ids is None:
            found = devicenames.ordered(s)  # names are sealed: ordered in Python
        else:
            known = {d.device_id: d for d in s.scalars(select(Device).where(Device.device_id.in_(ids)))}
            found = [known[i] for i in ids if i in known]
        wanted = [d.device_id for d in found]
        if not wanted:
            return []
        batches = {
            row[0]: (int(row[1]), int(row[2] or 0), row[3])
            for row in s.execute(
                select(Batch.device_id, func.count(), func.max(Batch.seq), func.max(Batch.received_at))
                .where(Batch.device_id.in_(wanted))
                .group_by(Batch.device_id)
            )
        }
        lines = {d.device_id: d for d in device_list.lines(s, WHOLE_CITY, wanted)}
        alert_counts = {
            row[0]: (int(row[1]), row[2])
            for row in s.execute(
                select(Alert.device_id, func.count(), func.max(Alert.at))
                .where(Alert.device_id.in_(wanted))
                .group_by(Alert.device_id)
            )
        }
        out = []
        for d in found:
            n, top, last_at = batches.get(d.device_id, (0, 0, None))
            gaps: list[list[int]] = []
            if n and n != top:  # numbers 1..top all present exactly when there are `top` of them
                seqs = list(s.scalars(select(Batch.seq).where(Batch.device_id == d.device_id)))
                gaps = limits.gap_ranges(seqs, cap)
            n_alerts, alert_at = alert_counts.get(d.device_id, (0, None))
            recent = (
                [
                    DeviceAlertOut(
                        at=local_time(a.at), kind=ALERT_LABELS.get(a.code, "批次被拒收"), message=a.message
                    )
                    for a in s.scalars(
                        select(Alert)
                        .where(Alert.device_id == d.device_id)
                        .order_by(Alert.id.desc())
                        .limit(ALERTS_PER_DEVICE)
                    )
                ]
                if n_alerts
                else []
            )
            revoked = d.revoked_at is not None
            out.append(
                DeviceDetailOut(
                    device_id=d.device_id,
                    name=d.name,
                    cadres=lines[d.device_id].cadres,
                    enrolled_at=local_time(d.enrolled_at),
                    revoked=revoked,
                    status="已停用" if revoked else ("有告警" if n_alerts else "正常"),
                    households=lines[d.device_id].households,
                    batches=n,
                    last_batch_seq=top,
                    last_batch_at=local_time(last_at) if last_at is not None else "",
                    last_seen_at=local_time(_later(d.enrolled_at, last_at, alert_at)),
                    gaps=gaps,
                    gaps_text=f"第 {limits.describe_gaps(gaps)} 批" if gaps else "",
                    alerts=n_alerts,
                    recent_alerts=recent,
                )
            )
    return out
