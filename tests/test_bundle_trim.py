"""The trimmed Linux bundle (issue 16, docs/packaging.md): what the spec leaves out and keeps,
and `fieldapp self-check`, which the smoke test runs inside the bundle to prove that printing,
the Chinese input method, the window platforms, photos and spreadsheets still work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from fieldapp import selfcheck
from fieldapp.cli import main

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _spec(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import PyInstaller.utils.hooks  # noqa: F401

    text = (PACKAGING / "fieldapp.spec").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "platform", "linux")
    scope: dict[str, Any] = {"SPECPATH": str(PACKAGING)}
    exec(compile(text[: text.index("a = Analysis(")], "fieldapp.spec", "exec"), scope)
    return scope


def test_the_spec_leaves_system_libraries_and_unused_parts_to_the_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = _spec(monkeypatch)
    unwanted = spec["_unwanted"]
    for dest in (
        "libcups.so.2",
        "libgnutls.so.30",
        "libgssapi_krb5.so.2",
        "libglib-2.0.so.0",
        "libgio-2.0.so.0",
        "libdbus-1.so.3",
        "libsystemd.so.0",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libX11.so.6",
        "libz.so.1",
        "libssl.so.3",
        "libcrypto.so.3",
        "stdnum/oui.dat",
        "stdnum/imsi.dat",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "fieldapp/resources/translations/fieldapp_en.ts",
        "fieldapp/resources/translations/en_glossary.py",
    ):
        assert unwanted(dest), dest
    # kept: what a cadre's work needs and what older systems may lack
    for dest in (
        "libstdc++.so.6",
        "libffi.so.8",
        "libzstd.so.1",
        "liblzma.so.5",
        "libsqlite3.so.0",
        "libxcb-cursor.so.0",
        "stdnum/cn/loc.dat",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "fieldapp/resources/translations/fieldapp_en.qm",
    ):
        assert not unwanted(dest), dest
    for dest in (
        "PIL/_imagingft.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libharfbuzz-fb49c9fc.so.0.61450.0",
        "pillow.libs/libwebp-51b0b3f7.so.7.2.0",
    ):
        assert unwanted(dest), dest
    assert {"readline", "PySide6.QtNetwork", "phonenumbers.geodata", "pygments"} <= set(spec["EXCLUDES"])
    # ReportLab imports PIL.Image at start: Pillow's core and the libraries it links stay
    for dest in (
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
        "pillow.libs/libtiff-20b7e810.so.6.3.0",
        "pillow.libs/libopenjp2-e530e1bf.so.2.5.4",
        "pillow.libs/libxcb-9065bb12.so.1.1.0",
    ):
        assert not unwanted(dest), dest
    assert "PIL" not in spec["EXCLUDES"]


def test_self_check_passes_here(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert "ok   打印到打印机（CUPS）" in out
    assert "ok   中文输入法（ibus" in out
    assert "ok   JPG 照片写入并读回" in out and "ok   PNG 照片写入并读回" in out
    assert "ok   .xlsx 表格写入并读回" in out
    assert "ok   同步所需：HTTPS 客户端、签名和加密" in out
    assert out.rstrip().endswith("自检通过")


def test_self_check_names_a_missing_or_broken_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        selfcheck,
        "LINUX_PLUGINS",
        (
            ("printsupport/libnot-there.so", "打印到打印机（CUPS）"),
            (str(tmp_path / "broken.so"), "中文输入法"),
        ),
    )
    (tmp_path / "broken.so").write_bytes(b"not a library")
    assert main(["self-check"]) == 1
    out = capsys.readouterr().out
    assert "失败 打印到打印机（CUPS）：缺少插件 printsupport/libnot-there.so" in out
    assert "失败 中文输入法：插件" in out and "无法加载" in out
    assert "自检发现 2 处问题" in out
