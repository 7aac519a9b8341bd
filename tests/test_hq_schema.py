"""Headquarters' schema is managed by its own Alembic directory and matches its models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from fieldapp.hq import migrate
from fieldapp.hq.models import HQBase
from fieldapp.hq.store import HQ


def test_hq_migrations_have_one_head_and_match_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    hq = HQ(url)
    hq.init()
    hq.init()  # a second start is a no-op
    assert migrate.current_revision(hq.engine) == migrate.head_revision()
    with hq.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), HQBase.metadata
        )
    assert [d for d in diff if "alembic_version" not in str(d)] == []
    hq.close()


def test_hq_tables_never_mix_with_a_device_database(tmp_path: Path) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    tables = set(inspect(create_engine(hq.url)).get_table_names())
    assert tables and all(t.startswith("hq_") for t in tables), tables
    hq.close()
