"""Record relief paid and a consent (or its withdrawal) for a household."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import vocab
from fieldapp.domain.errors import DomainError
from fieldapp.services import households, records
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui.forms import FieldErrors, current_enum, date_edit, enum_combo, get_date, yuan_to_fen

NOTICE_VERSION = "2026-1"  # the privacy notice read to the household (告知书版本)


def _members(db: Database, household_id: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("ReliefDialog", "（全户）"), None)
    for m in households.live_members(households.get_household(db, household_id)):
        combo.addItem(f"{m.name}（{m.relation.value}）", m.id)
    return combo


def _buttons(dialog: QDialog, save: QPushButton) -> QDialogButtonBox:
    buttons = QDialogButtonBox(dialog)
    save.setDefault(True)
    buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("取消"))
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReliefDialog(QDialog):
    saved = Signal(str)

    def __init__(self, db: Database, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.household_id = db, household_id
        self.setObjectName("reliefDialog")
        self.setWindowTitle(self.tr("登记救助发放"))
        self.programme = enum_combo(vocab.ReliefProgramme, self)
        self.amount = QDoubleSpinBox(self)
        self.amount.setObjectName("reliefAmount")
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setSuffix(self.tr(" 元"))
        self.paid_on = date_edit(self)
        self.member = _members(db, household_id, self)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("救助项目(&G)"), self.programme)
        form.addRow(self.tr("金额(&A)"), self.amount)
        form.addRow(self.tr("发放日期"), self.paid_on)
        form.addRow(self.tr("发给"), self.member)
        form.addRow(self.tr("说明"), self.note)
        self.errors = FieldErrors(QLabel(self), {"amount_fen": self.amount, "paid_on": self.paid_on})
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveRelief")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(_buttons(self, self.save_button))

    def save(self) -> None:
        self.errors.clear()
        try:
            rid = records.record_relief(
                self.db,
                self.household_id,
                current_enum(self.programme, vocab.ReliefProgramme) or vocab.ReliefProgramme.OTHER,
                yuan_to_fen(self.amount.value()),
                get_date(self.paid_on),
                member_id=self.member.currentData(),
                note=self.note.text(),
            )
        except DomainError as e:
            self.errors.show(e)
            return
        except Exception as e:
            messages.show_error(self, e, self.tr("未能保存"))
            return
        self.saved.emit(rid)
        self.accept()


class ConsentDialog(QDialog):
    saved = Signal(str)

    def __init__(self, db: Database, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.household_id = db, household_id
        self.setObjectName("consentDialog")
        self.setWindowTitle(self.tr("登记个人信息处理同意"))
        self.purpose = enum_combo(vocab.ConsentPurpose, self)
        self.member = _members(db, household_id, self)
        self.granted = QCheckBox(self.tr("同意（不勾选即记录为撤回同意）"), self)
        self.granted.setChecked(True)
        self.given_on = date_edit(self)
        self.notice = QLineEdit(NOTICE_VERSION, self)
        self.guardian = QLineEdit(self)
        self.guardian.setObjectName("guardianName")
        self.guardian.setPlaceholderText(self.tr("未满14周岁须由监护人同意"))
        self.guardian_relation = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("同意事项(&P)"), self.purpose)
        form.addRow(self.tr("本人"), self.member)
        form.addRow("", self.granted)
        form.addRow(self.tr("日期"), self.given_on)
        form.addRow(self.tr("告知书版本"), self.notice)
        form.addRow(self.tr("监护人"), self.guardian)
        form.addRow(self.tr("监护人关系"), self.guardian_relation)
        self.errors = FieldErrors(
            QLabel(self),
            {"guardian_name": self.guardian, "notice_version": self.notice, "given_on": self.given_on},
        )
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveConsent")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(_buttons(self, self.save_button))

    def save(self) -> None:
        self.errors.clear()
        try:
            cid = records.record_consent(
                self.db,
                self.household_id,
                current_enum(self.purpose, vocab.ConsentPurpose) or vocab.ConsentPurpose.SENSITIVE_PROCESSING,
                self.notice.text(),
                member_id=self.member.currentData(),
                given_on=get_date(self.given_on),
                granted=self.granted.isChecked(),
                guardian_name=self.guardian.text(),
                guardian_relation=self.guardian_relation.text(),
            )
        except DomainError as e:
            self.errors.show(e)
            return
        except Exception as e:
            messages.show_error(self, e, self.tr("未能保存"))
            return
        self.saved.emit(cid)
        self.accept()
