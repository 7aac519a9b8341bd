"""Everything the household profile shows, read in one go (the UI loads it off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from fieldapp.domain.divisions import divisions
from fieldapp.services import item19
from fieldapp.services.common import get_live
from fieldapp.storage.db import Database
from fieldapp.storage.models import (
    Assessment,
    Attachment,
    Consent,
    Household,
    Member,
    Referral,
    ReferralEvent,
    ReliefPayment,
    Setting,
    Visit,
)


@dataclass(frozen=True)
class ReferralView:
    referral: Referral
    events: tuple[ReferralEvent, ...]


@dataclass(frozen=True)
class Profile:
    household: Household
    village_name: str
    members: tuple[Member, ...]
    cadre_names: tuple[str, ...]
    assessment: Assessment | None
    visits: tuple[Visit, ...]
    referrals: tuple[ReferralView, ...]
    relief: tuple[ReliefPayment, ...]
    consents: tuple[Consent, ...]
    attachments: tuple[Attachment, ...]
    # set when headquarters handed the household to another cadre's device: read-only here
    handed_over_to: str = ""
    # item-19 observations, newest first, and every member's name (also removed ones) to show them
    observations: tuple[item19.Observation, ...] = ()
    member_names: dict[str, str] = field(default_factory=dict)

    @property
    def figures(self) -> item19.AssessmentFigures | None:
        """The newest income and rigid spending recorded at visits, for the assessment form."""
        return item19.figures_of(self.observations)

    @property
    def head(self) -> Member | None:
        return self.household.head


def load_profile(db: Database, household_id: str) -> Profile:
    """Detached rows for read-only display; newest first where it is a history."""
    with db.session() as s:
        h = get_live(s, Household, household_id)
        members = tuple(m for m in h.members if not m.deleted)
        cadres = tuple(sorted(p.cadre.name for p in h.pairings if p.ended_on is None and not p.deleted))

        def live(model: Any, *order: Any) -> tuple[Any, ...]:
            q = select(model).where(model.household_id == household_id, model.deleted.is_(False))
            return tuple(s.scalars(q.order_by(*order)))

        assessment = s.scalar(
            select(Assessment)
            .where(Assessment.household_id == household_id, Assessment.deleted.is_(False))
            .order_by(Assessment.assessed_on.desc(), Assessment.hlc.desc())
            .limit(1)
        )
        visits = live(Visit, Visit.visit_date.desc(), Visit.hlc.desc())
        refs = live(Referral, Referral.created_on.desc(), Referral.hlc.desc())
        views = tuple(
            ReferralView(
                r,
                tuple(e for e in sorted(r.events, key=lambda e: (e.occurred_on, e.hlc)) if not e.deleted),
            )
            for r in refs
        )
        relief = live(ReliefPayment, ReliefPayment.paid_on.desc())
        consents = live(Consent, Consent.given_on.desc())
        attachments = live(Attachment, Attachment.created_at.desc())
        observations = tuple(item19.observations_in(s, household_id))
        names = {m.id: m.name for m in h.members}
        handed_over_to = ""
        if h.owner_device != db.device_id:
            note = s.get(Setting, f"handed_over:{household_id}")
            handed_over_to = (note.value if note is not None else "") or "其他干部"
    village = divisions().full_name(h.village_code) if h.village_code else ""
    return Profile(
        h,
        village,
        members,
        cadres,
        assessment,
        visits,
        views,
        relief,
        consents,
        attachments,
        handed_over_to,
        observations,
        names,
    )
