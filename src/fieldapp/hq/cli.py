"""The `fieldapp-hq` command: headquarters' server and its USB-stick tools."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from fieldapp.hq.store import HQ, default_url
from fieldapp.sync import client as sync_client
from fieldapp.sync.protocol import SyncError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-hq", description="市总工会数据汇总服务器")
    parser.add_argument(
        "--db", metavar="URL", help="数据库地址（默认 $FIELDAPP_HQ_DB 或 DATA_DIR/hq.sqlite）"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="数据文件夹（SQLite 时使用）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    sub.add_parser("init", help="建立数据库和服务器密钥")
    p = sub.add_parser("serve", help="启动HTTP服务")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p = sub.add_parser("enroll-device", help="为一台设备生成登记文件")
    p.add_argument("name")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--url", default="", help="写入登记文件的服务器地址")
    p = sub.add_parser("import", help="导入U盘上的批次和登记申请（逐批报告）")
    p.add_argument("folder", type=Path, metavar="DIR")
    p = sub.add_parser("export-replies", help="为每台设备导出回执到U盘")
    p.add_argument("--to", type=Path, required=True, metavar="DIR")
    p = sub.add_parser("status", help="设备、批次、记录数")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("revoke", help="停用一台设备（名称或编号）")
    p.add_argument("device")
    return parser


def open_hq(args: argparse.Namespace) -> HQ:
    hq = HQ(args.db or default_url(args.data_dir))
    hq.init()
    return hq


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        hq = open_hq(args)
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
        print(f"已初始化：{hq.url}")
        return 0
    if args.command == "serve":
        import uvicorn

        from fieldapp.hq.server import create_app

        uvicorn.run(create_app(hq), host=args.host, port=args.port, log_level="warning")
        return 0
    if args.command == "enroll-device":
        enrolment = hq.issue_enrolment(args.name, args.url)
        sync_client.write_atomic(args.out, json.dumps(enrolment, ensure_ascii=False, indent=1).encode())
        print(f"已生成设备登记文件：{args.out}（只能用一次，请妥善交给该设备的干部）")
        if args.url:
            print(f"联网登记地址：{args.url.rstrip('/')}/api/v1/enrolment/{enrolment['token']}")
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
        if args.json:
            print(json.dumps(st, ensure_ascii=False, indent=1))
        else:
            print(
                f"设备 {st['devices']} 台，批次 {st['batches']} 批，记录 {st['records']} 条，冲突 {st['conflicts']} 条"
            )
        return 0
    if args.command == "revoke":
        n = hq.revoke(args.device)
        print(f"已停用 {n} 台设备" if n else "没有找到该设备")
        return 0 if n else 1
    return 2


def _import(hq: HQ, folder: Path) -> int:
    if not folder.is_dir():
        print(f"错误：找不到文件夹 {folder}", file=sys.stderr)
        return 1
    ok = True
    for req in sorted(folder.glob(f"*{sync_client.ENROL_REQUEST_SUFFIX}")):
        try:
            res = hq.enrol(json.loads(req.read_text(encoding="utf-8")))
            print(f"{req.name}\t登记成功\t{res['name']}")
        except (SyncError, ValueError) as e:
            ok = False
            print(f"{req.name}\t登记失败\t{getattr(e, 'message', e)}")
    files = sorted(folder.glob(f"*{sync_client.BATCH_SUFFIX}"))
    for path in files:
        result = hq.ingest(path.read_bytes(), "usb")
        label = {"accepted": "已入库", "duplicate": "已收到过"}.get(result.status, "拒收")
        print(f"{path.name}\t{label}\t{result.changes if result.ok else result.code}\t{result.message}")
        if result.gaps:
            print(f"{path.name}\t提示\t该设备缺少第 {', '.join(map(str, result.gaps))} 批")
        ok = ok and result.ok
    print(f"共 {len(files)} 个批次文件" + ("，全部成功" if ok else "，有失败的，见上"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
