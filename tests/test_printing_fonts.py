"""Rare characters (issue 13): 𠮷 (Extension B) and 䶮 (Extension A) print in the fallback font,
with a correct text layer; a character no bundled font has is reported, never dropped."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import head_data, household_data

from fieldapp.domain import vocab
from fieldapp.domain.people import MemberData
from fieldapp.printing.fonts import MISSING_MARK, missing_glyphs, with_fallback
from fieldapp.services import households, printing, referrals, visits
from fieldapp.storage.db import Database

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("pdffonts", "pdftotext")),
    reason="poppler-utils is installed by .ci/run",
)
ON = dt.date(2026, 3, 16)
RARE_NAME = "吉𠮷䶮"  # 𠮷 U+20BB7 (Extension B), 䶮 U+4DAE (Extension A)
NO_FONT = "\U00030000"  # Extension G: in neither WenQuanYi nor HanaMin


def run(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True).stdout


def fonts_of(pdf: Path) -> dict[str, tuple[str, str]]:
    found = {}
    for line in run("pdffonts", pdf).splitlines()[2:]:
        name, *_, emb, sub, _uni, _obj, _gen = line.split()
        found[name.split("+", 1)[-1]] = (emb, sub)
    return found


def test_markup_switches_font_only_around_rare_characters() -> None:
    assert with_fallback("张海生 &amp; <b>x</b>") == "张海生 &amp; <b>x</b>"
    marked = with_fallback("户主吉𠮷䶮。")
    assert marked == '户主吉<font name="FieldappRareHanB">𠮷</font><font name="FieldappRareHanA">䶮</font>。'
    assert missing_glyphs(f"吉{NO_FONT}\n😀") == [NO_FONT, "😀"]
    assert with_fallback(f"吉{NO_FONT}") == f"吉{MISSING_MARK}"


def test_a_rare_name_prints_in_the_fallback_font_with_a_correct_text_layer(
    db: Database, tmp_path: Path
) -> None:
    household = households.create_household(db, household_data(), head_data(name=RARE_NAME)).id
    target = tmp_path / "reg.pdf"
    doc = printing.print_to_file(db, "household_registration", household, target, printed_by="王芳", on=ON)
    assert not [n for n in doc.notes if "字形" in n]
    text = run("pdftotext", "-enc", "UTF-8", target, "-")
    assert RARE_NAME in re.sub(r"\s+", "", text)  # the non-BMP 𠮷 reads back as itself
    fonts = fonts_of(target)
    assert fonts["FieldappRareHan-A"] == ("yes", "yes") and fonts["FieldappRareHan-B"] == ("yes", "yes")
    assert all(v == ("yes", "yes") for v in fonts.values())


def test_a_character_no_font_has_is_reported_and_printed_as_a_box(db: Database, tmp_path: Path) -> None:
    name = f"吉{NO_FONT}䶮"
    household = households.create_household(db, household_data(), head_data(name=name)).id
    referral_id = referrals.create_referral(
        db, referrals.ReferralData(household, "LIVING-JINQIU", "兰陵县总工会", f"为{name}申请", created_on=ON)
    )
    target = tmp_path / "slip.pdf"
    doc = printing.print_to_file(db, "referral_slip", referral_id, target, printed_by="王芳", on=ON)
    assert doc.pdf.missing_glyphs == (NO_FONT,)
    [note] = [n for n in doc.notes if "没有字形" in n]
    assert NO_FONT in note and "U+30000" in note
    text = re.sub(r"\s+", "", run("pdftotext", "-enc", "UTF-8", target, "-"))
    assert f"吉{MISSING_MARK}䶮" in text and NO_FONT not in text


def test_empty_optional_fields_everywhere_print_every_form(db: Database, tmp_path: Path) -> None:
    household = households.create_household(
        db,
        household_data(village_code=None, address_detail="", phone=None),
        MemberData(name="李", relation=vocab.Relation.HEAD),
    ).id
    visit_id = visits.record_visit(db, visits.VisitData(household, ON))
    referral_id = referrals.create_referral(
        db, referrals.ReferralData(household, "RIGHTS-WAGES", "兰陵县总工会", "欠薪", created_on=ON)
    )
    for form in printing.household_forms(db):
        target = tmp_path / f"{form}.pdf"
        doc = printing.print_to_file(db, form, household, target, printed_by="王芳", on=ON)
        assert doc.pdf.pages >= 1 and "第1页共" in re.sub(r"\s+", "", run("pdftotext", target, "-"))
    for form, record in (("home_visit", visit_id), ("referral_slip", referral_id), ("public_notice", "all")):
        doc = printing.print_to_file(db, form, record, tmp_path / f"{form}.pdf", printed_by="王芳", on=ON)
        assert doc.pdf.pages >= 1


def test_the_screen_takes_rare_characters_from_the_fallback_fonts(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    from fieldapp.ui.fonts import RARE_FAMILIES, install_app_font, load_rare_fonts_in_background

    font = install_app_font()
    assert font.families()[1:] == RARE_FAMILIES
    load_rare_fonts_in_background().join(timeout=30)
    for _ in range(50):  # the fonts are registered on the GUI thread: let its events run
        QCoreApplication.processEvents()
        if set(RARE_FAMILIES) <= set(QFontDatabase.families()):
            break
    assert set(RARE_FAMILIES) <= set(QFontDatabase.families())
    assert QRawFont.fromFont(QFont("Fieldapp Rare Han B")).supportsCharacter(ord("𠮷"))
    assert QRawFont.fromFont(QFont("Fieldapp Rare Han A")).supportsCharacter(ord("䶮"))
