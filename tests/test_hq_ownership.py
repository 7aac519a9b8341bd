"""Ownership at ingest: a device changes only the households it created or was handed; another
device's change of them is kept as a conflict for headquarters, never applied."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import head_data, household_data
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
    sealed_batches,
)

from fieldapp.hq import cli as hq_cli
from fieldapp.hq.models import Record
from fieldapp.hq.store import HQ
from fieldapp.services import households
from fieldapp.storage.db import Database
from fieldapp.storage.models import OutboxEntry


def _forge_edit(db: Database, entity: str, row: dict[str, object], version: int) -> None:
    """An edit the device's outbox carries (as if the device had the row and changed it)."""
    with db.session() as s:
        s.add(
            OutboxEntry(
                entity=entity,
                row_id=str(row["id"]),
                op="update",
                hlc=9_000_000_000_000,
                version=version,
                payload=json.dumps(row, ensure_ascii=False),
            )
        )


def _current(hq: HQ, entity: str, row_id: str) -> dict[str, object]:
    with hq.session() as s:
        rec = s.get(Record, (row_id, entity))
        assert rec is not None
        return dict(json.loads(rec.data))


def test_another_devices_edit_of_a_household_is_a_conflict_not_applied(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = enrolled_device(hq, tmp_path / "a", name="甲")
    b = enrolled_device(hq, tmp_path / "b", name="乙")
    hid = households.create_household(a, household_data(address_detail="3组12号"), head_data()).id
    for batch in sealed_batches(a):
        assert hq.ingest(batch).status == "accepted"
    mine = _current(hq, "household", hid)
    member = next(
        json.loads(r.data)
        for r in hq.sessions().scalars(
            __import__("sqlalchemy").select(Record).where(Record.entity == "member")
        )
    )
    # device B sends edits of A's household and of A's member
    _forge_edit(b, "household", {**mine, "address_detail": "乙改的地址"}, int(str(mine["version"])) + 1)
    _forge_edit(b, "member", {**member, "name": "乙改的名字"}, int(member["version"]) + 1)
    # and creates a household of its own, which it may
    own = households.create_household(b, household_data(address_detail="乙的户"), head_data(12, "李四")).id
    (batch,) = sealed_batches(b)
    result = hq.ingest(batch)
    assert result.status == "accepted" and result.conflicts == 2
    assert _current(hq, "household", hid)["address_detail"] == "3组12号"  # A's value stays current
    assert _current(hq, "member", member["id"])["name"] == member["name"]
    assert _current(hq, "household", own)["address_detail"] == "乙的户"
    # A's own later edit is applied as usual
    households_row = {**mine, "address_detail": "甲改的地址"}
    _forge_edit(a, "household", households_row, int(str(mine["version"])) + 1)
    for batch in sealed_batches(a):
        assert hq.ingest(batch).ok
    assert _current(hq, "household", hid)["address_detail"] == "甲改的地址"
    hq.close()
    assert hq_cli.main(["--db", hq.url, "conflicts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    by_entity = {c["entity"]: c for c in listed}
    assert set(by_entity) == {"household", "member"}
    c = by_entity["household"]
    assert c["kind"] == "not_owner" and c["a"]["device"] == "甲" and c["b"]["device"] == "乙"
    assert c["differs"]["address_detail"] == ["3组12号", "乙改的地址"]
    assert by_entity["member"]["differs"]["name"] == [member["name"], "乙改的名字"]
    assert hq_cli.main(["--db", hq.url, "conflicts"]) == 0
    assert "乙改的地址" in capsys.readouterr().out
