"""Home visits (入户走访)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select

from fieldapp.domain import vocab
from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.storage.db import Database
from fieldapp.storage.models import Cadre, Visit

# The archive asks for a visit at least every six months; during the re-survey a month.
DEFAULT_VISIT_INTERVAL_DAYS = 30
MAX_VISIT_INTERVAL_DAYS = 183


@dataclass(frozen=True)
class VisitData:
    household_id: str
    visit_date: dt.date
    mode: vocab.VisitMode = vocab.VisitMode.HOME
    cadre_id: str | None = None
    place: str = ""
    people_met: str = ""
    living_conditions: str = ""
    demands: str = ""
    notes: str = ""
    next_visit_due: dt.date | None = None


def suggest_next_visit(visit_date: dt.date, interval_days: int = DEFAULT_VISIT_INTERVAL_DAYS) -> dt.date:
    return visit_date + dt.timedelta(days=interval_days)


def _validate(data: VisitData, on: dt.date) -> VisitData:
    problems: list[FieldProblem] = []
    if data.visit_date > on:
        problems.append(FieldProblem("visit_date", "走访日期", "不能晚于今天"))
    due = data.next_visit_due or suggest_next_visit(data.visit_date)
    if due <= data.visit_date:
        problems.append(FieldProblem("next_visit_due", "下次走访日期", "应晚于本次走访日期"))
    elif (due - data.visit_date).days > MAX_VISIT_INTERVAL_DAYS:
        problems.append(FieldProblem("next_visit_due", "下次走访日期", "两次走访间隔不应超过6个月"))
    if problems:
        raise ValidationError(problems)
    return VisitData(**{**asdict(data), "next_visit_due": due})


def record_visit(db: Database, data: VisitData) -> str:
    data = _validate(data, today())
    with db.session() as s:
        writable_household(s, data.household_id)
        if data.cadre_id:
            get_live(s, Cadre, data.cadre_id)
        v = Visit(**asdict(data))
        s.add(v)
        s.flush()
        return v.id


def update_visit(db: Database, visit_id: str, data: VisitData) -> None:
    data = _validate(data, today())
    with db.session() as s:
        v = get_live(s, Visit, visit_id)
        writable_household(s, v.household_id)
        for k, val in asdict(data).items():
            setattr(v, k, val)


def last_place(db: Database, household_id: str) -> str:
    """Where the household was last visited: the default for the next visit form."""
    with db.session() as s:
        place = s.scalar(
            select(Visit.place)
            .where(Visit.household_id == household_id, Visit.deleted.is_(False))
            .order_by(Visit.visit_date.desc(), Visit.hlc.desc())
            .limit(1)
        )
    return place or ""


def list_visits(db: Database, household_id: str | None = None) -> list[Visit]:
    with db.session() as s:
        q = select(Visit).where(Visit.deleted.is_(False))
        if household_id:
            q = q.where(Visit.household_id == household_id)
        return list(s.scalars(q.order_by(Visit.visit_date.desc(), Visit.hlc.desc())))
