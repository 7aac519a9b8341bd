"""Benchmark the workbench: start-up to an interactive window, and search keystroke latency.

Run:  QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [--rows 10000] [--db-dir /tmp/demo_10k]

Start-up is measured from launching a fresh Python process until the main window is shown and
its household list and to-do list have been loaded (the first `loaded` signal), against a bare
PySide6 QMainWindow started the same way. Search latency is one keystroke in the search box:
filtering the index, updating the model and repainting the table, over 10,000 households
(from --db-dir when it holds a ledger, else synthetic rows built directly).
Figures are written down in docs/performance.md (never asserted in the test suite).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSWORD = "bench-2026"  # the ledgers measured are encrypted, as a cadre's is

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1366, 740); w.show()
def ready():
    print("ready", flush=True); app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""

WORKBENCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from fieldapp.ui import settings as opts
from fieldapp.ui.app import open_ledger, prepare_app
from fieldapp.ui.main_window import MainWindow
prefs = opts.AppSettings(Path(sys.argv[2]))
app = prepare_app(prefs)
def opener():
    from fieldapp.security import vault
    from fieldapp.storage.db import open_database
    folder = Path(sys.argv[1])
    return open_ledger(folder, db=open_database(folder, vault.unlock(folder, sys.argv[3])))
w = MainWindow(None, prefs, opener=opener)
w.resize(1366, 740); w.show()
def interactive():
    print("ready", flush=True)
def loaded():
    print("ready", flush=True); app.quit()
QTimer.singleShot(0, interactive)  # the first turn of the event loop: the window takes input
w.loaded.connect(loaded)
app.exec()
if w.ready:
    w.db.close()
"""

# The real entry point, `fieldapp --data-dir DIR`, as a cadre starts it (argument parsing included):
# "interactive" is the sign-in dialog taking input; the password is then typed at once.
CLI = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fieldapp.cli import main
app = QApplication(sys.argv[:1])
def interactive():
    print("ready", flush=True)
    sign_in()
def sign_in():
    from fieldapp.ui.signin import SignInDialog
    d = next(w for w in app.topLevelWidgets() if isinstance(w, SignInDialog))
    if not d.state:
        QTimer.singleShot(5, sign_in)
        return
    d.password.setText(sys.argv[2])
    d.sign_in()
    look()
def look():
    from fieldapp.ui.main_window import MainWindow
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.load_count]
    if not shown:
        QTimer.singleShot(5, look)
        return
    print("ready", flush=True)
    shown[0].close()
QTimer.singleShot(0, interactive)
main(["--data-dir", sys.argv[1]])
"""


def time_process(
    code: str, *args: str, repeat: int = 5, marks: int = 1, env: dict[str, str] | None = None
) -> list[list[float]]:
    """Seconds from launching a fresh interpreter to each "ready" line it prints."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
        )
        assert proc.stdout is not None
        times = []
        for _mark in range(marks):
            line = proc.stdout.readline()
            times.append(time.perf_counter() - start)
            assert line.strip() == "ready", line
        proc.wait()
        samples.append(times)
    return samples


def synthetic_rows(n: int) -> list:  # type: ignore[type-arg]
    from fieldapp.domain.divisions import divisions
    from fieldapp.domain.idcard import make_id_number
    from fieldapp.domain.search import pinyin_initials
    from fieldapp.services.households import HouseholdRow

    rng = random.Random(2014)
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文单"
    given = "海生丽明强军芳华伟秀英兰建国志刚敏静磊洋艳勇杰娟涛超霞平鹏红玉桂凤春梅"
    villages = [v for v in divisions().by_code.values() if v.level == "village"]
    index = divisions()
    rows = []
    for i in range(n):
        name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice([1, 2])))
        v = rng.choice(villages)
        rows.append(
            HouseholdRow(
                id=f"h{i}",
                head_name=name,
                head_initials=pinyin_initials(name),
                head_id_number=make_id_number(
                    v.code[:6],
                    __import__("datetime").date(1970 + i % 40, 1 + i % 12, 1 + i % 28),
                    i % 999 + 1,
                ),
                phone=f"+86138{rng.randrange(10**8):08d}",
                village_code=v.code12,
                village_name=index.full_name(v.code12),
                category=rng.choice(["深度困难", "相对困难", "意外致困", ""]),
                main_cause=rng.randrange(1, 11),
                cadre_names=(rng.choice(surnames) + rng.choice(given),),
                missing=(),
                status="在档",
                member_count=rng.randrange(1, 7),
            )
        )
    return rows


