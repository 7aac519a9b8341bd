"""Printing that never fails on real content (issue 13): long text, many members, orphaned
sign-off blocks, failed writes, templates that cannot be laid out, codes typed from paper.

Every check is on a real PDF with poppler's tools; dates are explicit, never today's."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import head_data, household_data, person_id

from fieldapp.cli import main
from fieldapp.domain import vocab
from fieldapp.domain.errors import DomainError
from fieldapp.domain.people import MemberData
from fieldapp.printing import qr, template
from fieldapp.printing.engine import render
from fieldapp.printing.errors import PrintError, TemplateError
from fieldapp.printing.template import get_template
from fieldapp.services import households, printing, referrals, visits
from fieldapp.storage.db import Database

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("pdffonts", "pdftotext", "pdfinfo")),
    reason="poppler-utils is installed by .ci/run",
)
ON = dt.date(2026, 3, 16)


def run(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True).stdout


def pages_of(pdf: Path) -> list[str]:
    """Each page's text with white space removed (values wrap inside narrow cells)."""
    pages = run("pdftotext", "-enc", "UTF-8", pdf, "-").split("\f")
    return [re.sub(r"\s+", "", p) for p in pages if p.strip()]


def assert_whole(text: str, printed: str) -> None:
    """Every sentence of `text` (from `numbered_text`) printed exactly once: none lost at a page
    break, none repeated. (pdftotext may put a page's foot or another cell's words between two
    halves of a sentence cut by a page break, so sentences are counted, not the text compared.)"""
    sentences = re.findall(r"[第诉因]\d{4}句：[^第诉因]*", text)
    assert len(sentences) > 10
    for sentence in sentences:
        assert printed.count(sentence[:6]) == 1, sentence[:6]
    whole_ones = sum(printed.count(sentence) for sentence in sentences[:-1])
    assert whole_ones >= len(sentences) - 1 - len(re.findall(r"第\d+页共", printed)), "text lost"


def assert_fonts_embedded(pdf: Path) -> None:
    fonts = run("pdffonts", pdf).splitlines()[2:]
    assert fonts
    for line in fonts:
        *_, emb, sub, _uni, _obj, _gen = line.split()
        assert emb == "yes" and sub == "yes", line


def numbered_text(count: int, prefix: str = "第") -> str:
    """Text of `count` characters whose every sentence is distinct, so a lost piece shows."""
    sentences = []
    i = 0
    while sum(map(len, sentences)) < count:
        sentences.append(f"{prefix}{i:04d}句：家中老人卧病在床，孩子上学，收入微薄。")
        i += 1
    return "".join(sentences)[:count]


@pytest.fixture
def household(db: Database) -> str:
    return households.create_household(db, household_data(), head_data(name="张海生")).id


def test_a_10000_character_note_flows_over_pages_with_header_and_page_count(
    db: Database, household: str, tmp_path: Path
) -> None:
    note = numbered_text(10_000)
    visit_id = visits.record_visit(
        db, visits.VisitData(household, ON, living_conditions=note, demands=numbered_text(1_400, "诉"))
    )
    target = tmp_path / "visit.pdf"
    doc = printing.print_to_file(db, "home_visit", visit_id, target, printed_by="王芳", on=ON)
    assert doc.pdf.pages >= 4
    assert_fonts_embedded(target)
    pages = pages_of(target)
    assert len(pages) == doc.pdf.pages
    code = printing.gather(db, get_template("home_visit"), visit_id, on=ON)["visit"]["code"]
    for number, page in enumerate(pages, 1):  # the running header and the page count on each
        assert "入户走访记录表" in page and "张海生" in page and code in page
        assert f"第{number}页共{len(pages)}页" in page
    assert_whole(note, "".join(pages))
    signed = [p for p in pages if "被走访人" in p]
    assert len(signed) == 1 and ("转介及办理情况" in signed[0] or note[-20:] in signed[0])


