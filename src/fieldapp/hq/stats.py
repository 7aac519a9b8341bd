"""The console's statistics: SQL over the aggregate tables (hq.stats_index), scoped by county.

Every function returns `Table`s that the pages, the Excel/CSV export and `fieldapp-hq report`
all render the same way. Every figure carries the link of the household list behind it
(`/console/stats/list?…`, filters in `household_conditions`). Missing item-19 values are NULL
in the tables and shown as 未填 — never summed as zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from fieldapp.domain import item19 as codes19
from fieldapp.domain.divisions import divisions
from fieldapp.domain.vocab import CAUSE_LABELS, HardshipCategory, HouseholdStatus, PairingBasis
from fieldapp.hq.accounts import Staff
from fieldapp.hq.models import HouseholdIndex, ReferralIndex
from fieldapp.hq.stats_models import (
    StatCadre,
    StatEconomy,
    StatHousehold,
    StatReferral,
    StatRelief,
    StatVisit,
    StatWorker,
)
from fieldapp.hq.store import HQ

MISSING = "未填"
LIST_URL = "/console/stats/list"
PAGE_SIZE = 50
AUTUMN_AID = "金秋助学"
ANNUAL = ("送温暖", "农民工平安返乡", "女职工关爱行动")  # one payment per household per year
DONE = "已办结"
OPEN = ("已转介", "已受理")
# item-19 codes and their labels: one table, the device's (fieldapp.domain.item19)
EMPLOYMENT = codes19.EMPLOYMENT
INSURANCE = codes19.INSURANCE
ECONOMY = {"annual_income": "家庭年收入"} | {k: f"{v}支出" for k, v in codes19.EXPENSES.items()}


class OutOfScope(LookupError):
    """A county this account may not see (answered 404, as if it did not exist)."""


@dataclass
class Row:
    cells: list[Any]
    links: list[str] = field(default_factory=list)

    def link(self, i: int) -> str:
        return self.links[i] if i < len(self.links) else ""


@dataclass
class Pager:
    """One page of a long table (the per-cadre ones): its rows were chosen and sorted in SQL."""

    page: int
    pages: int
    groups: int  # rows in all
    sort: str
    sorts: dict[int, str]  # column index -> sort key (a header link)
    query: dict[str, str] = field(default_factory=dict)  # the page's other parameters

    def url(self, page: int | None = None, sort: str | None = None) -> str:
        params = {**self.query, "sort": sort or self.sort, "page": str(page or 1)}
        return "?" + urlencode(params)


@dataclass
class Table:
    key: str
    title: str
    unit: str
    columns: list[str]
    rows: list[Row]
    totals: list[Any] | None = None
    note: str = ""
    pager: Pager | None = None


@dataclass(frozen=True)
class Scope:
    county: str  # "" = the whole city

    @property
    def label(self) -> str:
        return county_label(self.county) if self.county else "全市"


def county_label(code: str) -> str:
    return {d.code: d.name for d in divisions().counties()}.get(code, code or MISSING)


def scope_for(staff: Staff, county: str = "") -> Scope:
    """The county asked for, if this account may see it; a clerk is always in their county."""
    county = (county or "").strip()
    if staff.county_code:
        if county and county != staff.county_code:
            raise OutOfScope(county)
        return Scope(staff.county_code)
    if county and county not in {d.code for d in divisions().counties()}:
        raise OutOfScope(county)
    return Scope(county)


def _in_scope(scope: Scope) -> ColumnElement[bool]:
    h = StatHousehold
    cond = h.deleted == 0
    return and_(cond, h.county_code == scope.county) if scope.county else cond


def list_link(scope: Scope, **filters: Any) -> str:
    params = {k: str(v) for k, v in filters.items() if v not in (None, "")}
    if scope.county:
        params.setdefault("county", scope.county)
    return f"{LIST_URL}?{urlencode(params)}"


def division_names(codes: list[str]) -> dict[str, str]:
    index = divisions()
    names = {d.code: d.name for d in index.counties()}
    for code in {c[:6] for c in codes if len(c) == 9}:
        names.update({t.code: t.name for t in index.townships(code)})
    return {c: names.get(c, c) for c in codes if c}


def cadre_names(s: Session, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    wanted = sorted(set(ids) - {""})
    for i in range(0, len(wanted), 400):
        part = wanted[i : i + 400]
        q = select(StatCadre.cadre_id, StatCadre.name).where(StatCadre.cadre_id.in_(part))
        out.update({k: v or k[:8] for k, v in s.execute(q)})
    return out


def _days(hq: HQ, later: Any, earlier: Any) -> Any:
    """Days between two ISO date strings, in the database's own date arithmetic."""
    if hq.engine.dialect.name == "postgresql":
        from sqlalchemy import Date, cast

        return cast(later, Date) - cast(earlier, Date)
    return func.julianday(later) - func.julianday(earlier)


# --- households ------------------------------------------------------------------------------------

