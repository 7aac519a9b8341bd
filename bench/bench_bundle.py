"""Benchmark the installed desktop bundle: its size, and start-up to the sign-in window against a
bare PySide6 window built the same way (PyInstaller, one folder). Goal (issue 16): ≤ 2×.

Run (Linux, needs Xvfb and xdotool):
    python bench/bench_bundle.py build/bundle/dist/fieldapp [--repeat 7]

Both programs start on the same private X server (Xvfb, platform xcb, as on a desktop); the
time is from launching the executable to its window being mapped and visible (polled with
``xdotool search --onlyvisible`` every 10 ms, the same for both). The bare program is built
once into build/bare with PyInstaller from this environment. fieldapp is started on an
existing encrypted ledger, so its first window is the sign-in dialog. Runs alternate between
the two so a change of load on a shared machine hits both. Figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """\
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.setWindowTitle("bare-pyside6-window")
w.resize(800, 600)
w.show()
sys.exit(app.exec())
"""


def build_bare(out: Path) -> Path:
    exe = out / "dist" / "bare" / "bare"
    if exe.exists():
        return exe
    out.mkdir(parents=True, exist_ok=True)
    (out / "bare.py").write_text(BARE, encoding="utf-8")
    subprocess.run(
        [
            str(Path(sys.executable).with_name("pyinstaller")),
            "--noconfirm",
            "--onedir",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            "--specpath",
            str(out),
            str(out / "bare.py"),
        ],
        check=True,
    )
    return exe


def time_to_window(cmd: list[str], title: str, env: dict[str, str], timeout: float = 60) -> float:
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            while time.perf_counter() - start < timeout:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", title], env=env, capture_output=True
                )
                if found.returncode == 0 and found.stdout.strip():
                    return time.perf_counter() - start
                if proc.poll() is not None:
                    log.seek(0)
                    why = log.read().decode("utf-8", "replace")[-2000:]
                    raise RuntimeError(
                        f"{cmd[0]} exited with {proc.returncode} before its window showed:\n{why}"
                    )
                time.sleep(0.01)
            raise RuntimeError(f"no window {title!r} after {timeout} s")
        finally:
            proc.kill()
            proc.wait(30)


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle", type=Path, nargs="?", default=ROOT / "build" / "bundle" / "dist" / "fieldapp")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--bare-dir", type=Path, default=ROOT / "build" / "bare")
    args = ap.parse_args()
    bundle = args.bundle.resolve()
    print(f"bundle {bundle}: {du(bundle) / 1e6:.0f} MB unpacked")
    bare = build_bare(args.bare_dir.resolve())
    print(f"bare PySide6 bundle: {du(bare.parent) / 1e6:.0f} MB unpacked")
    work = Path(tempfile.mkdtemp(prefix="fieldapp-bench-bundle-"))
    # a display number nobody else on the machine uses: Xvfb picks it and tells it on a pipe
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(work / "home"),
            "FIELDAPP_PASSWORD": "bench-bundle-2026",
        }
        env.pop("FIELDAPP_DATA_DIR", None)
        data = work / "data"
        subprocess.run(
            [str(bundle / "fieldapp"), "demo-data", "--households", "12", "--data-dir", str(data)],
            env=env,
            check=True,
            capture_output=True,
        )
        env.pop("FIELDAPP_PASSWORD")
        fieldapp = [str(bundle / "fieldapp"), "--data-dir", str(data)]
        # one unmeasured start of each: the files come into the page cache as after any first start
        time_to_window([str(bare)], "bare-pyside6-window", env)
        time_to_window(fieldapp, "登录", env)
        bare_t, app_t = [], []
        for _ in range(args.repeat):
            bare_t.append(time_to_window([str(bare)], "bare-pyside6-window", env))
            app_t.append(time_to_window(fieldapp, "登录", env))
        b, a = statistics.median(bare_t), statistics.median(app_t)
        print(f"bare PySide6 window shown: median {b * 1000:.0f} ms (best {min(bare_t) * 1000:.0f})")
        print(f"fieldapp sign-in window shown: median {a * 1000:.0f} ms (best {min(app_t) * 1000:.0f})")
        print(f"ratio {a / b:.2f}x (goal ≤ 2x); load average {os.getloadavg()[0]:.1f}")
    finally:
        xvfb.kill()
        xvfb.wait(30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