def test_a_2000_character_referral_reason_prints(db: Database, household: str, tmp_path: Path) -> None:
    reason = numbered_text(2_000, "因")
    referral_id = referrals.create_referral(
        db,
        referrals.ReferralData(household, "RIGHTS-WAGES", "兰陵县劳动人事争议仲裁院", reason, created_on=ON),
    )
    target = tmp_path / "slip.pdf"
    doc = printing.print_to_file(db, "referral_slip", referral_id, target, printed_by="王芳", on=ON)
    pages = pages_of(target)
    assert doc.pdf.pages == len(pages) >= 2
    assert_whole(reason, "".join(pages))
    assert "转介回执" in pages[-1]


def test_forty_members_all_listed_and_the_sign_off_is_not_alone(
    db: Database, household: str, tmp_path: Path
) -> None:
    names = []
    for i in range(39):
        name = f"成员{i:02d}号"
        birth = dt.date(1950 + i, 1 + i % 12, 1 + i % 28)
        households.add_member(
            db,
            household,
            MemberData(name=name, relation=vocab.Relation.OTHER, id_number=person_id(100 + 2 * i, birth)),
        )
        names.append(name)
    target = tmp_path / "reg.pdf"
    doc = printing.print_to_file(db, "household_registration", household, target, printed_by="王芳", on=ON)
    pages = pages_of(target)
    assert doc.pdf.pages == len(pages) >= 2
    whole = "".join(pages)
    assert all(name in whole for name in names)
    for number, page in enumerate(pages, 1):
        assert "家庭档案登记表" in page and "张海生" in page and f"第{number}页共{len(pages)}页" in page
    [signed] = [p for p in pages if "县区总工会意见" in p]
    assert "附件清单" in signed  # kept with the content before it


def _registration_data(members: int) -> dict[str, object]:
    data = printing.sample_data("household")
    data["family"] = [{**data["family"][0], "name": f"成员{i:02d}号"} for i in range(members)]
    data["household"]["note"] = "需要技能培训。"
    return data


def test_sign_off_blocks_never_start_a_page_alone(tmp_path: Path) -> None:
    """Every family size from 0 to 40: the opinion and seal boxes share their page with content."""
    form = get_template("household_registration")
    notice = get_template("public_notice")
    for n in range(0, 41):
        target = tmp_path / f"r{n}.pdf"
        target.write_bytes(render(form, _registration_data(n)).data)
        [signed] = [p for p in pages_of(target) if "基层工会意见" in p]
        assert "附件清单" in signed, n
        data = printing.sample_data("notice")
        data["rows"] = [{**data["rows"][0], "name": f"户主{i:02d}"} for i in range(n + 10)]
        target = tmp_path / f"n{n}.pdf"
        target.write_bytes(render(notice, data).data)
        [sealed] = [p for p in pages_of(target) if "（盖章）" in p]
        assert re.search(r"户主\d\d", sealed), n  # at least the list's last rows come along


