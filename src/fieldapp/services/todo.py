"""What a cadre must do next: visits due or overdue, referral follow-ups, re-survey progress."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import vocab
from fieldapp.domain.referrals import OPEN, catalogue
from fieldapp.services import drafts
from fieldapp.services.common import today
from fieldapp.services.visits import MAX_VISIT_INTERVAL_DAYS
from fieldapp.storage.db import Database
from fieldapp.storage.models import Household, Member, Pairing, Referral, Visit

# Items due within this many days are listed as "due soon" alongside the overdue ones.
DUE_SOON_DAYS = 7
# The re-survey (再摸底): "about one month" of face-to-face visits (临会发〔2014〕20号).
RESURVEY_DAYS = 30


@dataclass(frozen=True)
class TodoItem:
    kind: str  # "visit" | "referral"
    household_id: str
    head_name: str
    due: dt.date
    overdue_days: int  # > 0 overdue, 0 due today, < 0 days left
    title: str  # in Chinese, for logs and the command line; the workbench builds its own
    referral_id: str | None = None
    last_visit: dt.date | None = None  # a visit item: the last visit (None = never visited)
    referral_kind: str = ""  # a follow-up: the kind's Chinese name, its status and receiving body
    referral_status: vocab.ReferralStatus | None = None
    receiving_body: str = ""

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


# Forms whose drafts the workbench offers back (keys ``kind:household id[:record id]``,
# ``household:new`` for a household not created yet — see ui/form_drafts.py).
DRAFT_KINDS = ("visit", "referral", "household", "member", "relief", "consent", "assessment")
NEW_HOUSEHOLD = "new"


@dataclass(frozen=True)
class WaitingDraft:
    """A form typed on this laptop and not saved yet (services.drafts)."""

    kind: str  # one of DRAFT_KINDS
    household_id: str  # "" for a household not created yet
    head_name: str
    updated_at: dt.datetime
    record_id: str = ""  # the member being edited, for a member draft


def waiting_drafts(db: Database) -> list[WaitingDraft]:
    """Unsaved forms of live households, newest first: the workbench lists them so a draft
    left by a crash or a closed window is finished, not forgotten."""
    _mine, heads = _scope(db, None)  # a draft is this laptop's work, whoever's household it is
    out = []
    for d in drafts.list_drafts(db):
        kind, _sep, rest = d.key.partition(":")
        household_id, _sep, record_id = rest.partition(":")
        if kind not in DRAFT_KINDS:
            continue
        if kind == "household" and household_id == NEW_HOUSEHOLD:
            name = str(d.payload.get("head_name") or "").strip()
            out.append(WaitingDraft(kind, "", name, d.updated_at))
        elif household_id in heads:
            out.append(WaitingDraft(kind, household_id, heads[household_id], d.updated_at, record_id))
    return out


@dataclass(frozen=True)
class ResurveyProgress:
    start: dt.date
    end: dt.date
    visited: int
    total: int
    to_visit: tuple[str, ...]  # household ids not yet visited face to face in the period
    name: str = ""  # the campaign's name when headquarters set the period, else ""

    @property
    def remaining(self) -> int:
        return self.total - self.visited

    def overdue(self, on: dt.date) -> int:
        """Households not visited face to face by the end of the period, once it has passed."""
        return self.remaining if on > self.end else 0


def _scope(db: Database, cadre_id: str | None) -> tuple[set[str] | None, dict[str, str]]:
    """Household ids in scope (None = all) and the head's name of every live household."""
    with db.session() as s:
        heads = dict(
            s.execute(
                select(Member.household_id, Member.name)
                .join(Household, Household.id == Member.household_id)
                .where(
                    Member.relation == vocab.Relation.HEAD,
                    Member.deleted.is_(False),
                    Household.deleted.is_(False),
                    Household.status != vocab.HouseholdStatus.CLOSED,
                )
            ).all()
        )
        if cadre_id is None:
            return None, heads
        mine = set(
            s.scalars(
                select(Pairing.household_id).where(
                    Pairing.cadre_id == cadre_id, Pairing.ended_on.is_(None), Pairing.deleted.is_(False)
                )
            )
        )
    return mine, heads


