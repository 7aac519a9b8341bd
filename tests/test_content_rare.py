"""Content check of the newest screens' data (issue 14): a 2,000-character note and names with
吉𠮷䶮 (𠮷 is outside the BMP) in the item-19 observation of a visit and in the corrections of a
referral's details, a relief payment and a consent — stored exactly, synced exactly (the outbox
payload headquarters receives), and printed with a text layer pdftotext reads back."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.conftest import TODAY, Answers, head_data, household_data
from tests.test_ui_workbench import (  # noqa: F401 (cadre is a fixture)
    _household,
    cadre,
    open_window,
    type_text,
    wait_ops,
)

from fieldapp.domain import vocab
from fieldapp.services import corrections, households, item19, printing, records, referrals, visits
from fieldapp.storage.db import Database
from fieldapp.storage.models import Consent, OutboxEntry, ReliefPayment
from fieldapp.ui import messages
from fieldapp.ui import settings as opts
from fieldapp.ui.records_dialogs import ConsentDialog, ReliefDialog
from fieldapp.ui.referral_dialogs import ReferralDialog

RARE = "吉𠮷䶮"  # 𠮷 U+20BB7 (Extension B), 䶮 U+4DAE (Extension A)
ON = TODAY - dt.timedelta(days=2)


def long_note(seed: str) -> str:
    """Exactly 2,000 characters (code points), rare ones throughout, 100 numbered lines (so a
    print that breaks across pages can be checked line by line, in order)."""
    lines = [(f"{i:02d}{seed}{RARE}" + "反映拖欠工资八个月腰伤未愈")[:19] for i in range(100)]
    text = "\n".join(lines) + "。"
    assert len(text) == 2000 and text.count("𠮷") == 100
    return text


def printed_whole(note: str, text: str) -> bool:
    """Every line of `note` in the PDF's text, in order (page headers may come between)."""
    at = 0
    for line in note.split("\n"):
        found = text.find(squeezed(line), at)
        if found < 0:
            return False
        at = found + len(squeezed(line))
    return True


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def payloads(db: Database, entity: str, row_id: str | None = None) -> list[dict[str, object]]:
    """What goes to headquarters for `entity` (and row), oldest first."""
    with db.session() as s:
        q = select(OutboxEntry).where(OutboxEntry.entity == entity)
        if row_id is not None:
            q = q.where(OutboxEntry.row_id == row_id)
        return [json.loads(r.payload) for r in s.scalars(q.order_by(OutboxEntry.seq))]


@pytest.fixture
def hid(db: Database) -> str:
    return households.create_household(db, household_data(), head_data(name=f"{RARE}生")).id


def test_item19_names_and_a_long_visit_note_are_kept_synced_and_printed(
    db: Database, hid: str, tmp_path: Path
) -> None:
    note = long_note("走访")
    visit = visits.record_visit(db, visits.VisitData(hid, ON, notes=note))
    (worker,) = item19.workers_of(db, hid)
    employer = f"{RARE}建筑劳务有限公司"
    item19.record_observation(
        db,
        hid,
        item19.EconomyValues(arrears_amount=12000, arrears_employer=employer, arrears_reported_on=ON),
        [
            item19.WorkerValues(
                worker.member_id, "employed_local", employer, 3200, certificate=f"{RARE}焊工证"
            )
        ],
        observed_on=ON,
        visit_id=visit,
    )
    (obs,) = item19.history(db, hid)
    assert obs.economy.arrears_employer == employer
    assert obs.workers[0].employer == employer and obs.workers[0].certificate == f"{RARE}焊工证"
    assert visits.list_visits(db, hid)[0].notes == note
    assert payloads(db, "household_economy")[-1]["arrears_employer"] == employer
    assert payloads(db, "worker_status")[-1]["certificate"] == f"{RARE}焊工证"
    assert payloads(db, "visit")[-1]["notes"] == note
    target = tmp_path / "visit.pdf"  # pdftotext: poppler-utils, installed by .ci/run
    printing.print_to_file(db, "home_visit", visit, target, printed_by="王芳", on=TODAY)
    assert printed_whole(note, pdf_text(target))  # the whole note, 𠮷 read back as itself


def test_corrected_referral_relief_and_consent_keep_rare_names_and_long_notes_exactly(
    db: Database, hid: str, tmp_path: Path
) -> None:
    rid = referrals.create_referral(
        db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪", created_on=ON)
    )
    reason = long_note("转介")
    body = f"{RARE}法律援助中心"
    corrections.correct_referral(
        db, rid, corrections.ReferralDetails(body, reason, ON), f"接收单位写错，应为{RARE}中心"
    )
    assert corrections.referral_details(db, rid) == corrections.ReferralDetails(body, reason, ON)
    assert f"应为{RARE}中心" in referrals.history(db, rid)[-1].note
    sent = payloads(db, "referral")[-1]
    assert sent["reason"] == reason and sent["receiving_body"] == body

    relief = records.record_relief(db, hid, vocab.ReliefProgramme.SEND_WARMTH, 80000, ON, note="春节")
    relief_note = long_note("救助")
    new_relief = corrections.correct_relief(
        db,
        relief,
        corrections.ReliefData(vocab.ReliefProgramme.SEND_WARMTH, 8000, ON, note=relief_note),
        f"{RARE}金额录错",
    )
    kept = corrections.relief_data(db, new_relief).note
    assert kept.startswith(relief_note) and f"{RARE}金额录错" in kept
    assert payloads(db, "relief_payment", new_relief)[-1]["note"] == kept

    consent = records.record_consent(db, hid, vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY, "2025-1")
    new_consent = corrections.correct_consent(
        db,
        consent,
        corrections.ConsentData(
            vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY,
            "2026-1",
            ON,
            guardian_name=RARE,
            guardian_relation="祖父",
        ),
        f"监护人{RARE}漏填",
    )
    assert corrections.consent_data(db, new_consent).guardian_name == RARE
    assert payloads(db, "consent", new_consent)[-1]["guardian_name"] == RARE

    slip = tmp_path / "slip.pdf"
    printing.print_to_file(db, "referral_slip", rid, slip, printed_by="王芳", on=TODAY)
    text = pdf_text(slip)
    assert body in text and printed_whole(reason, text)
    special = tmp_path / "relief.pdf"  # a 2,000-character relief note failed this form before
    printing.print_to_file(db, "special_relief", hid, special, printed_by="王芳", on=TODAY)
    assert printed_whole(relief_note, pdf_text(special))