def test_an_existing_folder_as_output_is_refused_in_chinese(
    db: Database, household: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(PrintError, match="文件夹"):
        printing.print_to_file(db, "household_registration", household, folder, printed_by="王芳", on=ON)
    assert list(folder.iterdir()) == []


def test_a_full_disk_leaves_no_partial_file(
    db: Database, household: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    folder = tmp_path / "stick"
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(PrintError, match="空间不足") as caught:
        printing.print_to_file(
            db, "household_registration", household, folder / "a.pdf", printed_by="王", on=ON
        )
    monkeypatch.undo()
    assert "No space" not in str(caught.value)  # plain Chinese, not the system's text
    assert list(folder.iterdir()) == []  # neither a.pdf nor a.pdf.part


def test_cli_output_errors_are_plain_chinese(
    db: Database, household: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(db.path.parent)
    db.close()
    (tmp_path / "folder").mkdir()
    code = main(
        [
            "print",
            "household_registration",
            "--record",
            household,
            "-o",
            str(tmp_path / "folder"),
            "--data-dir",
            data_dir,
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and "文件夹" in err and "Traceback" not in err and "Errno" not in err


TOO_TALL = """
title = "过高的表单"
record = "household"
[[blocks]]
kind = "grid"
columns = [1, 4]
rows = [{ cells = [["备注", "{household.note}"]], height = 400 }]
"""
HUGE_FONT = """
title = "字号过大的表单"
record = "household"
[page]
font_size = 400
[[blocks]]
kind = "grid"
columns = [1, 4]
rows = [[["户主姓名", "{head.name}"]]]
"""


@pytest.mark.parametrize("text", [TOO_TALL, HUGE_FONT])
def test_a_template_that_cannot_be_laid_out_is_refused_before_it_is_sent(text: str) -> None:
    with pytest.raises(TemplateError, match="试排版失败"):
        printing.check_template("household_registration", text)


def test_a_sent_template_that_cannot_render_falls_back_to_the_bundled_form(
    db: Database, household: str, tmp_path: Path
) -> None:
    folder = printing.sent_forms_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "household_registration.toml").write_text(TOO_TALL, encoding="utf-8")
    problems = printing.form_problems(db, "household_registration")
    assert problems and "已改用程序自带的同名表单" in problems[0]
    target = tmp_path / "reg.pdf"
    doc = printing.print_to_file(db, "household_registration", household, target, printed_by="王芳", on=ON)
    assert "困难职工（农民工）家庭档案登记表" in pages_of(target)[0]
    assert any("市总工会" in note for note in doc.notes)


def test_one_broken_bundled_template_leaves_the_others_printable(
    db: Database,
    household: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(template.forms_path(), forms)
    (forms / "contact_card.toml").write_text("title = [broken", encoding="utf-8")
    monkeypatch.setattr(template, "forms_path", lambda: forms)
    template._bundled.cache_clear()
    try:
        assert "contact_card" not in template.available_forms()
        assert "household_registration" in template.available_forms()
        assert any("contact_card.toml" in p and "已损坏" in p for p in printing.form_problems(db))
        with pytest.raises(TemplateError):
            printing.print_to_file(db, "contact_card", household, tmp_path / "c.pdf", printed_by="王", on=ON)
        printing.print_to_file(
            db, "household_registration", household, tmp_path / "r.pdf", printed_by="王", on=ON
        )
        data_dir = str(db.path.parent)
        db.close()
        assert main(["print", "--list", "--data-dir", data_dir]) == 0
        out = capsys.readouterr()
        assert "household_registration\t" in out.out and "contact_card.toml" in out.err
    finally:
        template._bundled.cache_clear()


def test_record_accepts_the_codes_printed_on_paper_and_the_qr_text(db: Database, household: str) -> None:
    referral_id = referrals.create_referral(
        db,
        referrals.ReferralData(
            household, "RIGHTS-WAGES", "兰陵县劳动人事争议仲裁院", "欠薪三个月", created_on=ON
        ),
    )
    data = printing.gather(db, get_template("referral_slip"), referral_id, on=ON)
    hh_code, zj_code = data["household"]["code"], data["referral"]["code"]
    assert printing.resolve_record(db, "household_registration", hh_code) == household
    assert printing.resolve_record(db, "household_registration", hh_code.lower()) == household
    assert printing.resolve_record(db, "referral_slip", zj_code) == referral_id
    assert printing.resolve_record(db, "referral_slip", qr.referral_payload(referral_id)) == referral_id
    assert printing.resolve_record(db, "household_registration", zj_code) == household
    assert printing.resolve_record(db, "household_registration", referral_id) == referral_id  # ids pass
    with pytest.raises(DomainError, match="转介编号"):
        printing.resolve_record(db, "referral_slip", hh_code)
    with pytest.raises(DomainError, match="找不到"):
        printing.resolve_record(db, "referral_slip", "ZJ-00000000")


def test_cli_prints_from_a_printed_code(
    db: Database, household: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = printing.gather(db, get_template("household_registration"), household, on=ON)["household"]["code"]
    data_dir = str(db.path.parent)
    db.close()
    out = tmp_path / "a.pdf"
    assert (
        main(["print", "household_registration", "--record", code, "-o", str(out), "--data-dir", data_dir])
        == 0
    )
    assert code in "".join(pages_of(out))
