"""Where `fieldapp-hq` keeps its data: said explicitly (flag, environment, config file), never
./hq-data made silently; a missing or wrong data folder is refused in Chinese, nothing created."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.hq import cli as hq_cli
from fieldapp.hq import location


@pytest.fixture(autouse=True)
def _no_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (location.DB_ENV, location.DATA_DIR_ENV, location.CONFIG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(location, "SYSTEM_CONFIG", tmp_path / "etc" / "fieldapp-hq.toml")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def _status(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = hq_cli.main([*argv, "status", "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_nothing_named_is_refused_and_no_folder_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["status"], ["serve"], ["import", str(tmp_path)], ["init"]):
        assert hq_cli.main(command) == 2
        err = capsys.readouterr().err
        assert "没有指定总部数据放在哪里" in err and "--data-dir" in err and "FIELDAPP_HQ_DATA_DIR" in err
    assert list((tmp_path / "cwd").iterdir()) == []


def test_init_makes_the_folder_and_later_commands_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "srv" / "总部数据"
    assert hq_cli.main(["--data-dir", str(data), "init", "--admin-password-file", _pw(tmp_path)]) == 0
    assert (data / "hq.sqlite").is_file()
    capsys.readouterr()
    code, out, _ = _status(capsys, "--data-dir", str(data))
    assert code == 0 and json.loads(out)["devices"] == 0
    monkeypatch.setenv(location.DATA_DIR_ENV, str(data))  # the environment names the same folder
    assert hq_cli.main(["enroll-device", "兰陵县-王芳", "--out", str(tmp_path / "w.enrol")]) == 0
    assert list((tmp_path / "cwd").iterdir()) == []


def _pw(tmp_path: Path) -> str:
    f = tmp_path / "admin.txt"
    f.write_text("correct horse battery 2026\n", encoding="utf-8")
    return str(f)


def test_a_missing_data_folder_is_refused_at_serve_status_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    for command in (["serve", "--port", "1"], ["status"], ["import", str(tmp_path)]):
        assert hq_cli.main(["--data-dir", str(missing), *command]) == 2
        err = capsys.readouterr().err
        assert f"数据文件夹 {missing} 不存在" in err and "init" in err
    assert not missing.exists()


def test_a_folder_without_the_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    code, _, err = _status(capsys, "--data-dir", str(wrong))
    assert code == 2 and "中没有总部数据库 hq.sqlite" in err and "写错" in err
    assert list(wrong.iterdir()) == []


def test_a_foreign_database_is_refused_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "ledger-folder"
    wrong.mkdir()
    conn = sqlite3.connect(wrong / "hq.sqlite")
    conn.execute("CREATE TABLE household (id TEXT)")
    conn.commit()
    conn.close()
    before = (wrong / "hq.sqlite").read_bytes()
    code, _, err = _status(capsys, "--data-dir", str(wrong))
    assert code == 2 and "不是总部数据库" in err and "没有做任何改动" in err
    assert (wrong / "hq.sqlite").read_bytes() == before
    (wrong / "hq.sqlite").write_bytes(b"not a database at all" * 100)
    code, _, err = _status(capsys, "--data-dir", str(wrong))
    assert code == 2 and "不是总部数据库" in err


def test_config_file_names_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    cfg = etc / "fieldapp-hq.toml"
    cfg.write_text('data_dir = "data"\n', encoding="utf-8")  # relative to the file's folder
    assert hq_cli.main(["--config", str(cfg), "init", "--admin-password-file", _pw(tmp_path)]) == 0
    assert (etc / "data" / "hq.sqlite").is_file()
    # the system-wide file is read when nothing else is given
    assert _status(capsys)[0] == 0
    monkeypatch.setenv(location.CONFIG_ENV, str(cfg))
    assert _status(capsys)[0] == 0
    # a flag wins over the file
    code, _, err = _status(capsys, "--data-dir", str(tmp_path / "elsewhere"))
    assert code == 2 and "不存在" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('datadir = "/srv"\n', "不认识的设置：datadir"),
        ("data_dir = 5\n", "data_dir 应为非空的字符串"),
        ("data_dir = \n", "无法读取配置文件"),
        ("", "既没有 data_dir 也没有 db"),
    ],
)
def test_a_bad_config_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    cfg = tmp_path / "hq.toml"
    cfg.write_text(text, encoding="utf-8")
    code, _, err = _status(capsys, "--config", str(cfg))
    assert code == 2 and message in err
    code, _, err = _status(capsys, "--config", str(tmp_path / "none.toml"))
    assert code == 2 and "不存在" in err


def test_config_file_may_name_a_database_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "hq.toml"
    db = tmp_path / "named.sqlite"
    cfg.write_text(f'db = "sqlite:///{db.as_posix()}"\n', encoding="utf-8")
    assert hq_cli.main(["--config", str(cfg), "init", "--admin-password-file", _pw(tmp_path)]) == 0
    assert db.is_file() and _status(capsys, "--config", str(cfg))[0] == 0


def test_version_is_printed() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp.hq.cli", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"fieldapp-hq {__version__}"
