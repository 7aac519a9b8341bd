"""Automatic backups while the app runs: one at start-up, then whenever `every_hours` of work
have passed since the last one (checked every few minutes), into the location chosen with
`fieldapp backup --set-target` (services/backups.py). Runs off the GUI thread; the outcome
goes to the status bar, a failure in plain Chinese and kept there until the next success."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from fieldapp.services import backups
from fieldapp.storage.db import Database
from fieldapp.ui.ops import Op

CHECK_EVERY_MS = 10 * 60 * 1000


class AutoBackup(QObject):
    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.running = False
        self.last_message = ""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_EVERY_MS)
        QTimer.singleShot(0, self.check)  # on start-up

    def check(self) -> None:
        if self.running:
            return
        self.running = True
        db = self.db

        def work() -> Path | None:
            return backups.back_up_now(db) if backups.due(db) else None

        Op(work).success(self._done).failure(self._failed).run()

    def _show(self, text: str, ms: int) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, ms)

    def _done(self, path: Path | None) -> None:
        self.running = False
        if path is not None:
            self._show(self.tr("已自动备份并核对：%1").replace("%1", str(path)), 10000)

    def _failed(self, error: Exception) -> None:
        self.running = False
        self._show(self.tr("自动备份没有完成：%1").replace("%1", str(error)), 0)
