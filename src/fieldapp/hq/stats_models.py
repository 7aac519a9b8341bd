"""Headquarters' statistics tables: aggregates kept at ingest (hq.stats_index) and the campaign.

Only codes, dates, amounts, divisions and keyed hashes live here (docs/… contract section 3):
never a name, ID number, phone number or illness in clear. Row ids are the devices' UUIDs.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.hq.models import HQBase
from fieldapp.hq.sealed import Sealed
from fieldapp.storage.base import UTCDateTime, utcnow


class StatHousehold(HQBase):
    """One row per household: what the statistics count it by."""

    __tablename__ = "hq_stat_household"

    household_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    county_code: Mapped[str] = mapped_column(String(6), default="", index=True)
    township_code: Mapped[str] = mapped_column(String(9), default="", index=True)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    category: Mapped[str] = mapped_column(String(20), default="")  # "" = not assessed (未评定)
    main_cause: Mapped[int | None] = mapped_column(Integer)
    pairing_basis: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="")
    cadre_id: Mapped[str] = mapped_column(String(36), default="", index=True)  # the open pairing's
    last_visit_on: Mapped[str] = mapped_column(String(10), default="")
    last_f2f_on: Mapped[str] = mapped_column(String(10), default="")  # 入户/单位走访
    deleted: Mapped[int] = mapped_column(Integer, default=0)


class StatCadre(HQBase):
    """A cadre's display name (union staff, not a beneficiary), for per-cadre tables: sealed and
    bound to its cadre (hq/sealed.py), so the statistics tables hold no name in clear either."""

    __tablename__ = "hq_stat_cadre"

    cadre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Sealed("hq_stat_cadre.name"), default="")


class StatVisit(HQBase):
    __tablename__ = "hq_stat_visit"
    # campaign progress asks "a face-to-face visit of this household in the period?": index-only
    __table_args__ = (
        Index("ix_hq_stat_visit_household_f2f_date", "household_id", "face_to_face", "visit_date"),
    )

    visit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # looked up through the index below (household_id first); its own index went in 0011: one
    # index less to write for every visit ingested
    household_id: Mapped[str] = mapped_column(String(36))
    cadre_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    visit_date: Mapped[str] = mapped_column(String(10), default="", index=True)
    face_to_face: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[int] = mapped_column(Integer, default=0)


class StatReferral(HQBase):
    """What hq_referral_index does not hold: the cadre who made the referral."""

    __tablename__ = "hq_stat_referral"

    referral_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    cadre_id: Mapped[str] = mapped_column(String(36), default="", index=True)


class StatRelief(HQBase):
    """One row per relief payment; student_key is a keyed hash of the student (never the ID)."""

    __tablename__ = "hq_stat_relief"

    relief_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    member_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    programme: Mapped[str] = mapped_column(String(20), default="", index=True)
    year: Mapped[int] = mapped_column(Integer, default=0, index=True)
    paid_on: Mapped[str] = mapped_column(String(10), default="")
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    student_key: Mapped[str] = mapped_column(String(32), default="", index=True)
    deleted: Mapped[int] = mapped_column(Integer, default=0)


class StatEconomy(HQBase):
    """Every household_economy observation (item 19); rank 1 = latest, 2 = the one before."""

    __tablename__ = "hq_stat_economy"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    observed_on: Mapped[str] = mapped_column(String(10), default="", index=True)
    rank: Mapped[int] = mapped_column(Integer, default=0, index=True)
    annual_income: Mapped[int | None] = mapped_column(BigInteger)  # yuan; NULL = 未填
    expense_food: Mapped[int | None] = mapped_column(BigInteger)
    expense_housing: Mapped[int | None] = mapped_column(BigInteger)
    expense_medical: Mapped[int | None] = mapped_column(BigInteger)
    expense_schooling: Mapped[int | None] = mapped_column(BigInteger)
    expense_other: Mapped[int | None] = mapped_column(BigInteger)
    arrears_amount: Mapped[int | None] = mapped_column(BigInteger)
    arrears_reported_on: Mapped[str] = mapped_column(String(10), default="")
    deleted: Mapped[int] = mapped_column(Integer, default=0)


class StatWorker(HQBase):
    """Every worker_status observation (item 19); rank per member as in hq_stat_economy."""

    __tablename__ = "hq_stat_worker"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    member_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    observed_on: Mapped[str] = mapped_column(String(10), default="", index=True)
    rank: Mapped[int] = mapped_column(Integer, default=0, index=True)
    employment: Mapped[str | None] = mapped_column(String(20))  # NULL = 未填
    monthly_income: Mapped[int | None] = mapped_column(BigInteger)
    training_wanted: Mapped[str] = mapped_column(String(20), default="")
    training_received: Mapped[str] = mapped_column(String(20), default="")
    has_certificate: Mapped[int] = mapped_column(Integer, default=0)
    insurance: Mapped[str | None] = mapped_column(String(100))  # ",pension,medical," ; NULL = 未填
    deleted: Mapped[int] = mapped_column(Integer, default=0)


class Campaign(HQBase):
    """A re-survey campaign (再摸底) set at headquarters and sent to every device."""

    __tablename__ = "hq_campaign"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    start: Mapped[str] = mapped_column(String(10), index=True)
    end: Mapped[str] = mapped_column(String(10))
    counties: Mapped[str] = mapped_column(Text, default="")  # comma list; "" = the whole city
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
