"""The statistics' aggregate tables (hq.stats_models), kept current at ingest.

Ingest calls `note_changes` right after hq.ledger_index in the batch's transaction. Every row is
recomputed from the winning record (hq_record), never from the change that arrived, so a change
that lost to a newer version leaves nothing behind. `rebuild` builds everything again
(`fieldapp-hq stats-rebuild`, and at start-up for a database synced before these tables existed).

Item-19 rows (`household_economy`, `worker_status`, contract section 1) are kept per observation
with a rank: 1 = the latest of its household (or worker), 2 = the one before, 0 = older.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from fieldapp.domain import item19
from fieldapp.hq import changerows, stats_rollup, stats_visit_months
from fieldapp.hq.models import HQMeta, LedgerRow, Record
from fieldapp.hq.sealed import Sealed
from fieldapp.hq.stats_models import (
    StatCadre,
    StatEconomy,
    StatHousehold,
    StatReferral,
    StatRelief,
    StatVisit,
    StatWorker,
)

CHUNK = 400
FACE_TO_FACE = ("入户走访", "单位走访")  # as the device's re-survey counts them (services/todo.py)
MAX_VISIT_INTERVAL_DAYS = 90
HOUSEHOLD_PARTS = ("assessment", "pairing")
INSURANCE_CODES = tuple(item19.INSURANCE)
ECONOMY_FIGURES = (
    "annual_income",
    "expense_food",
    "expense_housing",
    "expense_medical",
    "expense_schooling",
    "expense_other",
    "arrears_amount",
)
HASH_KEY = "stats_hash_key"

T = TypeVar("T")


def _chunks(items: list[T]) -> Iterator[list[T]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def visit_interval() -> int:
    try:
        from fieldapp.services.visits import MAX_VISIT_INTERVAL_DAYS as days

        return int(days)
    except ImportError:  # pragma: no cover - a server installed without the desktop services
        return MAX_VISIT_INTERVAL_DAYS


def hash_key(s: Session) -> bytes:
    """This server's secret for keyed hashes (made on first use, never leaves the database)."""
    row = s.get(HQMeta, HASH_KEY)
    if row is None:
        row = HQMeta(key=HASH_KEY, value=secrets.token_bytes(32))
        s.add(row)
        s.flush()
    return bytes(row.value)


def keyed_hash(key: bytes, kind: str, value: str) -> str:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def _int(v: Any) -> int | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


_DAY = re.compile(r"[12][0-9]{3}-[01][0-9]-[0-3][0-9]")


def _date(v: Any) -> str:
    """An ISO date as sent (YYYY-MM-DD), or "" for anything else."""
    text = str(v)[:10] if v else ""
    return text if _DAY.fullmatch(text) else ""


def _records(
    s: Session, entity: str, ids: Iterable[str], given: dict[str, dict[str, Any]] | None = None
) -> dict[str, tuple[bool, dict[str, Any]]]:
    """The current value of these rows: id -> (deleted, data). `given` holds the changes of rows
    first inserted by this very batch (their change is the record), which need no read."""
    out: dict[str, tuple[bool, dict[str, Any]]] = {}
    wanted = set(ids)
    for row_id, change in (given or {}).items():
        if row_id in wanted:
            try:
                data = changerows.row_of(change)  # parsed once per batch
            except ValueError:
                continue
            if isinstance(data, dict):
                out[row_id] = (bool(data.get("deleted")), data)
    for part in _chunks(sorted(wanted - set(out))):
        q = select(Record.row_id, Record.deleted, Record.data).where(
            Record.entity == entity, Record.row_id.in_(part)
        )
        for row_id, deleted, text in s.execute(q):  # plain rows, no ORM objects
            try:
                data = json.loads(text)
            except ValueError:
                continue
            if isinstance(data, dict):
                out[row_id] = (bool(deleted or data.get("deleted")), data)
    return out


