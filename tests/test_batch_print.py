"""services/batch_print, shared by the app's 批量打印 and `fieldapp print --all`: which records an
area holds, a folder that cannot be used, and the command line's --area."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import VILLAGE, head_data, household_data

from fieldapp.cli import main
from fieldapp.printing.errors import PrintError
from fieldapp.services import batch_print, households
from fieldapp.storage.db import Database
from fieldapp.storage.models import PrintRecord

OTHER_VILLAGE = "371302001224"  # 兰山街道刘家朱许村, another county


@pytest.fixture
def three(db: Database) -> dict[str, str]:
    made = {
        name: households.create_household(db, household_data(village_code=code), head_data(seq, name)).id
        for seq, name, code in (
            (11, "张海生", VILLAGE),
            (12, "李秀兰", VILLAGE),
            (13, "赵大山", OTHER_VILLAGE),
        )
    }
    return made


def test_areas_and_the_records_of_each(db: Database, three: dict[str, str]) -> None:
    areas = batch_print.areas(db)
    assert [(a.code, a.level, a.households) for a in areas] == [
        (OTHER_VILLAGE[:9], "township", 1),
        (OTHER_VILLAGE, "village", 1),
        (VILLAGE[:9], "township", 2),
        (VILLAGE, "village", 2),
    ]
    assert areas[0].name == "兰山街道" and areas[1].name == "刘家朱许村村民委员会"
    everyone = batch_print.items(db, "contact_card")
    assert [i.label for i in everyone] == ["赵大山", "李秀兰", "张海生"]  # by village, then by name
    in_village = batch_print.items(db, "contact_card", VILLAGE)
    assert [i.record_id for i in in_village] == [three["李秀兰"], three["张海生"]]
    assert batch_print.items(db, "contact_card", VILLAGE[:9]) == in_village
    assert batch_print.items(db, "public_notice", VILLAGE) == [batch_print.Item(VILLAGE, "公示名单")]
    assert batch_print.items(db, "public_notice") == [batch_print.Item("all", "公示名单")]


def test_a_folder_that_is_a_file_is_refused_and_nothing_is_printed(
    db: Database, three: dict[str, str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "cards.pdf"
    not_a_folder.write_bytes(b"kept")
    with pytest.raises(PrintError) as caught:
        batch_print.run(db, "contact_card", batch_print.items(db, "contact_card"), not_a_folder)
    assert str(caught.value) == (
        f"无法在 {not_a_folder} 保存文件：这是一个文件，不是文件夹，未生成文件。请另选一个文件夹。"
    )
    assert not_a_folder.read_bytes() == b"kept"
    with db.session() as s:
        assert s.scalars(select(PrintRecord)).all() == []


def test_the_command_line_prints_one_village_and_says_which_household_failed(
    db: Database, three: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    (folder / f"contact_card-{three['张海生']}.pdf").mkdir(parents=True)
    data_dir = str(db.path.parent)
    db.close()
    code = main(
        ["print", "contact_card", "--all", "--area", VILLAGE, "-o", str(folder), "--data-dir", data_dir]
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert [p.name for p in folder.glob("*.pdf") if p.is_file()] == [f"contact_card-{three['李秀兰']}.pdf"]
    assert "已生成 1 份（共 1 页）" in out
    assert f"错误：张海生 未能打印：contact_card-{three['张海生']}.pdf 是一个已有的文件夹" in err
