"""Automatic backups while the app runs: one at start-up, then whenever `every_hours` of work
have passed since the last one (checked every few minutes, and when 设置 is saved), into the
location chosen in 文件 → 备份位置…, 设置 → 自动备份 or with `fieldapp backup --set-target`
(services/backups.py). Runs off the GUI thread; the outcome
goes to the status bar, a failure in plain Chinese and kept there until the next success."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from fieldapp.domain.errors import DomainError
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


def choose_location(window: QMainWindow, db: Database) -> Path | None:
    """文件 → 备份位置…: pick the second location (another folder or a USB stick) and back up now."""
    from PySide6.QtWidgets import QFileDialog

    from fieldapp.ui import messages

    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("AutoBackup", "选择自动备份的位置（另一个文件夹或U盘）")
    )
    if not folder:
        return None
    try:
        cfg = backups.get_settings(db)
        backups.set_settings(db, Path(folder), cfg.every_hours, cfg.keep)
        made = backups.back_up_now(db)
    except DomainError as e:
        messages.show_error(window, e, QCoreApplication.translate("AutoBackup", "备份没有完成"))
        return None
    messages.show_info(
        window,
        QCoreApplication.translate("AutoBackup", "备份位置"),
        QCoreApplication.translate(
            "AutoBackup", "今后每次启动和每工作 %1 小时都会备份到 %2（保留最近 %3 份）。\n已备份并核对：%4"
        )
        .replace("%1", str(cfg.every_hours))
        .replace("%2", folder)
        .replace("%3", str(cfg.keep))
        .replace("%4", str(made)),
    )
    return made


def restore_from_backup(window: QMainWindow, db: Database) -> bool:
    """文件 → 从备份恢复…: put one of this ledger's backups back; the app then closes.

    Only a backup of this same ledger (same key) is restored here; another ledger's backup (a
    new laptop) is restored with `fieldapp restore BACKUP --code 恢复码`. True when restored."""
    from PySide6.QtWidgets import QFileDialog

    from fieldapp.security import vault
    from fieldapp.storage import backups as store
    from fieldapp.ui import messages

    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("AutoBackup", "选择要恢复的备份（fieldapp-backup-… 文件夹）")
    )
    if not folder:
        return False
    try:
        info = store.verify(Path(folder))
        if db.key is None or info.key_id != vault.key_id(db.key):
            raise store.BackupError(
                QCoreApplication.translate(
                    "AutoBackup",
                    "这个备份属于另一个台账（或另一份恢复码），不能在这里恢复。在新电脑上请用命令 fieldapp restore 备份文件夹 --code 恢复码。",
                )
            )
    except DomainError as e:
        messages.show_error(window, e, QCoreApplication.translate("AutoBackup", "不能用这个备份恢复"))
        return False
    question = QCoreApplication.translate(
        "AutoBackup",
        "用 %1 的备份替换现在的台账？\n现在的台账会移到数据文件夹中的 replaced-before-restore-… 文件夹，不会删除。\n恢复后程序将关闭，请重新打开。",
    ).replace("%1", info.created_at)
    if (
        messages.ask(
            window,
            QCoreApplication.translate("AutoBackup", "从备份恢复"),
            question,
            (messages.PROCEED, messages.CANCEL),
        )
        != messages.PROCEED
    ):
        return False
    key, data_dir = db.key, db.path.parent
    db.close()
    try:
        moved = store.restore(Path(folder), data_dir, key)
    except DomainError as e:
        messages.show_error(window, e, QCoreApplication.translate("AutoBackup", "恢复没有完成"))
        window.close()
        return False
    messages.show_info(
        window,
        QCoreApplication.translate("AutoBackup", "已从备份恢复"),
        QCoreApplication.translate(
            "AutoBackup", "已恢复 %1 的备份。原来的台账在 %2。程序现在关闭，请重新打开。"
        )
        .replace("%1", info.created_at)
        .replace("%2", str(moved)),
    )
    window.close()
    return True
