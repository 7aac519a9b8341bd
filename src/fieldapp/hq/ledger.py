"""The city-wide ledger as queries: households, a household's file, devices.

Every query takes the signed-in account (`Staff`) and goes through `_scope`, the one place
where a county clerk is kept to their county: a household outside it does not exist for them
(the console and the API answer 404, never 403, so nothing about it leaks). Search, filters,
sorting and paging all happen in SQL over hq_household_index, kept current at ingest.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from fieldapp.domain.divisions import divisions
from fieldapp.domain.idcard import mask_id_number
from fieldapp.domain.vocab import HardshipCategory, HardshipCause, HouseholdStatus
from fieldapp.hq import blind, devicenames
from fieldapp.hq.accounts import Staff, county_name
from fieldapp.hq.ledger_index import village_label
from fieldapp.hq.models import Batch, Device, HouseholdIndex, LedgerRow, Record, ReferralIndex

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

PAGE_SIZE = 20
MAX_PAGE_SIZE = 200
SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name_sort",),  # the first pinyin letter only: names are sealed (hq/sealed.py)
    "village": ("village_code", "name_sort"),
    "category": ("category", "name_sort"),
    "status": ("status", "name_sort"),
    "recent": ("-updated_at",),
}
SORT_LABELS = {
    "name": "姓名拼音",
    "village": "村（社区）",
    "category": "困难类别",
    "status": "建档状态",
    "recent": "最近更新",
}
CAUSE_CODES = {int(c) for c in HardshipCause}
CATEGORIES = [c.value for c in HardshipCategory]
STATUSES = [s.value for s in HouseholdStatus]
_CODE = re.compile(r"^(?:HH-?)?([0-9A-F]{1,8})$", re.IGNORECASE)


class HouseholdSummary(BaseModel):
    """One line of the ledger: ID and phone numbers only masked."""

    id: str
    code: str
    head_name: str
    id_masked: str
    phone_masked: str
    village_code: str
    village: str
    county_code: str
    county: str
    category: str
    status: str
    cadre: str
    device_id: str


class HouseholdPage(BaseModel):
    total: int
    page: int
    page_size: int
    pages: int
    items: list[HouseholdSummary]


class MemberOut(BaseModel):
    name: str
    relation: str
    sex: str
    id_masked: str
    health: str
    work_status: str


class VisitOut(BaseModel):
    visit_date: str
    mode: str
    cadre: str
    living_conditions: str
    demands: str
    notes: str


class ReferralOut(BaseModel):
    id: str
    kind: str
    receiving_body: str
    created_on: str
    status: str
    status_on: str


class AssessmentOut(BaseModel):
    assessed_on: str
    category: str
    main_cause: int
    main_cause_label: str
    per_head_monthly_yuan: str
    reason: str


class HouseholdFile(BaseModel):
    """A household's file, read-only: who lives there, visits, referrals, assessments, its device."""

    summary: HouseholdSummary
    address: str
    device_name: str
    device_revoked: bool
    members: list[MemberOut]
    visits: list[VisitOut]
    referrals: list[ReferralOut]
    assessments: list[AssessmentOut]


class DeviceOut(BaseModel):
    device_id: str
    name: str
    enrolled_at: str
    revoked: bool
    last_batch_at: str
    batches: int
    households: int


@dataclass
class HouseholdQuery:
    q: str = ""
    county: str = ""
    category: str = ""
    status: str = ""
    sort: str = "name"
    page: int = 1
    page_size: int = PAGE_SIZE


# --- the scope: one place ------------------------------------------------------------------------


def _scope(staff: Staff) -> ColumnElement[bool]:
    """The households this account may see: its county's, or the whole city's."""
    if staff.county_code:
        return HouseholdIndex.county_code == staff.county_code
    return true()


def _visible(staff: Staff) -> Select[HouseholdIndex]:
    return select(HouseholdIndex).where(HouseholdIndex.deleted == 0, _scope(staff))


