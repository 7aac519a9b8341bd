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
        "passwd",
        "recover",
        "audit",
        "check",
        "retention",
        "wipe",
    ):
        assert name in result.stdout
    assert "--data-dir" in result.stdout
    assert "--password-file" in result.stdout


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


def test_import_households_reports_rejected_lines_and_exit_status(tmp_path: Path) -> None:
    from tests.conftest import person_id

    data = tmp_path / "data"
    good = person_id(301)
    bad = person_id(302)[:-1] + ("0" if person_id(302)[-1] != "0" else "1")  # wrong check digit
    sheet = tmp_path / "名单.csv"
    sheet.write_text(
        "序号,户主姓名,身份证号码,联系电话,乡镇,村,政治面貌\n"
        f"1,张海生,{good},13805391234,卞庄街道,泇河社区,群众\n"
        f"2,李娜,{bad},13805391235,卞庄街道,泇河社区,群众\n",
        encoding="utf-8-sig",
    )
    assert run("add-cadre", "王芳", data=data).returncode == 0
    first = run("import-households", str(sheet), "--cadre", "王芳", data=data)
    assert first.returncode == 1
    assert "第3行" in first.stderr and "校验位错误" in first.stderr
    assert "政治面貌" in first.stderr  # a column it does not understand is reported
    assert "导入 1 户" in first.stdout

    sheet.write_text(
        f"户主姓名,身份证号,手机号,乡镇,村\n张海生,{good},13805391234,卞庄街道,泇河社区\n",
        encoding="utf-8-sig",
    )
    again = run("import-households", str(sheet), data=data)
    assert again.returncode == 0, again.stderr
    assert "导入 0 户" in again.stdout and "已存在 1 户" in again.stdout
    listed = run("list", "households", data=data).stdout.strip().splitlines()
    assert len(listed) == 1 and "王芳" in listed[0]


def test_import_of_a_missing_file_fails_clearly(tmp_path: Path) -> None:
    result = run("import-households", str(tmp_path / "nope.xlsx"), data=tmp_path / "data")
    assert result.returncode == 2
    assert "找不到文件" in result.stderr


def test_a_chinese_data_folder_with_a_percent_sign_works(tmp_path: Path) -> None:
    # Windows user folders are often Chinese (C:\Users\张三); configparser chokes on '%' and on
    # %-escaped URLs, so the database URL must never pass through Alembic's config.
    data = tmp_path / "费县 工会%干部" / "数据"
    first = run("demo-data", "--households", "3", data=data)
    assert first.returncode == 0, first.stderr
    again = run("info", data=data)  # reopens an existing schema (the migration check path)
    assert again.returncode == 0, again.stderr
    assert (data / "fieldapp.sqlite").exists()
