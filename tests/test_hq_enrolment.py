"""Issue 12: authenticated enrolment. The request is signed by the device's new key and bound to
the one-time token; a changed request is refused and can be redone; enrolment by URL checks
headquarters' keys against the fingerprint in the enrolment letter. Real servers on 127.0.0.1."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from tests.conftest import head_data, household_data, open_ledger
from tests.test_sync_e2e import Server
from tests.test_sync_protocol import hq, hq_url, postgres_server  # noqa: F401  (fixtures)

from fieldapp import cli
from fieldapp.hq import cli as hq_cli
from fieldapp.hq import enrolment as hq_enrolment
from fieldapp.hq import limits
from fieldapp.hq.models import Device, Enrolment
from fieldapp.hq.store import HQ
from fieldapp.services import households
from fieldapp.storage.models import SyncIdentity
from fieldapp.sync import client, enrolment, protocol
from fieldapp.sync.protocol import KeyPair, SyncError


def _sqlite(tmp_path: Path, name: str = "hq.sqlite") -> str:
    return f"sqlite:///{(tmp_path / name).as_posix()}"


def _token_unused(hq: HQ, token: str) -> bool:
    with hq.session() as s:
        enr = s.get(Enrolment, token)
        return enr is not None and enr.used_at is None


def _devices(hq: HQ) -> int:
    with hq.session() as s:
        return len(s.scalars(select(Device)).all())


# --- the request on the stick --------------------------------------------------------------------


def test_every_flipped_byte_of_the_request_is_refused_and_the_token_stays_usable(
    hq: HQ, tmp_path: Path
) -> None:
    letter = hq.issue_enrolment("兰陵县-王芳")
    db = open_ledger(tmp_path / "dev")
    out = client.write_enrolment_request(db, letter, tmp_path / "stick")
    original = out.read_bytes()
    assert letter["token"].encode() not in original  # the token itself never goes on the stick
    codes: set[str] = set()
    for i in range(len(original)):
        for bit in (0x01, 0x20):
            changed = bytearray(original)
            changed[i] ^= bit
            with pytest.raises(SyncError) as e:
                hq.enrol(limits.json_object(bytes(changed), "登记申请"))
            assert e.value.message and not e.value.message.isascii()
            codes.add(e.value.code)
    assert codes <= {"ENROLMENT_CHANGED", "MALFORMED", "BAD_TOKEN", "WRONG_HQ_KEY"}, codes
    assert "ENROLMENT_CHANGED" in codes
    assert _token_unused(hq, letter["token"]) and _devices(hq) == 0
    # the untouched request enrols; repeating it is harmless
    assert hq.enrol(limits.json_object(original, "登记申请"))["status"] == "enrolled"
    assert hq.enrol(limits.json_object(original, "登记申请"))["status"] == "enrolled"
    assert _devices(hq) == 1
    db.close()


def test_whoever_carries_the_stick_cannot_swap_the_signing_key(hq: HQ, tmp_path: Path) -> None:
    letter = hq.issue_enrolment("兰陵县-王芳")
    db = open_ledger(tmp_path / "dev")
    request = client.start_enrolment(db, letter)
    thief = KeyPair.generate()
    # the carrier puts in its own key and signs with it; without the token it can only keep the MAC
    swapped = {**request, "sign_public": protocol.b64(thief.sign_public)}
    signer = Ed25519PrivateKey.from_private_bytes(thief.sign_secret)
    swapped["signature"] = protocol.b64(signer.sign(enrolment.request_message(swapped)))
    with pytest.raises(SyncError) as e:
        hq.enrol(swapped)
    assert e.value.code == "ENROLMENT_CHANGED" and "登记码仍然有效" in e.value.message
    # an old-style request carrying the token in clear, unsigned, is refused, not half-trusted
    old_style = {k: v for k, v in request.items() if k not in ("token_mac", "signature", "token_id")}
    with pytest.raises(SyncError) as e:
        hq.enrol({**old_style, "token": letter["token"]})
    assert e.value.code == "ENROLMENT_UNSIGNED"
    assert _token_unused(hq, letter["token"]) and _devices(hq) == 0
    assert hq.enrol(request)["status"] == "enrolled"
    db.close()


def _hq_cli(tmp_path: Path, *argv: str) -> int:
    return hq_cli.main(["--db", _sqlite(tmp_path), *argv])


def test_a_damaged_request_on_the_stick_is_refused_then_redone_and_batches_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _hq_cli(tmp_path, "init") == 0
    assert _hq_cli(tmp_path, "enroll-device", "feixian", "--out", str(tmp_path / "letter.json")) == 0
    out = capsys.readouterr().out
    letter = json.loads((tmp_path / "letter.json").read_text(encoding="utf-8"))
    assert f"市总工会公钥指纹：{letter['hq_fingerprint']}" in out  # printed for the letter
    data_dir, stick = tmp_path / "feixian", tmp_path / "stick"
    enrol = ["sync", "--data-dir", str(data_dir), "enroll", str(tmp_path / "letter.json")]
    assert cli.main([*enrol, "--request-out", str(stick)]) == 0
    (request,) = stick.glob("*.enrol.json")
    data = bytearray(request.read_bytes())
    where = data.index(b'"instance_nonce": "') + len(b'"instance_nonce": "')
    data[where] ^= 0x01  # one flipped bit in the instance nonce (it was accepted before)
    request.write_bytes(bytes(data))
    capsys.readouterr()
    assert _hq_cli(tmp_path, "import", str(stick)) == 1
    report = capsys.readouterr().out
    assert "登记失败" in report and "被改动过或已损坏" in report and "登记码仍然有效" in report
    hq = HQ(_sqlite(tmp_path))
    assert _token_unused(hq, letter["token"]) and _devices(hq) == 0
    # the cadre writes the request again from the same laptop; now it enrols
    assert cli.main([*enrol, "--request-out", str(stick)]) == 0
    capsys.readouterr()
    assert _hq_cli(tmp_path, "import", str(stick)) == 0
    assert "登记成功" in capsys.readouterr().out
    # and that laptop's genuine batches are accepted: no clone lock-out
    db = open_ledger(data_dir)
    client.mark_enrolled(db)
    households.create_household(db, household_data(), head_data())
    client.export_usb(db, stick)
    capsys.readouterr()
    assert _hq_cli(tmp_path, "import", str(stick)) == 0
    assert "已入库" in capsys.readouterr().out
    assert hq.status()["records"] >= 2
    hq.close()
    db.close()


# --- enrolment by URL: the fingerprint ---------------------------------------------------------------


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    """The real headquarters and a second one on 127.0.0.1 with other keys (a false server, or
    what a proxy in between would serve)."""
    servers = []
    for name in ("real.sqlite", "false.sqlite"):
        assert hq_cli.main(["--db", _sqlite(tmp_path, name), "init"]) == 0
        srv = Server(_sqlite(tmp_path, name), tmp_path)
        srv.start()
        servers.append(srv)
    yield servers[0], servers[1]
    for srv in servers:
        srv.stop()


def test_enrolment_by_url_refuses_a_substituted_key(
    two_servers: tuple[Server, Server], tmp_path: Path
) -> None:
    real, false = two_servers
    real_hq, false_hq = HQ(real.db_url), HQ(false.db_url)
    fingerprint = real_hq.issue_enrolment("兰陵县-王芳")["hq_fingerprint"]  # from the letter
    token = false_hq.issue_enrolment("兰陵县-王芳")["token"]  # the false server has a token too
    db = open_ledger(tmp_path / "dev")
    url = f"{false.url}/api/v1/enrolment/{token}"
    with pytest.raises(SyncError) as e:
        client.load_enrolment(url)  # without the fingerprint: refused, the cadre is asked for it
    assert e.value.code == "FINGERPRINT_REQUIRED" and "指纹" in e.value.message
    with pytest.raises(SyncError) as e:
        client.load_enrolment(url, fingerprint)
    assert e.value.code == "WRONG_HQ_KEY" and "假冒" in e.value.message
    with db.session() as s:
        assert s.scalars(select(SyncIdentity)).first() is None  # nothing stored
    # the real server's letter, typed loosely, is accepted and the device enrols
    token = real_hq.issue_enrolment("兰陵县-王芳")["token"]
    typed = fingerprint.replace("-", " ").lower().replace("o", "0")
    letter = client.load_enrolment(f"{real.url}/api/v1/enrolment/{token}", typed)
    assert "登记成功" in client.enroll_online(db, letter)
    assert _devices(real_hq) == 1 and _devices(false_hq) == 0
    real_hq.close()
    false_hq.close()
    db.close()


def test_a_letter_whose_keys_do_not_match_its_fingerprint_is_refused(hq: HQ, tmp_path: Path) -> None:
    letter = hq.issue_enrolment("兰陵县-王芳")
    other = KeyPair.generate()
    path = tmp_path / "letter.json"
    path.write_text(json.dumps({**letter, "hq_box_public": protocol.b64(other.box_public)}), encoding="utf-8")
    with pytest.raises(SyncError) as e:
        client.load_enrolment(str(path))
    assert e.value.code == "WRONG_HQ_KEY"
    # a device holding another server's keys: HQ refuses its (genuine) request
    db = open_ledger(tmp_path / "dev")
    forged = {**letter, "hq_box_public": protocol.b64(other.box_public)}
    forged.pop("hq_fingerprint")
    with pytest.raises(SyncError) as e:
        hq.enrol(client.start_enrolment(db, forged))
    assert e.value.code == "WRONG_HQ_KEY" and _token_unused(hq, letter["token"])
    db.close()


# --- an enrolment waiting on the database holds up nobody ------------------------------------------


def test_an_enrolment_waiting_on_a_locked_database_does_not_block_other_requests(tmp_path: Path) -> None:
    url = _sqlite(tmp_path)
    assert hq_cli.main(["--db", url, "init"]) == 0
    srv = Server(url, tmp_path)
    srv.start()
    try:
        hq = HQ(url)
        letter = hq.issue_enrolment("兰陵县-王芳")
        db = open_ledger(tmp_path / "dev")
        request = client.start_enrolment(db, letter)
        lock = sqlite3.connect(tmp_path / "hq.sqlite", timeout=1)
        lock.execute("BEGIN IMMEDIATE")  # another writer holds the database
        answer: list[httpx.Response] = []
        t = threading.Thread(
            target=lambda: answer.append(httpx.post(f"{srv.url}/api/v1/enrol", json=request, timeout=60))
        )
        t.start()
        for _ in range(5):  # meanwhile every other request is answered
            assert httpx.get(f"{srv.url}/api/v1/health", timeout=5).status_code == 200
            assert httpx.get(f"{srv.url}/api/v1/challenge", timeout=5).status_code == 200
        assert not answer  # the enrolment is still waiting for the lock
        lock.rollback()
        lock.close()
        t.join(60)
        assert answer and answer[0].status_code == 200, answer
        assert _devices(hq) == 1
        hq.close()
        db.close()
    finally:
        srv.stop()


# --- the enrolment parser, fuzzed ---------------------------------------------------------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
SIGNER = KeyPair.generate()
TOKEN = "fuzz-token"
GOOD = enrolment.sign_request(
    {
        "kind": enrolment.REQUEST_KIND,
        "v": 1,
        "device_id": "0b0b0b0b-0000-4000-8000-000000000001",
        "instance_nonce": "0b0b0b0b-0000-4000-8000-000000000002",
        "label": "兰陵县-王芳",
        "sign_public": protocol.b64(SIGNER.sign_public),
        "box_public": protocol.b64(SIGNER.box_public),
    },
    TOKEN,
    SIGNER.sign_secret,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(codec=None), max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)


def _check(request: dict[str, Any]) -> bool:
    """What headquarters does before the database: only SyncError may escape. True if accepted."""
    try:
        req = hq_enrolment.parse(request)
        enrolment.verify_request(request, TOKEN, req.sign_public)
    except SyncError as e:
        assert e.code and e.message and not e.message.isascii()
        return False
    return True


@FUZZ
@given(st.dictionaries(st.sampled_from([*GOOD, "token", "extra"]), json_values, max_size=12))
def test_any_enrolment_request_is_checked_not_trusted(request: dict[str, Any]) -> None:
    assert not _check(request)


@FUZZ
@given(st.sampled_from(sorted(GOOD)), json_values)
def test_a_signed_request_with_any_field_changed_is_refused(key: str, value: Any) -> None:
    changed = {**GOOD, key: value}
    try:  # unchanged only if it encodes the same (1.0 is not 1)
        same = protocol.canonical_json(changed) == protocol.canonical_json(GOOD)
    except UnicodeEncodeError:
        same = False
    assert _check(changed) == same


def test_a_lone_surrogate_is_refused_cleanly() -> None:
    assert _check(GOOD)
    assert not _check({**GOOD, "label": "\ud800"})
