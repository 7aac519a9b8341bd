"""疑似重复: the clerk's note (标为不同户 / 合并) kept with the pair, sealed; one visit index less

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 02:00:00

Revises 0010 (sealed values bound to their rows): the audit details read here are bound to their
audit row (account, action, target), so they are opened with that row's identity.
The note of an entry marked 不同户 before this revision lived only in the audit log
(hq_console_audit, action duplicate_distinct, detail "标为不同户：…"): it is copied from there,
opened and sealed again under this column's label (runs with the data key loaded, as 0006).

hq_stat_visit loses its single-column household_id index: the (household_id, face_to_face,
visit_date) index serves every look-up by household, and ingest writes one index less per visit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from fieldapp.hq.sealed import ROW_MAGIC, is_sealed, keyring_of, row_of

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREFIX = "标为不同户："


def upgrade() -> None:
    with op.batch_alter_table("hq_stat_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_stat_visit_household_id"))
    with op.batch_alter_table("hq_suspected_duplicate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
    conn = op.get_bind()
    audit = sa.table(
        "hq_console_audit",
        sa.column("id"),
        sa.column("account"),
        sa.column("action"),
        sa.column("target"),
        sa.column("detail"),
    )
    pairs = sa.table("hq_suspected_duplicate", sa.column("id"), sa.column("status"), sa.column("note"))
    ids = list(conn.scalars(sa.select(pairs.c.id).order_by(pairs.c.id)))
    if ids:
        ring = keyring_of(conn.dialect)
        notes = {i: "" for i in ids}
        rows = conn.execute(
            sa.select(audit.c.account, audit.c.target, audit.c.detail)
            .where(audit.c.action == "duplicate_distinct")
            .order_by(audit.c.id)
        ).all()
        for account, target, detail in rows:
            found = re.fullmatch(r"疑似重复 (\d+)", str(target or ""))
            if found is None or int(found.group(1)) not in notes or not detail:
                continue
            sealed = str(detail)
            label = "hq_console_audit.detail"
            if sealed.startswith(ROW_MAGIC):  # bound to its audit row by 0010
                text = ring.open_text(sealed, label, row_of((account, "duplicate_distinct", target)))
            else:
                text = ring.open_text(sealed, label) if is_sealed(sealed) else sealed
            notes[int(found.group(1))] = text[len(PREFIX) :] if text.startswith(PREFIX) else text
        for i, note in notes.items():  # every value sealed, the empty ones too (as the column type does)
            conn.execute(
                sa.update(pairs)
                .where(pairs.c.id == i)
                .values(note=ring.seal_text(note, "hq_suspected_duplicate.note"))
            )
    with op.batch_alter_table("hq_suspected_duplicate", schema=None) as batch_op:
        batch_op.alter_column("note", existing_type=sa.Text(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("hq_stat_visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_stat_visit_household_id"), ["household_id"], unique=False)
    with op.batch_alter_table("hq_suspected_duplicate", schema=None) as batch_op:
        batch_op.drop_column("note")