DIMENSIONS = {
    "county": ("县区", StatHousehold.county_code),
    "township": ("乡镇（街道）", StatHousehold.township_code),
    "category": ("困难类别", StatHousehold.category),
    "cause": ("主要致困原因", StatHousehold.main_cause),
    "basis": ("结对依据", StatHousehold.pairing_basis),
    "status": ("档案状态", StatHousehold.status),
}


def _dim_label(dim: str, key: Any, names: Mapping[str, str]) -> str:
    if key in (None, ""):
        return "未评定" if dim in ("category", "cause") else MISSING
    if dim == "cause":
        try:
            from fieldapp.domain.vocab import HardshipCause

            return CAUSE_LABELS[HardshipCause(int(key))]
        except (ValueError, KeyError):
            return str(key)
    if dim in ("county", "township"):
        return names.get(str(key), str(key))
    return str(key)


def households_by(hq: HQ, scope: Scope, dim: str) -> Table:
    title, col = DIMENSIONS[dim]
    stmt = select(col, func.count()).where(_in_scope(scope)).group_by(col).order_by(col)
    with hq.session() as s:
        found = [(k, int(n)) for k, n in s.execute(stmt)]
    names = division_names([str(k) for k, _ in found if k]) if dim in ("county", "township") else {}
    rows = []
    for key, n in found:
        value = "-" if key in (None, "") else key
        rows.append(Row([_dim_label(dim, key, names), n], ["", list_link(scope, **{dim: value})]))
    total = sum(n for _, n in found)
    return Table(
        f"households_{dim}",
        f"困难户按{title}统计",
        "户",
        [title, "户数"],
        rows,
        ["合计", total],
    )


def households_county_category(hq: HQ, scope: Scope) -> Table:
    """County (or township, inside one county) by hardship category: the stacked bar."""
    h = StatHousehold
    area = h.township_code if scope.county else h.county_code
    dim = "township" if scope.county else "county"
    cats = [c.value for c in HardshipCategory]
    cols = [func.sum(case((h.category == c, 1), else_=0)) for c in cats]
    unassessed = func.sum(case((h.category == "", 1), else_=0))
    stmt = select(area, *cols, unassessed, func.count()).where(_in_scope(scope)).group_by(area).order_by(area)
    with hq.session() as s:
        found = [tuple(r) for r in s.execute(stmt)]
    names = division_names([str(r[0]) for r in found if r[0]])
    rows = []
    for r in found:
        key = str(r[0] or "")
        links = [""] + [list_link(scope, **{dim: key or "-", "category": c}) for c in cats]
        links += [
            list_link(scope, **{dim: key or "-", "category": "-"}),
            list_link(scope, **{dim: key or "-"}),
        ]
        rows.append(Row([names.get(key, key or MISSING), *(int(x or 0) for x in r[1:])], links))
    totals: list[Any] = ["合计"] + [sum(int(r.cells[i]) for r in rows) for i in range(1, len(cats) + 3)]
    label = "乡镇（街道）" if scope.county else "县区"
    return Table(
        "households_area_category",
        f"各{label}困难户类别",
        "户",
        [label, *cats, "未评定", "合计"],
        rows,
        totals,
    )


# --- the household list behind every figure --------------------------------------------------------

FILTER_LABELS = {
    "county": "县区",
    "township": "乡镇（街道）",
    "category": "类别",
    "cause": "主要致困原因",
    "basis": "结对依据",
    "status": "状态",
    "cadre": "结对干部",
    "campaign": "摸底活动",
    "visit": "本期走访",
    "programme": "救助项目",
    "year": "年度",
    "emp": "就业状况",
    "arrears": "拖欠工资",
    "ref_kind": "转介事项",
    "ref_status": "转介状态",
    "ref_body": "接收单位",
    "ref_overdue": "转介逾期",
    "double": "重复救助",
}


