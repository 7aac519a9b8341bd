"""`fieldapp sync enroll|upload|export|import|status`: the client's sync commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# `fieldapp` builds its parser with `add_arguments` before it starts the window: the storage and
# crypto modules are imported only when a sync command runs.
if TYPE_CHECKING:
    from fieldapp.storage.db import Database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = sub.add_parser("enroll", help="用市总工会发的登记文件登记本机")
    p.add_argument("source", metavar="FILE_OR_URL", help="登记文件，或市总工会给的登记地址")
    p.add_argument("--server", metavar="URL", help="服务器地址（默认用登记文件里的）")
    p.add_argument(
        "--request-out", type=Path, metavar="PATH", help="不联网：把登记申请写到U盘（文件或文件夹）"
    )
    p.add_argument(
        "--fingerprint", metavar="XXXX-XXXX-…", help="登记信上的市总工会公钥指纹（用登记地址联网登记时必填）"
    )
    p.add_argument(
        "--ca-file",
        type=Path,
        metavar="PEM",
        help="市总工会服务器的CA证书（HTTPS，自签证书时用）；登记后保存在本机",
    )
    p = sub.add_parser("upload", help="通过网络上传未确认的批次，并取回回执")
    p.add_argument("--server", metavar="URL", help="服务器地址（默认用登记时的）")
    p.add_argument("--ca-file", type=Path, metavar="PEM", help="市总工会服务器的CA证书（默认用登记时保存的）")
    p = sub.add_parser("export", help="把未确认的批次导出到U盘文件夹")
    p.add_argument("--to", type=Path, required=True, metavar="DIR")
    p = sub.add_parser("import", help="从U盘导入市总工会的回执")
    p.add_argument("source", type=Path, metavar="DIR")
    sub.add_parser("status", help="待上传条数、上次成功时间（JSON）")


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def run(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.sync.protocol import SyncError

    try:
        return _run(db, args)
    except SyncError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1


def _run(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.sync import client

    action = args.sync_command
    if action == "enroll":
        enrolment = client.load_enrolment(args.source, args.fingerprint, ca_file=args.ca_file)
        if args.request_out is not None:
            path = client.write_enrolment_request(db, enrolment, args.request_out)
            print(f"已写出登记申请：{path}。请把它带到市总工会导入；之后导入回执即完成登记。")
        else:
            print(client.enroll_online(db, enrolment, args.server, ca_file=args.ca_file))
        return 0
    if action == "upload":
        report = client.upload(db, args.server, progress=_progress, ca_file=args.ca_file)
    elif action == "export":
        report = client.export_usb(db, args.to, progress=_progress)
    elif action == "import":
        report = client.import_replies(db, args.source, progress=_progress)
    else:
        print(json.dumps(client.status(db), ensure_ascii=False, indent=1))
        return 0
    print(report.message)
    return 0 if report.ok else 1