def search_latency(rows: list, queries: list[str]) -> list[tuple[str, float, int]]:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.fonts import install_app_font
    from fieldapp.ui.household_list import HouseholdListPanel

    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(install_app_font())  # type: ignore[union-attr]
    panel = HouseholdListPanel()
    panel.resize(900, 640)
    panel.show()
    panel.set_rows(rows)
    app.processEvents()  # type: ignore[union-attr]
    results = []
    for query in queries:
        typed = ""
        for ch in query:
            typed += ch
            start = time.perf_counter()
            panel.search.setText(typed)
            panel.apply_search()  # what the 60 ms merge timer calls; measured without the wait
            app.processEvents()  # type: ignore[union-attr]  # delivers the repaint the model asked for
            results.append((typed, time.perf_counter() - start, panel.model.rowCount()))
        panel.search.clear()
        panel.apply_search()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--db-dir", type=Path, default=Path("/tmp/demo_10k"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        from fieldapp.security import vault
        from fieldapp.services.demo import fill_demo_data
        from fieldapp.storage.db import open_database

        demo_dir = Path(tmp) / "demo"
        key, _code = vault.create_vault(demo_dir, PASSWORD)
        db = open_database(demo_dir, key)
        fill_demo_data(db)
        db.close()
        bare = [s[0] for s in time_process(BARE, repeat=args.repeat)]
        bench = time_process(
            WORKBENCH, str(demo_dir), str(Path(tmp) / "s.ini"), PASSWORD, repeat=args.repeat, marks=2
        )
        shown = [s[0] for s in bench]
        listed = [s[1] for s in bench]
        ms = lambda xs: f"median {statistics.median(xs) * 1000:6.0f} ms  min {min(xs) * 1000:5.0f} ms"  # noqa: E731
        print(f"bare PySide6 window, interactive              {ms(bare)}")
        print(f"workbench window, interactive                 {ms(shown)}")
        print(f"workbench, 12 demo households listed          {ms(listed)}")
        print(
            f"ratio interactive/bare (median)               {statistics.median(shown) / statistics.median(bare):.2f}x"
        )
        print(
            f"ratio listed/bare (median)                    {statistics.median(listed) / statistics.median(bare):.2f}x"
        )
        # the settings of the real entry point go to a throwaway folder, never the user's
        cli_env = {**os.environ, "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        cli = time_process(CLI, str(demo_dir), PASSWORD, repeat=args.repeat, marks=2, env=cli_env)
        print(f"`fieldapp --data-dir`, sign-in interactive    {ms([s[0] for s in cli])}")
        print(f"`fieldapp`, password checked, list shown      {ms([s[1] for s in cli])}")
        print(
            f"ratio `fieldapp` interactive/bare (median)    "
            f"{statistics.median([s[0] for s in cli]) / statistics.median(bare):.2f}x"
        )
        if (args.db_dir / "fieldapp.sqlite").exists():
            big = time_process(
                WORKBENCH, str(args.db_dir), str(Path(tmp) / "s2.ini"), PASSWORD, repeat=3, marks=2
            )
            print(
                f"workbench on {args.db_dir}: interactive {ms([s[0] for s in big])}; listed {ms([s[1] for s in big])}"
            )

    if (args.db_dir / "fieldapp.sqlite").exists():
        from fieldapp.security import vault
        from fieldapp.services import households
        from fieldapp.storage.db import open_database

        db = open_database(args.db_dir, vault.unlock(args.db_dir, PASSWORD))  # encrypted with PASSWORD
        rows = households.list_households(db)[: args.rows]
        db.close()
        source = f"ledger {args.db_dir}"
    else:
        rows = synthetic_rows(args.rows)
        source = "synthetic rows"
    print(f"search over {len(rows)} households ({source})")
    samples = search_latency(rows, ["zhs", "wl", "1234", "兰陵", "138", "zh 兰山"])
    for typed, seconds, found in samples:
        print(f"  {typed!r:<12} {seconds * 1000:6.1f} ms  {found:6d} shown")
    times = [s for _t, s, _n in samples]
    print(
        f"keystroke latency: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
