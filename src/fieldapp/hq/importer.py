"""`fieldapp-hq import FOLDER`: a USB stick's enrolment requests and batches, trusting nothing.

Only regular files directly in the folder with the expected suffixes are read. Each entry is
checked with lstat before opening (a symlink, FIFO, device or sub-folder is reported and skipped,
never opened or followed), opened with O_NOFOLLOW | O_NONBLOCK where the system has them, checked
again on the open descriptor, and read up to a cap. One bad file is one Chinese report line;
the rest of the stick is still imported.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from fieldapp.hq import limits
from fieldapp.hq.store import HQ
from fieldapp.sync import client as sync_client
from fieldapp.sync.protocol import SyncError

MAX_ENROL_BYTES = 64 * 1024
OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


class Skipped(Exception):
    """A file that is not read, with the reason in plain Chinese."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "符号链接"
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "管道文件"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    return "特殊文件"


def read_regular(path: Path, cap: int) -> bytes:
    """The bytes of `path` if it is a regular file (not a link) of at most `cap` bytes."""
    try:
        st = os.lstat(path)
    except OSError as e:
        raise Skipped(f"无法读取：{e.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise Skipped(f"不是普通文件（{_kind(st.st_mode)}），未读取")
    if st.st_size > cap:
        raise Skipped(f"文件太大（{st.st_size // limits.MIB} MB，上限 {cap // limits.MIB} MB），未读取")
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as e:  # ELOOP: replaced by a link between lstat and open
        raise Skipped(f"无法打开：{e.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        st2 = os.fstat(f.fileno())
        if not stat.S_ISREG(st2.st_mode) or (st2.st_dev, st2.st_ino) != (st.st_dev, st.st_ino):
            raise Skipped("文件在读取时被替换，未读取")
        data = f.read(cap + 1)
    if len(data) > cap:
        raise Skipped(f"文件太大（上限 {cap // limits.MIB} MB），未读取")
    return data


def import_folder(hq: HQ, folder: Path, say: Callable[[str], None] = print) -> bool:
    """Import every enrolment request, then every batch, in name order. True if all accepted."""
    try:
        st = os.stat(folder)
    except OSError:
        st = None
    if st is None or not stat.S_ISDIR(st.st_mode):
        raise SyncError("NOT_FOUND", f"找不到文件夹 {folder}")
    names = sorted(os.listdir(folder))
    enrol = [n for n in names if n.endswith(sync_client.ENROL_REQUEST_SUFFIX) and not n.startswith(".")]
    batches = [n for n in names if n.endswith(sync_client.BATCH_SUFFIX) and not n.startswith(".")]
    ok = True
    for name in enrol:
        try:
            request = limits.json_object(read_regular(folder / name, MAX_ENROL_BYTES), "登记申请")
            res = hq.enrol(request)
            say(f"{name}\t登记成功\t{res['name']}")
        except Skipped as e:
            ok = False
            say(f"{name}\t已跳过\t{e}")
        except SyncError as e:
            ok = False
            hint = (
                "登记码仍然有效：请在本机重新生成登记申请后再导入。"
                if e.code == "MALFORMED" and "仍然有效" not in e.message
                else ""
            )
            say(f"{name}\t登记失败\t{e.message}{hint}")
    for name in batches:
        try:
            data = read_regular(folder / name, hq.limits.max_batch_bytes)
        except Skipped as e:
            ok = False
            say(f"{name}\t已跳过\t{e}")
            continue
        result = hq.ingest(data, "usb")
        label = {"accepted": "已入库", "duplicate": "已收到过"}.get(result.status, "拒收")
        say(f"{name}\t{label}\t{result.changes if result.ok else result.code}\t{result.message}")
        if result.gaps:
            say(f"{name}\t提示\t该设备缺少第 {limits.describe_gaps(result.gaps)} 批")
        ok = ok and result.ok
    say(f"共 {len(batches)} 个批次文件" + ("，全部成功" if ok else "，有失败的，见上"))
    return ok
