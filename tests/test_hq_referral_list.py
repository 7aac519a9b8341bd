"""The 转介 list at scale (migration 0012): scope, filters and paging over hq_referral_index alone,
kept current when a household moves county or is deleted; the backfill of older databases.
On SQLite and PostgreSQL, with households really synced from two devices (tests/test_hq_ledger.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from alembic import command
from sqlalchemy import event, select, update
from tests.test_hq_ledger import (
    CITY,
    LANLING,
    LANLING_CLERK,
    LANSHAN,
    LANSHAN_CLERK,
    LANSHAN_VILLAGE,
    Ledger,
    sync_all,
    synced,
)
from tests.test_sync_protocol import hq, hq_url, postgres_server

from fieldapp.hq import ledger, ledger_index, migrate
from fieldapp.hq.accounts import Staff
from fieldapp.hq.ledger import ReferralQuery
from fieldapp.hq.models import Record, ReferralIndex
from fieldapp.hq.store import HQ
from fieldapp.services import households

_ = (synced, hq, hq_url, postgres_server)


def refs(hq: HQ, staff: Staff, **query: Any) -> list[str]:
    return [r.id for r in ledger.search_referrals(hq, staff, ReferralQuery(**query)).items]


def index_row(hq: HQ, referral_id: str) -> tuple[str, int, int]:
    with hq.session() as s:
        r = s.get(ReferralIndex, referral_id)
        assert r is not None
        return r.county_code, int(r.household_deleted), int(r.deleted)


def test_a_household_moved_to_another_county_takes_its_referrals_out_of_the_old_county(
    hq: HQ, synced: Ledger
) -> None:
    rid, hid = synced.referral_id, synced.ids["张海生"]
    assert index_row(hq, rid) == (LANLING, 0, 0)
    assert refs(hq, LANLING_CLERK) == [rid] and refs(hq, LANSHAN_CLERK) == []
    data = households.household_data(households.get_household(synced.lanling, hid))
    households.update_household(synced.lanling, hid, replace(data, village_code=LANSHAN_VILLAGE))
    sync_all(synced.lanling, hq)
    assert index_row(hq, rid) == (LANSHAN, 0, 0)
    # the old county's clerk: not in the list, not by id, not by the slip's code or by search
    assert refs(hq, LANLING_CLERK) == [] and refs(hq, LANLING_CLERK, q="张海生") == []
    assert ledger.referral_detail(hq, LANLING_CLERK, rid) is None
    code = ledger_index.referral_code(rid)
    assert ledger.referral_from_scan(hq, LANLING_CLERK, code) is None
    assert ledger.search_referrals(hq, LANLING_CLERK, ReferralQuery()).total == 0
    # the new county's clerk and the city see it there
    assert refs(hq, LANSHAN_CLERK) == [rid] and ledger.referral_from_scan(hq, LANSHAN_CLERK, code) == rid
    assert refs(hq, CITY, county=LANSHAN) == [rid] and refs(hq, CITY, county=LANLING) == []
    (line,) = ledger.search_referrals(hq, LANSHAN_CLERK, ReferralQuery()).items
    assert line.county == "兰山区" and line.head_name == "张海生"


def test_a_deleted_household_takes_its_referrals_out_of_every_list(hq: HQ, synced: Ledger) -> None:
    rid, hid = synced.referral_id, synced.ids["张海生"]
    with hq.session() as s:  # as ingest marks a deleted row, then recomputes the household's index
        s.execute(update(Record).where(Record.row_id == hid, Record.entity == "household").values(deleted=1))
        ledger_index.refresh(s, [hid])
    assert index_row(hq, rid) == (LANLING, 1, 0)
    assert refs(hq, CITY) == [] and refs(hq, LANLING_CLERK) == []
    assert ledger.referral_detail(hq, CITY, rid) is None


def test_the_list_pages_over_the_referral_index_alone(hq: HQ, synced: Ledger) -> None:
    """Count, overdue count and the page's ids never join the household index; only the 20 rows
    of the page are looked up there, by primary key, for the head's name."""
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(hq.engine, "before_cursor_execute", seen)
    try:
        for staff, query in (
            (CITY, ReferralQuery()),
            (LANLING_CLERK, ReferralQuery(status="已转介")),
            (CITY, ReferralQuery(county=LANLING, overdue=True)),
        ):
            ledger.search_referrals(hq, staff, query)
    finally:
        event.remove(hq.engine, "before_cursor_execute", seen)
    listing = [s for s in statements if "hq_referral_index" in s]
    assert len(listing) >= 9  # overdue count, count (or not), ids, rows per page
    assert all("hq_household_index" not in s for s in listing), listing
    homes = [s for s in statements if "FROM hq_household_index" in s]
    assert homes and all("hq_referral_index" not in s for s in homes)


def test_the_migration_fills_county_and_deletion_from_the_household_index(hq: HQ, synced: Ledger) -> None:
    rid = synced.referral_id
    from tests.test_hq_devseal import back_to_0011

    back_to_0011(hq)  # 0014 has no downgrade: undone by hand, then 0012's own downgrade
    assert migrate.current_revision(hq.engine) == "0011"
    cfg = migrate.alembic_config()
    with hq.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert index_row(hq, rid) == (LANLING, 0, 0)
    with hq.session() as s:
        assert s.scalar(select(ReferralIndex.county_code).where(ReferralIndex.referral_id == rid)) == LANLING
    assert refs(hq, LANLING_CLERK) == [rid] and refs(hq, LANSHAN_CLERK) == [] and refs(hq, CITY) == [rid]
