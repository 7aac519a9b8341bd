"""Headquarters' form templates on the devices, and pairings at a handover.

Real headquarters on SQLite and PostgreSQL (the `hq` fixture), real device ledgers, headquarters
driven through `fieldapp-hq` and the device through `fieldapp` where a command exists.
"""
# ruff: noqa: F811  (the shared fixtures are imported by name; tests take them as parameters)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import TODAY, head_data, household_data, open_ledger
from tests.test_sync_hq_reply import _hq, sync
from tests.test_sync_protocol import enrolled_device, hq, hq_url, postgres_server  # noqa: F401

from fieldapp.assets import forms_path
from fieldapp.cli import main
from fieldapp.domain.errors import RuleViolation
from fieldapp.hq.store import HQ
from fieldapp.printing.template import available_forms, get_template
from fieldapp.services import cadres, households, printing
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import Pairing
from fieldapp.sync import client, protocol

NEW_TITLE = "困难职工（农民工）家庭档案登记表（2026年版）"


def _template_text(name: str, title: str) -> str:
    text = (forms_path() / f"{name}.toml").read_text(encoding="utf-8")
    old = f'title = "{get_template(name).title}"'
    assert old in text
    return text.replace(old, f'title = "{title}"', 1)


def _shape(value: Any) -> Any:
    """The keys of gathered data, recursively (a list: the keys of its rows)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return ""


def test_data_shape_is_what_gather_gives_and_every_bundled_form_passes_the_check(tmp_path: Path) -> None:
    db = open_database(tmp_path / "demo")
    fill_demo_data(db, 6, seed=2014)
    ids = {
        "household": households.list_households(db)[0].id,
        "visit": next(iter(_ids(db, "visit"))),
        "referral": next(iter(_ids(db, "referral"))),
        "notice": "all",
    }
    for template in available_forms().values():
        gathered = _shape(printing.gather(db, template, ids[template.record]))
        shape = _shape(printing.data_shape(template.record))
        for key in ("members", "family", "visits", "referrals", "relief", "rows"):
            if gathered.get(key) == []:  # an empty list in this record: compare the rest
                gathered[key] = shape[key]
        assert gathered == shape, template.name
        text = template.path.read_text(encoding="utf-8")  # type: ignore[union-attr]
        assert printing.check_template(template.name, text).blocks == template.blocks
    db.close()


def _ids(db: Database, entity: str) -> list[str]:
    from fieldapp.storage.models import Referral, Visit

    model = {"visit": Visit, "referral": Referral}[entity]
    with db.session() as s:
        return list(s.scalars(select(model.id)))  # type: ignore[attr-defined]


def _enrolled_ledger(hq: HQ, data_dir: Path, name: str) -> Database:
    """A device ledger opened as the CLI opens it (encrypted), enrolled at headquarters."""
    db = open_ledger(data_dir)
    hq.enrol(client.start_enrolment(db, hq.issue_enrolment(name)))
    client.mark_enrolled(db)
    return db


def test_form_template_from_hq_is_checked_stored_and_printed_on_every_device(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _enrolled_ledger(hq, tmp_path / "a", "甲")
    hid = households.create_household(a, household_data(), head_data()).id
    # headquarters refuses what would not print: bad TOML, an unknown field, a bad name
    broken = tmp_path / "household_registration.toml"
    broken.write_text('title = "未闭合\n', encoding="utf-8")
    assert _hq(hq, "set-form", str(broken)) == 1
    assert "TOML" in capsys.readouterr().err
    unknown = tmp_path / "household_registration.toml"
    unknown.write_text(
        _template_text("household_registration", "{household.no_such_field}"), encoding="utf-8"
    )
    assert _hq(hq, "set-form", str(unknown)) == 1
    assert "不存在的数据项“household.no_such_field”" in capsys.readouterr().err
    too_tall = tmp_path / "household_registration.toml"  # parses, binds, cannot be laid out
    too_tall.write_text(
        'title = "过高"\nrecord = "household"\n[[blocks]]\nkind = "grid"\ncolumns = [1, 4]\n'
        'rows = [{ cells = [["备注", "{household.note}"]], height = 400 }]\n',
        encoding="utf-8",
    )
    assert _hq(hq, "set-form", str(too_tall)) == 1
    assert "试排版失败" in capsys.readouterr().err
    good = tmp_path / "household_registration.toml"
    good.write_text(_template_text("household_registration", NEW_TITLE), encoding="utf-8")
    assert _hq(hq, "set-form", str(good), "--name", "../evil") == 1
    assert "表单名" in capsys.readouterr().err
    assert hq.status()["devices"] == 1
    # a good one: an updated bundled form, and a new form of headquarters' own
    assert _hq(hq, "set-form", str(good)) == 0
    assert "已下发表单模板 household_registration" in capsys.readouterr().out
    extra = tmp_path / "hq_contact_sheet.toml"
    card = (forms_path() / "contact_card.toml").read_text(encoding="utf-8")
    extra.write_text('title = "联系单"\n' + card, encoding="utf-8")
    assert _hq(hq, "set-form", str(extra)) == 0
    report = sync(a, hq)
    assert "表单模板已更新：household_registration、hq_contact_sheet" in report.details, report.details
    stored = tmp_path / "a" / "forms" / "household_registration.toml"
    assert stored.read_text(encoding="utf-8") == good.read_text(encoding="utf-8")
    assert not list((tmp_path / "a" / "forms").glob(".*"))  # no temporary file left behind
    assert printing.template_for(a, "household_registration").title == NEW_TITLE
    assert get_template("household_registration").title != NEW_TITLE  # the bundled one is untouched
    assert "hq_contact_sheet" in printing.household_forms(a)
    doc = printing.print_to_file(a, "household_registration", hid, tmp_path / "reg.pdf", printed_by="王芳")
    assert doc.notes == () and (tmp_path / "reg.pdf").read_bytes().startswith(b"%PDF")
    a.close()
    capsys.readouterr()
    assert main(["print", "--list", "--data-dir", str(tmp_path / "a")]) == 0
    out = capsys.readouterr()
    listed = {line.split("\t")[0]: line for line in out.out.splitlines()}
    assert listed["household_registration"].endswith("（市总工会下发）")
    assert "hq_contact_sheet" in listed and not listed["home_visit"].endswith("（市总工会下发）")
    assert out.err == ""
    # a template this device cannot use (damaged here, or newer than this program): the bundled one
    stored.write_text(_template_text("household_registration", "{household.from_a_newer_version}"))
    a = open_ledger(tmp_path / "a")
    assert (
        printing.template_for(a, "household_registration").title
        == get_template("household_registration").title
    )
    (problem,) = printing.form_problems(a)
    assert "household_registration.toml 无法使用，已改用程序自带的同名表单" in problem
    doc = printing.print_to_file(a, "household_registration", hid, tmp_path / "reg2.pdf", printed_by="王芳")
    assert problem in doc.notes
    a.close()
    assert main(["print", "--list", "--data-dir", str(tmp_path / "a")]) == 0
    assert "提示：市总工会下发的表单模板 household_registration.toml 无法使用" in capsys.readouterr().err
    # the same arriving in a reply (from a newer headquarters): stored, reported, not used
    a = open_ledger(tmp_path / "a")
    newer = _template_text("home_visit", "{visit.newer_field}")
    hq.add_outgoing(
        "*",
        "form_template",
        {"name": "home_visit", "text": newer, "sha256": protocol.sha256_hex(newer.encode())},
    )
    hq.add_outgoing("*", "form_template", {"name": "contact_card", "text": "x", "sha256": "0" * 64})
    report = sync(a, hq)
    joined = " ".join(report.details)
    assert "表单模板 home_visit 本机无法使用" in joined and "表单模板 contact_card 名称或校验值不符" in joined
    assert not (tmp_path / "a" / "forms" / "contact_card.toml").exists()
    assert printing.template_for(a, "home_visit") == get_template("home_visit")
    a.close()
    # a device enrolled later receives every template from the beginning
    b = enrolled_device(hq, tmp_path / "b", "乙")
    report = sync(b, hq)
    assert printing.template_for(b, "household_registration").title == NEW_TITLE
    assert (tmp_path / "b" / "forms" / "hq_contact_sheet.toml").exists()
    b.close()


def _pairings(db: Database, household_id: str) -> list[Pairing]:
    with db.session() as s:
        return list(
            s.scalars(
                select(Pairing).where(Pairing.household_id == household_id).order_by(Pairing.started_on)
            )
        )


def test_handover_ends_the_former_cadres_pairing_and_pairs_the_new_cadre(
    hq: HQ, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = enrolled_device(hq, tmp_path / "a", "兰陵县-王芳")
    b = enrolled_device(hq, tmp_path / "b", "兰陵县-李强")
    wang = cadres.add_cadre(a, "王芳", unit="兰陵县总工会")
    moved = households.create_household(a, household_data(), head_data()).id
    kept = households.create_household(a, household_data(address_detail="5组2号"), head_data(seq=31)).id
    cadres.pair(a, wang, moved)
    cadres.pair(a, wang, kept)
    li = cadres.add_cadre(b, "李强", unit="兰陵县总工会")
    for i in range(4):  # 李强 already keeps four households
        own = households.create_household(
            b, household_data(address_detail=f"7组{i}号"), head_data(seq=41 + i)
        )
        cadres.pair(b, li, own.id)
    sync(a, hq)
    sync(b, hq)
    assert cadres.pairing_status(a, wang).active == 2
    # nothing moves when the new cadre is unknown or a fifth household has no reason
    assert _hq(hq, "handover", moved, "--to", "兰陵县-李强", "--cadre", "赵六") == 1
    assert "总部没有干部“赵六”" in capsys.readouterr().err
    assert _hq(hq, "handover", moved, "--to", "兰陵县-李强", "--cadre", "李强") == 1
    assert "再增加需填写原因" in capsys.readouterr().err
    assert hq.status()["handovers"] == 0
    assert _hq(hq, "handover", moved, "--to", "兰陵县-李强", "--cadre", "李强", "--note", "王芳调岗") == 0
    out = capsys.readouterr().out
    assert "原结对关系 1 个已于今天结束" in out and "已与干部“李强”结对" in out
    # the new device: the former pairing, ended; its own cadre paired (the fifth, with the reason)
    sync(b, hq)
    old, new = sorted(_pairings(b, moved), key=lambda p: p.cadre_id != wang)  # the former cadre's first
    assert (old.cadre_id, old.ended_on, old.end_reason) == (
        wang,
        TODAY,
        "市总工会移交给兰陵县-李强（王芳调岗）",
    )
    assert (new.cadre_id, new.ended_on, new.extra_reason, new.started_on) == (
        li,
        None,
        "王芳调岗",
        TODAY,
    )
    assert cadres.pairing_status(b, li).active == 5
    assert cadres.pairing_status(b, wang).active == 0
    # the former device: 王芳's pairing ends there too, so her count is right (1, a warning)
    report = sync(a, hq)
    assert "本机只读" in " ".join(report.details)
    (mine,) = _pairings(a, moved)
    assert mine.ended_on == TODAY and mine.end_reason.startswith("市总工会移交给兰陵县-李强")
    status = cadres.pairing_status(a, wang)
    assert status.active == 1 and status.warning is not None and "少于" in status.warning
    with pytest.raises(RuleViolation):  # the household is read-only there: no new pairing...
        cadres.pair(a, wang, moved, reason="x")
    with pytest.raises(RuleViolation):  # ...and no change to its pairings
        cadres.end_pairing(a, mine.id, reason="重复")
    # the new owner goes on from headquarters' version: no conflict
    cadres.end_pairing(b, new.id, reason="户主外出务工")
    sync(b, hq)
    assert hq.conflicts() == []
    assert cadres.pairing_status(b, li).active == 4
    a.close()
    b.close()
