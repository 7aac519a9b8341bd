"""Fuzzing both enrolment parsers (Hypothesis, bounded and derandomised):

- the device reading an enrolment file from headquarters (`client.load_enrolment`, then
  `client.start_enrolment`, which keeps its keys): any damage gives BAD_ENROLMENT, never a crash,
  and a refused file leaves the device's sync identity as it was;
- headquarters reading a device's enrolment request (the HTTP body or the file on a stick:
  `limits.json_object` then `HQ.enrol`, and `fieldapp-hq import`): a rejection code, never a crash.

The inputs are mutations of a *valid* file and request produced by the current code path (bytes
flipped, cut, keys dropped, values replaced by any JSON), so the tests hold whatever fields the
formats carry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldapp.hq import importer, limits
from fieldapp.hq.store import HQ
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import SyncIdentity
from fieldapp.sync import client
from fieldapp.sync import enrolment as signing
from fieldapp.sync.protocol import SyncError

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples every run: a CI failure is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HQ, Database, Path]]:
    tmp = tmp_path_factory.mktemp("enrolfuzz")
    hq = HQ(f"sqlite:///{(tmp / 'hq.sqlite').as_posix()}")
    hq.init()
    db = open_database(tmp / "device")
    yield hq, db, tmp
    db.close()
    hq.close()


def _mutate_bytes(data: st.DataObject, good: bytes) -> bytes:
    buf = bytearray(good)
    for _ in range(data.draw(st.integers(1, 6), "flips")):
        i = data.draw(st.integers(0, len(buf) - 1), "at")
        buf[i] = data.draw(st.integers(0, 255), "byte")
    cut = data.draw(st.integers(0, len(buf)), "cut")
    return bytes(buf[:cut]) + data.draw(st.binary(max_size=12), "tail")


def _mutate_fields(data: st.DataObject, good: dict[str, Any]) -> dict[str, Any]:
    """Drop some keys, replace some values with any JSON, add a stranger."""
    out = dict(good)
    keys = sorted(good)
    for key in data.draw(st.lists(st.sampled_from(keys), max_size=3, unique=True), "drop"):
        out.pop(key, None)
    for key in data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True), "replace"):
        out[key] = data.draw(json_values, key)
    if data.draw(st.booleans(), "extra"):
        out[data.draw(st.text(max_size=8), "extra key")] = data.draw(json_values, "extra value")
    return out


# --- the device reads an enrolment file --------------------------------------------------------------


def _identity(db: Database) -> tuple[Any, ...]:
    with db.session() as s:
        ident = s.scalars(select(SyncIdentity)).first()
        if ident is None:
            return ()
        return (ident.token, ident.hq_url, ident.hq_sign_public, ident.hq_box_public)


def _device_reads(db: Database, path: Path) -> None:
    """What `fieldapp enrol FILE` does with the file before asking headquarters anything."""
    before = _identity(db)
    try:
        enrolment = client.load_enrolment(str(path))
        client.start_enrolment(db, enrolment)
    except SyncError as e:
        assert e.code in ("BAD_ENROLMENT", "WRONG_HQ_KEY") and not e.message.isascii(), (e.code, e.message)
        assert _identity(db) == before  # a refused file changed nothing
        return


def test_a_valid_enrolment_file_is_read(setting: tuple[HQ, Database, Path]) -> None:
    hq, db, tmp = setting
    path = tmp / "good.enrol"
    path.write_text(json.dumps(hq.issue_enrolment("兰陵县-王芳", "http://127.0.0.1:1")), encoding="utf-8")
    enrolment = client.load_enrolment(str(path))
    request = client.start_enrolment(db, enrolment)
    # the signed request names the token only by its hash (sync/enrolment.py); the device keeps it
    assert "token" not in request and request["token_id"] == signing.token_id(enrolment["token"])
    assert _identity(db)[0] == enrolment["token"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "null",
        '{"kind": "fieldapp-enrolment"}',
        "[" * 100_000 + "]" * 100_000,
        '{"kind": "fieldapp-enrolment", "token": "t", "hq_sign_public": "@@", "hq_box_public": "AAAA"}',
        '{"kind": "fieldapp-enrolment", "token": 5, "hq_sign_public": 1, "hq_box_public": null}',
    ],
)
def test_damaged_enrolment_files_are_refused_clearly(setting: tuple[HQ, Database, Path], text: str) -> None:
    _hq, db, tmp = setting
    path = tmp / "bad.enrol"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SyncError) as e:
        client.load_enrolment(str(path))
        client.start_enrolment(db, client.load_enrolment(str(path)))
    assert e.value.code == "BAD_ENROLMENT" and "登记文件" in e.value.message


@FUZZ
@given(data=st.data())
def test_mutated_enrolment_files_never_crash_the_device(
    setting: tuple[HQ, Database, Path], data: st.DataObject
) -> None:
    hq, db, tmp = setting
    good = hq.issue_enrolment("兰陵县-王芳", "http://127.0.0.1:1")
    path = tmp / "fuzz.enrol"
    if data.draw(st.booleans(), "as bytes"):
        path.write_bytes(_mutate_bytes(data, json.dumps(good, ensure_ascii=False).encode()))
    else:
        mutated = _mutate_fields(data, good)
        try:
            path.write_text(json.dumps(mutated, ensure_ascii=False), encoding="utf-8", errors="strict")
        except (ValueError, UnicodeEncodeError):  # lone surrogates cannot even be written as UTF-8
            return
    _device_reads(db, path)


# --- headquarters reads an enrolment request -----------------------------------------------------------


def _valid_request(hq: HQ, db: Database) -> dict[str, Any]:
    return client.start_enrolment(db, hq.issue_enrolment("兰山区-刘洋"))


def _hq_reads(hq: HQ, body: bytes) -> None:
    """What POST /api/v1/enrol and `fieldapp-hq import` do with a request's bytes."""
    try:
        answer = hq.enrol(limits.json_object(body, "登记申请", hq.limits))
    except SyncError as e:
        assert e.code and not e.message.isascii(), (e.code, e.message)
        return
    assert answer["status"] == "enrolled"


