"""/api/v1/duplicates: the 疑似重复 queue as JSON, with the console's scope, masking and auth.

Two real devices register the same ID number; staff tokens of the city, both counties involved,
another county and a read-only account read the queue.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from tests.conftest import head_data, household_data, person_id
from tests.test_hq_api import _assert_error
from tests.test_hq_console import PASSWORD
from tests.test_hq_ledger import LANLING, LANSHAN, LANSHAN_VILLAGE, sync_all
from tests.test_sync_protocol import enrolled_device

from fieldapp.hq import accounts
from fieldapp.hq.app import create_app
from fieldapp.hq.store import HQ
from fieldapp.services import households

LUOZHUANG = "371311"


def test_the_duplicate_queue_as_json_scoped_masked_and_authenticated(tmp_path: Path) -> None:
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
        sync_all(a, server)
        sync_all(b, server)
        tokens = {}
        for name, role, county in (
            ("city", "city", ""),
            ("lanling", "county", LANLING),
            ("lanshan", "county", LANSHAN),
            ("luozhuang", "county", LUOZHUANG),
            ("viewer", "readonly", ""),
        ):
            accounts.add_account(server, name, role, PASSWORD, county=county)
            tokens[name] = {"Authorization": f"Bearer {accounts.issue_api_token(server, name)}"}
        with TestClient(create_app(server)) as c:
            for who in ("city", "lanling", "lanshan", "viewer"):
                page = c.get("/api/v1/duplicates", headers=tokens[who])
                assert page.status_code == 200, page.text
                body = page.json()
                assert (body["total"], body["page"], body["pages"]) == (1, 1, 1)
                (entry,) = body["items"]
                assert entry["status"] == "open" and entry["status_label"] == "待处理"
                assert {entry["a"]["household_id"], entry["b"]["household_id"]} == {ha, hb}
                assert {entry["a"]["matching_member"], entry["b"]["matching_member"]} == {"王重复", "王重名"}
                assert {entry["a"]["device"], entry["b"]["device"]} == {"兰陵县-甲", "兰山区-乙"}
                assert same not in page.text and same[:6] + "********" + same[-4:] in page.text
                one = c.get(f"/api/v1/duplicates/{entry['id']}", headers=tokens[who])
                assert one.status_code == 200 and one.json() == entry
            # another county: nothing listed, and the entry is a 404 like one that does not exist
            other = c.get("/api/v1/duplicates", headers=tokens["luozhuang"]).json()
            assert other == {"total": 0, "page": 1, "pages": 1, "items": []}
            foreign = _assert_error(
                c.get(f"/api/v1/duplicates/{entry['id']}", headers=tokens["luozhuang"]), 404, "NOT_FOUND"
            )
            missing = _assert_error(
                c.get("/api/v1/duplicates/999999", headers=tokens["luozhuang"]), 404, "NOT_FOUND"
            )
            assert foreign == missing and "王重复" not in str(foreign)
            # nothing resolved yet
            done = c.get("/api/v1/duplicates", params={"status": "distinct"}, headers=tokens["city"]).json()
            assert done["total"] == 0
            # bad input: Chinese errors, 400; no token or a wrong one: 401
            for url in (
                "/api/v1/duplicates?status=alle",
                "/api/v1/duplicates?page=0",
                "/api/v1/duplicates/abc",
            ):
                _assert_error(c.get(url, headers=tokens["city"]), 400, "MALFORMED")
            _assert_error(c.get("/api/v1/duplicates"), 401, "UNAUTHENTICATED")
            doc = c.get("/openapi.json").json()
            assert doc["paths"]["/api/v1/duplicates"]["get"]["security"][0] == {"staffToken": []}
            for field, spec in doc["components"]["schemas"]["Side"]["properties"].items():
                assert not spec.get("description", "").isascii(), field
            bad = {"Authorization": "Bearer nicht-gueltig"}
            _assert_error(c.get("/api/v1/duplicates", headers=bad), 401, "UNAUTHENTICATED")
    finally:
        a.close()
        b.close()
        server.close()
