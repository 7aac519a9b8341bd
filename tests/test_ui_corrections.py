"""修改… on the household file (issue 14): a relief payment, a consent and a referral's details
corrected with a required reason, from the keyboard; the saved record is never overwritten."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY
from tests.test_ui_workbench import (  # noqa: F401 (cadre is a fixture)
    _household,
    cadre,
    open_window,
    type_text,
    wait_ops,
)

from fieldapp.domain import vocab
from fieldapp.services import corrections, records, referrals
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts
from fieldapp.ui.records_dialogs import ConsentDialog, ReliefDialog
from fieldapp.ui.referral_dialogs import ReferralDialog

pytestmark = pytest.mark.usefixtures("answers")


def _save(qtbot: QtBot, dialog: ReliefDialog | ConsentDialog | ReferralDialog) -> None:
    qtbot.keyClick(dialog.correction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_relief_payment_is_corrected_with_a_required_reason(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    day = TODAY - dt.timedelta(days=4)
    records.record_relief(db, hid, vocab.ReliefProgramme.SEND_WARMTH, 80000, day, note="春节")
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    profile.tabs.setCurrentIndex(profile.tabs.indexOf(profile.relief.parentWidget()))
    assert not profile.edit_relief.isEnabled()  # nothing selected yet
    profile.relief.selectRow(0)
    profile.edit_relief.click()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, ReliefDialog) and dialog.windowTitle() == "修改救助发放"
    assert dialog.amount.value() == 800 and dialog.note.toPlainText() == "春节"
    assert dialog.correction.isVisible()
    dialog.amount.setFocus()
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "80")
    _save(qtbot, dialog)  # no reason: refused next to the field, nothing changed
    qtbot.waitUntil(lambda: dialog.errors.marked() == ["correction_reason"])
    assert "修改原因" in dialog.errors.label.text()
    assert [r.amount_fen for r in profile.profile.relief] == [80000]  # type: ignore[union-attr]
    dialog.correction.setFocus()
    type_text(qtbot, dialog.correction, "金额多录一个0")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: profile.relief.rowCount() == 1 and profile.relief.item(0, 1).text() == "80.00")
    assert "金额多录一个0" in profile.relief.item(0, 3).text()


def test_a_consent_and_a_referral_are_corrected_from_the_file(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    cid = records.record_consent(db, hid, vocab.ConsentPurpose.REFERRAL_TO_THIRD_PARTY, "2025-1")
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)

    profile.consents.selectRow(0)
    profile.edit_consent.click()
    consent = window.dialogs[-1]
    assert isinstance(consent, ConsentDialog) and consent.notice.text() == "2025-1"
    consent.notice.setText("2026-1")
    consent.correction.setFocus()
    type_text(qtbot, consent.correction, "告知书版本写错")
    _save(qtbot, consent)
    qtbot.waitUntil(lambda: not consent.isVisible())
    wait_ops(qtbot)
    (live,) = [c for c in records_live_consents(db, hid)]
    assert live.notice_version == "2026-1" and live.id != cid

    profile.select_referral(rid)
    assert profile.edit_referral.isEnabled()
    profile.edit_referral.click()
    referral = window.dialogs[-1]
    assert isinstance(referral, ReferralDialog) and referral.editing
    assert not referral.kind.isEnabled() and referral.reason.toPlainText() == "欠薪"
    referral.body.setCurrentText("县总工会法律援助中心")
    referral.correction.setFocus()
    type_text(qtbot, referral.correction, "接收单位写错")
    _save(qtbot, referral)
    qtbot.waitUntil(lambda: not referral.isVisible())
    wait_ops(qtbot)
    assert corrections.referral_details(db, rid).receiving_body == "县总工会法律援助中心"
    assert "接收单位写错" in referrals.history(db, rid)[-1].note
    assert len(referrals.list_referrals(db, hid)) == 1  # corrected, not a second referral


def records_live_consents(db: Database, hid: str) -> list[object]:
    from sqlalchemy import select

    from fieldapp.storage.models import Consent

    with db.session() as s:
        return list(s.scalars(select(Consent).where(Consent.household_id == hid, Consent.deleted.is_(False))))