@FUZZ
@given(data=st.data())
def test_mutated_enrolment_requests_never_crash_headquarters(
    setting: tuple[HQ, Database, Path], data: st.DataObject
) -> None:
    hq, db, _tmp = setting
    good = _valid_request(hq, db)
    if data.draw(st.booleans(), "as bytes"):
        body = _mutate_bytes(data, json.dumps(good, ensure_ascii=False).encode())
    else:
        try:
            body = json.dumps(_mutate_fields(data, good), ensure_ascii=False).encode()
        except UnicodeEncodeError:
            return
    _hq_reads(hq, body)


@FUZZ
@given(body=st.binary(max_size=400))
def test_random_bytes_as_an_enrolment_request(setting: tuple[HQ, Database, Path], body: bytes) -> None:
    _hq_reads(setting[0], body)


def test_a_stick_of_damaged_requests_is_reported_line_by_line(
    setting: tuple[HQ, Database, Path], tmp_path: Path
) -> None:
    hq = setting[0]
    db = open_database(tmp_path / "new-laptop")  # a device headquarters has never seen
    try:
        good = json.dumps(_valid_request(hq, db)).encode()
    finally:
        db.close()
    bodies = [good[: len(good) // 2], b"\xff" * 40, b"[]", good.replace(b'"token_id"', b'"tokne_id"'), good]
    stick = tmp_path / "stick"
    stick.mkdir()
    for i, body in enumerate(bodies):
        (stick / f"{i}{client.ENROL_REQUEST_SUFFIX}").write_bytes(body)
    lines: list[str] = []
    assert importer.import_folder(hq, stick, lines.append) is False
    report = [line.split("\t") for line in lines[:-1]]
    assert [r[1] for r in report] == ["登记失败"] * 4 + ["登记成功"], lines
