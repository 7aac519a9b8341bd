"""duplicates across cadres: ID-number claims (blind tokens) and the 疑似重复 queue

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 23:00:00

The claims of members synced before this revision are filled at start by
hq.duplicates (via hq.ledger_index.rebuild_if_missing), from the sealed records.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_id_claim",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_hq_id_claim")),
    )
    with op.batch_alter_table("hq_id_claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_id_claim_token"), ["token"], unique=False)
    op.create_table(
        "hq_suspected_duplicate",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("household_a", sa.String(length=36), nullable=False),
        sa.Column("household_b", sa.String(length=36), nullable=False),
        sa.Column("member_a", sa.String(length=36), nullable=False),
        sa.Column("member_b", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="open", nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_suspected_duplicate")),
        sa.UniqueConstraint("token", "household_a", "household_b", name="uq_hq_suspected_duplicate_pair"),
    )
    with op.batch_alter_table("hq_suspected_duplicate", schema=None) as batch_op:
        for column in ("household_a", "household_b", "status"):
            batch_op.create_index(batch_op.f(f"ix_hq_suspected_duplicate_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table("hq_suspected_duplicate")
    op.drop_table("hq_id_claim")
