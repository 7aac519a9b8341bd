"""A process killed in the middle of a write loses no committed data."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select, text

from fieldapp.services import households
from fieldapp.storage.db import open_database
from fieldapp.storage.models import Member, OutboxEntry

WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from conftest import head_data, household_data
    from fieldapp.services import households
    from fieldapp.storage.db import open_database
    from fieldapp.storage.models import Cadre

    db = open_database(Path({data!r}))
    for i in range(20):
        households.create_household(db, household_data(), head_data(seq=100 + i, name="王" + "一二三四五六七八九十"[i % 10]))
    print("committed", flush=True)
    with db.session() as s:
        for i in range(500):
            s.add(Cadre(name=f"未提交{{i}}"))
        s.flush()  # rows are in the WAL, the transaction is open
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_killed_writer_loses_nothing_committed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = WRITER.format(tests=str(Path(__file__).parent), data=str(data))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert "committed" in result.stdout, result.stderr
    assert result.returncode != 0  # it really was killed

    db = open_database(data)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    rows = households.list_households(db)
    assert len(rows) == 20
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 20
        assert s.scalar(text("SELECT count(*) FROM cadre")) == 0
        # every committed change still has its outbox entry: 20 households + 20 heads
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 40
    db.close()
