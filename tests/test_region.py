"""The national division data and the active region: chosen at enrolment or sent by headquarters."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain import divisions as div
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.idcard import make_id_number
from fieldapp.services import region
from fieldapp.services.households import list_households
from fieldapp.services.import_places import resolve_place
from fieldapp.services.importer import import_households
from fieldapp.storage.db import Database, open_database
from fieldapp.sync.replies import Applied, apply_item

# 济南市历下区 (370102) 解放路街道 (370102001) 解放桥社区居民委员会 (370102001002)
JINAN_VILLAGE = "370102001002"


@pytest.fixture(autouse=True)
def _default_region_after() -> Iterator[None]:
    yield
    div.set_active_region(div.DEFAULT_REGION)


def test_the_national_data_reaches_every_province_down_to_villages() -> None:
    nat = div.national()
    assert len([c for c in nat.upper if len(c) == 2]) == 31
    assert nat.full_name("371324001015") == "山东省临沂市兰陵县卞庄街道泇河社区居民委员会"
    assert nat.full_name("110101001001") == "北京市东城区东华门街道多福巷社区居委会"  # no 市辖区
    assert div.region_index("650102").counties()[0].name == "天山区"


def test_default_region_is_linyi_and_unchanged() -> None:
    assert div.active_region_code() == "3713"
    assert len(div.divisions().counties()) == 13
    assert div.divisions().full_name("371324001015") == "临沂市兰陵县卞庄街道泇河社区居民委员会"


def test_region_choices_narrow_down_for_the_enrolment_picker() -> None:
    provinces = region.region_choices()
    assert ("37", "山东省") in [(c.code, c.name) for c in provinces]
    cities = region.region_choices("37")
    assert ("3713", "临沂市", "山东省临沂市") in [(c.code, c.name, c.full_name) for c in cities]
    assert "兰山区" in [c.name for c in region.region_choices("3713")]
    assert region.region_choices("371302") == []


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("37130", "应为2位（省）、4位（市）或6位（县区）区划代码"),
        ("3799", "不是2023年统计用区划代码中的省、市或县区"),
    ],
)
def test_a_bad_region_is_refused_and_nothing_changes(db: Database, code: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        region.set_region(db, code)
    assert region.active_region(db).code == "3713"


def test_a_region_chosen_at_enrolment_is_kept_in_the_ledger(tmp_path: Path) -> None:
    db = open_database(tmp_path / "data")
    chosen = region.set_region(db, "370102")
    assert (chosen.code, chosen.name, chosen.full_name) == ("370102", "历下区", "山东省济南市历下区")
    assert [c.name for c in div.divisions().counties()] == ["历下区"]
    db.close()
    div.set_active_region("3713")  # another ledger was open meanwhile
    db = open_database(tmp_path / "data")
    assert div.active_region_code() == "370102"
    db.close()


def test_validation_outside_the_region_names_where_the_place_is(db: Database) -> None:
    region.set_region(db, "370102")
    assert div.validate_village_code(JINAN_VILLAGE) == JINAN_VILLAGE
    with pytest.raises(ValidationError) as e:
        div.validate_village_code("371324001015")
    assert "不属于历下区（本机的工作地区），它是山东省临沂市兰陵县卞庄街道泇河社区居民委员会的代码" in str(
        e.value
    )


def test_names_outside_the_region_are_refused_naming_where_they_are(db: Database) -> None:
    region.set_region(db, "3701")  # 济南市
    with pytest.raises(ValidationError) as e:
        resolve_place("兰山区", "", "")
    assert "“兰山区”不在本机的工作地区（济南市）内：它是山东省临沂市兰山区" in str(e.value)
    with pytest.raises(ValidationError) as e:
        resolve_place("", "卞庄街道", "泇河社区")
    assert "“卞庄街道”不在本机的工作地区（济南市）内：它是山东省临沂市兰陵县卞庄街道" in str(e.value)
    assert resolve_place("历下区", "解放路街道", "解放桥社区").village_code == JINAN_VILLAGE
    assert resolve_place("", "", "济南市历下区解放路街道解放桥社区居民委员会").village_code == JINAN_VILLAGE


def test_import_uses_the_active_region(db: Database, tmp_path: Path) -> None:
    region.set_region(db, "3701")
    path = tmp_path / "名单.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(["户主姓名", "身份证号", "手机号", "县区", "乡镇", "村"])
        w.writerow(
            [
                "张海生",
                make_id_number("370102", dt.date(1980, 1, 1), 11),
                "13805391234",
                "历下区",
                "解放路街道",
                "解放桥社区",
            ]
        )
        w.writerow(
            [
                "王秀英",
                make_id_number("371302", dt.date(1980, 1, 1), 12),
                "13805391235",
                "兰山区",
                "白沙埠镇",
                "卧茨村",
            ]
        )
    report = import_households(db, path)
    assert report.imported == 1
    assert [p.line for p in report.rejected] == [3]
    assert "“兰山区”不在本机的工作地区（济南市）内：它是山东省临沂市兰山区" in report.rejected[0].reason
    assert [r.village_code for r in list_households(db)] == [JINAN_VILLAGE]


def test_headquarters_sends_the_region_in_a_reply(db: Database, tmp_path: Path) -> None:
    result = Applied()
    with db.session() as s:
        apply_item(s, "region", {"code": "370102"}, tmp_path, None, result)
        apply_item(s, "region", {"code": "99"}, tmp_path, None, result)  # unusable: skipped, said
    assert div.active_region_code() == "370102"
    assert any("工作地区无法采用" in m for m in result.skipped)
    assert region.active_region(db).code == "370102"


def test_headquarters_queues_a_checked_region_for_the_devices(tmp_path: Path) -> None:
    from sqlalchemy import select

    from fieldapp.hq.models import Outgoing
    from fieldapp.hq.region import send_region
    from fieldapp.hq.store import HQ

    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    try:
        assert send_region(hq, "3701") == "山东省济南市"
        with pytest.raises(ValidationError, match="工作地区"):
            send_region(hq, "3799")
        with hq.session() as s:
            queued = [(o.device_id, o.kind, o.body) for o in s.scalars(select(Outgoing))]
        assert queued == [("*", "region", '{"code":"3701"}')]
    finally:
        hq.close()


def test_headquarters_sets_the_region_from_the_command_line_and_the_device_takes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fieldapp-hq set-region`: a bad code or an unknown device changes nothing and says so in
    Chinese (exit 1); a good one is audited and reaches the device in its next sync reply."""
    from sqlalchemy import func, select
    from tests.test_sync_hq_reply import sync
    from tests.test_sync_protocol import enrolled_device

    from fieldapp.hq import cli as hq_cli
    from fieldapp.hq.models import ConsoleAudit, Outgoing
    from fieldapp.hq.store import HQ

    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    db = enrolled_device(hq, tmp_path / "a", "历下区-王芳")

    def queued() -> int:
        with hq.session() as s:
            return int(
                s.scalar(select(func.count()).select_from(Outgoing).where(Outgoing.kind == "region")) or 0
            )

    try:
        for args, error in (
            (["99"], "不是"),
            (["37010"], "应为2位（省）、4位（市）或6位（县区）区划代码"),
            (["济南市"], "工作地区填写不对"),
            (["370102", "--device", "没有这台"], "没有找到设备“没有这台”"),
        ):
            assert hq_cli.main(["--db", hq.url, "set-region", *args]) == 1, args
            assert error in capsys.readouterr().err, args
        assert queued() == 0
        with hq.session() as s:
            assert s.scalar(select(func.count()).select_from(ConsoleAudit)) == 0

        assert hq_cli.main(["--db", hq.url, "set-region", "370102", "--device", "历下区-王芳"]) == 0
        assert "山东省济南市历下区" in capsys.readouterr().out and queued() == 1
        with hq.session() as s:
            audit = s.scalars(select(ConsoleAudit)).one()
        assert audit.target == "工作地区" and audit.detail.startswith("370102 山东省济南市历下区")
        assert region.active_region(db).code == "3713"
        sync(db, hq)
        assert region.active_region(db).code == "370102"
        assert div.active_region_code() == "370102"
    finally:
        db.close()
        hq.close()