def counties(staff: Staff) -> list[tuple[str, str]]:
    """The counties this account may filter by (code, name)."""
    all_counties = [(d.code, d.name) for d in divisions().counties()]
    return [c for c in all_counties if not staff.county_code or c[0] == staff.county_code]


# --- search --------------------------------------------------------------------------------------


def _match(hq: HQ, term: str) -> ColumnElement[bool]:
    """What one search word means: a printed code, a number or its tail, pinyin initials or a name.

    Names and numbers are matched through their blind index (hq/blind.py): a whole name or its
    beginning, initials or their beginning, a whole ID or phone number, or the last 4 or 6."""
    h = HouseholdIndex
    code = _CODE.match(term)
    if term.upper().startswith("HH") and code:
        if len(code.group(1)) == 8:  # a whole printed code: equality uses the index in any collation
            return h.code == "HH-" + code.group(1).upper()
        return h.code.startswith("HH-" + code.group(1).upper(), autoescape=True)
    if term.isdigit() and len(term) == 12:
        return h.village_code == term
    if term.isdigit() and len(term) == 9:
        return h.village_code.startswith(term, autoescape=True)
    if re.fullmatch(r"[0-9Xx]+|[A-Za-z]+", term):
        return blind.matches(hq.keyring, term)
    places = _villages_named(term)  # village names are known: match their codes, by index
    if not places:
        return blind.matches(hq.keyring, term)
    return or_(blind.matches(hq.keyring, term), h.village_code.in_(places))


@functools.cache
def _village_labels() -> tuple[tuple[str, str], ...]:
    index = divisions()
    return tuple(
        (v.code12, village_label(v.code12)[:100]) for t in index.townships() for v in index.villages(t.code)
    )


def _villages_named(term: str) -> list[str]:
    """The villages whose label (hq_household_index.village_name, "乡镇 村") contains the term."""
    return [code for code, label in _village_labels() if term in label]


