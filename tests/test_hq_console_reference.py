"""参考数据 in the console: the 低保 standard, receiving bodies and form templates set by an
administrator reach a real device at its next sync; bad input is refused in Chinese with nothing
changed; city staff read, county clerks do not see the page, read-only accounts may not post."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.test_hq_console import PASSWORD, sign_in
from tests.test_sync_forms_pairings import NEW_TITLE, _template_text
from tests.test_sync_hq_reply import sync
from tests.test_sync_protocol import enrolled_device

from fieldapp.hq import accounts, reference
from fieldapp.hq.app import create_app
from fieldapp.hq.models import ConsoleAudit, Outgoing
from fieldapp.hq.store import HQ
from fieldapp.services import referrals, settings

KIND = "EMP-JOB"


def _queued(hq: HQ) -> int:
    with hq.session() as s:
        return int(s.scalar(select(func.count()).select_from(Outgoing)) or 0)


def test_reference_data_set_in_the_browser_reaches_the_device(tmp_path: Path) -> None:
    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    db = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    try:
        for name, role, county in (
            ("admin", "admin", ""),
            ("city", "city", ""),
            ("viewer", "readonly", ""),
            ("lanling", "county", "371324"),
        ):
            accounts.add_account(hq, name, role, PASSWORD, county=county)
        good = _template_text("household_registration", NEW_TITLE).encode("utf-8")
        with TestClient(create_app(hq), follow_redirects=False) as c:
            csrf = sign_in(c, "admin")
            page = c.get("/console/reference").text
            assert "总部尚未设定" in page and "尚未下发表单模板" in page and "程序自带" in page
            # bad input: a clear Chinese error, nothing changed, nothing queued for the devices
            before = _queued(hq)
            for path, data, files, error in (
                ("dibao", {"yuan": "九百五"}, None, "低保标准填写不对"),
                ("dibao", {"yuan": "0"}, None, "低保标准应大于0"),
                ("dibao", {"yuan": "-950"}, None, "低保标准"),
                ("bodies", {"kind": "NO-SUCH", "bodies": "某单位"}, None, "转介目录中没有"),
                ("bodies", {"kind": KIND, "bodies": "  \n "}, None, "请至少填写一个接收单位"),
                (
                    "forms",
                    {},
                    {"file": ("household_registration.toml", 'title = "未闭合\n'.encode())},
                    "TOML",
                ),
                ("forms", {}, {"file": ("household_registration.toml", b"\xff\xfe bad")}, "UTF-8"),
                ("forms", {"name": "../evil"}, {"file": ("x.toml", good)}, "表单名"),
                (
                    "forms",
                    {},
                    {
                        "file": (
                            "household_registration.toml",
                            good.replace(b"{household.", b"{household.no_such_", 1),
                        )
                    },
                    "不存在的数据项",
                ),
            ):
                r = c.post(f"/console/reference/{path}", data={**data, "csrf_token": csrf}, files=files)
                assert r.status_code == 400 and error in r.text, (path, data, r.text[:2000])
                assert "表单模板有误" in r.text or path != "forms" or "UTF-8" in error
            assert _queued(hq) == before
            assert hq.reference("dibao_standard_fen") is None and hq.reference("receiving_bodies") is None
            # refused: read-only and city staff posting, a forged token; county clerks get 404
            for name in ("viewer", "city"):
                other = sign_in(c, name)
                page = c.get("/console/reference")
                assert page.status_code == 200 and "只能查看" in page.text and 'name="yuan"' not in page.text
                r = c.post("/console/reference/dibao", data={"yuan": "950", "csrf_token": other})
                assert r.status_code == 403
            sign_in(c, "lanling")
            assert c.get("/console/reference").status_code == 404
            assert "参考数据" not in c.get("/console/households").text
            csrf = sign_in(c, "admin")
            assert (
                c.post("/console/reference/dibao", data={"yuan": "950", "csrf_token": "x"}).status_code == 403
            )
            assert c.post("/console/reference/dibao", data={"yuan": "950"}).status_code == 403
            assert hq.reference("dibao_standard_fen") is None and _queued(hq) == before
            # good input
            r = c.post("/console/reference/dibao", data={"yuan": "950.5", "csrf_token": csrf})
            assert r.status_code == 303 and "950.50" in c.get(r.headers["location"]).text
            r = c.post(
                "/console/reference/bodies",
                data={"kind": KIND, "bodies": "兰陵县人社局\n 兰陵县就业服务中心 \n", "csrf_token": csrf},
            )
            assert r.status_code == 303
            r = c.post(
                "/console/reference/forms",
                data={"csrf_token": csrf},
                files={"file": ("household_registration.toml", good)},
            )
            assert r.status_code == 303, r.text
            page = c.get(r.headers["location"]).text
            assert "已下发表单模板 household_registration" in page and NEW_TITLE in page
            assert "兰陵县人社局、兰陵县就业服务中心" in page and "总部设定" in page
        assert reference.current(hq).dibao_yuan == "950.50"
        report = sync(db, hq)
        assert settings.dibao_standard_fen(db) == 95050
        assert referrals.receiving_bodies(db, KIND) == ["兰陵县人社局", "兰陵县就业服务中心"]
        assert (tmp_path / "a" / "forms" / "household_registration.toml").read_bytes() == good
        assert report.ok
        with hq.session() as s:
            entries = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "reference_set")).all()
            assert [e.account for e in entries] == ["admin"] * 3
            refused = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "refused")).all()
            assert {e.account for e in refused} >= {"viewer", "city", "admin"}
    finally:
        db.close()
        hq.close()


def test_the_cli_checks_and_audits_reference_data_as_the_console_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fieldapp-hq set-dibao` / `set-bodies` go through hq/reference.py: bad input is refused with
    the console's Chinese error and exit code 1, nothing is stored, queued or audited."""
    from fieldapp.hq import cli as hq_cli

    hq = HQ(f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}")
    hq.init()
    url = hq.url
    try:
        accounts.add_account(hq, "admin", "admin", PASSWORD)

        def audits() -> list[tuple[str, str, str]]:
            with hq.session() as s:
                rows = s.scalars(select(ConsoleAudit).where(ConsoleAudit.action == "reference_set"))
                return [(a.account, a.target, a.detail) for a in rows]

        def console_error(path: str, data: dict[str, str]) -> str:
            with TestClient(create_app(hq), follow_redirects=False) as c:
                r = c.post(path, data={**data, "csrf_token": sign_in(c, "admin")})
                assert r.status_code == 400
                return r.text

        bad_dibao = {
            "abc": "低保标准填写不对",
            "0": "低保标准应大于0",
            "-950": "低保标准",
            "": "低保标准",
            "9" * 30: "低保标准填写不对",  # never cut to a shorter number
            "100001": "不应超过 100,000 元/月",
        }
        for text, error in bad_dibao.items():
            assert hq_cli.main(["--db", url, "set-dibao", "--", text]) == 1, text
            err = capsys.readouterr().err
            assert error in err and "请填每月元数" in err, (text, err)
            assert err.strip().removeprefix("错误：") in console_error(
                "/console/reference/dibao", {"yuan": text}
            )
        too_long = "单" * 101
        bad_bodies = {
            ("NO-SUCH", "某单位"): "转介目录中没有“NO-SUCH”这一事项",
            (KIND, " "): "请至少填写一个接收单位",
            (KIND, too_long): "每个不超过 100 字",
            (KIND, *(f"单位{i}" for i in range(31))): "接收单位最多 30 个",
        }
        for args, error in bad_bodies.items():
            assert hq_cli.main(["--db", url, "set-bodies", *args]) == 1, args
            err = capsys.readouterr().err
            assert error in err, (args, err)
            console = console_error(
                "/console/reference/bodies", {"kind": args[0], "bodies": "\n".join(args[1:])}
            )
            assert error in console
        assert hq.reference("dibao_standard_fen") is None and hq.reference("receiving_bodies") is None
        assert _queued(hq) == 0 and audits() == []  # nothing stored, sent or audited

        assert hq_cli.main(["--db", url, "set-dibao", "950.5"]) == 0
        assert "950.50 元/月" in capsys.readouterr().out
        assert hq_cli.main(["--db", url, "set-bodies", KIND, "兰陵县人社局", " ", "兰陵县工会"]) == 0
        assert "兰陵县人社局、兰陵县工会" in capsys.readouterr().out
        assert hq.reference("dibao_standard_fen") == "95050" and _queued(hq) == 2
        trail = audits()
        assert [(a, t) for a, t, _ in trail] == [(accounts.CLI, "低保标准"), (accounts.CLI, trail[1][1])]
        assert trail[0][2] == "950.50 元/月" and trail[1][1].startswith("接收单位 ")
        assert trail[1][2] == "兰陵县人社局、兰陵县工会"
    finally:
        hq.close()
