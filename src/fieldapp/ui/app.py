"""Start the desktop application: font, translations, settings, sign-in, main window, the ledger.

The sign-in dialog is put on screen first; the database layer is imported while the cadre types
the password, and the encrypted ledger is opened off the GUI thread. The workbench then shows at
once and reads its lists (filling demo data for `--demo`) in the background.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from fieldapp.assets import resource_path
from fieldapp.ui import screen_fit
from fieldapp.ui import settings as opts
from fieldapp.ui.fonts import install_app_font, load_rare_fonts_in_background

if TYPE_CHECKING:
    from fieldapp.storage.db import Database

_translators: list[QTranslator] = []


def install_translations(app: QApplication, language: str) -> list[str]:
    """Install the app's and Qt's own translators for `language`; return the files loaded."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    loaded: list[str] = []
    candidates = [
        (resource_path("translations"), f"fieldapp_{language}"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"),
    ]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(name)
    QLocale.setDefault(QLocale(language))
    return loaded


RARE_FONTS_DELAY_MS = 3000


def prepare_app(prefs: opts.AppSettings) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("fieldapp")
    app.setApplicationDisplayName("工会结对帮扶台账")
    app.setOrganizationName("fieldapp")
    app.setFont(install_app_font())
    # 𠮷 and 䶮 on screen: the fallback fonts are unpacked once the sign-in is on screen and
    # the start-up work is done, on a worker thread (≈ 1 s of CPU)
    QTimer.singleShot(RARE_FONTS_DELAY_MS, load_rare_fonts_in_background)
    install_translations(app, prefs.get(opts.LANGUAGE))
    screen_fit.install(app)  # the sign-in, the workbench and every dialog fit a 1366×768 laptop
    return app


def choose_demo_cadre(db: Database) -> None:
    """On demo data, act as a cadre with 2–4 households so the to-do list shows something."""
    from fieldapp.services import settings as ledger_settings
    from fieldapp.services.todo import pairing_overview

    if ledger_settings.current_cadre_id(db) is None:
        everyone = pairing_overview(db)
        if everyone:
            best = max(everyone, key=lambda c: (c.warning is None, c.active))
            ledger_settings.set_current_cadre(db, best.cadre_id)


def open_ledger(data_dir: Path, *, demo: bool = False, db: Database | None = None) -> Database:
    """Open (and migrate) the ledger, or take the one sign-in opened; on `demo`, fill an empty one
    with demo households."""
    from fieldapp.services import households
    from fieldapp.storage.db import open_database

    if db is None:
        db = open_database(data_dir)
    if demo:
        if not households.list_households(db):
            from fieldapp.services.demo import fill_demo_data

            fill_demo_data(db)
        choose_demo_cadre(db)
    return db


def first_start(
    app: QApplication, prefs: opts.AppSettings, data_dir: Path, db: Database | None
) -> Database | None:
    """The first-run wizard (made again in the chosen language when it changes); the open ledger
    once finished, None when closed midway (it goes on at the next start)."""
    from fieldapp.ui.first_run import FirstRunWizard
    from fieldapp.ui.first_run_state import RESTART

    while True:
        wizard = FirstRunWizard(prefs, data_dir, db)
        result = wizard.exec()
        db = wizard.db
        if result == RESTART:
            install_translations(app, prefs.get(opts.LANGUAGE))
            continue
        if result == FirstRunWizard.DialogCode.Accepted:
            return db
        if db is not None:
            db.close()
        return None


def run_app(data_dir: Path, *, demo: bool = False, settings_file: Path | None = None) -> int:
    from fieldapp.ui import first_run_state as first_run  # the wizard itself only when needed
    from fieldapp.ui.signin import SignInDialog  # on screen first: the workbench loads behind it

    prefs = opts.AppSettings(settings_file)
    app = prepare_app(prefs)
    wizard = first_run.needed(prefs, data_dir, demo=demo)
    db: Database | None = None
    if wizard != "new":  # an existing ledger: the ordinary sign-in (then the wizard's rest, if any)
        signin = SignInDialog(data_dir, demo=demo)
        if signin.exec() != SignInDialog.DialogCode.Accepted or signin.db is None:
            return 1 if signin.message.text() else 0  # closed after a failure, or simply cancelled
        db = signin.db
    if wizard:
        db = first_start(app, prefs, data_dir, db)
        if db is None:
            return 0  # closed midway: kept, and offered again at the next start
    assert db is not None
    opened = db
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(
        None,
        prefs,
        opener=lambda: open_ledger(data_dir, demo=demo, db=opened),
        check_password=lambda password: SignInDialog.check_password_in(data_dir, password),
        reset_password=lambda code, new: SignInDialog.reset_password_in(data_dir, code, new),
    )
    window.show()
    try:
        code = app.exec()
    finally:
        opened.close()
    return 1 if window.open_failed else code
