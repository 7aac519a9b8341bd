"""bench/hq_seed.py writes the rows real ingest would write, so the scale figures are about real rows.

Demo households are really synced into a small headquarters (the seeder's templates), then the
same seeded households are written twice: once through ingest's own `note_changes` (what every
batch runs) and once by the seeder's bulk path. Every index and statistics table must hold the
same rows, and the console must show a seeded household like any other.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.test_hq_console import PASSWORD, sign_in

from fieldapp.domain import clock
from fieldapp.hq import accounts, ledger, stats
from fieldapp.hq.accounts import Staff
from fieldapp.hq.app import create_app
from fieldapp.hq.ledger import HouseholdQuery
from fieldapp.hq.models import (
    BlindToken,
    HouseholdIndex,
    HQMeta,
    IdClaim,
    LedgerRow,
    Record,
    ReferralIndex,
)
from fieldapp.hq.stats_index import HASH_KEY
from fieldapp.hq.stats_models import (
    StatCadre,
    StatEconomy,
    StatHousehold,
    StatReferral,
    StatRelief,
    StatVisit,
    StatWorker,
)
from fieldapp.hq.store import HQ

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import hq_seed

TODAY = clock.today()
TABLES = (
    Record,
    LedgerRow,
    HouseholdIndex,
    BlindToken,
    IdClaim,
    ReferralIndex,
    StatCadre,
    StatHousehold,
    StatVisit,
    StatReferral,
    StatRelief,
    StatEconomy,
    StatWorker,
)
N = 12


def _rows(hq: HQ, model: Any) -> list[tuple[Any, ...]]:
    cols = [c for c in model.__table__.c if c.name != "updated_at"]
    with hq.session() as s:
        return sorted(tuple(r) for r in s.execute(select(*cols)))


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[HQ, HQ]:
    tmp = tmp_path_factory.mktemp("seed")
    templates = hq_seed.make_templates(tmp / "templates", households=6)
    key = tmp / "hq.key"
    out = []
    for name, via_ingest in (("ingest", True), ("bulk", False)):
        hq = HQ(f"sqlite:///{(tmp / f'{name}.sqlite').as_posix()}", key_file=key)
        hq.init()
        with hq.session() as s:  # one statistics hash key for both, as for one server
            s.add(HQMeta(key=HASH_KEY, value=b"k" * 32))
        accounts.add_account(hq, "city", "city", PASSWORD)
        accounts.add_account(hq, "lanling", "county", PASSWORD, county="371324")
        hq_seed.seed(hq, N, seed=7, templates=templates, via_ingest=via_ingest, quiet=True)
        out.append(hq)
    yield out[0], out[1]
    for hq in out:
        hq.close()


def test_the_bulk_path_writes_exactly_what_ingest_writes(pair: tuple[HQ, HQ]) -> None:
    ingested, bulk = pair
    for model in TABLES:
        expected = _rows(ingested, model)
        assert expected, model.__tablename__  # every table really has rows at this size
        assert _rows(bulk, model) == expected, model.__tablename__
    with ingested.session() as s:
        homes = list(s.scalars(select(HouseholdIndex.county_code)))
    assert len(homes) == N and len(set(homes)) > 1  # spread over several counties


def test_the_console_shows_seeded_households_like_ingested_ones(pair: tuple[HQ, HQ]) -> None:
    ingested, bulk = pair
    city = Staff(1, "city", "city")
    county = Staff(2, "lanling", "county", "371324")
    for staff in (city, county):
        a = ledger.search_households(ingested, staff, HouseholdQuery(page_size=200))
        b = ledger.search_households(bulk, staff, HouseholdQuery(page_size=200))
        assert a == b and (a.total == N or staff is county)
        assert all(h.county_code == "371324" for h in b.items) or staff is city
        for h in b.items[:3]:
            assert ledger.household_file(bulk, staff, h.id) == ledger.household_file(ingested, staff, h.id)
    scope = stats.Scope("")
    assert stats.everything(bulk, scope, TODAY, None) == stats.everything(ingested, scope, TODAY, None)
    months = stats.visits_by_month(bulk, scope, 12, TODAY)
    assert months == stats.visits_by_month(ingested, scope, 12, TODAY)
    assert months == stats.visits_by_month(bulk, scope, 12, TODAY, live=True) and sum(
        n for _m, n, _f in months
    )
    first = ledger.search_households(bulk, city, HouseholdQuery()).items[0]
    found = ledger.search_households(bulk, city, HouseholdQuery(q=first.head_name))
    assert first.id in [h.id for h in found.items]  # the blind index finds a seeded name
    with TestClient(create_app(bulk), follow_redirects=False) as c:
        sign_in(c, "city")
        page = c.get(f"/console/households/{first.id}")
        assert page.status_code == 200 and first.head_name in page.text and first.code in page.text
        listing = c.get("/console/households")
        assert listing.status_code == 200 and f"共 {N} 户" in listing.text.replace(",", "")


def test_the_postgresql_copy_path_seals_rows_that_open_in_the_console(
    pair: tuple[HQ, HQ], tmp_path: Path
) -> None:
    """On PostgreSQL the seeder writes with COPY, past the ORM: each sealed value must still be
    bound to its row (sealed.ROW_KEYS), or nothing it wrote could be read back."""
    from tests.test_sync_protocol import _start_pg, new_pg_database

    ingested, _bulk = pair
    templates = hq_seed.make_templates(tmp_path / "templates", households=6)
    hq = HQ(new_pg_database(_start_pg()), key_file=tmp_path / "hq.key")
    try:
        hq.init()
        with hq.session() as s:
            s.add(HQMeta(key=HASH_KEY, value=b"k" * 32))
        hq_seed.seed(hq, N, seed=7, templates=templates, quiet=True)
        with hq.session() as s:
            opened = list(s.scalars(select(Record.data)))  # every value opens with its row identity
        assert len(opened) > N and all(d.startswith("{") for d in opened)
        city = Staff(1, "city", "city")
        found = ledger.search_households(hq, city, HouseholdQuery(page_size=200))
        assert found.total == N
        expected = ledger.search_households(ingested, city, HouseholdQuery(page_size=200))
        assert sorted(h.id for h in found.items) == sorted(h.id for h in expected.items)
        first = found.items[0]
        assert ledger.household_file(hq, city, first.id) == ledger.household_file(ingested, city, first.id)
    finally:
        hq.close()
