"""The `fieldapp-hq` command: headquarters' server and its USB-stick tools."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from fieldapp import __version__
from fieldapp.hq import actions, labels, limits, location, ratelimit, reference, stats_cli
from fieldapp.hq.enrolment import letter as enrolment_letter
from fieldapp.hq.sealed import HQKeyError
from fieldapp.hq.store import HQ
from fieldapp.sync import client as sync_client
from fieldapp.sync.protocol import SyncError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-hq", description="市总工会数据汇总服务器")
    parser.add_argument("--version", action="version", version=f"fieldapp-hq {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help="数据库地址，如 postgresql+psycopg://…（或 $FIELDAPP_HQ_DB）"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="数据文件夹，内有 hq.sqlite（或 $FIELDAPP_HQ_DATA_DIR）；只有 init 会建立它",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help=f"配置文件（TOML：data_dir 或 db；或 $FIELDAPP_HQ_CONFIG；默认 {location.SYSTEM_CONFIG}，如存在）",
    )
    parser.add_argument(
        "--key-file",
        type=Path,
        metavar="FILE",
        help="总部数据密钥文件（默认 $FIELDAPP_HQ_KEY_FILE，SQLite 时为数据库旁的 hq.key；init 时建立）",
    )
    parser.add_argument(
        "--passphrase",
        action="store_true",
        help="密钥文件由管理员口令保护：口令取自 $FIELDAPP_HQ_PASSPHRASE，没有时提示输入",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    p = sub.add_parser("init", help="建立数据库和服务器密钥；第一次还建立系统管理员账号 admin")
    p.add_argument(
        "--admin-password-file",
        type=Path,
        metavar="FILE",
        help="admin 的初始密码（文件第一行）；不给时随机生成并只显示这一次",
    )
    p = sub.add_parser("serve", help="启动HTTP服务（给出证书和私钥时为HTTPS）")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--ssl-certfile", type=Path, metavar="PEM", help="HTTPS：服务器证书（含中间证书链）")
    p.add_argument("--ssl-keyfile", type=Path, metavar="PEM", help="HTTPS：证书的私钥")
    _serve_limits(p)
    p = sub.add_parser("enroll-device", help="为一台设备生成登记文件")
    p.add_argument("name")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--url", default="", help="写入登记文件的服务器地址")
    p = sub.add_parser(
        "recover-device",
        help="恢复被判为复制数据库的设备：停用旧身份，为干部真正的电脑生成新的登记文件",
        description="设备的批次因“疑似复制的数据库”被拒收时使用：旧设备身份停用（已收到的记录全部保留），"
        "生成一份新的登记文件交给该干部真正使用的电脑；它登记后以新身份继续同步，原来负责的困难户随之转到新身份。",
    )
    p.add_argument("device", metavar="NAME", help="设备名称或编号")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="恢复登记文件")
    p.add_argument("--url", default="", help="写入登记文件的服务器地址")
    p = sub.add_parser("import", help="导入U盘上的批次和登记申请（逐批报告）")
    p.add_argument("folder", type=Path, metavar="DIR")
    p = sub.add_parser("export-replies", help="为每台设备导出回执到U盘")
    p.add_argument("--to", type=Path, required=True, metavar="DIR")
    p = sub.add_parser("status", help="设备、批次、记录数")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("revoke", help="停用一台设备（名称或编号）")
    p.add_argument("device")
    p = sub.add_parser(
        "referral-outcome",
        help="登记接收单位反馈的转介办理结果，随回执发给负责该户的设备",
        description="登记接收单位反馈的转介办理结果（一条状态记录），下次同步时发给负责该户的设备。",
    )
    p.add_argument("referral", metavar="REFERRAL_ID", help="转介编号（转介单上的编号）")
    p.add_argument("status", metavar="STATUS", help="新状态：已受理、已办结、已退回 或 已撤销")
    p.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="办理日期（默认今天）")
    p.add_argument("--note", default="", help="说明，如接收单位的答复")
    p.add_argument("--by", default="市总工会", help="登记人（默认：市总工会）")
    p = sub.add_parser(
        "handover",
        help="把一户移交给另一位干部的设备（连同该户的全部记录）",
        description="把一户困难户移交给另一台设备：新设备收到该户及其全部记录并成为唯一可修改的设备，"
        "原设备上该户变为只读。",
    )
    p.add_argument("household", metavar="HOUSEHOLD_ID", help="困难户编号")
    p.add_argument("--to", required=True, metavar="DEVICE", help="接收的设备（名称或编号）")
    p.add_argument("--by", default="市总工会", help="经办人")
    p.add_argument("--note", default="", help="移交原因（新干部已结对4户时作为增加的原因）")
    p.add_argument(
        "--cadre", default="", metavar="CADRE", help="与该户结对的新干部（接收设备上的干部姓名或编号）"
    )
    p = sub.add_parser("set-dibao", help="设定本地低保标准（元/月），发给所有设备")
    p.add_argument("yuan", metavar="YUAN", help="每月元数，如 950")
    p = sub.add_parser("set-region", help="设定设备的工作地区（省、市或县区区划代码），发给所有或一台设备")
    p.add_argument("code", metavar="CODE", help="区划代码，如 3713（临沂市）或 371302（兰山区）")
    p.add_argument("--device", default="", metavar="DEVICE", help="只发给这台设备（名称或编号）")
    p = sub.add_parser("set-bodies", help="设定某类转介事项的接收单位目录，发给所有设备")
    p.add_argument("kind", metavar="KIND_CODE", help="转介事项代码，如 EMP-JOB")
    p.add_argument("bodies", metavar="BODY", nargs="+", help="接收单位名称（可写多个）")
    p = sub.add_parser(
        "set-form",
        help="下发新的或修改过的表单模板（TOML），发给所有设备",
        description="检查表单模板（能否读取、引用的数据项是否存在）后发给所有设备；设备打印该表单时优先使用它。",
    )
    p.add_argument("file", type=Path, metavar="FILE.toml", help="模板文件；文件名（不含 .toml）即表单名")
    p.add_argument("--name", default="", help="表单名（默认取文件名，如 referral_slip）")
    p = sub.add_parser("conflicts", help="列出两处同时修改同一记录造成的冲突（两个值都保留）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--all", action="store_true", help="也列出已处理的冲突")
    p = sub.add_parser("resolve", help="处理一条冲突：选定保留的值，发给负责该户的设备")
    p.add_argument("conflict", type=int, metavar="ID", help="冲突编号（见 conflicts）")
    p.add_argument("--keep", required=True, choices=["a", "b"], help="保留值 a 还是值 b")
    p.add_argument("--by", default="市总工会", help="处理人")
    p.add_argument("--note", default="", help="处理说明")
    sub.add_parser("admin-token", help="显示查看 /api/v1/status 所需的管理口令")
    sub.add_parser("rotate-key", help="换用新的总部数据密钥：全部数据用新密钥重新加密（请先停止服务）")
    _user_parser(sub)
    stats_cli.add_parsers(sub)  # campaign, report, stats-rebuild
    return parser


def _serve_limits(p: argparse.ArgumentParser) -> None:
    d = limits.DEFAULT
    p.add_argument(
        "--max-batch-mb",
        type=int,
        default=d.max_batch_bytes // limits.MIB,
        metavar="MB",
        help="一个批次文件的上限（边接收边计数，超过即答 413，默认 %(default)s）",
    )
    p.add_argument(
        "--max-request-kb",
        type=int,
        default=d.max_request_bytes // 1024,
        metavar="KB",
        help="其他请求（登记、控制台表单）内容的上限（默认 %(default)s）",
    )
    p.add_argument(
        "--max-records",
        type=int,
        default=d.max_changes,
        metavar="N",
        help="一个批次的记录条数上限（默认 %(default)s）",
    )
    p.add_argument(
        "--max-attachment-mb",
        type=int,
        default=d.max_attachment_bytes // limits.MIB,
        metavar="MB",
        help="批次中一个附件（证件照片）的上限，超过整批拒收（默认 %(default)s）",
    )
    p.add_argument(
        "--timeout-keep-alive",
        type=int,
        default=5,
        metavar="S",
        help="空闲连接保持的秒数（uvicorn，默认 %(default)s）",
    )
    p.add_argument(
        "--limit-concurrency",
        type=int,
        default=100,
        metavar="N",
        help="同时处理的连接数上限，超过答 503（uvicorn，默认 %(default)s）",
    )
    r = ratelimit.DEFAULT
    for flag, rule, what in (
        ("--rate-signin", "signin_per_address", "每个来源地址每分钟的登录尝试"),
        ("--rate-signin-account", "signin_failures_per_account", "每个账号每分钟的登录失败"),
        ("--rate-batches", "batches_per_device", "每台设备每分钟上传的批次"),
        ("--rate-batches-address", "batches_per_address", "每个来源地址每分钟上传的批次"),
        ("--rate-enrol", "enrol_per_address", "每个来源地址每分钟的设备登记请求"),
        ("--rate-enrol-token", "enrol_per_token", "每个登记码每分钟的尝试"),
    ):
        p.add_argument(
            flag,
            type=int,
            dest=f"rate_{rule}",
            default=getattr(r, rule),
            metavar="N",
            help=f"{what}上限（每个时间窗口），超过答 429 并给出 Retry-After；0 为不限（默认 %(default)s）",
        )
    p.add_argument(
        "--rate-window",
        type=int,
        default=r.window_s,
        metavar="S",
        help="以上限速的时间窗口（秒，默认 %(default)s）",
    )
    p.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDR",
        help="反向代理的地址或网段（可多次给出）：只有来自这些地址的 X-Forwarded-For 才被采信，用于按来源地址限速",
    )
    p.add_argument(
        "--h11-max-incomplete-event-size",
        type=int,
        default=16 * 1024,
        metavar="BYTES",
        help="请求行和请求头的总长度上限（h11，默认 %(default)s）",
    )


def _serve(hq: HQ, args: argparse.Namespace) -> int:
    import dataclasses

    import uvicorn

    from fieldapp.hq.app import create_app

    hq.limits = dataclasses.replace(
        hq.limits,
        max_batch_bytes=args.max_batch_mb * limits.MIB,
        max_request_bytes=args.max_request_kb * 1024,
        max_changes=args.max_records,
        max_attachment_bytes=args.max_attachment_mb * limits.MIB,
    )
    try:
        proxies = ratelimit.parse_proxies(args.trusted_proxy)
    except ValueError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    rates = dataclasses.replace(
        ratelimit.Rates(trusted_proxies=proxies, window_s=max(1, args.rate_window)),
        **{rule: max(0, getattr(args, f"rate_{rule}")) for rule in ratelimit.MESSAGES},
    )
    if (args.ssl_certfile is None) != (args.ssl_keyfile is None):
        print("错误：启用HTTPS需要同时给出 --ssl-certfile 和 --ssl-keyfile。", file=sys.stderr)
        return 2
    for path in (args.ssl_certfile, args.ssl_keyfile):
        if path is not None and not path.is_file():
            print(f"错误：找不到证书文件 {path}。", file=sys.stderr)
            return 2
    # each batch received is one line on the console (uvicorn's own access log stays quiet)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    uvicorn.run(
        create_app(hq, rates),
        host=args.host,
        port=args.port,
        log_level="warning",
        http="h11",  # the pure-Python parser, whose header-size limit is set here
        proxy_headers=False,  # X-Forwarded-For only from --trusted-proxy (hq/ratelimit.py), never by default
        timeout_keep_alive=args.timeout_keep_alive,
        limit_concurrency=args.limit_concurrency,
        h11_max_incomplete_event_size=args.h11_max_incomplete_event_size,
        ssl_certfile=str(args.ssl_certfile) if args.ssl_certfile else None,
        ssl_keyfile=str(args.ssl_keyfile) if args.ssl_keyfile else None,
    )
    return 0


def open_hq(args: argparse.Namespace) -> HQ:
    where = location.resolve(args.db, args.data_dir, args.config, creating=args.command == "init")
    hq = HQ(where.url, key_file=args.key_file)
    if args.passphrase and not hq.datakey.passphrase:
        import getpass

        hq.datakey.passphrase = getpass.getpass("总部数据密钥的管理员口令：")
    try:
        hq.init()
    except BaseException:
        hq.close()
        raise
    return hq


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        hq = open_hq(args)
    except HQKeyError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except location.LocationError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return location.EXIT_LOCATION
    except Exception as e:
        print(f"无法打开总部数据库：{e}", file=sys.stderr)
        return 1
    try:
        return _run(hq, args)
    except SyncError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    finally:
        hq.close()


def _run(hq: HQ, args: argparse.Namespace) -> int:
    if args.command == "init":
        return _init(hq, args.admin_password_file)
    if args.command == "rotate-key":
        from fieldapp.hq import rekey

        rekey.rotate(hq)
        return 0
    if args.command == "user":
        return _user(hq, args)
    if args.command in stats_cli.COMMANDS:
        return stats_cli.run(hq, args)
    if args.command == "serve":
        return _serve(hq, args)
    if args.command == "enroll-device":
        enrolment = actions.enrol_device(hq, None, args.name, args.url)
        sync_client.write_atomic(args.out, json.dumps(enrolment, ensure_ascii=False, indent=1).encode())
        print(f"已生成设备登记文件：{args.out}（只能用一次，请妥善交给该设备的干部）")
        print(enrolment_letter(enrolment, args.url))
        return 0
    if args.command == "recover-device":
        from fieldapp.hq import recovery

        enrolment = recovery.issue(hq, None, args.device, args.url)
        sync_client.write_atomic(args.out, json.dumps(enrolment, ensure_ascii=False, indent=1).encode())
        print(
            f"已停用设备“{enrolment['name']}”的旧身份（已收到的记录全部保留），恢复登记文件：{args.out}。"
            "请只交给该干部真正使用的电脑，在其上执行“设备登记”。"
        )
        return 0
    if args.command == "import":
        return _import(hq, args.folder)
    if args.command == "export-replies":
        n = 0
        for dev in hq.devices():
            if dev.revoked_at is not None:
                continue
            data = hq.build_reply(dev.device_id)
            sync_client.write_atomic(args.to / f"reply-{dev.device_id}{sync_client.REPLY_SUFFIX}", data)
            n += 1
        print(f"已导出 {n} 台设备的回执到 {args.to}")
        return 0
    if args.command == "status":
        st = hq.status()
        versions = {d.name: d.app_version for d in hq.devices()}
        if args.json:
            print(json.dumps({**st, "app_versions": versions}, ensure_ascii=False, indent=1))
        else:
            print(
                f"设备 {st['devices']} 台，批次 {st['batches']} 批，记录 {st['records']} 条，冲突 {st['conflicts']} 条"
            )
            for name, version in versions.items():
                print(f"  {name}：程序版本 {version or '未知（尚未收到批次，或来自 0.1.0 之前的版本）'}")
        return 0
    if args.command == "revoke":
        n = actions.revoke_device(hq, None, args.device)
        print(f"已停用 {n} 台设备" if n else "没有找到该设备")
        return 0 if n else 1
    if args.command == "referral-outcome":
        res = actions.record_referral_outcome(
            hq, None, args.referral, args.status, args.date, args.note, args.by
        )
        ev = res["event"]
        print(
            f"已登记：转介 {args.referral} 由“{res['previous']}”变为“{ev['status']}”（{ev['occurred_on']}），"
            "将在该设备下次同步时送达。"
        )
        return 0
    if args.command == "handover":
        res = hq.handover(args.household, args.to, args.by, args.note, args.cadre)
        print(
            f"已移交：困难户 {args.household} 连同 {res['records']} 条记录、{res['files']} 个附件移交给"
            f"“{res['to_name']}”；原设备同步后该户变为只读。"
        )
        if res["pairings_ended"]:
            print(f"原结对关系 {res['pairings_ended']} 个已于今天结束（原因：市总工会移交）。")
        if res["paired_cadre"]:
            print(f"已与干部“{res['paired_cadre']}”结对。")
        return 0
    if args.command == "set-dibao":  # checked, audited and sent as on the console's 参考数据 page
        print(f"已设定低保标准 {reference.set_dibao(hq, None, args.yuan)} 元/月，各设备下次同步时更新。")
        return 0
    if args.command == "set-region":
        name = reference.set_region(hq, None, args.code, args.device)
        print(f"已设定工作地区：{name}，{'该设备' if args.device else '各设备'}下次同步时更新。")
        return 0
    if args.command == "set-bodies":
        from fieldapp.domain.referrals import catalogue

        bodies = reference.set_bodies(hq, None, args.kind, "\n".join(args.bodies))
        print(f"已设定“{catalogue()[args.kind].name}”的接收单位：{'、'.join(bodies)}")
        return 0
    if args.command == "set-form":
        try:
            data = args.file.read_bytes()
        except OSError as e:
            print(f"错误：无法读取 {args.file}：{e}", file=sys.stderr)
            return 1
        out = reference.set_form(hq, None, args.name or args.file.stem, data)
        print(f"已下发表单模板 {out.name}（{out.title or out.record}），各设备下次同步时更新。")
        return 0
    if args.command == "conflicts":
        return _conflicts(hq, args.json, args.all)
    if args.command == "resolve":
        res = actions.resolve_conflict(hq, None, args.conflict, args.keep, args.note, args.by)
        where = f"，已排入发给 {len(res['sent_to'])} 台设备的回执" if res["sent_to"] else ""
        print(f"冲突 {res['id']} 已处理：保留值 {res['kept']}{where}。")
        return 0
    if args.command == "admin-token":
        print(hq.admin_token)
        return 0
    return 2


def _user_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from fieldapp.hq.accounts import ROLES

    roles = "、".join(f"{k}={v}" for k, v in ROLES.items())
    user = sub.add_parser("user", help="控制台工作人员账号：add、passwd、disable、enable、list、token")
    cmd = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = cmd.add_parser("add", help=f"新增账号（角色：{roles}）")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=list(ROLES))
    p.add_argument("--county", default="", metavar="CODE", help="县区代码（6位，如 371324）；county 角色必填")
    p.add_argument("--password-file", type=Path, required=True, metavar="FILE", help="初始密码（文件第一行）")
    p = cmd.add_parser("passwd", help="重设密码（同时解除锁定、退出所有已登录的浏览器）")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--password-file", type=Path, required=True, metavar="FILE")
    for action, text in (("disable", "停用账号（立即退出登录，令牌作废）"), ("enable", "重新启用账号")):
        cmd.add_parser(action, help=text).add_argument("name", metavar="NAME")
    p = cmd.add_parser("list", help="列出账号")
    p.add_argument("--json", action="store_true")
    p = cmd.add_parser("token", help="为账号生成调用 /api/v1/ 工作人员接口的令牌（只显示一次，旧令牌作废）")
    p.add_argument("name", metavar="NAME")


def _password_from(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise SyncError("INVALID", f"无法读取密码文件 {path}：{e}") from None
    return lines[0] if lines else ""


def _init(hq: HQ, password_file: Path | None) -> int:
    from fieldapp.hq import accounts

    print(f"已初始化：{hq.url}")
    print(f"总部数据密钥文件：{hq.datakey.path}（请另行备份，与数据库备份分开存放；丢失后数据无法恢复）")
    try:
        name, generated = accounts.ensure_first_admin(
            hq, _password_from(password_file) if password_file else None
        )
    except accounts.AccountError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    if name and generated:
        print(f"已建立系统管理员账号 {name}，初始密码（只显示这一次，请登录后妥善保管）：{generated}")
    elif name:
        print(f"已建立系统管理员账号 {name}（密码取自 {password_file}）")
    return 0


def _user(hq: HQ, args: argparse.Namespace) -> int:
    from fieldapp.hq import accounts

    action = args.user_command
    try:
        if action == "add":
            staff = accounts.add_account(
                hq, args.name, args.role, _password_from(args.password_file), args.county
            )
            scope = f"，县区 {staff.county_name}（{staff.county_code}）" if staff.county_code else ""
            print(f"已新增账号 {staff.name}：{staff.role_label}{scope}")
        elif action == "passwd":
            accounts.set_password(hq, args.name, _password_from(args.password_file))
            print(f"已重设 {args.name} 的密码（已解除锁定，原有登录已退出）")
        elif action in ("disable", "enable"):
            accounts.set_disabled(hq, args.name, action == "disable")
            print(f"已{'停用' if action == 'disable' else '启用'}账号 {args.name}")
        elif action == "token":
            print(accounts.issue_api_token(hq, args.name))
        else:
            return _user_list(hq, args.json)
    except accounts.AccountError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    return 0


def _user_list(hq: HQ, as_json: bool) -> int:
    from fieldapp.hq import accounts

    items = accounts.list_accounts(hq)
    if as_json:
        print(json.dumps(items, ensure_ascii=False, indent=1, default=str))
        return 0
    for a in items:
        state = "已停用" if a["disabled"] else ("锁定中" if a["locked"] else "正常")
        print(f"{a['name']}\t{a['role_label']}\t{a['county_name'] or '全市'}\t{state}")
    print(f"共 {len(items)} 个账号")
    return 0


def _conflicts(hq: HQ, as_json: bool, include_resolved: bool) -> int:
    items = hq.conflicts(include_resolved)
    if as_json:
        print(json.dumps(items, ensure_ascii=False, indent=1))
        return 0
    if not items:
        print("没有待处理的冲突。")
        return 0
    for c in items:
        state = f"已处理（保留 {c['kept']}）" if c["resolved_at"] else "待处理"
        print(
            f"#{c['id']}\t{state}\t{labels.CONFLICT_KINDS.get(c['kind'], c['kind'])}\t{c['entity']} {c['row_id']}"
            f"\t版本 {c['version']}"
        )
        print(f"\ta = {c['a']['device']}\tb = {c['b']['device']}")
        for key, (va, vb) in c["differs"].items():
            print(f"\t{key}: a={va!r}  b={vb!r}")
    print(f"共 {len(items)} 条。处理：fieldapp-hq resolve 编号 --keep a|b")
    return 0


def _import(hq: HQ, folder: Path) -> int:
    from fieldapp.hq.importer import import_folder

    return 0 if import_folder(hq, folder) else 1


if __name__ == "__main__":
    sys.exit(main())
