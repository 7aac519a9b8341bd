"""Households and their members."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import vocab
from fieldapp.domain.divisions import divisions
from fieldapp.domain.errors import RuleViolation, ValidationError
from fieldapp.domain.people import (
    HouseholdData,
    MemberData,
    missing_fields,
    normalize_household,
    normalize_member,
)
from fieldapp.domain.search import pinyin_initials
from fieldapp.services.cadres import pair_in_session
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.storage.base import new_uuid
from fieldapp.storage.db import Database
from fieldapp.storage.models import Assessment, Cadre, Household, Member, Pairing


@dataclass(frozen=True)
class Saved:
    id: str
    warnings: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class HouseholdRow:
    """What the household list and `fieldapp list households` show of one household."""

    id: str
    head_name: str
    head_initials: str
    head_id_number: str
    phone: str
    village_code: str
    village_name: str
    category: str
    main_cause: int | None
    cadre_names: tuple[str, ...]
    missing: tuple[str, ...]
    status: str
    member_count: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False)


_MEMBER_FIELDS = [f for f in MemberData.__dataclass_fields__ if f != "warnings"]
_HOUSEHOLD_FIELDS = list(HouseholdData.__dataclass_fields__)


def _member_values(data: MemberData) -> dict[str, object]:
    values = {k: v for k, v in asdict(data).items() if k in _MEMBER_FIELDS}
    values["name_initials"] = pinyin_initials(data.name)
    return values


def _check_unique_id(session: Session, id_number: str | None, except_member: str | None = None) -> None:
    if not id_number:
        return
    other = session.scalar(
        select(Member).where(
            Member.id_number == id_number, Member.deleted.is_(False), Member.id != (except_member or "")
        )
    )
    if other is not None:
        raise RuleViolation(
            "id_number", f"身份证号 {id_number} 已登记为“{other.name}”（另一户或同一户），不能重复登记"
        )


def _household_data(h: Household) -> HouseholdData:
    return HouseholdData(**{k: getattr(h, k) for k in _HOUSEHOLD_FIELDS})


def household_data(h: Household) -> HouseholdData:
    """The editable basic fields of a stored household (the edit form starts from these)."""
    return _household_data(h)


def _member_data(m: Member) -> MemberData:
    return MemberData(**{k: getattr(m, k) for k in _MEMBER_FIELDS})


def _refresh_missing(session: Session, h: Household) -> tuple[str, ...]:
    session.flush()
    session.refresh(h, ["members"])
    head = h.head
    missing = tuple(missing_fields(_household_data(h), _member_data(head) if head else None))
    h.missing_fields = ",".join(missing)
    return missing


def create_household(
    db: Database,
    household: HouseholdData,
    head: MemberData,
    *,
    source: str = "manual",
    cadre_id: str | None = None,
    pairing_reason: str = "",
) -> Saved:
    """Create a household with its head; pair it with `cadre_id` when given."""
    with db.session() as s:
        return create_household_in(
            s, db.device_id, household, head, source=source, cadre_id=cadre_id, pairing_reason=pairing_reason
        )


def new_household_rows(
    device_id: str, household: HouseholdData, head: MemberData, *, source: str
) -> tuple[Household, Member, tuple[str, ...], tuple[str, ...]]:
    """The rows of a new household and its head, not yet added to a session; with what is
    missing and the head's warnings. The caller has checked that the ID number is not registered."""
    household = normalize_household(household)
    head = normalize_member(head)
    if head.relation != vocab.Relation.HEAD:
        raise RuleViolation("relation", "新建户时第一位成员应为户主")
    # a new household's only member is its head: what is missing follows from the data at hand,
    # so no flush and reload per household (the importer saves thousands in one transaction)
    missing = tuple(missing_fields(household, head))
    h = Household(
        id=new_uuid(),
        owner_device=device_id,
        source=source,
        missing_fields=",".join(missing),
        **asdict(household),
    )
    return h, Member(household_id=h.id, **_member_values(head)), missing, head.warnings


def create_household_in(
    s: Session,
    device_id: str,
    household: HouseholdData,
    head: MemberData,
    *,
    source: str = "manual",
    cadre_id: str | None = None,
    pairing_reason: str = "",
    unique_checked: bool = False,
) -> Saved:
    """create_household inside an open session (the importer saves a list in few transactions)."""
    if not unique_checked:
        _check_unique_id(s, normalize_member(head).id_number)
    h, m, missing, warnings = new_household_rows(device_id, household, head, source=source)
    s.add(h)
    s.add(m)
    if cadre_id:
        pair_in_session(s, cadre_id, h.id, reason=pairing_reason)
    return Saved(h.id, warnings, missing)


def update_household(db: Database, household_id: str, household: HouseholdData) -> Saved:
    household = normalize_household(household)
    with db.session() as s:
        h = writable_household(s, household_id)
        for k, v in asdict(household).items():
            setattr(h, k, v)
        return Saved(h.id, (), _refresh_missing(s, h))


def add_member(db: Database, household_id: str, member: MemberData) -> Saved:
    with db.session() as s:
        return add_member_in(s, household_id, member)


