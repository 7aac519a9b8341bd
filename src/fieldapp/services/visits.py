"""Home visits (入户走访)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select

from fieldapp.domain import vocab
from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.services import audit, item19
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.storage.db import Database
from fieldapp.storage.models import Cadre, Member, Visit

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


def record_visit(db: Database, data: VisitData, observation: item19.VisitObservation | None = None) -> str:
    """Save a visit and, when given, its item-19 observation in the same transaction."""
    data = _validate(data, today())
    with db.session() as s:
        writable_household(s, data.household_id)
        if data.cadre_id:
            get_live(s, Cadre, data.cadre_id)
        v = Visit(**asdict(data))
        s.add(v)
        s.flush()
        if observation is not None:
            item19.add_for_visit(s, data.household_id, v.id, data.visit_date, observation)
        return v.id


def update_visit(db: Database, visit_id: str, data: VisitData) -> None:
    """Correct a saved visit (synced as an update); the audit log says who changed it, when."""
    data = _validate(data, today())
    with db.session() as s:
        v = get_live(s, Visit, visit_id)
        writable_household(s, v.household_id)
        changed = [k for k, val in asdict(data).items() if getattr(v, k) != val]
        for k, val in asdict(data).items():
            setattr(v, k, val)
        s.add(
            audit.entry(
                db,
                vocab.AuditAction.EDIT,
                household_id=v.household_id,
                record_id=v.id,
                detail=f"修改走访记录（{v.visit_date.isoformat()}）：{', '.join(changed) or '无变化'}",
            )
        )


MAX_VOID_REASON = 200


def void_visit(db: Database, visit_id: str, reason: str) -> None:
    """Withdraw a visit recorded in error: kept as a tombstone that syncs (headquarters sees the
    correction) with the reason in its notes, and audited. Nothing is deleted. The audit detail
    leaves the reason out: typed text may name an illness, and the log never holds such detail."""
    reason = reason.strip()
    if not reason:
        raise ValidationError([FieldProblem("reason", "作废原因", "必填：说明为什么作废这条走访记录")])
    if len(reason) > MAX_VOID_REASON:
        raise ValidationError([FieldProblem("reason", "作废原因", f"不超过{MAX_VOID_REASON}字")])
    with db.session() as s:
        v = get_live(s, Visit, visit_id)
        writable_household(s, v.household_id)
        v.notes = (v.notes + "\n" if v.notes else "") + f"【已作废】{reason}"
        v.deleted = True
        s.add(
            audit.entry(
                db,
                vocab.AuditAction.VOID,
                household_id=v.household_id,
                record_id=v.id,
                detail=f"作废走访记录（{v.visit_date.isoformat()}），原因见该记录",
            )
        )


def visit_data(db: Database, visit_id: str) -> VisitData:
    """A saved visit as the form edits it (the UI never holds a storage row)."""
    with db.session() as s:
        v = get_live(s, Visit, visit_id)
        return VisitData(**{f: getattr(v, f) for f in VisitData.__dataclass_fields__})


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


def last_mode(db: Database, household_id: str) -> vocab.VisitMode | None:
    """How the household was last visited (入户走访, 电话联系…): the next visit form's default."""
    with db.session() as s:
        mode = s.scalar(
            select(Visit.mode)
            .where(Visit.household_id == household_id, Visit.deleted.is_(False))
            .order_by(Visit.visit_date.desc(), Visit.hlc.desc())
            .limit(1)
        )
    return vocab.VisitMode(mode) if mode else None


PHRASE_FIELDS = ("place", "people_met", "living_conditions", "demands")


def earlier_phrases(db: Database, field: str, limit: int = 300) -> list[str]:
    """The first lines of what was written in `field` at earlier visits on this ledger (the
    cadre's own), most recent first, each once: offered as completions in the visit form."""
    if field not in PHRASE_FIELDS:
        raise ValueError(field)
    column = getattr(Visit, field)
    with db.session() as s:
        texts = s.scalars(
            select(column)
            .where(Visit.deleted.is_(False), column != "")
            .order_by(Visit.visit_date.desc(), Visit.hlc.desc())
            .limit(limit * 3)
        ).all()
    lines = (t.strip().splitlines()[0].strip() for t in texts if t.strip())
    return list(dict.fromkeys(line for line in lines if line))[:limit]


def people_of(db: Database, household_id: str) -> list[str]:
    """The names of the household's members, the head first, then by relation and name: the
    visit form offers them as 见到的人 chips."""
    with db.session() as s:
        members = s.scalars(
            select(Member).where(Member.household_id == household_id, Member.deleted.is_(False))
        ).all()
        order = list(vocab.Relation)  # 户主 first, then as the vocabulary lists relations
        ordered = sorted(members, key=lambda m: (order.index(m.relation), m.name))
        return [m.name for m in ordered]


def list_visits(db: Database, household_id: str | None = None) -> list[Visit]:
    with db.session() as s:
        q = select(Visit).where(Visit.deleted.is_(False))
        if household_id:
            q = q.where(Visit.household_id == household_id)
        return list(s.scalars(q.order_by(Visit.visit_date.desc(), Visit.hlc.desc())))
