"""Sealing an old plaintext database (migration 0006) and rotating the data key (`rotate-key`).

Migration 0010 binds every value of the tables in hq.sealed.ROW_KEYS_0010 to its row the same way;
migration 0014 seals the device names (hq_device, hq_enrolment) bound to their rows and binds the
values of the tables whose id the database assigns to that id as well (REBIND: opened with the
row identity of 0010, sealed with that of ROW_KEYS).
All walk every sealed column (hq.sealed.SEALED_COLUMNS) in primary-key order, a batch at a time,
and rewrite only the values that still need it — plaintext ones when sealing, ones sealed under
an older key when rotating — so an interrupted run is simply run again.

Rotation, with the service stopped:
1. a new key is put first in the key file, the old one kept after it (written atomically);
2. every value not sealed under the new key is opened and sealed again, one committed batch at a
   time; the blind indexes are computed again under the new key's sub-key;
3. the old key is dropped from the key file.
A crash in 1–2 leaves a key file with both keys: running `rotate-key` again goes on with the
same new key. After 3 a stolen copy of the old key file opens nothing newer than the rotation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from fieldapp.hq.sealed import (
    ROW_KEYS,
    SEALED_COLUMNS,
    Keyring,
    is_row_bound,
    is_sealed,
    row_of,
)

BATCH = 1000


def _table(name: str, columns: list[str], column: str, is_bytes: bool) -> sa.TableClause:
    kind: Any = sa.LargeBinary() if is_bytes else sa.Text()
    return sa.table(name, *(sa.column(c) for c in columns), sa.column(column, kind))


SEAL, BIND, REBIND, ROTATE = "seal", "bind", "rebind", "rotate"


def _new_value(
    ring: Keyring,
    mode: str,
    value: Any,
    label: str,
    row: str | None,
    is_bytes: bool,
    old_row: str | None = None,
) -> Any:
    """The value to write instead of `value`, or None when it needs nothing."""
    if is_bytes:
        if (
            mode in (BIND, REBIND)
            or (mode == SEAL and is_sealed(value))
            or (mode == ROTATE and ring.is_current(value))
        ):
            return None
        plain = bytes(value) if mode == SEAL else ring.open_bytes(bytes(value), label)
        return ring.seal_bytes(plain, label)
    text = str(value)
    if mode == SEAL:  # 0006: plaintext to unbound (0010 binds them to their rows)
        return None if is_sealed(text) else ring.seal_text(text, label)
    if mode == BIND:  # 0010: unbound (or the plaintext cadre names) to bound
        if row is None or is_row_bound(text):
            return None
        return ring.seal_text(ring.open_text(text, label) if is_sealed(text) else text, label, row)
    if mode == REBIND:  # 0014: bound to the row identity of 0010 (or unbound, or plaintext) to ROW_KEYS
        if row is None:
            return None
        if is_row_bound(text):
            if old_row is None or old_row == row:
                return None
            opened = ring.open_text(text, label, old_row)
        else:
            opened = ring.open_text(text, label) if is_sealed(text) else text
        return ring.seal_text(opened, label, row)
    if ring.is_current(text):
        return None
    return ring.seal_text(ring.open_text(text, label, row), label, row)


def reseal(
    conn: Connection,
    ring: Keyring,
    *,
    mode: str,
    after_batch: Callable[[], None] = lambda: None,
    tables: set[str] | None = None,
    row_keys: dict[str, tuple[str, ...]] | None = None,
    old_row_keys: dict[str, tuple[str, ...]] | None = None,
) -> int:
    """Rewrite what `mode` asks for, one primary-key batch at a time:
    SEAL plaintext values (unbound, migration 0006), BIND unbound values to their rows
    (migration 0010), REBIND values bound with `old_row_keys` (or not at all) to `row_keys`
    (migration 0014), ROTATE values not sealed under the first key. `row_keys` defaults to
    hq.sealed.ROW_KEYS (a migration passes the identities of its own revision).

    Returns how many values were rewritten; values already done are skipped, so an interrupted
    run is simply run again. `after_batch` commits, for a rotation."""
    done = 0
    row_keys = ROW_KEYS if row_keys is None else row_keys
    old_row_keys = old_row_keys or {}
    inspector = sa.inspect(conn)
    for name, pk, column, is_bytes in SEALED_COLUMNS:
        if (tables is not None and name not in tables) or not inspector.has_table(name):
            continue
        keys_of = row_keys.get(name) if not is_bytes else None
        if mode in (BIND, REBIND) and keys_of is None:
            continue
        old_keys = old_row_keys.get(name)
        ident = [k for k in dict.fromkeys([*(keys_of or ()), *(old_keys or ())]) if k not in pk]
        t = _table(name, [*pk, *ident], column, is_bytes)
        label = f"{name}.{column}"
        keys = [t.c[c] for c in pk]
        last: tuple[Any, ...] | None = None
        while True:
            q = sa.select(*keys, *(t.c[c] for c in ident), t.c[column]).order_by(*keys).limit(BATCH)
            if last is not None:
                q = q.where(sa.tuple_(*keys) > sa.tuple_(*last))
            rows = conn.execute(q).all()
            if not rows:
                break
            last = tuple(rows[-1][: len(pk)])
            updates = []
            for r in rows:
                value = r[-1]
                if value is None:
                    continue
                named = dict(zip([*pk, *ident], r[:-1], strict=True))
                row = row_of(named[k] for k in keys_of) if keys_of else None
                old_row = row_of(named[k] for k in old_keys) if old_keys else None
                new = _new_value(ring, mode, value, label, row, is_bytes, old_row)
                if new is not None:
                    updates.append({**{f"k_{c}": named[c] for c in pk}, "v_new": new})
            if updates:
                stmt = (
                    sa.update(t)
                    .where(*(t.c[c] == sa.bindparam(f"k_{c}") for c in pk))
                    .values({column: sa.bindparam("v_new")})
                )
                conn.execute(stmt, updates)
                done += len(updates)
            after_batch()
    return done


def migration_batch_done() -> None:
    """Called between the batches of migration 0010 (the interruption test kills the process here)."""


SEALING_REVISION = "0014"  # the last migration that rewrites values in place (0006, 0010, 0014)


def scrub(engine: Engine) -> None:
    """Rewrite the database files so that values replaced in place leave no copy in free pages:
    VACUUM and an emptied WAL on SQLite, VACUUM FULL on PostgreSQL (dead row versions)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            conn.exec_driver_sql("VACUUM FULL")


