"""A duplicate merge is one transaction (issue 11): a failure at its last step (the audit entry)
leaves every headquarters table as it was — no handover, no moved record, nothing queued to a
device — and the same merge then succeeds. SQLite and a real PostgreSQL.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import TODAY, head_data, household_data
from tests.test_sync_hq_reply import sync
from tests.test_sync_protocol import enrolled_device, hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp.domain import vocab
from fieldapp.hq import accounts, merging
from fieldapp.hq.models import Handover, HQBase, Outgoing, SuspectedDuplicate
from fieldapp.hq.store import HQ
from fieldapp.services import households, records, visits
from fieldapp.services.visits import VisitData
from fieldapp.storage.models import Visit


def _snapshot(server: HQ) -> dict[str, list[str]]:
    """Every row of every headquarters table, sealed columns opened (their ciphertext is random)."""
    out: dict[str, list[str]] = {}
    with server.session() as s:
        for table in HQBase.metadata.sorted_tables:
            out[table.name] = sorted(repr(tuple(r)) for r in s.execute(select(table)))
    return out


class Boom(RuntimeError):
    pass


def test_a_merge_failing_at_its_last_step_changes_nothing_and_queues_nothing(
    tmp_path: Path, hq_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = HQ(hq_url)
    server.init()
    a = enrolled_device(server, tmp_path / "a", "兰陵县-甲")
    b = enrolled_device(server, tmp_path / "b", "兰陵县-乙")
    try:
        keep = households.create_household(a, household_data(), head_data(41, "王重复")).id
        gone = households.create_household(b, household_data(), head_data(41, "王重复")).id
        daughter = households.add_member(
            b, gone, head_data(42, "王小妹", relation=vocab.Relation.DAUGHTER)
        ).id
        records.record_relief(b, gone, vocab.ReliefProgramme.SEND_WARMTH, 50000, TODAY, member_id=daughter)
        visit = visits.record_visit(b, VisitData(household_id=gone, visit_date=TODAY, notes="乙的走访"))
        sync(a, server)
        sync(b, server)
        with server.session() as s:
            (entry,) = s.scalars(select(SuspectedDuplicate))
            entry_id, side = entry.id, ("a" if entry.household_a == keep else "b")
        before = _snapshot(server)
        assert before["hq_handover"] == [] and before["hq_outgoing"] == []

        real_audit = accounts.audit
        calls: list[str] = []

        def failing_audit(s: Any, account: str, action: str, *args: Any) -> None:
            calls.append(action)
            raise Boom("injected at the merge's last step")

        monkeypatch.setattr(accounts, "audit", failing_audit)
        with pytest.raises(Boom):
            merging.merge(server, None, entry_id, survivor=side, owner=side, note="测试")
        assert calls == ["duplicate_merge"]  # it did get to the last step
        after = _snapshot(server)
        assert after == before  # no handover, no moved visit, no closed household, entry still open
        with server.session() as s:
            assert s.scalars(select(Handover)).all() == []
            assert s.scalars(select(Outgoing)).all() == []
            assert s.get(SuspectedDuplicate, entry_id).status == "open"  # type: ignore[union-attr]
        # the devices are told nothing: their next sync changes nothing there
        sync(b, server)
        with b.session() as s:
            moved = s.get(Visit, visit)
            assert moved is not None and moved.household_id == gone
        assert households.get_household(b, gone).status != vocab.HouseholdStatus.CLOSED

        # the same merge, without the failure, goes through and both devices see it
        monkeypatch.setattr(accounts, "audit", real_audit)
        res = merging.merge(server, None, entry_id, survivor=side, owner=side, note="测试")
        assert res["device"] == a.device_id
        with server.session() as s:
            merged = s.get(SuspectedDuplicate, entry_id)
            assert merged is not None and (merged.status, merged.note) == ("merged", "测试")
            assert [h.household_id for h in s.scalars(select(Handover))] == [gone]
        sync(a, server)
        sync(b, server)
        with a.session() as s:
            moved = s.get(Visit, visit)
            assert moved is not None and moved.household_id == keep
        assert households.get_household(b, gone).status == vocab.HouseholdStatus.CLOSED
    finally:
        a.close()
        b.close()
        server.close()
