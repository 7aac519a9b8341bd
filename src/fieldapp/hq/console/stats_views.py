"""The console's statistics pages (/console/stats…), the campaign form and the exports.

Thin like console/views.py: the figures come from hq.stats (SQL over the aggregate tables), the
charts from hq.charts, the files from hq.export. A county clerk is held to their county: asking
for another county answers 404 (as if it did not exist). Every export is audited.
"""

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from markupsafe import Markup

from fieldapp.domain import clock
from fieldapp.domain.vocab import HardshipCategory
from fieldapp.hq import accounts, actions, campaign, charts, export, region, stats, web
from fieldapp.hq.accounts import ROLES
from fieldapp.hq.console.common import Console, Refused
from fieldapp.hq.console.common import templates as console_templates
from fieldapp.hq.store import HQ
from fieldapp.hq.web import Caller

SECTIONS = {
    "overview": "困难户",
    "campaign": "再摸底进度",
    "item19": "第19条指标",
    "referrals": "转介",
    "relief": "救助发放",
    "cadres": "干部工作量",
}
DOUBLE_FUNDING_SHOWN = 100  # entries of each kind on the 救助发放 page; the Excel report has them all
CAMPAIGN_SECTIONS = ("campaign", "item19", "cadres")  # pages whose figures count from a chosen campaign
COUNTIES_FIELD = Form([])  # the campaign's counties: a multiple select (none = the whole city)

templates = console_templates  # the console's one environment (heading, escaping), plus `figure`


def figure(v: Any) -> str:
    """A table cell: 12,345 for counts, 1,234.50 for yuan; text as it is."""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return f"{v:,.2f}"
    return str(v)


templates.env.filters["figure"] = figure


def may_set_campaign(who: Caller) -> bool:
    return who.staff.role in ("admin", "city") and not who.staff.county_code


def chosen_campaign(hq: HQ, campaign_id: str) -> campaign.CampaignOut | None:
    """The campaign the item-19 change is counted against: the one asked for, else the newest."""
    if not campaign_id:
        return campaign.current(hq)
    found = campaign.find(hq, campaign_id[:36])
    if found is None:
        raise Refused(404, "没有这次摸底活动。")
    return found


def section_tables(
    hq: HQ,
    scope: stats.Scope,
    section: str,
    today: dt.date,
    campaign_id: str = "",
    page: int | None = None,
    sort: str = "",
    query: dict[str, str] | None = None,
) -> list[stats.Table]:
    """The tables of a section; with `page` the per-cadre tables show that page (20 cadres, in
    `sort` order, chosen in SQL), without it every row (exports and the report)."""
    chosen = chosen_campaign(hq, campaign_id)
    baseline, until, name = stats.campaign_window(chosen, today)  # a past campaign: up to its end
    if section == "overview":
        return [stats.households_county_category(hq, scope)] + [
            stats.households_by(hq, scope, d) for d in ("cause", "basis", "status")
        ]
    if section == "item19":
        return stats.item19(hq, scope, baseline, until, name)
    if section == "referrals":
        return [stats.referrals_by(hq, scope, d, today) for d in ("kind", "body", "status")]
    if section == "relief":
        return [stats.relief_by(hq, scope), stats.double_funding_table(hq, scope, limit=DOUBLE_FUNDING_SHOWN)]
    if section == "cadres":
        since = baseline or f"{today.year}-01-01"
        return [stats.cadre_work(hq, scope, today, since, page, sort or "overdue", query)]
    if section == "campaign":
        return campaign_tables(hq, scope, chosen, today, page, sort, query)
    if section == "report":
        return stats.everything(hq, scope, today, baseline, until, name)
    raise Refused(404, "没有这一统计。")


