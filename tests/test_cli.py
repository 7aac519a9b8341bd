"""The `fieldapp` command, run as a user runs it (a real process, a real data folder)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldapp.cli import main


def run(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "fieldapp", *args]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False, timeout=120)


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name in (
        "demo-data",
        "import-households",
        "list",
        "add-cadre",
        "dibao",
        "check-id",
        "backup",
        "info",
    ):
        assert name in result.stdout
    assert "--data-dir" in result.stdout


def test_data_dir_works_before_and_after_the_command(tmp_path: Path, capsys: object) -> None:
    assert main(["--data-dir", str(tmp_path / "a"), "add-cadre", "王芳"]) == 0
    assert main(["add-cadre", "李明", "--data-dir", str(tmp_path / "b")]) == 0
    assert (tmp_path / "a" / "fieldapp.sqlite").exists()
    assert (tmp_path / "b" / "fieldapp.sqlite").exists()


def test_demo_data_then_list_as_tab_separated_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("demo-data", "--households", "6", data=data)
    assert result.returncode == 0, result.stderr
    assert "困难户 6 户" in result.stdout

    households = run("list", "households", data=data)
    assert households.returncode == 0
    lines = households.stdout.strip().splitlines()
    assert len(lines) == 6
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 5
        assert len(fields[0]) == 36 and fields[1]  # a UUID and the head's name
        assert fields[2].startswith("临沂市")

    visits = run("list", "visits", data=data).stdout.strip().splitlines()
    referrals = run("list", "referrals", data=data).stdout.strip().splitlines()
    assert visits and all(len(v.split("\t")) == 4 for v in visits)
    assert referrals and all(len(r.split("\t")) == 4 for r in referrals)


def test_domain_errors_are_printed_in_chinese_with_exit_status_2(tmp_path: Path) -> None:
    result = run("add-cadre", "王芳", "--phone", "12345", data=tmp_path)
    assert result.returncode == 2
    assert "干部电话" in result.stderr


def test_check_id(tmp_path: Path) -> None:
    ok = run("check-id", "11010519491231002X")
    assert ok.returncode == 0 and "1949-12-31\t女" in ok.stdout
    bad = run("check-id", "110105194912310021")
    assert bad.returncode == 1 and "校验位错误" in bad.stderr


def test_dibao_standard_is_set_and_shown(tmp_path: Path) -> None:
    assert "950.00 元/月" in run("dibao", "950", data=tmp_path).stdout
    assert "950.00 元/月" in run("info", data=tmp_path).stdout
    bad = run("dibao", "-3", data=tmp_path)
    assert bad.returncode == 2 and "不能为负数" in bad.stderr
