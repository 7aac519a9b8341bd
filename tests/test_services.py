"""Use cases through the services, against a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import TODAY, head_data, household_data, person_id

from fieldapp.domain import vocab
from fieldapp.domain.errors import NotFound, RuleViolation, ValidationError
from fieldapp.domain.hardship import HardshipInput
from fieldapp.domain.people import MemberData
from fieldapp.domain.vocab import ReferralStatus as RS
from fieldapp.services import assessments, cadres, households, records, referrals, settings, visits
from fieldapp.services.referrals import ReferralData
from fieldapp.services.visits import VisitData
from fieldapp.storage.db import Database


def new_household(db: Database, seq: int = 11, name: str = "张海生", **kw: object) -> str:
    return households.create_household(db, household_data(), head_data(seq=seq, name=name), **kw).id  # type: ignore[arg-type]


# --- households and members --------------------------------------------------------------


def test_household_with_members_and_id_derived_fields(db: Database) -> None:
    hid = new_household(db)
    households.add_member(
        db,
        hid,
        MemberData(
            name="李秀英",
            relation=vocab.Relation.SPOUSE,
            id_number=person_id(22, dt.date(1982, 2, 3)),
            health=vocab.HealthStatus.SERIOUS_ILLNESS,
            illness="尿毒症",
            monthly_income_fen=120000,
        ),
    )
    h = households.get_household(db, hid)
    members = households.live_members(h)
    assert [m.name for m in members] == ["张海生", "李秀英"]
    spouse = members[1]
    assert spouse.birth_date == dt.date(1982, 2, 3)
    assert spouse.sex == vocab.Sex.FEMALE
    assert spouse.name_initials == "lxy"
    assert h.complete


def test_member_errors_name_every_wrong_field(db: Database) -> None:
    hid = new_household(db)
    bad = MemberData(
        name="",
        relation=vocab.Relation.SON,
        id_number="110105194912310021",
        monthly_income_fen=-5,
        phone="12345",
    )
    with pytest.raises(ValidationError) as err:
        households.add_member(db, hid, bad)
    assert set(err.value.fields) == {"name", "id_number", "monthly_income_fen", "phone"}
    assert "月收入：不能为负数" in str(err.value)


def test_birth_date_or_sex_contradicting_the_id_is_refused(db: Database) -> None:
    hid = new_household(db)
    with pytest.raises(ValidationError, match="出生日期"):
        households.add_member(
            db,
            hid,
            MemberData(
                name="张三",
                relation=vocab.Relation.SON,
                id_number=person_id(31),
                birth_date=dt.date(2001, 1, 1),
            ),
        )
    with pytest.raises(ValidationError, match="性别"):
        households.add_member(
            db,
            hid,
            MemberData(
                name="张三", relation=vocab.Relation.SON, id_number=person_id(31), sex=vocab.Sex.FEMALE
            ),
        )


def test_same_id_number_cannot_be_registered_twice(db: Database) -> None:
    new_household(db)
    with pytest.raises(RuleViolation, match="已登记"):
        new_household(db, name="别人")


def test_unknown_village_code_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        households.create_household(db, household_data(village_code="371324999999"), head_data())
    assert err.value.fields == ["village_code"]


def test_missing_details_mark_the_household_incomplete(db: Database) -> None:
    saved = households.create_household(db, household_data(village_code=None, phone=None), head_data())
    assert saved.missing == ("village_code", "phone")
    households.update_household(db, saved.id, household_data())
    assert households.get_household(db, saved.id).complete


def test_second_head_is_refused_and_head_cannot_be_removed(db: Database) -> None:
    hid = new_household(db)
    with pytest.raises(RuleViolation, match="已有户主"):
        households.add_member(db, hid, MemberData(name="王五", relation=vocab.Relation.HEAD))
    head = households.get_household(db, hid).head
    assert head is not None
    with pytest.raises(RuleViolation, match="不能删除户主"):
        households.remove_member(db, head.id)


def test_removed_member_is_a_tombstone(db: Database) -> None:
    hid = new_household(db)
    mid = households.add_member(db, hid, MemberData(name="张小明", relation=vocab.Relation.SON)).id
    households.remove_member(db, mid)
    assert [m.name for m in households.live_members(households.get_household(db, hid))] == ["张海生"]
    with pytest.raises(NotFound):
        households.remove_member(db, mid)


def test_unit_employee_household_needs_the_unit(db: Database) -> None:
    with pytest.raises(ValidationError, match="所在单位"):
        households.create_household(
            db, household_data(pairing_basis=vocab.PairingBasis.UNIT_EMPLOYEE), head_data()
        )


# --- pairing: 2–4 households per cadre ---------------------------------------------------------


def test_pairing_rule_two_to_four_households(db: Database) -> None:
    cadre = cadres.add_cadre(db, "王芳", unit="临沂市总工会", phone="13905390001")
    ids = [new_household(db, seq=40 + i, name=f"户主{i}") for i in range(6)]
    cadres.pair(db, cadre, ids[0])
    assert cadres.pairing_status(db, cadre).warning == "已结对1户，少于规定的2户"
    for hid in ids[1:4]:
        cadres.pair(db, cadre, hid)
    assert cadres.pairing_status(db, cadre).warning is None
    with pytest.raises(RuleViolation) as err:
        cadres.pair(db, cadre, ids[4])
    assert err.value.field == "reason"
    assert "需填写原因" in str(err.value)
    cadres.pair(db, cadre, ids[4], reason="同村两户均为重病家庭，由本人一并联系")
    status = cadres.pairing_status(db, cadre)
    assert status.active == 5 and status.warning is not None


def test_household_can_be_listed_before_anyone_pairs_with_it(db: Database) -> None:
    hid = new_household(db)
    (row,) = households.list_households(db)
    assert row.id == hid and row.cadre_names == ()


def test_ended_pairing_frees_a_place(db: Database) -> None:
    cadre = cadres.add_cadre(db, "王芳")
    ids = [new_household(db, seq=60 + i, name=f"户主{i}") for i in range(5)]
    pairings = [cadres.pair(db, cadre, hid) for hid in ids[:4]]
    with pytest.raises(ValidationError):
        cadres.end_pairing(db, pairings[0], reason=" ")
    cadres.end_pairing(db, pairings[0], reason="家庭已脱困，销档")
    cadres.pair(db, cadre, ids[4])
    assert cadres.pairing_status(db, cadre).active == 4


# --- visits ------------------------------------------------------------------------------------


def test_visit_suggests_next_date_and_remembers_place(db: Database) -> None:
    hid = new_household(db)
    day = TODAY - dt.timedelta(days=3)
    vid = visits.record_visit(
        db,
        VisitData(
            household_id=hid,
            visit_date=day,
            place="兰陵县卞庄街道泇河社区3组12号",
            demands="希望孩子能申请助学金",
        ),
    )
    (visit,) = visits.list_visits(db, hid)
    assert visit.id == vid
    assert visit.next_visit_due == day + dt.timedelta(days=30)
    assert visits.last_place(db, hid) == "兰陵县卞庄街道泇河社区3组12号"


def test_a_corrected_visit_is_saved_and_queued_for_headquarters(db: Database) -> None:
    from sqlalchemy import select

    from fieldapp.storage.models import OutboxEntry

    hid = new_household(db)
    day = TODAY - dt.timedelta(days=3)
    vid = visits.record_visit(db, VisitData(household_id=hid, visit_date=day, notes="户主不在家"))
    visits.update_visit(db, vid, VisitData(household_id=hid, visit_date=day, notes="户主在家，已面谈"))
    (visit,) = visits.list_visits(db, hid)
    assert visit.notes == "户主在家，已面谈" and visit.version == 2
    with db.session() as s:
        ops = list(
            s.scalars(select(OutboxEntry.op).where(OutboxEntry.row_id == vid).order_by(OutboxEntry.seq))
        )
    assert ops == ["insert", "update"]
    with pytest.raises(ValidationError):  # the same rules as a new visit
        visits.update_visit(db, vid, VisitData(household_id=hid, visit_date=TODAY + dt.timedelta(days=1)))
    assert visits.list_visits(db, hid)[0].notes == "户主在家，已面谈"


def test_visit_in_the_future_or_with_too_late_follow_up_is_refused(db: Database) -> None:
    hid = new_household(db)
    today = TODAY
    with pytest.raises(ValidationError) as err:
        visits.record_visit(db, VisitData(household_id=hid, visit_date=today + dt.timedelta(days=1)))
    assert "visit_date" in err.value.fields
    with pytest.raises(ValidationError, match="6个月"):
        visits.record_visit(
            db, VisitData(household_id=hid, visit_date=today, next_visit_due=today + dt.timedelta(days=400))
        )


# --- hardship assessment -------------------------------------------------------------------


def test_assessment_uses_the_configured_standard_and_keeps_it(db: Database) -> None:
    hid = new_household(db)
    settings.set_dibao_standard(db, "950")
    data = HardshipInput(
        household_size=4,
        annual_income_fen=4_800_000,
        rigid_spending_fen=600_000,
        main_cause=vocab.HardshipCause.SERIOUS_ILLNESS,
        secondary_causes=(vocab.HardshipCause.CHILDREN_SCHOOLING,),
    )
    assert assessments.preview(db, data).category == vocab.HardshipCategory.DEEP  # 875 < 950
    assessments.record_assessment(db, hid, data)
    a = assessments.latest_assessment(db, hid)
    assert a is not None
    assert (a.per_head_monthly_fen, a.dibao_standard_fen, a.category) == (
        87500,
        95000,
        vocab.HardshipCategory.DEEP,
    )
    assert a.secondary_causes == "9"
    assert households.list_households(db)[0].category == "深度困难"


def test_negative_income_in_assessment_is_refused(db: Database) -> None:
    hid = new_household(db)
    data = HardshipInput(
        household_size=2,
        annual_income_fen=-100,
        rigid_spending_fen=0,
        main_cause=vocab.HardshipCause.LAID_OFF,
    )
    with pytest.raises(ValidationError) as err:
        assessments.record_assessment(db, hid, data)
    assert err.value.fields == ["annual_income_fen"]


def test_dibao_standard_must_be_positive(db: Database) -> None:
    with pytest.raises(ValidationError, match="不能为负数"):
        settings.set_dibao_standard(db, "-1")
    with pytest.raises(ValidationError, match="应大于0"):
        settings.set_dibao_standard(db, "0")


# --- referrals ----------------------------------------------------------------------------------


def make_referral(db: Database, hid: str, created: dt.date) -> str:
    return referrals.create_referral(
        db,
        ReferralData(
            household_id=hid,
            kind_code="RIGHTS-WAGES",
            receiving_body="兰陵县总工会",
            reason="拖欠工资8个月，共计2.4万元",
            created_on=created,
        ),
        recorded_by="王芳",
    )


def test_referral_lifecycle_is_kept_as_events(db: Database) -> None:
    hid = new_household(db)
    start = TODAY - dt.timedelta(days=20)
    rid = make_referral(db, hid, start)
    assert referrals.get_referral(db, rid).status == RS.DRAFT
    referrals.change_status(db, rid, RS.REFERRED, on=start + dt.timedelta(days=1))
    r = referrals.get_referral(db, rid)
    assert r.follow_up_due == start + dt.timedelta(days=8)  # wages: follow up within 7 days
    referrals.change_status(db, rid, RS.ACCEPTED, on=start + dt.timedelta(days=3), note="已立案")
    referrals.change_status(db, rid, RS.COMPLETED, on=start + dt.timedelta(days=15), note="工资已追回")
    r = referrals.get_referral(db, rid)
    assert r.status == RS.COMPLETED and r.follow_up_due is None
    assert [e.status for e in referrals.history(db, rid)] == [
        RS.DRAFT,
        RS.REFERRED,
        RS.ACCEPTED,
        RS.COMPLETED,
    ]


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ([], RS.COMPLETED),
        ([], RS.ACCEPTED),
        ([RS.REFERRED, RS.ACCEPTED, RS.COMPLETED], RS.REFERRED),
        ([RS.WITHDRAWN], RS.REFERRED),
    ],
)
def test_forbidden_status_jump_is_refused(db: Database, path: list[RS], forbidden: RS) -> None:
    hid = new_household(db)
    rid = make_referral(db, hid, TODAY - dt.timedelta(days=10))
    for status in path:
        referrals.change_status(db, rid, status, note="说明")
    before = referrals.history(db, rid)
    with pytest.raises(RuleViolation) as err:
        referrals.change_status(db, rid, forbidden)
    assert err.value.field == "status"
    assert "不能从" in str(err.value)
    assert len(referrals.history(db, rid)) == len(before)


def test_returned_referral_needs_a_reason_and_can_be_sent_again(db: Database) -> None:
    hid = new_household(db)
    rid = make_referral(db, hid, TODAY - dt.timedelta(days=10))
    referrals.change_status(db, rid, RS.REFERRED)
    with pytest.raises(ValidationError, match="须说明原因"):
        referrals.change_status(db, rid, RS.RETURNED)
    referrals.change_status(db, rid, RS.RETURNED, note="材料不全，缺劳动合同")
    referrals.change_status(db, rid, RS.REFERRED, note="已补齐材料")
    assert referrals.get_referral(db, rid).status == RS.REFERRED


def test_referral_kind_must_be_in_the_catalogue(db: Database) -> None:
    hid = new_household(db)
    with pytest.raises(ValidationError, match="目录中没有"):
        referrals.create_referral(
            db, ReferralData(household_id=hid, kind_code="NOPE", receiving_body="某单位", reason="原因")
        )


def test_status_date_cannot_go_backwards(db: Database) -> None:
    hid = new_household(db)
    rid = make_referral(db, hid, TODAY - dt.timedelta(days=5))
    with pytest.raises(RuleViolation, match="不能早于"):
        referrals.change_status(db, rid, RS.REFERRED, on=TODAY - dt.timedelta(days=6))


# --- relief, consent, attachments -----------------------------------------------------------


def test_relief_amount_must_be_positive(db: Database) -> None:
    hid = new_household(db)
    records.record_relief(db, hid, vocab.ReliefProgramme.SEND_WARMTH, 50000, TODAY)
    with pytest.raises(ValidationError) as err:
        records.record_relief(db, hid, vocab.ReliefProgramme.SEND_WARMTH, -100, TODAY)
    assert err.value.fields == ["amount_fen"]


def test_consent_for_a_child_under_14_needs_a_guardian(db: Database) -> None:
    hid = new_household(db)
    child = households.add_member(
        db,
        hid,
        MemberData(
            name="张小雨", relation=vocab.Relation.DAUGHTER, id_number=person_id(42, dt.date(2016, 6, 1))
        ),
    ).id
    with pytest.raises(ValidationError, match="监护人"):
        records.record_consent(db, hid, vocab.ConsentPurpose.SENSITIVE_PROCESSING, "2026-1", member_id=child)
    records.record_consent(
        db,
        hid,
        vocab.ConsentPurpose.SENSITIVE_PROCESSING,
        "2026-1",
        member_id=child,
        guardian_name="张海生",
        guardian_relation="父亲",
    )


def test_attachments_are_stored_once_by_content(db: Database, tmp_path: Path) -> None:
    hid = new_household(db)
    photo = tmp_path / "身份证.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(photo.read_bytes())
    records.add_attachment(db, hid, photo, vocab.AttachmentKind.ID_CARD)
    records.add_attachment(db, hid, copy, vocab.AttachmentKind.ID_CARD)
    stored = [p for p in records.attachment_store(db).rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert stored[0].read_bytes() == photo.read_bytes()
    with pytest.raises(ValidationError, match="找不到文件"):
        records.add_attachment(db, hid, tmp_path / "missing.jpg", vocab.AttachmentKind.ID_CARD)


def test_a_visit_is_corrected_or_voided_with_a_reason_and_both_are_audited(db: Database) -> None:
    from sqlalchemy import select

    from fieldapp.services import audit
    from fieldapp.storage.models import OutboxEntry, Visit

    hid = households.create_household(db, household_data(), head_data()).id
    vid = visits.record_visit(db, visits.VisitData(hid, TODAY, place="家中", demands="医疗救助"))
    visits.update_visit(db, vid, visits.VisitData(hid, TODAY, place="村委会", demands="医疗救助"))
    assert visits.list_visits(db, hid)[0].place == "村委会"
    with pytest.raises(ValidationError) as refused:
        visits.void_visit(db, vid, "  ")
    assert [p.field for p in refused.value.problems] == ["reason"]
    visits.void_visit(db, vid, "记错了户，应为李明家")
    assert visits.list_visits(db, hid) == []
    with db.session() as s:  # kept as a synced tombstone, the reason with it
        v = s.get(Visit, vid)
        assert v is not None and v.deleted and v.notes.endswith("【已作废】记错了户，应为李明家")
        ops = s.scalars(
            select(OutboxEntry.op).where(OutboxEntry.row_id == vid).order_by(OutboxEntry.seq)
        ).all()
        assert ops[-1] == "delete"  # the correction goes to headquarters with the next sync
    log = audit.recent(db, household_id=hid)
    assert [r.action for r in log[:2]] == [vocab.AuditAction.VOID, vocab.AuditAction.EDIT]
    assert "place" in log[1].detail and "李明" not in log[0].detail
