"""Which consents a household has given, for the warnings the workbench shows before acting.

PIPL asks for a separate consent before sensitive information is processed (Art. 29; a
guardian's for a child under 14, Art. 31), before a case is handed to another body (Art. 23)
and before names are disclosed in a public notice (Art. 25). The latest decision for a purpose
counts: a withdrawal after a consent cancels it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from fieldapp.domain import vocab
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.idcard import parse_id_number
from fieldapp.domain.people import MINOR_AGE_FOR_GUARDIAN, MemberData, age_on
from fieldapp.services.common import today
from fieldapp.storage.db import Database
from fieldapp.storage.models import Consent


def _latest(db: Database, household_id: str, purpose: vocab.ConsentPurpose) -> list[Consent]:
    """The latest decision per member (None: the whole household) for one purpose."""
    with db.session() as s:
        rows = s.scalars(
            select(Consent)
            .where(
                Consent.household_id == household_id,
                Consent.purpose == purpose,
                Consent.deleted.is_(False),
            )
            .order_by(Consent.given_on, Consent.hlc)
        )
        latest: dict[str | None, Consent] = {}
        for c in rows:
            latest[c.member_id] = c
        return list(latest.values())


def referral_consent_given(db: Database, household_id: str, member_id: str | None = None) -> bool:
    """A granted consent to hand the case to another body, for the household or the member."""
    return any(
        c.granted and (c.member_id is None or c.member_id == member_id)
        for c in _latest(db, household_id, vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY)
    )


def is_sensitive(data: MemberData, on: dt.date | None = None) -> bool:
    """Health or disability details of a child under 14: sensitive, guardian's consent needed."""
    birth = data.birth_date
    if birth is None and data.id_number:
        try:
            birth = parse_id_number(data.id_number).birth_date
        except ValidationError:
            return False  # the form refuses the number anyway
    if birth is None or age_on(birth, on or today()) >= MINOR_AGE_FOR_GUARDIAN:
        return False
    return bool(
        data.health != vocab.HealthStatus.GOOD
        or data.illness.strip()
        or data.disability_category is not None
        or data.disability_grade is not None
    )


def child_consent_given(db: Database, household_id: str, member_id: str | None, data: MemberData) -> bool:
    """A granted consent to process sensitive data, given by a guardian, covering this child."""
    del data  # the child is named by member_id; a new member can only be covered household-wide
    return any(
        c.granted and c.guardian_name.strip() and (c.member_id is None or c.member_id == member_id)
        for c in _latest(db, household_id, vocab.ConsentPurpose.SENSITIVE_PROCESSING)
    )


def notice_omissions(db: Database, scope: str = "all") -> int:
    """How many households would be on a public notice but are left out for want of consent."""
    from fieldapp.services import printing

    data = printing.gather(db, printing.template_for(db, notice_form(db)), scope)
    return int(data["notice"]["omitted"])


def notice_form(db: Database | None = None) -> str:
    """The name of the public-notice form (with a ledger, headquarters' templates count)."""
    from fieldapp.services import printing

    return next(t.name for t in printing.list_forms(db) if t.record == "notice")
