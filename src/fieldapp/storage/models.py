"""Typed SQLAlchemy models of the offline ledger. See docs/data-model.md for the design."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum as PyEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldapp.domain import vocab
from fieldapp.storage.base import Base, Synced, UTCDateTime, utcnow


def vocab_type(enum_cls: type[PyEnum]) -> Enum:
    """Store the vocabulary's Chinese value itself (what forms and statistics use)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [str(m.value) for m in members],
        validate_strings=True,
    )


# --- local state: never synchronised ------------------------------------------------------


class DeviceState(Base):
    """This installation: its device id (made once) and its clock high-water mark."""

    __tablename__ = "device_state"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    instance_nonce: Mapped[str] = mapped_column(String(36))


class Setting(Base):
    """Local configuration that is data, not code (the 低保 standard, the current cadre)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Draft(Base):
    """A form being typed (a visit, a member), saved while typing so a crash loses nothing."""

    __tablename__ = "draft"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)  # e.g. "visit:<household id>"
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)  # JSON of the form's fields
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class OutboxEntry(Base):
    """One committed change waiting to reach headquarters, written in the same transaction."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete (tombstone)
    hlc: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # JSON of the row after the change
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    batch_id: Mapped[str | None] = mapped_column(String(36), index=True)
    acked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("op IN ('insert', 'update', 'delete')", name="op"),
        Index("ix_outbox_pending", "acked_at", "seq"),
    )


class SyncIdentity(Base):
    """This device's sync keys and headquarters' keys, set by enrolment (docs/sync-protocol.md)."""

    __tablename__ = "sync_identity"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sign_secret: Mapped[bytes] = mapped_column(LargeBinary)
    box_secret: Mapped[bytes] = mapped_column(LargeBinary)
    hq_url: Mapped[str] = mapped_column(String(300), default="")
    hq_sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    hq_box_public: Mapped[bytes] = mapped_column(LargeBinary)
    token: Mapped[str] = mapped_column(String(100))
    enrolled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reply_cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class SyncBatch(Base):
    """A cut batch: immutable bytes, sent again until headquarters acknowledges it."""

    __tablename__ = "sync_batch"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    first_outbox_seq: Mapped[int] = mapped_column(Integer)
    last_outbox_seq: Mapped[int] = mapped_column(Integer)
    changes: Mapped[int] = mapped_column(Integer)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    acked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


# --- people -----------------------------------------------------------------------------------


class Cadre(Synced, Base):
    """A union cadre (工会干部). A device may serve one cadre or a union office of several."""

    __tablename__ = "cadre"

    name: Mapped[str] = mapped_column(String(50))
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    post: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    pairings: Mapped[list[Pairing]] = relationship(back_populates="cadre")


class Household(Synced, Base):
    """A hardship migrant-worker household on the unit's list (paired or not yet)."""

    __tablename__ = "household"

    owner_device: Mapped[str] = mapped_column(String(36), index=True)
    village_code: Mapped[str | None] = mapped_column(String(12), index=True)
    address_detail: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    pairing_basis: Mapped[vocab.PairingBasis] = mapped_column(vocab_type(vocab.PairingBasis))
    unit_name: Mapped[str] = mapped_column(String(100), default="")
    hukou_type: Mapped[vocab.HukouType | None] = mapped_column(vocab_type(vocab.HukouType))
    housing_type: Mapped[vocab.HousingType | None] = mapped_column(vocab_type(vocab.HousingType))
    housing_area_m2: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    single_parent: Mapped[bool] = mapped_column(Boolean, default=False)
    zero_employment: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[vocab.HouseholdStatus] = mapped_column(
        vocab_type(vocab.HouseholdStatus), default=vocab.HouseholdStatus.ACTIVE
    )
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    missing_fields: Mapped[str] = mapped_column(String(200), default="")  # comma list; "" = complete
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual | import | demo
    note: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[Member]] = relationship(back_populates="household", order_by="Member.created_at")
    pairings: Mapped[list[Pairing]] = relationship(back_populates="household")

    @property
    def complete(self) -> bool:
        return not self.missing_fields

    @property
    def head(self) -> Member | None:
        for m in self.members:
            if m.relation == vocab.Relation.HEAD and not m.deleted:
                return m
        return None


