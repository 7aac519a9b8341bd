"""statistics aggregates and the re-survey campaign

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 22:35:15.200008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # filled at the next start by hq.stats_index.rebuild_if_missing (or `fieldapp-hq stats-rebuild`)

    op.create_table(
        "hq_campaign",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=False),
        sa.Column("end", sa.String(length=10), nullable=False),
        sa.Column("counties", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_campaign")),
    )
    with op.batch_alter_table("hq_campaign", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_campaign_start"), ["start"], unique=False)

    op.create_table(
        "hq_stat_cadre",
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("cadre_id", name=op.f("pk_hq_stat_cadre")),
    )
    op.create_table(
        "hq_stat_economy",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("observed_on", sa.String(length=10), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("annual_income", sa.BigInteger(), nullable=True),
        sa.Column("expense_food", sa.BigInteger(), nullable=True),
        sa.Column("expense_housing", sa.BigInteger(), nullable=True),
        sa.Column("expense_medical", sa.BigInteger(), nullable=True),
        sa.Column("expense_schooling", sa.BigInteger(), nullable=True),
        sa.Column("expense_other", sa.BigInteger(), nullable=True),
        sa.Column("arrears_amount", sa.BigInteger(), nullable=True),
        sa.Column("arrears_reported_on", sa.String(length=10), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_stat_economy")),
    )
    with op.batch_alter_table("hq_stat_economy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_economy_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_economy_observed_on"), ["observed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_economy_rank"), ["rank"], unique=False)

    op.create_table(
        "hq_stat_household",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("township_code", sa.String(length=9), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("main_cause", sa.Integer(), nullable=True),
        sa.Column("pairing_basis", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("last_visit_on", sa.String(length=10), nullable=False),
        sa.Column("last_f2f_on", sa.String(length=10), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_hq_stat_household")),
    )
    with op.batch_alter_table("hq_stat_household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_household_cadre_id"), ["cadre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_household_county_code"), ["county_code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hq_stat_household_township_code"), ["township_code"], unique=False
        )

    op.create_table(
        "hq_stat_referral",
        sa.Column("referral_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("referral_id", name=op.f("pk_hq_stat_referral")),
    )
    with op.batch_alter_table("hq_stat_referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_referral_cadre_id"), ["cadre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_referral_household_id"), ["household_id"], unique=False)

    op.create_table(
        "hq_stat_relief",
        sa.Column("relief_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("programme", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.String(length=10), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("student_key", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("relief_id", name=op.f("pk_hq_stat_relief")),
    )
    with op.batch_alter_table("hq_stat_relief", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_relief_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_relief_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_relief_programme"), ["programme"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_relief_student_key"), ["student_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_relief_year"), ["year"], unique=False)

    op.create_table(
        "hq_stat_visit",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("visit_date", sa.String(length=10), nullable=False),
        sa.Column("face_to_face", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_hq_stat_visit")),
    )
    with op.batch_alter_table("hq_stat_visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_visit_cadre_id"), ["cadre_id"], unique=False)
        batch_op.create_index(
            "ix_hq_stat_visit_household_f2f_date",
            ["household_id", "face_to_face", "visit_date"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_hq_stat_visit_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_visit_visit_date"), ["visit_date"], unique=False)

    op.create_table(
        "hq_stat_worker",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("observed_on", sa.String(length=10), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("employment", sa.String(length=20), nullable=True),
        sa.Column("monthly_income", sa.BigInteger(), nullable=True),
        sa.Column("training_wanted", sa.String(length=20), nullable=False),
        sa.Column("training_received", sa.String(length=20), nullable=False),
        sa.Column("has_certificate", sa.Integer(), nullable=False),
        sa.Column("insurance", sa.String(length=100), nullable=True),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_stat_worker")),
    )
    with op.batch_alter_table("hq_stat_worker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_worker_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_worker_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_worker_observed_on"), ["observed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_hq_stat_worker_rank"), ["rank"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("hq_stat_worker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_worker_rank"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_worker_observed_on"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_worker_member_id"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_worker_household_id"))

    op.drop_table("hq_stat_worker")
    with op.batch_alter_table("hq_stat_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_visit_visit_date"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_visit_household_id"))
        batch_op.drop_index("ix_hq_stat_visit_household_f2f_date")
        batch_op.drop_index(batch_op.f("ix_hq_stat_visit_cadre_id"))

    op.drop_table("hq_stat_visit")
    with op.batch_alter_table("hq_stat_relief", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_relief_year"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_relief_student_key"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_relief_programme"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_relief_member_id"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_relief_household_id"))

    op.drop_table("hq_stat_relief")
    with op.batch_alter_table("hq_stat_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_referral_household_id"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_referral_cadre_id"))

    op.drop_table("hq_stat_referral")
    with op.batch_alter_table("hq_stat_household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_household_township_code"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_household_county_code"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_household_cadre_id"))

    op.drop_table("hq_stat_household")
    with op.batch_alter_table("hq_stat_economy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_economy_rank"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_economy_observed_on"))
        batch_op.drop_index(batch_op.f("ix_hq_stat_economy_household_id"))

    op.drop_table("hq_stat_economy")
    op.drop_table("hq_stat_cadre")
    with op.batch_alter_table("hq_campaign", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_campaign_start"))

    op.drop_table("hq_campaign")
