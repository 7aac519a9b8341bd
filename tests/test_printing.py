"""Printed forms, checked with real tools: pdffonts, pdftotext, pdfinfo, pdftoppm + zbarimg."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import open_ledger

from fieldapp.cli import main
from fieldapp.domain import vocab
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.idcard import mask_id_number
from fieldapp.printing import qr
from fieldapp.printing.engine import render
from fieldapp.printing.errors import PayloadError, TemplateError
from fieldapp.printing.template import available_forms, get_template, parse_template
from fieldapp.services import households, printing, records, referrals, visits
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database
from fieldapp.storage.models import Member, PrintRecord

FORMS = [
    "household_registration",
    "home_visit",
    "referral_slip",
    "jinqiu_aid",
    "legal_aid",
    "special_relief",
    "contact_card",
    "public_notice",
]
TOOLS = ["pdffonts", "pdftotext", "pdfinfo", "pdftoppm", "zbarimg"]
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="poppler-utils and zbar-tools are installed by .ci/run",
)


def run(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path) -> str:
    """The PDF's text with all white space removed (values wrap inside narrow cells)."""
    return re.sub(r"\s+", "", run("pdftotext", "-enc", "UTF-8", pdf, "-"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_ledger(tmp_path_factory.mktemp("printing") / "data")  # encrypted, as the CLI opens it
    fill_demo_data(db, 12, seed=2014)
    yield db
    db.close()


def record_for(db: Database, form: str) -> str:
    """A record that exercises the form: the referral of the right kind, the largest household…"""
    refs = referrals.list_referrals(db)
    by_kind = {r.kind_code: r for r in reversed(refs)}
    rows = households.list_households(db)
    if form == "home_visit":
        return visits.list_visits(db)[0].id
    if form == "referral_slip":
        return by_kind["RIGHTS-WAGES"].id
    if form == "jinqiu_aid":
        return by_kind["LIVING-JINQIU"].household_id
    if form == "legal_aid":  # a case still under way: a withdrawn one gives no application
        live = [
            r for r in refs if r.kind_code == "RIGHTS-LEGALAID" and r.status != vocab.ReferralStatus.WITHDRAWN
        ]
        return live[0].household_id
    if form == "special_relief":
        return by_kind["LIVING-SPECIAL"].household_id
    if form == "public_notice":
        return "all"
    return max(rows, key=lambda r: r.member_count).id


def expected_values(data: dict[str, Any], form: str) -> list[str]:
    """Values from the record data that must appear in the printed text."""
    if form == "public_notice":
        return [r["name"] for r in data["rows"]] + [r["id_masked"] for r in data["rows"]]
    head, hh, family = data["head"], data["household"], data["family"]
    values = [head["name"]]
    if form in ("household_registration", "home_visit", "jinqiu_aid", "special_relief"):
        values.append(hh["code"])
    if form == "household_registration":
        values += [head["id_number"], data["assessment"]["category"]]
        values += [m["name"] for m in family] + [m["id_number"] for m in family]
    elif form == "home_visit":
        values += [data["visit"]["date"], data["visit"]["mode"], data["visit"]["people_met"]]
    elif form == "referral_slip":
        r = data["referral"]
        values += [r["code"], r["kind"], r["check"], head["id_number"]]
    elif form == "jinqiu_aid":
        values += [data["student"]["name"], data["student"]["id_number"], "金秋助学"]
    elif form == "legal_aid":
        values += [data["legal"]["cause"], head["id_number"], "以欺骗或者其他不正当手段获得法律援助"]
    elif form == "special_relief":
        values += [head["id_number"], data["assessment"]["category"], data["special"]["patients"][:6]]
    elif form == "contact_card":
        values += [data["cadre"]["name"], data["cadre"]["phone"], "12351"]
    return values


def test_every_form_has_a_template() -> None:
    assert sorted(available_forms()) == sorted(FORMS)
    for name in FORMS:
        assert get_template(name).description


@pytest.mark.parametrize("form", FORMS)
def test_form_renders_from_demo_data(demo: Database, tmp_path: Path, form: str) -> None:
    if form == "public_notice":
        for row in households.list_households(demo):
            records.record_consent(demo, row.id, vocab.ConsentPurpose.PUBLIC_NOTICE, "公示同意书 2024版")
    record_id = record_for(demo, form)
    target = tmp_path / f"{form}.pdf"
    doc = printing.print_to_file(demo, form, record_id, target, printed_by="王芳")

    info = run("pdfinfo", target)
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info), info
    assert f"Pages:           {doc.pdf.pages}" in info

    fonts = run("pdffonts", target).splitlines()[2:]
    assert fonts, "no font in the PDF"
    for line in fonts:  # every font embedded and subset: the document prints anywhere
        name, *_, emb, sub, _uni, _obj, _gen = line.split()
        assert "WenQuanYiMicroHei" in name and emb == "yes" and sub == "yes", line

    text = text_of(target)
    data = printing.gather(demo, get_template(form), record_id)
    for value in expected_values(data, form):
        assert value and re.sub(r"\s+", "", value) in text, f"{value!r} missing from {form}"
    assert f"第1页共{doc.pdf.pages}页" in text  # page number and count

    with demo.session() as s:
        logged = s.scalars(select(PrintRecord).where(PrintRecord.id == doc.print_record_id)).one()
        assert (logged.form, logged.record_id, logged.printed_by) == (form, record_id, "王芳")
        assert logged.sha256 == printing.RenderedPdf(target.read_bytes(), 0).sha256
        assert logged.pages == doc.pdf.pages and logged.destination == "pdf"
        assert logged.copies == get_template(form).copies
    assert len(target.read_bytes()) / doc.pdf.pages < 150_000


def test_public_notice_masks_ids_and_omits_health_and_unconsented(demo: Database, tmp_path: Path) -> None:
    rows = households.list_households(demo)
    consented, refused = rows[0], rows[1]
    records.record_consent(demo, consented.id, vocab.ConsentPurpose.PUBLIC_NOTICE, "公示同意书 2024版")
    records.record_consent(
        demo, refused.id, vocab.ConsentPurpose.PUBLIC_NOTICE, "公示同意书 2024版", granted=False
    )
    target = tmp_path / "notice.pdf"
    doc = printing.print_to_file(demo, "public_notice", "all", target, printed_by="王芳")
    text = text_of(target)
    with demo.session() as s:
        members = list(s.scalars(select(Member)))
    for m in members:
        assert m.id_number and m.id_number not in text, "a full ID number is printed"
        if m.illness:
            assert m.illness not in text, f"health detail {m.illness} is printed"
    for word in ("重特大疾病", "一般疾病", "残疾", "良好"):
        assert word not in text
    data = printing.gather(demo, get_template("public_notice"), "all")
    listed = {r["name"] for r in data["rows"]}
    if consented.category in ("深度困难", "相对困难", "意外致困"):
        assert mask_id_number(consented.head_id_number) in text
    assert refused.head_name not in listed or refused.head_name == consented.head_name
    assert mask_id_number(refused.head_id_number) not in text
    assert data["notice"]["count"] == str(len(data["rows"]))
    if refused.category in ("深度困难", "相对困难", "意外致困"):  # the cadre is told who was left out
        assert any("未签署公示同意书" in note for note in doc.notes)


def test_referral_stub_qr_decodes_to_the_referral(demo: Database, tmp_path: Path) -> None:
    referral_id = record_for(demo, "referral_slip")
    target = tmp_path / "slip.pdf"
    printing.print_to_file(demo, "referral_slip", referral_id, target, printed_by="王芳")
    run("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", target, tmp_path / "page")
    scanned = run("zbarimg", "-q", "--raw", tmp_path / "page-1.png").strip()
    assert scanned == qr.referral_payload(referral_id)
    assert qr.parse_referral_payload(scanned) == referral_id


def test_qr_payload_round_trip_and_refusals() -> None:
    referral_id = "6f1c2b1e-0d4a-4c55-9d2b-7e1f0a3c9b11"
    payload = qr.referral_payload(referral_id)
    assert re.fullmatch(r"FAREF1:[0-9A-F-]{36}:[0-9A-F]{8}", payload)
    assert qr.parse_referral_payload(payload) == referral_id
    assert qr.parse_referral_payload(" " + payload.lower() + "\n") == referral_id
    with pytest.raises(PayloadError, match="校验码不符"):
        qr.parse_referral_payload(payload[:-1] + ("0" if payload[-1] != "0" else "1"))
    with pytest.raises(PayloadError, match="格式不符"):
        qr.parse_referral_payload("https://example.com/" + referral_id)
    with pytest.raises(PayloadError):
        qr.referral_payload("not-a-uuid")


def test_template_mistakes_are_reported_with_file_and_place() -> None:
    good = 'title = "T"\nrecord = "household"\n[[blocks]]\nkind = "paragraph"\ntext = "x"\n'
    assert parse_template("ok", good).blocks[0].text == "x"
    with pytest.raises(TemplateError, match=r"bad\.toml.*第1个 blocks.*colour"):
        parse_template("bad", good + 'colour = "red"\n')
    wrong_width = (
        'record = "household"\n[[blocks]]\nkind = "grid"\ncolumns = [1, 1, 1]\nrows = [[["a", "b"]]]\n'
    )
    with pytest.raises(TemplateError, match="占用 2 列"):
        parse_template("grid", wrong_width)
    with pytest.raises(TemplateError, match="record"):
        parse_template("rec", good.replace("household", "nothing"))
    typo = parse_template("typo", good.replace('text = "x"', 'text = "{head.nmae}"'))
    with pytest.raises(TemplateError, match=r"typo\.toml.*head\.nmae"):
        render(typo, {"head": {"name": "张三"}})


def test_long_table_repeats_its_header_and_long_text_wraps_inside_the_page(tmp_path: Path) -> None:
    template = parse_template(
        "long",
        """
title = "长表测试"
record = "household"
[page]
margins_mm = [37, 26, 35, 28]
[[blocks]]
kind = "grid"
columns = [1, 5]
rows = [[["说明", "{long}"]]]
[[blocks]]
kind = "table"
data = "rows"
columns = [{ label = "序号", value = "{#}", width = 1 }, { label = "表头甲乙", value = "{name}", width = 4 }]
""",
    )
    long_text = "困难职工帮扶工作要求详细记录相关基础信息" * 12
    data = {"long": long_text, "rows": [{"name": f"成员{i}"} for i in range(120)]}
    pdf = render(template, data)
    target = tmp_path / "long.pdf"
    target.write_bytes(pdf.data)
    assert pdf.pages >= 3
    pages = run("pdftotext", "-enc", "UTF-8", target, "-").split("\f")
    for page in pages[: pdf.pages]:
        assert "表头甲乙" in page  # the header row repeats on every page
    assert re.sub(r"\s+", "", "".join(pages)).count(long_text) == 1
    assert f"第{pdf.pages}页共{pdf.pages}页" in re.sub(r"\s+", "", pages[pdf.pages - 1])
    # no word runs past the right margin (26 mm) or the left one (28 mm)
    bbox = run("pdftotext", "-bbox", target, "-")
    right = 595.28 - 26 * 72 / 25.4 + 1
    left = 28 * 72 / 25.4 - 1
    for x_min, x_max in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', bbox):
        assert left <= float(x_min) and float(x_max) <= right


def test_cli_print_single_batch_and_list(
    demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(demo.path.parent)
    assert main(["print", "--list", "--data-dir", data_dir]) == 0
    listed = capsys.readouterr().out
    assert all(f"{form}\t" in listed for form in FORMS)

    referral_id = record_for(demo, "referral_slip")
    out = tmp_path / "slip.pdf"
    assert (
        main(["print", "referral_slip", "--record", referral_id, "-o", str(out), "--data-dir", data_dir]) == 0
    )
    assert out.read_bytes().startswith(b"%PDF")

    folder = tmp_path / "batch"
    assert (
        main(["print", "contact_card", "--all", "-o", str(folder), "--by", "李刚", "--data-dir", data_dir])
        == 0
    )
    made = sorted(folder.glob("contact_card-*.pdf"))
    assert len(made) == len(households.list_households(demo))
    with demo.session() as s:
        logged = s.scalars(select(PrintRecord).where(PrintRecord.printed_by == "李刚")).all()
        assert {r.record_id for r in logged} == {p.stem.removeprefix("contact_card-") for p in made}

    assert main(["print", "no_such_form", "--record", "x", "-o", str(out), "--data-dir", data_dir]) == 2
    assert "没有名为“no_such_form”的表单" in capsys.readouterr().err
    assert main(["print", "referral_slip", "-o", str(out), "--data-dir", data_dir]) == 2
    assert "--record" in capsys.readouterr().err


def test_household_bundle_restarts_page_numbers_per_form(demo: Database, tmp_path: Path) -> None:
    household_id = record_for(demo, "household_registration")
    bundle = printing.render_household_forms(demo, household_id)
    assert [form for form, _ in bundle.pages] == printing.household_forms()
    assert sum(pages for _, pages in bundle.pages) == bundle.pdf.pages
    target = tmp_path / "bundle.pdf"
    target.write_bytes(bundle.pdf.data)
    texts = run("pdftotext", "-enc", "UTF-8", target, "-").split("\f")
    first_pages = [sum(p for _, p in bundle.pages[:i]) for i in range(len(bundle.pages))]
    for index, (_, count) in zip(first_pages, bundle.pages, strict=True):
        assert f"第1页共{count}页" in re.sub(r"\s+", "", texts[index])
    with pytest.raises(ValidationError):
        printing.render_household_forms(demo, household_id, ["referral_slip"])


def test_outward_forms_mask_family_numbers_unless_revealed_and_the_reveal_is_audited(
    demo: Database, tmp_path: Path
) -> None:
    from fieldapp.services import audit

    referral_id = record_for(demo, "referral_slip")
    household = households.get_household(demo, referrals.get_referral(demo, referral_id).household_id)
    head = household.head
    assert head is not None and head.id_number and household.phone
    national_phone = household.phone.removeprefix("+86")

    printing.print_to_file(demo, "referral_slip", referral_id, tmp_path / "m.pdf")
    masked = text_of(tmp_path / "m.pdf")
    assert head.id_number not in masked and national_phone not in masked
    assert mask_id_number(head.id_number) in masked
    assert head.name in masked  # the receiving body still knows whom it serves

    printing.print_to_file(demo, "referral_slip", referral_id, tmp_path / "f.pdf", reveal=True)
    full = text_of(tmp_path / "f.pdf")
    assert head.id_number in full and national_phone in full
    latest = {e.action for e in audit.recent(demo, household_id=household.id)[:2]}
    assert latest == {vocab.AuditAction.PRINT, vocab.AuditAction.REVEAL_ID}

    # forms kept inside the union (the registration archive) print in full
    printing.print_to_file(demo, "household_registration", household.id, tmp_path / "a.pdf")
    archive = text_of(tmp_path / "a.pdf")
    assert head.id_number in archive
