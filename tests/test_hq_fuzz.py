"""Fuzzing the batch parser (Hypothesis, bounded examples): whatever bytes arrive, headquarters
answers with a rejection code, never an exception, and stores nothing it should not."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.hq import batchcheck, limits
from fieldapp.sync import protocol
from fieldapp.sync.protocol import KeyPair, SyncError

FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same examples every run: a CI failure is reproducible
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
SENDER, RECIPIENT = KeyPair.generate(), KeyPair.generate()
GOOD = protocol.seal(
    {"kind": "batch", "seq": 1, "count": 0, "batch_id": str(uuid.uuid4()), "device_id": str(uuid.uuid4())},
    {"changes": []},
    sender=SENDER,
    recipient_box_public=RECIPIENT.box_public,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def _parse_all(data: bytes) -> None:
    """What ingest does with bytes before touching the database; only SyncError may escape."""
    try:
        parsed = protocol.parse(data)
        batchcheck.header(parsed.header, limits.DEFAULT)
        protocol.verify(parsed, SENDER.sign_public)
        payload = protocol.open_payload(
            parsed, RECIPIENT, max_plain=limits.inflate_cap(len(parsed.ciphertext))
        )
        batchcheck.payload(payload, int(parsed.header["count"]), limits.DEFAULT)
    except SyncError as e:
        assert e.code and e.message


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    _parse_all(data)


@FUZZ
@given(st.data())
def test_mutated_batches_are_refused_cleanly(data: st.DataObject) -> None:
    buf = bytearray(GOOD)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(buf) - 1))
        buf[i] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(buf)))
    _parse_all(bytes(buf[:cut]) + data.draw(st.binary(max_size=16)))


@FUZZ
@given(
    header=st.dictionaries(
        st.sampled_from(["kind", "seq", "count", "batch_id", "device_id", "x"]), json_values
    )
)
def test_any_signed_header_is_checked_not_trusted(header: dict[str, Any]) -> None:
    try:
        sealed = protocol.seal(
            header, {"changes": []}, sender=SENDER, recipient_box_public=RECIPIENT.box_public
        )
    except ValueError:  # NaN and friends cannot even be sealed canonically
        return
    _parse_all(sealed)


@FUZZ
@given(payload=json_values, count=st.integers(-2, 3))
def test_any_signed_payload_is_validated(payload: Any, count: int) -> None:
    try:
        sealed = protocol.seal(
            {
                "kind": "batch",
                "seq": 1,
                "count": count,
                "batch_id": str(uuid.uuid4()),
                "device_id": str(uuid.uuid4()),
            },
            payload,
            sender=SENDER,
            recipient_box_public=RECIPIENT.box_public,
        )
    except ValueError:
        return
    _parse_all(sealed)
