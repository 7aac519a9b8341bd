"""Item 19 (总工发〔2015〕14号): observations kept over time, confirm unchanged, migration, HQ."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import TODAY, head_data, household_data, person_id

from fieldapp.domain import item19 as rules
from fieldapp.domain import vocab
from fieldapp.domain.errors import RuleViolation, ValidationError
from fieldapp.domain.people import MemberData
from fieldapp.services import households, item19, visits
from fieldapp.services.item19 import EconomyValues, VisitObservation, WorkerValues
from fieldapp.storage import migrate
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import HouseholdEconomy, OutboxEntry, WorkerStatus


def _household(db: Database) -> tuple[str, str, str]:
    """A household with a working head, a working-age spouse and a child: (household, head, spouse)."""
    saved = households.create_household(db, household_data(), head_data())
    spouse = households.add_member(
        db, saved.id, MemberData(name="李秀英", relation=vocab.Relation.SPOUSE, id_number=person_id(22))
    )
    households.add_member(
        db,
        saved.id,
        MemberData(name="张小明", relation=vocab.Relation.SON, id_number=person_id(33, dt.date(2015, 3, 1))),
    )
    head = next(w.member_id for w in item19.workers_of(db, saved.id) if w.relation == "户主")
    return saved.id, head, spouse.id


ECON = EconomyValues(
    annual_income=36000,
    expense_food=9000,
    expense_housing=3000,
    expense_medical=12000,
    expense_schooling=2000,
    expense_other=None,
    arrears_amount=8000,
    arrears_employer="临沂某建筑公司",
    arrears_reported_on=dt.date(2026, 10, 9),
)


def test_codes_have_chinese_labels_and_unfilled_is_not_zero() -> None:
    assert rules.EMPLOYMENT["employed_away"] == "外出务工"
    assert set(rules.INSURANCE) == {"pension", "medical", "work_injury", "unemployment", "maternity"}
    assert rules.is_unfilled(None) and not rules.is_unfilled(0) and not rules.is_unfilled([])
    assert rules.yuan_text(None) == "未填" and rules.yuan_text(0) == "0元"
    assert rules.insurance_text(None) == "未填" and rules.insurance_text([]) == "无"
    assert rules.insurance_text(["medical", "pension"]) == "医疗保险、养老保险"
    assert rules.parse_amount("  ", "annual_income") is None
    assert rules.parse_amount("12,000元", "annual_income") == 12000
    with pytest.raises(ValidationError, match="整数金额"):
        rules.parse_amount("一万", "annual_income")
    assert rules.rigid_spending({"expense_medical": None, "expense_schooling": None}) is None
    assert rules.rigid_spending({"expense_medical": 5, "expense_schooling": None}) == 5
    assert rules.is_working_age(dt.date(1980, 1, 1), TODAY)
    assert not rules.is_working_age(dt.date(2015, 1, 1), TODAY)
    assert rules.is_working_age(None, TODAY)


def test_observations_are_kept_over_time_and_synced(db: Database) -> None:
    hid, head, spouse = _household(db)
    assert [w.name for w in item19.workers_of(db, hid)] == ["张海生", "李秀英"]  # the child is not
    assert item19.latest(db, hid) is None
    first = item19.record_observation(
        db,
        hid,
        ECON,
        [
            WorkerValues(
                head, "employed_away", "某建筑公司", 3000, "vocational", "", "", ("pension", "medical")
            ),
            WorkerValues(spouse, "farming", "", None, "", "", "", None),
        ],
        observed_on=dt.date(2026, 6, 1),
    )
    second = item19.record_observation(
        db,
        hid,
        EconomyValues(annual_income=30000),
        [WorkerValues(head, "unemployed", insurance=("medical",))],
    )
    hist = item19.history(db, hid)
    assert [o.id for o in hist] == [second, first]  # newest first, the old one still there
    assert hist[1].economy == ECON and hist[0].economy.expense_food is None
    assert hist[1].workers[0].insurance == ("pension", "medical")
    assert hist[1].workers[1].insurance is None and hist[1].workers[1].monthly_income is None
    latest = item19.latest(db, hid)
    assert latest is not None and latest.observed_on == TODAY and latest.workers[0].employment == "unemployed"
    with db.session() as s:
        entries = list(
            s.scalars(
                select(OutboxEntry).where(OutboxEntry.entity.in_(["household_economy", "worker_status"]))
            )
        )
    assert sorted(e.entity for e in entries) == ["household_economy"] * 2 + ["worker_status"] * 3
    payloads = [json.loads(e.payload) for e in entries]
    ws = next(p for p in payloads if p.get("member_id") == spouse)
    assert ws["insurance"] is None and ws["monthly_income"] is None and ws["observed_on"] == "2026-06-01"
    he = next(p for p in payloads if p["id"] == first)
    assert (
        he["expense_other"] is None
        and he["annual_income"] == 36000
        and he["arrears_reported_on"] == "2026-10-09"
    )
    hw = next(p for p in payloads if p.get("member_id") == head and p["observation_id"] == first)
    assert hw["insurance"] == ["pension", "medical"]


def test_confirm_unchanged_copies_the_latest_into_a_new_observation_dated_today(db: Database) -> None:
    hid, head, spouse = _household(db)
    with pytest.raises(RuleViolation, match="还没有登记过"):
        item19.confirm_unchanged(db, hid)
    first = item19.record_observation(
        db,
        hid,
        ECON,
        [WorkerValues(head, "employed_local", "某厂", 2500, insurance=("work_injury",))],
        observed_on=dt.date(2026, 5, 2),
    )
    new = item19.confirm_unchanged(db, hid)
    assert new != first
    latest = item19.latest(db, hid)
    assert latest is not None and latest.id == new and latest.observed_on == TODAY
    assert latest.economy == ECON
    assert latest.workers[0] == WorkerValues(head, "employed_local", "某厂", 2500, insurance=("work_injury",))
    assert latest.workers[1] == WorkerValues(spouse)  # of working age, never observed: a row, all 未填
    assert len(item19.history(db, hid)) == 2


def test_a_visit_saves_confirmed_and_changed_dimensions_in_its_transaction(db: Database) -> None:
    hid, head, spouse = _household(db)
    item19.record_observation(
        db,
        hid,
        ECON,
        [
            WorkerValues(head, "employed_away", "甲公司", 3000, "vocational", "", "", ("pension",)),
            WorkerValues(spouse, "farming"),
        ],
        observed_on=dt.date(2026, 5, 2),
    )
    vo = VisitObservation(
        confirmed=frozenset({"employment", "training", "insurance", "expenses"}),
        changed=frozenset({"income"}),
        economy=EconomyValues(annual_income=40000, expense_food=1),  # expense_food is confirmed: ignored
        workers=(
            WorkerValues(head, "unemployed", monthly_income=3500),
            WorkerValues(spouse, monthly_income=0),
        ),
    )
    vid = visits.record_visit(db, visits.VisitData(hid, TODAY, place="家中"), vo)
    latest = item19.latest(db, hid)
    assert latest is not None and latest.visit_id == vid and latest.observed_on == TODAY
    assert latest.economy.annual_income == 40000 and latest.economy.expense_food == 9000
    assert latest.economy.arrears_amount is None and latest.economy.arrears_employer == ""  # not asked: 未填
    by_member = {w.member_id: w for w in latest.workers}
    assert by_member[head].employment == "employed_away" and by_member[head].monthly_income == 3500
    assert by_member[head].insurance == ("pension",) and by_member[head].training_wanted == "vocational"
    assert by_member[spouse].monthly_income == 0 and by_member[spouse].employment == "farming"


def test_a_bad_figure_saves_neither_the_visit_nor_the_observation(db: Database) -> None:
    hid, head, _ = _household(db)
    vo = VisitObservation(
        changed=frozenset({"income", "employment", "insurance"}),
        economy=EconomyValues(annual_income=-5),
        workers=(WorkerValues(head, "astronaut", monthly_income=9_999_999, insurance=("pension", "gold")),),
    )
    with pytest.raises(ValidationError) as err:
        visits.record_visit(db, visits.VisitData(hid, TODAY, place="家中"), vo)
    text = str(err.value)
    assert "家庭年收入：不能为负数" in text and "张海生的月收入" in text and "多输了0" in text
    assert "不是可选的就业状况" in text and "不认识的险种" in text
    assert visits.list_visits(db, hid) == [] and item19.history(db, hid) == []
    with pytest.raises(RuleViolation, match="不能确认“无变化”"):
        visits.record_visit(
            db, visits.VisitData(hid, TODAY), VisitObservation(confirmed=frozenset({"income"}))
        )
    assert visits.list_visits(db, hid) == []
    other, _o, _s = _household_other(db)
    with pytest.raises(ValidationError, match="不是该户的成员"):
        item19.record_observation(db, hid, EconomyValues(), [WorkerValues(_o)])
    with pytest.raises(ValidationError, match="欠薪反映日期：不能晚于今天"):
        item19.record_observation(db, hid, EconomyValues(arrears_reported_on=TODAY + dt.timedelta(days=1)))
    assert item19.history(db, hid) == [] and item19.history(db, other) == []


def _household_other(db: Database) -> tuple[str, str, str]:
    saved = households.create_household(db, household_data(), head_data(seq=44, name="王强"))
    head = item19.workers_of(db, saved.id)[0].member_id
    return saved.id, head, ""


def test_assessment_figures_come_from_the_newest_filled_observation(db: Database) -> None:
    hid, _head, _ = _household(db)
    assert item19.assessment_figures(db, hid) is None
    item19.record_observation(db, hid, ECON, observed_on=dt.date(2026, 3, 1))
    item19.record_observation(db, hid, EconomyValues(annual_income=30000), observed_on=dt.date(2026, 9, 1))
    fig = item19.assessment_figures(db, hid)
    assert fig is not None and fig.annual_income == 30000 and fig.rigid_spending == 14000
    assert fig.observed_on == dt.date(2026, 9, 1)


def test_a_ledger_made_at_the_previous_head_upgrades_and_keeps_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Make a ledger with the migrations up to 0004 only, then open it with this program."""
    old_scripts = tmp_path / "old-migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, old_scripts)
    (old_scripts / "versions" / "0005_item19_observations.py").unlink()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", old_scripts)
    data = tmp_path / "data"
    old = open_database(data)
    saved = households.create_household(old, household_data(), head_data())
    old.close()
    with sqlite3.connect(data / "fieldapp.sqlite") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "household_economy" not in tables

    monkeypatch.undo()
    db = open_database(data)
    assert db.backup is not None and db.backup.exists()
    assert households.list_households(db)[0].id == saved.id
    member = item19.workers_of(db, saved.id)[0].member_id
    item19.record_observation(db, saved.id, EconomyValues(annual_income=1), [WorkerValues(member, "farming")])
    with db.session() as s:
        assert s.scalar(select(HouseholdEconomy.annual_income)) == 1
        assert s.scalar(select(WorkerStatus.employment)) == "farming"
    db.close()


