"""Alembic environment of headquarters' database: run from code by fieldapp.hq.migrate only."""

from __future__ import annotations

from typing import Literal

from alembic import context
from sqlalchemy import Connection

import fieldapp.hq.models  # noqa: F401  -- registers every table on HQBase.metadata
from fieldapp.hq.models import HQBase
from fieldapp.hq.sealed import Sealed, SealedBytes
from fieldapp.storage.base import UTCDateTime

VERSION_TABLE = "hq_alembic_version"
config = context.config
target_metadata = HQBase.metadata


def render_item(type_: str, obj: object, autogen_context: object) -> str | Literal[False]:
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if type_ == "type" and isinstance(obj, SealedBytes):
        return "sa.LargeBinary()"
    if type_ == "type" and isinstance(obj, Sealed):
        return "sa.Text()"
    return False


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
        version_table=VERSION_TABLE,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run headquarters' migrations through fieldapp.hq.migrate")
run_with(connection)
