"""Services the workbench stands on: search index, drafts, to-do list, re-survey progress."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY, head_data, household_data, person_id

from fieldapp.domain.vocab import ReferralStatus, VisitMode
from fieldapp.services import cadres, drafts, households, referrals, todo, visits
from fieldapp.services.profile import load_profile
from fieldapp.services.search import SearchIndex
from fieldapp.storage.db import Database


def _add(db: Database, seq: int, name: str, phone: str, cadre_id: str | None = None) -> str:
    return households.create_household(
        db, household_data(phone=phone), head_data(seq, name), cadre_id=cadre_id
    ).id


def test_search_index_matches_initials_name_id_tail_phone_village(db: Database) -> None:
    _add(db, 11, "张海生", "13805391234")
    _add(db, 13, "单丽", "13905397777")
    index = SearchIndex.build(households.list_households(db))
    names = lambda q: sorted(index.rows[i].head_name for i in index.search(q))  # noqa: E731
    assert names("zhs") == ["张海生"]
    assert names("ZHS") == ["张海生"]
    assert names("sl") == ["单丽"] and names("dl") == ["单丽"]
    assert names("海生") == ["张海生"]
    assert names(person_id(13)[-6:]) == ["单丽"]
    assert names("13905397777") == ["单丽"] and names("+8613905397777") == ["单丽"]
    assert names("泇河 zhs") == ["张海生"]  # every term must match
    assert names("") == ["单丽", "张海生"]
    assert names("wxyz") == []


def test_typing_narrows_from_the_last_result_and_gives_what_a_fresh_search_gives(db: Database) -> None:
    for seq, name in enumerate(("张海生", "张海", "赵华生", "单丽", "张生"), start=11):
        _add(db, seq, name, f"1380539{seq:04d}")
    rows = households.list_households(db)
    typing = SearchIndex.build(rows)
    # type, widen (backspace), type something else, add a term, clear, type a phone with +86
    for query in (
        "z",
        "zh",
        "zhs",
        "zh",
        "z",
        "zh 泇",
        "zh 泇河",
        "",
        "s",
        "sl",
        "+",
        "+86",
        "+861380539001",
    ):
        fresh = SearchIndex.build(rows)
        assert typing.search(query) == fresh.search(query), query


def test_drafts_round_trip_and_discard(db: Database) -> None:
    assert drafts.load_draft(db, "visit:x") is None
    drafts.save_draft(db, "visit:x", "visit", {"notes": "屋顶漏雨"})
    drafts.save_draft(db, "visit:x", "visit", {"notes": "屋顶漏雨，已联系村委"})
    saved = drafts.load_draft(db, "visit:x")
    assert saved is not None and saved.payload == {"notes": "屋顶漏雨，已联系村委"}
    assert [d.key for d in drafts.list_drafts(db, "visit")] == ["visit:x"]
    drafts.discard_draft(db, "visit:x")
    assert drafts.load_draft(db, "visit:x") is None
    drafts.discard_draft(db, "visit:x")  # twice is harmless


def test_todo_lists_overdue_visits_and_follow_ups_for_my_households(db: Database) -> None:
    me = cadres.add_cadre(db, "王芳")
    other = cadres.add_cadre(db, "李强")
    mine = _add(db, 11, "张海生", "13805391234", me)
    theirs = _add(db, 13, "单丽", "13905397777", other)
    today = dt.date(2026, 6, 30)
    visits.record_visit(db, visits.VisitData(mine, dt.date(2026, 3, 1), next_visit_due=dt.date(2026, 4, 1)))
    visits.record_visit(
        db, visits.VisitData(theirs, dt.date(2026, 6, 20), next_visit_due=dt.date(2026, 7, 20))
    )
    rid = referrals.create_referral(
        db, referrals.ReferralData(mine, "RIGHTS-WAGES", "县总工会", "欠薪", created_on=dt.date(2026, 5, 1))
    )
    referrals.change_status(db, rid, ReferralStatus.REFERRED, on=dt.date(2026, 5, 2))
    items = todo.todo_items(db, cadre_id=me, on=today)
    assert [(i.kind, i.head_name, i.overdue) for i in items] == [
        ("visit", "张海生", True),
        ("referral", "张海生", True),
    ]
    assert items[0].overdue_days == 90
    assert items[1].referral_id == rid
    # nothing of the other cadre's, and a visit due in 20 days is not yet listed
    assert all(i.household_id == mine for i in items)
    assert [i.head_name for i in todo.todo_items(db, on=today)] == ["张海生", "张海生"]
    # a completed referral drops off
    referrals.change_status(db, rid, ReferralStatus.WITHDRAWN, on=dt.date(2026, 6, 1), note="当事人撤回")
    assert [i.kind for i in todo.todo_items(db, cadre_id=me, on=today)] == ["visit"]


def test_resurvey_progress_counts_face_to_face_visits_in_the_period(db: Database) -> None:
    me = cadres.add_cadre(db, "王芳")
    a = _add(db, 11, "张海生", "13805391234", me)
    b = _add(db, 13, "单丽", "13905397777", me)
    c = _add(db, 15, "李明", "13705395555", me)
    start = TODAY - dt.timedelta(days=10)
    visits.record_visit(db, visits.VisitData(a, start + dt.timedelta(days=2)))
    visits.record_visit(db, visits.VisitData(b, start + dt.timedelta(days=3), mode=VisitMode.PHONE))
    visits.record_visit(db, visits.VisitData(c, start - dt.timedelta(days=5)))
    p = todo.resurvey_progress(db, start, cadre_id=me)
    assert (p.visited, p.total, p.remaining) == (1, 3, 2)
    assert set(p.to_visit) == {b, c}
    assert p.end == start + dt.timedelta(days=29)


def test_pairing_overview_flags_cadres_outside_two_to_four(db: Database) -> None:
    me = cadres.add_cadre(db, "王芳")
    cadres.add_cadre(db, "李强")
    _add(db, 11, "张海生", "13805391234", me)
    _add(db, 13, "单丽", "13905397777", me)
    overview = {c.cadre_name: c for c in todo.pairing_overview(db)}
    assert overview["王芳"].active == 2 and overview["王芳"].warning is None
    assert overview["李强"].active == 0 and "少于" in (overview["李强"].warning or "")


def test_profile_loads_everything_of_a_household(db: Database) -> None:
    hid = _add(db, 11, "张海生", "13805391234")
    visits.record_visit(db, visits.VisitData(hid, TODAY))
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    referrals.change_status(db, rid, ReferralStatus.REFERRED)
    p = load_profile(db, hid)
    assert p.head is not None and p.head.name == "张海生"
    assert len(p.visits) == 1 and len(p.members) == 1
    assert [e.status for e in p.referrals[0].events] == [ReferralStatus.DRAFT, ReferralStatus.REFERRED]
    assert p.village_name.startswith("临沂市兰陵县")
