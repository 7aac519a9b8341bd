"""Take the README's screenshots from the running app on demo data.

    sh packaging/screenshots/take.sh docs/screenshots        # as a cadre sees them (the docs')
    QT_QPA_PLATFORM=offscreen python -m fieldapp.ui.screenshots docs/screenshots   # widgets only

With `--desktop` (what take.sh passes) the app runs on a real X screen of 1366x768 with a window
manager and a 40-pixel taskbar: the main window is maximised, dialogs are placed by the window
manager and fitted by the app itself (ui/screen_fit), and each shot is the whole screen, taskbar
included — what is clipped or hidden there is clipped or hidden for a cadre. Without it, widgets
are drawn offscreen at 1366x768. PNGs are reduced to 256 colours (small enough for the README).

Uses a fresh demo database and settings file in a temporary folder; never the user's data.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QTableWidget, QWidget

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
DESKTOP = False  # --desktop: a real X screen with a window manager and a taskbar


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
    if DESKTOP:
        window = widget.window()
        window.raise_()
        window.activateWindow()
        settle(400)
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0).toImage()  # the whole screen: window manager and taskbar too
    else:
        image = widget.grab().toImage()
    save_small(image, path)
    print(path)


def save_small(image: QImage, path: Path) -> None:
    """The PNG in 256 colours: text and flat colours survive, the file is a fraction of the size."""
    from PIL import Image

    image.save(str(path))
    with Image.open(path) as saved:
        picture = saved.convert("RGB")
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        prefs = opts.AppSettings(Path(tmp) / "fieldapp.ini")
        app = prepare_app(prefs)
        if not DESKTOP:
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
        from fieldapp.services import cadres
        from fieldapp.services import settings as ledger_settings

        me = next(c for c in cadres.list_cadres(db) if c.id == ledger_settings.current_cadre_id(db))
        prefs.set(opts.CADRE_NAME, me.name)  # as the first-run questions leave it
        prefs.set(opts.CADRE_UNIT, me.unit)
        prefs.set(opts.CADRE_PHONE, me.phone or "")
        window = MainWindow(
            db,
            prefs,
            check_password=lambda pw: vault.unlock(data, pw),
            reset_password=lambda code, pw: vault.reset_password(data, code, pw),
        )
        if DESKTOP:
            window.showMaximized()
        else:
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
            if not DESKTOP:
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
        more_shots(window, db, busy.id, Path(tmp), out, dialog_shot)
        from fieldapp.ui.screenshots_setup import setup_shots

        setup_shots(window, db, prefs, Path(tmp), out, shoot, settle)
        security_shots(window, data, Path(tmp), out)
        window.close()
        db.close()
        QCoreApplication.processEvents()
        del app


def more_shots(
    window: MainWindow,
    db: Database,
    hid: str,
    tmp: Path,
    out: Path,
    dialog_shot: Callable[[QDialog, str], None],
) -> None:
    """The rest of a household's file and the dialogs added for issue 14: relief and consents,
    attachments and the photo viewer, the item-19 figures, a referral slip's print preview, a
    correction with its reason, voiding a visit, a waiting draft, the backup settings."""
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QPainter

    from fieldapp.domain import clock, vocab
    from fieldapp.services import drafts, records, referrals, visits
    from fieldapp.ui.print_action import preview_record

    # a document photo to view: a stand-in drawn here (demo data carries no photos)
    photo = QImage(1600, 1000, QImage.Format.Format_RGB32)
    photo.fill(QColor("#e8eef4"))
    painter = QPainter(photo)
    painter.setPen(QColor("#37474f"))
    font = QFont(QGuiApplication.font())
    font.setPixelSize(72)
    painter.setFont(font)
    painter.drawRect(60, 60, 1480, 880)
    painter.drawText(photo.rect(), Qt.AlignmentFlag.AlignCenter, "诊断证明（示例照片）\n临沂市人民医院")
    painter.end()
    picture = tmp / "诊断证明.png"
    photo.save(str(picture))
    records.add_attachment(db, hid, picture, vocab.AttachmentKind.DIAGNOSIS)
    relief_id = records.record_relief(
        db, hid, vocab.ReliefProgramme.AUTUMN_STUDENT_AID, 200000, clock.today() - dt.timedelta(days=20)
    )

    profile = window.open_household(hid)
    settle()
    profile.tabs.setCurrentIndex(4)
    row = next((r for r in range(profile.relief.rowCount()) if _row_id(profile.relief, r) == relief_id), 0)
    profile.relief.selectRow(row)
    shoot(window, out / "15-relief-consents.png")
    profile.tabs.setCurrentIndex(5)
    profile.attachments.selectRow(0)
    shoot(window, out / "16-attachments.png")
    viewer = profile.show_attachment()
    if viewer is not None:
        settle(600)
        shoot(viewer, out / "17-attachment-viewer.png")
        viewer.close()
    profile.tabs.setCurrentIndex(6)
    shoot(window, out / "18-item19-figures.png")

    dialog_shot(window.edit_record(hid, "relief", relief_id), "19-correction")  # type: ignore[arg-type]
    saved = visits.list_visits(db, hid)
    if saved:
        dialog_shot(window.void_visit(hid, saved[0].id), "20-void-visit")

    sent = [r for r in referrals.list_referrals(db, hid)] or referrals.list_referrals(db)
    if sent:
        job = preview_record(db, "referral_slip", sent[0].id, window.cadre_name, window)
        for _ in range(100):
            if job.preview is not None:
                break
            settle()
        if job.preview is not None:
            settle(600)
            shoot(job.preview, out / "21-print-preview.png")
            job.preview.done(0)

    # a visit typed and left unsaved: the 待办 list offers it back, the form restores it
    drafts.save_draft(
        db,
        f"visit:{hid}",
        "visit",
        {
            "visit_date": clock.today().isoformat(),
            "mode": vocab.VisitMode.HOME.value,
            "place": "家中",
            "people_met": "户主本人",
            "living_conditions": "住房安全，子女上学正常，",
            "demands": "",
            "notes": "",
            "next_visit_due": (clock.today() + dt.timedelta(days=30)).isoformat(),
        },
    )
    window.tabs.setCurrentIndex(0)
    window.refresh()
    settle(600)
    shoot(window, out / "22-draft-waiting.png")
    visit = window.finish_draft("visit", hid)
    assert isinstance(visit, QDialog)
    settle()
    visit._dirty = False  # type: ignore[attr-defined]
    dialog_shot(visit, "23-draft-restored")
    drafts.discard_draft(db, f"visit:{hid}")

    settings = window.open_settings()
    settings.tabs.setCurrentWidget(settings.backup)
    dialog_shot(settings, "24-backup-settings")
    batch_shot(window, db, tmp, dialog_shot)
    window.refresh()
    settle()


def batch_shot(
    window: MainWindow, db: Database, tmp: Path, dialog_shot: Callable[[QDialog, str], None]
) -> None:
    """文件 → 批量打印 when it has finished: contact cards for a township, one of them refused
    (a folder stands where its file should go) with the reason in the summary."""
    from fieldapp.services import batch_print
    from fieldapp.ui.print_preview import BatchPrintDialog

    dialog = window.open_batch_print()
    if not isinstance(dialog, BatchPrintDialog):
        return
    township = max(
        (a for a in batch_print.areas(db) if a.level == "township"), key=lambda a: a.households, default=None
    )
    folder = tmp / "联系卡"
    dialog.form.setCurrentIndex(max(dialog.form.findData("contact_card"), 0))
    if township is not None:
        dialog.scope.setCurrentIndex(max(dialog.scope.findData(township.code), 0))
    batch = batch_print.items(db, "contact_card", township.code if township else batch_print.ALL)
    if batch:
        batch_print.target(folder, "contact_card", batch[-1].record_id).mkdir(parents=True)
    dialog.folder.setText(str(folder))
    dialog.start()
    for _ in range(1200):
        if dialog.summary is not None:
            break
        settle(50)
    dialog_shot(dialog, "25-batch-print")


def _row_id(table: QTableWidget, row: int) -> str:
    from PySide6.QtCore import Qt

    item = table.item(row, 0)
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""


def security_shots(window: MainWindow, data: Path, tmp: Path, out: Path) -> None:
    """Sign-in (a wrong password tried), the recovery code of a first start, the lock screen."""
    from fieldapp.ui.signin import SignInDialog

    if DESKTOP:  # sign-in comes before the workbench: an empty desktop behind it
        window.hide()
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

    if DESKTOP:
        window.showMaximized()
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
    args = sys.argv[1:]
    if "--desktop" in args:
        args.remove("--desktop")
        DESKTOP = True
    main(Path(args[0] if args else "docs/screenshots"))
