"""Record relief paid and a consent (or its withdrawal) for a household."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import vocab
from fieldapp.services import corrections, households, records
from fieldapp.storage.db import Database
from fieldapp.ui import form_drafts
from fieldapp.ui.forms import (
    BusyLine,
    FieldErrors,
    correction_field,
    current_enum,
    date_edit,
    enter_moves_on,
    enum_combo,
    get_date,
    save_in_background,
    set_combo_data,
    set_date,
    yuan_to_fen,
)
from fieldapp.ui.vocab_text import label

NOTICE_VERSION = "2026-1"  # the privacy notice read to the household (告知书版本)


def _members(db: Database, household_id: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("ReliefDialog", "（全户）"), None)
    for m in households.live_members(households.get_household(db, household_id)):
        combo.addItem(f"{m.name}（{label(m.relation)}）", m.id)
    return combo


def _buttons(dialog: QDialog, save: QPushButton) -> QDialogButtonBox:
    buttons = QDialogButtonBox(dialog)
    save.setDefault(True)
    enter_moves_on(dialog, save.click)
    buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("ReliefDialog", "取消")
    )
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReliefDialog(QDialog):
    """Record a relief payment, or correct a saved one (`relief_id`) with a reason."""

    saved = Signal(str)

    def __init__(
        self, db: Database, household_id: str, parent: QWidget | None = None, relief_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.household_id, self.relief_id = db, household_id, relief_id
        self.setObjectName("reliefDialog")
        self.setMinimumWidth(480)  # the note and the reason for a correction readable whole
        self.setWindowTitle(self.tr("修改救助发放") if relief_id else self.tr("登记救助发放"))
        self.programme = enum_combo(vocab.ReliefProgramme, self)
        self.amount = QDoubleSpinBox(self)
        self.amount.setObjectName("reliefAmount")
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setSuffix(self.tr(" 元"))
        self.paid_on = date_edit(self)
        self.member = _members(db, household_id, self)
        # several lines: a note may be long, and a correction adds a line of its own to it
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("reliefNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("救助项目(&G)"), self.programme)
        form.addRow(self.tr("金额(&A)"), self.amount)
        form.addRow(self.tr("发放日期"), self.paid_on)
        form.addRow(self.tr("发给"), self.member)
        form.addRow(self.tr("说明"), self.note)
        self.correction = correction_field(self, form)
        form.setRowVisible(self.correction, relief_id is not None)
        self.errors = FieldErrors(
            QLabel(self),
            {"amount_fen": self.amount, "paid_on": self.paid_on, "correction_reason": self.correction},
        )
        if relief_id is not None:
            r = corrections.relief_data(db, relief_id)
            set_combo_data(self.programme, r.programme)
            self.amount.setValue(r.amount_fen / 100)
            set_date(self.paid_on, r.paid_on)
            set_combo_data(self.member, r.member_id)
            self.note.setPlainText(r.note)
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveRelief")
        self.save_button.clicked.connect(self.save)
        self.busy = BusyLine(self)
        self.banner = form_drafts.banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(_buttons(self, self.save_button))
        self.draft = form_drafts.FormDraft(
            self,
            db,
            form_drafts.draft_key("relief", household_id, relief_id),
            fields={
                "programme": self.programme,
                "amount": self.amount,
                "paid_on": self.paid_on,
                "member_id": self.member,
                "note": self.note,
                "correction_reason": self.correction,
            },
            banner_label=self.banner,
        )
        self.draft.ready()

    def reject(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        form_drafts.close_with_draft(self, event, self.tr("救助发放"), self.draft, self.save)

    def save(self) -> None:
        db, hid = self.db, self.household_id
        programme = current_enum(self.programme, vocab.ReliefProgramme) or vocab.ReliefProgramme.OTHER
        amount, paid_on = yuan_to_fen(self.amount.value()), get_date(self.paid_on)
        member_id, note = self.member.currentData(), self.note.toPlainText()
        rid, why = self.relief_id, self.correction.text()

        def work() -> str:
            if rid is not None:
                data = corrections.ReliefData(programme, amount, paid_on, member_id, note)
                return corrections.correct_relief(db, rid, data, why)
            return records.record_relief(db, hid, programme, amount, paid_on, member_id=member_id, note=note)

        save_in_background(
            self,
            form_drafts.then_discard(self.draft, work),
            label=self.tr("正在保存…"),
            failed_title=self.tr("未能保存"),
            done=self._saved,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _saved(self, relief_id: str) -> None:
        self.draft.saved()
        self.saved.emit(relief_id)
        self.accept()


class ConsentDialog(QDialog):
    """Record a consent (or its withdrawal), or correct a saved one (`consent_id`) with a reason."""

    saved = Signal(str)

    def __init__(
        self, db: Database, household_id: str, parent: QWidget | None = None, consent_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.household_id, self.consent_id = db, household_id, consent_id
        self.setObjectName("consentDialog")
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("修改同意记录") if consent_id else self.tr("登记个人信息处理同意"))
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
        self.correction = correction_field(self, form)
        form.setRowVisible(self.correction, consent_id is not None)
        self.errors = FieldErrors(
            QLabel(self),
            {
                "guardian_name": self.guardian,
                "notice_version": self.notice,
                "given_on": self.given_on,
                "correction_reason": self.correction,
            },
        )
        if consent_id is not None:
            c = corrections.consent_data(db, consent_id)
            set_combo_data(self.purpose, c.purpose)
            set_combo_data(self.member, c.member_id)
            self.granted.setChecked(c.granted)
            set_date(self.given_on, c.given_on)
            self.notice.setText(c.notice_version)
            self.guardian.setText(c.guardian_name)
            self.guardian_relation.setText(c.guardian_relation)
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveConsent")
        self.save_button.clicked.connect(self.save)
        self.busy = BusyLine(self)
        self.banner = form_drafts.banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(_buttons(self, self.save_button))
        self.draft = form_drafts.FormDraft(
            self,
            db,
            form_drafts.draft_key("consent", household_id, consent_id),
            fields={
                "purpose": self.purpose,
                "member_id": self.member,
                "granted": self.granted,
                "given_on": self.given_on,
                "notice_version": self.notice,
                "guardian_name": self.guardian,
                "guardian_relation": self.guardian_relation,
                "correction_reason": self.correction,
            },
            banner_label=self.banner,
        )
        self.draft.ready()

    def reject(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        form_drafts.close_with_draft(self, event, self.tr("同意登记"), self.draft, self.save)

    def select_purpose(self, purpose: vocab.ConsentPurpose) -> None:
        self.purpose.setCurrentIndex(self.purpose.findData(purpose.value))

    def save(self) -> None:
        db, hid = self.db, self.household_id
        purpose = (
            current_enum(self.purpose, vocab.ConsentPurpose) or vocab.ConsentPurpose.SENSITIVE_PROCESSING
        )
        notice, member_id, given_on = self.notice.text(), self.member.currentData(), get_date(self.given_on)
        granted, guardian, relation = (
            self.granted.isChecked(),
            self.guardian.text(),
            self.guardian_relation.text(),
        )
        cid, why = self.consent_id, self.correction.text()

        def work() -> str:
            if cid is not None:
                data = corrections.ConsentData(
                    purpose, notice, given_on, granted, member_id, guardian, relation
                )
                return corrections.correct_consent(db, cid, data, why)
            return records.record_consent(
                db,
                hid,
                purpose,
                notice,
                member_id=member_id,
                given_on=given_on,
                granted=granted,
                guardian_name=guardian,
                guardian_relation=relation,
            )

        save_in_background(
            self,
            form_drafts.then_discard(self.draft, work),
            label=self.tr("正在保存…"),
            failed_title=self.tr("未能保存"),
            done=self._saved,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _saved(self, consent_id: str) -> None:
        self.draft.saved()
        self.saved.emit(consent_id)
        self.accept()