def campaign_tables(
    hq: HQ,
    scope: stats.Scope,
    c: campaign.CampaignOut | None,
    today: dt.date,
    page: int | None = None,
    sort: str = "",
    query: dict[str, str] | None = None,
) -> list[stats.Table]:
    """Progress by county, township (every row, in code order) and cadre (with `page`: one page
    of 20 in `sort` order); read from the rollup kept at ingest, totals summed in SQL."""
    if c is None:
        return []
    out = []
    for by, label in (("county", "县区"), ("township", "乡镇（街道）"), ("cadre", "结对干部")):
        paged = by == "cadre" and page is not None
        found = campaign.progress_page(
            hq,
            c,
            by,
            today,
            scope.county,
            page=page or 1 if paged else 1,
            sort=(sort or "not_visited") if paged else "key",
            per_page=20 if paged else 10**9,
        )
        rows = []
        for p in found.rows:
            key = {by: p.key or "-"}
            base = {"campaign": c.id, **key}
            rows.append(
                stats.Row(
                    [p.label, p.households, p.visited, p.not_visited, p.overdue, p.percent],
                    [
                        "",
                        stats.list_link(scope, **base),
                        stats.list_link(scope, **base, visit="yes"),
                        stats.list_link(scope, **base, visit="no"),
                        stats.list_link(scope, **base, visit="late"),
                    ],
                )
            )
        t = found.total
        totals: list[Any] = ["合计", t.households, t.visited, t.not_visited, t.overdue, t.percent]
        pager = None
        if paged:
            sorts = {1: "households", 2: "visited", 3: "not_visited", 5: "percent"}
            pager = stats.Pager(found.page, found.pages, found.groups, found.sort, sorts, dict(query or {}))
        out.append(
            stats.Table(
                f"campaign_{by}",
                f"{c.name}进度（按{label}，{c.start}至{c.end}）",
                "户",
                [label, "应摸底户数", "已当面走访", "尚未走访", "逾期未走访", "完成率"],
                rows,
                totals,
                pager=pager,
            )
        )
    return out


