"""console: staff accounts, sessions and audit log; the household index of the ledger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_account",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("county_code", sa.String(length=6), server_default="", nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("api_token_sha256", sa.String(length=64), nullable=True),
        sa.Column("failed_signins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_signin_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_account")),
        sa.UniqueConstraint("api_token_sha256", name=op.f("uq_hq_account_api_token_sha256")),
        sa.UniqueConstraint("name", name=op.f("uq_hq_account_name")),
    )
    op.create_table(
        "hq_console_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_console_audit")),
    )
    with op.batch_alter_table("hq_console_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_console_audit_at"), ["at"], unique=False)

    op.create_table(
        "hq_console_session",
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_sha256", name=op.f("pk_hq_console_session")),
    )
    with op.batch_alter_table("hq_console_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_console_session_account_id"), ["account_id"], unique=False)

    op.create_table(
        "hq_household_index",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=11), nullable=False),
        sa.Column("head_member_id", sa.String(length=36), nullable=False),
        sa.Column("head_name", sa.String(length=50), nullable=False),
        sa.Column("head_initials", sa.String(length=100), nullable=False),
        sa.Column("id_masked", sa.String(length=18), nullable=False),
        sa.Column("id_tail", sa.String(length=6), nullable=False),
        sa.Column("phone_masked", sa.String(length=20), nullable=False),
        sa.Column("phone_tail", sa.String(length=4), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("village_name", sa.String(length=100), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("assessed_on", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("cadre_name", sa.String(length=50), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_hq_household_index")),
    )
    with op.batch_alter_table("hq_household_index", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_household_index_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_county_code"), ["county_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_device_id"), ["device_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_head_name"), ["head_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_id_tail"), ["id_tail"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_phone_tail"), ["phone_tail"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_household_index_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hq_household_index_village_code"), ["village_code"], unique=False
        )

    op.create_table(
        "hq_ledger_row",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("row_id", "entity", name=op.f("pk_hq_ledger_row")),
    )
    with op.batch_alter_table("hq_ledger_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_ledger_row_household_id"), ["household_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hq_ledger_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_ledger_row_household_id"))

    op.drop_table("hq_ledger_row")
    with op.batch_alter_table("hq_household_index", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_household_index_village_code"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_status"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_phone_tail"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_id_tail"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_head_name"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_device_id"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_county_code"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_code"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_category"))

    op.drop_table("hq_household_index")
    with op.batch_alter_table("hq_console_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_console_session_account_id"))

    op.drop_table("hq_console_session")
    with op.batch_alter_table("hq_console_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_console_audit_at"))

    op.drop_table("hq_console_audit")
    op.drop_table("hq_account")
