"""Headquarters' own tables, on their own declarative base (never the device's schema)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fieldapp.hq.sealed import Sealed, SealedBytes
from fieldapp.storage.base import NAMING_CONVENTION, UTCDateTime, utcnow

SCHEMA_VERSION = 1  # the data-format generation; the tables evolve through hq/migrations


class HQBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class HQMeta(HQBase):
    """Key/value facts about this server: schema version, its key pair."""

    __tablename__ = "hq_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class Enrolment(HQBase):
    """A one-time enrolment token issued for a named device."""

    __tablename__ = "hq_enrolment"

    token: Mapped[str] = mapped_column(String(100), primary_key=True)
    # the device's name as issued (county and cadre, 兰陵县-王芳): sealed, bound to the token (0014)
    name: Mapped[str] = mapped_column(Sealed("hq_enrolment.name"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    device_id: Mapped[str | None] = mapped_column(String(36))


class Device(HQBase):
    __tablename__ = "hq_device"
    # the 设备 page's default order, walked in index order (migration 0012)
    __table_args__ = (Index("ix_hq_device_name", "name", "device_id"),)

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # county and cadre (兰陵县-王芳): sealed, bound to the device (0014); never searched or sorted
    # in SQL — hq/devicenames.py opens the few devices in Python
    name: Mapped[str] = mapped_column(Sealed("hq_device.name"))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    instance_nonce: Mapped[str] = mapped_column(String(36))
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # the fieldapp version of the device's latest batch (header field app_version; None before)
    app_version: Mapped[str | None] = mapped_column(String(40))


class Batch(HQBase):
    """The receipt of one accepted batch."""

    __tablename__ = "hq_batch"
    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    changes: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(10))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("device_id", "seq", name="uq_hq_batch_device_seq"),
        # the 设备 page sorted by last batch: one backward index probe per device (migration 0012)
        Index("ix_hq_batch_device_received", "device_id", "received_at"),
    )


class Change(HQBase):
    """Every change ever received, keyed by its device's outbox sequence number."""

    __tablename__ = "hq_change"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    outbox_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[int] = mapped_column(BigInteger)
    data_sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Sealed("hq_change.data"))


class Record(HQBase):
    """The current value of every synchronised row: the greatest (version, hlc, device)."""

    __tablename__ = "hq_record"

    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # first: looked up by row id
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Integer, default=0)
    data: Mapped[str] = mapped_column(Sealed("hq_record.data"))


class Conflict(HQBase):
    """Two writers gave the same row the same version with different content: both are kept."""

    __tablename__ = "hq_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    device_a: Mapped[str] = mapped_column(String(36))
    data_a: Mapped[str] = mapped_column(Sealed("hq_conflict.data_a"))
    device_b: Mapped[str] = mapped_column(String(36))
    data_b: Mapped[str] = mapped_column(Sealed("hq_conflict.data_b"))
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # same_version: two writers, one version; not_owner: a change by a device not owning the household
    kind: Mapped[str] = mapped_column(String(20), default="same_version", server_default="same_version")
    kept: Mapped[str] = mapped_column(String(1), default="", server_default="")  # "a" | "b" once resolved
    resolved_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    note: Mapped[str] = mapped_column(Sealed("hq_conflict.note"), default="")


class Handover(HQBase):
    """Headquarters moved a household (and its single-writer records) to another device."""

    __tablename__ = "hq_handover"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    from_device: Mapped[str] = mapped_column(String(36))
    to_device: Mapped[str] = mapped_column(String(36))
    by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Sealed("hq_handover.note"), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attachment(HQBase):
    __tablename__ = "hq_attachment"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(SealedBytes("hq_attachment.data"))


