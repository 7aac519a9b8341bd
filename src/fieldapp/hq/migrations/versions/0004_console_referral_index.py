"""console: the referral index (current status and follow-up date of every referral)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 20:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXED = ("code", "household_id", "kind_code", "created_on", "status", "follow_up_due")


def upgrade() -> None:
    op.create_table(
        "hq_referral_index",
        sa.Column("referral_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=11), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("kind_code", sa.String(length=20), nullable=False),
        sa.Column("receiving_body", sa.String(length=200), nullable=False),
        sa.Column("created_on", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("status_on", sa.String(length=10), nullable=False),
        sa.Column("follow_up_due", sa.String(length=10), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("referral_id", name=op.f("pk_hq_referral_index")),
    )
    with op.batch_alter_table("hq_referral_index", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_hq_referral_index_{column}"), [column], unique=False)
    # filled at the next start by hq.ledger_index.rebuild_if_missing (it needs the divisions and rules)


def downgrade() -> None:
    with op.batch_alter_table("hq_referral_index", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.drop_index(batch_op.f(f"ix_hq_referral_index_{column}"))
    op.drop_table("hq_referral_index")
