"""Corrections of saved relief payments, consents and referral details (修改…), each with a
required reason kept with the record, audited (who changed which fields, when) and synced.

Relief payments and consents are append-only facts (docs/data-model.md): a correction withdraws
the saved one (a tombstone, its note saying why) and records the corrected one in its place, so
headquarters sees both. A referral is single-writer: its details are updated and the reason
is a line in its history under the current status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from fieldapp.domain import vocab
from fieldapp.domain.corrections import correction_line, correction_reason, note_with_correction
from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.services import audit
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.services.records import consent_problems, relief_problems
from fieldapp.storage.db import Database
from fieldapp.storage.models import Consent, Member, Referral, ReferralEvent, ReliefPayment


@dataclass(frozen=True)
class ReliefData:
    programme: vocab.ReliefProgramme
    amount_fen: int
    paid_on: dt.date
    member_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class ConsentData:
    purpose: vocab.ConsentPurpose
    notice_version: str
    given_on: dt.date
    granted: bool = True
    member_id: str | None = None
    guardian_name: str = ""
    guardian_relation: str = ""


@dataclass(frozen=True)
class ReferralDetails:
    """What of a referral can be corrected: not its kind (another kind is another referral)
    nor its status (that changes through the lifecycle)."""

    receiving_body: str
    reason: str
    created_on: dt.date
    member_id: str | None = None


def _changed(row: object, values: dict[str, object]) -> list[str]:
    return [k for k, v in values.items() if getattr(row, k) != v]


def relief_data(db: Database, relief_id: str) -> ReliefData:
    with db.session() as s:
        r = get_live(s, ReliefPayment, relief_id)
        return ReliefData(r.programme, r.amount_fen, r.paid_on, r.member_id, r.note)


def _withdraw(old: ReliefPayment | Consent, why: str) -> None:
    old.note = note_with_correction(old.note, f"{why}（已由更正后的记录代替）", today())
    old.deleted = True


def correct_relief(db: Database, relief_id: str, data: ReliefData, reason: str) -> str:
    """Returns the id of the corrected payment (the saved one is withdrawn)."""
    why = correction_reason(reason)
    problems = relief_problems(data.amount_fen, data.paid_on)
    if problems:
        raise ValidationError(problems)
    with db.session() as s:
        r = get_live(s, ReliefPayment, relief_id)
        writable_household(s, r.household_id)
        if data.member_id:
            get_live(s, Member, data.member_id)
        values: dict[str, object] = {
            "programme": data.programme,
            "amount_fen": data.amount_fen,
            "paid_on": data.paid_on,
            "member_id": data.member_id,
            "note": data.note.strip(),
        }
        changed = _changed(r, values)
        _nothing_changed(changed)
        values["note"] = note_with_correction(data.note, why, today())
        new = ReliefPayment(household_id=r.household_id, **values)
        what = f"修改救助发放（{data.paid_on.isoformat()}）：{', '.join(changed)}"
        return _replace(db, s, r, new, why, what)


def _replace(db: Database, s: Session, old: ReliefPayment | Consent, new: Any, why: str, what: str) -> str:
    """The saved record withdrawn (append-only records are never updated), its correction added and
    audited in the same transaction; returns the correction's id."""
    _withdraw(old, why)
    s.add(new)
    s.flush()
    s.add(
        audit.entry(
            db,
            vocab.AuditAction.EDIT,
            household_id=old.household_id,
            record_id=new.id,
            detail=f"{what}；原因见该记录",
        )
    )
    return str(new.id)


def consent_data(db: Database, consent_id: str) -> ConsentData:
    with db.session() as s:
        c = get_live(s, Consent, consent_id)
        return ConsentData(
            c.purpose,
            c.notice_version,
            c.given_on,
            c.granted,
            c.member_id,
            c.guardian_name,
            c.guardian_relation,
        )


def correct_consent(db: Database, consent_id: str, data: ConsentData, reason: str) -> str:
    """Returns the id of the corrected consent (the saved one is withdrawn)."""
    why = correction_reason(reason)
    with db.session() as s:
        c = get_live(s, Consent, consent_id)
        writable_household(s, c.household_id)
        member = get_live(s, Member, data.member_id) if data.member_id else None
        problems = consent_problems(data.notice_version, data.given_on, member, data.guardian_name)
        if problems:
            raise ValidationError(problems)
        values: dict[str, object] = {
            "purpose": data.purpose,
            "notice_version": data.notice_version.strip(),
            "given_on": data.given_on,
            "granted": data.granted,
            "member_id": data.member_id,
            "guardian_name": data.guardian_name.strip(),
            "guardian_relation": data.guardian_relation.strip(),
        }
        changed = _changed(c, values)
        _nothing_changed(changed)
        new = Consent(household_id=c.household_id, note=note_with_correction("", why, today()), **values)
        what = f"修改同意记录（{data.purpose.value}）：{', '.join(changed)}"
        return _replace(db, s, c, new, why, what)


def referral_details(db: Database, referral_id: str) -> ReferralDetails:
    with db.session() as s:
        r = get_live(s, Referral, referral_id)
        return ReferralDetails(r.receiving_body, r.reason, r.created_on, r.member_id)


def correct_referral(
    db: Database, referral_id: str, data: ReferralDetails, reason: str, *, recorded_by: str = ""
) -> None:
    """The reason goes into the referral's history as a line under its current status (same
    status and date, so the status shown — here and at headquarters — does not move)."""
    why = correction_reason(reason)
    problems: list[FieldProblem] = []
    if not data.receiving_body.strip():
        problems.append(FieldProblem("receiving_body", "接收单位", "不能为空"))
    if not data.reason.strip():
        problems.append(FieldProblem("reason", "转介原因", "不能为空"))
    if data.created_on > today():
        problems.append(FieldProblem("created_on", "转介日期", "不能晚于今天"))
    if problems:
        raise ValidationError(problems)
    with db.session() as s:
        r = get_live(s, Referral, referral_id)
        writable_household(s, r.household_id)
        if data.member_id:
            get_live(s, Member, data.member_id)
        values: dict[str, object] = {
            "receiving_body": data.receiving_body.strip(),
            "reason": data.reason.strip(),
            "created_on": data.created_on,
            "member_id": data.member_id,
        }
        changed = _changed(r, values)
        _nothing_changed(changed)
        for k, v in values.items():
            setattr(r, k, v)
        s.add(
            ReferralEvent(
                referral_id=r.id,
                status=r.status,
                occurred_on=r.status_on,
                note=correction_line(why, today()),
                recorded_by=recorded_by,
            )
        )
        s.add(
            audit.entry(
                db,
                vocab.AuditAction.EDIT,
                household_id=r.household_id,
                record_id=r.id,
                detail=f"修改转介信息：{', '.join(changed)}；原因见转介记录",
            )
        )


def _nothing_changed(changed: list[str]) -> None:
    if not changed:
        raise ValidationError([FieldProblem("correction_reason", "修改", "没有改动任何内容，无需保存修改")])
