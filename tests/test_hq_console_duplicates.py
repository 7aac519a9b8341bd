"""疑似重复 in the console (issue 11): two devices register the same ID number; HQ lists the pair
side by side (scoped by county, ID numbers masked), marks it 不同户 (audited, never queued again),
and refuses another county's clerk (404), a read-only account and a form without its CSRF token.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.conftest import head_data, household_data, person_id
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_hq_ledger import LANLING, LANSHAN, LANSHAN_VILLAGE, sync_all
from tests.test_sync_protocol import enrolled_device, hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp.domain import vocab
from fieldapp.hq import accounts, duplicates
from fieldapp.hq.app import create_app
from fieldapp.hq.models import ConsoleAudit, SuspectedDuplicate
from fieldapp.hq.store import HQ
from fieldapp.services import households

LUOZHUANG = "371311"


def _entries(server: HQ) -> list[tuple[int, str]]:
    with server.session() as s:
        return [
            (d.id, d.status) for d in s.scalars(select(SuspectedDuplicate).order_by(SuspectedDuplicate.id))
        ]


def _audit(server: HQ, action: str) -> list[ConsoleAudit]:
    with server.session() as s:
        return list(s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == action)))


def test_the_duplicate_queue_side_by_side_scoped_marked_distinct_and_refused(tmp_path: Path) -> None:
    server = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    server.init()
    a = enrolled_device(server, tmp_path / "a", "兰陵县-甲")
    b = enrolled_device(server, tmp_path / "b", "兰山区-乙")
    same = person_id(41)
    try:
        ha = households.create_household(a, household_data(), head_data(41, "王重复")).id
        hb = households.create_household(
            b, household_data(village_code=LANSHAN_VILLAGE), head_data(41, "王重名", id_number=same)
        ).id
        households.add_member(b, hb, head_data(42, "王小妹", relation=vocab.Relation.DAUGHTER))
        sync_all(a, server)
        sync_all(b, server)
        ((entry_id, status),) = _entries(server)
        assert status == "open"
        for name, role, county in (
            ("city", "city", ""),
            ("lanling", "county", LANLING),
            ("lanshan", "county", LANSHAN),
            ("luozhuang", "county", LUOZHUANG),
            ("viewer", "readonly", ""),
        ):
            accounts.add_account(server, name, role, PASSWORD, county=county)
        with TestClient(create_app(server), follow_redirects=False) as c:
            # another county's clerk: nothing listed, 404 by URL, nothing changed
            csrf = sign_in(c, "luozhuang")
            page = c.get("/console/duplicates")
            assert (
                page.status_code == 200 and "没有待处理的疑似重复" in page.text and "王重复" not in page.text
            )
            r = c.post(f"/console/duplicates/{entry_id}/distinct", data={"csrf_token": csrf, "note": "核实"})
            assert r.status_code == 404 and "王重复" not in r.text
            merge = {"csrf_token": csrf, "survivor": "a", "owner": "a", "note": ""}
            r = c.post(f"/console/duplicates/{entry_id}/merge", data=merge)
            assert r.status_code == 404 and "王重复" not in r.text
            # a clerk of either household's county sees both households side by side, numbers masked
            for clerk in ("lanling", "lanshan"):
                sign_in(c, clerk)
                page = c.get("/console/duplicates")
                assert page.status_code == 200, page.text
                for text in ("王重复", "王重名", "兰陵县-甲", "兰山区-乙", "疑似重复"):
                    assert text in page.text, text
                assert same not in page.text and same[:6] + "********" + same[-4:] in page.text
                counts = re.search(r"成员人数</td><td>(\d)</td><td>(\d)</td>", page.text)
                assert counts is not None and sorted(counts.groups()) == ["1", "2"]  # members on each side
            # read-only: may view, not act; the refusal is audited and nothing changes
            csrf = sign_in(c, "viewer")
            page = c.get("/console/duplicates")
            assert (
                "王重复" in page.text and "只能查看" in page.text and "标为不同户</button>" not in page.text
            )
            r = c.post(f"/console/duplicates/{entry_id}/distinct", data={"csrf_token": csrf, "note": "核实"})
            assert r.status_code == 403 and "只读账号不能修改任何内容" in r.text
            r = c.post(f"/console/duplicates/{entry_id}/merge", data={**merge, "csrf_token": csrf})
            assert r.status_code == 403 and "只读账号不能修改任何内容" in r.text
            assert len([e for e in _audit(server, "refused") if e.account == "viewer"]) == 2
            # a form without (or with a forged) CSRF token is refused
            csrf = sign_in(c, "city")
            for token in ("", "forged"):
                r = c.post(
                    f"/console/duplicates/{entry_id}/distinct", data={"csrf_token": token, "note": "核实"}
                )
                assert r.status_code == 403 and "表单已过期" in r.text
                r = c.post(f"/console/duplicates/{entry_id}/merge", data={**merge, "csrf_token": token})
                assert r.status_code == 403 and "表单已过期" in r.text
            # a survivor that is neither household: a clear error
            r = c.post(
                f"/console/duplicates/{entry_id}/merge", data={**merge, "csrf_token": csrf, "survivor": "c"}
            )
            assert r.status_code == 400 and "请选择保留哪一户" in r.text
            # a note is required: a clear Chinese error, nothing changed
            r = c.post(f"/console/duplicates/{entry_id}/distinct", data={"csrf_token": csrf, "note": "  "})
            assert r.status_code == 400 and "请写明为什么是不同的户" in r.text
            assert _entries(server) == [(entry_id, "open")] and not _audit(server, "duplicate_distinct")
            # city staff mark the pair distinct: it leaves the queue, audited with the note
            r = c.post(
                f"/console/duplicates/{entry_id}/distinct",
                data={"csrf_token": csrf, "note": "两户同名，号码系录入错误，已核实"},
            )
            assert r.status_code == 303, r.text
            assert "已标为不同户" in c.get(r.headers["location"]).text
            assert "王重复" not in c.get("/console/duplicates").text
            assert "王重复" in c.get("/console/duplicates?status=distinct").text
            (audit,) = _audit(server, "duplicate_distinct")
            assert audit.account == "city" and "已核实" in audit.detail and str(entry_id) in audit.target
            # twice is a clear error, not a second audit entry
            r = c.post(f"/console/duplicates/{entry_id}/distinct", data={"csrf_token": csrf, "note": "再次"})
            assert (
                r.status_code == 400 and "已处理" in r.text and len(_audit(server, "duplicate_distinct")) == 1
            )
            r = c.post(f"/console/duplicates/{entry_id}/merge", data={**merge, "csrf_token": csrf})
            assert r.status_code == 400 and "已处理" in r.text and not _audit(server, "duplicate_merge")
        # a later ingest of the same pair (an edit on each device) does not queue it again
        head = households.get_household(a, ha).head
        assert head is not None
        households.update_member(a, head.id, head_data(41, "王重复改"))
        households.update_household(
            b, hb, household_data(village_code=LANSHAN_VILLAGE, address_detail="新址")
        )
        sync_all(a, server)
        sync_all(b, server)
        assert _entries(server) == [(entry_id, "distinct")]
        with server.session() as s:
            assert duplicates.queue(s) == []
            duplicates.rebuild(s)  # nor does a rebuild of the claims
        assert _entries(server) == [(entry_id, "distinct")]
    finally:
        a.close()
        b.close()
        server.close()


def test_merge_in_the_console_moves_the_records_and_both_devices_see_it(tmp_path: Path, hq_url: str) -> None:
    """On SQLite and on a real PostgreSQL (the merge takes a row lock there)."""
    from tests.conftest import TODAY
    from tests.test_sync_hq_reply import sync

    from fieldapp.domain.referrals import catalogue
    from fieldapp.hq import ledger
    from fieldapp.hq.accounts import Staff
    from fieldapp.services import records, referrals, visits
    from fieldapp.services.referrals import ReferralData
    from fieldapp.services.visits import VisitData
    from fieldapp.storage.models import ReliefPayment, Visit

    server = HQ(hq_url)
    server.init()
    a = enrolled_device(server, tmp_path / "a", "兰陵县-甲")
    b = enrolled_device(server, tmp_path / "b", "兰陵县-乙")
    try:
        keep = households.create_household(a, household_data(), head_data(41, "王重复")).id
        gone = households.create_household(b, household_data(), head_data(41, "王重复")).id
        daughter = households.add_member(
            b, gone, head_data(42, "王小妹", relation=vocab.Relation.DAUGHTER)
        ).id
        relief = records.record_relief(
            b, gone, vocab.ReliefProgramme.SEND_WARMTH, 50000, TODAY, member_id=daughter, note="春节慰问"
        )
        visit = visits.record_visit(b, VisitData(household_id=gone, visit_date=TODAY, notes="乙的走访"))
        kind = next(iter(catalogue().values()))
        ref = referrals.create_referral(
            b,
            ReferralData(
                household_id=gone, kind_code=kind.code, receiving_body=kind.bodies[0], reason="培训"
            ),
        )
        sync(a, server)
        sync(b, server)
        ((entry_id, _),) = _entries(server)
        with server.session() as s:
            entry = s.get(SuspectedDuplicate, entry_id)
            assert entry is not None
            side = "a" if entry.household_a == keep else "b"
        accounts.add_account(server, "city", "city", PASSWORD)
        with TestClient(create_app(server), follow_redirects=False) as c:
            csrf = sign_in(c, "city")
            assert "合并</button>" in c.get("/console/duplicates").text
            r = c.post(
                f"/console/duplicates/{entry_id}/merge",
                data={
                    "csrf_token": csrf,
                    "survivor": side,
                    "owner": side,
                    "note": "同一户，两位干部各登记了一次",
                },
            )
            assert r.status_code == 303, r.text
            assert "已合并" in c.get(r.headers["location"]).text
            assert "王重复" not in c.get("/console/duplicates").text
        assert _entries(server) == [(entry_id, "merged")]
        (audit,) = _audit(server, "duplicate_merge")
        assert audit.account == "city" and "两位干部" in audit.detail
        # headquarters: the survivor's file holds the other's visit, referral and daughter
        f = ledger.household_file(server, Staff(1, "市总", "city"), keep)
        assert f is not None
        assert sorted(m.name for m in f.members) == ["王小妹", "王重复"]
        assert [v.notes for v in f.visits] == ["乙的走访"] and len(f.referrals) == 1
        closed = ledger.household_file(server, Staff(1, "市总", "city"), gone)
        assert closed is not None and closed.summary.status == "已销档"
        # both devices sync and see the result
        sync(a, server)
        sync(b, server)
        with a.session() as s:
            moved = s.get(Visit, visit)
            assert moved is not None and moved.household_id == keep
            paid = s.get(ReliefPayment, relief)
            assert paid is not None and paid.household_id == keep and paid.member_id == daughter
        assert referrals.get_referral(a, ref).household_id == keep
        mine = households.get_household(a, keep)
        assert sorted(m.name for m in mine.members if not m.deleted) == ["王小妹", "王重复"]
        assert households.get_household(a, gone).status == vocab.HouseholdStatus.CLOSED
        theirs = households.get_household(b, gone)
        assert theirs.status == vocab.HouseholdStatus.CLOSED and theirs.owner_device == a.device_id
        # the merged pair is not queued again, and a second merge is refused
        sync(a, server)
        assert _entries(server) == [(entry_id, "merged")]
    finally:
        a.close()
        b.close()
        server.close()
