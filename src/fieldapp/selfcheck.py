"""`fieldapp self-check`: are the parts a cadre's work needs present in this installation?

Written for the trimmed desktop bundle (issue 16, docs/packaging.md): the bundle takes CUPS,
D-Bus, glib, fontconfig and X11 from the laptop, so this loads each Qt plugin that needs them
(printing through CUPS, the ibus input method for typing Chinese, the xcb and Wayland
platforms, JPEG photos) and says which one fails and why. It also decodes a JPEG and a PNG
photo the way the attachment viewer does, opens the print dialog, reads an .xlsx sheet with
both spreadsheet readers and unpacks the rare-character font. `packaging/smoke_test.py` runs it
against the built bundle and the installed .deb; a support person can run it on a laptop.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# Qt plugins whose libraries come from the system (Linux); file names under Qt's plugins folder
LINUX_PLUGINS = (
    ("printsupport/libcupsprintersupport.so", "打印到打印机（CUPS）"),
    ("platforminputcontexts/libibusplatforminputcontextplugin.so", "中文输入法（ibus，fcitx5 也经由它）"),
    ("platforminputcontexts/libcomposeplatforminputcontextplugin.so", "组合键输入"),
    ("platforms/libqxcb.so", "X11 窗口（xcb）"),
    ("platforms/libqwayland.so", "Wayland 窗口"),
    ("imageformats/libqjpeg.so", "JPEG 照片"),
)
WINDOWS_PLUGINS = (
    ("platforms/qwindows.dll", "Windows 窗口"),
    ("imageformats/qjpeg.dll", "JPEG 照片"),
)


def _plugins() -> list[tuple[bool, str]]:
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    root = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    wanted = WINDOWS_PLUGINS if sys.platform == "win32" else LINUX_PLUGINS
    out = []
    for rel, what in wanted:
        path = root / rel
        if not path.is_file():
            out.append((False, f"{what}：缺少插件 {rel}"))
            continue
        loader = QPluginLoader(str(path))
        ok = loader.load()
        out.append((ok, f"{what}：插件 {rel}" + ("" if ok else f" 无法加载：{loader.errorString()}")))
    return out


def _photos() -> list[tuple[bool, str]]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QImageWriter

    source = QImage(64, 48, QImage.Format.Format_RGB32)
    source.fill(QColor(200, 30, 30))
    out = []
    for fmt in (b"JPG", b"PNG"):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        written = QImageWriter(buffer, QByteArray(fmt)).write(source)
        buffer.close()
        back = QImage.fromData(data)  # as ui/attachment_viewer.py shows an attached photo
        ok = written and not back.isNull() and (back.width(), back.height()) == (64, 48)
        out.append((ok, f"{fmt.decode()} 照片写入并读回" + ("" if ok else "：失败")))
    return out


def _print_dialog() -> list[tuple[bool, str]]:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.deleteLater()
    names = QPrinterInfo.availablePrinterNames()
    return [
        (True, f"打印对话框可以打开；本机打印机 {len(names)} 台" + (f"：{'、'.join(names)}" if names else ""))
    ]


def _spreadsheets() -> list[tuple[bool, str]]:
    import openpyxl
    import python_calamine

    with tempfile.TemporaryDirectory(prefix="fieldapp-selfcheck-") as tmp:
        path = Path(tmp) / "名单.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(["户主姓名", "身份证号码"])
        ws.append(["张海生", "371302198001011230"])
        wb.save(path)
        sheet = openpyxl.load_workbook(path, read_only=True).active
        assert sheet is not None
        by_openpyxl = [list(r) for r in sheet.iter_rows(values_only=True)]
        by_calamine = python_calamine.load_workbook(str(path)).get_sheet_by_index(0).to_python()
    ok = by_openpyxl[1][0] == "张海生" and by_calamine[1][0] == "张海生"
    return [(ok, ".xlsx 表格写入并读回（openpyxl、calamine）" + ("" if ok else "：内容不一致"))]


def _fonts() -> list[tuple[bool, str]]:
    from fieldapp.assets import rare_font_data

    data = rare_font_data(0)
    ok = data[:4] in (b"\x00\x01\x00\x00", b"true")
    return [(ok, f"生僻字字体解压（{len(data) // 1024} KB）" + ("" if ok else "：不是字体文件"))]


def _sync_stack() -> list[tuple[bool, str]]:
    """What network sync needs, without the network: an HTTPS client with its CA certificates,
    Ed25519 signatures and X25519 + ChaCha20-Poly1305 encryption (fieldapp.sync)."""
    import httpx
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    with httpx.Client(verify=True, timeout=5):  # loads the TLS context and the CA bundle
        pass
    signer = Ed25519PrivateKey.generate()
    signer.public_key().verify(signer.sign(b"batch"), b"batch")
    a, b = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    key = a.exchange(b.public_key())
    box = ChaCha20Poly1305(key)
    ok = box.decrypt(b"\0" * 12, box.encrypt(b"\0" * 12, "同步".encode(), None), None) == "同步".encode()
    return [(ok, "同步所需：HTTPS 客户端、签名和加密" + ("" if ok else "：解密结果不一致"))]


CHECKS: tuple[Callable[[], list[tuple[bool, str]]], ...] = (
    _plugins,
    _photos,
    _print_dialog,
    _spreadsheets,
    _fonts,
    _sync_stack,
)


def run() -> int:
    """Print one line per check; 0 when every check passed, 1 otherwise."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["fieldapp"])
    failed = 0
    for check in CHECKS:
        try:
            results = check()
        except Exception as e:  # a missing module or library is exactly what this reports
            results = [(False, f"{check.__name__.strip('_')}：{type(e).__name__}: {e}")]
        for ok, text in results:
            failed += not ok
            print(("ok   " if ok else "失败 ") + text)
    del app
    print("自检通过" if not failed else f"自检发现 {failed} 处问题")
    return 0 if not failed else 1
