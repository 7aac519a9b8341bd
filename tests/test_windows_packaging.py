"""The Windows packaging, checked on Linux as far as it can be (docs/packaging.md says what was
never run here): the spec's trimming understands PyInstaller's Windows layout, the smoke test
picks the console twin for commands, the Inno Setup script and the CI workflow say what the
installer and the Windows build must do."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
WINDOWS = PACKAGING / "windows"


def _smoke() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smoke_test", PACKAGING / "smoke_test.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _spec_helpers(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The spec's definitions (everything before the Analysis), as PyInstaller would run them."""
    import PyInstaller.utils.hooks  # noqa: F401 - imported for this platform before the spec sees another

    text = (PACKAGING / "fieldapp.spec").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "platform", platform)
    scope: dict[str, Any] = {"SPECPATH": str(PACKAGING)}
    exec(compile(text[: text.index("a = Analysis(")], "fieldapp.spec", "exec"), scope)
    return scope


def test_the_spec_trims_qt_in_the_windows_layout_as_in_the_linux_one(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec_helpers("win32", monkeypatch)
    unwanted = spec["_unwanted"]
    assert spec["ICON"] == str(WINDOWS / "fieldapp.ico") and Path(spec["ICON"]).is_file()
    for dest in (
        r"PySide6\translations\qtbase_de.qm",
        r"PySide6\plugins\sqldrivers\qsqlite.dll",
        r"PySide6\plugins\multimedia\ffmpegmediaplugin.dll",
        "Qt6Quick.dll",
        r"PySide6\Qt6WebEngineCore.dll",
    ):
        assert unwanted(dest), dest
    for dest in (
        r"PySide6\translations\qtbase_zh_CN.qm",
        r"PySide6\plugins\platforms\qwindows.dll",
        r"PySide6\plugins\platforms\qoffscreen.dll",
        r"PySide6\plugins\printsupport\windowsprintersupport.dll",
        r"PySide6\Qt6Core.dll",
        r"PySide6\Qt6Pdf.dll",
    ):
        assert not unwanted(dest), dest
    linux = _spec_helpers("linux", monkeypatch)
    assert linux["ICON"] is None and linux["STRIP"] is True
    assert linux["_unwanted"]("PySide6/Qt/translations/qtbase_de.qm")
    assert not linux["_unwanted"]("PySide6/Qt/plugins/platforms/libqxcb.so")


def test_the_windows_icon_has_every_size_explorer_asks_for() -> None:
    with Image.open(WINDOWS / "fieldapp.ico") as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_the_smoke_test_runs_commands_with_the_console_twin_on_windows(tmp_path: Path) -> None:
    smoke = _smoke()
    win = tmp_path / "win"
    win.mkdir()
    (win / "fieldapp.exe").write_bytes(b"MZ")
    (win / "fieldapp-cli.exe").write_bytes(b"MZ")
    assert smoke._exe(win) == win / "fieldapp-cli.exe"
    assert smoke._exe(win, windowed=True) == win / "fieldapp.exe"
    linux = tmp_path / "linux"
    linux.mkdir()
    (linux / "fieldapp").write_bytes(b"\x7fELF")
    assert smoke._exe(linux) == smoke._exe(linux, windowed=True) == linux / "fieldapp"
    with pytest.raises(SystemExit, match="no fieldapp executable"):
        smoke._exe(tmp_path)
    assert smoke.parse_args([str(win)]).bundle == win
    assert smoke.main([str(tmp_path / "missing")]) == 2


def _iss() -> tuple[str, dict[str, dict[str, str]]]:
    raw = (WINDOWS / "fieldapp.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese texts only from UTF-8 with a BOM"
    text = raw[3:].decode("utf-8")
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if m := re.fullmatch(r"\[(\w+)\]", line):
            current = m.group(1)
            sections.setdefault(current, {})
        elif "=" in line and current in ("Setup", "CustomMessages"):
            key, value = line.split("=", 1)
            sections[current][key.strip()] = value.strip()
        else:
            sections.setdefault(current, {})[line] = ""
    return text, sections


def test_the_installer_is_per_user_chinese_and_keeps_the_users_data() -> None:
    text, sections = _iss()
    setup = sections["Setup"]
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["AppVersion"] == "{#AppVersion}" and "#error" in text  # only from /DAppVersion=
    assert setup["AppId"].startswith("{{")  # one AppId for every release: upgrades in place
    assert (WINDOWS / setup["SetupIconFile"]).is_file()
    # the program folder is not the data folder (%LOCALAPPDATA%\fieldapp, src/fieldapp/paths.py)
    assert setup["DefaultDirName"] == r"{autopf}\fieldapp"
    assert "UninstallDelete" not in sections
    assert r"{localappdata}\fieldapp" not in "".join(sections.get("InstallDelete", {}))
    icons = "\n".join(sections["Icons"])
    assert "{autodesktop}" in icons and "{group}" in icons and "Tasks: desktopicon" in icons
    languages = "".join(sections["Languages"])
    assert "ChineseSimplified.isl" in languages
    isl = (WINDOWS / "ChineseSimplified.isl").read_bytes()
    assert isl.startswith(b"\xef\xbb\xbf") and "LanguageID=$0804" in isl.decode("utf-8-sig")
    assert "欢迎安装" in isl.decode("utf-8-sig")
    assert "没有删除" in sections["CustomMessages"]["chs.DataKept"]


def test_the_windows_workflow_builds_smoke_tests_and_packages_the_bundle() -> None:
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8"))
    (job,) = flow["jobs"].values()
    assert job["runs-on"].startswith("windows")
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    (python,) = [s for s in steps if s.get("uses", "").startswith("actions/setup-python@")]
    assert python["with"]["python-version"] == "3.12"
    script = "\n".join(s.get("run", "") for s in steps)
    order = [
        'pip install -e ".[dev]"',
        "pyinstaller packaging/fieldapp.spec",
        "packaging/smoke_test.py build/bundle/dist/fieldapp",
        "/DAppVersion=${{ steps.version.outputs.version }}",
        "packaging/windows/fieldapp.iss",
        "unins000.exe",
    ]
    positions = [script.index(part) for part in order]
    assert positions == sorted(positions)
    assert "fieldapp.__version__" in script
    assert sum(u.startswith("actions/upload-artifact@") for u in uses) == 2
