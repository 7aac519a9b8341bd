"""The database file: WAL and foreign keys, the outbox, tombstones, migrations and backups."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text
from tests.conftest import head_data, household_data

from fieldapp.domain.errors import DomainError
from fieldapp.services import households
from fieldapp.storage import migrate
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import SYNCED_MODELS, Base, Cadre, Consent, Household, Member, OutboxEntry
from fieldapp.storage.outbox import HardDeleteRefused


def outbox(db: Database) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.session() as s:
        s.add(Member(household_id=str(uuid.uuid4()), relation="户主", name="无户"))


def test_every_change_writes_an_outbox_entry_with_uuid_device_and_clock(db: Database) -> None:
    saved = households.create_household(db, household_data(), head_data())
    entries = outbox(db)
    assert [e.entity for e in entries] == ["household", "member"]
    assert all(e.op == "insert" and e.version == 1 for e in entries)
    payload = json.loads(entries[0].payload)
    assert payload["id"] == saved.id
    uuid.UUID(saved.id)
    assert payload["origin_device"] == db.device_id
    assert payload["village_code"] == "371324001015"
    assert entries[0].hlc < entries[1].hlc

    households.update_household(db, saved.id, household_data(address_detail="5组3号"))
    last = outbox(db)[-1]
    assert (last.entity, last.op, last.version) == ("household", "update", 2)
    assert json.loads(last.payload)["address_detail"] == "5组3号"


def test_a_rolled_back_change_leaves_no_outbox_entry(db: Database) -> None:
    before = len(outbox(db))
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Cadre(name="李明"))
        s.flush()
        raise RuntimeError("power cut")
    assert len(outbox(db)) == before
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Cadre)) == 0


def test_refused_change_writes_nothing(db: Database) -> None:
    households.create_household(db, household_data(), head_data())
    before = len(outbox(db))
    with pytest.raises(DomainError):
        households.create_household(db, household_data(), head_data())  # same ID number again
    assert len(outbox(db)) == before


def test_hard_delete_is_refused_and_tombstone_syncs_as_delete(db: Database) -> None:
    saved = households.create_household(db, household_data(), head_data())
    with pytest.raises(HardDeleteRefused), db.session() as s:
        s.delete(s.get(Household, saved.id))
    with db.session() as s:
        h = s.get(Household, saved.id)
        assert h is not None
        h.deleted = True
    assert outbox(db)[-1].op == "delete"
    assert households.list_households(db) == []


def test_append_only_rows_cannot_be_edited(db: Database) -> None:
    saved = households.create_household(db, household_data(), head_data())
    with db.session() as s:
        c = Consent(
            household_id=saved.id,
            purpose="公示",
            notice_version="2026-1",
            given_on=__import__("datetime").date(2026, 1, 5),
        )
        s.add(c)
    with pytest.raises(HardDeleteRefused, match="append-only"), db.session() as s:
        row = s.get(Consent, c.id)
        assert row is not None
        row.notice_version = "changed"


def test_every_synced_table_has_the_sync_columns() -> None:
    for model in SYNCED_MODELS:
        columns = set(model.__table__.columns.keys())  # type: ignore[attr-defined]
        assert {"id", "origin_device", "hlc", "version", "deleted", "created_at", "updated_at"} <= columns


def test_clock_continues_after_reopening(tmp_path: Path) -> None:
    first = open_database(tmp_path / "d")
    households.create_household(first, household_data(), head_data())
    last = max(e.hlc for e in outbox(first))
    device = first.device_id
    first.close()
    again = open_database(tmp_path / "d")
    assert again.device_id == device
    households.create_household(again, household_data(), head_data(seq=13, name="李娜"))
    assert min(e.hlc for e in outbox(again)[2:]) > last
    again.close()


def test_migrations_have_one_head_and_match_the_models(db: Database) -> None:
    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert len(heads) == 1
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


SECOND_REVISION = '''
"""add a column (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household") as batch:
        batch.add_column(sa.Column("test_only", sa.String(10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("household") as batch:
        batch.drop_column("test_only")
'''


def test_start_up_backs_up_then_migrates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    db = open_database(data)
    assert db.backup is None  # a new file needs no backup
    saved = households.create_household(db, household_data(), head_data())
    db.close()

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "9999_test.py").write_text(
        SECOND_REVISION.format(head=migrate.head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)

    db = open_database(data)
    assert db.backup is not None and db.backup.exists()
    with sqlite3.connect(db.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "9999"
        assert conn.execute("SELECT id FROM household").fetchone()[0] == saved.id
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        assert conn.execute(text("SELECT count(test_only) FROM household")).scalar() == 0
    assert households.list_households(db)[0].id == saved.id
    db.close()

    again = open_database(data)  # up to date now: no second backup
    assert again.backup is None
    again.close()


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "fieldapp.sqlite").write_bytes(b"this is a photo, not a database" * 100)
    with pytest.raises(migrate.StorageError, match="已损坏") as err:
        open_database(data)
    assert "backups" in str(err.value)
    assert (data / "fieldapp.sqlite").read_bytes().startswith(b"this is a photo")  # left untouched


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_database(data).close()
    with sqlite3.connect(data / "fieldapp.sqlite") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'fffffffffff'")
    with pytest.raises(migrate.StorageError, match="比本程序新"):
        open_database(data)
    with sqlite3.connect(data / "fieldapp.sqlite") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "fffffffffff"
