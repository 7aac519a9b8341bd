"""设备与干部 as a paged list: search, sort and paging in SQL, figures only for the page's devices.

A city has thousands of field devices; the page used to load every device, every batch count and
every household's (sealed) cadre name. Now the page's 20 device ids are chosen in SQL first
(search by device name, device id prefix or cadre name; sort by name, enrolment or last batch;
device and cadre names are sealed, so matching and ordering by name open them in Python),
then only those devices' batch counts, household counts and cadres are read. A county clerk sees
the devices that hold households of their county, decided in SQL like every other list
(hq_household_index, migration 0012's (county_code, deleted, device_id) index).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, ScalarSelect, Select, false, func, or_, select

from fieldapp.hq.accounts import Staff
from fieldapp.hq.ledger import MAX_PAGE_SIZE, PAGE_SIZE, local_time
from fieldapp.hq.models import Batch, Device, HouseholdIndex
from fieldapp.hq.stats_models import StatCadre

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from fieldapp.hq.store import HQ

SORT_LABELS = {"name": "设备名称", "recent": "最近同步", "enrolled": "登记时间"}
MAX_CADRES = 500  # cadres a search word may match; a word matching more is too vague to help
_ID_PREFIX = re.compile(r"^[0-9a-fA-F-]{4,36}$")


class DeviceLine(BaseModel):
    """设备列表的一行。"""

    device_id: str = Field(description="设备编号")
    name: str = Field(description="登记名称，如 兰陵县-王芳")
    cadres: list[str] = Field(description="该设备负责的困难户所结对的干部")
    enrolled_at: str = Field(description="登记时间（北京时间）")
    revoked: bool = Field(description="是否已停用")
    last_batch_at: str = Field(description="最后一批到达的时间（北京时间），未收到为空")
    batches: int = Field(description="已收到的批次数")
    households: int = Field(description="负责的困难户数（县区账号只计本县区的）")


class DevicePage(BaseModel):
    total: int
    page: int
    page_size: int
    pages: int
    items: list[DeviceLine]


@dataclass
class DeviceQuery:
    q: str = ""
    sort: str = "name"
    page: int = 1
    page_size: int = PAGE_SIZE


def _live_homes(staff: Staff) -> Select[str]:
    h = HouseholdIndex
    stmt = select(h.device_id).where(h.deleted == 0)
    return stmt.where(h.county_code == staff.county_code) if staff.county_code else stmt


def visible(staff: Staff) -> Select[str]:
    """The ids of the devices this account may see: all of them, or a county's (those holding
    households of the county)."""
    stmt = select(Device.device_id)
    if staff.county_code:
        stmt = stmt.where(Device.device_id.in_(_live_homes(staff)))
    return stmt


def _cadres_named(s: Session, term: str) -> list[str]:
    """Ids of the cadres whose name contains the term. Names are sealed (hq/sealed.py): opened
    here from hq_stat_cadre, one short row per cadre, never compared in SQL."""
    found = [c.cadre_id for c in s.scalars(select(StatCadre)) if term in c.name]
    return found[: MAX_CADRES + 1]


def _devices_named(s: Session, term: str) -> list[str]:
    """Ids of the devices whose name contains the term. Device names are sealed too (migration
    0014): opened here, one short row per device, never compared in SQL."""
    return [d.device_id for d in s.scalars(select(Device)) if term in d.name]


def _match(s: Session, term: str) -> ColumnElement[bool]:
    d = Device
    cond: list[ColumnElement[bool]] = []
    named = _devices_named(s, term)
    if named:
        cond.append(d.device_id.in_(named))
    if _ID_PREFIX.match(term):
        cond.append(d.device_id.startswith(term.lower(), autoescape=True))
    cadres = _cadres_named(s, term)
    if cadres and len(cadres) <= MAX_CADRES:
        h = HouseholdIndex
        holding = select(h.device_id).where(h.cadre_id.in_(cadres), h.deleted == 0)
        cond.append(d.device_id.in_(holding))
    return or_(*cond) if cond else false()


def _last_batch() -> ScalarSelect[Any]:
    """The device's latest batch time, one index probe per device (hq_batch (device_id, received_at))."""
    return select(func.max(Batch.received_at)).where(Batch.device_id == Device.device_id).scalar_subquery()


