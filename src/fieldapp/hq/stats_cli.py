"""`fieldapp-hq campaign …`, `fieldapp-hq report` and `fieldapp-hq stats-rebuild`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fieldapp.domain import clock
from fieldapp.hq import accounts, campaign, export, region, stats, stats_index
from fieldapp.hq.store import HQ

COMMANDS = ("campaign", "report", "stats-rebuild")
CLI = "命令行"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("campaign", help="再摸底活动：set 设定并下发到所有设备，list 列出")
    cmd = p.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    s = cmd.add_parser("set", help="设定摸底活动（名称、起止日期、县区），下次同步时发给所有设备")
    s.add_argument("name", metavar="NAME", help="如：2026年12月再摸底")
    s.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    s.add_argument("--end", required=True, metavar="YYYY-MM-DD")
    s.add_argument(
        "--county", action="append", default=[], metavar="CODE", help="县区代码，可写多次；不写＝全市"
    )
    cmd.add_parser("list", help="列出摸底活动")
    p = sub.add_parser("report", help="打印主要统计表，并写出同样的 Excel 报表")
    p.add_argument("--county", default="", metavar="CODE", help="只统计一个县区（默认全市）")
    p.add_argument(
        "--campaign",
        default="",
        metavar="ID",
        help="第19条指标对比哪次摸底活动开始时（默认最新一次；编号见 campaign list）",
    )
    p.add_argument(
        "--out", type=Path, metavar="FILE.xlsx", help="Excel 文件（默认 city.xlsx 或 县区代码.xlsx）"
    )
    sub.add_parser("stats-rebuild", help="按现有记录重建统计汇总表（升级后或核对时使用）")


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def print_table(t: stats.Table) -> None:
    cells = [[str(c) for c in t.columns]] + [[str(v) for v in r.cells] for r in t.rows]
    if t.totals is not None and t.rows:
        cells.append([str(v) for v in t.totals])
    widths = [max(_width(row[j]) for row in cells if j < len(row)) for j in range(len(t.columns))]
    print(f"\n{t.title}（单位：{t.unit}）")
    for i, row in enumerate(cells):
        print("  ".join(_pad(v, widths[j], i > 0 and j > 0) for j, v in enumerate(row)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    if not t.rows:
        print("（暂无数据）")


def run(hq: HQ, args: argparse.Namespace) -> int:
    if args.command == "stats-rebuild":
        with hq.session() as s:
            counts = stats_index.rebuild(s)
        print("已重建统计汇总：" + "，".join(f"{k} {v} 条" for k, v in counts.items()))
        return 0
    if args.command == "campaign":
        if args.campaign_command == "list":
            for c in campaign.campaigns(hq):
                print(f"{c.start} 至 {c.end}  {c.name}  范围：{c.county_names}  编号 {c.id}")
            return 0
        try:
            c = campaign.set_campaign(hq, args.name, args.start, args.end, args.county, CLI)
        except campaign.CampaignError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 1
        with hq.session() as s:
            accounts.audit(s, CLI, "campaign_set", c.name, f"{c.start}—{c.end} {c.county_names}", CLI)
        print(f"已设定“{c.name}”（{c.start} 至 {c.end}，{c.county_names}），各设备下次同步时收到。")
        return 0
    try:
        scope = stats.scope_for(accounts.Staff(0, CLI, "city"), args.county)
    except stats.OutOfScope:
        print(f"错误：没有这个县区代码：{args.county}", file=sys.stderr)
        return 1
    today = clock.today()
    chosen = campaign.find(hq, args.campaign) if args.campaign else campaign.current(hq)
    if args.campaign and chosen is None:
        print(f"错误：没有这次摸底活动：{args.campaign}（用 campaign list 查看编号）", file=sys.stderr)
        return 1
    tables = stats.everything(hq, scope, today, *stats.campaign_window(chosen, today))
    print(f"{scope.label}统计报表（截至 {today}）")
    for t in tables:
        print_table(t)
    out = args.out or Path(f"{scope.county or 'city'}.xlsx")
    unit = f"{scope.label}总工会" if scope.county else region.union_name()
    export.write_report(out, unit, tables, today)
    with hq.session() as s:
        accounts.audit(s, CLI, "stats_export", out.name, scope.county, CLI)
    print(f"\n已写出 Excel 报表：{out}")
    return 0
