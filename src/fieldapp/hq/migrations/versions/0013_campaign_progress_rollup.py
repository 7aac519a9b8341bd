"""re-survey progress kept at ingest: per-household contributions and their rollup (issue 11)

Revision ID: 0013
Revises: 0011
Create Date: 2026-11-30 05:30:00

Revises 0011 (0012, branch reflist, is not on this branch; the merge re-chains it). The tables
start empty: at start-up (store.init, stats_index.rebuild_if_missing) the rollup is counted once
for the newest campaign, and until then the progress page counts over the households as before.
Only codes, ids and counts — no name, no ID number (contract "HQ data at rest").
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_stat_campaign_household",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("township_code", sa.String(length=9), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("seen", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_hq_stat_campaign_household")),
    )
    op.create_table(
        "hq_stat_campaign_rollup",
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("township_code", sa.String(length=9), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("visited", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "county_code", "township_code", "cadre_id", name=op.f("pk_hq_stat_campaign_rollup")
        ),
    )
    op.create_index(
        "ix_hq_stat_campaign_rollup_cadre",
        "hq_stat_campaign_rollup",
        ["cadre_id", "county_code"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_hq_stat_campaign_rollup_cadre", table_name="hq_stat_campaign_rollup")
    op.drop_table("hq_stat_campaign_rollup")
    op.drop_table("hq_stat_campaign_household")