class Member(Synced, Base):
    """A household member; the head of household is the member with relation 户主."""

    __tablename__ = "member"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    relation: Mapped[vocab.Relation] = mapped_column(vocab_type(vocab.Relation))
    name: Mapped[str] = mapped_column(String(50))
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[vocab.Sex | None] = mapped_column(vocab_type(vocab.Sex))
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    political_status: Mapped[vocab.PoliticalStatus | None] = mapped_column(vocab_type(vocab.PoliticalStatus))
    marital_status: Mapped[vocab.MaritalStatus | None] = mapped_column(vocab_type(vocab.MaritalStatus))
    health: Mapped[vocab.HealthStatus] = mapped_column(
        vocab_type(vocab.HealthStatus), default=vocab.HealthStatus.GOOD
    )
    illness: Mapped[str] = mapped_column(String(100), default="")  # e.g. 尿毒症
    disability_category: Mapped[vocab.DisabilityCategory | None] = mapped_column(
        vocab_type(vocab.DisabilityCategory)
    )
    disability_grade: Mapped[vocab.DisabilityGrade | None] = mapped_column(vocab_type(vocab.DisabilityGrade))
    work_status: Mapped[vocab.WorkStatus | None] = mapped_column(vocab_type(vocab.WorkStatus))
    identity: Mapped[vocab.Identity | None] = mapped_column(vocab_type(vocab.Identity))
    employer_or_school: Mapped[str] = mapped_column(String(100), default="")
    industry: Mapped[str] = mapped_column(String(50), default="")
    monthly_income_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    medical_insurance: Mapped[vocab.MedicalInsurance | None] = mapped_column(
        vocab_type(vocab.MedicalInsurance)
    )
    social_insurance: Mapped[vocab.SocialInsurance | None] = mapped_column(vocab_type(vocab.SocialInsurance))
    labour_contract: Mapped[bool | None] = mapped_column(Boolean)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)

    household: Mapped[Household] = relationship(back_populates="members")

    __table_args__ = (CheckConstraint("monthly_income_fen >= 0", name="income_not_negative"),)


class Pairing(Synced, Base):
    """A cadre's pairing (结对) with a household; ended pairings are kept with their end date."""

    __tablename__ = "pairing"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    extra_reason: Mapped[str] = mapped_column(Text, default="")  # required beyond the 4th household
    end_reason: Mapped[str] = mapped_column(Text, default="")

    cadre: Mapped[Cadre] = relationship(back_populates="pairings")
    household: Mapped[Household] = relationship(back_populates="pairings")


# --- what happens to a household ------------------------------------------------------------


class Visit(Synced, Base):
    """A home visit or other contact, recorded by the cadre who made it."""

    __tablename__ = "visit"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"), index=True)
    visit_date: Mapped[dt.date] = mapped_column(Date, index=True)
    mode: Mapped[vocab.VisitMode] = mapped_column(vocab_type(vocab.VisitMode))
    place: Mapped[str] = mapped_column(String(200), default="")
    people_met: Mapped[str] = mapped_column(String(200), default="")
    living_conditions: Mapped[str] = mapped_column(Text, default="")
    demands: Mapped[str] = mapped_column(Text, default="")  # 利益诉求
    notes: Mapped[str] = mapped_column(Text, default="")
    next_visit_due: Mapped[dt.date | None] = mapped_column(Date, index=True)


class Assessment(Synced, Base):
    """A hardship assessment; append-only, the household's current one is the latest."""

    __sync_kind__ = "append-only"
    __tablename__ = "assessment"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    main_cause: Mapped[int] = mapped_column(Integer)
    secondary_causes: Mapped[str] = mapped_column(String(20), default="")  # "2,9"
    household_size: Mapped[int] = mapped_column(Integer)
    annual_income_fen: Mapped[int] = mapped_column(BigInteger)
    rigid_spending_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    sudden_event: Mapped[bool] = mapped_column(Boolean, default=False)
    dibao_standard_fen: Mapped[int] = mapped_column(BigInteger)  # the standard in force, kept
    per_head_monthly_fen: Mapped[int] = mapped_column(BigInteger)
    category: Mapped[vocab.HardshipCategory] = mapped_column(vocab_type(vocab.HardshipCategory))
    reason: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (
        CheckConstraint("main_cause BETWEEN 1 AND 10", name="main_cause_range"),
        CheckConstraint("annual_income_fen >= 0", name="income_not_negative"),
        CheckConstraint("rigid_spending_fen >= 0", name="spending_not_negative"),
        CheckConstraint("household_size >= 1", name="size_positive"),
    )


class Referral(Synced, Base):
    """A referral (转介) to a receiving body; its status history is in ReferralEvent."""

    __tablename__ = "referral"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"), index=True)
    kind_code: Mapped[str] = mapped_column(String(40))
    area: Mapped[vocab.AssistanceArea] = mapped_column(vocab_type(vocab.AssistanceArea))
    receiving_body: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_on: Mapped[dt.date] = mapped_column(Date)
    # derived from the latest event; recomputed wherever events arrive (see data-model.md)
    status: Mapped[vocab.ReferralStatus] = mapped_column(vocab_type(vocab.ReferralStatus))
    status_on: Mapped[dt.date] = mapped_column(Date)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date, index=True)

    events: Mapped[list[ReferralEvent]] = relationship(
        back_populates="referral", order_by="(ReferralEvent.occurred_on, ReferralEvent.hlc)"
    )


class ReferralEvent(Synced, Base):
    """One status change of a referral: append-only, never edited."""

    __sync_kind__ = "append-only"
    __tablename__ = "referral_event"

    referral_id: Mapped[str] = mapped_column(ForeignKey("referral.id"), index=True)
    status: Mapped[vocab.ReferralStatus] = mapped_column(vocab_type(vocab.ReferralStatus))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")

    referral: Mapped[Referral] = relationship(back_populates="events")