class Outgoing(HQBase):
    """Something headquarters sends a device in its next reply (referral outcome, handover…)."""

    __tablename__ = "hq_outgoing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)  # "*" = every device
    kind: Mapped[str] = mapped_column(String(30))
    body: Mapped[str] = mapped_column(Sealed("hq_outgoing.body"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Alert(HQBase):
    """A refused batch worth a person's attention (a cloned database, a revoked device…)."""

    __tablename__ = "hq_alert"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- the console: staff accounts, their sessions, what they looked at ---------------------------


class Account(HQBase):
    """A member of staff who signs in to the console (not a device, not a cadre)."""

    __tablename__ = "hq_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # admin | city | county | readonly
    county_code: Mapped[str] = mapped_column(String(6), default="", server_default="")  # "" = city-wide
    password_hash: Mapped[str] = mapped_column(String(200))  # Argon2id, PHC string
    api_token_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    failed_signins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_signin_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class ConsoleSession(HQBase):
    """A signed-in browser: the cookie holds a random token, this row only its hash."""

    __tablename__ = "hq_console_session"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(Integer, index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ConsoleAudit(HQBase):
    """Who signed in, viewed which household, changed which account (PIPL Art. 51 access log)."""

    __tablename__ = "hq_console_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    account: Mapped[str] = mapped_column(String(50))  # the name, kept if the account goes
    action: Mapped[str] = mapped_column(String(30))
    target: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(Sealed("hq_console_audit.detail"), default="")
    client: Mapped[str] = mapped_column(String(64), default="")  # address, or 命令行


# --- the ledger's read side: maintained at ingest, queried by hq/ledger.py ---------------------


class HouseholdIndex(HQBase):
    """One row per household with what the ledger lists, searches, filters and scopes by.

    Derived from the current records (hq_record) at ingest, never edited by hand; rebuilt by
    hq.ledger_index.rebuild(). Names and masked numbers are sealed (hq/sealed.py): they are shown,
    never searched in SQL; searches go through hq_blind_token. Only the first pinyin letter of the
    head's name (`name_sort`) is kept in clear, for sorting by name.
    """

    __tablename__ = "hq_household_index"
    # the ledger's list pages at 1,000,000 households (docs/scaling.md): one index per sort and
    # main filter, each holding every column the page's WHERE and ORDER BY touch, so a page —
    # even a deep one — is an index-only scan and the count an index-only count (migration 0009)
    __table_args__ = (
        Index("ix_hq_household_index_list_name", "deleted", "name_sort", "household_id"),
        Index("ix_hq_household_index_list_county", "county_code", "deleted", "name_sort", "household_id"),
        Index("ix_hq_household_index_list_category", "deleted", "category", "name_sort", "household_id"),
        Index(
            "ix_hq_household_index_list_county_category",
            "county_code",
            "deleted",
            "category",
            "name_sort",
            "household_id",
        ),
        Index("ix_hq_household_index_list_status", "deleted", "status", "name_sort", "household_id"),
        Index("ix_hq_household_index_list_village", "deleted", "village_code", "name_sort", "household_id"),
        Index(
            "ix_hq_household_index_list_county_village",
            "county_code",
            "deleted",
            "village_code",
            "name_sort",
            "household_id",
        ),
        Index("ix_hq_household_index_list_recent", "deleted", "updated_at", "household_id"),
        # the 设备 page: a county's devices, a cadre's devices (and a renamed cadre's households)
        Index("ix_hq_household_index_county_device", "county_code", "deleted", "device_id"),
        Index("ix_hq_household_index_cadre_device", "cadre_id", "deleted", "device_id"),
    )

    household_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(11), index=True)  # HH-1A2B3C4D, as printed
    head_member_id: Mapped[str] = mapped_column(String(36), default="")
    head_name: Mapped[str] = mapped_column(Sealed("hq_household_index.head_name"), default="")
    head_initials: Mapped[str] = mapped_column(Sealed("hq_household_index.head_initials"), default="")
    name_sort: Mapped[str] = mapped_column(String(1), default="", server_default="")  # z for 张
    id_masked: Mapped[str] = mapped_column(Sealed("hq_household_index.id_masked"), default="")
    phone_masked: Mapped[str] = mapped_column(Sealed("hq_household_index.phone_masked"), default="")
    village_code: Mapped[str] = mapped_column(String(12), default="", index=True)
    village_name: Mapped[str] = mapped_column(String(100), default="")
    county_code: Mapped[str] = mapped_column(String(6), default="", index=True)
    category: Mapped[str] = mapped_column(String(20), default="", index=True)
    assessed_on: Mapped[str] = mapped_column(String(10), default="")
    status: Mapped[str] = mapped_column(String(10), default="", index=True)
    cadre_id: Mapped[str] = mapped_column(String(36), default="")
    cadre_name: Mapped[str] = mapped_column(Sealed("hq_household_index.cadre_name"), default="")
    device_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    deleted: Mapped[bool] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class LedgerRow(HQBase):
    """Which household a synchronised row belongs to, so a household's file is an indexed read."""

    __tablename__ = "hq_ledger_row"

    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)


class ReferralIndex(HQBase):
    """One row per referral with its current status (the latest event) and follow-up date.

    Derived at ingest like hq_household_index (hq.ledger_index); the console's 转介 page searches,
    filters, scopes and pages over it alone in SQL: the household's county and whether the
    household is gone are copied here (migration 0012) and kept current whenever the household's
    index row changes (a move to another village or county, a handover, a deletion).
    """

    __tablename__ = "hq_referral_index"
    # the 转介 page's order (newest first) walked in index order, for the city, a county, a status
    # and a kind; the overdue count as a range of follow-up dates (migrations 0009, 0012)
    __table_args__ = (
        Index("ix_hq_referral_index_list", "deleted", "household_deleted", "created_on", "referral_id"),
        Index(
            "ix_hq_referral_index_list_county",
            "county_code",
            "deleted",
            "household_deleted",
            "created_on",
            "referral_id",
        ),
        Index(
            "ix_hq_referral_index_list_status",
            "deleted",
            "household_deleted",
            "status",
            "created_on",
            "referral_id",
        ),
        Index(
            "ix_hq_referral_index_list_county_status",
            "county_code",
            "deleted",
            "household_deleted",
            "status",
            "created_on",
            "referral_id",
        ),
        Index(
            "ix_hq_referral_index_list_kind",
            "deleted",
            "household_deleted",
            "kind_code",
            "created_on",
            "referral_id",
        ),
        Index("ix_hq_referral_index_due", "deleted", "household_deleted", "follow_up_due"),
        Index(
            "ix_hq_referral_index_county_due", "county_code", "deleted", "household_deleted", "follow_up_due"
        ),
    )

    referral_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(11), index=True)  # ZJ-1A2B3C4D, as printed
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    kind_code: Mapped[str] = mapped_column(String(20), default="", index=True)
    receiving_body: Mapped[str] = mapped_column(String(200), default="")
    created_on: Mapped[str] = mapped_column(String(10), default="", index=True)
    status: Mapped[str] = mapped_column(String(10), default="", index=True)
    status_on: Mapped[str] = mapped_column(String(10), default="")
    follow_up_due: Mapped[str] = mapped_column(String(10), default="", index=True)  # "" when closed
    deleted: Mapped[bool] = mapped_column(Integer, default=0)
    # the household's, from hq_household_index: its county, and 1 when it is deleted or not at HQ
    county_code: Mapped[str] = mapped_column(String(6), default="", server_default="")
    household_deleted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class BlindToken(HQBase):
    """A household's blind-index tokens: keyed hashes of its head's name, name prefixes, pinyin
    initials, ID number and its tails, phone tail, and its cadre's name (hq/blind.py).

    A search word is hashed the same way and looked up here: equality only, nothing in clear.
    """

    __tablename__ = "hq_blind_token"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class IdClaim(HQBase):
    """Which member holds which ID number, as its blind-index token (hq/duplicates.py)."""

    __tablename__ = "hq_id_claim"

    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    token: Mapped[str] = mapped_column(String(32), index=True)
    household_id: Mapped[str] = mapped_column(String(36))


class SuspectedDuplicate(HQBase):
    """疑似重复: two households holding a member with the same ID number (by its keyed hash).

    Filled at ingest, one row per pair of households and ID token (household_a < household_b);
    headquarters decides (merge or mark distinct) — status stays "open" until then."""

    __tablename__ = "hq_suspected_duplicate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token: Mapped[str] = mapped_column(String(32))
    household_a: Mapped[str] = mapped_column(String(36), index=True)
    household_b: Mapped[str] = mapped_column(String(36), index=True)
    member_a: Mapped[str] = mapped_column(String(36))
    member_b: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(10), default="open", server_default="open", index=True)
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # why it was marked 不同户 (or merged): typed by a clerk, may name a person, so sealed (0011)
    note: Mapped[str] = mapped_column(Sealed("hq_suspected_duplicate.note"), default="")

    __table_args__ = (
        UniqueConstraint("token", "household_a", "household_b", name="uq_hq_suspected_duplicate_pair"),
    )
