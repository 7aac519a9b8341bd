"""Today's date, asked in one place.

Every "what day is it" of the program (a visit dated in the future is refused, what is due,
the date a form defaults to, the dates demo data is spread over) asks `today()`. A run can be
pinned to a day: `FIELDAPP_TODAY=2026-06-15` for a training session whose exercises were written
for that day, or `as_of(day)` around a piece of work such as generating demo data for a given
date. The test suite pins every test to a fixed day, so no test depends on the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

ENV_VAR = "FIELDAPP_TODAY"

_pinned: list[dt.date] = []


def today() -> dt.date:
    """The pinned day if one is set (innermost `as_of`, then $FIELDAPP_TODAY), else the calendar's."""
    if _pinned:
        return _pinned[-1]
    env = os.environ.get(ENV_VAR)
    if env:
        return parse_day(env)
    return dt.date.today()


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{ENV_VAR} 应为日期，格式如 2026-06-15，而不是“{text}”") from None


@contextmanager
def as_of(day: dt.date) -> Iterator[None]:
    """Within the block, `today()` is `day` (for this process, every thread)."""
    _pinned.append(day)
    try:
        yield
    finally:
        _pinned.remove(day)
