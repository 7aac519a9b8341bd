"""Binding every write of a row-bound sealed column to its row (hq/sealed.py, ROW_KEYS).

A `Sealed` column of a table in ROW_KEYS seals a value only together with the identity of its row
(`sealed.Bound`), so that a value copied into another row by direct SQL does not open. The value
is wrapped here, in one place, for both ways headquarters writes:

- ORM flushes (`s.add(obj)`, changed attributes): `before_flush` wraps the new or changed values
  of every pending object with the object's identifying columns (and column defaults such as "").
- Core statements run through the session (`s.execute(insert(T), rows)`, `update(Model)` by
  primary key): `do_orm_execute` wraps the values of each parameter dict with the identifying
  columns in that same dict.

A write that reaches the column without its row (another path, or a Core update by something
other than the row's identity) raises `UnboundValueError` instead of writing anything.

Tables whose id the database assigns (sealed.ID_BOUND) are bound to that id too (migration 0014):
their natural columns alone may repeat (two notices of one kind to one device), so a value
swapped between two such rows would open. The id is not known before the insert: a new ORM
object is inserted with a placeholder (the value sealed for a row that never exists) and, as
soon as the database has given it its id (`after_insert`, same transaction), sealed again bound
to it. Core inserts go through `insert_bound`, which does the same for many rows at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, bindparam, event, insert, inspect, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql import Insert, Update

from fieldapp.hq.sealed import ID_BOUND, ID_KEY, ROW_KEYS, ROW_SEP, Bound, Sealed, row_of

PENDING = "\x00pending"  # the row of a placeholder: no row has it, so a placeholder never opens


class Pending(Bound):
    """A value of a new row whose id the database has not assigned yet (sealed as a placeholder)."""

    def __new__(cls, value: str) -> Pending:
        obj = super().__new__(cls, value, PENDING)
        return obj  # type: ignore[return-value]


def _sealed_columns(table: Any) -> list[str]:
    return [c.key for c in table.columns if isinstance(c.type, Sealed) and c.type.row_keys is not None]


def _bind_object(obj: Any, new: bool) -> None:
    mapper = inspect(obj).mapper
    table = mapper.local_table
    keys = ROW_KEYS.get(table.name)
    if keys is None:
        return
    state = inspect(obj)
    row: str | None = None
    for column in _sealed_columns(table):
        attr = mapper.get_property_by_column(table.c[column]).key
        value = getattr(obj, attr)
        if not new and not state.attrs[attr].history.has_changes():
            continue
        if value is None and new:
            default = table.c[column].default
            if default is None or not default.is_scalar:
                continue
            value = default.arg
        if value is None or (isinstance(value, Bound) and not isinstance(value, Pending)):
            continue
        if new and table.name in ID_BOUND and getattr(obj, ID_KEY) is None:
            setattr(obj, attr, Pending(str(value)))  # bound to its id by _after_insert
            continue
        if row is None:
            row = row_of(getattr(obj, mapper.get_property_by_column(table.c[k]).key) for k in keys)
        setattr(obj, attr, Bound(str(value), row))


def _after_insert(mapper: Mapper[Any], connection: Connection, obj: Any) -> None:
    """A new row of an id-bound table has its id: its placeholders are sealed again, bound to it."""
    table = mapper.local_table
    if not isinstance(table, Table) or table.name not in ID_BOUND:
        return
    keys = ROW_KEYS[table.name]
    values: dict[str, Bound] = {}
    row = row_of(getattr(obj, mapper.get_property_by_column(table.c[k]).key) for k in keys)
    for column in _sealed_columns(table):
        attr = mapper.get_property_by_column(table.c[column]).key
        value = obj.__dict__.get(attr)
        if isinstance(value, Pending):
            values[column] = Bound(str(value), row)
            set_committed_value(obj, attr, values[column])
    if values:
        connection.execute(update(table).where(table.c[ID_KEY] == getattr(obj, ID_KEY)).values(values))


def insert_bound(s: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Core executemany insert into an id-bound table: placeholders first, then every value sealed
    again bound to the id the database gave its row (one statement each way). Returns the ids."""
    keys = ROW_KEYS[table.name]
    columns = _sealed_columns(table)
    defaults: dict[str, Any] = {}
    for c in columns:
        default: Any = table.c[c].default
        if default is not None and default.is_scalar:
            defaults[c] = default.arg
    full = [{**defaults, **r} for r in rows]
    placeholders = [{**r, **{c: Pending("") for c in columns if r.get(c) is not None}} for r in full]
    stmt = insert(table).returning(table.c[ID_KEY], sort_by_parameter_order=True)
    ids = [int(i) for i in s.execute(stmt, placeholders).scalars().all()]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}  # by the columns a row has a value for
    for i, r in zip(ids, full, strict=True):
        row = row_of({**r, ID_KEY: i}[k] for k in keys)
        present = tuple(c for c in columns if r.get(c) is not None)
        groups.setdefault(present, []).append(
            {"b_id": i, **{f"v_{c}": Bound(str(r[c]), row) for c in present}}
        )
    for present, sets in groups.items():
        if present:
            values: dict[str, Any] = {c: bindparam(f"v_{c}") for c in present}
            s.execute(update(table).where(table.c[ID_KEY] == bindparam("b_id")).values(values), sets)
    return ids


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in session.new:
        _bind_object(obj, True)
    for obj in session.dirty:
        _bind_object(obj, False)


def _bind_params(
    params: Mapping[str, Any], keys: tuple[str, ...], columns: list[str], defaults: dict[str, Any]
) -> dict[str, Any]:
    # a column's default ("") is sealed and bound like any value; ingest runs this for every row
    params = {**defaults, **params} if defaults else dict(params)
    row: str | None = None
    for c in columns:
        value = params.get(c)
        if value is None or type(value) is Bound:
            continue
        if row is None:
            try:
                row = ROW_SEP.join([str(params[k]) for k in keys])
            except KeyError:
                return params  # without its row the column refuses the value (UnboundValueError)
        params[c] = Bound(str(value), row)
    return params


def _do_orm_execute(state: ORMExecuteState) -> None:
    stmt = state.statement
    if not isinstance(stmt, Insert | Update) or not state.parameters:
        return
    table = stmt.table
    keys = ROW_KEYS.get(getattr(table, "name", ""))
    if keys is None:
        return
    columns = _sealed_columns(table)
    defaults: dict[str, Any] = {}
    if isinstance(stmt, Insert):
        for c in columns:
            default = table.c[c].default
            if default is not None and default.is_scalar:
                defaults[c] = default.arg
    params: Any = state.parameters
    if isinstance(params, Mapping):
        state.parameters = _bind_params(params, keys, columns, defaults)
    else:
        state.parameters = [_bind_params(p, keys, columns, defaults) for p in params]


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _do_orm_execute)


def install_mappers(base: type) -> None:
    """Once per process, on headquarters' declarative base (hq.models.HQBase)."""
    if not event.contains(base, "after_insert", _after_insert):
        event.listen(base, "after_insert", _after_insert, propagate=True)
