"""Issue 12: the remaining size caps. Headquarters refuses a batch carrying an attachment file over
its per-file cap (`serve --max-attachment-mb`); a device inflates headquarters' reply only up to a
cap, so a damaged or hostile reply cannot exhaust the laptop's memory."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import hashlib
import os
import uuid
import zlib
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from tests.test_hq_limits import Forger
from tests.test_sync_e2e import Server
from tests.test_sync_protocol import enrolled_device, hq, hq_url, postgres_server  # noqa: F401

from fieldapp.hq import cli as hq_cli
from fieldapp.hq.cli import build_parser
from fieldapp.hq.limits import MIB, Limits
from fieldapp.hq.store import HQ
from fieldapp.storage.models import SyncIdentity
from fieldapp.sync import client, protocol
from fieldapp.sync.protocol import KeyPair, SyncError


def _with_file(dev: Forger, seq: int, blob: bytes) -> bytes:
    sha = hashlib.sha256(blob).hexdigest()
    row = {"id": str(uuid.uuid4()), "sha256": sha, "kind": "证件照片", "version": 1}
    change = {"seq": seq, "entity": "attachment", "row_id": row["id"], "op": "insert", "hlc": seq,
              "version": 1, "row": row}  # fmt: skip
    payload = {"changes": [change], "attachments": [{"sha256": sha, "data": protocol.b64(blob)}]}
    return protocol.seal(dev.header(seq, 1), payload, sender=dev.keys, recipient_box_public=dev.hq_box)


def test_an_attachment_over_the_cap_is_refused_and_nothing_is_stored(hq_url: str) -> None:
    hq = HQ(hq_url, Limits(max_attachment_bytes=1 * MIB))
    hq.init()
    dev = Forger(hq)
    result = hq.ingest(_with_file(dev, 1, os.urandom(MIB + 1)))
    assert result.status == "rejected" and result.code == "ATTACHMENT_TOO_LARGE"
    assert "附件超过 1 MB" in result.message and "没有丢失" in result.message
    assert hq.status()["batches"] == 0 and hq.status()["records"] == 0
    # the same batch number with a file within the cap is then accepted: nothing was half-stored
    assert hq.ingest(_with_file(dev, 1, os.urandom(MIB))).status == "accepted"
    assert hq.status()["records"] == 1
    hq.close()


def test_serve_refuses_a_large_attachment_with_413(tmp_path: Path) -> None:
    assert build_parser().parse_args(["serve"]).max_attachment_mb == 20  # the default
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", url, "init"]) == 0
    srv = Server(url, tmp_path)
    srv.extra = ["--max-attachment-mb", "1"]
    try:
        srv.start()
        hq = HQ(url)
        dev = Forger(hq)
        r = httpx.post(
            f"{srv.url}/api/v1/batches", content=_with_file(dev, 1, os.urandom(2 * MIB)), timeout=60
        )
        assert r.status_code == 413 and r.json()["code"] == "ATTACHMENT_TOO_LARGE", r.text
        assert "附件" in r.json()["message"]
        r = httpx.post(f"{srv.url}/api/v1/batches", content=_with_file(dev, 1, b"photo"), timeout=60)
        assert r.status_code == 200 and r.json()["status"] == "accepted"
        hq.close()
    finally:
        srv.stop()


def test_a_reply_that_would_inflate_beyond_the_cap_is_refused(hq: HQ, tmp_path: Path) -> None:
    db = enrolled_device(hq, tmp_path / "dev")
    with db.session() as s:
        ident = s.scalars(select(SyncIdentity)).one()
        device_id, cursor = ident.device_id, ident.reply_cursor
        box_public = KeyPair(ident.sign_secret, ident.box_secret).box_public
    # headquarters' keys sign it (so it passes the signature check); it inflates to 64 MB of zeros
    comp, sha = zlib.compressobj(9), hashlib.sha256()
    parts = []
    for chunk in (b'{"acks":[],"items":[],"pad":"', *([b"0" * MIB] * 64), b'"}'):
        sha.update(chunk)
        parts.append(comp.compress(chunk))
    compressed = b"".join(parts) + comp.flush()
    bomb = Forger.__new__(Forger)
    bomb.keys, bomb.hq_box = hq.keys, box_public
    header = {"kind": "reply", "reply_id": str(uuid.uuid4()), "device_id": device_id, "count": 0}
    data = bomb.sealed_raw(header, compressed, sha.hexdigest())
    assert client.reply_inflate_cap(len(data)) < 64 * MIB
    with pytest.raises(SyncError) as e:
        client.apply_reply(db, data)
    assert e.value.code == "TOO_LARGE" and "回执解压后超过" in e.value.message and "未展开" in e.value.message
    # from a stick the same: reported, nothing applied
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / f"reply-{device_id}{client.REPLY_SUFFIX}").write_bytes(data)
    report = client.import_replies(db, stick)
    assert not report.ok and "回执解压后超过" in report.message
    with db.session() as s:
        assert s.get(SyncIdentity, device_id).reply_cursor == cursor  # type: ignore[union-attr]
    # a genuine reply still applies
    assert client.apply_reply(db, hq.build_reply(device_id)).ok
    db.close()
