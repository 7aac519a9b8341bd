"""data at rest: sealed values bound to their rows; the statistics' cadre names sealed

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 02:00:00

(Contract: 0010 revises 0009, branch pgscale's; 0009 is not on this branch, so this revises 0008
and the merge re-chains it.)

Every sealed text value of the tables in hq.sealed.ROW_KEYS is opened and sealed again with its
row's identity in the associated data (`fq2.`), so that a value copied into another row by direct
SQL no longer opens; hq_stat_cadre.name, kept in clear until now, becomes a sealed column bound to
its cadre. Values already bound are skipped and the whole upgrade is one transaction: a run killed
midway leaves the database as it was before, and running it again finishes the job.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from fieldapp.hq import rekey
from fieldapp.hq.sealed import ROW_KEYS_0010, keyring_of

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    # SQLite commits the CREATE TABLE of a batch copy by itself: a run killed afterwards leaves it
    op.execute(sa.text("DROP TABLE IF EXISTS _alembic_tmp_hq_stat_cadre"))
    with op.batch_alter_table("hq_stat_cadre", schema=None) as batch_op:
        batch_op.alter_column(
            "name", type_=sa.Text(), existing_type=sa.String(length=50), existing_nullable=False
        )
    ring = keyring_of(conn.dialect)
    rekey.reseal(
        conn,
        ring,
        mode=rekey.BIND,
        after_batch=lambda: rekey.migration_batch_done(),
        row_keys=ROW_KEYS_0010,  # the row identities of this revision (0014 adds more)
    )


def downgrade() -> None:
    raise RuntimeError("总部数据已绑定到所在行，不能降级；请从升级前的备份恢复。")