def test_a_federation_outside_linyi_sets_its_city_once_for_headquarters_and_every_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fieldapp-hq set-region 3701` (no device): every device is told, and headquarters itself
    serves 济南市 from then on — its county list, county accounts, console heading and report unit —
    also after it is opened again."""
    from fastapi.testclient import TestClient
    from tests.test_hq_console import PASSWORD, sign_in

    from fieldapp.hq import accounts, ledger
    from fieldapp.hq import cli as hq_cli
    from fieldapp.hq import region as hq_region
    from fieldapp.hq.accounts import AccountError, Staff
    from fieldapp.hq.app import create_app
    from fieldapp.hq.store import HQ

    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    hq = HQ(url)
    hq.init()
    city = Staff(1, "市总", "city")
    try:
        assert hq_region.union_name() == "临沂市总工会"
        assert "兰陵县" in [name for _, name in ledger.counties(city)]
        assert hq_cli.main(["--db", url, "set-region", "3701"]) == 0
        assert "山东省济南市" in capsys.readouterr().out
        hq.close()
        hq = HQ(url)
        hq.init()  # opened again: still 济南市
        assert hq_region.union_name() == "济南市总工会"
        names = [name for _, name in ledger.counties(city)]
        assert "历下区" in names and "兰陵县" not in names
        with pytest.raises(AccountError, match="不是济南市的县区"):
            accounts.add_account(hq, "lanling", "county", PASSWORD, county="371324")
        accounts.add_account(hq, "lixia", "county", PASSWORD, county="370102")
        accounts.add_account(hq, "city", "city", PASSWORD)
        with TestClient(create_app(hq), follow_redirects=False) as c:
            sign_in(c, "city")
            page = c.get("/console/households").text
            assert "济南市总工会" in page and "临沂市总工会" not in page
    finally:
        hq.close()
        div.set_active_region(div.DEFAULT_REGION)
