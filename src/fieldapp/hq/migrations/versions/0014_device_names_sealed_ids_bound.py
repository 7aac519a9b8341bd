"""data at rest: device names sealed; values of database-numbered rows bound to their ids

Revision ID: 0014
Revises: 0011
Create Date: 2026-11-30 06:00:00

(Contract, round of 2026-11-30 stop 12: 0014 revises 0013, branch statsperf's, if present, else
0011. Neither 0012 nor 0013 is on this branch, so this revises 0011 and the merge re-chains it.)

- hq_device.name and hq_enrolment.name (county and cadre, 兰陵县-王芳), kept in clear until now,
  become sealed columns bound to their device id / enrolment token.
- The tables whose id the database assigns (hq_conflict, hq_handover, hq_outgoing,
  hq_console_audit, hq_suspected_duplicate) were bound to natural columns only, which two rows
  may share (two notices of one kind to one device): a value swapped between such rows opened.
  Every value is opened with the row identity of 0010 (the duplicate notes of 0011: unbound) and
  sealed again bound to its id as well (hq.sealed.ROW_KEYS).

One transaction: a run killed midway leaves the database as it was, and running it again finishes.
Afterwards HQ.init scrubs the files (no device name left in free pages). No downgrade.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from fieldapp.hq import rekey
from fieldapp.hq.sealed import ID_BOUND, ROW_KEYS, ROW_KEYS_0010, keyring_of

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMED = ("hq_device", "hq_enrolment")


def upgrade() -> None:
    conn = op.get_bind()
    for table in NAMED:
        # SQLite commits the CREATE TABLE of a batch copy by itself: a run killed afterwards leaves it
        op.execute(sa.text(f"DROP TABLE IF EXISTS _alembic_tmp_{table}"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "name", type_=sa.Text(), existing_type=sa.String(length=100), existing_nullable=False
            )
    rekey.reseal(
        conn,
        keyring_of(conn.dialect),
        mode=rekey.REBIND,
        after_batch=lambda: rekey.migration_batch_done(),
        tables={*NAMED, *ID_BOUND},
        row_keys=ROW_KEYS,
        old_row_keys=ROW_KEYS_0010,
    )


def downgrade() -> None:
    raise RuntimeError("设备名称已加密、数据已绑定到所在行的编号，不能降级；请从升级前的备份恢复。")
