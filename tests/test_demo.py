"""Demo data: written through the services, valid by the real rules, varied and repeatable."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select
from tests.conftest import TODAY

from fieldapp.domain import vocab
from fieldapp.domain.divisions import validate_village_code
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.idcard import parse_id_number
from fieldapp.domain.people import MINOR_AGE_FOR_GUARDIAN, age_on
from fieldapp.domain.referrals import TRANSITIONS, catalogue
from fieldapp.services import cadres, households, referrals
from fieldapp.services.demo import DemoSummary, fill_demo_data
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import (
    Assessment,
    Cadre,
    Consent,
    Household,
    Member,
    OutboxEntry,
    Pairing,
    Referral,
    ReferralEvent,
    ReliefPayment,
    Visit,
)

HARDSHIP = {vocab.HardshipCategory.DEEP, vocab.HardshipCategory.RELATIVE, vocab.HardshipCategory.ACCIDENTAL}


T = TypeVar("T")


def _count(db: Database, model: type[Any]) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _all(db: Database, model: type[T]) -> list[T]:
    with db.session() as s:
        return list(s.scalars(select(model)))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    db = open_database(tmp_path_factory.mktemp("demo") / "data")
    summary = fill_demo_data(db, 30, seed=7)
    yield db, summary
    db.close()


def test_summary_matches_database(filled: tuple[Database, DemoSummary]) -> None:
    db, summary = filled
    assert summary.households == 30
    assert summary == DemoSummary(
        cadres=_count(db, Cadre),
        households=_count(db, Household),
        members=_count(db, Member),
        visits=_count(db, Visit),
        assessments=_count(db, Assessment),
        referrals=_count(db, Referral),
        relief=_count(db, ReliefPayment),
        consents=_count(db, Consent),
    )
    assert summary.assessments == 30
    assert 30 <= summary.visits <= 90
    assert summary.members > 30 and summary.referrals > 0 and summary.relief > 0


def test_every_row_reached_the_outbox(filled: tuple[Database, DemoSummary]) -> None:
    """Batching the commits must not bypass the outbox that sync relies on."""
    db, summary = filled
    with db.session() as s:
        inserts = Counter(s.scalars(select(OutboxEntry.entity).where(OutboxEntry.op == "insert")).all())
    assert inserts["household"] == summary.households
    assert inserts["member"] == summary.members
    assert inserts["referral"] == summary.referrals
    assert inserts["referral_event"] == _count(db, ReferralEvent)


def test_id_numbers_valid_unique_and_consistent(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    members = _all(db, Member)
    numbers = [m.id_number for m in members if m.id_number]
    assert len(numbers) == len(set(numbers))
    for m in members:
        if m.relation == vocab.Relation.HEAD:
            assert m.id_number, m.name
        if not m.id_number:
            continue
        parsed = parse_id_number(m.id_number)
        assert parsed.region_code.startswith("3713")
        assert parsed.sex == m.sex and parsed.birth_date == m.birth_date
        assert 2 <= len(m.name) <= 4
        if m.health == vocab.HealthStatus.DISABLED:
            assert m.disability_category is not None
        assert m.monthly_income_fen >= 0


def test_households_have_real_villages_and_complete_files(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    for h in _all(db, Household):
        assert h.village_code is not None
        assert validate_village_code(h.village_code) == h.village_code
        assert h.address_detail
        assert h.source == "demo"
        if h.pairing_basis == vocab.PairingBasis.UNIT_EMPLOYEE:
            assert h.unit_name
    rows = households.list_households(db)
    assert all(r.village_name.startswith("临沂市") for r in rows)
    assert sum(1 for r in rows if not r.missing) >= 25


def test_cadres_pair_two_to_four_or_are_flagged(filled: tuple[Database, DemoSummary]) -> None:
    db, summary = filled
    listed = cadres.list_cadres(db)
    assert len(listed) == summary.cadres >= 2
    statuses = [cadres.pairing_status(db, c.id) for c in listed]
    for st in statuses:
        assert 2 <= st.active <= 4 or st.warning is not None, st
    assert sum(1 for st in statuses if 2 <= st.active <= 4) >= 0.8 * len(statuses)
    for c in listed:
        assert c.unit and c.post and c.phone and c.phone.startswith("+861")


def test_categories_and_causes_vary(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    found = _all(db, Assessment)
    categories = {a.category for a in found}
    assert categories <= HARDSHIP
    assert len(categories) >= 2
    assert len({a.main_cause for a in found}) >= 4
    for a in found:
        secondary = [int(c) for c in a.secondary_causes.split(",") if c]
        assert len(secondary) <= 3
        assert len(set(secondary)) == len(secondary)
        assert a.main_cause not in secondary


def test_referrals_follow_the_lifecycle(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    found = referrals.list_referrals(db)
    assert len({r.status for r in found}) >= 4
    kinds = catalogue()
    for r in found:
        assert r.kind_code in kinds
        events = referrals.history(db, r.id)
        assert events[0].status == vocab.ReferralStatus.DRAFT
        assert events[0].occurred_on == r.created_on
        for before, after in itertools.pairwise(events):
            assert after.status in TRANSITIONS[before.status]
            assert after.occurred_on >= before.occurred_on
        assert events[-1].status == r.status and events[-1].occurred_on == r.status_on
        for e in events:
            if e.status in (vocab.ReferralStatus.RETURNED, vocab.ReferralStatus.WITHDRAWN):
                assert e.note


def test_a_larger_set_reaches_every_status(tmp_path: Path) -> None:
    db = open_database(tmp_path / "data")
    fill_demo_data(db, 80, seed=2014)
    statuses = {r.status for r in referrals.list_referrals(db)}
    assert statuses == set(vocab.ReferralStatus)
    assert {a.category for a in _all(db, Assessment)} == HARDSHIP
    programmes = {p.programme for p in _all(db, ReliefPayment)}
    assert vocab.ReliefProgramme.SEND_WARMTH in programmes and len(programmes) >= 3
    db.close()


def test_no_date_in_the_future_and_some_visits_overdue(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    today = TODAY
    dates: list[dt.date] = []
    dates += [v.visit_date for v in _all(db, Visit)]
    dates += [a.assessed_on for a in _all(db, Assessment)]
    dates += [e.occurred_on for e in _all(db, ReferralEvent)]
    dates += [r.paid_on for r in _all(db, ReliefPayment)]
    dates += [c.given_on for c in _all(db, Consent)]
    dates += [p.started_on for p in _all(db, Pairing)]
    dates += [m.birth_date for m in _all(db, Member) if m.birth_date]
    assert dates and max(dates) <= today
    latest: dict[str, Visit] = {}
    for v in sorted(_all(db, Visit), key=lambda v: v.visit_date):
        assert v.next_visit_due is not None and v.next_visit_due > v.visit_date
        latest[v.household_id] = v
    assert len(latest) == 30
    due = [v.next_visit_due for v in latest.values() if v.next_visit_due]
    assert any(d < today for d in due), "the to-do list should have overdue visits"
    assert any(d >= today for d in due)


def test_consents_cover_households_children_and_referrals(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    consents = _all(db, Consent)
    by_household: dict[str, list[Consent]] = {}
    for c in consents:
        by_household.setdefault(c.household_id, []).append(c)
    referred: dict[str, dt.date] = {}
    for r in _all(db, Referral):
        referred[r.household_id] = min(r.created_on, referred.get(r.household_id, r.created_on))
    for h in _all(db, Household):
        mine = by_household.get(h.id, [])
        assert any(
            c.purpose == vocab.ConsentPurpose.SENSITIVE_PROCESSING and c.member_id is None for c in mine
        )
        if h.id in referred:
            given = [c.given_on for c in mine if c.purpose == vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY]
            assert given and min(given) <= referred[h.id]
    guarded = {c.member_id for c in consents if c.member_id and c.guardian_name}
    first_consent = {
        hid: min(c.given_on for c in cs if c.purpose == vocab.ConsentPurpose.SENSITIVE_PROCESSING)
        for hid, cs in by_household.items()
    }
    children = 0
    for m in _all(db, Member):
        if m.birth_date and age_on(m.birth_date, first_consent[m.household_id]) < MINOR_AGE_FOR_GUARDIAN:
            children += 1
            assert m.id in guarded, m.name
    assert children > 0


def test_relief_is_paid_in_whole_fen(filled: tuple[Database, DemoSummary]) -> None:
    db, _ = filled
    for p in _all(db, ReliefPayment):
        assert isinstance(p.amount_fen, int) and p.amount_fen > 0 and p.amount_fen % 100 == 0


def _heads(db: Database) -> list[tuple[str, str]]:
    return sorted((r.head_name, r.head_id_number) for r in households.list_households(db))


def test_same_seed_same_data(tmp_path: Path) -> None:
    a = open_database(tmp_path / "a")
    b = open_database(tmp_path / "b")
    c = open_database(tmp_path / "c")
    assert fill_demo_data(a, 10, seed=42) == fill_demo_data(b, 10, seed=42)
    fill_demo_data(c, 10, seed=43)
    assert _heads(a) == _heads(b)
    assert _heads(a) != _heads(c)
    for db in (a, b, c):
        db.close()


def test_calling_twice_adds_more_without_duplicate_ids(tmp_path: Path) -> None:
    db = open_database(tmp_path / "data")
    first = fill_demo_data(db, 6)
    second = fill_demo_data(db, 6)  # same seed: must still not reuse anyone
    assert _count(db, Household) == first.households + second.households == 12
    assert _count(db, Member) == first.members + second.members
    assert _count(db, Cadre) == first.cadres + second.cadres
    with db.session() as s:
        numbers = [n for n in s.scalars(select(Member.id_number)) if n]
    assert len(numbers) == len(set(numbers)) == first.members + second.members
    db.close()


def test_one_household_and_progress(tmp_path: Path) -> None:
    db = open_database(tmp_path / "data")
    calls: list[tuple[int, int]] = []
    summary = fill_demo_data(db, 1, progress=lambda done, total: calls.append((done, total)))
    assert summary.households == 1 and summary.cadres >= 2
    assert calls[-1] == (1, 1)
    for c in cadres.list_cadres(db):
        assert cadres.pairing_status(db, c.id).warning is not None  # fewer than two households
    with pytest.raises(ValidationError):
        fill_demo_data(db, 0)
    db.close()


# Days spread over a year and its awkward corners (new year, a leap day, the Spring Festival
# season, the end of a month): demo data made on any of them gives every form a record.
SPREAD = [
    dt.date(2027, 1, 1),
    dt.date(2027, 2, 10),
    dt.date(2028, 2, 29),
    dt.date(2027, 3, 31),
    dt.date(2027, 5, 18),
    dt.date(2027, 6, 30),
    dt.date(2027, 8, 1),
    dt.date(2027, 9, 15),
    dt.date(2027, 10, 31),
    dt.date(2027, 11, 26),
    dt.date(2027, 12, 31),
    dt.date(2030, 6, 1),
]


@pytest.mark.parametrize("day", SPREAD, ids=str)
def test_demo_made_on_any_day_prints_every_form(tmp_path: Path, day: dt.date) -> None:
    from tests.test_printing import FORMS, record_for, text_of

    from fieldapp.domain import clock
    from fieldapp.services import printing

    db = open_database(tmp_path / "data")
    try:
        fill_demo_data(db, 12, seed=2014, today=day)  # the set `fieldapp --demo` makes
        dates = [v.visit_date for v in _all(db, Visit)] + [e.occurred_on for e in _all(db, ReferralEvent)]
        dates += [r.paid_on for r in _all(db, ReliefPayment)] + [c.given_on for c in _all(db, Consent)]
        assert max(dates) <= day < max(v.next_visit_due for v in _all(db, Visit) if v.next_visit_due)
        with clock.as_of(day):  # a clerk printing on that day
            for form in FORMS:
                target = tmp_path / f"{form}.pdf"
                record = record_for(db, form)
                doc = printing.print_to_file(db, form, record, target, printed_by="王芳")
                assert doc.pdf.pages >= 1
                if form != "public_notice":  # the notice lists only those who consented to it
                    head = printing.gather(db, printing.template_for(db, form), record)["head"]["name"]
                    assert head and head in text_of(target), form
    finally:
        db.close()


def _figures(db: Database) -> list[tuple[Any, ...]]:
    from fieldapp.storage.models import HouseholdEconomy, WorkerStatus

    with db.session() as s:
        econ = [
            (e.observed_on, e.annual_income, e.expense_food, e.arrears_amount)
            for e in s.scalars(select(HouseholdEconomy).order_by(HouseholdEconomy.observed_on))
        ]
        work = [
            (w.observed_on, w.employment, w.monthly_income, tuple(w.insurance or ()))
            for w in s.scalars(select(WorkerStatus).order_by(WorkerStatus.observed_on))
        ]
    return sorted(econ, key=repr) + sorted(work, key=repr)


def test_households_have_item19_figures_over_time(
    filled: tuple[Database, DemoSummary], tmp_path: Path
) -> None:
    from fieldapp.domain import item19 as rules
    from fieldapp.services import item19

    db, _summary = filled
    histories = [item19.history(db, h.id) for h in households.list_households(db)]
    assert all(histories)  # every household has its figures
    assert sum(len(h) >= 2 for h in histories) >= 3  # some were observed twice: change over time shows
    changed = [
        h
        for h in histories
        if len(h) >= 2 and (h[0].economy != h[-1].economy or h[0].workers != h[-1].workers)
    ]
    assert changed
    for h in histories:
        for o in h:
            assert o.observed_on <= TODAY and o.visit_id is not None
            assert o.economy.annual_income is not None and o.economy.annual_income >= 0
            for w in o.workers:
                assert w.employment in rules.EMPLOYMENT
                assert w.insurance is None or set(w.insurance) <= set(rules.INSURANCE)
    # some figures were not asked (未填), and they stay None, never 0
    assert any(o.economy.expense_food is None for h in histories for o in h)
    # deterministic for a given day
    a, b = open_database(tmp_path / "a"), open_database(tmp_path / "b")
    fill_demo_data(a, 8, seed=5, today=dt.date(2026, 3, 9))
    fill_demo_data(b, 8, seed=5, today=dt.date(2026, 3, 9))
    assert _figures(a) == _figures(b) and _figures(a)
    assert all(row[0] <= dt.date(2026, 3, 9) for row in _figures(a))
    a.close()
    b.close()
