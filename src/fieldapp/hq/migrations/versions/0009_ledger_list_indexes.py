"""ledger lists at 1,000,000 households: composite indexes for every sort and main filter

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 02:00:00

Each index holds every column its page's WHERE and ORDER BY use, so PostgreSQL answers a page
(however deep) and its count with index-only scans; figures in docs/performance.md. On a large
PostgreSQL headquarters these take a few seconds per million households to build; the start-up
that applies them waits for that.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES: list[tuple[str, str, list[str]]] = [
    ("ix_hq_household_index_list_name", "hq_household_index", ["deleted", "name_sort", "household_id"]),
    (
        "ix_hq_household_index_list_county",
        "hq_household_index",
        ["county_code", "deleted", "name_sort", "household_id"],
    ),
    (
        "ix_hq_household_index_list_category",
        "hq_household_index",
        ["deleted", "category", "name_sort", "household_id"],
    ),
    (
        "ix_hq_household_index_list_county_category",
        "hq_household_index",
        ["county_code", "deleted", "category", "name_sort", "household_id"],
    ),
    (
        "ix_hq_household_index_list_status",
        "hq_household_index",
        ["deleted", "status", "name_sort", "household_id"],
    ),
    (
        "ix_hq_household_index_list_village",
        "hq_household_index",
        ["deleted", "village_code", "name_sort", "household_id"],
    ),
    (
        "ix_hq_household_index_list_county_village",
        "hq_household_index",
        ["county_code", "deleted", "village_code", "name_sort", "household_id"],
    ),
    ("ix_hq_household_index_list_recent", "hq_household_index", ["deleted", "updated_at", "household_id"]),
    ("ix_hq_referral_index_list", "hq_referral_index", ["deleted", "created_on", "referral_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