def scrub_after_sealing(engine: Engine, before: str | None) -> None:
    """After migrations 0006/0010/0014 rewrote an existing database (not a new one), scrub its
    files: no plaintext value (the statistics' cadre names until 0010, the device names until
    0014) left in free pages."""
    if before is not None and before < SEALING_REVISION:
        scrub(engine)


def rotate(hq: Any, report: Callable[[str], None] = print) -> int:
    """`fieldapp-hq rotate-key`: see the module's docstring. `hq` is an initialised HQ."""
    from fieldapp.hq import datakey, ledger_index
    from fieldapp.hq.sealed import read_key_file, write_key_file

    holder = hq.datakey
    path = holder.need_path()
    ring = read_key_file(path, holder.passphrase)
    if len(ring.keys) == 1:
        ring = Keyring([Keyring.generate().keys[0], *ring.keys])
        write_key_file(path, ring, holder.passphrase)
        report(f"已生成新密钥 {ring.kid} 并写入 {path}（旧密钥暂时保留）。")
    else:
        report(f"继续上次未完成的密钥轮换（新密钥 {ring.kid}）。")
    ring = holder.reload()
    total = 0
    with hq.engine.connect() as conn:
        total = reseal(conn, ring, mode=ROTATE, after_batch=conn.commit)
        check = datakey.stored_check(hq.engine)
        if check is None or not ring.is_current(check):
            conn.execute(
                sa.text("UPDATE hq_meta SET value = :v WHERE key = :k"),
                {"v": datakey.new_check(ring), "k": datakey.CHECK_KEY},
            )
        conn.commit()
    with hq.session() as s:
        ledger_index.rebuild(s)  # blind indexes under the new key's sub-key
    scrub(hq.engine)  # no value under the old key left in free pages
    write_key_file(path, Keyring([ring.keys[0]]), holder.passphrase)
    holder.reload()
    report(f"密钥轮换完成：重新加密 {total} 个值，旧密钥已从 {path} 删除。")
    return total