def household_conditions(
    hq: HQ, scope: Scope, params: Mapping[str, str], today: dt.date
) -> list[ColumnElement[bool]]:
    """The filters of /console/stats/list, each one a condition on hq_stat_household."""
    h = StatHousehold
    conds: list[ColumnElement[bool]] = [_in_scope(scope)]

    def value(key: str) -> str | None:
        v = (params.get(key) or "").strip()
        return None if not v else ("" if v == "-" else v[:200])

    plain = {
        "township": h.township_code,
        "category": h.category,
        "basis": h.pairing_basis,
        "status": h.status,
        "cadre": h.cadre_id,
    }
    for key, col in plain.items():
        v = value(key)
        if v is not None:
            conds.append(col == v)
    cause = value("cause")
    if cause is not None:
        conds.append(h.main_cause.is_(None) if cause == "" else h.main_cause == _int(cause))
    campaign_id = value("campaign")
    if campaign_id:
        from fieldapp.hq import campaign as campaigns

        c = campaigns.find(hq, campaign_id)
        if c is not None:
            conds.append(campaigns.in_scope(c))
            visit = value("visit")
            if visit == "yes":
                conds.append(campaigns.visited_in(c))
            elif visit in ("no", "late"):
                conds.append(~campaigns.visited_in(c))
                if visit == "late" and today.isoformat() <= c.end:
                    conds.append(literal(False))
    programme, year, double = value("programme"), value("year"), value("double")
    if programme is not None or year is not None:
        r = StatRelief
        cond = and_(r.household_id == h.household_id, r.deleted == 0)
        if programme is not None:
            cond = and_(cond, r.programme == programme)
        if year is not None:
            cond = and_(cond, r.year == _int(year))
        conds.append(exists().where(cond))
    if double in ("student", "household"):
        conds.append(h.household_id.in_(double_funding_households(scope)))
    emp = value("emp")
    if emp is not None:
        w = StatWorker
        emp_cond = w.employment.is_(None) if emp == "" else w.employment == emp
        conds.append(exists().where(w.household_id == h.household_id, w.rank == 1, emp_cond))
    if value("arrears"):
        e = StatEconomy
        conds.append(exists().where(e.household_id == h.household_id, e.rank == 1, e.arrears_amount > 0))
    ref = [value(k) for k in ("ref_kind", "ref_status", "ref_body", "ref_overdue")]
    if any(v is not None for v in ref):
        r2 = ReferralIndex
        cond = and_(r2.household_id == h.household_id, r2.deleted == 0)
        if ref[0] is not None:
            cond = and_(cond, r2.kind_code == ref[0])
        if ref[1] is not None:
            cond = and_(cond, r2.status == ref[1])
        if ref[2] is not None:
            cond = and_(cond, r2.receiving_body == ref[2])
        if ref[3]:
            cond = and_(cond, r2.follow_up_due != "", r2.follow_up_due < today.isoformat())
        conds.append(exists().where(cond))
    return conds


