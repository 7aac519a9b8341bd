"""Run a built desktop bundle as a cadre's laptop would, and fail loudly if any part is missing.

    python packaging/smoke_test.py dist/fieldapp            # the PyInstaller onedir folder
    python packaging/smoke_test.py dist\\fieldapp            # on Windows (fieldapp-cli.exe, fieldapp.exe)

What it checks, each through the bundled executable (not this Python):
- `--help` and `--version` answer;
- demo data is made in a fresh, encrypted data folder;
- every form prints to PDF (`print FORM --all`), each file a PDF with its Chinese text and the
  head of household's name in it (checked with `pdftotext` when poppler is installed), so a
  hidden import the bundle lacks (the QR code's, a font) can never ship again;
- `check` reads the encrypted ledger back;
- `self-check` inside the bundle: the Qt plugins that use the laptop's own libraries load (CUPS
  printing, the ibus input method, xcb and Wayland, JPEG), a JPEG and a PNG photo decode as the
  attachment viewer decodes them, the print dialog opens, an .xlsx is read by both readers,
  the rare-character font unpacks, and sync's HTTPS client, signatures and encryption work;
- `import-households` imports an .xlsx list (written here with openpyxl) into the ledger;
- the desktop window starts offscreen and is still running 8 s later (it is then stopped).

Exit status 0 only when all of it held; every step prints one line. Runs on Linux and on
Windows: there the command-line steps use the console twin `fieldapp-cli.exe` (the windowed
`fieldapp.exe` has no stdout) and the window step uses `fieldapp.exe`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "smoke-test-2026"
DAY = "2026-11-18"  # demo data as of a fixed day: the same forms have records on every run
# two households for the .xlsx import (ID numbers with their ISO 7064 check digit)
IMPORT_ROWS = (("龚德胜", "37130219750304101"), ("䶮文英", "37130219820911202"))


def _exe(bundle: Path, windowed: bool = False) -> Path:
    """The bundle's executable: for the command line (`windowed=False`) or the window."""
    names = ("fieldapp.exe", "fieldapp") if windowed else ("fieldapp-cli.exe", "fieldapp.exe", "fieldapp")
    for name in names:
        if (bundle / name).is_file():
            return bundle / name
    raise SystemExit(f"no fieldapp executable in {bundle}")


def _run(exe: Path, *args: str, env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout
    )
    if done.returncode != 0:
        raise SystemExit(
            f"FAILED: fieldapp {' '.join(args)} (exit {done.returncode})\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def _id_number(body: str) -> str:
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    return body + "10X98765432"[total % 11]


def _write_xlsx(path: Path) -> Path:
    import openpyxl  # the development environment's, not the bundle's: the bundle reads it

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["户主姓名", "身份证号码", "手机号"])
    for i, (name, body) in enumerate(IMPORT_ROWS):
        ws.append([name, _id_number(body), f"1380539{i + 1:04d}"])
    wb.save(path)
    return path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="smoke_test.py",
        description=__doc__.split("\n\n", 1)[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("bundle", type=Path, help="the built folder (dist/fieldapp) or the installed one")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    bundle = parse_args(argv).bundle.resolve()
    if not bundle.is_dir():
        print(f"no such folder: {bundle}", file=sys.stderr)
        return 2
    exe = _exe(bundle)
    window_exe = _exe(bundle, windowed=True)
    work = Path(tempfile.mkdtemp(prefix="fieldapp-smoke-"))
    home = work / "home"
    env = {
        **os.environ,
        "FIELDAPP_PASSWORD": PASSWORD,
        "FIELDAPP_DATA_DIR": str(work / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        # the runner's own preferences are never read or written: HOME on Linux, and on
        # Windows the folders QSettings and platformdirs use
        "HOME": str(home),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
    }
    try:
        assert "demo-data" in _run(exe, "--help", env=env)
        print("ok   --help")
        _run(exe, "demo-data", "--households", "12", "--as-of", DAY, env=env)
        print("ok   demo data (12 households, encrypted ledger)")
        forms = [
            line.split()[0] for line in _run(exe, "print", "--list", env=env).splitlines() if line.strip()
        ]
        assert len(forms) >= 8, forms
        pdftotext = shutil.which("pdftotext")
        for form in forms:
            out = work / "pdf" / form
            _run(exe, "print", form, "--all", "-o", str(out), env=env)
            files = sorted(out.glob("*.pdf"))
            assert files, f"{form}: no PDF written"
            for pdf in files:
                data = pdf.read_bytes()
                assert data.startswith(b"%PDF") and len(data) > 5000, f"{pdf} is not a whole PDF"
            if pdftotext:
                text = subprocess.run(
                    [pdftotext, "-enc", "UTF-8", str(files[0]), "-"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                assert any("\u4e00" <= ch <= "\u9fff" for ch in text), f"{form}: no Chinese text in the PDF"
            print(f"ok   print {form}: {len(files)} PDF(s)")
        _run(exe, "check", env=env)
        print("ok   check (every page of the encrypted ledger read back)")
        for line in _run(exe, "self-check", env=env).splitlines():
            print(f"     {line}")
        print("ok   self-check (printing, input method, platforms, photos, .xlsx, fonts)")
        imported = _run(exe, "import-households", str(_write_xlsx(work / "名单.xlsx")), env=env)
        assert f"导入 {len(IMPORT_ROWS)} 户" in imported, imported
        listed = _run(exe, "list", "households", env=env)
        assert all(name in listed for name, _ in IMPORT_ROWS), listed
        print(f"ok   import-households from .xlsx ({len(IMPORT_ROWS)} households, one with a rare character)")
        window = subprocess.Popen([str(window_exe), "--data-dir", str(work / "data")], env=env)
        try:
            time.sleep(8)  # sign-in dialog up: the app must still be running, not crashed on start
            assert window.poll() is None, f"the window exited at start with {window.returncode}"
        finally:
            window.kill()
            window.wait(30)
        print("ok   window starts (offscreen)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
