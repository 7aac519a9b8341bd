"""Keeping personal data no longer than needed (PIPL Art. 19, 47) and wiping a device.

A household's data may leave this device when three things hold: the household is closed
(已销档), headquarters has acknowledged every change to its records (so the union archive, which
keeps closed files ten years, has them), and the device's retention period after closing has
passed. Removal is a *local purge*: rows are deleted with plain SQL, outside the outbox, because
headquarters must keep its copy — this is not a deletion to synchronise. With ``secure_delete``
on (see storage/db.py) SQLite overwrites the freed pages. Every backup made before the purge holds
the purged rows too: they are erased and replaced by one backup of the purged ledger.

Wiping a whole device (handed to someone else) is crypto-erasure: the wrapped keys are overwritten
and deleted, then the encrypted files are overwritten and deleted as well.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from fieldapp.domain import vocab
from fieldapp.domain.errors import ValidationError
from fieldapp.services import audit
from fieldapp.services.common import today
from fieldapp.services.records import attachment_store
from fieldapp.storage import migrate
from fieldapp.storage.cipher import erase
from fieldapp.storage.db import Database
from fieldapp.storage.models import (
    Assessment,
    Attachment,
    Consent,
    Draft,
    Household,
    HouseholdEconomy,
    Member,
    OutboxEntry,
    Pairing,
    PrintRecord,
    Referral,
    ReferralEvent,
    ReliefPayment,
    Setting,
    SyncBatch,
    Visit,
    WorkerStatus,
)

RETENTION_KEY = "retention_years_after_close"
DEFAULT_RETENTION_YEARS = 1  # on the device; headquarters' archive keeps closed files 10 years
# every table whose rows belong to one household (child tables first: foreign keys are on)
_BY_HOUSEHOLD = (
    PrintRecord,
    Attachment,
    Consent,
    ReliefPayment,
    Assessment,
    WorkerStatus,
    HouseholdEconomy,
    Visit,
    Pairing,
    Member,
)


def retention_years(db: Database) -> int:
    with db.session() as s:
        value = s.get(Setting, RETENTION_KEY)
        return int(value.value) if value is not None else DEFAULT_RETENTION_YEARS


def set_retention_years(db: Database, years: int) -> None:
    if not 0 <= years <= 30:
        raise ValidationError.single("retention_years", "保存期限", "应在0到30年之间")
    with db.session() as s:
        s.merge(Setting(key=RETENTION_KEY, value=str(years)))


@dataclass(frozen=True)
class Candidate:
    household_id: str
    head_name: str
    closed_on: dt.date | None
    unacknowledged: int  # changes headquarters has not confirmed yet
    due_on: dt.date | None  # when the retention period ends
    eligible: bool
    reason: str  # why not (Chinese), or "" when eligible


def _row_ids(s: Session, household_id: str) -> list[str]:
    ids = [household_id]
    for model in _BY_HOUSEHOLD:
        ids += s.scalars(select(model.id).where(model.household_id == household_id))
    referral_ids = list(s.scalars(select(Referral.id).where(Referral.household_id == household_id)))
    ids += referral_ids
    if referral_ids:
        ids += s.scalars(select(ReferralEvent.id).where(ReferralEvent.referral_id.in_(referral_ids)))
    return ids


def candidates(db: Database, *, years: int | None = None, on: dt.date | None = None) -> list[Candidate]:
    """Closed households, each with whether its data may now leave the device and why not."""
    period = retention_years(db) if years is None else years
    day = on or today()
    out: list[Candidate] = []
    with db.session() as s:
        closed = s.scalars(
            select(Household)
            .where(Household.status == vocab.HouseholdStatus.CLOSED)
            .order_by(Household.closed_on)
        )
        for h in closed:
            ids = _row_ids(s, h.id)
            pending = int(
                s.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.row_id.in_(ids), OutboxEntry.acked_at.is_(None))
                )
                or 0
            )
            due = _add_years(h.closed_on, period) if h.closed_on else None
            if h.closed_on is None:
                reason = "没有销档日期"
            elif pending:
                reason = f"还有 {pending} 条修改未被市总工会确认，请先同步"
            elif due is not None and due > day:
                reason = f"保存期到 {due.isoformat()}"
            else:
                reason = ""
            head = h.head
            out.append(
                Candidate(h.id, head.name if head else "", h.closed_on, pending, due, reason == "", reason)
            )
    return out


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class PurgeResult:
    households: int
    rows: int
    files: int
    backups: int = 0  # backups erased because they held the purged households


def purge(db: Database, household_ids: list[str], *, years: int | None = None) -> PurgeResult:
    """Remove eligible households' personal data from this device (others are left alone)."""
    allowed = {c.household_id for c in candidates(db, years=years) if c.eligible}
    targets = [h for h in household_ids if h in allowed]
    rows = files = 0
    hashes: set[str] = set()
    for hid in targets:
        with db.session() as s:
            ids = _row_ids(s, hid)
            hashes |= set(s.scalars(select(Attachment.sha256).where(Attachment.household_id == hid)))
            referral_ids = list(s.scalars(select(Referral.id).where(Referral.household_id == hid)))
            s.execute(delete(ReferralEvent).where(ReferralEvent.referral_id.in_(referral_ids)))
            for model in (
                PrintRecord,
                Attachment,
                Consent,
                ReliefPayment,
                Assessment,
                WorkerStatus,
                HouseholdEconomy,
            ):
                s.execute(delete(model).where(model.household_id == hid))
            s.execute(delete(Referral).where(Referral.household_id == hid))
            for later in (Visit, Pairing, Member):
                s.execute(delete(later).where(later.household_id == hid))
            s.execute(delete(Household).where(Household.id == hid))
            rows += len(ids)
            # the acknowledged outbox copies hold the same personal data
            s.execute(
                delete(OutboxEntry).where(OutboxEntry.row_id.in_(ids), OutboxEntry.acked_at.is_not(None))
            )
            s.execute(delete(Draft).where(Draft.key.like(f"%{hid}%")))
        audit.log(
            db,
            vocab.AuditAction.RETENTION_WIPE,
            household_id=hid,
            detail="已销档且市总已确认，保存期满后从本机清除",
        )
    if targets:
        with db.session() as s:
            still_used = set(s.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(hashes))))
            # acknowledged batches are no longer needed on the device either
            s.execute(delete(SyncBatch).where(SyncBatch.acked_at.is_not(None)))
        for sha in hashes - still_used:
            path = attachment_store(db) / sha[:2] / sha
            if path.exists():
                erase(path)
                files += 1
    return PurgeResult(len(targets), rows, files, _replace_backups(db) if targets else 0)


