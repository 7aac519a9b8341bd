"""Device names sealed at headquarters, and values of database-numbered rows bound to their ids
(issue 12, migration 0014) — on SQLite and PostgreSQL.

- No device name is readable in the database files or a pg_dump; every reader (devices page,
  `status`, alerts, audit, enrolment, recovery, revoke by name) still shows it.
- A value swapped by SQL between two rows that share every natural column (two notices of one
  kind to one device, two audit entries alike, two conflicts of one row) is refused by name.
- An 0011 database with device names in clear is migrated in place; no downgrade.
- `rotate-key` reseals the device names.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.test_hq_crypt import _at_rest
from tests.test_hq_ledger import CITY, Ledger, synced_ledger
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.hq import accounts, actions, cli, ledger, migrate, rekey, rowbind
from fieldapp.hq.models import Conflict, ConsoleAudit, Device, Outgoing
from fieldapp.hq.sealed import (
    ID_BOUND,
    ROW_KEYS,
    ROW_KEYS_0010,
    SEALED_COLUMNS,
    SealedDataError,
    read_key_file,
    row_of,
)
from fieldapp.hq.store import HQ

DEVICE = "费县探沂镇-欧阳靖宇"  # a device name found nowhere else (no cadre or household has it)
OTHER = "平邑县仲村镇-司马文华"


def _raw(hq: HQ, table: str, column: str, where: dict[str, object]) -> str:
    t = sa.table(table, sa.column(column), *(sa.column(k) for k in where))
    with hq.engine.connect() as conn:
        q = sa.select(t.c[column]).where(*(t.c[k] == v for k, v in where.items()))
        return str(conn.execute(q).scalar_one())


def _put(hq: HQ, table: str, column: str, where: dict[str, object], value: str) -> None:
    t = sa.table(table, sa.column(column), *(sa.column(k) for k in where))
    with hq.engine.begin() as conn:
        conn.execute(sa.update(t).where(*(t.c[k] == v for k, v in where.items())).values({column: value}))


def _close(led: Ledger) -> None:
    led.lanling.close()
    led.lanshan.close()


def _with_devices(hq: HQ, tmp_path: Path) -> tuple[Ledger, str]:
    """The synced ledger, one more device named DEVICE (enrolled through the audited action) with
    two notices of one kind queued, revoked by name and then sending a batch (an alert)."""
    from fieldapp.storage.db import open_database
    from fieldapp.sync import client

    led = synced_ledger(hq, tmp_path)
    db = open_database(tmp_path / "feixian")
    try:
        enrolment = actions.enrol_device(hq, None, DEVICE)
        hq.enrol(client.start_enrolment(db, enrolment))
        client.mark_enrolled(db)
        dev = next(d.device_id for d in hq.devices() if d.name == DEVICE)
        hq.add_outgoing(dev, "campaign", {"id": "a", "name": "2026年12月再摸底"})
        hq.add_outgoing(dev, "campaign", {"id": "b", "name": "2027年1月再摸底"})
        assert actions.revoke_device(hq, None, DEVICE) == 1  # by name: opened in Python
        from fieldapp.services import cadres

        cadres.add_cadre(db, "周围", unit="费县总工会")
        client.cut_batches(db)
        for b in client._unacked(db):
            assert hq.ingest(b.sealed, "usb").code == "DEVICE_REVOKED"
    finally:
        db.close()
    return led, dev


def test_no_device_name_readable_at_rest_and_every_reader_shows_it(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    led, dev = _with_devices(hq, tmp_path)
    try:
        rest = _at_rest(hq)
        for name in (DEVICE, "兰陵县卞庄街道-王芳", "兰山区-刘洋"):
            assert name.encode() not in rest, name
        assert _raw(hq, "hq_device", "name", {"device_id": dev}).startswith("fq2.")
        # the readers go through the model: devices page, status, alerts, audit
        page = ledger.devices(hq, CITY)
        assert [d.name for d in page] == sorted(d.name for d in page) and DEVICE in [d.name for d in page]
        assert [a.device for a in ledger.alerts(hq, CITY)] == [DEVICE]
        assert [a.message for a in ledger.alerts(hq, CITY)] == [
            "该设备已被停用，数据已拒收。请联系市总工会。"
        ]
        _, audit = accounts.audit_entries(hq)
        seen = {(a.action, a.target): a.detail for a in audit}
        assert seen[("device_enrol", "新设备")] == DEVICE and seen[("device_revoke", dev)] == DEVICE
        url = hq.url
        hq.close()
        assert cli.main(["--db", url, "status"]) == 0
        assert f"{DEVICE}：程序版本" in capsys.readouterr().out
        assert cli.main(["--db", url, "revoke", OTHER]) == 1  # by a name nobody has: nothing found
    finally:
        _close(led)


def test_a_value_swapped_between_rows_alike_in_every_natural_column_is_refused(
    hq: HQ, tmp_path: Path
) -> None:
    led, dev = _with_devices(hq, tmp_path)
    try:
        ring = hq.datakey.ring()
        with hq.session() as s:
            a, b = sorted(s.scalars(sa.select(Outgoing.id).where(Outgoing.device_id == dev)))
        # the gap: bound to natural columns only (0010), the two notices' bodies were interchangeable
        natural = row_of((dev, "campaign"))
        old_a = ring.seal_text("甲", "hq_outgoing.body", natural)
        assert ring.open_text(old_a, "hq_outgoing.body", row_of((dev, "campaign"))) == "甲"
        # now bound to the id too: the body of notice a copied onto notice b does not open
        _put(hq, "hq_outgoing", "body", {"id": b}, _raw(hq, "hq_outgoing", "body", {"id": a}))
        refused = pytest.raises(SealedDataError, match=rf"hq_outgoing\.body（行 {b} / {dev} / campaign）")
        with refused as e, hq.session() as s:
            s.get(Outgoing, b)
        assert "从另一行、另一列复制" in str(e.value)
        with hq.session() as s:  # the row it came from still opens
            got = s.get(Outgoing, a)
            assert got is not None and json.loads(got.body)["id"] == "a"
        # two audit entries alike (the same clerk enrolling two devices): details not interchangeable
        actions.enrol_device(hq, None, OTHER)
        with hq.session() as s:
            x, y = sorted(s.scalars(sa.select(ConsoleAudit.id).where(ConsoleAudit.action == "device_enrol")))
        _put(hq, "hq_console_audit", "detail", {"id": x}, _raw(hq, "hq_console_audit", "detail", {"id": y}))
        with pytest.raises(SealedDataError, match=rf"hq_console_audit\.detail（行 {x} / "):
            accounts.audit_entries(hq)
        # one device's name onto another device
        other = next(d.device_id for d in hq.devices() if d.name == "兰山区-刘洋")
        own = _raw(hq, "hq_device", "name", {"device_id": other})
        _put(hq, "hq_device", "name", {"device_id": other}, _raw(hq, "hq_device", "name", {"device_id": dev}))
        with pytest.raises(SealedDataError, match=rf"hq_device\.name（行 {other}）"):
            hq.devices()
        _put(hq, "hq_device", "name", {"device_id": other}, own)  # put back: opens again
        assert "兰山区-刘洋" in [d.name for d in hq.devices()]
        # Core inserts (ingest's conflicts) are bound to their ids as well: two conflicts of one row
        same = {"entity": "household", "row_id": led.ids["张海生"], "version": 3, "device_a": dev}
        rows = [{**same, "device_b": dev, "data_a": f'{{"v":{i}}}', "data_b": "{}"} for i in (1, 2)]
        with hq.session() as s:
            c1, c2 = rowbind.insert_bound(s, Conflict.__table__, rows)  # type: ignore[arg-type]
        with hq.session() as s:
            assert [json.loads(s.get_one(Conflict, c).data_a)["v"] for c in (c1, c2)] == [1, 2]
            assert s.get_one(Conflict, c1).note == ""  # the default, sealed and bound too
        _put(hq, "hq_conflict", "data_a", {"id": c2}, _raw(hq, "hq_conflict", "data_a", {"id": c1}))
        with pytest.raises(SealedDataError, match=rf"hq_conflict\.data_a（行 {c2} / household"):
            hq.conflicts()
    finally:
        _close(led)


def _revises(revision: str) -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(revision)
    assert script is not None and isinstance(script.down_revision, str)
    return script.down_revision


_BEFORE_0014 = _revises("0014")


def back_to_0011(hq: HQ) -> None:
    """Turn a head database into what 0011 left: device and enrolment names in clear (VARCHAR(100)
    on PostgreSQL), the values of database-numbered tables bound to their natural columns only
    (the duplicate notes not bound at all)."""
    from alembic import command

    cfg = migrate.alembic_config()
    if migrate.current_revision(hq.engine) != "0014":  # what came after 0014 has its own downgrade
        with hq.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0014")
    ring = hq.datakey.ring()
    named = {"hq_device", "hq_enrolment"}
    with hq.engine.begin() as conn:
        for name, pk, column, is_bytes in SEALED_COLUMNS:
            if is_bytes or name not in named | ID_BOUND:
                continue
            keys, old = ROW_KEYS[name], ROW_KEYS_0010.get(name)
            cols = list(dict.fromkeys([*pk, *keys]))
            t = sa.table(name, *(sa.column(c) for c in cols), sa.column(column))
            for r in conn.execute(sa.select(*(t.c[c] for c in cols), t.c[column])).all():
                named_values = dict(zip(cols, r[:-1], strict=True))
                label = f"{name}.{column}"
                plain = ring.open_text(r[-1], label, row_of(named_values[k] for k in keys))
                if name in named:
                    value = plain
                elif old is None:
                    value = ring.seal_text(plain, label)
                else:
                    value = ring.seal_text(plain, label, row_of(named_values[k] for k in old))
                conn.execute(
                    sa.update(t).where(*(t.c[c] == named_values[c] for c in pk)).values({column: value})
                )
        if conn.dialect.name == "postgresql":
            for name in sorted(named):
                conn.exec_driver_sql(f"ALTER TABLE {name} ALTER COLUMN name TYPE VARCHAR(100)")
        conn.execute(sa.text(f"UPDATE {migrate.VERSION_TABLE} SET version_num = :v"), {"v": _BEFORE_0014})
    if _BEFORE_0014 != "0011":  # what came between 0011 and 0014 has its own downgrade
        with hq.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0011")


def test_migration_0014_seals_device_names_of_an_0011_database_in_place(hq: HQ, tmp_path: Path) -> None:
    led, dev = _with_devices(hq, tmp_path)
    try:
        back_to_0011(hq)
        assert DEVICE.encode() in _at_rest(hq)  # the old database: the name in clear
        with hq.engine.connect() as conn:
            assert migrate.current_revision(conn.engine) == "0011"
        url = hq.url
        hq.close()
        server = HQ(url)
        server.init()  # 0014 runs, then the files are scrubbed
        try:
            assert migrate.current_revision(server.engine) == migrate.head_revision()
            assert DEVICE.encode() not in _at_rest(server)
            assert DEVICE in [d.name for d in server.devices()]
            assert [a.device for a in ledger.alerts(server, CITY)] == [DEVICE]
            with server.session() as s:
                bodies = [
                    json.loads(o.body)["id"] for o in s.scalars(sa.select(Outgoing).order_by(Outgoing.id))
                ]
                assert bodies[-2:] == ["a", "b"]
                assert DEVICE in [a.detail for a in s.scalars(sa.select(ConsoleAudit))]
            # bound to the ids now: the natural columns alone no longer open a body
            ring = server.datakey.ring()
            with server.session() as s:
                last = max(s.scalars(sa.select(Outgoing.id)))
            raw = _raw(server, "hq_outgoing", "body", {"id": last})
            with pytest.raises(SealedDataError):
                ring.open_text(raw, "hq_outgoing.body", row_of((dev, "campaign")))
            assert (
                json.loads(ring.open_text(raw, "hq_outgoing.body", row_of((last, dev, "campaign"))))["id"]
                == "b"
            )
            with server.engine.connect() as conn:  # nothing left to do
                assert rekey.reseal(conn, ring, mode=rekey.BIND) == 0
            # no way back: the downgrade is refused and changes nothing
            from alembic import command

            cfg = migrate.alembic_config()
            with server.engine.begin() as conn:  # what came after 0014 has its own downgrade
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0014")
            with pytest.raises(RuntimeError, match="不能降级"), server.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0011")
            assert migrate.current_revision(server.engine) == "0014"
            assert DEVICE in [d.name for d in server.devices()]
        finally:
            server.close()
    finally:
        _close(led)


def test_rotate_key_reseals_device_names(hq: HQ, tmp_path: Path) -> None:
    led, dev = _with_devices(hq, tmp_path)
    try:
        old_kid = hq.datakey.ring().kid
        rekey.rotate(hq, report=lambda _line: None)
        new_kid = read_key_file(hq.datakey.need_path()).kid
        assert new_kid != old_kid
        for table, key, value in (("hq_device", "device_id", dev), ("hq_outgoing", "device_id", dev)):
            raws = []
            t = sa.table(table, sa.column(key), sa.column("name" if table == "hq_device" else "body"))
            with hq.engine.connect() as conn:
                raws = [str(v) for v in conn.execute(sa.select(t.c[1]).where(t.c[0] == value)).scalars()]
            assert raws and all(r.startswith(f"fq2.{new_kid}.") for r in raws), table
        assert DEVICE in [d.name for d in hq.devices()]
        assert DEVICE.encode() not in _at_rest(hq)
        with hq.session() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(Device)) == 3
    finally:
        _close(led)