def _int(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return -1


LIST_COLUMNS = [
    "编号",
    "户主",
    "村（社区）",
    "县区",
    "类别",
    "主要致困原因",
    "结对依据",
    "状态",
    "结对干部",
    "最近当面走访",
]


def _list_select(conds: list[ColumnElement[bool]]) -> Any:
    h, i = StatHousehold, HouseholdIndex
    return (
        select(
            h.household_id,
            i.code,
            i.head_name,
            i.village_name,
            h.county_code,
            h.category,
            h.main_cause,
            h.pairing_basis,
            h.status,
            i.cadre_name,
            h.last_f2f_on,
        )
        .join(i, i.household_id == h.household_id)
        .where(*conds)
    )


def _list_cells(r: Any, counties: Mapping[str, str]) -> list[Any]:
    cause = _dim_label("cause", r[6], {})
    return [
        r[1],
        r[2],
        r[3],
        counties.get(r[4], r[4]),
        r[5] or "未评定",
        cause,
        r[7],
        r[8],
        r[9],
        r[10] or "未走访",
    ]


@dataclass
class ListPage:
    total: int
    page: int
    pages: int
    rows: list[tuple[str, list[Any]]]  # household id, cells
    filters: list[tuple[str, str]]


def household_list(
    hq: HQ, scope: Scope, params: Mapping[str, str], today: dt.date, page: int = 1
) -> ListPage:
    conds = household_conditions(hq, scope, params, today)
    stmt = _list_select(conds)
    counties = {d.code: d.name for d in divisions().counties()}
    with hq.session() as s:
        total = int(s.scalar(select(func.count()).select_from(StatHousehold).where(*conds)) or 0)
        pages = max(1, -(-total // PAGE_SIZE))
        page = max(1, min(page, pages))
        found = s.execute(
            stmt.order_by(HouseholdIndex.code, StatHousehold.household_id)
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
        rows = [(str(r[0]), _list_cells(r, counties)) for r in found]
        shown = [
            (FILTER_LABELS[k], _filter_text(s, k, str(params[k]))) for k in FILTER_LABELS if params.get(k)
        ]
    return ListPage(total, page, pages, rows, shown)


def _filter_text(s: Session, key: str, value: str) -> str:
    """A filter as a clerk reads it: names, not codes."""
    if value == "-":
        return "未评定" if key in ("category", "cause") else MISSING
    if key in ("county", "township"):
        return division_names([value]).get(value, value)
    if key == "cause":
        return _dim_label("cause", value, {})
    if key == "cadre":
        return cadre_names(s, [value]).get(value, value)
    if key == "emp":
        return EMPLOYMENT.get(value, value)
    if key == "campaign":
        from fieldapp.hq import campaign

        c = campaign.find_in(s, value)
        return c.name if c is not None else value
    return {"yes": "已当面走访", "no": "尚未走访", "late": "逾期未走访"}.get(value, value)


def iter_household_list(
    hq: HQ, scope: Scope, params: Mapping[str, str], today: dt.date
) -> Iterator[list[Any]]:
    """Every row of the list, streamed from a server-side cursor (exports of a million rows)."""
    conds = household_conditions(hq, scope, params, today)
    counties = {d.code: d.name for d in divisions().counties()}
    stmt = _list_select(conds).order_by(HouseholdIndex.code, StatHousehold.household_id)
    with hq.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=2000).execute(stmt)
        for r in result:
            yield _list_cells(r, counties)


# --- item 19 ----------------------------------------------------------------------------------------


def _as_of(model: Any, group: Any, before: str | None) -> Any:
    """The latest observation of each household (or worker) before a date.

    The ranks kept at ingest (1 = latest, 2 = the one before) answer it for almost every group:
    the rank-1 row if it is dated before, else the rank-2 row if that one is. Only the groups
    whose rank-2 row is not earlier either (observed twice since the date; and the unranked
    group "") are searched with a window function over their older rows — the same order
    (observed_on, then id, descending) the ranks are kept in, so the same row is chosen."""
    if before is None:
        return select(model).where(model.rank == 1, model.deleted == 0).subquery()
    from sqlalchemy.orm import aliased

    key = group.key
    first = aliased(model)
    dated = and_(model.deleted == 0, model.observed_on != "", model.observed_on < before)
    latest = select(model).where(dated, model.rank == 1)
    since = select(getattr(first, key)).where(first.rank == 1, first.observed_on >= before)
    previous = select(model).where(dated, model.rank == 2, group.in_(since))
    second = aliased(model)
    deep = select(getattr(second, key)).where(second.rank == 2, second.observed_on >= before)
    ranked = (
        select(
            model,
            func.row_number()
            .over(partition_by=group, order_by=(model.observed_on.desc(), model.id.desc()))
            .label("n"),
        )
        .where(dated, model.rank == 0, or_(group == "", group.in_(deep)))
        .subquery()
    )
    slow = select(*[ranked.c[c.name] for c in model.__table__.columns]).where(ranked.c.n == 1)
    return union_all(latest, previous, slow).subquery()


def _as_of_window(model: Any, group: Any, before: str) -> Any:
    """The plain window over every observation (the computation _as_of replaced; tests)."""
    ranked = (
        select(
            model,
            func.row_number()
            .over(partition_by=group, order_by=(model.observed_on.desc(), model.id.desc()))
            .label("n"),
        )
        .where(model.deleted == 0, model.observed_on != "", model.observed_on < before)
        .subquery()
    )
    return select(ranked).where(ranked.c.n == 1).subquery()


def _economy_figures(s: Session, scope: Scope, before: str | None) -> dict[str, tuple[int, int, int]]:
    """figure -> (households with a value, households 未填, sum of values)."""
    e = _as_of(StatEconomy, StatEconomy.household_id, before)
    h = StatHousehold
    cols = []
    for key in (*ECONOMY, "arrears_amount"):
        c = e.c[key]
        cols += [func.count(c), func.sum(case((c.is_(None), 1), else_=0)), func.coalesce(func.sum(c), 0)]
    arrears_households = func.sum(case((e.c.arrears_amount > 0, 1), else_=0))
    row = s.execute(
        select(*cols, arrears_households).join(h, h.household_id == e.c.household_id).where(_in_scope(scope))
    ).one()
    out: dict[str, tuple[int, int, int]] = {}
    for i, key in enumerate((*ECONOMY, "arrears_amount")):
        out[key] = (int(row[3 * i] or 0), int(row[3 * i + 1] or 0), int(row[3 * i + 2] or 0))
    out["arrears_households"] = (int(row[-1] or 0), 0, 0)
    return out


def _worker_figures(s: Session, scope: Scope, before: str | None) -> dict[str, int]:
    w = _as_of(StatWorker, StatWorker.member_id, before)
    h = StatHousehold
    cols: list[Any] = [func.count()]
    keys = ["workers"]
    for code in EMPLOYMENT:
        cols.append(func.sum(case((w.c.employment == code, 1), else_=0)))
        keys.append(f"emp:{code}")
    cols.append(func.sum(case((w.c.employment.is_(None), 1), else_=0)))
    keys.append("emp:")
    for code in INSURANCE:
        cols.append(func.sum(case((w.c.insurance.contains(f",{code},"), 1), else_=0)))
        keys.append(f"ins:{code}")
    cols.append(func.sum(case((w.c.insurance.is_(None), 1), else_=0)))
    keys.append("ins:")
    cols += [
        func.sum(case((w.c.training_wanted != "", 1), else_=0)),
        func.sum(case((w.c.training_received != "", 1), else_=0)),
        func.sum(w.c.has_certificate),
        func.count(w.c.monthly_income),
        func.coalesce(func.sum(w.c.monthly_income), 0),
    ]
    keys += ["training_wanted", "training_received", "certificate", "income_n", "income_sum"]
    row = s.execute(select(*cols).join(h, h.household_id == w.c.household_id).where(_in_scope(scope))).one()
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def _change(now: int | None, before: int | None) -> str:
    if now is None or before is None:
        return "—"
    d = now - before
    return f"+{d}" if d > 0 else str(d) if d < 0 else "0"


def campaign_window(c: Any, today: dt.date) -> tuple[str | None, str | None, str]:
    """(baseline, until, name) of a campaign for item19(): its start; its end once it is over."""
    if c is None:
        return None, None, ""
    return str(c.start), (str(c.end) if str(c.end) < today.isoformat() else None), str(c.name)


def item19(
    hq: HQ, scope: Scope, baseline: str | None, until: str | None = None, campaign: str = ""
) -> list[Table]:
    """The item-19 figures and their change since `baseline` (a campaign's start).

    The baseline is each household's (worker's) latest observation dated before the campaign's
    start — the figures as they stood then, whenever the observation reached headquarters. The
    figures compared with it are the latest observations, or with `until` (a past campaign's last
    day) the latest observed on or before that day: the change during that campaign."""
    after = (dt.date.fromisoformat(until) + dt.timedelta(days=1)).isoformat() if until else None
    with hq.session() as s:
        econ = _economy_figures(s, scope, after)
        econ0 = _economy_figures(s, scope, baseline) if baseline else None
        work = _worker_figures(s, scope, after)
        work0 = _worker_figures(s, scope, baseline) if baseline else None
    since = (
        f"较{campaign}开始时（{baseline}前）"
        if baseline and campaign
        else f"较{baseline}前"
        if baseline
        else ""
    )
    since = since or "（尚无摸底活动，无对比）"
    upto = f"，截至{until}" if until else ""

    def avg(f: tuple[int, int, int]) -> int | None:
        return round(f[2] / f[0]) if f[0] else None

    rows = []
    for key, label in ECONOMY.items():
        now, before = avg(econ[key]), avg(econ0[key]) if econ0 else None
        rows.append(
            Row(
                [
                    label,
                    econ[key][0],
                    now if now is not None else MISSING,
                    econ[key][1],
                    _change(now, before),
                ],
                ["", "", "", ""],
            )
        )
    arrears = econ["arrears_amount"]
    rows.append(
        Row(
            [
                "拖欠工资（户数／总额）",
                econ["arrears_households"][0],
                arrears[2],
                arrears[1],
                _change(arrears[2], econ0["arrears_amount"][2] if econ0 else None),
            ],
            ["", list_link(scope, arrears=1)],
        )
    )
    economy = Table(
        "item19_economy",
        f"困难户收支情况（第19条{upto}）",
        "元",
        ["项目", "已填户数", "户均（元/年）", MISSING + "户数", "变化" + since],
        rows,
        note="未填的户不计入平均数，单列“未填户数”。",
    )
    wrows = []
    for code, label in [*EMPLOYMENT.items(), ("", MISSING)]:
        k = f"emp:{code}"
        wrows.append(
            Row(
                ["就业状况", label, work[k], _change(work[k], work0[k] if work0 else None)],
                ["", "", list_link(scope, emp=code or "-")],
            )
        )
    for code, label in [*INSURANCE.items(), ("", MISSING)]:
        k = f"ins:{code}"
        wrows.append(Row(["社会保险", label, work[k], _change(work[k], work0[k] if work0 else None)]))
    for k, group, label in (
        ("training_wanted", "技能培训", "希望参加培训"),
        ("training_received", "技能培训", "已参加培训"),
        ("certificate", "技能培训", "持有证书"),
    ):
        wrows.append(Row([group, label, work[k], _change(work[k], work0[k] if work0 else None)]))
    income = round(work["income_sum"] / work["income_n"]) if work["income_n"] else None
    income0 = round(work0["income_sum"] / work0["income_n"]) if work0 and work0["income_n"] else None
    wrows.append(
        Row(["收入", "月收入平均（元）", income if income is not None else MISSING, _change(income, income0)])
    )
    workers = Table(
        "item19_workers",
        f"农民工就业、培训、社保情况（第19条{upto}，共{work['workers']}人）",
        "人",
        ["方面", "项目", "人数", "变化" + since],
        wrows,
        note="每位劳动力按最近一次记录计；未填单列，不计为零。",
    )
    return [economy, workers]


# --- referrals --------------------------------------------------------------------------------------


def _referral_base(scope: Scope) -> Any:
    r, h = ReferralIndex, StatHousehold
    return and_(r.deleted == 0, r.household_id == h.household_id, _in_scope(scope))


def referrals_by(hq: HQ, scope: Scope, dim: str, today: dt.date) -> Table:
    from fieldapp.domain.referrals import catalogue

    r = ReferralIndex
    col = {"kind": r.kind_code, "body": r.receiving_body, "status": r.status}[dim]
    title = {"kind": "转介事项", "body": "接收单位", "status": "状态"}[dim]
    days = _days(hq, r.status_on, r.created_on)
    overdue = and_(r.follow_up_due != "", r.follow_up_due < today.isoformat())
    stmt = (
        select(
            col,
            func.count(),
            func.sum(case((r.status.in_(OPEN), 1), else_=0)),
            func.sum(case((r.status == DONE, 1), else_=0)),
            func.sum(case((overdue, 1), else_=0)),
            func.avg(case((r.status == DONE, days), else_=None)),
        )
        .select_from(r)
        .join(StatHousehold, StatHousehold.household_id == r.household_id)
        .where(_referral_base(scope))
        .group_by(col)
        .order_by(func.count().desc(), col)
    )
    kinds = catalogue()
    key = {"kind": "ref_kind", "body": "ref_body", "status": "ref_status"}[dim]
    rows = []
    with hq.session() as s:
        for k, n, open_, done, late, avg in s.execute(stmt):
            label = kinds[k].name if dim == "kind" and k in kinds else (k or MISSING)
            v = k or "-"
            rows.append(
                Row(
                    [
                        label,
                        int(n),
                        int(open_ or 0),
                        int(done or 0),
                        int(late or 0),
                        round(float(avg), 1) if avg is not None else "—",
                    ],
                    [
                        "",
                        list_link(scope, **{key: v}),
                        list_link(scope, **{key: v}),
                        list_link(scope, **{key: v, "ref_status": DONE}) if dim != "status" else "",
                        list_link(scope, **{key: v, "ref_overdue": 1}),
                    ],
                )
            )
    totals: list[Any] = ["合计"] + [sum(int(x.cells[i]) for x in rows) for i in range(1, 5)] + [""]
    return Table(
        f"referrals_{dim}",
        f"转介按{title}统计",
        "件",
        [title, "件数", "办理中", "已办结", "跟进逾期", "平均办结天数"],
        rows,
        totals,
    )


# --- relief -----------------------------------------------------------------------------------------


def relief_by(hq: HQ, scope: Scope) -> Table:
    r, h = StatRelief, StatHousehold
    stmt = (
        select(
            r.programme,
            r.year,
            h.county_code,
            func.count(),
            func.count(func.distinct(r.household_id)),
            func.sum(r.amount_fen),
        )
        .join(h, h.household_id == r.household_id)
        .where(r.deleted == 0, _in_scope(scope))
        .group_by(r.programme, r.year, h.county_code)
        .order_by(r.year.desc(), r.programme, h.county_code)
    )
    rows = []
    with hq.session() as s:
        for prog, year, county, n, homes, fen in s.execute(stmt):
            link = list_link(scope, programme=prog, year=year, county=county)
            rows.append(
                Row(
                    [
                        int(year),
                        prog,
                        county_label(county),
                        int(n),
                        int(homes),
                        round(int(fen or 0) / 100, 2),
                    ],
                    ["", "", "", link, link, link],
                )
            )
    totals: list[Any] = [
        "合计",
        "",
        "",
        sum(x.cells[3] for x in rows),
        "",
        round(sum(x.cells[5] for x in rows), 2),
    ]
    return Table(
        "relief",
        "救助发放按项目、年度、县区统计",
        "元",
        ["年度", "救助项目", "县区", "笔数", "户数", "金额（元）"],
        rows,
        totals,
    )


@dataclass(frozen=True)
class DoubleFunding:
    kind: str  # student | household
    household_id: str
    code: str
    programme: str
    when: str  # the year, or the day
    payments: int
    amount_fen: int


def _double_funding_queries(scope: Scope) -> tuple[Any, Any]:
    """(students funded twice, households paid twice): each row (household, programme, when,
    payments, amount)."""
    r, h = StatRelief, StatHousehold
    live = and_(r.deleted == 0, h.deleted == 0)
    students = (
        select(r.student_key, r.year)
        .join(h, h.household_id == r.household_id)
        .where(live, r.programme == AUTUMN_AID, r.student_key != "")
        .group_by(r.student_key, r.year)
        .having(func.count() > 1)
        .subquery()
    )
    q1 = (
        select(r.household_id, r.programme, r.year, func.count(), func.sum(r.amount_fen))
        .join(students, and_(students.c.student_key == r.student_key, students.c.year == r.year))
        .join(h, h.household_id == r.household_id)
        .where(live, r.programme == AUTUMN_AID, _in_scope(scope))
        .group_by(r.household_id, r.programme, r.year)
    )
    event = case((r.programme.in_(ANNUAL), func.cast(r.year, _text_type())), else_=r.paid_on)
    q2 = (
        select(r.household_id, r.programme, event.label("ev"), func.count(), func.sum(r.amount_fen))
        .join(h, h.household_id == r.household_id)
        .where(live, r.programme != AUTUMN_AID, _in_scope(scope))
        .group_by(r.household_id, r.programme, literal_column("ev"))
        .having(func.count() > 1)
    )
    return q1, q2


def double_funding_households(scope: Scope) -> Any:
    """The ids of the households in the double-funding check, as a subquery (there may be more
    than a statement can take as parameters)."""
    q1, q2 = _double_funding_queries(scope)
    a, b = q1.subquery(), q2.subquery()
    return union(select(a.c[0]), select(b.c[0]))


def double_funding_count(hq: HQ, scope: Scope) -> int:
    """How many entries the double-funding check has (students and households)."""
    q1, q2 = _double_funding_queries(scope)
    with hq.session() as s:
        return sum(int(s.scalar(select(func.count()).select_from(q.subquery())) or 0) for q in (q1, q2))


def double_funding(hq: HQ, scope: Scope, limit: int | None = None) -> list[DoubleFunding]:
    """The same student funded twice by 金秋助学 in a year (by keyed hash, across households);
    the same household paid twice for one event (annual programmes: the year; others: the day).
    With `limit`, the first entries of each kind in the order shown (for a page)."""
    q1, q2 = _double_funding_queries(scope)
    if limit is not None:
        q1 = q1.order_by(StatRelief.year, StatRelief.household_id).limit(limit)
        q2 = q2.order_by(literal_column("ev"), StatRelief.household_id).limit(limit)
    out: list[DoubleFunding] = []
    with hq.session() as s:
        codes: dict[str, str] = {}
        for kind, q in (("student", q1), ("household", q2)):
            for hid, prog, when, n, fen in s.execute(q):
                out.append(DoubleFunding(kind, hid, "", prog, str(when), int(n), int(fen or 0)))
        ids = sorted({d.household_id for d in out})
        for i in range(0, len(ids), 5000):  # PostgreSQL takes at most 65,535 parameters a statement
            codes.update(
                s.execute(
                    select(HouseholdIndex.household_id, HouseholdIndex.code).where(
                        HouseholdIndex.household_id.in_(ids[i : i + 5000])
                    )
                ).all()
            )
    return [
        DoubleFunding(
            d.kind,
            d.household_id,
            codes.get(d.household_id, ""),
            d.programme,
            d.when,
            d.payments,
            d.amount_fen,
        )
        for d in sorted(out, key=lambda d: (d.kind, d.when, d.household_id))
    ]


def _text_type() -> Any:
    from sqlalchemy import String

    return String(10)


def double_funding_table(hq: HQ, scope: Scope, limit: int | None = None) -> Table:
    """The table of the double-funding check: every entry (the city report), or on a page the
    first `limit` of each kind with the count of all."""
    found = double_funding(hq, scope, limit)
    note = "同一学生按身份证号的密钥散列比对（可跨户），不保存明文证件号。"
    if limit is not None:
        found = found[: 2 * limit]
        total = double_funding_count(hq, scope) if len(found) >= limit else len(found)
        if total > len(found):
            note += f"共 {total:,} 条，本页只列出 {len(found):,} 条；全部请导出 Excel 或打开名单。"
    rows = [
        Row(
            [
                "同一学生同年重复" if d.kind == "student" else "同户同一事项重复",
                d.code,
                d.programme,
                d.when,
                d.payments,
                round(d.amount_fen / 100, 2),
            ],
            ["", f"/console/households/{d.household_id}"],
        )
        for d in found
    ]
    return Table(
        "double_funding",
        "疑似重复救助",
        "元",
        ["情形", "户编号", "救助项目", "年度／发放日", "笔数", "金额（元）"],
        rows,
        note=note,
    )


# --- per cadre --------------------------------------------------------------------------------------


CADRE_SORTS = {"households": 1, "visits": 2, "f2f": 3, "overdue": 4, "closed": 5}
CADRE_PAGE = 20


def _cadre_parts(hq: HQ, scope: Scope, today: dt.date, since: str) -> Any:
    """Per cadre, one row per source (pairings, visits, closed referrals) as a UNION ALL subquery."""
    h, v, rr, ri = StatHousehold, StatVisit, StatReferral, ReferralIndex
    from fieldapp.hq.stats_index import visit_interval

    cutoff = (today - dt.timedelta(days=visit_interval())).isoformat()  # last visit longer ago: overdue
    zero = literal(0)
    homes = (
        select(
            h.cadre_id.label("cid"),
            func.count().label("n"),
            func.sum(case((or_(h.last_visit_on == "", h.last_visit_on < cutoff), 1), else_=0)).label("late"),
            zero.label("vn"),
            zero.label("f2f"),
            zero.label("closed"),
        )
        .where(_in_scope(scope), h.cadre_id != "", h.status != "已销档")
        .group_by(h.cadre_id)
    )
    visits = (
        select(v.cadre_id, zero, zero, func.count(), func.sum(v.face_to_face), zero)
        .join(h, h.household_id == v.household_id)
        .where(_in_scope(scope), v.deleted == 0, v.visit_date >= since, v.cadre_id != "")
        .group_by(v.cadre_id)
    )
    closed = (
        select(rr.cadre_id, zero, zero, zero, zero, func.count())
        .join(ri, ri.referral_id == rr.referral_id)
        .join(h, h.household_id == rr.household_id)
        .where(_in_scope(scope), ri.deleted == 0, ri.status == DONE, ri.status_on >= since, rr.cadre_id != "")
        .group_by(rr.cadre_id)
    )
    return union_all(homes, visits, closed).subquery()


def cadre_work(
    hq: HQ,
    scope: Scope,
    today: dt.date,
    since: str,
    page: int | None = None,
    sort: str = "overdue",
    query: Mapping[str, str] | None = None,
) -> Table:
    """Per cadre: households paired, visits since `since` (face to face), overdue, referrals closed.
    With `page`: CADRE_PAGE cadres in `sort` order, chosen in SQL; else every cadre by name (exports).
    The totals row is summed in SQL either way."""
    p = _cadre_parts(hq, scope, today, since)
    sums = [func.coalesce(func.sum(p.c[k]), 0) for k in ("n", "vn", "f2f", "late", "closed")]
    per = select(p.c.cid, *sums).group_by(p.c.cid)
    sort = sort if sort in CADRE_SORTS else "overdue"
    pager = None
    with hq.session() as s:
        total_row = s.execute(select(*sums)).one()
        if page is None:
            found = [tuple(r) for r in s.execute(per)]
        else:
            groups = int(s.scalar(select(func.count(func.distinct(p.c.cid)))) or 0)
            pages = max(1, -(-groups // CADRE_PAGE))
            page = max(1, min(page, pages))
            order = sums[CADRE_SORTS[sort] - 1].desc()
            found = [
                tuple(r)
                for r in s.execute(
                    per.order_by(order, p.c.cid).limit(CADRE_PAGE).offset((page - 1) * CADRE_PAGE)
                )
            ]
            pager = Pager(
                page, pages, groups, sort, {i: k for k, i in CADRE_SORTS.items()}, dict(query or {})
            )
        names = cadre_names(s, [str(r[0]) for r in found])
    if page is None:
        found.sort(key=lambda r: (names.get(r[0], r[0]), r[0]))
    rows = []
    for cid, n, vn, f2f, late, closed in found:
        rows.append(
            Row(
                [names.get(cid, cid[:8]), int(n), int(vn), int(f2f), int(late), int(closed)],
                ["", list_link(scope, cadre=cid)],
            )
        )
    totals: list[Any] = ["合计", *(int(x or 0) for x in total_row)]
    return Table(
        "cadre_work",
        f"干部工作量（{since}起）",
        "户／次／件",
        ["干部", "结对户数", "走访次数", "其中当面", "走访逾期户数", "转介办结"],
        rows,
        totals,
        pager=pager,
    )


def visits_by_month(
    hq: HQ, scope: Scope, months: int, today: dt.date, live: bool = False
) -> list[tuple[str, int, int]]:
    """(YYYY-MM, visits, face to face) for the last `months` months: the line chart. Read from
    the rollup kept at ingest (hq/stats_visit_months.py) once it was counted; `live` counts
    over every visit, as the rollup's test does."""
    from fieldapp.hq import stats_visit_months

    v, h = StatVisit, StatHousehold
    first = dt.date(
        today.year - (1 if today.month <= months - 12 + 12 and months >= today.month else 0), 1, 1
    )
    y, m = today.year, today.month
    keys = []
    for _ in range(months):
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    keys.reverse()
    first = dt.date.fromisoformat(keys[0] + "-01")
    if not live:
        with hq.session() as s:
            if stats_visit_months.counted(s):
                kept = stats_visit_months.by_month(s, scope.county, keys[0])
                return [(k, *kept.get(k, (0, 0))) for k in keys]
    month = func.substr(v.visit_date, 1, 7)
    stmt = (
        select(month.label("ym"), func.count(), func.sum(v.face_to_face))
        .join(h, h.household_id == v.household_id)
        .where(_in_scope(scope), v.deleted == 0, v.visit_date >= first.isoformat())
        .group_by(literal_column("ym"))
    )
    with hq.session() as s:
        found = {k: (int(n), int(f or 0)) for k, n, f in s.execute(stmt)}
    return [(k, *found.get(k, (0, 0))) for k in keys]


def statuses_and_bases() -> tuple[list[str], list[str]]:
    return [x.value for x in HouseholdStatus], [x.value for x in PairingBasis]


def everything(
    hq: HQ, scope: Scope, today: dt.date, baseline: str | None, until: str | None = None, campaign: str = ""
) -> list[Table]:
    """The city (or county) report: the tables of every statistics page, in order."""
    tables = [households_county_category(hq, scope)]
    tables += [households_by(hq, scope, d) for d in ("category", "cause", "basis", "status")]
    tables += item19(hq, scope, baseline, until, campaign)
    tables += [referrals_by(hq, scope, d, today) for d in ("kind", "status")]
    tables += [relief_by(hq, scope), double_funding_table(hq, scope)]
    tables.append(cadre_work(hq, scope, today, baseline or f"{today.year}-01-01"))
    return tables
