"""转介 list at scale: the household's county and deletion copied into the referral index

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 05:40:00

The console's 转介 page used to join hq_household_index for a county clerk's scope and to leave
out deleted households, so PostgreSQL could not walk one index in the page's order. Now
hq_referral_index holds `county_code` and `household_deleted` itself (kept current at ingest by
hq.ledger_index), filled here from hq_household_index (a referral whose household is not at
headquarters counts as deleted, as the join left it out), and composite indexes serve the page's
default order, its county, status and kind filters and the overdue count (docs/performance.md).

The 设备 page is paged in SQL too (hq/device_list.py): indexes for a county clerk's devices, a
cadre's devices and each device's latest batch.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "hq_referral_index"
FLAGS = ["deleted", "household_deleted"]
INDEXES: list[tuple[str, list[str]]] = [
    ("ix_hq_referral_index_list", [*FLAGS, "created_on", "referral_id"]),
    ("ix_hq_referral_index_list_county", ["county_code", *FLAGS, "created_on", "referral_id"]),
    ("ix_hq_referral_index_list_status", [*FLAGS, "status", "created_on", "referral_id"]),
    (
        "ix_hq_referral_index_list_county_status",
        ["county_code", *FLAGS, "status", "created_on", "referral_id"],
    ),
    ("ix_hq_referral_index_list_kind", [*FLAGS, "kind_code", "created_on", "referral_id"]),
    ("ix_hq_referral_index_due", [*FLAGS, "follow_up_due"]),
    ("ix_hq_referral_index_county_due", ["county_code", *FLAGS, "follow_up_due"]),
]
# the 设备 page, paged in SQL: a county clerk's devices, a cadre's devices, the last batch's time
OTHER_INDEXES: list[tuple[str, str, list[str]]] = [
    ("ix_hq_household_index_county_device", "hq_household_index", ["county_code", "deleted", "device_id"]),
    ("ix_hq_household_index_cadre_device", "hq_household_index", ["cadre_id", "deleted", "device_id"]),
    ("ix_hq_batch_device_received", "hq_batch", ["device_id", "received_at"]),
    ("ix_hq_device_name", "hq_device", ["name", "device_id"]),
]


def upgrade() -> None:
    op.drop_index("ix_hq_referral_index_list", table_name=TABLE)
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.add_column(sa.Column("county_code", sa.String(length=6), server_default="", nullable=False))
        batch_op.add_column(sa.Column("household_deleted", sa.Integer(), server_default="0", nullable=False))
    ref = sa.table(TABLE, sa.column("household_id"), sa.column("county_code"), sa.column("household_deleted"))
    home = sa.table(
        "hq_household_index", sa.column("household_id"), sa.column("county_code"), sa.column("deleted")
    )
    of_home = home.c.household_id == ref.c.household_id
    op.get_bind().execute(
        sa.update(ref).values(
            county_code=sa.func.coalesce(sa.select(home.c.county_code).where(of_home).scalar_subquery(), ""),
            household_deleted=sa.func.coalesce(sa.select(home.c.deleted).where(of_home).scalar_subquery(), 1),
        )
    )
    for name, columns in INDEXES:
        op.create_index(name, TABLE, columns, unique=False)
    for name, table, columns in OTHER_INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(OTHER_INDEXES):
        op.drop_index(name, table_name=table)
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name=TABLE)
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_column("household_deleted")
        batch_op.drop_column("county_code")
    op.create_index(
        "ix_hq_referral_index_list", TABLE, ["deleted", "created_on", "referral_id"], unique=False
    )
