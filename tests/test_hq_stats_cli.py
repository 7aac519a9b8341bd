"""`fieldapp-hq campaign set`, `report` and `stats-rebuild`; the report opened by LibreOffice.

LibreOffice (Debian's libreoffice-calc-nogui, headless) converts the workbook to PDF and to one
CSV per sheet: the numbers a clerk sees in a spreadsheet program are the ones HQ counted.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from tests.test_hq_stats import LANLING_VILLAGE, LANSHAN_VILLAGE, household, write

from fieldapp.hq.cli import main
from fieldapp.hq.models import ConsoleAudit, Outgoing
from fieldapp.hq.store import HQ


@pytest.fixture
def url(tmp_path: Path) -> str:
    u = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    hq = HQ(u)
    hq.init()
    a = household(hq, LANLING_VILLAGE, "深度困难", cadre="c1")
    household(hq, LANLING_VILLAGE, "相对困难")
    household(hq, LANSHAN_VILLAGE, "深度困难")
    write(hq, "relief_payment", household_id=a, programme="送温暖", amount_fen=123450, paid_on="2026-01-10")
    write(
        hq,
        "relief_payment",
        household_id=a,
        programme="专项生活救助",
        amount_fen=200000,
        paid_on="2026-03-01",
    )
    hq.close()
    return u


def test_campaign_set_from_the_command_line(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--db",
                url,
                "campaign",
                "set",
                "2026年12月再摸底",
                "--start",
                "2026-12-01",
                "--end",
                "2026-12-31",
                "--county",
                "371324",
            ]
        )
        == 0
    )
    assert "已设定“2026年12月再摸底”" in capsys.readouterr().out
    assert (
        main(["--db", url, "campaign", "set", "倒过来", "--start", "2026-12-31", "--end", "2026-12-01"]) == 1
    )
    assert "早于开始日期" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                url,
                "campaign",
                "set",
                "错县",
                "--start",
                "2026-12-01",
                "--end",
                "2026-12-31",
                "--county",
                "999999",
            ]
        )
        == 1
    )
    assert "没有这个县区代码" in capsys.readouterr().err
    hq = HQ(url)
    with hq.session() as s:
        bodies = [json.loads(o.body) for o in s.scalars(select(Outgoing).where(Outgoing.kind == "campaign"))]
    hq.close()
    assert [(b["name"], b["counties"]) for b in bodies] == [("2026年12月再摸底", ["371324"])]
    assert main(["--db", url, "campaign", "list"]) == 0
    assert "2026-12-01 至 2026-12-31  2026年12月再摸底  范围：兰陵县" in capsys.readouterr().out


def test_report_prints_tables_and_writes_the_same_workbook(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "city.xlsx"
    assert main(["--db", url, "report", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "各县区困难户类别" in text and "兰陵县" in text and "3234.5" in text
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "各县区困难户类别"
    relief = book["救助发放按项目、年度、县区统计"]
    assert [c.value for c in relief[3]] == ["年度", "救助项目", "县区", "笔数", "户数", "金额（元）"]
    assert relief.cell(relief.max_row, 6).value == 3234.5
    hq = HQ(url)
    with hq.session() as s:
        assert (
            s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "stats_export")).one().target
            == "city.xlsx"
        )
    hq.close()
    assert main(["--db", url, "report", "--county", "000000", "--out", str(out)]) == 1


def test_the_report_opens_in_libreoffice_with_the_same_numbers(url: str, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (libreoffice-calc-nogui) is needed: see .ci/run"
    out = tmp_path / "city.xlsx"
    assert main(["--db", url, "report", "--out", str(out)]) == 0
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    for target in ("pdf", every_sheet):
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(out)],
            check=True,
            capture_output=True,
            timeout=180,
        )
    assert (tmp_path / "city.pdf").stat().st_size > 1000
    with (tmp_path / "city-各县区困难户类别.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "各县区困难户类别" and rows[2][0] == "县区"
    by = {r[0]: r[1:] for r in rows[3:]}
    assert by["兰陵县"] == ["1", "1", "0", "0", "0", "2"]
    assert by["合计"] == ["2", "1", "0", "0", "0", "3"]
    with (tmp_path / "city-救助发放按项目、年度、县区统计.csv").open(encoding="utf-8") as f:
        relief = list(csv.reader(f))
    assert relief[-1] == ["合计", "", "", "2", "", "3234.5"]


def test_stats_rebuild_command(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "stats-rebuild"]) == 0
    assert "household 3 条" in capsys.readouterr().out