@dataclass(frozen=True)
class PageIds:
    total: int
    page: int
    page_size: int
    pages: int
    ids: list[str]


def search(hq: HQ, staff: Staff, query: DeviceQuery) -> DevicePage:
    """One page of devices: the page's ids in SQL, then the figures of those devices only."""
    with hq.session() as s:
        found = page_ids(s, staff, query)
        items = lines(s, staff, found.ids)
    return DevicePage(
        total=found.total, page=found.page, page_size=found.page_size, pages=found.pages, items=items
    )


def page_ids(s: Session, staff: Staff, query: DeviceQuery) -> PageIds:
    """The ids of one page of devices, searched and sorted, with the count of all that match."""
    size = max(1, min(query.page_size, MAX_PAGE_SIZE))
    d = Device
    keys = visible(staff)
    for term in query.q.split()[:3]:
        keys = keys.where(_match(s, term[:100]))
    total = int(s.scalar(select(func.count()).select_from(keys.subquery())) or 0)
    pages = max(1, -(-total // size))
    page = max(1, min(query.page, pages))
    if query.sort in ("recent", "enrolled"):
        if query.sort == "recent":
            order = [_last_batch().desc().nulls_last(), d.device_id]
        else:
            order = [d.enrolled_at.desc(), d.device_id]
        ids = list(s.scalars(keys.order_by(*order).limit(size).offset((page - 1) * size)))
    else:  # by name: names are sealed, so the wanted devices' names are opened and sorted here
        wanted = set(s.scalars(keys))
        named = sorted(
            (dev.name, dev.device_id) for dev in s.scalars(select(Device)) if dev.device_id in wanted
        )
        ids = [device_id for _name, device_id in named[(page - 1) * size : page * size]]
    return PageIds(total, page, size, pages, ids)


def lines(s: Session, staff: Staff, ids: list[str]) -> list[DeviceLine]:
    """The list lines of these devices (in this order), each figure read for these ids only."""
    if not ids:
        return []
    found = {x.device_id: x for x in s.scalars(select(Device).where(Device.device_id.in_(ids)))}
    batches = {
        row[0]: (int(row[1]), row[2])
        for row in s.execute(
            select(Batch.device_id, func.count(), func.max(Batch.received_at))
            .where(Batch.device_id.in_(ids))
            .group_by(Batch.device_id)
        )
    }
    h = HouseholdIndex
    homes = _live_homes(staff).where(h.device_id.in_(ids))
    counts = dict(s.execute(homes.with_only_columns(h.device_id, func.count()).group_by(h.device_id)).all())
    cadre_of: dict[str, set[str]] = {}
    for device_id, cadre_id in s.execute(homes.with_only_columns(h.device_id, h.cadre_id).distinct()):
        if cadre_id:
            cadre_of.setdefault(device_id, set()).add(cadre_id)
    wanted = sorted({c for v in cadre_of.values() for c in v})
    names = (
        {c.cadre_id: c.name for c in s.scalars(select(StatCadre).where(StatCadre.cadre_id.in_(wanted)))}
        if wanted
        else {}
    )
    out = []
    for device_id in ids:
        dev = found.get(device_id)
        if dev is None:
            continue
        n, at = batches.get(device_id, (0, None))
        out.append(
            DeviceLine(
                device_id=device_id,
                name=dev.name,
                cadres=sorted({names[c] for c in cadre_of.get(device_id, set()) if names.get(c)}),
                enrolled_at=local_time(dev.enrolled_at),
                revoked=dev.revoked_at is not None,
                last_batch_at=local_time(at) if at is not None else "",
                batches=n,
                households=int(counts.get(device_id, 0)),
            )
        )
    return out


def find(hq: HQ, staff: Staff, device_id: str) -> DeviceLine | None:
    """One device, or None when it does not exist *for this account*."""
    with hq.session() as s:
        if s.scalar(visible(staff).where(Device.device_id == device_id[:36])) is None:
            return None
        found = lines(s, staff, [device_id[:36]])
    return found[0] if found else None