class ReliefPayment(Synced, Base):
    """Relief paid to a household (金秋助学, 专项生活救助, 送温暖…), in integer fen."""

    __sync_kind__ = "append-only"
    __tablename__ = "relief_payment"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    programme: Mapped[vocab.ReliefProgramme] = mapped_column(vocab_type(vocab.ReliefProgramme))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (CheckConstraint("amount_fen > 0", name="amount_positive"),)


class Consent(Synced, Base):
    """A consent given (or withdrawn: granted = false) for one purpose under one notice version."""

    __sync_kind__ = "append-only"
    __tablename__ = "consent"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    purpose: Mapped[vocab.ConsentPurpose] = mapped_column(vocab_type(vocab.ConsentPurpose))
    notice_version: Mapped[str] = mapped_column(String(20))
    granted: Mapped[bool] = mapped_column(Boolean, default=True)
    given_on: Mapped[dt.date] = mapped_column(Date)
    guardian_name: Mapped[str] = mapped_column(String(50), default="")
    guardian_relation: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Attachment(Synced, Base):
    """Metadata of a document photo; the file itself is stored by content hash."""

    __sync_kind__ = "append-only"
    __tablename__ = "attachment"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[vocab.AttachmentKind] = mapped_column(vocab_type(vocab.AttachmentKind))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(50))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    taken_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class PrintRecord(Synced, Base):
    """Who printed which form of which record, when: personal information leaving the machine."""

    __sync_kind__ = "append-only"
    __tablename__ = "print_record"

    form: Mapped[str] = mapped_column(String(60))  # template name in forms/
    record_id: Mapped[str] = mapped_column(String(36), index=True)  # household, visit or referral id
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), index=True)
    printed_by: Mapped[str] = mapped_column(String(50), default="")
    printed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    destination: Mapped[str] = mapped_column(String(20), default="pdf")  # pdf | printer
    copies: Mapped[int] = mapped_column(Integer, default=1)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")  # of the PDF produced


class AuditEvent(Synced, Base):
    """Who viewed, revealed, edited, printed, exported or synced what, and when (append-only)."""

    __sync_kind__ = "append-only"
    __tablename__ = "audit_event"

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(50), default="")  # the cadre signed in, or the OS user
    cadre_id: Mapped[str | None] = mapped_column(String(36))  # no FK: a cadre may be handed away
    action: Mapped[vocab.AuditAction] = mapped_column(vocab_type(vocab.AuditAction))
    household_id: Mapped[str | None] = mapped_column(String(36), index=True)
    record_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")  # never an ID number or a health detail


# --- 总工发〔2015〕14号 item 19: observations kept over time (docs/data-model.md) --------------


class HouseholdEconomy(Synced, Base):
    """One observation of a household's income, living expenses and wage arrears (whole yuan).

    A new observation is a new row; history is never overwritten. None is 未填, never zero."""

    __sync_kind__ = "append-only"
    __tablename__ = "household_economy"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    observed_on: Mapped[dt.date] = mapped_column(Date)
    visit_id: Mapped[str | None] = mapped_column(String(36))  # no FK: a visit may be voided
    annual_income: Mapped[int | None] = mapped_column(BigInteger)
    expense_food: Mapped[int | None] = mapped_column(BigInteger)
    expense_housing: Mapped[int | None] = mapped_column(BigInteger)
    expense_medical: Mapped[int | None] = mapped_column(BigInteger)
    expense_schooling: Mapped[int | None] = mapped_column(BigInteger)
    expense_other: Mapped[int | None] = mapped_column(BigInteger)
    arrears_amount: Mapped[int | None] = mapped_column(BigInteger)
    arrears_employer: Mapped[str] = mapped_column(String(100), default="")
    arrears_reported_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_household_economy_observed", "household_id", "observed_on"),)


class WorkerStatus(Synced, Base):
    """One observation of a working-age member: employment, training, income, social insurance.

    `insurance` is a JSON list of codes (fieldapp.domain.item19.INSURANCE); None is 未填."""

    __sync_kind__ = "append-only"
    __tablename__ = "worker_status"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    observed_on: Mapped[dt.date] = mapped_column(Date)
    visit_id: Mapped[str | None] = mapped_column(String(36))
    # the household_economy row of the same observation (added to the contract: groups the rows)
    observation_id: Mapped[str | None] = mapped_column(String(36), index=True)
    employment: Mapped[str | None] = mapped_column(String(20))
    employer: Mapped[str] = mapped_column(String(100), default="")
    monthly_income: Mapped[int | None] = mapped_column(BigInteger)
    training_wanted: Mapped[str] = mapped_column(String(20), default="")
    training_received: Mapped[str] = mapped_column(String(20), default="")
    certificate: Mapped[str] = mapped_column(String(100), default="")
    insurance: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Cadre,
    Household,
    Member,
    Pairing,
    Visit,
    Assessment,
    Referral,
    ReferralEvent,
    ReliefPayment,
    Consent,
    Attachment,
    PrintRecord,
    AuditEvent,
    HouseholdEconomy,
    WorkerStatus,
)
