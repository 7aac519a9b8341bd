"""Cadres and their pairings with households (2–4 each, 临会发〔2014〕20号)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain import pairing as rules
from fieldapp.domain.errors import RuleViolation, ValidationError
from fieldapp.domain.phone import normalize_phone
from fieldapp.domain.search import pinyin_initials
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.storage.db import Database
from fieldapp.storage.models import Cadre, Pairing


@dataclass(frozen=True)
class PairingStatus:
    cadre_id: str
    cadre_name: str
    active: int
    warning: str | None


def add_cadre(db: Database, name: str, unit: str = "", post: str = "", phone: str | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError.single("name", "干部姓名", "不能为空")
    e164 = normalize_phone(phone, label="干部电话") if phone and phone.strip() else None
    with db.session() as s:
        cadre = Cadre(
            name=name, name_initials=pinyin_initials(name), unit=unit.strip(), post=post.strip(), phone=e164
        )
        s.add(cadre)
        s.flush()
        return cadre.id


def list_cadres(db: Database) -> list[Cadre]:
    with db.session() as s:
        return list(s.scalars(select(Cadre).where(Cadre.deleted.is_(False)).order_by(Cadre.name)))


def find_cadre_by_name(db: Database, name: str) -> Cadre | None:
    with db.session() as s:
        return s.scalar(select(Cadre).where(Cadre.name == name.strip(), Cadre.deleted.is_(False)))


def _active_count(session: Session, cadre_id: str) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Pairing)
            .where(Pairing.cadre_id == cadre_id, Pairing.ended_on.is_(None), Pairing.deleted.is_(False))
        )
        or 0
    )


def pair_in_session(
    session: Session, cadre_id: str, household_id: str, *, reason: str = "", started_on: dt.date | None = None
) -> Pairing:
    get_live(session, Cadre, cadre_id)
    writable_household(session, household_id)
    existing = session.scalar(
        select(Pairing).where(
            Pairing.cadre_id == cadre_id,
            Pairing.household_id == household_id,
            Pairing.ended_on.is_(None),
            Pairing.deleted.is_(False),
        )
    )
    if existing is not None:
        raise RuleViolation("household_id", "该干部已与这户结对")
    rules.check_new_pairing(_active_count(session, cadre_id), reason)
    pairing = Pairing(
        cadre_id=cadre_id,
        household_id=household_id,
        started_on=started_on or today(),
        extra_reason=reason.strip(),
    )
    session.add(pairing)
    session.flush()
    return pairing


def pair(
    db: Database, cadre_id: str, household_id: str, *, reason: str = "", started_on: dt.date | None = None
) -> str:
    """Pair a cadre with a household; a fifth and later household needs `reason`."""
    with db.session() as s:
        return pair_in_session(s, cadre_id, household_id, reason=reason, started_on=started_on).id


def end_pairing(db: Database, pairing_id: str, *, reason: str, ended_on: dt.date | None = None) -> None:
    if not reason.strip():
        raise ValidationError.single("end_reason", "结束原因", "不能为空")
    with db.session() as s:
        p = get_live(s, Pairing, pairing_id)
        writable_household(s, p.household_id)  # a handed-over household's pairings end at headquarters
        if p.ended_on is not None:
            raise RuleViolation("ended_on", "该结对关系已经结束")
        p.ended_on = ended_on or today()
        p.end_reason = reason.strip()


def pairing_status(db: Database, cadre_id: str) -> PairingStatus:
    with db.session() as s:
        cadre = get_live(s, Cadre, cadre_id)
        n = _active_count(s, cadre_id)
        return PairingStatus(cadre.id, cadre.name, n, rules.pairing_warning(n))