def search_households(hq: HQ, staff: Staff, query: HouseholdQuery) -> HouseholdPage:
    h = HouseholdIndex
    stmt = _visible(staff)
    for term in query.q.split()[:5]:
        stmt = stmt.where(_match(hq, term))
    if query.county:
        stmt = stmt.where(h.county_code == query.county)
    if query.category:
        stmt = stmt.where(h.category == query.category)
    if query.status:
        stmt = stmt.where(h.status == query.status)
    size = max(1, min(query.page_size, MAX_PAGE_SIZE))
    order = []
    for key in (*SORTS.get(query.sort, SORTS["name"]), "household_id"):
        col = getattr(h, key.lstrip("-"))
        order.append(col.desc() if key.startswith("-") else col.asc())
    keys = stmt.with_only_columns(h.household_id)
    with hq.session() as s:
        total = int(s.scalar(select(func.count()).select_from(keys.subquery())) or 0)
        pages = max(1, -(-total // size))
        page = max(1, min(query.page, pages))
        # the page's ids first (an index-only scan however deep the page: migration 0009), then
        # only those rows: OFFSET never walks the table itself
        ids = list(s.scalars(keys.order_by(*order).limit(size).offset((page - 1) * size)))
        found = (
            {r.household_id: r for r in s.scalars(select(h).where(h.household_id.in_(ids)))} if ids else {}
        )
        rows = [found[i] for i in ids if i in found]
    return HouseholdPage(
        total=total, page=page, page_size=size, pages=pages, items=[_summary(r) for r in rows]
    )


def _summary(r: HouseholdIndex) -> HouseholdSummary:
    return HouseholdSummary(
        id=r.household_id,
        code=r.code,
        head_name=r.head_name,
        id_masked=r.id_masked,
        phone_masked=r.phone_masked,
        village_code=r.village_code,
        village=r.village_name,
        county_code=r.county_code,
        county=county_name(r.county_code),
        category=r.category,
        status=r.status,
        cadre=r.cadre_name,
        device_id=r.device_id,
    )


# --- a household's file ----------------------------------------------------------------------------


def household_file(hq: HQ, staff: Staff, household_id: str) -> HouseholdFile | None:
    """The file of one household, or None when it does not exist *for this account*."""
    with hq.session() as s:
        idx = s.scalar(_visible(staff).where(HouseholdIndex.household_id == household_id))
        if idx is None:
            return None
        home = s.get(Record, (household_id, "household"))
        h = json.loads(home.data) if home is not None else {}
        rows: dict[str, list[dict[str, Any]]] = {}
        q = (
            select(Record.entity, Record.data)
            .join(LedgerRow, and_(LedgerRow.row_id == Record.row_id, LedgerRow.entity == Record.entity))
            .where(LedgerRow.household_id == household_id, Record.deleted == 0)
        )
        for entity, data in s.execute(q):
            rows.setdefault(entity, []).append(json.loads(data))
        cadre_ids = sorted({str(r["cadre_id"]) for v in rows.values() for r in v if r.get("cadre_id")})
        cadres = {
            rec.row_id: str(json.loads(rec.data).get("name") or "")
            for rec in s.scalars(select(Record).where(Record.entity == "cadre", Record.row_id.in_(cadre_ids)))
        }
        device = s.get(Device, idx.device_id)
        summary = _summary(idx)
    return HouseholdFile(
        summary=summary,
        address=f"{_full_place(idx.village_code)}{h.get('address_detail') or ''}",
        device_name=device.name
        if device is not None
        else ("市总工会" if idx.device_id == "hq" else idx.device_id),
        device_revoked=device is not None and device.revoked_at is not None,
        members=[_member(m) for m in sorted_rows(rows.get("member", []), "created_at")],
        visits=[_visit(v, cadres) for v in reversed(sorted_rows(rows.get("visit", []), "visit_date"))],
        referrals=_referrals(rows.get("referral", []), rows.get("referral_event", [])),
        assessments=[
            _assessment(a) for a in reversed(sorted_rows(rows.get("assessment", []), "assessed_on"))
        ],
    )


def sorted_rows(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (str(r.get(key) or ""), int(r.get("hlc") or 0)))


def _full_place(code: str) -> str:
    return divisions().full_name(code) if divisions().village(code) else village_label(code)


def _text(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def _member(m: dict[str, Any]) -> MemberOut:
    health = _text(m, "health")
    detail = m.get("illness") or _text(m, "disability_category") + _text(m, "disability_grade")
    if detail:
        health += f"（{detail}）"
    return MemberOut(
        name=_text(m, "name"),
        relation=_text(m, "relation"),
        sex=_text(m, "sex"),
        id_masked=mask_id_number(_text(m, "id_number")) if m.get("id_number") else "",
        health=health,
        work_status=_text(m, "work_status"),
    )


def _visit(v: dict[str, Any], cadres: dict[str, str]) -> VisitOut:
    return VisitOut(
        visit_date=_text(v, "visit_date"),
        mode=_text(v, "mode"),
        cadre=cadres.get(_text(v, "cadre_id"), ""),
        living_conditions=_text(v, "living_conditions"),
        demands=_text(v, "demands"),
        notes=_text(v, "notes"),
    )


def _referrals(refs: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[ReferralOut]:
    from fieldapp.domain.referrals import catalogue

    kinds = catalogue()
    latest: dict[str, dict[str, Any]] = {}
    for e in sorted_rows(events, "occurred_on"):
        latest[str(e.get("referral_id"))] = e  # the last status event wins, as on the device
    out = []
    for r in reversed(sorted_rows(refs, "created_on")):
        ev = latest.get(str(r["id"]))
        kind = kinds.get(_text(r, "kind_code"))
        out.append(
            ReferralOut(
                id=str(r["id"]),
                kind=kind.name if kind is not None else _text(r, "kind_code"),
                receiving_body=_text(r, "receiving_body"),
                created_on=_text(r, "created_on"),
                status=_text(ev, "status") if ev else _text(r, "status"),
                status_on=_text(ev, "occurred_on") if ev else _text(r, "status_on"),
            )
        )
    return out


def _assessment(a: dict[str, Any]) -> AssessmentOut:
    from fieldapp.domain.money import format_yuan

    cause = int(a.get("main_cause") or 0)
    return AssessmentOut(
        assessed_on=_text(a, "assessed_on"),
        category=_text(a, "category"),
        main_cause=cause,
        main_cause_label=HardshipCause(cause).label if cause in CAUSE_CODES else str(cause),
        per_head_monthly_yuan=format_yuan(int(a.get("per_head_monthly_fen") or 0)),
        reason=_text(a, "reason"),
    )


# --- devices ----------------------------------------------------------------------------------------


def devices(hq: HQ, staff: Staff) -> list[DeviceOut]:
    """Devices with their last batch; a county clerk sees those holding households of the county."""
    with hq.session() as s:
        counts = dict(
            s.execute(
                select(HouseholdIndex.device_id, func.count())
                .where(HouseholdIndex.deleted == 0, _scope(staff))
                .group_by(HouseholdIndex.device_id)
            ).all()
        )
        last = dict(
            s.execute(select(Batch.device_id, func.max(Batch.received_at)).group_by(Batch.device_id)).all()
        )
        nbatches = dict(s.execute(select(Batch.device_id, func.count()).group_by(Batch.device_id)).all())
        found = devicenames.ordered(s)
    out = []
    for d in found:
        if staff.county_code and not counts.get(d.device_id):
            continue
        at = last.get(d.device_id)
        out.append(
            DeviceOut(
                device_id=d.device_id,
                name=d.name,
                enrolled_at=local_time(d.enrolled_at),
                revoked=d.revoked_at is not None,
                last_batch_at=local_time(at) if at is not None else "",
                batches=int(nbatches.get(d.device_id, 0)),
                households=int(counts.get(d.device_id, 0)),
            )
        )
    return out


def local_time(at: Any) -> str:
    """Beijing time for people reading the console (the server's clock may be in UTC)."""
    import datetime as dt

    if isinstance(at, dt.datetime):
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        return str(at.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M"))
    return str(at or "")


# --- referrals ---------------------------------------------------------------------------------------

_REF_CODE = re.compile(r"^(?:ZJ-?)([0-9A-F]{1,8})$", re.IGNORECASE)


class ReferralLine(BaseModel):
    """One line of the 转介 page; overdue when an open referral's follow-up date has passed."""

    id: str
    code: str
    household_id: str
    household_code: str
    head_name: str
    county: str
    kind_code: str
    kind: str
    receiving_body: str
    created_on: str
    status: str
    status_on: str
    follow_up_due: str
    overdue_days: int


class ReferralPage(BaseModel):
    total: int
    overdue: int
    page: int
    page_size: int
    pages: int
    items: list[ReferralLine]


class ReferralEventOut(BaseModel):
    status: str
    occurred_on: str
    note: str
    recorded_by: str
    at_hq: bool


class ReferralDetail(BaseModel):
    line: ReferralLine
    reason: str
    events: list[ReferralEventOut]
    steps: list[str]  # the outcomes headquarters may record next (receiving body's answers)


@dataclass
class ReferralQuery:
    q: str = ""
    county: str = ""
    status: str = ""
    kind: str = ""
    overdue: bool = False
    page: int = 1
    page_size: int = PAGE_SIZE


def referral_kinds() -> list[tuple[str, str]]:
    from fieldapp.domain.referrals import catalogue

    return [(k.code, k.name) for k in catalogue().values()]


def referral_statuses() -> list[str]:
    from fieldapp.domain.vocab import ReferralStatus

    return [s.value for s in ReferralStatus]


def outcome_steps(current: str) -> list[str]:
    """What a receiving body can answer from this status: 已受理, 已办结, 已退回 or 已撤销, in order."""
    from fieldapp.domain.referrals import TRANSITIONS
    from fieldapp.domain.vocab import ReferralStatus as S

    try:
        allowed = TRANSITIONS[S(current)]
    except ValueError:
        return []
    if S(current) == S.DRAFT:
        return []  # not sent yet: nobody has received it
    return [s.value for s in (S.ACCEPTED, S.COMPLETED, S.RETURNED, S.WITHDRAWN) if s in allowed]


def _referral_scope(staff: Staff) -> ColumnElement[bool]:
    """The referrals this account may see, from hq_referral_index alone: live referrals of live
    households (of its county for a county clerk). The household's county and deletion are kept
    on the referral's index row at ingest (hq.ledger_index), so no join decides the scope."""
    r = ReferralIndex
    live = and_(r.deleted == 0, r.household_deleted == 0)
    return and_(r.county_code == staff.county_code, live) if staff.county_code else live


def _visible_referrals(staff: Staff) -> Select[ReferralIndex, HouseholdIndex]:
    return (
        select(ReferralIndex, HouseholdIndex)
        .join(HouseholdIndex, HouseholdIndex.household_id == ReferralIndex.household_id)
        .where(_referral_scope(staff))
    )


def _referral_match(hq: HQ, term: str) -> ColumnElement[bool]:
    code = _REF_CODE.match(term)
    if code:
        return ReferralIndex.code.startswith("ZJ-" + code.group(1).upper(), autoescape=True)
    homes = select(HouseholdIndex.household_id).where(_match(hq, term))  # names, numbers, HH-, villages
    return or_(
        ReferralIndex.receiving_body.contains(term, autoescape=True), ReferralIndex.household_id.in_(homes)
    )


def search_referrals(hq: HQ, staff: Staff, query: ReferralQuery, today: str = "") -> ReferralPage:
    """The 转介 page: scope, filters, counts and paging over hq_referral_index and its composite
    indexes (migration 0012), newest first; the page's 20 ids first, then only their rows."""
    from fieldapp.domain import clock

    today = today or clock.today().isoformat()
    r = ReferralIndex
    keys = select(r.referral_id).where(_referral_scope(staff))
    for term in query.q.split()[:5]:
        keys = keys.where(_referral_match(hq, term))
    if query.county:
        keys = keys.where(r.county_code == query.county)
    if query.status:
        keys = keys.where(r.status == query.status)
    if query.kind:
        keys = keys.where(r.kind_code == query.kind)
    late = and_(r.follow_up_due > "", r.follow_up_due < today)  # a range of the due-date indexes
    size = max(1, min(query.page_size, MAX_PAGE_SIZE))
    with hq.session() as s:
        overdue = int(s.scalar(select(func.count()).select_from(keys.where(late).subquery())) or 0)
        if query.overdue:
            keys = keys.where(late)
        total = (
            overdue
            if query.overdue
            else int(s.scalar(select(func.count()).select_from(keys.subquery())) or 0)
        )
        pages = max(1, -(-total // size))
        page = max(1, min(query.page, pages))
        # newest first; both keys descending so one index is walked backwards in order
        ordered = keys.order_by(r.created_on.desc(), r.referral_id.desc())
        ids = list(s.scalars(ordered.limit(size).offset((page - 1) * size)))
        refs = {x.referral_id: x for x in s.scalars(select(r).where(r.referral_id.in_(ids)))} if ids else {}
        hids = sorted({x.household_id for x in refs.values()})
        homes = (
            {
                h.household_id: h
                for h in s.scalars(select(HouseholdIndex).where(HouseholdIndex.household_id.in_(hids)))
            }
            if hids
            else {}
        )
        rows = [(refs[i], homes.get(refs[i].household_id)) for i in ids if i in refs]
    return ReferralPage(
        total=total,
        overdue=overdue,
        page=page,
        page_size=size,
        pages=pages,
        items=[_referral_line(ref, home, today) for ref, home in rows],
    )


def _referral_line(r: ReferralIndex, h: HouseholdIndex | None, today: str) -> ReferralLine:
    import datetime as dt

    from fieldapp.domain.referrals import catalogue
    from fieldapp.hq.ledger_index import household_code

    kind = catalogue().get(r.kind_code)
    late = 0
    if r.follow_up_due and r.follow_up_due < today:
        late = (dt.date.fromisoformat(today) - dt.date.fromisoformat(r.follow_up_due)).days
    return ReferralLine(
        id=r.referral_id,
        code=r.code,
        household_id=r.household_id,
        household_code=h.code if h is not None else household_code(r.household_id),
        head_name=h.head_name if h is not None else "",
        county=county_name(r.county_code),
        kind_code=r.kind_code,
        kind=kind.name if kind is not None else r.kind_code,
        receiving_body=r.receiving_body,
        created_on=r.created_on,
        status=r.status,
        status_on=r.status_on,
        follow_up_due=r.follow_up_due,
        overdue_days=late,
    )


def referral_detail(hq: HQ, staff: Staff, referral_id: str) -> ReferralDetail | None:
    """One referral with its status history, or None when it does not exist *for this account*."""
    from fieldapp.domain import clock

    with hq.session() as s:
        found = s.execute(_visible_referrals(staff).where(ReferralIndex.referral_id == referral_id)).first()
        if found is None:
            return None
        ref, home = found[0], found[1]
        rec = s.get(Record, (referral_id, "referral"))
        reason = _text(json.loads(rec.data), "reason") if rec is not None else ""
        events = []
        q = (
            select(Record.data)
            .join(LedgerRow, and_(LedgerRow.row_id == Record.row_id, LedgerRow.entity == Record.entity))
            .where(
                LedgerRow.household_id == ref.household_id,
                LedgerRow.entity == "referral_event",
                Record.deleted == 0,
            )
        )
        for (data,) in s.execute(q):
            e = json.loads(data)
            if str(e.get("referral_id")) == referral_id:
                events.append(e)
        line = _referral_line(ref, home, clock.today().isoformat())
    return ReferralDetail(
        line=line,
        reason=reason,
        events=[
            ReferralEventOut(
                status=_text(e, "status"),
                occurred_on=_text(e, "occurred_on"),
                note=_text(e, "note"),
                recorded_by=_text(e, "recorded_by"),
                at_hq=e.get("origin_device") == "hq",
            )
            for e in sorted_rows(events, "occurred_on")
        ],
        steps=outcome_steps(line.status),
    )


def referral_from_scan(hq: HQ, staff: Staff, text: str) -> str | None:
    """The referral behind a scanned return stub (FAREF1:…) or a typed ZJ- code, within scope.

    Raises ValueError with a Chinese message for a damaged or foreign QR text."""
    from fieldapp.printing import qr
    from fieldapp.printing.errors import PayloadError

    raw = text.strip()
    if raw.upper().startswith(qr.PREFIX + ":"):
        try:
            wanted = ReferralIndex.referral_id == qr.parse_referral_payload(raw)
        except PayloadError as e:
            raise ValueError(str(e)) from None
    else:
        code = _REF_CODE.match(raw)
        if code is None or len(code.group(1)) != 8:
            raise ValueError("请扫描转介回执上的二维码，或输入转介单上的编号（ZJ-加8位字母数字）。")
        wanted = ReferralIndex.code == "ZJ-" + code.group(1).upper()
    with hq.session() as s:
        ids = [row[0].referral_id for row in s.execute(_visible_referrals(staff).where(wanted).limit(2))]
    return ids[0] if len(ids) == 1 else None


# --- conflicts ---------------------------------------------------------------------------------------


class ConflictField(BaseModel):
    label: str
    a: str
    b: str


class ConflictOut(BaseModel):
    id: int
    kind: str
    entity: str
    household_id: str
    household: str  # HH-… and the head's name, or ""
    version: int
    device_a: str
    device_b: str
    fields: list[ConflictField]
    detected_at: str
    resolved: bool
    kept: str
    resolved_by: str
    note: str


def sees_the_whole_city(staff: Staff) -> bool:
    """Device alerts and reference data are city-wide: only accounts without a county scope see them."""
    return not staff.county_code


def visible_conflicts(s: Session, staff: Staff) -> set[int] | None:
    """The conflicts of the households this account may see (None: all of them).

    A conflict belongs to the household of its row (hq_ledger_row) or is the household row itself;
    a conflict of a row without a household (a cadre) is seen by whole-city accounts only."""
    if sees_the_whole_city(staff):
        return None
    from fieldapp.hq.models import Conflict

    h = HouseholdIndex
    own = (
        select(Conflict.id)
        .join(h, and_(Conflict.entity == "household", h.household_id == Conflict.row_id))
        .where(_scope(staff))
    )
    linked = (
        select(Conflict.id)
        .join(LedgerRow, and_(LedgerRow.row_id == Conflict.row_id, LedgerRow.entity == Conflict.entity))
        .join(h, h.household_id == LedgerRow.household_id)
        .where(_scope(staff))
    )
    return set(s.scalars(own)) | set(s.scalars(linked))


def conflict_visible(hq: HQ, staff: Staff, conflict_id: int) -> bool:
    with hq.session() as s:
        ids = visible_conflicts(s, staff)
    return ids is None or conflict_id in ids


def conflicts(
    hq: HQ, staff: Staff, include_resolved: bool = False, ids: list[int] | None = None
) -> list[ConflictOut]:
    """The conflict queue (or only the conflicts `ids`), both values under Chinese labels; a
    county clerk's county only."""
    import datetime as dt

    from fieldapp.hq import labels

    items = hq.conflicts(include_resolved, ids)
    out = []
    with hq.session() as s:
        mine = visible_conflicts(s, staff)
        if mine is not None:
            items = [c for c in items if int(c["id"]) in mine]
        for c in items:
            row_id, entity = str(c["row_id"]), str(c["entity"])
            hid = row_id if entity == "household" else ""
            if not hid:
                link = s.get(LedgerRow, (row_id, entity))
                hid = link.household_id if link is not None else ""
            idx = s.get(HouseholdIndex, hid) if hid else None
            fields = [
                ConflictField(label=labels.field(k), a=labels.value(va), b=labels.value(vb))
                for k, (va, vb) in c["differs"].items()
                if k not in labels.BOOKKEEPING
            ]
            out.append(
                ConflictOut(
                    id=int(c["id"]),
                    kind=labels.CONFLICT_KINDS.get(str(c["kind"]), "冲突"),
                    entity=labels.ENTITIES.get(entity, "记录"),
                    household_id=hid if idx is not None else "",
                    household=f"{idx.code} {idx.head_name}" if idx is not None else "",
                    version=int(c["version"]),
                    device_a=str(c["a"]["device"]),
                    device_b=str(c["b"]["device"]),
                    fields=fields,
                    detected_at=local_time(dt.datetime.fromisoformat(str(c["detected_at"]))),
                    resolved=bool(c["resolved_at"]),
                    kept=str(c["kept"] or ""),
                    resolved_by=str(c["resolved_by"] or ""),
                    note=str(c["note"] or ""),
                )
            )
    return out


# --- device alerts ---------------------------------------------------------------------------------

ALERT_LABELS = {
    "CLONED_DATABASE": "疑似复制的数据库（克隆）",
    "DEVICE_REVOKED": "已停用的设备仍在上传",
    "SEQ_CONFLICT": "批次编号重复而内容不同",
    "SEQ_TOO_FAR": "批次编号跳得太远",
    "TOO_LARGE": "批次过大被拒收",
}


class AlertOut(BaseModel):
    at: str
    device: str
    kind: str
    message: str


def alerts(hq: HQ, staff: Staff, limit: int = 50) -> list[AlertOut]:
    """The latest refused batches and warnings about devices, newest first (whole-city accounts)."""
    from fieldapp.hq.models import Alert

    if not sees_the_whole_city(staff):
        return []
    with hq.session() as s:
        rows = list(s.scalars(select(Alert).order_by(Alert.id.desc()).limit(limit)))
        wanted = sorted({a.device_id for a in rows})  # the names of these devices only, not of all
        names = dict(
            s.execute(select(Device.device_id, Device.name).where(Device.device_id.in_(wanted))).all()
        )
        return [
            AlertOut(
                at=local_time(a.at),
                device=names.get(a.device_id, "未登记的设备"),
                kind=ALERT_LABELS.get(a.code, "批次被拒收"),
                message=a.message,
            )
            for a in rows
        ]
