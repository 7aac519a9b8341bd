"""Sub-commands of `fieldapp` that work on the database (all through the services)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from fieldapp import cli_security
from fieldapp.domain.referrals import catalogue
from fieldapp.services import cadres, households, referrals, settings, visits
from fieldapp.storage import migrate
from fieldapp.storage.db import Database
from fieldapp.sync import cli as sync_cli

Command = Callable[[Database, argparse.Namespace], int]


def _clean(text: str) -> str:
    """Tab-separated output: no tabs or newlines inside a field."""
    return " ".join(text.split())


def demo_data(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.services.demo import fill_demo_data

    if args.households < 1:
        print("错误：--households 至少为1", file=sys.stderr)
        return 2

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r已生成 {done}/{total} 户", end="", file=sys.stderr, flush=True)

    summary = fill_demo_data(db, args.households, seed=args.seed, progress=progress, today=args.as_of)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"已生成演示数据：干部 {summary.cadres} 名，困难户 {summary.households} 户，成员 {summary.members} 人，"
        f"走访 {summary.visits} 次，评定 {summary.assessments} 次，转介 {summary.referrals} 件，"
        f"救助 {summary.relief} 笔，同意记录 {summary.consents} 条。"
    )
    print(f"数据文件：{db.path}")
    return 0


def import_households(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.services.importer import import_households as run_import

    cadre_id = None
    if args.cadre:
        cadre = cadres.find_cadre_by_name(db, args.cadre)
        if cadre is None:
            print(f"错误：找不到干部“{args.cadre}”，请先用 fieldapp add-cadre 登记", file=sys.stderr)
            return 2
        cadre_id = cadre.id
    if not args.file.is_file():
        print(f"错误：找不到文件 {args.file}", file=sys.stderr)
        return 2
    report = run_import(db, args.file, cadre_id=cadre_id)
    for problem in report.rejected:
        print(f"第{problem.line}行：已拒绝：{problem.reason}", file=sys.stderr)
    for problem in report.warnings:
        print(f"第{problem.line}行：提示：{problem.reason}", file=sys.stderr)
    if report.unknown_columns:
        print("未识别的列（已忽略）：" + "、".join(report.unknown_columns), file=sys.stderr)
    print(report.summary_zh())
    return 0 if report.ok else 1


def list_records(db: Database, args: argparse.Namespace) -> int:
    rows = households.list_households(db)
    names = {r.id: r.head_name for r in rows}
    out: list[list[str]] = []
    if args.what == "households":
        out = [[r.id, r.head_name, r.village_name, r.category, ",".join(r.cadre_names)] for r in rows]
    elif args.what == "visits":
        out = [
            [v.id, names.get(v.household_id, ""), v.visit_date.isoformat(), v.mode.value]
            for v in visits.list_visits(db)
        ]
    elif args.what == "referrals":
        kinds = catalogue()
        out = [
            [
                r.id,
                names.get(r.household_id, ""),
                kinds[r.kind_code].name if r.kind_code in kinds else r.kind_code,
                r.status.value,
            ]
            for r in referrals.list_referrals(db)
        ]
    elif args.what == "cadres":
        out = [[c.id, c.name, c.unit] for c in cadres.list_cadres(db)]
    for fields in out:
        print("\t".join(_clean(f) for f in fields))
    return 0


def add_cadre(db: Database, args: argparse.Namespace) -> int:
    cadre_id = cadres.add_cadre(db, args.name, unit=args.unit, post=args.post, phone=args.phone)
    print(cadre_id)
    return 0


def dibao(db: Database, args: argparse.Namespace) -> int:
    if args.yuan is not None:
        settings.set_dibao_standard(db, args.yuan)
    print(f"本地低保标准：{settings.describe_dibao(db)}")
    return 0


def backup(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.services import backups as auto
    from fieldapp.storage.backups import BackupError

    if args.set_target is not None or args.every_hours is not None or args.keep is not None:
        cfg = auto.get_settings(db)
        target = (
            cfg.target if args.set_target is None else (Path(args.set_target) if args.set_target else None)
        )
        every = cfg.every_hours if args.every_hours is None else args.every_hours
        cfg = auto.set_settings(db, target, every, cfg.keep if args.keep is None else args.keep)
        where = cfg.target or "（未选择，不自动备份）"
        print(f"自动备份：位置 {where}，每 {cfg.every_hours} 小时一次，保留最近 {cfg.keep} 份")
        return 0
    if args.to is not None or auto.get_settings(db).target is not None:
        try:
            path = auto.back_up_now(db, args.to)
        except BackupError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 1
        print(f"已备份并核对：{path}")
        return 0
    path = migrate.backup_sqlite(db.path, db.backup_dir, "manual", db.key)
    print(f"已备份到 {path}（只在数据文件夹里；另选备份位置：fieldapp backup --set-target 文件夹）")
    return 0


def info(db: Database, args: argparse.Namespace) -> int:
    rows = households.list_households(db)
    print(f"数据文件\t{db.path}")
    print(f"设备编号\t{db.device_id}")
    print(f"困难户\t{len(rows)}")
    print(f"干部\t{len(cadres.list_cadres(db))}")
    print(f"低保标准\t{settings.describe_dibao(db)}")
    return 0


def print_form(db: Database, args: argparse.Namespace) -> int:
    """`fieldapp print`: forms as PDF files for scripts, one print record per document."""
    from fieldapp.services import printing

    if args.list_forms:
        sent = printing.sent_forms_folder(db)
        for template in printing.list_forms(db):
            origin = (
                "\t（市总工会下发）" if template.path is not None and template.path.parent == sent else ""
            )
            print(f"{template.name}\t{template.record}\t{template.description or template.title}{origin}")
        for problem in printing.form_problems(db):
            print(f"提示：{problem}", file=sys.stderr)
        return 0
    if not args.form:
        print("错误：请给出表单名，例如 fieldapp print referral_slip --record ID -o out.pdf", file=sys.stderr)
        return 2
    if args.output is None or bool(args.record) == bool(args.all_records):
        print("错误：请用 --record ID（单份）或 --all（批量）之一，并用 -o 指定输出位置", file=sys.stderr)
        return 2
    who = args.by if args.by is not None else printing.default_printer_name(db)
    try:
        if args.record:
            record_id = printing.resolve_record(db, args.form, args.record)  # also HH-…/ZJ-… codes
            doc = printing.print_to_file(
                db, args.form, record_id, args.output, printed_by=who, reveal=args.reveal
            )
            for note in doc.notes:
                print(f"提示：{note}", file=sys.stderr)
            print(f"已生成 {args.output}（{doc.pdf.pages} 页），已记入打印记录")
            return 0
        from fieldapp.services import batch_print

        batch = batch_print.items(db, args.form, args.area or batch_print.ALL)
        for problem in printing.form_problems(db, args.form):
            print(f"提示：{problem}", file=sys.stderr)

        def step(done: int, total: int, _label: str) -> None:
            if sys.stderr.isatty():
                print(f"\r已生成 {done}/{total} 份", end="", file=sys.stderr, flush=True)

        summary = batch_print.run(
            db, args.form, batch, args.output, printed_by=who, reveal=args.reveal, step=step
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
        for failure in summary.failed:
            print(f"错误：{failure.label} 未能打印：{failure.reason}", file=sys.stderr)
        for note in summary.notes:
            print(f"提示：{note}", file=sys.stderr)
        print(f"已生成 {len(summary.files)} 份（共 {summary.pages} 页）到 {args.output}，已记入打印记录")
        if summary.failed:
            print(f"有 {len(summary.failed)} 份未能打印（见上方错误），其余已生成。", file=sys.stderr)
            return 1
        return 0
    except OSError as e:
        print(f"错误：无法写入 {args.output}：{e}。请检查路径、权限和磁盘空间。", file=sys.stderr)
        return 1


COMMANDS: dict[str, Command] = {
    "demo-data": demo_data,
    "import-households": import_households,
    "list": list_records,
    "add-cadre": add_cadre,
    "dibao": dibao,
    "backup": backup,
    "info": info,
    "print": print_form,
    "sync": sync_cli.run,
    "passwd": cli_security.passwd,
    "recover": cli_security.recovered,
    "audit": cli_security.audit_log,
    "check": cli_security.check,
    "retention": cli_security.retention,
}
