"""The re-survey campaign (再摸底, 临会发〔2014〕20号): set at headquarters, sent to every device.

The body sent with `hq.add_outgoing("*", "campaign", body)` is the one in docs (contract section 2):
{"id", "name", "start", "end", "counties"}; an empty county list means the whole city.
Progress is counted in SQL over hq_stat_household and hq_stat_visit (hq.stats_index).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select

from fieldapp.domain.divisions import divisions
from fieldapp.hq import stats_rollup
from fieldapp.hq.stats_models import Campaign, StatHousehold, StatVisit
from fieldapp.hq.store import HQ

CLOSED = "已销档"


class CampaignError(ValueError):
    """A campaign that cannot be set; the message is for the person who typed it."""


@dataclass(frozen=True)
class CampaignOut:
    id: str
    name: str
    start: str
    end: str
    counties: tuple[str, ...]

    @property
    def body(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "counties": list(self.counties),
        }

    @property
    def county_names(self) -> str:
        if not self.counties:
            return "全市"
        names = {d.code: d.name for d in divisions().counties()}
        return "、".join(names.get(c, c) for c in self.counties)


def _out(c: Campaign) -> CampaignOut:
    return CampaignOut(c.id, c.name, c.start, c.end, tuple(x for x in c.counties.split(",") if x))


def _parse_date(text: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise CampaignError(f"{label}“{text}”不是有效日期，请按 2026-12-01 的格式填写。") from None


def validate(name: str, start: str, end: str, counties: list[str]) -> tuple[str, dt.date, dt.date, list[str]]:
    name = (name or "").strip()
    if not name:
        raise CampaignError("请填写摸底活动名称，如“2026年12月再摸底”。")
    if len(name) > 100:
        raise CampaignError("活动名称不能超过100个字。")
    first = _parse_date(start, "开始日期")
    last = _parse_date(end, "结束日期")
    if last < first:
        raise CampaignError(f"结束日期（{last}）早于开始日期（{first}），请改正后再提交。")
    if (last - first).days > 366:
        raise CampaignError("摸底期限不能超过一年。")
    known = {d.code for d in divisions().counties()}
    chosen = sorted({c.strip() for c in counties if c and c.strip()})
    bad = [c for c in chosen if c not in known]
    if bad:
        raise CampaignError(f"没有这个县区代码：{'、'.join(bad)}。")
    return name, first, last, chosen


def set_campaign(hq: HQ, name: str, start: str, end: str, counties: list[str], by: str = "") -> CampaignOut:
    """Store the campaign and queue it for every device; nothing is stored when the input is bad."""
    name, first, last, chosen = validate(name, start, end, counties)
    c = Campaign(
        id=str(uuid.uuid4()),
        name=name,
        start=first.isoformat(),
        end=last.isoformat(),
        counties=",".join(chosen),
        created_by=by[:50],
    )
    with hq.session() as s:
        s.add(c)
        s.flush()
        stats_rollup.rebuild(s)  # the progress rollup counts the newest campaign
    out = _out(c)
    hq.add_outgoing("*", "campaign", out.body)
    return out


def campaigns(hq: HQ) -> list[CampaignOut]:
    """Newest first, as the device orders them (start date, then id)."""
    with hq.session() as s:
        rows = s.scalars(select(Campaign).order_by(Campaign.start.desc(), Campaign.id.desc()))
        return [_out(c) for c in rows]


def current(hq: HQ) -> CampaignOut | None:
    found = campaigns(hq)
    return found[0] if found else None


def find(hq: HQ, campaign_id: str) -> CampaignOut | None:
    with hq.session() as s:
        return find_in(s, campaign_id)


def find_in(s: Any, campaign_id: str) -> CampaignOut | None:
    c = s.get(Campaign, campaign_id)
    return _out(c) if c is not None else None


# --- progress --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressRow:
    key: str  # county / township code or cadre id
    label: str
    households: int
    visited: int
    not_visited: int
    overdue: int

    @property
    def percent(self) -> str:
        return f"{100 * self.visited / self.households:.0f}%" if self.households else "—"


def in_scope(c: CampaignOut, county: str = "") -> Any:
    h = StatHousehold
    cond = and_(h.deleted == 0, h.status != CLOSED)
    if c.counties:
        cond = and_(cond, h.county_code.in_(c.counties))
    if county:
        cond = and_(cond, h.county_code == county)
    return cond


def visited_in(c: CampaignOut) -> Any:
    """A face-to-face visit in the period. The household's last such visit answers it without
    looking at visits (a running campaign: nothing is later than today); only households whose
    last visit came after the period (a past campaign) are looked up in hq_stat_visit."""
    v, h = StatVisit, StatHousehold
    later = exists().where(
        v.household_id == h.household_id,
        v.deleted == 0,
        v.face_to_face == 1,
        v.visit_date >= c.start,
        v.visit_date <= c.end,
    )
    return or_(and_(h.last_f2f_on >= c.start, h.last_f2f_on <= c.end), and_(h.last_f2f_on > c.end, later))


SORTS = {  # the per-cadre table's orders: "key" is the group's code (today's order)
    "key": ("键", False),
    "households": ("应摸底户数", True),
    "visited": ("已当面走访", True),
    "not_visited": ("尚未走访", True),
    "percent": ("完成率", False),
}


def _grouped(s: Any, c: CampaignOut, by: str, county: str, live: bool) -> Any:
    """(key, households, visited) per group, as a subquery: read from the rollup kept at ingest
    (hq.stats_rollup) when it counts this campaign, else counted over the households (`live`)."""
    from fieldapp.hq import stats_rollup

    if not live and stats_rollup.counted_campaign(s) == c.id:
        r = stats_rollup.StatCampaignRollup
        group = {"county": r.county_code, "township": r.township_code, "cadre": r.cadre_id}[by]
        q = select(group.label("key"), func.sum(r.households).label("n"), func.sum(r.visited).label("v"))
        if county:
            q = q.where(r.county_code == county)
        if c.counties:  # the rollup holds only the campaign's counties already; kept for clarity
            q = q.where(r.county_code.in_(c.counties))
        return q.group_by(group).subquery()
    h = StatHousehold
    group = {"county": h.county_code, "township": h.township_code, "cadre": h.cadre_id}[by]
    seen = case((visited_in(c), 1), else_=0)
    q = (
        select(group.label("key"), func.count().label("n"), func.sum(seen).label("v"))
        .where(in_scope(c, county))
        .group_by(group)
    )
    return q.subquery()


def progress(
    hq: HQ, c: CampaignOut, by: str, today: dt.date, county: str = "", live: bool = False
) -> list[ProgressRow]:
    """by: "county", "township" or "cadre". Overdue = not visited once the period has ended.
    Every group, in code order; `live` counts over the households instead of the rollup."""
    with hq.session() as s:
        g = _grouped(s, c, by, county, live)
        rows = [(str(k or ""), int(n), int(v or 0)) for k, n, v in s.execute(select(g).order_by(g.c.key))]
        labels = _labels(s, by, [k for k, _, _ in rows])
    late = today.isoformat() > c.end
    return [
        ProgressRow(k, labels.get(k, k or "未结对"), n, v, n - v, (n - v) if late else 0)
        for k, n, v in rows
        if n
    ]


@dataclass(frozen=True)
class ProgressPage:
    rows: list[ProgressRow]
    total: ProgressRow  # the totals row, summed in SQL
    groups: int  # how many groups in all
    page: int
    pages: int
    sort: str


def progress_page(
    hq: HQ,
    c: CampaignOut,
    by: str,
    today: dt.date,
    county: str = "",
    page: int = 1,
    sort: str = "not_visited",
    per_page: int = 20,
    live: bool = False,
) -> ProgressPage:
    """One page of `per_page` groups in `sort` order (ties by code), and the totals of all."""
    sort = sort if sort in SORTS else "not_visited"
    late = today.isoformat() > c.end
    with hq.session() as s:
        g = _grouped(s, c, by, county, live)
        n, v = func.coalesce(g.c.n, 0), func.coalesce(g.c.v, 0)
        live_rows = g.c.n > 0
        groups, total_n, total_v = s.execute(
            select(func.count(), func.sum(n), func.sum(v)).select_from(g).where(live_rows)
        ).one()
        groups, total_n, total_v = int(groups or 0), int(total_n or 0), int(total_v or 0)
        pages = max(1, -(-groups // per_page))
        page = max(1, min(page, pages))
        order: Any = {
            "key": g.c.key,
            "households": n.desc(),
            "visited": v.desc(),
            "not_visited": (n - v).desc(),
            "percent": (v * 1.0 / n).asc(),
        }[sort]
        q = (
            select(g.c.key, n, v)
            .where(live_rows)
            .order_by(order, g.c.key)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        found = [(str(k or ""), int(a), int(b or 0)) for k, a, b in s.execute(q)]
        labels = _labels(s, by, [k for k, _, _ in found])
    rows = [
        ProgressRow(k, labels.get(k, k or "未结对"), a, b, a - b, (a - b) if late else 0) for k, a, b in found
    ]
    not_v = total_n - total_v
    total = ProgressRow("", "合计", total_n, total_v, not_v, not_v if late else 0)
    return ProgressPage(rows, total, groups, page, pages, sort)


def _labels(s: Any, by: str, keys: list[str]) -> dict[str, str]:
    from fieldapp.hq.stats import cadre_names, division_names

    if by == "cadre":
        return cadre_names(s, keys)
    return division_names(keys)
