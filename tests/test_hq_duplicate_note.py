"""The 标为不同户 note is kept with the pair (issue 11, HQ migration 0011): shown on the 疑似重复
page and in its Excel/CSV export, sealed at rest; a database marked before 0011 gets its notes
from the audit log on upgrade. SQLite and a real PostgreSQL.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.conftest import head_data, household_data
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_hq_devseal import back_to_0011
from tests.test_hq_ledger import sync_all
from tests.test_sync_protocol import enrolled_device, hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp.hq import accounts, duplicate_queue, migrate
from fieldapp.hq.app import create_app
from fieldapp.hq.models import SuspectedDuplicate
from fieldapp.hq.store import HQ
from fieldapp.services import households

NOTE = "王重复与王重名系同号录入错误，已电话核实为两户（张海生核实）"


def _pair(server: HQ, tmp_path: Path) -> int:
    a = enrolled_device(server, tmp_path / "a", "兰陵县-甲")
    b = enrolled_device(server, tmp_path / "b", "兰陵县-乙")
    try:
        households.create_household(a, household_data(), head_data(41, "王重复"))
        households.create_household(b, household_data(), head_data(41, "王重名"))
        sync_all(a, server)
        sync_all(b, server)
    finally:
        a.close()
        b.close()
    with server.session() as s:
        (entry,) = s.scalars(select(SuspectedDuplicate))
        return entry.id


def test_the_distinct_note_is_kept_with_the_pair_shown_exported_and_sealed(
    tmp_path: Path, hq_url: str
) -> None:
    server = HQ(hq_url)
    server.init()
    try:
        entry_id = _pair(server, tmp_path)
        accounts.add_account(server, "city", "city", PASSWORD)
        with TestClient(create_app(server), follow_redirects=False) as c:
            csrf = sign_in(c, "city")
            r = c.post(f"/console/duplicates/{entry_id}/distinct", data={"csrf_token": csrf, "note": NOTE})
            assert r.status_code == 303, r.text
            page = c.get("/console/duplicates?status=distinct").text
            assert NOTE in page and "已标为不同户于" in page
            assert NOTE not in c.get("/console/duplicates").text  # the open tab: nothing there
            book = c.get("/console/duplicates.xlsx?status=distinct")
            assert book.status_code == 200
            rows = list(
                openpyxl.load_workbook(io.BytesIO(book.content)).worksheets[0].iter_rows(values_only=True)
            )
            header = next(row for row in rows if row and row[0] == "编号")
            (line,) = [row for row in rows if row and row[0] == entry_id]
            assert line[header.index("处理说明")] == NOTE and line[header.index("状态")] == "已标为不同户"
            assert "王重复" in line and "王重名" in line
            text = c.get("/console/duplicates.csv?status=distinct").content.decode("utf-8-sig")
            table = list(csv.reader(io.StringIO(text)))
            assert table[0] == duplicate_queue.EXPORT_COLUMNS and table[1][4] == NOTE
            assert c.get("/console/duplicates.pdf").status_code == 404
        _, log = accounts.audit_entries(server)
        exports = sorted(a.target for a in log if a.action == "duplicate_export")
        assert exports == ["疑似重复（已标为不同户）.csv", "疑似重复（已标为不同户）.xlsx"]
        with server.session() as s:
            assert s.get(SuspectedDuplicate, entry_id).note == NOTE  # type: ignore[union-attr]
        with server.engine.connect() as conn:  # at rest: sealed, the note not readable
            raw = conn.execute(sa.text("SELECT note FROM hq_suspected_duplicate")).scalar_one()
        assert raw.startswith("fq2.")  # bound to its pair (0014) and "张海生" not in raw
    finally:
        server.close()


def test_notes_marked_before_0011_come_from_the_audit_log(tmp_path: Path, hq_url: str) -> None:
    server = HQ(hq_url)
    server.init()
    try:
        entry_id = _pair(server, tmp_path)
        duplicate_queue.mark_distinct(server, None, entry_id, NOTE)
        back_to_0011(server)  # 0014 has no downgrade: undone by hand
        cfg = migrate.alembic_config()
        with server.engine.begin() as conn:  # back to the schema before 0011: no note column
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010")  # 0010 binds sealed values to rows: no way below it
        with server.engine.connect() as conn:
            assert "note" not in {c["name"] for c in sa.inspect(conn).get_columns("hq_suspected_duplicate")}
        server.init()  # 0011 runs here
        with server.session() as s:
            assert s.get(SuspectedDuplicate, entry_id).note == NOTE  # type: ignore[union-attr]
        with server.engine.connect() as conn:
            raw = conn.execute(sa.text("SELECT note FROM hq_suspected_duplicate")).scalar_one()
        assert raw.startswith("fq2.")  # bound to its pair (0014) and "张海生" not in raw
    finally:
        server.close()