def _driver_many(s: Session, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """One prepared statement run for every row by the database driver (executemany), with `?`
    written as the driver's placeholder: no SQLAlchemy statement per chunk, no per-row parameter
    processing — the aggregate tables hold only plain strings and numbers (no sealed column)."""
    if not rows:
        return
    s.flush()  # pending ORM changes first, so the statement sees (and is seen in) the same order
    conn = s.connection()
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    conn.exec_driver_sql(sql, rows)


def _insert_rows(s: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """Bulk insert with the columns' scalar defaults filled in (see _driver_many). A table with a
    sealed column (the cadre's name) goes through SQLAlchemy, so its values are sealed and bound
    to their rows (hq/rowbind.py); the driver path would store them in clear."""
    table = model.__table__
    if any(isinstance(c.type, Sealed) for c in table.columns):
        s.execute(insert(table), rows)
        return
    quote = s.get_bind().dialect.identifier_preparer.quote
    cols = [
        (c.name, c.default.arg if c.default is not None and c.default.is_scalar else None)
        for c in table.columns
    ]
    names = ", ".join(quote(name) for name, _ in cols)
    marks = ", ".join("?" for _ in cols)
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    _driver_many(s, sql, [tuple([r.get(name, fill) for name, fill in cols]) for r in rows])


def _existing(s: Session, model: type[Any], key: str, ids: list[str]) -> set[str]:
    """Which of these keys the table holds: plain driver statements, CHUNK keys each (an ORM
    `IN (…)` of hundreds of values costs more to build than to run)."""
    table = model.__table__
    quote = s.get_bind().dialect.identifier_preparer.quote
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    found: set[str] = set()
    for part in _chunks(ids):
        sql = f"SELECT {quote(key)} FROM {quote(table.name)} WHERE {quote(key)} IN ({', '.join([mark] * len(part))})"
        found.update(r[0] for r in conn.exec_driver_sql(sql, tuple(part)))
    return found


def _upsert(
    s: Session, model: type[Any], key: str, values: dict[str, dict[str, Any]], new: Iterable[str] = ()
) -> None:
    """Replace these rows: a bulk delete per chunk and one bulk insert (no ORM objects: ingest
    writes thousands of rows per batch). Rows in `new` (first seen in this batch) need no delete."""
    if not values:
        return
    table = model.__table__
    col = table.c[key]
    ids = sorted(values)
    old = sorted(set(ids) - set(new))
    for part in _chunks(old):
        s.execute(delete(table).where(col.in_(part)))
    _insert_rows(s, model, [{key: rid, **values[rid]} for rid in ids])


# --- ingest ----------------------------------------------------------------------------------------


def note_changes(s: Session, changes: Iterable[dict[str, Any]]) -> None:
    """After ingest (or a headquarters write) applied `changes` (entity, row_id, data as JSON text)."""
    by_entity: dict[str, set[str]] = {}
    homes: set[str] = set()
    counted: dict[tuple[str, str], int] = {}
    first: dict[str, dict[str, dict[str, Any]]] = {}  # entity -> row id -> change, rows inserted now
    for c in changes:
        entity, row_id = c["entity"], c["row_id"]
        by_entity.setdefault(entity, set()).add(row_id)
        counted[(entity, row_id)] = counted.get((entity, row_id), 0) + 1
        if c.get("op") == "insert" and c.get("version") == 1:
            first.setdefault(entity, {})[row_id] = c
        if entity == "household":
            homes.add(row_id)
        elif entity in HOUSEHOLD_PARTS:
            try:
                hid = changerows.row_of(c).get("household_id")
            except (ValueError, AttributeError):
                hid = None
            if hid:
                homes.add(str(hid))
    for entity, rows in first.items():  # a row changed twice in one batch: read the winner
        for row_id in [r for r in rows if counted[(entity, r)] > 1]:
            del rows[row_id]
    visited: set[str] = set()
    bumps: dict[str, tuple[str, str]] = {}  # household -> latest (any, face-to-face) new visit date
    if "visit" in by_entity:
        visited = refresh_visits(s, sorted(by_entity["visit"]), first.get("visit", {}), bumps)
    if homes:
        refresh_households(s, sorted(homes))
    if visited - homes:
        refresh_visit_dates(s, sorted(visited - homes))
    bump_visit_dates(s, {h: d for h, d in bumps.items() if h not in homes and h not in visited})
    if "referral" in by_entity:
        refresh_referrals(s, sorted(by_entity["referral"]))
    if "cadre" in by_entity:
        refresh_cadres(s, sorted(by_entity["cadre"]))
    reliefs = set(by_entity.get("relief_payment", set()))
    if "member" in by_entity:  # a student's ID number changed: their payments' keys follow
        for part in _chunks(sorted(by_entity["member"])):
            reliefs.update(s.scalars(select(StatRelief.relief_id).where(StatRelief.member_id.in_(part))))
    if reliefs:
        refresh_reliefs(s, sorted(reliefs))
    if "household_economy" in by_entity:
        refresh_economy(s, sorted(by_entity["household_economy"]))
    if "worker_status" in by_entity:
        refresh_workers(s, sorted(by_entity["worker_status"]))
    moved = homes | visited | set(bumps)
    if moved:  # the re-survey and visit rollups follow every household whose row may have changed
        stats_rollup.note_households(s, moved)
        stats_visit_months.note_households(s, moved)


def refresh_visits(
    s: Session,
    visit_ids: list[str],
    given: dict[str, dict[str, Any]] | None = None,
    bumps: dict[str, tuple[str, str]] | None = None,
) -> set[str]:
    """Recompute these visits' rows; returns the households whose last visit may have changed.
    `given`: visits this batch inserted (version 1), whose change data is the record. With
    `bumps`, a new live visit does not put its household in the answer: its date goes in `bumps`
    instead (a visit added can only move the last-visit dates later: bump_visit_dates)."""
    given = dict(given or {})
    s.flush()
    for known in _existing(s, StatVisit, "visit_id", sorted(given)):  # a later version came first
        del given[known]
    recs = _records(s, "visit", visit_ids, given)
    values: dict[str, dict[str, Any]] = {}
    homes: set[str] = set()
    for vid, (deleted, v) in recs.items():
        hid = str(v.get("household_id") or "")
        day, f2f = _date(v.get("visit_date")), v.get("mode") in FACE_TO_FACE
        if bumps is not None and vid in given and not deleted:
            any_, f2f_ = bumps.get(hid, ("", ""))
            bumps[hid] = (max(any_, day), max(f2f_, day) if f2f else f2f_)
        else:
            homes.add(hid)
        values[vid] = {
            "household_id": hid,
            "cadre_id": str(v.get("cadre_id") or "")[:36],
            "visit_date": day,
            "face_to_face": 1 if f2f else 0,
            "deleted": 1 if deleted else 0,
        }
    for part in _chunks(sorted(set(visit_ids) - set(recs))):
        homes.update(s.scalars(select(StatVisit.household_id).where(StatVisit.visit_id.in_(part))))
    _upsert(s, StatVisit, "visit_id", values, given)
    homes.discard("")
    return homes


def bump_visit_dates(s: Session, latest: dict[str, tuple[str, str]]) -> None:
    """New visits only: each household's last-visit dates move to the newest of old and new."""
    rows = [(a, a, f, f, hid) for hid, (a, f) in sorted(latest.items()) if hid and (a or f)]
    _driver_many(
        s,
        "UPDATE hq_stat_household SET"
        " last_visit_on = CASE WHEN last_visit_on < ? THEN ? ELSE last_visit_on END,"
        " last_f2f_on = CASE WHEN last_f2f_on < ? THEN ? ELSE last_f2f_on END"
        " WHERE household_id = ?",
        rows,
    )


def refresh_visit_dates(s: Session, household_ids: list[str]) -> None:
    """A visit changed but nothing else of the household: its last visit dates, in SQL."""
    v, h = StatVisit, StatHousehold
    for part in _chunks(household_ids):
        live = (v.household_id == h.household_id) & (v.deleted == 0)
        any_ = select(func.coalesce(func.max(v.visit_date), "")).where(live).scalar_subquery()
        f2f = (
            select(func.coalesce(func.max(v.visit_date), ""))
            .where(live, v.face_to_face == 1)
            .scalar_subquery()
        )
        s.execute(
            update(h)
            .where(h.household_id.in_(part))
            .values(last_visit_on=any_, last_f2f_on=f2f)
            .execution_options(synchronize_session=False)
        )


def refresh_households(s: Session, household_ids: list[str]) -> None:
    for part in _chunks(household_ids):
        homes = _records(s, "household", part)
        kids: dict[str, dict[str, list[dict[str, Any]]]] = {
            h: {e: [] for e in HOUSEHOLD_PARTS} for h in homes
        }
        q = (
            select(LedgerRow.household_id, Record.entity, Record.data)
            .join(Record, (Record.row_id == LedgerRow.row_id) & (Record.entity == LedgerRow.entity))
            .where(
                LedgerRow.household_id.in_(list(homes)),
                LedgerRow.entity.in_(HOUSEHOLD_PARTS),
                Record.deleted == 0,
            )
        )
        for hid, entity, data in s.execute(q):
            row = json.loads(data)
            if not row.get("deleted"):
                kids[hid][entity].append(row)
        last: dict[str, tuple[str, str, str]] = {}
        visits = select(StatVisit.household_id, StatVisit.visit_date, StatVisit.face_to_face).where(
            StatVisit.household_id.in_(list(homes)), StatVisit.deleted == 0
        )
        for hid, day, f2f in s.execute(visits):
            any_, f2f_, _ = last.get(hid, ("", "", ""))
            last[hid] = (max(any_, day), max(f2f_, day) if f2f else f2f_, "")
        values: dict[str, dict[str, Any]] = {}
        for hid, (deleted, h) in homes.items():
            assessments = sorted(
                kids[hid]["assessment"],
                key=lambda a: (str(a.get("assessed_on") or ""), int(a.get("hlc") or 0)),
            )
            latest = assessments[-1] if assessments else {}
            open_pairings = sorted(
                (p for p in kids[hid]["pairing"] if not p.get("ended_on")),
                key=lambda p: str(p.get("started_on") or ""),
            )
            village = str(h.get("village_code") or "")[:12]
            any_visit, f2f_visit, _ = last.get(hid, ("", "", ""))
            values[hid] = {
                "county_code": village[:6],
                "township_code": village[:9],
                "village_code": village,
                "category": str(latest.get("category") or "")[:20],
                "main_cause": _int(latest.get("main_cause")),
                "pairing_basis": str(h.get("pairing_basis") or "")[:20],
                "status": str(h.get("status") or "")[:10],
                "cadre_id": str(open_pairings[-1].get("cadre_id") or "")[:36] if open_pairings else "",
                "last_visit_on": any_visit,
                "last_f2f_on": f2f_visit,
                "deleted": 1 if deleted else 0,
            }
        _upsert(s, StatHousehold, "household_id", values)


def refresh_cadres(s: Session, cadre_ids: list[str]) -> None:
    recs = _records(s, "cadre", cadre_ids)
    _upsert(
        s,
        StatCadre,
        "cadre_id",
        {cid: {"name": str(c.get("name") or "")[:50]} for cid, (_, c) in recs.items()},
    )


def refresh_referrals(s: Session, referral_ids: list[str]) -> None:
    recs = _records(s, "referral", referral_ids)
    _upsert(
        s,
        StatReferral,
        "referral_id",
        {
            rid: {"household_id": str(r.get("household_id") or ""), "cadre_id": str(r.get("cadre_id") or "")}
            for rid, (_, r) in recs.items()
        },
    )


def student_key(key: bytes, member_id: str, member: dict[str, Any] | None) -> str:
    """The same student twice: by ID number when there is one (two households may hold the same
    child), otherwise by the member row."""
    number = str((member or {}).get("id_number") or "").strip().upper()
    if number:
        return keyed_hash(key, "id", number)
    return keyed_hash(key, "member", member_id) if member_id else ""


def refresh_reliefs(s: Session, relief_ids: list[str]) -> None:
    recs = _records(s, "relief_payment", relief_ids)
    members = _records(s, "member", {str(r.get("member_id") or "") for _, r in recs.values()} - {""})
    key = hash_key(s)
    values: dict[str, dict[str, Any]] = {}
    for rid, (deleted, r) in recs.items():
        paid = _date(r.get("paid_on"))
        mid = str(r.get("member_id") or "")
        values[rid] = {
            "household_id": str(r.get("household_id") or ""),
            "member_id": mid[:36],
            "programme": str(r.get("programme") or "")[:20],
            "year": int(paid[:4]) if paid else 0,
            "paid_on": paid,
            "amount_fen": _int(r.get("amount_fen")) or 0,
            "student_key": student_key(key, mid, members.get(mid, (False, {}))[1]),
            "deleted": 1 if deleted else 0,
        }
    _upsert(s, StatRelief, "relief_id", values)


def refresh_economy(s: Session, ids: list[str]) -> None:
    recs = _records(s, "household_economy", ids)
    values: dict[str, dict[str, Any]] = {}
    for rid, (deleted, r) in recs.items():
        v: dict[str, Any] = {k: _int(r.get(k)) for k in ECONOMY_FIGURES}
        v.update(
            household_id=str(r.get("household_id") or "")[:36],
            observed_on=_date(r.get("observed_on")),
            arrears_reported_on=_date(r.get("arrears_reported_on")),
            deleted=1 if deleted else 0,
        )
        values[rid] = v
    _upsert(s, StatEconomy, "id", values)
    _rank(s, StatEconomy, StatEconomy.household_id, {v["household_id"] for v in values.values()})


def _insurance(v: Any) -> str | None:
    if not isinstance(v, list):
        return None
    codes = sorted({str(c) for c in v if str(c) in INSURANCE_CODES})
    return "," + ",".join(codes) + "," if codes else ","


def refresh_workers(s: Session, ids: list[str]) -> None:
    recs = _records(s, "worker_status", ids)
    values: dict[str, dict[str, Any]] = {}
    for rid, (deleted, r) in recs.items():
        employment = r.get("employment")
        values[rid] = {
            "household_id": str(r.get("household_id") or "")[:36],
            "member_id": str(r.get("member_id") or "")[:36],
            "observed_on": _date(r.get("observed_on")),
            "employment": str(employment)[:20] if employment else None,
            "monthly_income": _int(r.get("monthly_income")),
            "training_wanted": str(r.get("training_wanted") or "")[:20],
            "training_received": str(r.get("training_received") or "")[:20],
            "has_certificate": 1 if str(r.get("certificate") or "").strip() else 0,
            "insurance": _insurance(r.get("insurance")),
            "deleted": 1 if deleted else 0,
        }
    _upsert(s, StatWorker, "id", values)
    _rank(s, StatWorker, StatWorker.member_id, {v["member_id"] for v in values.values()})


def _rank(s: Session, model: type[Any], group: Any, keys: set[str]) -> None:
    """Mark the latest (1) and previous (2) live observation of each household or worker."""
    for part in _chunks(sorted(keys - {""})):
        rows = list(
            s.scalars(
                select(model).where(group.in_(part)).order_by(model.observed_on.desc(), model.id.desc())
            )
        )
        seen: dict[str, int] = {}
        for row in rows:
            g = getattr(row, group.key)
            if row.deleted or not row.observed_on:
                row.rank = 0
                continue
            seen[g] = seen.get(g, 0) + 1
            row.rank = seen[g] if seen[g] <= 2 else 0
    s.flush()


# --- whole rebuild ---------------------------------------------------------------------------------

TABLES = (StatCadre, StatHousehold, StatVisit, StatReferral, StatRelief, StatEconomy, StatWorker)


def rebuild(s: Session) -> dict[str, int]:
    """Build every aggregate again from the current records (`fieldapp-hq stats-rebuild`)."""
    for model in TABLES:
        s.execute(delete(model))
    counts: dict[str, int] = {}
    steps = (
        ("cadre", refresh_cadres),
        ("visit", refresh_visits),
        ("household", refresh_households),
        ("referral", refresh_referrals),
        ("relief_payment", refresh_reliefs),
        ("household_economy", refresh_economy),
        ("worker_status", refresh_workers),
    )
    for entity, fn in steps:
        ids = sorted(s.scalars(select(Record.row_id).where(Record.entity == entity)))
        for part in _chunks(ids):
            fn(s, part)
        counts[entity] = len(ids)
    stats_rollup.rebuild(s)
    stats_visit_months.rebuild(s)
    return counts


def rebuild_if_missing(s: Session) -> None:
    """At start-up: households synced before these tables existed get their aggregates once."""
    if s.scalar(select(func.count()).select_from(StatHousehold)):
        stats_rollup.rebuild_if_missing(s)
        stats_visit_months.rebuild_if_missing(s)
        return
    if s.scalar(select(func.count()).select_from(Record).where(Record.entity == "household")):
        rebuild(s)
    else:
        stats_rollup.rebuild_if_missing(s)
        stats_visit_months.rebuild_if_missing(s)
