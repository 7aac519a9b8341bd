"""Hardship assessments: computed by the domain rule against the local 低保 standard."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.hardship import HardshipInput, HardshipResult, assess
from fieldapp.services import settings
from fieldapp.services.common import today, writable_household
from fieldapp.storage.db import Database
from fieldapp.storage.models import Assessment


def preview(db: Database, data: HardshipInput) -> HardshipResult:
    """The category as it would be recorded now (the profile shows it live while typing)."""
    return assess(data, settings.dibao_standard_fen(db))


def record_assessment(
    db: Database,
    household_id: str,
    data: HardshipInput,
    *,
    assessed_on: dt.date | None = None,
    cadre_id: str | None = None,
) -> str:
    on = assessed_on or today()
    if on > today():
        raise ValidationError.single("assessed_on", "评定日期", "不能晚于今天")
    dibao = settings.dibao_standard_fen(db)
    result = assess(data, dibao)
    with db.session() as s:
        writable_household(s, household_id)
        a = Assessment(
            household_id=household_id,
            cadre_id=cadre_id,
            assessed_on=on,
            main_cause=int(data.main_cause),
            secondary_causes=",".join(str(int(c)) for c in data.secondary_causes),
            household_size=data.household_size,
            annual_income_fen=data.annual_income_fen,
            rigid_spending_fen=data.rigid_spending_fen,
            sudden_event=data.sudden_event,
            dibao_standard_fen=dibao,
            per_head_monthly_fen=result.per_head_monthly_fen,
            category=result.category,
            reason=result.reason,
        )
        s.add(a)
        s.flush()
        return a.id


def latest_assessment(db: Database, household_id: str) -> Assessment | None:
    with db.session() as s:
        return s.scalar(
            select(Assessment)
            .where(Assessment.household_id == household_id, Assessment.deleted.is_(False))
            .order_by(Assessment.assessed_on.desc(), Assessment.hlc.desc())
            .limit(1)
        )
