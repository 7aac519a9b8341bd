"""Take the README's screenshots from the running app, offscreen, at 1366x768 on demo data.

    QT_QPA_PLATFORM=offscreen python -m fieldapp.ui.screenshots docs/screenshots

Uses a fresh demo database and settings file in a temporary folder; never the user's data.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QRect, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from fieldapp.domain.people import HouseholdData, MemberData
from fieldapp.domain.vocab import PairingBasis, Relation
from fieldapp.services import households
from fieldapp.services.demo import fill_demo_data
from fieldapp.storage.db import Database, open_database
from fieldapp.ui import ops, screen_fit
from fieldapp.ui import settings as opts
from fieldapp.ui.app import choose_demo_cadre, prepare_app
from fieldapp.ui.main_window import MainWindow

SIZE = (1366, 768)


def settle(ms: int = 150) -> None:
    """Let background operations report back and the widgets repaint."""
    for _ in range(200):
        loop = QEventLoop()
        QTimer.singleShot(ms // 3, loop.quit)
        loop.exec()
        if ops.pending() == 0:
            break
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        prefs = opts.AppSettings(Path(tmp) / "fieldapp.ini")
        app = prepare_app(prefs)
        # the offscreen screen is smaller than the laptop drawn here: the workbench is drawn at
        # exactly SIZE, and print previews as on that laptop with its 40-px taskbar
        screen_fit.enabled = False
        screen_fit.available_area = lambda _widget: QRect(0, 0, SIZE[0], SIZE[1] - 40)
        from fieldapp.security import vault

        data = Path(tmp) / "data"
        key, _code = vault.create_vault(data, "demo2014")
        db = open_database(data, key)
        fill_demo_data(db, 24)
        choose_demo_cadre(db)
        window = MainWindow(
            db,
            prefs,
            check_password=lambda pw: vault.unlock(data, pw),
            reset_password=lambda code, pw: vault.reset_password(data, code, pw),
        )
        window.resize(*SIZE)
        window.show()
        settle()
        shoot(window, out / "01-workbench.png")

        rows = households.list_households(db)
        surname_z = [r for r in rows if r.head_initials.startswith("z")] or rows
        window.households.search.setText(surname_z[0].head_initials.split(" ")[0])
        window.households.apply_search()
        shoot(window, out / "02-search.png")
        window.households.search.clear()
        window.households.apply_search()

        busy = max(rows, key=lambda r: r.member_count)
        profile = window.open_household(busy.id)
        shoot(window, out / "03-profile-members.png")
        profile.tabs.setCurrentIndex(1)
        shoot(window, out / "04-assessment.png")
        profile.tabs.setCurrentIndex(2)
        shoot(window, out / "05-visits.png")
        profile.tabs.setCurrentIndex(3)
        if profile.referrals.rowCount():
            profile.referrals.selectRow(0)
        shoot(window, out / "06-referrals.png")

        def dialog_shot(dialog: QDialog, name: str) -> None:
            settle()
            dialog.adjustSize()
            shoot(dialog, out / f"{name}.png")
            dialog.done(0)

        visit = window.record_visit_for(busy.id)
        visit.people_met.setText("户主本人、配偶")
        visit.living.setPlainText("住房为自建平房，冬季取暖困难；户主尿毒症每周透析两次。")
        visit.demands.setPlainText("希望孩子上学能得到资助。")
        visit._dirty = False
        dialog_shot(visit, "07-visit-form")
        dialog_shot(window.new_referral_for(busy.id, ""), "08-referral")
        dialog_shot(window.new_household(), "09-new-household")
        dialog_shot(window.open_settings(), "10-settings")
        sync_shot(window, db, Path(tmp), out / "11-sync.png")
        security_shots(window, data, Path(tmp), out)
        window.close()
        db.close()
        QCoreApplication.processEvents()
        del app


def security_shots(window: MainWindow, data: Path, tmp: Path, out: Path) -> None:
    """Sign-in (a wrong password tried), the recovery code of a first start, the lock screen."""
    from fieldapp.ui.signin import SignInDialog

    signin = SignInDialog(data)
    signin.show()
    settle()
    signin.password.setText("wrong-guess")
    signin.sign_in()
    for _ in range(100):
        if signin.message.text():
            break
        settle()
    signin.password.clear()
    signin.adjustSize()
    shoot(signin, out / "12-sign-in.png")
    signin.done(0)

    first = SignInDialog(tmp / "first")
    first.show()
    settle()
    first.new_password.setText("zhangsan-2026")
    first.new_again.setText("zhangsan-2026")
    first.create_password()
    for _ in range(100):
        if first.recovery_code:
            break
        settle()
    first.adjustSize()
    shoot(first, out / "13-recovery-code.png")
    if first.db is not None:
        first.db.close()
    first.written.setChecked(True)
    first.done(0)

    window.tabs.setCurrentIndex(0)
    window.lock()
    shoot(window, out / "14-lock.png")


def sync_shot(window: MainWindow, db: Database, tmp: Path, path: Path) -> None:
    """The sync screen after a reply was imported from a stick, with a headquarters in tmp."""
    from fieldapp.hq.store import HQ
    from fieldapp.services import referrals
    from fieldapp.sync import client

    hq = HQ(f"sqlite:///{(tmp / 'hq.sqlite').as_posix()}")
    hq.init()
    enrolment = hq.issue_enrolment("兰陵县总工会-王芳", "http://192.168.1.10:8765")
    hq.enrol(client.start_enrolment(db, enrolment))
    client.cut_batches(db)
    for batch in client._unacked(db):
        hq.ingest(batch.sealed, "usb")
    sent = [r for r in referrals.list_referrals(db) if r.status.value == "已转介"]
    if sent:
        hq.record_referral_outcome(sent[0].id, "已受理", note="县人社局已受理")
    hq.set_reference("dibao_standard_fen", "98000")
    stick = tmp / "stick"
    client.write_atomic(stick / f"reply-{db.device_id}{client.REPLY_SUFFIX}", hq.build_reply(db.device_id))
    hq.close()
    households.create_household(
        db,
        HouseholdData(
            pairing_basis=PairingBasis.CONTACT_HOUSEHOLD, village_code="371324001015", phone="13805391234"
        ),
        MemberData(name="刘桂英", relation=Relation.HEAD),
    )
    screen = window.open_sync()
    screen.choose_folder = lambda _title: str(stick)
    settle()
    screen.import_from_stick()
    settle()
    screen.adjustSize()
    shoot(screen, path)
    screen.done(0)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
