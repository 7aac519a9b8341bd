"""The architecture stays visible: only ui/ may import Qt widgets; domain/ knows no SQL."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import fieldapp

PACKAGE = Path(fieldapp.__file__).resolve().parent
NON_UI = ["domain", "storage", "services", "printing", "sync", "hq"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _sources(layer: str) -> list[Path]:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"layer {layer} has no modules"
    return files


def test_non_ui_layers_never_import_qt_widgets() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for layer in NON_UI
        for path in _sources(layer)
        for name in _imports(path)
        if name.startswith("PySide6.QtWidgets") or (name == "PySide6" and "QtWidgets" in path.read_text())
    ]
    assert offenders == []


def test_domain_knows_neither_qt_nor_sql() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _sources("domain")
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "sqlalchemy", "alembic", "sqlite3"}
    ]
    assert offenders == []


def test_ui_never_imports_storage_sessions() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for name in _imports(path)
        if name.startswith(("sqlalchemy", "fieldapp.storage.models", "sqlite3"))
    ]
    assert offenders == []


def test_importing_every_non_ui_module_loads_no_widgets() -> None:
    modules = [
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for layer in NON_UI
        for path in _sources(layer)
        if path.name != "env.py"  # Alembic's env.py only runs inside Alembic
    ]
    modules.append("fieldapp.cli")
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_start_on_an_existing_ledger_shows_the_sign_in_without_loading_the_wizard(tmp_path: Path) -> None:
    """The sign-in dialog is the first thing on screen; the first-run wizard (and what it
    imports) is loaded only when a start needs it."""
    (tmp_path / "fieldapp.sqlite").write_bytes(b"")  # a ledger's file: no wizard needed
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from fieldapp.cli import main\n"
        "app = QApplication(sys.argv[:1])\n"
        "def shown():\n"
        "    from fieldapp.ui.signin import SignInDialog\n"
        "    assert any(isinstance(w, SignInDialog) for w in app.topLevelWidgets())\n"
        "    print(sorted(m for m in sys.modules if m.startswith('fieldapp.ui.first_run')), flush=True)\n"
        "    os._exit(0)\n"
        "QTimer.singleShot(0, shown)\n"
        f"main(['--data-dir', {str(tmp_path)!r}])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['fieldapp.ui.first_run_state']"
