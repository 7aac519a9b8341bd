"""Sealed values bound to their rows (issue 12): a value copied into another row by direct SQL
does not open and is reported; migration 0010 binds an existing database in place, survives a
kill -9 midway; the statistics keep no cadre name in clear — on SQLite and PostgreSQL.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from tests.test_hq_crypt import _at_rest
from tests.test_hq_devseal import back_to_0011
from tests.test_hq_ledger import CITY, Ledger, names, sync_all, synced_ledger
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.hq import accounts, ledger, migrate, rekey
from fieldapp.hq.app import create_app
from fieldapp.hq.models import Record
from fieldapp.hq.sealed import ROW_KEYS, ROW_KEYS_0010, SEALED_COLUMNS, SealedDataError, row_of
from fieldapp.hq.stats_models import StatCadre
from fieldapp.hq.store import HQ
from fieldapp.services import cadres

CADRE = "孙卫东"  # a cadre whose name is nowhere else (the devices are named after others)


def _with_cadre(hq: HQ, led: Ledger) -> str:
    cid = cadres.add_cadre(led.lanling, CADRE, unit="兰陵县总工会")
    sync_all(led.lanling, hq)
    return cid


def _raw(hq: HQ, table: str, column: str, where: dict[str, str]) -> str:
    t = sa.table(table, sa.column(column), *(sa.column(k) for k in where))
    with hq.engine.connect() as conn:
        q = sa.select(t.c[column]).where(*(t.c[k] == v for k, v in where.items()))
        return str(conn.execute(q).scalar_one())


def _put(hq: HQ, table: str, column: str, where: dict[str, str], value: str) -> None:
    t = sa.table(table, sa.column(column), *(sa.column(k) for k in where))
    with hq.engine.begin() as conn:
        conn.execute(sa.update(t).where(*(t.c[k] == v for k, v in where.items())).values({column: value}))


def test_a_value_swapped_between_rows_by_sql_does_not_open(hq: HQ, tmp_path: Path) -> None:
    led = synced_ledger(hq, tmp_path)
    try:
        cid = _with_cadre(hq, led)
        a, b = led.ids["张海生"], led.ids["李强"]
        # every value of a bound column is bound (fq2.), none left unbound
        with hq.engine.connect() as conn:
            for name, _, column, is_bytes in SEALED_COLUMNS:
                if name in ROW_KEYS and not is_bytes:
                    unbound = conn.execute(
                        sa.text(f"SELECT count(*) FROM {name} WHERE {column} LIKE 'fq1.%'")
                    )
                    assert unbound.scalar_one() == 0, (name, column)
        # the attacker copies 张海生's household record into 李强's row, and his index name too
        stolen = _raw(hq, "hq_record", "data", {"row_id": a, "entity": "household"})
        _put(hq, "hq_record", "data", {"row_id": b, "entity": "household"}, stolen)
        with pytest.raises(SealedDataError, match=rf"hq_record\.data（行 {b} / household）") as e:
            ledger.household_file(hq, CITY, b)
        assert "从另一行、另一列复制" in str(e.value)
        name_a = _raw(hq, "hq_household_index", "head_name", {"household_id": a})
        _put(hq, "hq_household_index", "head_name", {"household_id": b}, name_a)
        with pytest.raises(SealedDataError, match=r"hq_household_index\.head_name"):
            names(hq, CITY, q="李强")
        # the row it came from still opens; nothing else is affected
        f = ledger.household_file(hq, CITY, a)
        assert f is not None and f.summary.head_name == "张海生"
        # a cadre's name moved onto another cadre's statistics row
        other = cadres.add_cadre(led.lanling, "钱多多", unit="兰陵县总工会")
        sync_all(led.lanling, hq)
        _put(
            hq,
            "hq_stat_cadre",
            "name",
            {"cadre_id": other},
            _raw(hq, "hq_stat_cadre", "name", {"cadre_id": cid}),
        )
        with pytest.raises(SealedDataError, match=r"hq_stat_cadre\.name"):
            _read_cadre(hq, other)
        assert _read_cadre(hq, cid) == CADRE
        # an unbound value (sealed for the right column, the old format) is refused too
        ring = hq.datakey.ring()
        c = led.ids["单丽"]
        old = ring.seal_text(json.dumps({"id": c}), "hq_record.data")
        _put(hq, "hq_record", "data", {"row_id": c, "entity": "household"}, old)
        with pytest.raises(SealedDataError, match="没有绑定所在的行"):
            ledger.household_file(hq, CITY, c)
        # the console and the API say so plainly, and keep answering for the other households
        accounts.add_account(hq, "市总-李", "city", "Zx9!long-enough-pass")
        token = accounts.issue_api_token(hq, "市总-李")
        with TestClient(create_app(hq), raise_server_exceptions=False) as client:
            auth = {"Authorization": f"Bearer {token}"}
            r = client.get(f"/api/v1/households/{c}", headers=auth)
            assert r.status_code == 500 and r.json()["error"] == "SEALED_DATA"
            assert "hq_record.data" in r.json()["message"] and c in r.json()["message"]
            assert client.get(f"/api/v1/households/{a}", headers=auth).status_code == 200
    finally:
        led.lanling.close()
        led.lanshan.close()


def _read_cadre(hq: HQ, cid: str) -> str:
    with hq.session() as s:
        return str(s.scalars(sa.select(StatCadre.name).where(StatCadre.cadre_id == cid)).one())


def test_no_cadre_name_in_clear_at_rest(hq: HQ, tmp_path: Path) -> None:
    led = synced_ledger(hq, tmp_path)
    try:
        cid = _with_cadre(hq, led)
        assert CADRE.encode() not in _at_rest(hq)
        assert _read_cadre(hq, cid) == CADRE  # the statistics still show it, opened in Python
    finally:
        led.lanling.close()
        led.lanshan.close()


def _unbind(hq: HQ) -> None:
    """Turn a head database back into what 0009 left: unbound values, cadre names in clear."""
    from alembic import command

    back_to_0011(hq)  # 0014 has no downgrade: undone by hand (device names, ids)
    cfg = migrate.alembic_config()
    with hq.engine.begin() as conn:  # undo what came after 0010 first (0011: the duplicate note)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    ring = hq.datakey.ring()
    with hq.engine.begin() as conn:
        for name, pk, column, is_bytes in SEALED_COLUMNS:
            keys = ROW_KEYS_0010.get(name)  # what 0010 bound
            if keys is None or is_bytes:
                continue
            cols = list(dict.fromkeys([*pk, *keys]))
            t = sa.table(name, *(sa.column(c) for c in cols), sa.column(column))
            for r in conn.execute(sa.select(*(t.c[c] for c in cols), t.c[column])).all():
                if r[-1] is None:
                    continue
                named = dict(zip(cols, r[:-1], strict=True))
                label = f"{name}.{column}"
                plain = ring.open_text(r[-1], label, row_of(named[k] for k in keys))
                value = plain if name == "hq_stat_cadre" else ring.seal_text(plain, label)
                conn.execute(sa.update(t).where(*(t.c[c] == named[c] for c in pk)).values({column: value}))
        conn.execute(sa.text(f"UPDATE {migrate.VERSION_TABLE} SET version_num = '0009'"))


KILLER = """
import os, sys
from fieldapp.hq import rekey
rekey.BATCH = 1
calls = [0]
def hook():
    calls[0] += 1
    if calls[0] == 3:
        os.kill(os.getpid(), 9)