GOOD = {
    "id": "c1",
    "name": "2026年12月再摸底",
    "start": "2026-12-01",
    "end": "2026-12-31",
    "counties": ["371302"],
}


@pytest.mark.parametrize(
    "body",
    [
        None,
        "not json",
        [GOOD],
        {**GOOD, "id": ""},
        {**GOOD, "id": 5},
        {**GOOD, "id": "x" * 37},
        {**GOOD, "name": "  "},
        {**GOOD, "name": "长" * 101},
        {**GOOD, "start": "2026-13-01"},
        {**GOOD, "end": None},
        {**GOOD, "start": "2027-01-01", "end": "2026-12-31"},  # ends before it starts
        {**GOOD, "end": "2027-12-31"},  # a year or more is not a campaign
        {**GOOD, "counties": "371302"},
        {**GOOD, "counties": ["3713"]},
        {**GOOD, "counties": [371302]},
    ],
)
def test_a_malformed_campaign_is_ignored(db: Database, body: object) -> None:
    from fieldapp.domain import campaign as rules_c
    from fieldapp.services import campaign

    assert rules_c.parse(body) is None
    with db.session() as s:
        assert campaign.receive(s, {**GOOD, "start": "2026-11-01"}) is not None
        assert campaign.receive(s, body) is None
    held = campaign.current(db)
    assert held is not None and held.start == dt.date(2026, 11, 1)  # the one held stays


def test_the_newest_campaign_wins_and_a_resend_corrects_it(db: Database) -> None:
    from fieldapp.services import campaign

    with db.session() as s:
        assert campaign.receive(s, GOOD) is not None
        assert campaign.receive(s, {**GOOD, "id": "c0", "start": "2026-11-30"}) is None  # older start
        assert campaign.receive(s, {**GOOD, "id": "c0"}) is None  # same start, smaller id
        assert campaign.receive(s, {**GOOD, "end": "2026-12-20"}) is not None  # the same one, corrected
        assert campaign.receive(s, {**GOOD, "id": "c2"}) is not None  # same start, greater id
    held = campaign.current(db)  # no household yet: the campaign applies
    assert held is not None and (held.id, held.end) == ("c2", dt.date(2026, 12, 31))