# --- on screen --------------------------------------------------------------------------------


@pytest.mark.usefixtures("answers")
def test_the_correction_dialogs_and_the_file_show_rare_names_and_long_notes_whole(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    note = long_note("救助")
    relief = records.record_relief(db, hid, vocab.ReliefProgramme.SEND_WARMTH, 80000, ON, note=note)
    consent = records.record_consent(
        db, hid, vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY, "2025-1", guardian_name=RARE
    )
    reason = long_note("转介")
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", f"{RARE}中心", reason))
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: profile.relief.rowCount() == 1 and profile.consents.rowCount() == 1)
    cell = profile.relief.item(0, 3)
    assert cell.text() == " ".join(note.splitlines())[:40] + "…"  # one line in the table…
    assert html.unescape(re.sub(r"<[^>]+>", "", cell.toolTip())) == note  # …and the whole on hover
    assert profile.consents.item(0, 4).text() == RARE

    profile.relief.selectRow(0)
    profile.edit_relief.click()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, ReliefDialog) and dialog.note.toPlainText() == note  # newlines kept
    dialog.correction.setFocus()
    type_text(qtbot, dialog.correction, f"{RARE}金额录错")
    dialog.amount.setFocus()
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "80")
    qtbot.keyClick(dialog.correction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    wait_ops(qtbot)
    kept = [r for r in profile_relief(db, hid) if r.id != relief]
    assert (
        len(kept) == 1 and kept[0].note.startswith(note + "\n") and kept[0].note.endswith(f"{RARE}金额录错")
    )

    profile.consents.selectRow(0)
    profile.edit_consent.click()
    consent_dialog = window.dialogs[-1]
    assert isinstance(consent_dialog, ConsentDialog) and consent_dialog.guardian.text() == RARE
    consent_dialog.close()

    profile.select_referral(rid)
    profile.edit_referral.click()
    referral = window.dialogs[-1]
    assert isinstance(referral, ReferralDialog) and referral.reason.toPlainText() == reason
    assert referral.body.currentText() == f"{RARE}中心"
    for d in (dialog, consent_dialog, referral):
        hint = d.sizeHint()
        assert hint.height() <= 728 and hint.width() <= 1366, (d.objectName(), hint)
    referral.close()
    wait_ops(qtbot)
    assert consent in {c.id for c in records_live(db, hid)}


def profile_relief(db: Database, hid: str) -> list[ReliefPayment]:
    with db.session() as s:
        q = select(ReliefPayment).where(ReliefPayment.household_id == hid, ReliefPayment.deleted.is_(False))
        return list(s.scalars(q))


def records_live(db: Database, hid: str) -> list[Consent]:
    with db.session() as s:
        return list(s.scalars(select(Consent).where(Consent.household_id == hid, Consent.deleted.is_(False))))


def test_the_item19_section_takes_rare_names_and_the_visit_a_long_note_by_keyboard(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    answers: Answers,
) -> None:
    hid = _household(db, cadre)
    head = item19.workers_of(db, hid)[0].member_id
    item19.record_observation(
        db,
        hid,
        item19.EconomyValues(arrears_amount=8000, arrears_employer="某建筑公司", arrears_reported_on=ON),
        [item19.WorkerValues(head, "employed_away", "某建筑公司", 3000)],
        observed_on=ON,
    )
    window = open_window(qtbot, db, prefs)
    dialog = window.record_visit_for(hid)
    section = dialog.item19
    assert section is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: (w := QApplication.focusWidget()) is not None and w.window() is dialog)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0, alt)  # all unchanged…
    qtbot.waitUntil(lambda: len(section.confirmed) == 6)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_6, alt)  # …but the arrears
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, alt)  # and the employer
    qtbot.waitUntil(lambda: not {"arrears", "employment"} & section.confirmed)
    employer = f"{RARE}建筑劳务有限公司"
    for box in (section.arrears_employer, section.workers[0].employer):
        box.setFocus()
        box.selectAll()
        type_text(qtbot, box, employer)
        assert box.text() == employer  # 𠮷 is one character typed, two UTF-16 units kept whole
    note = long_note("走访")
    dialog.notes.setFocus()
    type_text(qtbot, dialog.notes, note.replace("\n", ""))  # as the input method commits it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    wait_ops(qtbot)
    (visit,) = visits.list_visits(db, hid)
    assert visit.notes == note.replace("\n", "")
    latest = item19.latest(db, hid)
    assert latest is not None and latest.visit_id == visit.id
    assert latest.economy.arrears_employer == employer and latest.workers[0].employer == employer
    assert payloads(db, "household_economy", latest.id)[-1]["arrears_employer"] == employer

    again = window.record_visit_for(hid)  # the next visit shows what was recorded, whole
    assert again.item19 is not None and employer in again.item19.summaries["employment"].text()
    again.item19.confirm_all()
    assert again.item19.arrears_employer.text() == employer
    answers.replies = [messages.DISCARD]  # confirmed but not saved: asked, and dropped
    again.close()
    assert not again.isVisible()
