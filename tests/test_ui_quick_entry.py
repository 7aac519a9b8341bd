"""Quick entry in the referral form (issue 14): a receiving body typed once is offered again,
in the list for its kind and as a completion while typing part of its name."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from tests.test_ui_workbench import _household, cadre, open_window  # noqa: F401

from fieldapp.services import referrals
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts

pytestmark = pytest.mark.usefixtures("answers")

TYPED = "兰山区劳动人事争议仲裁院"


def test_a_receiving_body_typed_before_is_offered_again(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", TYPED, "欠薪"))
    assert referrals.earlier_bodies(db, "RIGHTS-WAGES") == [TYPED]
    assert referrals.earlier_bodies(db, "EMP-JOB") == []
    window = open_window(qtbot, db, prefs)
    dialog = window.new_referral_for(hid)
    dialog.select_kind("RIGHTS-WAGES")
    bodies = [dialog.body.itemText(i) for i in range(dialog.body.count())]
    assert TYPED in bodies and bodies[0] != TYPED  # after headquarters' / the catalogue's list
    completer = dialog.body.completer()
    completer.setCompletionPrefix("仲裁")  # part of the name (its popup is not shown offscreen)
    offered = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert offered == [TYPED]
    dialog.draft.dirty = False  # nothing to keep: close without the question
    dialog.close()