def todo_items(
    db: Database, *, cadre_id: str | None = None, on: dt.date | None = None, horizon_days: int = DUE_SOON_DAYS
) -> list[TodoItem]:
    """Overdue and soon-due visits and referral follow-ups, most overdue first."""
    day = on or today()
    limit = day + dt.timedelta(days=horizon_days)
    scope, heads = _scope(db, cadre_id)
    ids = set(heads) if scope is None else scope & set(heads)
    items: list[TodoItem] = []
    kinds = catalogue()
    with db.session() as s:
        latest: dict[str, Visit] = {}
        for v in s.scalars(
            select(Visit).where(Visit.deleted.is_(False)).order_by(Visit.visit_date, Visit.hlc)
        ):
            latest[v.household_id] = v
        created: dict[str, dt.datetime] = {
            hid: at for hid, at in s.execute(select(Household.id, Household.created_at))
        }
        referrals = list(
            s.scalars(
                select(Referral).where(
                    Referral.deleted.is_(False),
                    Referral.status.in_(list(OPEN)),
                    Referral.follow_up_due.is_not(None),
                    Referral.follow_up_due <= limit,
                )
            )
        )
    for hid in ids:
        last = latest.get(hid)
        if last is not None:
            due = last.next_visit_due or last.visit_date + dt.timedelta(days=MAX_VISIT_INTERVAL_DAYS)
            title = "上次走访 " + last.visit_date.isoformat()
        else:
            start = created.get(hid)
            due = start.date() if start is not None else day
            title = "尚未走访"
        if due <= limit:
            items.append(
                TodoItem(
                    "visit",
                    hid,
                    heads[hid],
                    due,
                    (day - due).days,
                    title,
                    last_visit=last.visit_date if last is not None else None,
                )
            )
    for r in referrals:
        if r.household_id not in ids or r.follow_up_due is None:
            continue
        kind = kinds.get(r.kind_code)
        name = kind.name if kind else r.kind_code
        items.append(
            TodoItem(
                "referral",
                r.household_id,
                heads[r.household_id],
                r.follow_up_due,
                (day - r.follow_up_due).days,
                f"转介跟进：{name}（{r.status.value}，{r.receiving_body}）",
                referral_id=r.id,
                referral_kind=name,
                referral_status=r.status,
                receiving_body=r.receiving_body,
            )
        )
    items.sort(key=lambda i: (i.due, i.kind, i.head_name))
    return items


def resurvey_period(db: Database, local_start: dt.date) -> tuple[str, dt.date, dt.date]:
    """(name, start, end) of the re-survey: headquarters' campaign when one was received and
    concerns this device, else the locally set start and RESURVEY_DAYS (name "")."""
    from fieldapp.services import campaign

    found = campaign.current(db)
    if found is not None:
        return found.name, found.start, found.end
    return "", local_start, local_start + dt.timedelta(days=RESURVEY_DAYS - 1)


def resurvey_progress(
    db: Database,
    start: dt.date,
    *,
    days: int = RESURVEY_DAYS,
    cadre_id: str | None = None,
    end: dt.date | None = None,
    name: str = "",
) -> ResurveyProgress:
    """How many households in scope had a home or workplace visit between start and start+days
    (or `end`, a campaign's last day)."""
    end = end or start + dt.timedelta(days=days - 1)
    scope, heads = _scope(db, cadre_id)
    ids = set(heads) if scope is None else scope & set(heads)
    with db.session() as s:
        visited = set(
            s.scalars(
                select(Visit.household_id).where(
                    Visit.deleted.is_(False),
                    Visit.visit_date >= start,
                    Visit.visit_date <= end,
                    Visit.mode.in_([vocab.VisitMode.HOME, vocab.VisitMode.WORKPLACE]),
                )
            )
        )
    done = ids & visited
    to_visit = tuple(sorted(ids - done, key=lambda h: heads[h]))
    return ResurveyProgress(start, end, len(done), len(ids), to_visit, name)


@dataclass(frozen=True)
class CadrePairing:
    cadre_id: str
    cadre_name: str
    active: int
    warning: str | None  # None when within 2–4 (domain.pairing.pairing_warning)


def pairing_overview(db: Database) -> list[CadrePairing]:
    """The 2–4 pairing indicator of every cadre in one query (cadres.pairing_status for one)."""
    from sqlalchemy import func

    from fieldapp.domain.pairing import pairing_warning
    from fieldapp.storage.models import Cadre

    with db.session() as s:
        counts = dict(
            s.execute(
                select(Pairing.cadre_id, func.count())
                .where(Pairing.ended_on.is_(None), Pairing.deleted.is_(False))
                .group_by(Pairing.cadre_id)
            ).all()
        )
        cadres = list(
            s.execute(select(Cadre.id, Cadre.name).where(Cadre.deleted.is_(False)).order_by(Cadre.name))
        )
    return [
        CadrePairing(cid, name, int(counts.get(cid, 0)), pairing_warning(int(counts.get(cid, 0))))
        for cid, name in cadres
    ]
