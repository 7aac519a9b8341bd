"""The settings dialog: one small page class per tab, each with `load()` and `save()`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import DomainError, RuleViolation
from fieldapp.domain.money import format_yuan
from fieldapp.services import backups, cadres
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts
from fieldapp.ui.forms import FieldErrors, date_edit, get_date, set_date


class CadrePage(QWidget):
    def __init__(self, prefs: opts.AppSettings, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs, self.db = prefs, db
        self.name = QLineEdit(self)
        self.name.setObjectName("cadreName")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("cadreUnit")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("cadrePhone")
        form = QFormLayout(self)
        form.addRow(opts.CADRE_NAME.label(), self.name)
        form.addRow(opts.CADRE_UNIT.label(), self.unit)
        form.addRow(opts.CADRE_PHONE.label(), self.phone)
        hint = QLabel(
            self.tr("这台电脑上的走访、评定和转介都记在这位干部名下；打印的联系卡也用这些信息。"), self
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)

    def load(self) -> None:
        self.name.setText(self.prefs.get(opts.CADRE_NAME))
        self.unit.setText(self.prefs.get(opts.CADRE_UNIT))
        self.phone.setText(self.prefs.get(opts.CADRE_PHONE))

    def save(self) -> None:
        name = self.name.text().strip()
        save_cadre(self.db, name, self.unit.text(), self.phone.text())
        self.prefs.set(opts.CADRE_NAME, name)
        self.prefs.set(opts.CADRE_UNIT, self.unit.text().strip())
        self.prefs.set(opts.CADRE_PHONE, self.phone.text().strip())


def save_cadre(db: Database, name: str, unit: str, phone: str) -> None:
    """The cadre becomes this ledger's current cadre (added if new); also used by the first-run
    wizard once the ledger exists."""
    name = name.strip()
    if name:
        cadre = cadres.find_cadre_by_name(db, name)
        cadre_id = cadre.id if cadre else cadres.add_cadre(db, name, unit, phone=phone)
        ledger_settings.set_current_cadre(db, cadre_id)


class DibaoPage(QWidget):
    """The local 低保 standard is ledger data (kept in the database, used by every assessment)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.dibao = QLineEdit(self)
        self.dibao.setObjectName("dibaoStandard")
        self.dibao.setPlaceholderText(self.tr("如 900"))
        form = QFormLayout(self)
        form.addRow(self.tr("本地低保标准（元/月）"), self.dibao)
        hint = QLabel(
            self.tr("每年按当地民政部门公布的标准更新。困难类别按此标准计算；已记录的评定保留当时的标准。"),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)

    def load(self) -> None:
        self.dibao.setText(format_yuan(ledger_settings.dibao_standard_fen(self.db)))

    def save(self) -> None:
        ledger_settings.set_dibao_standard(self.db, self.dibao.text())


