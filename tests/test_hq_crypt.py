"""Headquarters' data at rest (issue 12): sealed columns, blind indexes, the key at start,
sealing an old plaintext database, key rotation — on SQLite and PostgreSQL, with real syncs.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from tests.conftest import head_data, person_id
from tests.test_hq_ledger import CITY, Ledger, names, sync_all, synced_ledger
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    PG_BIN,
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
)

from fieldapp.domain import vocab
from fieldapp.hq import cli, ledger, migrate, rekey
from fieldapp.hq.models import Record
from fieldapp.hq.sealed import HQKeyError, Keyring, SealedDataError, read_key_file, write_key_file
from fieldapp.hq.store import HQ
from fieldapp.services import households

ILLNESS = "尿毒症"
SECRETS = ("张海生", "张小明", person_id(11), person_id(31), "13805391234", ILLNESS, "第一次走访", "孩子上学")


def _with_illness(hq: HQ, led: Ledger) -> None:
    households.add_member(
        led.lanling,
        led.ids["张海生"],
        head_data(
            seq=31,
            name="张小明",
            relation=vocab.Relation.SON,
            health=vocab.HealthStatus.SERIOUS_ILLNESS,
            illness=ILLNESS,
        ),
    )
    sync_all(led.lanling, hq)


def _at_rest(hq: HQ) -> bytes:
    """Everything the database keeps on disk: the SQLite files, or a pg_dump of the database."""
    if hq.url.startswith("sqlite"):
        path = Path(hq.url[len("sqlite:///") :])
        return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))
    assert PG_BIN is not None
    url = sa.engine.make_url(hq.url)
    dump = subprocess.run(
        [
            str(PG_BIN / "pg_dump"),
            "-h",
            str(url.host),
            "-p",
            str(url.port),
            "-U",
            "postgres",
            str(url.database),
        ],
        capture_output=True,
        check=True,
    )
    assert b"hq_record" in dump.stdout  # the dump is real
    return dump.stdout


def test_no_name_id_number_phone_or_illness_readable_at_rest(hq: HQ, tmp_path: Path) -> None:
    led = synced_ledger(hq, tmp_path)
    try:
        _with_illness(hq, led)
        hq.handover(led.ids["单丽"], "兰山区-刘洋", note="张海生的邻居")  # free text in a note
        raw = _at_rest(hq)
        for secret in SECRETS:
            assert secret.encode() not in raw, secret
        # …while the ledger still finds and shows them, decrypted in Python
        assert names(hq, CITY, q="张海生") == ["张海生"] and names(hq, CITY, q="张海") == ["张海生"]
        assert names(hq, CITY, q=person_id(11)) == ["张海生"]
        assert names(hq, CITY, q="13805391234") == ["张海生"]
        f = ledger.household_file(hq, CITY, led.ids["张海生"])
        assert f is not None and any(ILLNESS in m.health for m in f.members)
    finally:
        led.lanling.close()
        led.lanshan.close()


def test_a_changed_ciphertext_is_a_clear_error_not_a_crash(hq: HQ, tmp_path: Path) -> None:
    led = synced_ledger(hq, tmp_path)
    try:
        hid = led.ids["张海生"]
        table = sa.table("hq_record", sa.column("row_id"), sa.column("entity"), sa.column("data"))
        with hq.engine.begin() as conn:
            sealed = conn.execute(
                sa.select(table.c.data).where(table.c.row_id == hid, table.c.entity == "household")
            ).scalar_one()
            other = conn.execute(
                sa.select(table.c.data).where(
                    table.c.row_id == led.ids["李强"], table.c.entity == "household"
                )
            ).scalar_one()
            body = sealed[-10:]
            flipped = sealed[:-10] + ("A" if body[0] != "A" else "B") + body[1:]
            conn.execute(
                sa.update(table)
                .where(table.c.row_id == hid, table.c.entity == "household")
                .values(data=flipped)
            )
        with pytest.raises(SealedDataError, match=r"hq_record\.data"):
            ledger.household_file(hq, CITY, hid)
        # a value moved from another column does not open either (the column is associated data)
        with hq.engine.begin() as conn:
            conn.execute(sa.text("UPDATE hq_outgoing SET body = :v"), {"v": other})
            conn.execute(
                sa.text(
                    "INSERT INTO hq_outgoing (device_id, kind, body, created_at) "
                    "VALUES ('*', 'setting', :v, CURRENT_TIMESTAMP)"
                ),
                {"v": other},
            )
        with pytest.raises(SealedDataError, match=r"hq_outgoing\.body"):
            hq.build_reply(led.lanling.device_id)
        # the rest of headquarters still answers, and the console says it plainly
        assert hq.status()["devices"] == 2
        assert names(hq, CITY, q="李强") == ["李强"]
        from fastapi.testclient import TestClient

        from fieldapp.hq import accounts
        from fieldapp.hq.app import create_app

        accounts.add_account(hq, "市总-李", "city", "Zx9!long-enough-pass")
        token = accounts.issue_api_token(hq, "市总-李")
        with TestClient(create_app(hq), raise_server_exceptions=False) as client:
            auth = {"Authorization": f"Bearer {token}"}
            r = client.get(f"/api/v1/households/{hid}", headers=auth)
            assert r.status_code == 500 and r.json()["error"] == "SEALED_DATA"
            assert "无法解密" in r.json()["message"] and "hq_record.data" in r.json()["message"]
            assert client.get(f"/api/v1/households/{led.ids['李强']}", headers=auth).status_code == 200
    finally:
        led.lanling.close()
        led.lanshan.close()


def _db_bytes(url: str) -> bytes:
    path = Path(url[len("sqlite:///") :])
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def test_a_wrong_key_file_or_passphrase_stops_the_start_and_touches_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    right = tmp_path / "right.key"
    assert cli.main(["--db", url, "--key-file", str(right), "init"]) == 0
    assert stat.S_IMODE(right.stat().st_mode) == 0o600
    before = _db_bytes(url)
    wrong = tmp_path / "wrong.key"
    write_key_file(wrong, Keyring.generate())
    capsys.readouterr()
    assert cli.main(["--db", url, "--key-file", str(wrong), "status"]) == 2
    err = capsys.readouterr().err
    assert "总部数据密钥不正确" in err and "数据没有被改动" in err and "Traceback" not in err
    assert cli.main(["--db", url, "--key-file", str(tmp_path / "missing.key"), "status"]) == 2
    assert "找不到总部数据密钥文件" in capsys.readouterr().err
    assert not (tmp_path / "missing.key").exists()  # never made up for a database that has a key
    assert _db_bytes(url) == before
    assert cli.main(["--db", url, "--key-file", str(right), "status"]) == 0

    # a key file protected by an admin passphrase (Argon2id): the wrong one is refused the same way
    url2 = f"sqlite:///{(tmp_path / 'hq2.sqlite').as_posix()}"
    wrapped = tmp_path / "wrapped.key"
    monkeypatch.setenv("FIELDAPP_HQ_PASSPHRASE", "市总工会 数据 口令 2026")
    assert cli.main(["--db", url2, "--key-file", str(wrapped), "init"]) == 0
    assert "key " not in wrapped.read_text(encoding="utf-8")  # no raw key in the file
    before = _db_bytes(url2)
    monkeypatch.setenv("FIELDAPP_HQ_PASSPHRASE", "不对的口令")
    capsys.readouterr()
    assert cli.main(["--db", url2, "--key-file", str(wrapped), "status"]) == 2
    assert "管理员口令不正确" in capsys.readouterr().err
    monkeypatch.delenv("FIELDAPP_HQ_PASSPHRASE")
    assert cli.main(["--db", url2, "--key-file", str(wrapped), "status"]) == 2
    assert "FIELDAPP_HQ_PASSPHRASE" in capsys.readouterr().err
    assert _db_bytes(url2) == before


def test_postgresql_needs_its_key_file_said(postgres_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_sync_protocol import new_pg_database

    monkeypatch.delenv("FIELDAPP_HQ_KEY_FILE")
    server = HQ(new_pg_database(postgres_server))
    with pytest.raises(HQKeyError, match="--key-file"):
        server.init()
    server.close()


def _plaintext_database(url: str, hid: str, mid: str) -> None:
    """A database as headquarters kept it before 0006: names and numbers in clear."""
    engine = sa.create_engine(url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    household = {
        "id": hid,
        "village_code": "371324001001",
        "phone": "13805391234",
        "status": "在档",
        "owner_device": "dev-1",
        "version": 1,
        "hlc": 1,
    }
    member = {
        "id": mid,
        "household_id": hid,
        "name": "张海生",
        "relation": "户主",
        "id_number": person_id(11),
        "illness": ILLNESS,
        "version": 1,
        "hlc": 2,
    }
    with engine.begin() as conn:
        for seq, (entity, row) in enumerate((("household", household), ("member", member)), 1):
            text = json.dumps(row, ensure_ascii=False)
            conn.execute(
                sa.text(
                    "INSERT INTO hq_record (row_id, entity, version, hlc, device_id, deleted, data) "
                    "VALUES (:r, :e, 1, :h, 'dev-1', 0, :d)"
                ),
                {"r": row["id"], "e": entity, "h": seq, "d": text},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO hq_change (device_id, outbox_seq, batch_id, entity, row_id, op, version, "
                    "hlc, data_sha256, data) VALUES ('dev-1', :s, 'b1', :e, :r, 'insert', 1, :h, :sha, :d)"
                ),
                {
                    "s": seq,
                    "e": entity,
                    "r": row["id"],
                    "h": seq,
                    "sha": hashlib.sha256(text.encode()).hexdigest(),
                    "d": text,
                },
            )
        conn.execute(
            sa.text("INSERT INTO hq_attachment (sha256, data) VALUES ('ab', :d)"),
            {"d": "张海生 诊断书 尿毒症".encode()},
        )
        conn.execute(
            sa.text(
                "INSERT INTO hq_household_index (household_id, code, head_member_id, head_name, head_initials,"
                " id_masked, id_tail, phone_masked, phone_tail, village_code, village_name, county_code,"
                " category, assessed_on, status, cadre_id, cadre_name, device_id, deleted, updated_at) VALUES"
                " (:h, 'HH-X', :m, '张海生', 'zhs', 'x', :t, 'y', '1234', '371324001001', '', '371324', '',"
                " '', '在档', '', '', 'dev-1', 0, CURRENT_TIMESTAMP)"
            ),
            {"h": hid, "m": mid, "t": person_id(11)[-6:]},
        )
    engine.dispose()


def test_migration_seals_an_old_plaintext_database_and_rebuilds_its_index(hq_url: str) -> None:
    hid, mid = str(uuid.uuid4()), str(uuid.uuid4())
    _plaintext_database(hq_url, hid, mid)
    server = HQ(hq_url)
    server.init()  # 0006 runs here: seals in place, empties the index, rebuilt at start
    try:
        raw = _at_rest(server)
        for secret in ("张海生", person_id(11), "13805391234", ILLNESS):
            assert secret.encode() not in raw, secret
        assert names(server, CITY, q="张海生") == ["张海生"]
        assert names(server, CITY, q=person_id(11)[-4:]) == ["张海生"]
        with server.session() as s:
            assert json.loads(s.get(Record, (mid, "member")).data)["illness"] == ILLNESS  # type: ignore[union-attr]
        assert server.status()["attachments"] == 1
        with server.engine.connect() as conn:  # a second pass (an interrupted run again) changes nothing
            assert rekey.reseal(conn, server.keyring, mode=rekey.SEAL) == 0
            assert rekey.reseal(conn, server.keyring, mode=rekey.BIND) == 0
    finally:
        server.close()


def test_rotate_key_reseals_everything_and_the_old_key_opens_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    key = Path(os.environ["FIELDAPP_HQ_KEY_FILE"])
    server = HQ(url)
    server.init()
    led = synced_ledger(server, tmp_path)
    _with_illness(server, led)
    server.close()
    old = tmp_path / "old.key"
    shutil.copy(key, old)
    old_kid = read_key_file(old).kid
    # an interrupted rotation left both keys in the file (the new one first): it goes on
    ring = Keyring([Keyring.generate().keys[0], *read_key_file(key).keys])
    write_key_file(key, ring)
    assert cli.main(["--db", url, "rotate-key"]) == 0
    assert "继续上次未完成的密钥轮换" in capsys.readouterr().out
    assert read_key_file(key).keys == [ring.keys[0]]
    assert cli.main(["--db", url, "rotate-key"]) == 0  # and a second, whole rotation
    new_kid = read_key_file(key).kid
    assert new_kid not in (old_kid, ring.kid)
    raw = _db_bytes(url)
    assert f"fq1.{old_kid}.".encode() not in raw and f"fq1.{ring.kid}.".encode() not in raw
    for secret in SECRETS[:6]:
        assert secret.encode() not in raw
    server = HQ(url)
    server.init()
    try:
        assert names(server, CITY, q="zhs") == ["张海生"] and names(server, CITY, q="张海生") == ["张海生"]
        f = ledger.household_file(server, CITY, led.ids["张海生"])
        assert f is not None and any(ILLNESS in m.health for m in f.members)
    finally:
        server.close()
        led.lanling.close()
        led.lanshan.close()
    stale = HQ(url, key_file=old)
    with pytest.raises(HQKeyError, match="密钥不正确"):
        stale.init()
    stale.close()


def test_the_same_id_number_from_two_devices_at_once_is_queued_once(hq: HQ, tmp_path: Path) -> None:
    """Duplicates across cadres (issue 11), on the blind index of ID numbers."""
    import threading

    from tests.conftest import household_data

    from fieldapp.hq import duplicates
    from fieldapp.sync import client

    same = person_id(41)
    a = enrolled_device(hq, tmp_path / "a", name="兰陵县-甲")
    b = enrolled_device(hq, tmp_path / "b", name="兰陵县-乙")
    try:
        ha = households.create_household(a, household_data(), head_data(41, "王重复")).id
        hb = households.create_household(b, household_data(), head_data(41, "王重复", id_number=same)).id
        batches = []
        for db in (a, b):
            client.cut_batches(db)
            batches += [x.sealed for x in client._unacked(db)]
        results: list[object] = []
        barrier = threading.Barrier(len(batches))

        def send(data: bytes) -> None:
            barrier.wait()
            results.append(hq.ingest(data, "http"))

        threads = [threading.Thread(target=send, args=(d,)) for d in batches]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert all(r.ok for r in results), results  # type: ignore[attr-defined]
        with hq.session() as s:
            (entry,) = duplicates.queue(s)
            assert {entry.household_a, entry.household_b} == {ha, hb}
            assert same not in entry.token  # a keyed hash, not the number
        # the same batches again (a retried upload) add nothing
        for d in batches:
            assert hq.ingest(d, "usb").status == "duplicate"
        # a third household with another number is not a duplicate
        households.create_household(a, household_data(), head_data(43, "李不同"))
        sync_all(a, hq)
        with hq.session() as s:
            assert len(duplicates.queue(s)) == 1
            duplicates.rebuild(s)  # as after a key rotation: still one entry
        with hq.session() as s:
            assert len(duplicates.queue(s)) == 1
    finally:
        a.close()
        b.close()
