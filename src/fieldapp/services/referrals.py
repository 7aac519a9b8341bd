"""Referrals (转介) and their status history, kept as events and never overwritten."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select

from fieldapp.domain import referrals as rules
from fieldapp.domain.errors import FieldProblem, RuleViolation, ValidationError
from fieldapp.domain.vocab import ReferralStatus
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.storage.db import Database
from fieldapp.storage.models import Member, Referral, ReferralEvent, Setting, Visit

RECEIVING_BODIES_KEY = "receiving_bodies"  # set by headquarters' reply: {kind code: [bodies]}


@dataclass(frozen=True)
class ReferralData:
    household_id: str
    kind_code: str
    receiving_body: str
    reason: str
    member_id: str | None = None
    visit_id: str | None = None
    cadre_id: str | None = None
    created_on: dt.date | None = None


def receiving_bodies(db: Database, kind_code: str) -> list[str]:
    """The receiving bodies offered for a kind: headquarters' list when it sent one, else the catalogue's."""
    with db.session() as s:
        row = s.get(Setting, RECEIVING_BODIES_KEY)
        sent = json.loads(row.value) if row is not None else {}
    bodies = sent.get(kind_code) if isinstance(sent, dict) else None
    return list(bodies) if bodies else list(rules.referral_kind(kind_code).bodies)


def earlier_bodies(db: Database, kind_code: str | None = None) -> list[str]:
    """Receiving bodies this laptop's cadres typed before (for that kind, or any), most used
    first: offered as completions so a body is typed once, not at every referral."""
    with db.session() as s:
        q = select(Referral.receiving_body, func.count()).where(Referral.deleted.is_(False))
        if kind_code:
            q = q.where(Referral.kind_code == kind_code)
        rows = s.execute(q.group_by(Referral.receiving_body).order_by(func.count().desc())).all()
    return [str(body) for body, _n in rows if str(body).strip()]


def create_referral(db: Database, data: ReferralData, *, recorded_by: str = "") -> str:
    """Create a referral in 草拟 (draft); the first event is written with it."""
    kind = rules.referral_kind(data.kind_code)
    problems: list[FieldProblem] = []
    if not data.receiving_body.strip():
        problems.append(FieldProblem("receiving_body", "接收单位", "不能为空"))
    if not data.reason.strip():
        problems.append(FieldProblem("reason", "转介原因", "不能为空"))
    on = data.created_on or today()
    if on > today():
        problems.append(FieldProblem("created_on", "转介日期", "不能晚于今天"))
    if problems:
        raise ValidationError(problems)
    with db.session() as s:
        writable_household(s, data.household_id)
        if data.member_id:
            get_live(s, Member, data.member_id)
        if data.visit_id:
            get_live(s, Visit, data.visit_id)
        r = Referral(
            household_id=data.household_id,
            member_id=data.member_id,
            visit_id=data.visit_id,
            cadre_id=data.cadre_id,
            kind_code=kind.code,
            area=kind.area,
            receiving_body=data.receiving_body.strip(),
            reason=data.reason.strip(),
            created_on=on,
            status=ReferralStatus.DRAFT,
            status_on=on,
            follow_up_due=None,
        )
        s.add(r)
        s.flush()
        s.add(
            ReferralEvent(
                referral_id=r.id, status=ReferralStatus.DRAFT, occurred_on=on, recorded_by=recorded_by
            )
        )
        return r.id


def change_status(
    db: Database,
    referral_id: str,
    new_status: ReferralStatus,
    *,
    on: dt.date | None = None,
    note: str = "",
    recorded_by: str = "",
) -> None:
    """Append a status event if the lifecycle allows it, and refresh the derived status."""
    day = on or today()
    if day > today():
        raise ValidationError.single("occurred_on", "状态日期", "不能晚于今天")
    with db.session() as s:
        r = get_live(s, Referral, referral_id)
        writable_household(s, r.household_id)
        rules.check_transition(r.status, new_status)
        if day < r.status_on:
            raise RuleViolation("occurred_on", f"状态日期不能早于上一次状态变化（{r.status_on.isoformat()}）")
        if new_status in (ReferralStatus.RETURNED, ReferralStatus.WITHDRAWN) and not note.strip():
            raise ValidationError.single("note", "说明", f"“{new_status.value}”须说明原因")
        s.add(
            ReferralEvent(
                referral_id=r.id,
                status=new_status,
                occurred_on=day,
                note=note.strip(),
                recorded_by=recorded_by,
            )
        )
        r.status = new_status
        r.status_on = day
        r.follow_up_due = None if new_status in rules.TERMINAL else rules.follow_up_due(r.kind_code, day)


def get_referral(db: Database, referral_id: str) -> Referral:
    with db.session() as s:
        r = get_live(s, Referral, referral_id)
        _ = list(r.events)
        return r


def list_referrals(db: Database, household_id: str | None = None) -> list[Referral]:
    with db.session() as s:
        q = select(Referral).where(Referral.deleted.is_(False))
        if household_id:
            q = q.where(Referral.household_id == household_id)
        return list(s.scalars(q.order_by(Referral.created_on.desc(), Referral.hlc.desc())))


def history(db: Database, referral_id: str) -> list[ReferralEvent]:
    with db.session() as s:
        return list(
            s.scalars(
                select(ReferralEvent)
                .where(ReferralEvent.referral_id == referral_id, ReferralEvent.deleted.is_(False))
                .order_by(ReferralEvent.occurred_on, ReferralEvent.hlc)
            )
        )
