"""`fieldapp-hq import` trusts nothing on the stick: links, FIFOs, devices, folders, truncated and
oversized files each get their own report line, and the good batches are still imported."""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from tests.test_sync_protocol import (  # noqa: F401  (fixtures)
    add_changes,
    enrolled_device,
    hq,
    hq_url,
    postgres_server,
    sealed_batches,
)

from fieldapp.hq import cli as hq_cli
from fieldapp.hq import importer
from fieldapp.hq.store import HQ


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
def test_a_hostile_stick_is_reported_file_by_file(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = enrolled_device(hq, tmp_path / "dev")
    add_changes(db, 5)
    (good,) = sealed_batches(db)
    db.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "a-good.fsb").write_bytes(good)
    (stick / "b-truncated.fsb").write_bytes(good[: len(good) // 2])
    os.mkfifo(stick / "c-fifo.fsb")  # opening it for reading would block forever
    (stick / "d-zero.fsb").symlink_to("/dev/zero")  # reading it would never end
    (stick / "e-dangling.fsb").symlink_to(tmp_path / "nowhere.fsb")
    (stick / "f-folder.fsb").mkdir()
    (stick / "f-folder.fsb" / "inner.fsb").write_bytes(good)
    outside = tmp_path / "outside.fsb"
    outside.write_bytes(good)
    (stick / "g-link-to-good.fsb").symlink_to(outside)
    (stick / "h-huge.fsb").write_bytes(b"\0" * (2 * 1024 * 1024))
    (stick / "notes.txt").write_text("不是批次")
    (stick / "x.enrol.json").symlink_to("/dev/zero")
    hq.close()

    assert hq_cli.main(["--db", hq.url, "import", str(stick)]) == 1  # not all were accepted
    out = capsys.readouterr().out
    lines = {line.split("\t")[0]: line for line in out.splitlines() if "\t" in line}
    assert "已入库" in lines["a-good.fsb"]
    assert "TRUNCATED" in lines["b-truncated.fsb"] and "不完整" in lines["b-truncated.fsb"]
    assert "已跳过" in lines["c-fifo.fsb"] and "管道文件" in lines["c-fifo.fsb"]
    assert "已跳过" in lines["d-zero.fsb"] and "符号链接" in lines["d-zero.fsb"]
    assert "已跳过" in lines["e-dangling.fsb"] and "符号链接" in lines["e-dangling.fsb"]
    assert "已跳过" in lines["f-folder.fsb"] and "文件夹" in lines["f-folder.fsb"]
    assert "已跳过" in lines["g-link-to-good.fsb"]
    assert "NOT_A_BATCH" in lines["h-huge.fsb"]
    assert "已跳过" in lines["x.enrol.json"]
    assert "notes.txt" not in out and "inner.fsb" not in out
    check = HQ(hq.url)
    try:
        st = check.status()
        assert st["batches"] == 1 and st["records"] == 5
    finally:
        check.close()


def test_oversized_files_are_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.fsb"
    big.write_bytes(b"\0" * 3000)
    with pytest.raises(importer.Skipped, match="太大"):
        importer.read_regular(big, 1000)
    assert importer.read_regular(big, 3000) == b"\0" * 3000


def test_a_clean_stick_exits_zero(hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = enrolled_device(hq, tmp_path / "dev")
    add_changes(db, 3)
    (good,) = sealed_batches(db)
    db.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "one.fsb").write_bytes(good)
    hq.limits = dataclasses.replace(hq.limits, max_batch_bytes=len(good))
    assert importer.import_folder(hq, stick)
    assert "全部成功" in capsys.readouterr().out
    hq.limits = dataclasses.replace(hq.limits, max_batch_bytes=len(good) - 1)
    assert not importer.import_folder(hq, stick)
    assert "太大" in capsys.readouterr().out
