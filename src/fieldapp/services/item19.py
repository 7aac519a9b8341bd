"""Item-19 observations (总工发〔2015〕14号): record, confirm unchanged, latest, history.

An observation is one `household_economy` row and one `worker_status` row per working-age
member, all with the same date; rows are append-only, so the history is the rows themselves.
A visit saves its observation in the visit's own transaction (`add_for_visit`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import item19 as rules
from fieldapp.domain.errors import FieldProblem, RuleViolation, ValidationError
from fieldapp.services.common import today, writable_household
from fieldapp.storage.db import Database
from fieldapp.storage.models import HouseholdEconomy, Member, WorkerStatus


@dataclass(frozen=True)
class EconomyValues:
    """A household's figures in whole yuan; None is 未填."""

    annual_income: int | None = None
    expense_food: int | None = None
    expense_housing: int | None = None
    expense_medical: int | None = None
    expense_schooling: int | None = None
    expense_other: int | None = None
    arrears_amount: int | None = None
    arrears_employer: str = ""
    arrears_reported_on: dt.date | None = None

    @property
    def empty(self) -> bool:
        return all(rules.blank(f.name) == getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class WorkerValues:
    """One working-age member's figures; codes from fieldapp.domain.item19."""

    member_id: str
    employment: str | None = None
    employer: str = ""
    monthly_income: int | None = None
    training_wanted: str = ""
    training_received: str = ""
    certificate: str = ""
    insurance: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Worker:
    member_id: str
    name: str
    relation: str


@dataclass(frozen=True)
class Observation:
    id: str  # the household_economy row
    household_id: str
    observed_on: dt.date
    visit_id: str | None
    economy: EconomyValues
    workers: tuple[WorkerValues, ...] = ()


@dataclass(frozen=True)
class VisitObservation:
    """What the visit form hands in: per dimension confirmed unchanged, or typed (changed);
    a dimension neither confirmed nor changed is not recorded (未填) in this observation."""

    confirmed: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    economy: EconomyValues = field(default_factory=EconomyValues)
    workers: tuple[WorkerValues, ...] = ()

    @property
    def anything(self) -> bool:
        return bool(self.confirmed or self.changed)


# --- reading ---------------------------------------------------------------------------------


def workers_of(db: Database, household_id: str, on: dt.date | None = None) -> list[Worker]:
    """The household's live members of working age on `on` (the ones a worker_status is for)."""
    with db.session() as s:
        return _workers(s, household_id, on or today())


def _workers(s: Session, household_id: str, on: dt.date) -> list[Worker]:
    members = s.scalars(
        select(Member)
        .where(Member.household_id == household_id, Member.deleted.is_(False))
        .order_by(Member.created_at)
    )
    return [Worker(m.id, m.name, m.relation.value) for m in members if rules.is_working_age(m.birth_date, on)]


def _economy(row: HouseholdEconomy) -> EconomyValues:
    return EconomyValues(**{f.name: getattr(row, f.name) for f in fields(EconomyValues)})


def _worker(row: WorkerStatus) -> WorkerValues:
    values = {f.name: getattr(row, f.name) for f in fields(WorkerValues)}
    values["insurance"] = tuple(row.insurance) if row.insurance is not None else None
    return WorkerValues(**values)


def _observations(s: Session, household_id: str, limit: int | None = None) -> list[Observation]:
    q = (
        select(HouseholdEconomy)
        .where(HouseholdEconomy.household_id == household_id, HouseholdEconomy.deleted.is_(False))
        .order_by(HouseholdEconomy.observed_on.desc(), HouseholdEconomy.hlc.desc())
    )
    if limit is not None:
        q = q.limit(limit)
    econ = list(s.scalars(q))
    if not econ:
        return []
    by_obs: dict[str, list[WorkerValues]] = {e.id: [] for e in econ}
    for w in s.scalars(
        select(WorkerStatus)
        .where(WorkerStatus.observation_id.in_(list(by_obs)), WorkerStatus.deleted.is_(False))
        .order_by(WorkerStatus.hlc)
    ):
        by_obs[str(w.observation_id)].append(_worker(w))
    return [
        Observation(e.id, e.household_id, e.observed_on, e.visit_id, _economy(e), tuple(by_obs[e.id]))
        for e in econ
    ]


def observations_in(s: Session, household_id: str) -> list[Observation]:
    """Every observation of the household, newest first, in the caller's session."""
    return _observations(s, household_id)


def latest(db: Database, household_id: str) -> Observation | None:
    """The household's newest observation, or None when none was ever recorded."""
    with db.session() as s:
        found = _observations(s, household_id, limit=1)
    return found[0] if found else None


def history(db: Database, household_id: str) -> list[Observation]:
    """Every observation of the household, newest first."""
    with db.session() as s:
        return _observations(s, household_id)


@dataclass(frozen=True)
class AssessmentFigures:
    """What the hardship assessment can take from the newest figures (yuan; None: 未填)."""

    observed_on: dt.date
    annual_income: int | None
    rigid_spending: int | None


def assessment_figures(db: Database, household_id: str) -> AssessmentFigures | None:
    """The newest recorded income and rigid spending (medical + schooling) for the assessment:
    each from the newest observation that has it filled."""
    with db.session() as s:
        return figures_of(_observations(s, household_id, limit=20))


def figures_of(obs: Iterable[Observation]) -> AssessmentFigures | None:
    """From observations newest first: the newest filled income and rigid spending (None: none)."""
    obs = list(obs)
    income = next((o for o in obs if o.economy.annual_income is not None), None)
    rigid = next((o for o in obs if rules.rigid_spending(asdict(o.economy)) is not None), None)
    if income is None and rigid is None:
        return None
    return AssessmentFigures(
        observed_on=max(o.observed_on for o in (income, rigid) if o is not None),
        annual_income=income.economy.annual_income if income else None,
        rigid_spending=rules.rigid_spending(asdict(rigid.economy)) if rigid else None,
    )


# --- writing ---------------------------------------------------------------------------------


def _validate(
    s: Session, household_id: str, economy: EconomyValues, workers: Iterable[WorkerValues], on: dt.date
) -> None:
    problems: list[FieldProblem] = []
    problems += rules.amount_problems(asdict(economy)) + rules.code_problems(asdict(economy))
    if economy.arrears_reported_on is not None and economy.arrears_reported_on > on:
        problems.append(
            FieldProblem("arrears_reported_on", rules.LABELS["arrears_reported_on"], "不能晚于今天")
        )
    if len(economy.arrears_employer) > rules.MAX_TEXT:
        problems.append(
            FieldProblem("arrears_employer", rules.LABELS["arrears_employer"], f"不超过{rules.MAX_TEXT}字")
        )
    seen: set[str] = set()
    for w in workers:
        m = s.get(Member, w.member_id)
        if m is None or m.deleted or m.household_id != household_id:
            problems.append(FieldProblem("member_id", "家庭成员", "不是该户的成员"))
            continue
        if w.member_id in seen:
            problems.append(FieldProblem("member_id", m.name, "重复登记"))
        seen.add(w.member_id)
        values = asdict(w)
        values["insurance"] = list(w.insurance) if w.insurance is not None else None
        prefix = f"{m.name}的"
        problems += rules.amount_problems(values, prefix) + rules.code_problems(values, prefix)
    if problems:
        raise ValidationError(problems)


def add_observation(
    s: Session,
    household_id: str,
    economy: EconomyValues,
    workers: Iterable[WorkerValues],
    observed_on: dt.date,
    visit_id: str | None = None,
) -> str:
    """Add one observation in the caller's session (and transaction); the household_economy id."""
    workers = list(workers)
    if observed_on > today():
        raise ValidationError.single("observed_on", "登记日期", "不能晚于今天")
    _validate(s, household_id, economy, workers, today())
    e = HouseholdEconomy(
        household_id=household_id, observed_on=observed_on, visit_id=visit_id, **asdict(economy)
    )
    s.add(e)
    s.flush()
    for w in workers:
        values = asdict(w)
        values["insurance"] = rules.normalise_insurance(w.insurance)
        s.add(
            WorkerStatus(
                household_id=household_id,
                observed_on=observed_on,
                visit_id=visit_id,
                observation_id=e.id,
                **values,
            )
        )
    s.flush()
    return e.id


def record_observation(
    db: Database,
    household_id: str,
    economy: EconomyValues,
    workers: Iterable[WorkerValues] = (),
    observed_on: dt.date | None = None,
    visit_id: str | None = None,
) -> str:
    with db.session() as s:
        writable_household(s, household_id)
        return add_observation(s, household_id, economy, workers, observed_on or today(), visit_id)


def merge(
    previous: Observation | None, vo: VisitObservation, live: set[str] | None = None
) -> tuple[EconomyValues, tuple[WorkerValues, ...]]:
    """The values a visit records: each dimension from the previous observation when confirmed
    unchanged, from what was typed when changed, 未填 otherwise."""
    bad = (vo.confirmed | vo.changed) - set(rules.DIMENSIONS)
    if bad:
        raise ValidationError.single("dimension", "第十九条项目", f"不认识的项目：{'、'.join(sorted(bad))}")
    if vo.confirmed and previous is None:
        which = "、".join(rules.DIMENSIONS[d] for d in rules.DIMENSIONS if d in vo.confirmed)
        raise RuleViolation("confirmed", f"该户还没有登记过{which}情况，不能确认“无变化”，请直接填写。")
    old_econ = previous.economy if previous else EconomyValues()
    econ: dict[str, object] = {}
    for dim, econ_fields in rules.HOUSEHOLD_FIELDS.items():
        econ_source = old_econ if dim in vo.confirmed else vo.economy if dim in vo.changed else None
        for name in econ_fields:
            econ[name] = getattr(econ_source, name) if econ_source is not None else rules.blank(name)
    old_workers = {w.member_id: w for w in (previous.workers if previous else ())}
    typed_ids = {w.member_id for w in vo.workers}
    carried = tuple(
        WorkerValues(m) for m in old_workers if m not in typed_ids and (live is None or m in live)
    )  # members of the previous observation not on the form still get their confirmed values
    out: list[WorkerValues] = []
    for typed in vo.workers + carried:
        old = old_workers.get(typed.member_id, WorkerValues(typed.member_id))
        values: dict[str, object] = {"member_id": typed.member_id}
        for dim, worker_fields in rules.WORKER_FIELDS.items():
            source = old if dim in vo.confirmed else typed if dim in vo.changed else None
            for name in worker_fields:
                values[name] = getattr(source, name) if source is not None else rules.blank(name)
        out.append(WorkerValues(**values))  # type: ignore[arg-type]
    return EconomyValues(**econ), tuple(out)  # type: ignore[arg-type]


def add_for_visit(
    s: Session, household_id: str, visit_id: str, visit_date: dt.date, vo: VisitObservation
) -> str | None:
    """The visit's observation, in the visit's transaction; None when nothing was confirmed or typed."""
    if not vo.anything:
        return None
    found = _observations(s, household_id, limit=1)
    economy, workers = merge(found[0] if found else None, vo, _live_members(s, household_id))
    return add_observation(s, household_id, economy, workers, visit_date, visit_id)


def _live_members(s: Session, household_id: str) -> set[str]:
    return set(
        s.scalars(select(Member.id).where(Member.household_id == household_id, Member.deleted.is_(False)))
    )


def confirm_unchanged(
    db: Database,
    household_id: str,
    dimensions: Iterable[str] | None = None,
    visit_id: str | None = None,
) -> str:
    """One call: a new observation dated today holding the latest values (of `dimensions`, all
    by default; the others 未填). Refused when the household has no observation yet."""
    dims = frozenset(dimensions if dimensions is not None else rules.DIMENSIONS)
    with db.session() as s:
        writable_household(s, household_id)
        found = _observations(s, household_id, limit=1)
        previous = found[0] if found else None
        # every working-age member gets a row (one who was not observed before: 未填)
        everyone = tuple(WorkerValues(w.member_id) for w in _workers(s, household_id, today()))
        vo = VisitObservation(confirmed=dims, workers=everyone)
        economy, merged = merge(previous, vo, _live_members(s, household_id))
        return add_observation(s, household_id, economy, merged, today(), visit_id)


# --- reading aloud: one line per dimension (visit form, profile) -------------------------------


def _name_of(names: dict[str, str], member_id: str) -> str:
    return names.get(member_id, "（已删除的成员）")


def describe(
    obs: Observation, names: dict[str, str], t: Callable[[str], str] = lambda text: text
) -> dict[str, str]:
    """One line per dimension of an observation, in Chinese; `names` maps member id to name.
    `t` translates each fixed text (the UI passes ui/vocab_text.shown; data are left alone)."""
    e = obs.economy

    def code(table: dict[str, str], value: str | None) -> str:
        return t(rules.label(table, value))

    def yuan(value: int | None) -> str:
        return t(rules.UNFILLED) if value is None else f"{value:,}" + t("元")

    def insurance(codes: list[str] | tuple[str, ...] | None) -> str:
        if codes is None:
            return t(rules.UNFILLED)
        return t("、").join(t(rules.INSURANCE.get(c, c)) for c in codes) or t("无")

    people = [(w, names.get(w.member_id) or t(_name_of({}, ""))) for w in obs.workers]
    employment = "；".join(
        f"{n} {code(rules.EMPLOYMENT, w.employment)}" + (f"（{w.employer}）" if w.employer else "")
        for w, n in people
    )
    training = "；".join(
        f"{n} "
        + t("希望：%1，已参加：%2")
        .replace("%1", code(rules.TRAINING, w.training_wanted))
        .replace("%2", code(rules.TRAINING, w.training_received))
        + (t("，证书：%1").replace("%1", w.certificate) if w.certificate else "")
        for w, n in people
    )
    income = "；".join(
        [t("家庭年收入 %1").replace("%1", yuan(e.annual_income))]
        + [f"{n} " + t("月收入 %1").replace("%1", yuan(w.monthly_income)) for w, n in people]
    )
    insured = "；".join(f"{n} {insurance(w.insurance)}" for w, n in people)
    expenses = "，".join(f"{t(label)} {yuan(getattr(e, f))}" for f, label in rules.EXPENSES.items())
    if e.arrears_amount is None:
        arrears = t(rules.UNFILLED)
    elif e.arrears_amount == 0:
        arrears = t("无欠薪")
    else:
        arrears = yuan(e.arrears_amount) + (f"（{e.arrears_employer}）" if e.arrears_employer else "")
        if e.arrears_reported_on:
            arrears += t("，%1 已反映").replace("%1", e.arrears_reported_on.isoformat())
    return {
        "employment": employment or t(rules.UNFILLED),
        "training": training or t(rules.UNFILLED),
        "income": income,
        "insurance": insured or t(rules.UNFILLED),
        "expenses": expenses,
        "arrears": arrears,
    }


def member_names(db: Database, household_id: str) -> dict[str, str]:
    with db.session() as s:
        return dict(
            s.execute(select(Member.id, Member.name).where(Member.household_id == household_id)).all()
        )
