"""item-19 observations: household_economy and worker_status

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 22:30:00

Two new tables only; existing rows are untouched, so a ledger made at 0004 opens as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "household_economy",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("annual_income", sa.BigInteger(), nullable=True),
        sa.Column("expense_food", sa.BigInteger(), nullable=True),
        sa.Column("expense_housing", sa.BigInteger(), nullable=True),
        sa.Column("expense_medical", sa.BigInteger(), nullable=True),
        sa.Column("expense_schooling", sa.BigInteger(), nullable=True),
        sa.Column("expense_other", sa.BigInteger(), nullable=True),
        sa.Column("arrears_amount", sa.BigInteger(), nullable=True),
        sa.Column("arrears_employer", sa.String(length=100), nullable=False),
        sa.Column("arrears_reported_on", sa.Date(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_household_economy_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_economy")),
    )
    with op.batch_alter_table("household_economy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_economy_household_id"), ["household_id"], unique=False)
        batch_op.create_index("ix_household_economy_observed", ["household_id", "observed_on"], unique=False)
    op.create_table(
        "worker_status",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("observation_id", sa.String(length=36), nullable=True),
        sa.Column("employment", sa.String(length=20), nullable=True),
        sa.Column("employer", sa.String(length=100), nullable=False),
        sa.Column("monthly_income", sa.BigInteger(), nullable=True),
        sa.Column("training_wanted", sa.String(length=20), nullable=False),
        sa.Column("training_received", sa.String(length=20), nullable=False),
        sa.Column("certificate", sa.String(length=100), nullable=False),
        sa.Column("insurance", sa.JSON(none_as_null=True), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_worker_status_household_id_household")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_worker_status_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker_status")),
    )
    with op.batch_alter_table("worker_status", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_worker_status_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_worker_status_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_worker_status_observation_id"), ["observation_id"], unique=False)


def downgrade() -> None:
    op.drop_table("worker_status")
    op.drop_table("household_economy")
