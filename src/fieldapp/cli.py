"""The `fieldapp` command: with no sub-command it starts the desktop app."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import __version__
from fieldapp.paths import resolve_data_dir

# The storage layer (SQLAlchemy, Alembic) and sync (cryptography, httpx) take longer to import
# than Qt itself: they are imported by the commands that use them, never before the window.
if TYPE_CHECKING:
    from fieldapp.storage.db import Database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _data_dir_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="数据文件夹（默认：$FIELDAPP_DATA_DIR 或用户数据目录）",
    )
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help="从文件第一行读取台账密码（也可用环境变量 FIELDAPP_PASSWORD）",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="工会干部结对帮扶困难农民工台账（离线优先）。不带子命令时启动桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    _data_dir_option(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="用演示数据启动桌面程序（默认放在数据文件夹的 demo/ 下，不影响正式台账）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _data_dir_option(p, top=False)
        return p

    p = command("demo-data", "填入演示数据（干部、困难户、走访、评定、转介…）")
    p.add_argument("--households", type=int, default=12, metavar="N", help="困难户数量（默认12）")
    p.add_argument("--seed", type=int, default=2014, help="随机种子（相同种子生成相同数据）")
    p.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="以该日为“今天”生成（走访、转介等日期都早于该日；默认今天）",
    )

    p = command("import-households", "从 .xlsx、.xls 或 .csv 导入联系户名单")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--cadre", metavar="NAME", help="导入后与该干部结对（干部姓名）")

    p = command("list", "以制表符分隔输出编号和名称，供脚本使用")
    p.add_argument("what", choices=["households", "visits", "referrals", "cadres"])

    p = command("add-cadre", "登记一名工会干部")
    p.add_argument("name")
    p.add_argument("--unit", default="")
    p.add_argument("--post", default="")
    p.add_argument("--phone", default=None)

    p = command("dibao", "查看或设置本地低保标准（元/月）")
    p.add_argument("yuan", nargs="?", help="新的标准，例如 950")

    p = command("check-id", "核验身份证号（校验位、出生日期、性别、地区）")
    p.add_argument("number")

    command(
        "self-check", "自检本程序：打印（CUPS）、中文输入法、窗口、照片格式、表格读取、生僻字字体是否可用"
    )

    p = command(
        "backup",
        "立即备份：写到选定的备份位置（另一个文件夹或U盘，加密并核对），未选定时写到数据文件夹的 backups/ 下",
    )
    p.add_argument("--to", type=Path, metavar="DIR", help="这次写到该文件夹（整份加密备份）")
    p.add_argument("--set-target", metavar="DIR", help="设定自动备份的位置（空字符串表示取消）")
    p.add_argument("--every-hours", type=int, metavar="N", help="自动备份间隔（小时，默认4）")
    p.add_argument("--keep", type=int, metavar="K", help="保留最近几份（默认7）")
    p = command("restore", "从备份恢复台账（新电脑上用恢复码）；数据文件夹原有的文件移到一旁，不删除")
    p.add_argument("backup", type=Path, metavar="BACKUP", help="备份文件夹（fieldapp-backup-…）")
    p.add_argument("--code", help="恢复码；不给时用备份时的密码（--password-file 或 FIELDAPP_PASSWORD）")
    p.add_argument(
        "--new-password-file", type=Path, metavar="FILE", help="用恢复码时设定的新密码（文件第一行）"
    )
    command("info", "显示数据文件夹、设备编号和记录数")

    p = command("print", "生成表单PDF（fieldapp print --list 列出表单）；每份都记入打印记录")
    p.add_argument("form", nargs="?", metavar="FORM", help="表单名，例如 referral_slip")
    p.add_argument("--list", action="store_true", dest="list_forms", help="列出可用表单")
    p.add_argument("--record", metavar="ID", help="记录编号（困难户、走访或转介；公示名单为 all 或区划代码）")
    p.add_argument("--all", action="store_true", dest="all_records", help="为每条记录各生成一份，-o 为文件夹")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="输出的PDF文件（--all 时为文件夹）")
    p.add_argument(
        "--area", metavar="CODE", help="与 --all 同用：只打印该乡镇（9位）或村（12位）区划代码下的户"
    )
    p.add_argument("--by", metavar="NAME", help="打印人（默认：本机当前干部，或系统用户名）")
    p.add_argument(
        "--reveal",
        action="store_true",
        help="转介单、联系卡等外送表单上显示完整身份证号和电话（默认隐去中间部分；会记入审计记录）",
    )

    p = command("passwd", "修改台账密码（数据库不需要重新加密）")
    p.add_argument("--new-password-file", type=Path, metavar="FILE", help="新密码所在的文件（第一行）")

    p = command("recover", "忘记密码时用打印的恢复码重设密码（也用于从别的电脑复制来的台账）")
    p.add_argument("--code", help="恢复码（24位，可带短横线）；不给时提示输入")
    p.add_argument("--new-password-file", type=Path, metavar="FILE", help="新密码所在的文件（第一行）")

    command("check", "逐页检查台账文件是否完好（加密校验和完整性检查）")

    p = command("audit", "查看审计记录：谁在什么时候查看、显示、打印、导出、同步了什么")
    p.add_argument("--household", metavar="ID", help="只看某一户")
    p.add_argument("--limit", type=int, default=50, metavar="N")

    p = command("retention", "列出（--apply 时清除）已办结、已被市总确认并超过保存期限的家庭个人信息")
    p.add_argument("--apply", action="store_true", help="真的清除（默认只列出）")
    p.add_argument("--years", type=int, default=None, metavar="N", help="保存期限（年，默认按设置）")

    p = command("wipe", "清除本机全部个人信息（电脑移交他人前使用）；先同步，未上传的修改会丢失")
    p.add_argument("--yes", action="store_true", help="确认清除（不加则只说明将清除什么）")
    p.add_argument("--force", action="store_true", help="即使还有未被市总确认的修改也清除")

    from fieldapp.sync.cli import add_arguments as sync_arguments

    sync_arguments(command("sync", "与市总工会同步：设备登记、网络上传、U盘导出、导入回执"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from fieldapp.ui.app import run_app  # Qt is imported only when the window is wanted

        data_dir = resolve_data_dir(args.data_dir)
        if args.demo and args.data_dir is None:
            data_dir = data_dir / "demo"  # never mix demo households into a cadre's real ledger
        return run_app(data_dir, demo=args.demo)
    if args.command == "check-id":
        return _check_id(args.number)
    if args.command == "self-check":
        from fieldapp.selfcheck import run as self_check

        return self_check()
    from fieldapp.domain.errors import DomainError

    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "wipe":
        from fieldapp.cli_security import wipe

        return wipe(data_dir, args)
    if args.command == "restore":
        from fieldapp.cli_security import restore

        return restore(data_dir, args)
    try:
        db = _sign_in(data_dir, args)
    except OSError as e:
        print(f"无法打开数据文件夹：{e}。请检查路径和磁盘空间。", file=sys.stderr)
        return EXIT_FAILED
    except DomainError as e:
        print(f"错误：{e}", file=sys.stderr)
        return EXIT_FAILED
    try:
        return _dispatch(db, args)
    except DomainError as e:
        print(f"错误：{e}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()


def _sign_in(data_dir: Path, args: argparse.Namespace) -> Database:
    """Open the encrypted ledger with the password from --password-file or FIELDAPP_PASSWORD."""
    if args.command == "recover":
        from fieldapp.cli_security import recover

        return recover(data_dir, args)
    from fieldapp.security import signin

    password = signin.password_from(args.password_file)
    if password is None and sys.stdin.isatty():
        from fieldapp.cli_security import prompt_password

        password = prompt_password(signin.state_of(data_dir) in ("new", "plaintext"))
    opened = signin.open_with_password(data_dir, password)
    if opened.recovery_code:
        print(
            f"已为 {data_dir} 设置密码并加密台账。恢复码（忘记密码时使用，请抄写或打印后妥善保管，"
            f"不要和电脑放在一起）：\n    {opened.recovery_code}",
            file=sys.stderr,
        )
    return opened.db


def _dispatch(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.cli_commands import COMMANDS

    return COMMANDS[args.command](db, args)


def _check_id(number: str) -> int:
    from fieldapp.domain.errors import ValidationError
    from fieldapp.domain.idcard import parse_id_number

    try:
        parsed = parse_id_number(number)
    except ValidationError as e:
        print(f"无效：{e}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"有效\t{parsed.number}\t{parsed.birth_date.isoformat()}\t{parsed.sex.value}\t{parsed.region_name or ''}"
    )
    for w in parsed.warnings:
        print(f"提示：{w}", file=sys.stderr)
    return EXIT_OK
