"""Correcting saved relief payments, consents and referral details with a reason (issue 14):
the reason is required and kept with the record, the change is audited and goes out in the
outbox as an update, and a referral's status does not move."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from tests.conftest import TODAY, head_data, household_data

from fieldapp.domain import vocab
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import MemberData
from fieldapp.services import audit, corrections, households, records, referrals
from fieldapp.storage.db import Database
from fieldapp.storage.models import OutboxEntry, ReliefPayment


def _ops(db: Database, row_id: str) -> list[str]:
    with db.session() as s:
        return list(
            s.scalars(select(OutboxEntry.op).where(OutboxEntry.row_id == row_id).order_by(OutboxEntry.seq))
        )


def _fields(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.field for p in error.value.problems]


@pytest.fixture
def hid(db: Database) -> str:
    return households.create_household(db, household_data(), head_data()).id


def test_a_relief_payment_is_corrected_with_a_reason_audited_and_synced(db: Database, hid: str) -> None:
    day = TODAY - dt.timedelta(days=5)
    rid = records.record_relief(db, hid, vocab.ReliefProgramme.SEND_WARMTH, 50000, day, note="春节慰问")
    fixed = corrections.ReliefData(vocab.ReliefProgramme.SEND_WARMTH, 5000, day, None, "春节慰问")
    with pytest.raises(ValidationError) as no_reason:
        corrections.correct_relief(db, rid, fixed, "   ")
    assert _fields(no_reason) == ["correction_reason"]
    assert "必填" in str(no_reason.value)
    with pytest.raises(ValidationError) as bad_amount:
        corrections.correct_relief(db, rid, corrections.ReliefData(fixed.programme, 0, day), "录错")
    assert _fields(bad_amount) == ["amount_fen"]
    with pytest.raises(ValidationError) as unchanged:
        corrections.correct_relief(db, rid, corrections.relief_data(db, rid), "录错")
    assert "没有改动" in str(unchanged.value)
    assert corrections.relief_data(db, rid).amount_fen == 50000  # nothing lost by the refusals

    new = corrections.correct_relief(db, rid, fixed, "金额多录了一个0")
    saved = corrections.relief_data(db, new)
    assert saved.amount_fen == 5000
    assert saved.note == f"春节慰问\n【{TODAY.isoformat()} 修改】金额多录了一个0"
    with db.session() as s:  # the wrong one withdrawn, never overwritten: HQ sees both
        old = s.get(ReliefPayment, rid)
        assert old is not None and old.deleted and old.amount_fen == 50000
        assert "金额多录了一个0" in old.note
    assert _ops(db, rid) == ["insert", "delete"] and _ops(db, new) == ["insert"]
    entry = audit.recent(db, household_id=hid)[0]
    assert entry.action == vocab.AuditAction.EDIT
    assert "amount_fen" in entry.detail and "多录" not in entry.detail  # typed text stays out


def test_a_consent_is_corrected_with_a_reason_and_a_child_still_needs_a_guardian(
    db: Database, hid: str
) -> None:
    eight = TODAY - dt.timedelta(days=365 * 8)
    child = households.add_member(
        db, hid, MemberData(name="张小明", relation=vocab.Relation.SON, birth_date=eight)
    ).id
    cid = records.record_consent(
        db,
        hid,
        vocab.ConsentPurpose.SENSITIVE_PROCESSING,
        "2026-1",
        member_id=child,
        guardian_name="张海生",
        guardian_relation="父亲",
    )
    data = corrections.consent_data(db, cid)
    with pytest.raises(ValidationError) as no_guardian:
        corrections.correct_consent(db, cid, data.__class__(**{**data.__dict__, "guardian_name": ""}), "写错")
    assert _fields(no_guardian) == ["guardian_name"]
    with pytest.raises(ValidationError) as future:
        corrections.correct_consent(
            db, cid, data.__class__(**{**data.__dict__, "given_on": TODAY + dt.timedelta(days=1)}), "写错"
        )
    assert _fields(future) == ["given_on"]
    new = corrections.correct_consent(
        db, cid, data.__class__(**{**data.__dict__, "notice_version": "2026-2"}), "版本号写错"
    )
    assert corrections.consent_data(db, new).notice_version == "2026-2"
    assert corrections.consent_data(db, new).guardian_name == "张海生"
    assert _ops(db, cid) == ["insert", "delete"] and _ops(db, new) == ["insert"]
    assert audit.recent(db, household_id=hid)[0].action == vocab.AuditAction.EDIT


def test_referral_details_are_corrected_with_the_reason_in_its_history_and_the_status_kept(
    db: Database, hid: str
) -> None:
    rid = referrals.create_referral(
        db,
        referrals.ReferralData(
            hid, "RIGHTS-WAGES", "县总工会", "欠薪", created_on=TODAY - dt.timedelta(days=3)
        ),
    )
    referrals.change_status(db, rid, vocab.ReferralStatus.REFERRED, on=TODAY - dt.timedelta(days=2))
    details = corrections.referral_details(db, rid)
    with pytest.raises(ValidationError) as empty:
        corrections.correct_referral(db, rid, details.__class__("", "欠薪", details.created_on), "写错")
    assert _fields(empty) == ["receiving_body"]
    corrections.correct_referral(
        db, rid, details.__class__("县总工会法律援助中心", "欠薪三个月", details.created_on), "接收单位写错"
    )
    r = referrals.get_referral(db, rid)
    assert (r.receiving_body, r.reason) == ("县总工会法律援助中心", "欠薪三个月")
    assert r.status == vocab.ReferralStatus.REFERRED and r.status_on == TODAY - dt.timedelta(days=2)
    last = referrals.history(db, rid)[-1]
    assert last.status == vocab.ReferralStatus.REFERRED and "接收单位写错" in last.note
    assert _ops(db, rid)[-1] == "update"
    assert "receiving_body" in audit.recent(db, household_id=hid)[0].detail