def add_member_in(s: Session, household_id: str, member: MemberData) -> Saved:
    """add_member inside an open session (the importer adds a list's members in one transaction)."""
    member = normalize_member(member)
    h = writable_household(s, household_id)
    if member.relation == vocab.Relation.HEAD and h.head is not None:
        raise RuleViolation("relation", f"这户已有户主“{h.head.name}”")
    _check_unique_id(s, member.id_number)
    m = Member(household_id=h.id, **_member_values(member))
    s.add(m)
    s.flush()
    _refresh_missing(s, h)
    return Saved(m.id, member.warnings)


def update_member(db: Database, member_id: str, member: MemberData) -> Saved:
    member = normalize_member(member)
    with db.session() as s:
        m = get_live(s, Member, member_id)
        writable_household(s, m.household_id)
        if member.relation == vocab.Relation.HEAD and m.relation != vocab.Relation.HEAD:
            head = m.household.head
            if head is not None:
                raise RuleViolation("relation", f"这户已有户主“{head.name}”")
        _check_unique_id(s, member.id_number, except_member=m.id)
        for k, v in _member_values(member).items():
            setattr(m, k, v)
        _refresh_missing(s, m.household)
        return Saved(m.id, member.warnings)


def remove_member(db: Database, member_id: str) -> None:
    """Tombstone a member (kept for sync and history); the head cannot be removed."""
    with db.session() as s:
        m = get_live(s, Member, member_id)
        writable_household(s, m.household_id)
        if m.relation == vocab.Relation.HEAD:
            raise RuleViolation("relation", "不能删除户主；请先把另一位成员设为户主")
        m.deleted = True


def get_household(db: Database, household_id: str) -> Household:
    """The household with its live members loaded (detached, read-only use)."""
    with db.session() as s:
        h = get_live(s, Household, household_id)
        _ = [m for m in h.members]
        _ = [p.cadre.name for p in h.pairings]
        return h


def live_members(h: Household) -> list[Member]:
    return [m for m in h.members if not m.deleted]


def find_member_by_id_number(db: Database, id_number: str) -> Member | None:
    with db.session() as s:
        return s.scalar(select(Member).where(Member.id_number == id_number, Member.deleted.is_(False)))


def list_households(db: Database) -> list[HouseholdRow]:
    """All live households with head, village, current category and paired cadres."""
    index = divisions()
    with db.session() as s:
        households = list(s.scalars(select(Household).where(Household.deleted.is_(False))))
        heads: dict[str, Member] = {}
        counts: dict[str, int] = {}
        for m in s.scalars(select(Member).where(Member.deleted.is_(False))):
            counts[m.household_id] = counts.get(m.household_id, 0) + 1
            if m.relation == vocab.Relation.HEAD:
                heads[m.household_id] = m
        latest: dict[str, Assessment] = {}
        for a in s.scalars(
            select(Assessment)
            .where(Assessment.deleted.is_(False))
            .order_by(Assessment.assessed_on, Assessment.hlc)
        ):
            latest[a.household_id] = a
        cadres: dict[str, list[str]] = {}
        for household_id, name in s.execute(
            select(Pairing.household_id, Cadre.name)
            .join(Cadre, Cadre.id == Pairing.cadre_id)
            .where(Pairing.ended_on.is_(None), Pairing.deleted.is_(False))
        ):
            cadres.setdefault(household_id, []).append(name)
    rows: list[HouseholdRow] = []
    for h in households:
        head = heads.get(h.id)
        village = index.village(h.village_code) if h.village_code else None
        current = latest.get(h.id)
        rows.append(
            HouseholdRow(
                id=h.id,
                head_name=head.name if head else "",
                head_initials=head.name_initials if head else "",
                head_id_number=(head.id_number or "") if head else "",
                phone=h.phone or (head.phone if head and head.phone else ""),
                village_code=h.village_code or "",
                village_name=index.full_name(h.village_code) if village and h.village_code else "",
                category=current.category.value if current else "",
                main_cause=current.main_cause if current else None,
                cadre_names=tuple(sorted(cadres.get(h.id, []))),
                missing=tuple(f for f in h.missing_fields.split(",") if f),
                status=h.status.value,
                member_count=counts.get(h.id, 0),
            )
        )
    rows.sort(key=lambda r: (r.village_code, r.head_initials, r.id))
    return rows


def close_household(
    db: Database, household_id: str, *, closed_on: dt.date | None = None, note: str = ""
) -> None:
    """销档: the household leaves the active list (its file stays, and syncs, until retention)."""
    on = closed_on or today()
    if on > today():
        raise ValidationError.single("closed_on", "销档日期", "不能晚于今天")
    with db.session() as s:
        h = writable_household(s, household_id)
        h.status = vocab.HouseholdStatus.CLOSED
        h.closed_on = on
        if note.strip():
            h.note = (h.note + "\n" if h.note else "") + f"{on.isoformat()} 销档：{note.strip()}"


def update_basics(
    db: Database, household_id: str, household: HouseholdData, status: vocab.HouseholdStatus | None = None
) -> Saved:
    """The edit form: basic fields and the file's status (在档 → 拟销档 → 已销档, or back to 在档,
    by the steps `domain.people` allows) in one unit of work — all saved, or nothing."""
    from fieldapp.domain.people import check_status_change

    household = normalize_household(household)
    with db.session() as s:
        h = writable_household(s, household_id)
        if status is not None and status != h.status:
            check_status_change(h.status, status)
            h.status = status
            h.closed_on = today() if status == vocab.HouseholdStatus.CLOSED else None
        for k, v in asdict(household).items():
            setattr(h, k, v)
        return Saved(h.id, (), _refresh_missing(s, h))
