"""data at rest: seal every sensitive column, blind indexes instead of names and numbers in clear

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 22:30:00

Runs with the data key loaded (fieldapp.hq.store.HQ attaches it to the engine): every plaintext
value of the sealed columns (hq.sealed.SEALED_COLUMNS) is sealed in primary-key batches (values
already sealed by an interrupted run are left as they are, and the whole upgrade is one
transaction), the household index loses its clear names, tails and masked numbers (emptied here,
rebuilt with blind tokens at start by hq.ledger_index.rebuild_if_missing), and the key check is
written so a later start with another key is refused before anything is touched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from fieldapp.hq import datakey, rekey
from fieldapp.hq.sealed import SEALED_COLUMNS, keyring_of

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEALED_INDEX_COLUMNS = ("head_name", "head_initials", "id_masked", "phone_masked", "cadre_name")


def upgrade() -> None:
    conn = op.get_bind()
    ring = keyring_of(conn.dialect)
    op.execute(sa.text("DELETE FROM hq_household_index"))  # rebuilt at start, with blind tokens
    with op.batch_alter_table("hq_household_index", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_household_index_head_name"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_id_tail"))
        batch_op.drop_index(batch_op.f("ix_hq_household_index_phone_tail"))
        batch_op.drop_column("id_tail")
        batch_op.drop_column("phone_tail")
        for column in SEALED_INDEX_COLUMNS:
            batch_op.alter_column(column, type_=sa.Text(), existing_nullable=False)
        batch_op.add_column(sa.Column("name_sort", sa.String(length=1), server_default="", nullable=False))
    with op.batch_alter_table("hq_conflict", schema=None) as batch_op:
        batch_op.alter_column("note", server_default=None, existing_type=sa.Text(), existing_nullable=False)
    op.create_table(
        "hq_blind_token",
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("token", "household_id", name=op.f("pk_hq_blind_token")),
    )
    with op.batch_alter_table("hq_blind_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_blind_token_household_id"), ["household_id"], unique=False)
    # hq_stat_cadre's names are sealed (and bound to their rows) by 0010
    tables = {t for t, _, _, _ in SEALED_COLUMNS if t not in ("hq_household_index", "hq_stat_cadre")}
    rekey.reseal(conn, ring, mode=rekey.SEAL, tables=tables)
    if datakey.stored_check_on(conn) is None:
        conn.execute(
            sa.text("INSERT INTO hq_meta (key, value) VALUES (:k, :v)"),
            {"k": datakey.CHECK_KEY, "v": datakey.new_check(ring)},
        )


def downgrade() -> None:
    raise RuntimeError("总部数据已加密，不能降级到加密之前的数据库结构；请从加密前的备份恢复。")
