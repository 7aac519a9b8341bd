"""Wrap the PyInstaller folder into a .deb for Debian, Ubuntu, 统信UOS and 银河麒麟.

    python packaging/build_deb.py build/bundle/dist/fieldapp --out build/deb

The package installs the bundle under /opt/fieldapp, a `fieldapp` command in /usr/bin, a menu
entry (/usr/share/applications/fieldapp.desktop, category Office) and its icon (hicolor 256×256).
`dpkg -r fieldapp` removes all of it; the cadres' ledgers live in each user's data folder
(~/.local/share/fieldapp) and are never touched by installing, upgrading or removing.
Needs only `dpkg-deb` (every Debian-family system has it). Prints the path of the .deb.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Libraries the bundle takes from the system rather than shipping (packaging/fieldapp.spec,
# SYSTEM_LIBS): X11/xcb for the window, GL/EGL, fontconfig/freetype, D-Bus, glib, and CUPS with
# its Kerberos library (Qt's print plugin and libQt6Network link them), OpenSSL 3 (Python's ssl). Every Debian-family
# desktop has them; the "t64" names are Debian 13's and Ubuntu 24.04's.
DEPENDS = (
    "libc6, libegl1, libgl1, libx11-6, libx11-xcb1, libfontconfig1, libfreetype6, libdbus-1-3, "
    "libglib2.0-0 | libglib2.0-0t64, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, "
    "libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0 | libxcb1, "
    "libcups2 | libcups2t64, libgssapi-krb5-2, libexpat1, libpng16-16 | libpng16-16t64, libbrotli1, "
    "libbz2-1.0, zlib1g, libssl3 | libssl3t64"
)
RECOMMENDS = "fonts-wqy-microhei | fonts-noto-cjk, fcitx5-frontend-qt6 | ibus, cups-client"

DESKTOP = """[Desktop Entry]
Type=Application
Version=1.0
Name=Field Ledger
Name[zh_CN]=工会结对帮扶台账
GenericName=Assistance ledger
GenericName[zh_CN]=困难农民工帮扶台账
Comment=Offline ledger of trade-union cadres' visits and referrals
Comment[zh_CN]=工会干部走访、评定、转介和打印表单（离线使用）
Exec=/opt/fieldapp/fieldapp
Icon=fieldapp
Terminal=false
Categories=Office;
Keywords=fieldapp;union;ledger;工会;帮扶;台账;
StartupWMClass=fieldapp
"""

POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
exit 0
"""

POSTRM = POSTINST  # the menu and icon caches forget the entry again


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from fieldapp import __version__

    return __version__


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


def build(bundle: Path, out: Path) -> Path:
    if not (bundle / "fieldapp").is_file():
        raise SystemExit(f"{bundle} is not a PyInstaller fieldapp folder (no fieldapp executable)")
    ver, arch = version(), architecture()
    stage = out / f"fieldapp_{ver}_{arch}"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "fieldapp", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/fieldapp/fieldapp", stage / "usr" / "bin" / "fieldapp")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "fieldapp.desktop").write_text(DESKTOP, encoding="utf-8")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(HERE / "fieldapp.png", icons / "fieldapp.png")
    docs = stage / "usr" / "share" / "doc" / "fieldapp"
    docs.mkdir(parents=True)
    shutil.copyfile(ROOT / "CHANGELOG.md", docs / "CHANGELOG.md")
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"""Package: fieldapp
Version: {ver}
Architecture: {arch}
Maintainer: fieldapp maintainers <fieldapp@localhost>
Section: misc
Priority: optional
Installed-Size: {_size_kib(stage)}
Depends: {DEPENDS}
Recommends: {RECOMMENDS}
Description: offline ledger for trade-union field cadres (工会结对帮扶台账)
 Records visits to hardship migrant-worker households, assessments and referrals,
 prints the assistance forms and syncs encrypted batches to the city federation.
 The ledger is kept encrypted in each user's data folder; removing the package
 leaves it in place.
""",
        encoding="utf-8",
    )
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        (control / name).write_text(text, encoding="utf-8")
        (control / name).chmod(0o755)
    deb = out / f"fieldapp_{ver}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zgzip", "-z6", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    return deb


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bundle", type=Path, help="the PyInstaller onedir folder (dist/fieldapp)")
    ap.add_argument("--out", type=Path, default=Path("build/deb"), help="where the .deb is written")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    print(build(args.bundle.resolve(), args.out.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
