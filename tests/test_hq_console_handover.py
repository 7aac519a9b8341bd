"""设备与干部: a household handed over to a cadre chosen by name in the browser, reaching the devices;
who may not; bad input (unknown household, no cadre chosen) in Chinese with nothing changed."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.conftest import head_data, household_data
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_sync_hq_reply import sync
from tests.test_sync_protocol import enrolled_device

from fieldapp.hq import accounts, handovers
from fieldapp.hq.app import create_app
from fieldapp.hq.models import ConsoleAudit, Handover
from fieldapp.hq.store import HQ
from fieldapp.services import cadres, households


def _handovers(hq: HQ) -> int:
    with hq.session() as s:
        return int(s.scalar(select(func.count()).select_from(Handover)) or 0)


def test_hand_a_household_to_a_cadre_chosen_by_name(tmp_path: Path) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    a = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    b = enrolled_device(hq, tmp_path / "b", "兰陵县-赵敏")
    try:
        wang = cadres.add_cadre(a, "王芳")
        hid = households.create_household(a, household_data(), head_data(11, "张海生")).id
        cadres.pair(a, wang, hid)
        households.create_household(a, household_data(), head_data(12, "张海"))  # "张海" matches two
        cadres.add_cadre(b, "赵敏")
        sync(a, hq)
        sync(b, hq)
        for name, role in (("city", "city"), ("viewer", "readonly"), ("lanling", "county")):
            accounts.add_account(hq, name, role, PASSWORD, county="371324" if role == "county" else "")
        with TestClient(create_app(hq), follow_redirects=False) as c:
            csrf = sign_in(c, "city")
            page = c.get("/console/devices").text
            assert "移交困难户" in page and "赵敏（兰陵县-赵敏）" in page and "王芳（兰陵县-王芳）" in page
            (choice,) = [c.value for c in handovers.cadre_choices(hq) if c.label.startswith("赵敏")]
            assert f'<option value="{choice}"' in page
            # bad input: a name that fits two households, an unknown one, no cadre — nothing changes
            for form, error in (
                ({"household": "张海", "cadre": choice}, "符合不止一户"),
                ({"household": "HH-00000000", "cadre": choice}, "没有找到"),
                ({"household": "张海生", "cadre": ""}, "请从列表中选择接收的干部"),
                ({"household": "张海生", "cadre": "forged|" + choice.split("|")[1]}, "请从列表中选择"),
            ):
                r = c.post("/console/devices/handover", data={**form, "csrf_token": csrf})
                assert r.status_code == 400 and error in r.text, r.text
            assert _handovers(hq) == 0
            # refused: a county clerk and a read-only account (audited), a forged token
            for name in ("lanling", "viewer"):
                other = sign_in(c, name)
                assert "移交困难户" not in c.get("/console/devices").text
                r = c.post(
                    "/console/devices/handover",
                    data={"household": "张海生", "cadre": choice, "csrf_token": other},
                )
                assert r.status_code == 403
            csrf = sign_in(c, "city")
            r = c.post(
                "/console/devices/handover", data={"household": "张海生", "cadre": choice, "csrf_token": "x"}
            )
            assert r.status_code == 403 and _handovers(hq) == 0
            # the household's file links here with the code filled in
            link = c.get(f"/console/households/{hid}").text
            assert "/console/devices?household=HH-" in link
            r = c.post(
                "/console/devices/handover",
                data={"household": "张海生", "cadre": choice, "note": "王芳调岗", "csrf_token": csrf},
            )
            assert r.status_code == 303, r.text
            assert "移交给 赵敏（兰陵县-赵敏）" in c.get(r.headers["location"]).text
        assert _handovers(hq) == 1
        sync(b, hq)  # the receiving laptop gets it, paired with 赵敏
        got = households.get_household(b, hid)
        assert got.owner_device == b.device_id
        assert [p.cadre.name for p in got.pairings if p.ended_on is None] == ["赵敏"]
        sync(a, hq)
        assert households.get_household(a, hid).owner_device == b.device_id  # read-only copy on 王芳's
        with hq.session() as s:
            entries = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action.in_(["handover", "refused"])))
            seen = {(e.account, e.action) for e in entries}
        assert {("city", "handover"), ("lanling", "refused"), ("viewer", "refused")} <= seen
    finally:
        a.close()
        b.close()
        hq.close()