rekey.migration_batch_done = hook
from fieldapp.hq.store import HQ
HQ(sys.argv[1]).init()
"""


def test_migration_0010_binds_in_place_and_survives_kill_9_midway(hq: HQ, tmp_path: Path) -> None:
    led = synced_ledger(hq, tmp_path)
    try:
        cid = _with_cadre(hq, led)
        _unbind(hq)
        assert CADRE.encode() in _at_rest(hq)  # the old database: the name in clear
        before = _raw(hq, "hq_record", "data", {"row_id": led.ids["张海生"], "entity": "household"})
        assert before.startswith("fq1.")
        url = hq.url
        done = subprocess.run([sys.executable, "-c", KILLER, url], env=dict(os.environ), timeout=300)
        assert done.returncode == -9  # killed midway, after the first batches were rewritten
        assert migrate.current_revision(hq.engine) == "0009"  # one transaction: nothing kept
        assert _raw(hq, "hq_record", "data", {"row_id": led.ids["张海生"], "entity": "household"}) == before
        server = HQ(url)
        server.init()  # run again: it finishes
        try:
            assert migrate.current_revision(server.engine) == migrate.head_revision()
            assert CADRE.encode() not in _at_rest(server)
            assert _read_cadre(server, cid) == CADRE
            f = ledger.household_file(server, CITY, led.ids["张海生"])
            assert f is not None and f.summary.head_name == "张海生"
            assert names(server, CITY, q="张海生") == ["张海生"]
            with server.session() as s:
                rec = s.get(Record, (led.ids["张海生"], "household"))
                assert rec is not None and json.loads(rec.data)["id"] == led.ids["张海生"]
            with server.engine.connect() as conn:  # a further run has nothing left to do
                assert rekey.reseal(conn, server.datakey.ring(), mode=rekey.BIND) == 0
            # and ingest goes on: a new cadre arrives bound
            cadres.add_cadre(led.lanling, "周新来", unit="兰陵县总工会")
            sync_all(led.lanling, server)
            assert "周新来".encode() not in _at_rest(server)
        finally:
            server.close()
    finally:
        led.lanling.close()
        led.lanshan.close()