class PrintingPage(QWidget):
    def __init__(self, prefs: opts.AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.printer = QComboBox(self)
        self.printer.setObjectName("printerName")
        self.printer.setEditable(True)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("printCopies")
        self.copies.setRange(1, 10)
        self.duplex = QCheckBox(opts.PRINT_DUPLEX.label(), self)
        form = QFormLayout(self)
        form.addRow(opts.PRINTER_NAME.label(), self.printer)
        form.addRow(opts.PRINT_COPIES.label(), self.copies)
        form.addRow("", self.duplex)

    def load(self) -> None:
        self.printer.clear()
        self.printer.addItem(self.tr("（系统默认打印机）"), "")
        try:
            from PySide6.QtPrintSupport import QPrinterInfo

            for name in QPrinterInfo.availablePrinterNames():
                self.printer.addItem(name, name)
        except ImportError:  # printing support is optional on this machine
            pass
        current = self.prefs.get(opts.PRINTER_NAME)
        i = self.printer.findData(current)
        if i >= 0:
            self.printer.setCurrentIndex(i)
        elif current:
            self.printer.setEditText(current)
        self.copies.setValue(self.prefs.get(opts.PRINT_COPIES))
        self.duplex.setChecked(self.prefs.get(opts.PRINT_DUPLEX))

    def save(self) -> None:
        data = self.printer.currentData()
        text = self.printer.currentText()
        self.prefs.set(opts.PRINTER_NAME, "" if data == "" and text == self.printer.itemText(0) else text)
        self.prefs.set(opts.PRINT_COPIES, self.copies.value())
        self.prefs.set(opts.PRINT_DUPLEX, self.duplex.isChecked())


class GeneralPage(QWidget):
    def __init__(self, prefs: opts.AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in opts.LANGUAGES.items():
            self.language.addItem(name, code)
        self.resurvey = date_edit(self)
        self.resurvey.setObjectName("resurveyStart")
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" 分钟"))
        form = QFormLayout(self)
        form.addRow(opts.LANGUAGE.label(), self.language)
        form.addRow(opts.RESURVEY_START.label(), self.resurvey)
        form.addRow(opts.LOCK_MINUTES.label(), self.lock_minutes)
        hint = QLabel(self.tr("语言在重新启动后生效。再摸底为期一个月（30天），从开始日期算起。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)

    def load(self) -> None:
        i = self.language.findData(self.prefs.get(opts.LANGUAGE))
        self.language.setCurrentIndex(max(i, 0))
        set_date(self.resurvey, opts.resurvey_start(self.prefs))
        self.lock_minutes.setValue(self.prefs.get(opts.LOCK_MINUTES))

    def save(self) -> None:
        self.prefs.set(opts.LANGUAGE, str(self.language.currentData()))
        self.prefs.set(opts.RESURVEY_START, get_date(self.resurvey).isoformat())
        self.prefs.set(opts.LOCK_MINUTES, self.lock_minutes.value())


class BackupPage(QWidget):
    """Automatic backups: the second location, every N hours, keep K (ledger data, like 低保).

    The same settings as `fieldapp backup --set-target/--every-hours/--keep`; the running app's
    automatic backup (ui/autobackup.py) reads them at each check."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.target = QLineEdit(self)
        self.target.setObjectName("backupTarget")
        self.target.setPlaceholderText(self.tr("未选择：不自动备份"))
        self.choose = QPushButton(self.tr("选择…"), self)
        self.choose.setObjectName("backupChoose")
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(self.choose)
        self.every = QSpinBox(self)
        self.every.setObjectName("backupEveryHours")
        self.every.setRange(*backups.EVERY_RANGE)
        self.every.setSuffix(self.tr(" 小时"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(*backups.KEEP_RANGE)
        self.keep.setSuffix(self.tr(" 份"))
        self.last = QLabel(self)
        self.last.setObjectName("backupLast")
        form = QFormLayout(self)
        form.addRow(self.tr("备份位置（另一个文件夹或U盘）"), row)
        form.addRow(self.tr("每工作多少小时备份一次（1–168）"), self.every)
        form.addRow(self.tr("保留最近几份（1–100）"), self.keep)
        form.addRow(self.tr("上次自动备份"), self.last)
        hint = QLabel(
            self.tr(
                "每次启动和每工作一段时间，都会把整个台账加密备份到这里并核对；超过份数的旧备份自动删除。备份位置不能在数据文件夹里面。"
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择自动备份的位置（另一个文件夹或U盘）"), self.target.text()
        )
        if folder:
            self.target.setText(folder)

    def load(self) -> None:
        cfg = backups.get_settings(self.db)
        self.target.setText(str(cfg.target) if cfg.target else "")
        self.every.setValue(cfg.every_hours)
        self.keep.setValue(cfg.keep)
        self.last.setText(
            cfg.last_at.astimezone().strftime("%Y-%m-%d %H:%M") if cfg.last_at else self.tr("还没有")
        )

    def save(self) -> None:
        text = self.target.text().strip()
        if text and not Path(text).expanduser().is_absolute():
            raise RuleViolation(
                "backup_target",
                self.tr("请填写完整的文件夹位置（如 E:\\台账备份 或 /media/U盘/台账备份），或点“选择…”。"),
            )
        backups.set_settings(self.db, Path(text) if text else None, self.every.value(), self.keep.value())


class SettingsDialog(QDialog):
    applied = Signal()

    def __init__(self, prefs: opts.AppSettings, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(520)
        self.prefs = prefs
        self.cadre = CadrePage(prefs, db, self)
        self.dibao = DibaoPage(db, self)
        self.printing = PrintingPage(prefs, self)
        self.general = GeneralPage(prefs, self)
        self.backup = BackupPage(db, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.cadre, self.tr("干部信息"))
        self.tabs.addTab(self.dibao, self.tr("低保标准"))
        self.tabs.addTab(self.printing, self.tr("打印"))
        self.tabs.addTab(self.general, self.tr("界面、再摸底与锁屏"))
        self.tabs.addTab(self.backup, self.tr("自动备份"))
        self.errors = FieldErrors(
            QLabel(self),
            {
                "dibao_standard_fen": self.dibao.dibao,
                "name": self.cadre.name,
                "phone": self.cadre.phone,
                "backup_target": self.backup.target,
                "backup_every_hours": self.backup.every,
                "backup_keep": self.backup.keep,
            },
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("settingsOk")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.errors.label)
        layout.addWidget(buttons)
        self.pages: tuple[CadrePage | DibaoPage | PrintingPage | GeneralPage | BackupPage, ...] = (
            self.cadre,
            self.dibao,
            self.printing,
            self.general,
            self.backup,
        )
        for page in self.pages:
            page.load()

    def save(self) -> None:
        self.errors.clear()
        for i, page in enumerate(self.pages):
            try:
                page.save()
            except DomainError as e:
                self.tabs.setCurrentIndex(i)
                self.errors.show(e)
                self.adjustSize()  # room for the message without squeezing the page
                return
        self.prefs.sync()
        self.applied.emit()
        self.accept()
