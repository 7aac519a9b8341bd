"""Relief paid, consents and attachments: append-only records of a household."""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from pathlib import Path

from fieldapp.domain import vocab
from fieldapp.domain.errors import FieldProblem, NotFound, ValidationError
from fieldapp.domain.people import MINOR_AGE_FOR_GUARDIAN, age_on
from fieldapp.services.common import get_live, today, writable_household
from fieldapp.storage import blobs
from fieldapp.storage.db import Database
from fieldapp.storage.models import Attachment, Consent, Member, ReliefPayment

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def relief_problems(amount_fen: int, paid_on: dt.date) -> list[FieldProblem]:
    """What is wrong with a relief payment's figures (recording and correcting one)."""
    problems: list[FieldProblem] = []
    if amount_fen <= 0:
        problems.append(FieldProblem("amount_fen", "救助金额", "应大于0"))
    if paid_on > today():
        problems.append(FieldProblem("paid_on", "发放日期", "不能晚于今天"))
    return problems


def consent_problems(
    notice_version: str, on: dt.date, member: Member | None, guardian_name: str
) -> list[FieldProblem]:
    """What is wrong with a consent: a child under 14 needs a guardian (PIPL Art. 31)."""
    problems: list[FieldProblem] = []
    if not notice_version.strip():
        problems.append(FieldProblem("notice_version", "告知书版本", "不能为空"))
    if on > today():
        problems.append(FieldProblem("given_on", "同意日期", "不能晚于今天"))
    if (
        member is not None
        and member.birth_date
        and age_on(member.birth_date, on) < MINOR_AGE_FOR_GUARDIAN
        and not guardian_name.strip()
    ):
        problems.append(FieldProblem("guardian_name", "监护人", f"{member.name}未满14周岁，须由监护人同意"))
    return problems


def record_relief(
    db: Database,
    household_id: str,
    programme: vocab.ReliefProgramme,
    amount_fen: int,
    paid_on: dt.date,
    *,
    member_id: str | None = None,
    note: str = "",
) -> str:
    problems = relief_problems(amount_fen, paid_on)
    if problems:
        raise ValidationError(problems)
    with db.session() as s:
        writable_household(s, household_id)
        if member_id:
            get_live(s, Member, member_id)
        r = ReliefPayment(
            household_id=household_id,
            member_id=member_id,
            programme=programme,
            amount_fen=amount_fen,
            paid_on=paid_on,
            note=note.strip(),
        )
        s.add(r)
        s.flush()
        return r.id


def record_consent(
    db: Database,
    household_id: str,
    purpose: vocab.ConsentPurpose,
    notice_version: str,
    *,
    member_id: str | None = None,
    given_on: dt.date | None = None,
    granted: bool = True,
    guardian_name: str = "",
    guardian_relation: str = "",
    note: str = "",
) -> str:
    """Record a consent (or its withdrawal); a child under 14 needs a guardian (PIPL Art. 31)."""
    on = given_on or today()
    with db.session() as s:
        writable_household(s, household_id)
        member = get_live(s, Member, member_id) if member_id else None
        problems = consent_problems(notice_version, on, member, guardian_name)
        if problems:
            raise ValidationError(problems)
        c = Consent(
            household_id=household_id,
            member_id=member_id,
            purpose=purpose,
            notice_version=notice_version.strip(),
            granted=granted,
            given_on=on,
            guardian_name=guardian_name.strip(),
            guardian_relation=guardian_relation.strip(),
            note=note.strip(),
        )
        s.add(c)
        s.flush()
        return c.id


def attachment_store(db: Database) -> Path:
    return db.path.parent / "attachments"


def read_attachment(db: Database, sha256: str) -> bytes:
    """The content of a stored document photo (decrypted); NotFound if it is not on this device."""
    path = attachment_store(db) / sha256[:2] / sha256
    if not path.is_file():
        raise NotFound(f"附件文件 {sha256[:8]}… 不在本机")
    return blobs.read(path, db.key)


def add_attachment(
    db: Database,
    household_id: str,
    source: Path,
    kind: vocab.AttachmentKind,
    *,
    member_id: str | None = None,
    taken_on: dt.date | None = None,
    note: str = "",
) -> str:
    """Copy a document photo into the content-addressed store and record its metadata."""
    if not source.is_file():
        raise ValidationError.single("file", "附件文件", f"找不到文件 {source}")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError.single("file", "附件文件", "超过20MB，请压缩照片后再添加")
    content = source.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    target = attachment_store(db) / digest[:2] / digest
    if not target.exists():
        blobs.write(target, content, db.key)  # encrypted like the database
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    with db.session() as s:
        writable_household(s, household_id)
        if member_id:
            get_live(s, Member, member_id)
        a = Attachment(
            household_id=household_id,
            member_id=member_id,
            kind=kind,
            file_name=source.name,
            media_type=media_type,
            size_bytes=size,
            sha256=digest,
            taken_on=taken_on,
            note=note.strip(),
        )
        s.add(a)
        s.flush()
        return a.id