def charts_for(
    hq: HQ, scope: stats.Scope, section: str, tables: list[stats.Table], today: dt.date
) -> list[Markup]:
    out: list[str] = []
    if section == "overview" and tables:
        t = tables[0]
        series = [*[c.value for c in HardshipCategory], "未评定"]
        out.append(
            charts.stacked(
                t.title,
                series,
                [(r.cells[0], [float(x) for x in r.cells[1:-1]], r.links[1:-1]) for r in t.rows],
            )
        )
        cause = tables[1]
        out.append(charts.bar(cause.title, [(r.cells[0], float(r.cells[1]), r.link(1)) for r in cause.rows]))
        months = stats.visits_by_month(hq, scope, 12, today)
        out.append(
            charts.line(
                "近12个月走访次数",
                [m for m, _, _ in months],
                [
                    ("全部走访", [float(n) for _, n, _ in months]),
                    ("当面走访", [float(f) for _, _, f in months]),
                ],
            )
        )
    elif section == "campaign" and tables:
        t = tables[0]
        out.append(
            charts.stacked(
                t.title,
                ["已当面走访", "尚未走访"],
                [
                    (r.cells[0], [float(r.cells[2]), float(r.cells[3])], [r.link(2), r.link(3)])
                    for r in t.rows
                ],
            )
        )
    elif section == "referrals" and tables:
        t = tables[0]
        out.append(
            charts.stacked(
                t.title,
                ["办理中", "已办结", "其他"],
                [
                    (
                        r.cells[0],
                        [float(r.cells[2]), float(r.cells[3]), float(r.cells[1] - r.cells[2] - r.cells[3])],
                        [r.link(2), r.link(3), ""],
                    )
                    for r in t.rows
                ],
            )
        )
    elif section == "relief" and tables:
        t = tables[0]
        by_year: dict[int, float] = {}
        for r in t.rows:
            by_year[int(r.cells[0])] = by_year.get(int(r.cells[0]), 0.0) + float(r.cells[5])
        years = sorted(by_year)
        if years:
            out.append(
                charts.line(
                    "历年救助发放金额（元）", [str(y) for y in years], [("金额", [by_year[y] for y in years])]
                )
            )
        by_prog: dict[str, float] = {}
        for r in t.rows:
            by_prog[str(r.cells[1])] = by_prog.get(str(r.cells[1]), 0.0) + float(r.cells[5])
        out.append(charts.bar("各项目救助金额（元）", [(k, v, "") for k, v in sorted(by_prog.items())]))
    elif section == "cadres" and tables:
        t = tables[0]
        out.append(
            charts.stacked(
                "干部结对户走访情况（本页）",
                ["按期走访", "走访逾期"],
                [
                    (r.cells[0], [float(r.cells[1] - r.cells[4]), float(r.cells[4])], [r.link(1), ""])
                    for r in t.rows[:30]
                ],
            )
        )
    return [Markup(svg) for svg in out]  # built by hq.charts from escaped text only


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/console/stats", include_in_schema=False)
    con = Console(hq)  # the sign-in and posting dependencies every console page uses (common.py)
    SignedIn = Annotated[Caller, Depends(con.signed_in)]

    def page(request: Request, template: str, who: Caller, status: int = 200, **context: Any) -> HTMLResponse:
        context.update(me=who.staff, csrf=who.csrf, roles=ROLES, nav="stats", sections=SECTIONS)
        return templates.TemplateResponse(request, template, context, status_code=status)

    def scope_of(who: Caller, county: str) -> stats.Scope:
        try:
            return stats.scope_for(who.staff, county)
        except stats.OutOfScope:
            raise Refused(404, "没有这个县区的统计，或不在您的查看范围内。") from None

    def counties(who: Caller) -> list[tuple[str, str]]:
        from fieldapp.hq import ledger

        return ledger.counties(who.staff)

    def section_page(
        request: Request,
        who: Caller,
        section: str,
        county: str,
        status: int = 200,
        campaign_id: str = "",
        page_no: int = 1,
        sort: str = "",
        **extra: Any,
    ) -> Response:
        if section not in SECTIONS:
            raise Refused(404, "没有这一统计。")
        scope = scope_of(who, county)
        today = clock.today()
        query = {"county": scope.county} if scope.county and not who.staff.county_code else {}
        if campaign_id:
            query["campaign"] = campaign_id
        tables = section_tables(hq, scope, section, today, campaign_id, max(1, page_no), sort[:20], query)
        chosen = chosen_campaign(hq, campaign_id)
        extra.setdefault("error", "")
        extra.setdefault("message", "")
        extra.setdefault("form", {"name": "", "start": "", "end": "", "counties": []})
        return page(
            request,
            "stats.html",
            who,
            status,
            section=section,
            scope=scope,
            tables=tables,
            charts=charts_for(hq, scope, section, tables, today),
            counties=counties(who),
            current=chosen if section == "campaign" else None,
            history=campaign.campaigns(hq)[:10] if section == "campaign" else [],
            all_campaigns=campaign.campaigns(hq) if section in CAMPAIGN_SECTIONS else [],
            chosen=chosen,
            may_set=may_set_campaign(who),
            today=today.isoformat(),
            qs=urlencode(query),
            **extra,
        )

    @r.get("")
    def overview(who: SignedIn, request: Request, county: str = "") -> Response:
        return section_page(request, who, "overview", county)

    @r.get("/list")
    def household_list(who: SignedIn, request: Request, page_no: int = 1) -> Response:
        params = {k: v[:200] for k, v in request.query_params.items() if k in stats.FILTER_LABELS}
        scope = scope_of(who, params.get("county", ""))
        result = stats.household_list(hq, scope, params, clock.today(), page_no)
        return page(
            request,
            "stats_list.html",
            who,
            result=result,
            columns=stats.LIST_COLUMNS,
            params=params,
            scope=scope,
            section="",
        )

    @r.get("/list.{fmt}")
    def household_list_file(who: SignedIn, request: Request, fmt: str) -> Response:
        params = {k: v[:200] for k, v in request.query_params.items() if k in stats.FILTER_LABELS}
        scope = scope_of(who, params.get("county", ""))
        today = clock.today()
        detail = urlencode(params)
        rows = stats.iter_household_list(hq, scope, params, today)
        accounts.record(hq, who.staff, "stats_export", f"困难户名单.{fmt}", detail, web.client_of(request))
        return _file(fmt, "困难户名单", scope, stats.LIST_COLUMNS, rows, today)

    def _file(
        fmt: str, title: str, scope: stats.Scope, columns: list[str], rows: Any, today: dt.date
    ) -> Response:
        name = quote(f"{scope.label}{title}{today:%Y%m%d}.{fmt}")
        disposition = {
            "Content-Disposition": f"attachment; filename=\"stats.{fmt}\"; filename*=UTF-8''{name}"
        }
        if fmt == "csv":
            return StreamingResponse(
                export.csv_rows(columns, rows), media_type="text/csv; charset=utf-8", headers=disposition
            )
        if fmt != "xlsx":
            raise Refused(404, "只能导出 xlsx 或 csv。")
        path = export.temp_xlsx()
        book = export.Workbook(path, unit_name(scope))
        book.add_rows(f"{scope.label}{title}", "户", columns, rows, when=today, count_total=True)
        book.close()
        return StreamingResponse(
            export.file_chunks(path),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers=disposition,
        )

    @r.get("/export/{section}.{fmt}")
    def export_section(
        who: SignedIn, request: Request, section: str, fmt: str, county: str = "", campaign: str = ""
    ) -> Response:
        if section not in SECTIONS and section != "report":
            raise Refused(404, "没有这一统计。")
        scope = scope_of(who, county)
        today = clock.today()
        tables = section_tables(hq, scope, section, today, campaign)
        title = "统计报表" if section == "report" else SECTIONS[section]
        detail = " ".join(x for x in (scope.county, campaign[:36]) if x)
        accounts.record(hq, who.staff, "stats_export", f"{title}.{fmt}", detail, web.client_of(request))
        name = quote(f"{scope.label}{title}{today:%Y%m%d}.{fmt}")
        disposition = {
            "Content-Disposition": f"attachment; filename=\"stats.{fmt}\"; filename*=UTF-8''{name}"
        }
        if fmt == "csv":
            return StreamingResponse(
                _tables_csv(tables), media_type="text/csv; charset=utf-8", headers=disposition
            )
        if fmt != "xlsx":
            raise Refused(404, "只能导出 xlsx 或 csv。")
        path = export.temp_xlsx()
        export.write_report(path, unit_name(scope), tables, today)
        return StreamingResponse(
            export.file_chunks(path),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers=disposition,
        )

    @r.post("/campaign")
    def campaign_set(
        who: Annotated[Caller, Depends(con.acting("campaign_set"))],
        request: Request,
        name: str = Form(""),
        start: str = Form(""),
        end: str = Form(""),
        counties: list[str] = COUNTIES_FIELD,
    ) -> Response:
        if not may_set_campaign(who):  # an account tied to a county, whatever its role
            con.refused(request, who, "campaign_set", "权限")
            raise Refused(403, actions.REFUSED["campaign_set"])
        chosen = [c for c in counties if c]
        try:
            c = campaign.set_campaign(hq, name, start, end, chosen, who.staff.name)
        except campaign.CampaignError as e:
            form = {"name": name, "start": start, "end": end, "counties": chosen}
            return section_page(request, who, "campaign", "", 400, error=str(e), form=form)
        accounts.record(
            hq,
            who.staff,
            "campaign_set",
            c.name,
            f"{c.start}—{c.end} {c.county_names}",
            web.client_of(request),
        )
        return RedirectResponse(f"/console/stats/campaign?done={quote('已设定并下发：' + c.name)}", 303)

    @r.get("/{section}")
    def section(
        who: SignedIn,
        request: Request,
        section: str,
        county: str = "",
        done: str = "",
        campaign: str = "",
        page: int = 1,
        sort: str = "",
    ) -> Response:
        return section_page(
            request, who, section, county, campaign_id=campaign, page_no=page, sort=sort, message=done[:100]
        )

    return r


def unit_name(scope: stats.Scope) -> str:
    return f"{scope.label}总工会" if scope.county else region.union_name()


def _tables_csv(tables: list[stats.Table]) -> Any:
    first = True
    for t in tables:
        for i, text in enumerate(export.csv_rows([t.title], [], None)):
            yield text if first and i == 0 else text.lstrip(export.CSV_BOM)
        first = False
        lines = export.csv_rows(t.columns, (r.cells for r in t.rows), t.totals)
        for text in lines:
            yield text.lstrip(export.CSV_BOM)
        yield "\r\n"
