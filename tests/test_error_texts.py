"""Errors reach the cadre in plain Chinese with what to do — never an errno, never the English
text of an exception (issue 14). Each case is a real failing operation on this machine: /dev/full
answers every write with ENOSPC, /sys refuses new files even to root, /proc/version fails with
EIO like a pulled USB stick, a closed port refuses a connection."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.printing.errors import PrintError
from fieldapp.services import printing
from fieldapp.storage.os_errors import describe
from fieldapp.ui import messages
from fieldapp.ui.sync_screen import sync_error_text


def _write(path: str | Path) -> Callable[[], object]:
    def run() -> None:
        with open(path, "wb") as f:
            f.write(b"x" * 4096)
            f.flush()

    return run


def _read(path: Path) -> Callable[[], object]:
    return lambda: path.read_bytes()


def _connect_closed_port() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: refused
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass


def _plain(text: str, *paths: Path) -> None:
    """Chinese for a person: no errno, no English words (paths aside), says what to do."""
    assert "Errno" not in text and "errno" not in text, text
    for p in sorted(paths, key=lambda p: -len(str(p))):
        text = text.replace(str(p / "表单.pdf"), "").replace(str(p), "")
    words = re.findall(r"[A-Za-z]{2,}", re.sub(r"“[^”]*”", "", text))
    assert words == [], f"English in {text!r}: {words}"
    assert re.search(r"[\u4e00-\u9fff]", text) and "请" in text, text


def _failure(action: Callable[[], object]) -> OSError:
    with pytest.raises(OSError) as caught:
        action()
    return caught.value


CASES = {
    "disk full": (lambda _t: _write("/dev/full"), "空间不足"),
    "no permission": (lambda _t: _write("/sys/fieldapp-test"), "没有权限"),
    "stick pulled (EIO)": (lambda _t: _write("/proc/version"), "拔出"),
    "file not found": (lambda t: _read(t / "missing.xlsx"), "找不到"),
    "a folder, not a file": (lambda t: _write(t), "是一个文件夹"),
    "under a file": (lambda t: _read(t / "a.txt" / "b.txt"), "不是文件夹"),
    "server down": (lambda _t: _connect_closed_port, "连不上服务器"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_os_error_shown_is_plain_chinese_with_what_to_do(tmp_path: Path, case: str) -> None:
    (tmp_path / "a.txt").write_text("x")
    make, expected = CASES[case]
    error = _failure(make(tmp_path))
    assert "Errno" in str(error) or case == "server down"  # the raw text would have shown it
    for shown in (messages.error_text(error), sync_error_text(error), describe(error)):
        _plain(shown)
        assert expected in shown, shown


def test_a_pdf_saved_where_it_cannot_be_written_says_why_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    for target, expected in (
        (tmp_path / "a.txt" / "表单.pdf", "不是文件夹"),
        (Path("/sys/表单.pdf"), "没有权限"),
        (tmp_path, "已有的文件夹"),
    ):
        with pytest.raises(PrintError) as caught:
            printing.save_pdf(target, b"%PDF-1.4\n")
        text = messages.error_text(caught.value)
        _plain(text, target, tmp_path)
        assert expected in text and "未生成文件" in text
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no partial file left behind


def test_a_fault_of_the_program_shows_no_english_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    try:
        {}["household"]  # a real KeyError with its English text
    except KeyError as e:
        error: Exception = e
    text = messages.error_text(error)
    _plain(text)
    assert "household" not in text and "程序内部出错" in text
    assert any(r.exc_info and r.exc_info[1] is error for r in caplog.records)
