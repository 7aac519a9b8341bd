"""The console's ledger queries (hq/ledger.py) over really synced households, on SQLite and PostgreSQL.

Two cadres' laptops sync real batches: one in 兰陵县 (371324), one in 兰山区 (371302). Every
query is asked as a city clerk and as a county clerk, whose scope must hide the other county.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from tests.conftest import TODAY, head_data, household_data, person_id
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.domain import vocab
from fieldapp.domain.hardship import HardshipInput
from fieldapp.domain.referrals import catalogue
from fieldapp.hq import ledger, ledger_index
from fieldapp.hq.accounts import Staff
from fieldapp.hq.ledger import HouseholdQuery
from fieldapp.hq.models import HouseholdIndex, LedgerRow
from fieldapp.hq.store import HQ
from fieldapp.services import assessments, cadres, households, referrals, visits
from fieldapp.services.referrals import ReferralData
from fieldapp.services.visits import VisitData
from fieldapp.storage.db import Database
from fieldapp.sync import client

LANLING, LANSHAN = "371324", "371302"
LANSHAN_VILLAGE = "371302001001"  # 兰山街道 前十社区居民委员会
CITY = Staff(1, "市总", "city")
LANLING_CLERK = Staff(2, "兰陵县", "county", LANLING)
LANSHAN_CLERK = Staff(3, "兰山区", "county", LANSHAN)
EVIL_NAME = '<script>alert("x")</script>王'


@dataclass
class Ledger:
    """What the two devices synced: household ids by head name, the referral, the devices."""

    ids: dict[str, str]
    referral_id: str
    lanling: Database
    lanshan: Database


def sync_all(db: Database, hq: HQ) -> None:
    client.cut_batches(db)
    for b in client._unacked(db):
        result = hq.ingest(b.sealed, "usb")
        assert result.ok, result


def synced_ledger(hq: HQ, tmp_path: Path, extra: int = 0) -> Ledger:
    """Real households on two devices, with a cadre, visits, a referral and an assessment, synced."""
    lanling = enrolled_device(hq, tmp_path / "lanling", name="兰陵县卞庄街道-王芳")
    lanshan = enrolled_device(hq, tmp_path / "lanshan", name="兰山区-刘洋")
    ids: dict[str, str] = {}
    cadre = cadres.add_cadre(lanling, "王芳", unit="兰陵县总工会")
    ids["张海生"] = households.create_household(
        lanling, household_data(phone="13805391234"), head_data(11, "张海生"), cadre_id=cadre
    ).id
    hid = ids["张海生"]
    households.add_member(lanling, hid, head_data(seq=23, name="张小红", relation=vocab.Relation.DAUGHTER))
    visits.record_visit(
        lanling, VisitData(household_id=hid, visit_date=TODAY, notes="第一次走访", demands="孩子上学")
    )
    kind = next(iter(catalogue().values()))
    ref = referrals.create_referral(
        lanling,
        ReferralData(household_id=hid, kind_code=kind.code, receiving_body=kind.bodies[0], reason="培训"),
    )
    referrals.change_status(lanling, ref, vocab.ReferralStatus.REFERRED)
    assessments.record_assessment(
        lanling,
        hid,
        HardshipInput(
            household_size=3,
            annual_income_fen=900_000,
            rigid_spending_fen=0,
            main_cause=vocab.HardshipCause.SERIOUS_ILLNESS,
        ),
    )
    ids["单丽"] = households.create_household(
        lanling, household_data(phone="13905397777"), head_data(13, "单丽", sex=None)
    ).id
    ids[EVIL_NAME] = households.create_household(
        lanling, household_data(phone=None), head_data(15, EVIL_NAME)
    ).id
    for i in range(extra):
        ids[f"赵{i:03d}"] = households.create_household(
            lanling, household_data(phone=None), head_data(100 + i, f"赵{i:03d}")
        ).id
    ids["李强"] = households.create_household(
        lanshan,
        household_data(village_code=LANSHAN_VILLAGE, phone="13605391111"),
        head_data(17, "李强", id_number=person_id(17, region=LANSHAN)),
    ).id
    sync_all(lanling, hq)
    sync_all(lanshan, hq)
    return Ledger(ids, ref, lanling, lanshan)


@pytest.fixture
def synced(hq: HQ, tmp_path: Path) -> Ledger:
    led = synced_ledger(hq, tmp_path)
    yield led
    led.lanling.close()
    led.lanshan.close()


def names(hq: HQ, staff: Staff, **query: object) -> list[str]:
    page = ledger.search_households(hq, staff, HouseholdQuery(**query))  # type: ignore[arg-type]
    return [h.head_name for h in page.items]


def test_search_by_name_initials_tails_village_and_printed_code(hq: HQ, synced: Ledger) -> None:
    assert names(hq, CITY, q="张海") == ["张海生"]
    assert names(hq, CITY, q="zhs") == ["张海生"]
    assert names(hq, CITY, q="ZH") == ["张海生"]
    assert names(hq, CITY, q="sl") == ["单丽"] and names(hq, CITY, q="dl") == ["单丽"]  # 单: Shan or Dan
    tail = person_id(11)[-4:]
    assert names(hq, CITY, q=tail) == ["张海生"]
    assert names(hq, CITY, q=person_id(11)[-6:]) == ["张海生"]
    assert names(hq, CITY, q="7777") == ["单丽"]  # phone tail
    assert names(hq, CITY, q="前十社区") == ["李强"]
    assert names(hq, CITY, q=LANSHAN_VILLAGE) == ["李强"]
    code = ledger_index.household_code(synced.ids["李强"])
    assert names(hq, CITY, q=code) == ["李强"] and names(hq, CITY, q=code.lower()) == ["李强"]
    assert names(hq, CITY, q="王芳") == ["张海生"]  # the paired cadre
    assert names(hq, CITY, q="%") == [] and names(hq, CITY, q="_") == []  # LIKE wildcards are text


def test_the_list_shows_masked_numbers_category_cadre_and_device(hq: HQ, synced: Ledger) -> None:
    page = ledger.search_households(hq, CITY, HouseholdQuery(q="zhs"))
    (h,) = page.items
    assert h.code == f"HH-{synced.ids['张海生'].replace('-', '')[:8].upper()}"
    assert h.id_masked == person_id(11)[:6] + "********" + person_id(11)[-4:]
    assert h.phone_masked == "138****1234"
    assert h.category and h.status == "在档" and h.cadre == "王芳"
    assert h.county == "兰陵县" and "卞庄街道" in h.village
    assert h.device_id == synced.lanling.device_id
    assert person_id(11) not in page.model_dump_json()


def test_filters_sort_and_paging_in_sql(hq: HQ, tmp_path: Path) -> None:
    led = synced_ledger(hq, tmp_path, extra=25)
    try:
        all_city = ledger.search_households(hq, CITY, HouseholdQuery(page_size=10))
        assert all_city.total == 29 and all_city.pages == 3 and len(all_city.items) == 10
        last = ledger.search_households(hq, CITY, HouseholdQuery(page_size=10, page=3))
        assert len(last.items) == 9 and last.page == 3
        beyond = ledger.search_households(hq, CITY, HouseholdQuery(page_size=10, page=99))
        assert beyond.page == 3  # clamped, not empty
        seen = [
            h.id
            for p in (1, 2, 3)
            for h in ledger.search_households(hq, CITY, HouseholdQuery(page_size=10, page=p)).items
        ]
        assert sorted(seen) == sorted(led.ids.values())  # stable order: every household exactly once
        assert names(hq, CITY, county=LANSHAN) == ["李强"]
        assessed = ledger.search_households(hq, CITY, HouseholdQuery(q="zhs")).items[0].category
        assert names(hq, CITY, category=assessed) == ["张海生"]
        assert names(hq, CITY, status="已销档") == []
        by_village = names(hq, CITY, sort="village", page_size=50)
        assert by_village[0] == "李强"  # 371302… sorts before 371324…
        by_name = names(hq, CITY, sort="name", page_size=50)
        assert by_name.index("李强") < by_name.index("张海生")  # lq before zhs
    finally:
        led.lanling.close()
        led.lanshan.close()


def test_a_county_clerk_sees_only_their_county(hq: HQ, synced: Ledger) -> None:
    assert sorted(names(hq, LANLING_CLERK, page_size=50)) == sorted(["张海生", "单丽", EVIL_NAME])
    assert names(hq, LANSHAN_CLERK) == ["李强"]
    assert names(hq, LANLING_CLERK, q="李强") == []
    assert names(hq, LANLING_CLERK, county=LANSHAN) == []  # a filter cannot widen the scope
    assert ledger.household_file(hq, LANLING_CLERK, synced.ids["李强"]) is None
    assert ledger.household_file(hq, LANSHAN_CLERK, synced.ids["李强"]) is not None
    assert [d.name for d in ledger.devices(hq, LANSHAN_CLERK)] == ["兰山区-刘洋"]
    assert len(ledger.devices(hq, CITY)) == 2
    assert [c[0] for c in ledger.counties(LANLING_CLERK)] == [LANLING]


def test_household_file_members_visits_referrals_assessments_device(hq: HQ, synced: Ledger) -> None:
    f = ledger.household_file(hq, CITY, synced.ids["张海生"])
    assert f is not None
    assert [m.name for m in f.members] == ["张海生", "张小红"]
    assert all("*" in m.id_masked for m in f.members)
    assert [v.notes for v in f.visits] == ["第一次走访"] and f.visits[0].demands == "孩子上学"
    (r,) = f.referrals
    assert (
        r.id == synced.referral_id
        and r.status == "已转介"
        and r.kind == next(iter(catalogue().values())).name
    )
    assert len(f.assessments) == 1 and f.assessments[0].category == f.summary.category
    assert f.device_name == "兰陵县卞庄街道-王芳" and not f.device_revoked
    assert f.address.startswith("临沂市兰陵县卞庄街道") and f.address.endswith("3组12号")
    assert ledger.household_file(hq, CITY, "no-such-household") is None


def test_referral_outcome_and_revocation_show_in_the_ledger(hq: HQ, synced: Ledger) -> None:
    hq.record_referral_outcome(synced.referral_id, "已受理", TODAY, "已安排培训", "市总工会")
    f = ledger.household_file(hq, CITY, synced.ids["张海生"])
    assert f is not None and f.referrals[0].status == "已受理"
    hq.revoke("兰陵县卞庄街道-王芳")
    f = ledger.household_file(hq, CITY, synced.ids["张海生"])
    assert f is not None and f.device_revoked


def test_later_changes_update_the_index_and_a_rebuild_gives_the_same(hq: HQ, synced: Ledger) -> None:
    hid = synced.ids["张海生"]
    h = households.get_household(synced.lanling, hid)
    head = next(m for m in h.members if m.relation == vocab.Relation.HEAD)
    households.update_member(synced.lanling, head.id, head_data(11, "张海森"))
    sync_all(synced.lanling, hq)
    assert names(hq, CITY, q="zhs") == ["张海森"]
    assert names(hq, CITY, q="张海生") == []
    with hq.session() as s:
        before = {
            i.household_id: (i.head_name, i.code, i.category, i.cadre_name)
            for i in s.scalars(select(HouseholdIndex))
        }
        s.execute(delete(HouseholdIndex))
        s.execute(delete(LedgerRow))
    hq.init()  # a server started on a database synced before the index existed rebuilds it
    with hq.session() as s:
        after = {
            i.household_id: (i.head_name, i.code, i.category, i.cadre_name)
            for i in s.scalars(select(HouseholdIndex))
        }
    assert after == before
    f = ledger.household_file(hq, CITY, hid)
    assert f is not None and f.referrals and f.visits


def test_a_handover_moves_the_household_to_the_new_device_in_the_ledger(hq: HQ, synced: Ledger) -> None:
    hid = synced.ids["单丽"]
    hq.handover(hid, "兰山区-刘洋", note="调岗")
    (h,) = ledger.search_households(hq, CITY, HouseholdQuery(q="单丽")).items
    assert h.device_id == synced.lanshan.device_id
    f = ledger.household_file(hq, CITY, hid)
    assert f is not None and f.device_name == "兰山区-刘洋"
    assert ledger.household_file(hq, LANLING_CLERK, hid) is not None  # the village decides the county
    assert {d.name for d in ledger.devices(hq, LANLING_CLERK)} == {"兰陵县卞庄街道-王芳", "兰山区-刘洋"}