def _replace_backups(db: Database) -> int:
    """Erase the backups that still hold purged households; keep one backup of the purged ledger."""
    old = sorted(db.backup_dir.glob(f"{db.path.stem}-*.sqlite")) if db.backup_dir.is_dir() else []
    fresh = migrate.backup_sqlite(db.path, db.backup_dir, "after-retention", db.key)
    for path in old:
        if path != fresh:
            erase(path)
    return len(old)


def unacknowledged_changes(db: Database) -> int:
    with db.session() as s:
        pending = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
        return int(s.scalar(pending) or 0)


# ----------------------------------------------------------------------------- the whole device

# what a data folder holds that may contain personal data (everything but settings of the app)
_WIPE_NAMES = ("fieldapp.sqlite", "backups", "attachments", "exports", "tmp")


def wipe_folder(data_dir: Path) -> list[Path]:
    """Crypto-erase a data folder: keys first, then every ledger file; returns what was removed."""
    from fieldapp.security import vault

    removed: list[Path] = []
    if vault.vault_exists(data_dir):
        vault.destroy(data_dir)
        removed.append(data_dir / vault.KEYSTORE_NAME)
    for path in sorted(data_dir.glob("fieldapp.sqlite*")) + [data_dir / n for n in _WIPE_NAMES[1:]]:
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                erase(f)
            for d in sorted((p for p in path.rglob("*") if p.is_dir()), reverse=True):
                d.rmdir()
            path.rmdir()
            removed.append(path)
        elif path.is_file():
            erase(path)
            removed.append(path)
    return removed


def has_personal_data(data_dir: Path) -> bool:
    return any(data_dir.glob("fieldapp.sqlite*")) or any(
        (data_dir / n).exists() for n in ("backups", "attachments", "keystore.json")
    )
