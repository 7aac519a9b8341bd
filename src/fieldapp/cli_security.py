"""CLI commands of the privacy layer: passwd, recover, audit, retention, wipe."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from fieldapp.domain.errors import DomainError
from fieldapp.domain.vocab import AuditAction
from fieldapp.security import signin, vault
from fieldapp.storage.db import Database


def prompt_password(new: bool) -> str:
    """Ask in the terminal (not echoed); a new password is asked twice."""
    if not new:
        return getpass.getpass("台账密码：")
    print("这个数据文件夹还没有密码：请设置一个，台账将用它加密。", file=sys.stderr)
    first = getpass.getpass("设置密码：")
    if getpass.getpass("再输入一次：") != first:
        raise vault.WeakPassword("两次输入的密码不一样，请重新运行。")
    return first


def _new_password(args: argparse.Namespace) -> str:
    if getattr(args, "new_password_file", None) is not None:
        return signin.read_password_file(args.new_password_file)
    if not sys.stdin.isatty():
        raise signin.PasswordNeeded("请用 --new-password-file 文件 提供新密码。")
    first = getpass.getpass("新密码：")
    if getpass.getpass("再输入一次新密码：") != first:
        raise vault.WeakPassword("两次输入的新密码不一样，密码没有修改。")
    return first


def passwd(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.services import audit

    old = signin.password_from(args.password_file)
    assert old is not None  # signing in needed it
    vault.change_password(db.path.parent, old, _new_password(args))
    audit.log(db, AuditAction.PASSWORD_CHANGED)
    print("密码已修改。恢复码不变，仍可用于找回。")
    return 0


def recover(data_dir: Path, args: argparse.Namespace) -> Database:
    code = args.code
    if code is None:
        if not sys.stdin.isatty():
            raise signin.PasswordNeeded("请用 --code 给出恢复码。")
        code = input("恢复码：")
    opened = signin.open_with_recovery(data_dir, code, _new_password(args))
    print("已用恢复码重设密码，今后请用新密码登录。", file=sys.stderr)
    return opened.db


def recovered(db: Database, args: argparse.Namespace) -> int:
    return 0  # the work was done while signing in (see recover above)


def check(db: Database, args: argparse.Namespace) -> int:
    problems = db.check()
    if not problems:
        print(f"台账文件完好：{db.path}（{'已加密' if db.encrypted else '未加密'}）")
        return 0
    print(
        f"台账文件有 {len(problems)} 处问题（可能已损坏或被改动），请从 backups/ 中的备份恢复或联系市总工会：",
        file=sys.stderr,
    )
    for p in problems[:20]:
        print(f"  {p}", file=sys.stderr)
    return 1


def audit_log(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.services import audit

    for row in audit.recent(db, household_id=args.household, limit=args.limit):
        stamp = row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{stamp}\t{row.actor}\t{row.action.value}\t{row.household}\t{row.detail}")
    return 0


def retention(db: Database, args: argparse.Namespace) -> int:
    from fieldapp.services import retention as rules

    found = rules.candidates(db, years=args.years)
    if not found:
        print("没有已销档的家庭。")
        return 0
    for c in found:
        state = "可清除" if c.eligible else c.reason
        print(f"{c.household_id}\t{c.head_name}\t{c.closed_on or ''}\t{state}")
    eligible = [c.household_id for c in found if c.eligible]
    if not args.apply:
        print(f"共 {len(eligible)} 户可从本机清除；加 --apply 执行。", file=sys.stderr)
        return 0
    result = rules.purge(db, eligible, years=args.years)
    print(f"已从本机清除 {result.households} 户的个人信息（{result.rows} 条记录，{result.files} 个附件）。")
    if result.backups:
        print(f"清除前的 {result.backups} 个备份也含有这些信息，已一并销毁，并重新备份了清除后的台账。")
    return 0


def wipe(data_dir: Path, args: argparse.Namespace) -> int:
    """Remove every piece of personal data from a device being handed on."""
    from fieldapp.services import retention as rules

    if not rules.has_personal_data(data_dir):
        print(f"{data_dir} 中没有台账数据。")
        return 0
    pending: int | None = None
    password = signin.password_from(args.password_file)
    if password is not None:
        try:
            opened = signin.open_with_password(data_dir, password)
        except DomainError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 1
        try:
            pending = rules.unacknowledged_changes(opened.db)
        finally:
            opened.db.close()
    if pending is None and not args.force:
        print(
            "错误：无法确认是否所有修改都已上传（没有提供密码）。请提供密码（--password-file），"
            "或确认数据可以丢失后加 --force。",
            file=sys.stderr,
        )
        return 1
    if pending and not args.force:
        print(
            f"错误：还有 {pending} 条修改未被市总工会确认，清除后将永久丢失。请先同步；"
            "确认可以丢失时加 --force。",
            file=sys.stderr,
        )
        return 1
    if not args.yes:
        print(f"将清除 {data_dir} 中的台账、备份、附件和密钥文件（无法恢复）。确认请加 --yes。")
        return 1
    removed = rules.wipe_folder(data_dir)
    print(f"已清除 {len(removed)} 项：密钥已销毁，数据库、备份和附件已覆盖后删除。")
    return 0


def restore(data_dir: Path, args: argparse.Namespace) -> int:
    """`fieldapp restore BACKUP`: check the backup, put it in place, open it with the code or password."""
    from fieldapp.storage import backups

    try:
        backups.verify(args.backup)  # a damaged or foreign folder is refused before anything is asked
        if args.code is not None:
            key = vault.key_from_recovery(vault.parse_recovery_code(args.code))
            new_password = _new_password(args)
            vault.check_password_strength(new_password)
        else:
            password = signin.password_from(args.password_file)
            if password is None:
                if not sys.stdin.isatty():
                    raise signin.PasswordNeeded(
                        "请用 --code 给出恢复码，或用 --password-file 给出备份时的密码。"
                    )
                password = getpass.getpass("备份时的台账密码：")
            key = backups.key_from_backup_password(args.backup, password)
        moved = backups.restore(args.backup, data_dir, key)
        if args.code is not None:
            opened = signin.open_with_recovery(data_dir, args.code, new_password)
        else:
            opened = signin.open_with_password(data_dir, password)
    except DomainError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    try:
        problems = opened.db.check()
    finally:
        opened.db.close()
    if problems:
        print(f"错误：恢复后的台账有问题：{problems[0]}", file=sys.stderr)
        return 1
    print(f"已从 {args.backup} 恢复台账到 {data_dir}。")
    if moved is not None:
        print(f"数据文件夹原有的文件已移到 {moved}（没有删除）。")
    return 0
