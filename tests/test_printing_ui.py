"""The print preview dialog, driven offscreen: white pages, printing to a PDF printer, saving."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldapp.assets import forms_path
from fieldapp.domain import vocab
from fieldapp.printing.template import get_template
from fieldapp.security import vault
from fieldapp.services import audit, consent, households, printing, records, referrals
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database, open_database
from fieldapp.storage.models import PrintRecord
from fieldapp.ui import print_preview
from fieldapp.ui.print_action import PrintChooser, preview_record
from fieldapp.ui.print_preview import PrintPreviewDialog


@pytest.fixture
def slip(db: Database) -> tuple[str, bytes, int]:
    fill_demo_data(db, 4, seed=7)
    referral_id = referrals.list_referrals(db)[0].id
    pdf = printing.render_form(db, "referral_slip", referral_id)
    return referral_id, pdf.data, pdf.pages


def _dialog(qtbot: QtBot, data: bytes | Path, copies: int = 1) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(data, "帮扶转介单", copies=copies)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_shows_white_pages_on_a_grey_desk(qtbot: QtBot, slip: tuple[str, bytes, int]) -> None:
    _, data, pages = slip
    dialog = _dialog(qtbot, data)
    assert dialog.document.pageCount() == pages
    assert dialog.status.text() == f"共 {pages} 页"

    def rendered() -> None:
        image = dialog.view.viewport().grab().toImage()
        middle = image.pixelColor(image.width() // 2, image.height() // 3)
        # a page (white, with black text) is drawn over the grey desk, not a transparent hole
        corner = image.pixelColor(2, 2)
        assert corner != QColor("white")
        whites = sum(
            image.pixelColor(x, y) == QColor("white")
            for x in range(0, image.width(), 9)
            for y in range(0, image.height(), 9)
        )
        assert whites > 0.3 * (image.width() // 9) * (image.height() // 9), middle

    qtbot.waitUntil(rendered, timeout=60000)  # the first render loads fonts: slow on a loaded machine


def test_save_as_pdf_writes_the_bytes_and_reports_output(
    qtbot: QtBot, slip: tuple[str, bytes, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, data, _ = slip
    target = tmp_path / "转介单"
    monkeypatch.setattr(print_preview, "ask_save_path", lambda parent, suggested: str(target))
    dialog = _dialog(qtbot, data)
    with qtbot.waitSignal(dialog.documentOutput) as blocker:
        qtbot.mouseClick(dialog.save_button, print_preview.Qt.MouseButton.LeftButton)
    assert blocker.args == ["pdf", 1]
    assert (tmp_path / "转介单.pdf").read_bytes() == data

    monkeypatch.setattr(print_preview, "ask_save_path", lambda parent, suggested: "")
    with qtbot.assertNotEmitted(dialog.documentOutput):
        qtbot.mouseClick(dialog.save_button, print_preview.Qt.MouseButton.LeftButton)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is installed by .ci/run")
def test_print_goes_through_the_printer_and_is_logged(
    qtbot: QtBot, db: Database, slip: tuple[str, bytes, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    referral_id, _, pages = slip
    out = tmp_path / "printer.pdf"
    asked: list[int] = []

    def choose_pdf_printer(parent: object, printer: QPrinter) -> bool:
        asked.append(printer.copyCount())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(print_preview, "ask_printer", choose_pdf_printer)
    parent = QWidget()
    qtbot.addWidget(parent)
    # the app's own path from 打印转介单…: render in the background, preview, print, log
    job = preview_record(db, "referral_slip", referral_id, "王芳", parent, copies=2)
    with qtbot.waitSignal(job.ready, timeout=60000):
        pass
    dialog = job.preview
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == pages
    with qtbot.waitSignal(dialog.documentOutput) as blocker:
        qtbot.mouseClick(dialog.print_button, print_preview.Qt.MouseButton.LeftButton)
    assert asked == [2]
    assert blocker.args[0] == "printer"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{pages}\b", info)
    assert re.search(r"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info), info
    with db.session() as s:
        row = s.scalars(select(PrintRecord).where(PrintRecord.destination == "printer")).one()
        assert (row.record_id, row.copies, row.pages, row.printed_by) == (
            referral_id,
            blocker.args[1],
            pages,
            "王芳",
        )
        household = referrals.get_referral(db, referral_id).household_id
        assert row.household_id == household

    monkeypatch.setattr(print_preview, "ask_printer", lambda parent, printer: False)
    with qtbot.assertNotEmitted(dialog.documentOutput):
        assert dialog.print_() is False


def test_a_damaged_pdf_is_reported_not_printed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, b"%PDF-1.4 broken")
    assert not dialog.print_button.isEnabled()
    assert "无法显示" in dialog.status.text()


def test_every_household_form_previews(qtbot: QtBot, db: Database) -> None:
    fill_demo_data(db, 3, seed=11)
    household_id = households.list_households(db)[0].id
    for form in printing.household_forms():
        pdf = printing.render_form(db, form, household_id)
        dialog = _dialog(qtbot, pdf.data)
        assert dialog.document.pageCount() == pdf.pages
        assert dialog.status.text() == f"共 {pdf.pages} 页" and dialog.print_button.isEnabled()
        dialog.close()


def test_household_dialog_prints_all_forms_and_logs_each(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo_data(db, 3, seed=11)
    household_id = households.list_households(db)[0].id
    dialog = print_preview.open_preview(db, household_id)
    assert isinstance(dialog, print_preview.HouseholdPrintDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    forms = printing.household_forms()
    assert dialog.chooser.count() == len(forms) + 1
    assert dialog.document.pageCount() >= len(forms)  # every form starts on its own page

    monkeypatch.setattr(print_preview, "ask_save_path", lambda parent, suggested: str(tmp_path / "all.pdf"))
    with qtbot.waitSignal(dialog.documentOutput):
        qtbot.mouseClick(dialog.save_button, print_preview.Qt.MouseButton.LeftButton)
    with db.session() as s:
        logged = s.scalars(select(PrintRecord).where(PrintRecord.record_id == household_id)).all()
    assert sorted(r.form for r in logged) == sorted(forms)
    assert {r.sha256 for r in logged} == {printing.RenderedPdf((tmp_path / "all.pdf").read_bytes(), 0).sha256}

    dialog.chooser.setCurrentIndex(forms.index("household_registration") + 1)
    assert "一式3份" in dialog.status.text()
    single = printing.render_form(db, "household_registration", household_id)
    assert dialog.document.pageCount() == single.pages


def test_batch_dialog_prints_every_household_with_progress(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo_data(db, 5, seed=3)
    dialog = print_preview.open_preview(db, None)
    assert isinstance(dialog, print_preview.BatchPrintDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(print_preview, "ask_folder", lambda parent, start: str(tmp_path / "out"))
    dialog._browse()
    assert dialog.folder.text() == str(tmp_path / "out")
    dialog.form.setCurrentIndex(dialog.form.findData("contact_card"))
    with qtbot.waitSignal(dialog.finished_batch, timeout=30_000) as blocker:
        qtbot.mouseClick(dialog.start_button, print_preview.Qt.MouseButton.LeftButton)
    n = len(households.list_households(db))
    assert blocker.args == [n, n]
    assert dialog.progress.value() == dialog.progress.maximum() == n
    assert len(list((tmp_path / "out").glob("contact_card-*.pdf"))) == n
    assert f"完成：已生成 {n} 个文件（共 {n} 页）" in dialog.status.text()
    with db.session() as s:
        assert len(s.scalars(select(PrintRecord).where(PrintRecord.form == "contact_card")).all()) == n


# --- headquarters' templates and outward documents, on an encrypted ledger -----------------------
@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Database]:
    """An encrypted ledger (as on a laptop) with a few demo households."""
    folder = tmp_path / "ledger"
    key, _code = vault.create_vault(folder, "kaiyuan-2014")
    database = open_database(folder, key)
    fill_demo_data(database, 3, seed=11)
    yield database
    database.close()


def _send_templates(db: Database) -> str:
    """What a sync reply leaves in <data>/forms/: one new form, one this program cannot use."""
    folder = printing.sent_forms_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    card = forms_path("contact_card.toml").read_text(encoding="utf-8")
    (folder / "hq_contact_sheet.toml").write_text('title = "市总联系单"\n' + card, encoding="utf-8")
    registration = forms_path("household_registration.toml").read_text(encoding="utf-8")
    old = f'title = "{get_template("household_registration").title}"'
    newer = registration.replace(old, 'title = "{household.from_a_newer_version}"', 1)
    (folder / "household_registration.toml").write_text(newer, encoding="utf-8")
    return "household_registration.toml 无法使用，已改用程序自带的同名表单"


def _preview_from_chooser(qtbot: QtBot, chooser: PrintChooser, form: str) -> PrintPreviewDialog:
    chooser.form.setCurrentIndex(chooser.form.findData(form))
    chooser.preview = None
    chooser.make_preview()
    qtbot.waitUntil(lambda: chooser.preview is not None, timeout=60_000)
    preview = chooser.preview
    assert preview is not None
    qtbot.waitExposed(preview)
    return preview


def _reveals(db: Database) -> list[str]:
    return [r.detail for r in audit.recent(db) if r.action == vocab.AuditAction.REVEAL_ID]


def test_print_menus_offer_headquarters_templates_and_say_when_one_cannot_be_used(
    qtbot: QtBot, ledger: Database
) -> None:
    problem = _send_templates(ledger)
    household_id = households.list_households(ledger)[0].id
    parent = QWidget()
    qtbot.addWidget(parent)

    chooser = PrintChooser(ledger, household_id, "张海生", "王芳", 1, parent)
    assert chooser.form.findData("hq_contact_sheet") >= 0  # sent by headquarters
    assert chooser.form.findData("household_registration") >= 0  # the bundled one instead
    assert not chooser.problems.isHidden() and problem in chooser.problems.text()
    preview = _preview_from_chooser(qtbot, chooser, "household_registration")
    assert problem in preview.notes.text() and not preview.notes.isHidden()
    preview.done(0)

    dialog = print_preview.open_preview(ledger, household_id)
    assert isinstance(dialog, print_preview.HouseholdPrintDialog)
    qtbot.addWidget(dialog)
    assert dialog.chooser.findData("hq_contact_sheet") >= 0
    assert problem in dialog.notes.text()
    batch = print_preview.open_preview(ledger, None)
    assert isinstance(batch, print_preview.BatchPrintDialog)
    qtbot.addWidget(batch)
    assert batch.form.findData("hq_contact_sheet") >= 0 and problem in batch.notes.text()

    assert consent.notice_form(ledger) == "public_notice"
    # the broken registration template leaves the public notice working: it counts a family
    # that withdraws its consent to the notice, and no longer once the consent is given again
    before = consent.notice_omissions(ledger)
    notice = vocab.ConsentPurpose.PUBLIC_NOTICE
    records.record_consent(ledger, household_id, notice, "公示同意书 2024版", granted=False)
    assert consent.notice_omissions(ledger) == before + 1
    records.record_consent(ledger, household_id, notice, "公示同意书 2024版")
    assert consent.notice_omissions(ledger) == before
    (printing.sent_forms_folder(ledger) / "household_registration.toml").unlink()
    assert PrintChooser(ledger, household_id, "张海生", "王芳", 1, parent).problems.isHidden()


def test_outward_form_preview_reveals_full_numbers_only_when_asked_and_audits_it(
    qtbot: QtBot, ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    household_id = households.list_households(ledger)[0].id
    # headquarters' card puts the family's phone where the bundled one has the cadre's
    card = forms_path("contact_card.toml").read_text(encoding="utf-8")
    assert card.count('"{cadre.phone}"') == 1
    printing.sent_forms_folder(ledger).mkdir()
    (printing.sent_forms_folder(ledger) / "contact_card.toml").write_text(
        card.replace('"{cadre.phone}"', '"{household.phone}"'), encoding="utf-8"
    )
    assert printing.form_problems(ledger) == []
    monkeypatch.setattr(print_preview, "ask_save_path", lambda parent, suggested: str(tmp_path / "card.pdf"))
    parent = QWidget()
    qtbot.addWidget(parent)
    chooser = PrintChooser(ledger, household_id, "张海生", "王芳", 1, parent)

    ordinary = _preview_from_chooser(qtbot, chooser, "household_registration")
    assert ordinary.reveal_box.isHidden()  # not an outward form: nothing to reveal
    ordinary.done(0)

    preview = _preview_from_chooser(qtbot, chooser, "contact_card")
    box = preview.reveal_box
    assert box.isVisible() and not box.isChecked() and not preview.revealed
    assert "显示完整身份证号和电话" in box.text()
    masked = preview.pdf_bytes
    with qtbot.waitSignal(preview.documentOutput):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert _reveals(ledger) == []

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # the tick box
    assert box.isChecked() and preview.revealed
    assert preview.pdf_bytes != masked and preview.document.pageCount() >= 1
    if shutil.which("pdftotext"):
        shown = {}
        for name, data in (("masked", masked), ("full", preview.pdf_bytes)):
            (tmp_path / f"{name}.pdf").write_bytes(data)
            shown[name] = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(tmp_path / f"{name}.pdf"), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        assert "****" in shown["masked"] and "****" not in shown["full"], shown
    (shown_only,) = _reveals(ledger)  # seeing the full numbers on screen is a reveal already
    assert shown_only.startswith("预览") and "显示完整身份证号和电话" in shown_only
    with qtbot.waitSignal(preview.documentOutput):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    printed, _ = _reveals(ledger)
    assert printed.startswith("打印") and "显示完整身份证号和电话" in printed
    assert (tmp_path / "card.pdf").read_bytes() == preview.pdf_bytes
    with ledger.session() as s:
        logged = s.scalars(select(PrintRecord).where(PrintRecord.form == "contact_card")).all()
    assert len(logged) == 2
    assert {r.sha256 for r in logged} == {
        printing.RenderedPdf(masked, 0).sha256,
        printing.RenderedPdf(preview.pdf_bytes, 0).sha256,
    }
    preview.done(0)

    # the household's all-forms preview: offered while an outward form is among those shown
    dialog = print_preview.open_preview(ledger, household_id)
    assert isinstance(dialog, print_preview.HouseholdPrintDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.reveal_box.isHidden()
    dialog.reveal_box.setChecked(True)
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("household_registration"))
    assert dialog.reveal_box.isHidden() and not dialog.revealed
    dialog.chooser.setCurrentIndex(dialog.chooser.findData("contact_card"))
    assert not dialog.reveal_box.isHidden() and not dialog.reveal_box.isChecked()  # masked again
    dialog.reveal_box.setChecked(True)
    assert dialog.revealed
    with qtbot.waitSignal(dialog.documentOutput):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    kinds = [d[:2] for d in _reveals(ledger)]
    assert kinds.count("打印") == 2 and kinds.count("预览") == 3  # two shown here, one before


def test_a_referral_slip_and_a_visit_record_print_from_the_household_file(
    qtbot: QtBot, ledger: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.services.profile import load_profile
    from fieldapp.ui.print_action import preview_record
    from fieldapp.ui.profile import HouseholdProfile

    ref = referrals.list_referrals(ledger)[0]
    view = HouseholdProfile(ledger, ref.household_id)
    qtbot.addWidget(view)
    view.show_profile(load_profile(ledger, ref.household_id))
    view.show()
    asked: list[tuple[str, str]] = []
    view.printRequested.connect(lambda form, rid: asked.append((form, rid)))

    assert not view.print_slip.isEnabled()  # nothing chosen yet
    view.select_referral(ref.id)
    assert view.print_slip.isEnabled()
    qtbot.mouseClick(view.print_slip, Qt.MouseButton.LeftButton)
    visit = load_profile(ledger, ref.household_id).visits[0]
    view.timeline.anchorClicked.emit(QUrl(f"print:{visit.id}"))  # the link under the visit
    assert asked == [("referral_slip", ref.id), ("home_visit", visit.id)]

    monkeypatch.setattr(print_preview, "ask_save_path", lambda parent, suggested: str(tmp_path / "slip.pdf"))
    job = preview_record(ledger, "referral_slip", ref.id, "王芳", view)
    qtbot.waitUntil(lambda: job.preview is not None, timeout=60_000)
    slip = job.preview
    assert slip is not None and not slip.reveal_box.isHidden()  # an outward form: masked, revealable
    with qtbot.waitSignal(slip.documentOutput):
        qtbot.mouseClick(slip.save_button, Qt.MouseButton.LeftButton)
    slip.done(0)
    record = preview_record(ledger, "home_visit", visit.id, "王芳", view)
    qtbot.waitUntil(lambda: record.preview is not None, timeout=60_000)
    assert record.preview is not None and record.preview.reveal_box.isHidden()
    record.preview.done(0)
    with ledger.session() as s:
        logged = s.scalars(select(PrintRecord).where(PrintRecord.record_id == ref.id)).all()
    assert [(r.form, r.copies, r.printed_by) for r in logged] == [("referral_slip", 1, "王芳")]
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(tmp_path / "slip.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "转介" in text and "****" in text
