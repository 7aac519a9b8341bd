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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.sql import Insert, Update

from fieldapp.hq.sealed import ROW_KEYS, ROW_SEP, Bound, Sealed, row_of


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
        if value is None or isinstance(value, Bound):
            continue
        if row is None:
            row = row_of(getattr(obj, mapper.get_property_by_column(table.c[k]).key) for k in keys)
        setattr(obj, attr, Bound(str(value), row))


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
