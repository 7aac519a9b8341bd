"""Ingest serialised per row, so its outcome never depends on timing (issue 12).

Two batches touching the same row at the same moment (a stick and the network, or two devices)
must end as in some serial order: the current value is the greatest `(version, hlc, device)`
and every same-version clash is listed once. The apply phase of an ingest therefore starts with
`lock_rows`, before it reads the rows it will decide about:

* SQLite: `BEGIN IMMEDIATE` — the database's one write lock is taken before the reads, so no
  other ingest can commit between them and the writes (the reads until then, verifying and
  decrypting the batch, took no lock).
* PostgreSQL: `SELECT … FOR UPDATE` on the batch's rows already in `hq_record`, in one order
  (entity, row id) so two batches never wait on each other crosswise; under READ COMMITTED the
  reads that follow see whatever the other transaction committed. Two batches creating the same
  new row collide on its primary key: the loser gets an IntegrityError and the whole ingest is
  run again (`retry`), when the row exists and is locked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import exc, select
from sqlalchemy.orm import Session

from fieldapp.hq.models import Record

log = logging.getLogger(__name__)
T = TypeVar("T")


class _RacedPipelineNoise(logging.Filter):
    """psycopg warns "error ignored terminating <Pipeline [INERROR]>: pipeline aborted" when a
    pipelined executemany ends after its statement failed — here the primary-key collision of a
    raced ingest, which `retry` handles by running the ingest again. The failure itself reaches
    `retry`; this echo of it only put a line reading "INERROR" in the server log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            record.msg == "error ignored terminating %r: %s" and "pipeline aborted" in record.getMessage()
        )


logging.getLogger("psycopg").addFilter(_RacedPipelineNoise())
ATTEMPTS = 5
CHUNK = 400
RETRY_PGCODES = {"40001", "40P01"}  # serialization failure, deadlock detected


def lock_rows(s: Session, changes: Iterable[dict[str, Any]]) -> None:
    """Serialise this transaction against every other ingest touching the same rows."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        dbapi = conn.connection.dbapi_connection
        if dbapi is not None and not dbapi.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:  # something was written already: the write lock is held since then
            log.debug("lock_rows: transaction already open")
        return
    row_ids = sorted({str(c["row_id"]) for c in changes})
    for i in range(0, len(row_ids), CHUNK):
        part = row_ids[i : i + CHUNK]
        s.execute(
            select(Record.entity, Record.row_id)
            .where(Record.row_id.in_(part))
            .order_by(Record.row_id, Record.entity)
            .with_for_update()
        )


def _transient(e: exc.DBAPIError) -> bool:
    if isinstance(e, exc.IntegrityError):
        return True  # another ingest committed the same batch or created the same row a moment ago
    code = getattr(e.orig, "sqlstate", None) or getattr(e.orig, "pgcode", None)
    return code in RETRY_PGCODES


def retry(work: Callable[[], T]) -> T:
    """Run an ingest again after it lost a race (each attempt is a whole new transaction)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except exc.DBAPIError as e:
            if attempt == ATTEMPTS or not _transient(e):
                raise
            log.info("ingest raced another one (%s); running it again", type(e.orig).__name__)
    raise AssertionError("unreachable")
