"""One place that says, in plain Chinese, what an operating-system error means for a cadre and
what to do about it — never an errno, never the English text of the exception.

Used by every message that reaches the screen (ui/messages.error_text), by printing and by sync.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path


def _codes(*names: str) -> frozenset[int]:
    """The errno values of these names that this platform has (Windows lacks some)."""
    return frozenset(getattr(errno, n) for n in names if hasattr(errno, n))


# "the device went away": a USB stick pulled out mid-write, a network share gone, a disk failing
_GONE = _codes("EIO", "ENODEV", "ENXIO", "ESTALE", "EREMOTEIO")
_NO_ROOM = _codes("ENOSPC", "EDQUOT", "EFBIG")
_NOT_ALLOWED = _codes("EACCES", "EPERM")
_NETWORK = _codes(
    "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "ETIMEDOUT"
)


def explain(error: BaseException, path: Path | str | None = None) -> tuple[str, str]:
    """(what happened, what to do), each a Chinese phrase without a full stop."""
    if isinstance(error, OSError) and error.filename and path is None:
        path = str(error.filename)
    where = f"“{path}”" if path else ""
    code = error.errno if isinstance(error, OSError) else None
    if code in _NO_ROOM:
        return "磁盘（或U盘）空间不足", "请删除不需要的文件、清空回收站或换一个位置后重试"
    if code == errno.EROFS:
        return "这个位置只能读不能写（U盘可能处于写保护状态）", "请拨开U盘的写保护开关，或换一个文件夹"
    if code in _NOT_ALLOWED or isinstance(error, PermissionError):
        return f"没有权限读写{where}", "请换一个文件夹（例如“文档”），或请电脑管理员开放权限"
    if code in _GONE:
        return (
            "设备读写出错，U盘或移动硬盘可能已被拔出",
            "请重新插好U盘，等电脑认出后再试；未完成的文件不会留下",
        )
    if code == errno.EISDIR or isinstance(error, IsADirectoryError):
        return f"{where}是一个文件夹，不是文件", "请在文件夹后面加上文件名"
    if code == errno.ENOTDIR or isinstance(error, NotADirectoryError):
        return f"{where}的上一级不是文件夹", "请检查路径是否写对"
    if code == errno.ENOENT or isinstance(error, FileNotFoundError):
        return f"找不到{where or '文件或文件夹'}", "请检查路径是否写对，或先插好U盘"
    if code == errno.EEXIST or isinstance(error, FileExistsError):
        return f"{where or '同名文件'}已经存在", "请换一个名字"
    if code in _NETWORK or isinstance(error, ConnectionError | TimeoutError | socket.gaierror):
        return (
            "连不上服务器（网络不通或服务器没有开）",
            "请检查网络后重试；数据都在本机，不会丢失，也可以改用U盘交换",
        )
    if code == errno.ENAMETOOLONG:
        return "文件名或路径太长", "请换一个短一些的名字或文件夹"
    if code == errno.EMFILE or code == errno.ENFILE:
        return "同时打开的文件太多", "请关闭其他程序后重试"
    return "读写文件时出错", "请检查磁盘空间、U盘和文件夹权限后重试"


def describe(error: BaseException, path: Path | str | None = None) -> str:
    """One sentence for a message box: what happened and what to do."""
    what, todo = explain(error, path)
    return f"{what}。{todo}。"
