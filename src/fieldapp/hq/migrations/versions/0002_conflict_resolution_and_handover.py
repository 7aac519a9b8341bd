"""conflict kinds and resolution, household handovers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 23:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_handover",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("from_device", sa.String(length=36), nullable=False),
        sa.Column("to_device", sa.String(length=36), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_handover")),
    )
    op.create_index(op.f("ix_hq_handover_household_id"), "hq_handover", ["household_id"], unique=False)
    with op.batch_alter_table("hq_conflict") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), server_default="same_version", nullable=False)
        )
        batch.add_column(sa.Column("kept", sa.String(length=1), server_default="", nullable=False))
        batch.add_column(sa.Column("resolved_by", sa.String(length=100), server_default="", nullable=False))
        batch.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("hq_conflict") as batch:
        batch.drop_column("note")
        batch.drop_column("resolved_by")
        batch.drop_column("kept")
        batch.drop_column("kind")
    op.drop_index(op.f("ix_hq_handover_household_id"), table_name="hq_handover")
    op.drop_table("hq_handover")
