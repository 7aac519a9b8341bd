"""visits per month kept at ingest: per-household contributions and their rollup (issue 11)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 07:00:00

The tables start empty: at start-up (store.init, stats_index.rebuild_if_missing) they are counted
once, and until then the 困难户 page counts over the visits as before. Codes and counts only.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_stat_visit_month_household",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("face_to_face", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("household_id", "month", name=op.f("pk_hq_stat_visit_month_household")),
    )
    op.create_table(
        "hq_stat_visit_month",
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("face_to_face", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("county_code", "month", name=op.f("pk_hq_stat_visit_month")),
    )


def downgrade() -> None:
    op.drop_table("hq_stat_visit_month")
    op.drop_table("hq_stat_visit_month_household")
    op.execute("DELETE FROM hq_meta WHERE key = 'stats_visit_months'")
