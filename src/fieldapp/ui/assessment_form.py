"""Hardship assessment form: the category is computed live as the figures are typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import DomainError
from fieldapp.domain.hardship import MAX_SECONDARY_CAUSES, HardshipInput
from fieldapp.domain.money import format_yuan
from fieldapp.domain.vocab import HardshipCause
from fieldapp.services import assessments
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui.forms import BusyLine, FieldErrors, date_edit, get_date, save_in_background, yuan_to_fen
from fieldapp.ui.household_list import CATEGORY_COLOURS


def _money(parent: QWidget, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setObjectName(name)
    box.setRange(0, 10_000_000)
    box.setDecimals(2)
    box.setGroupSeparatorShown(True)
    box.setSuffix(" 元")
    return box


class AssessmentForm(QWidget):
    """Emits `saved(assessment id)` after recording; `result` shows the live category."""

    saved = Signal(str)

    def __init__(self, db: Database, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.household_size = QSpinBox(self)
        self.household_size.setObjectName("householdSize")
        self.household_size.setRange(1, 30)
        self.income = _money(self, "annualIncome")
        self.spending = _money(self, "rigidSpending")
        self.main_cause = QComboBox(self)
        self.main_cause.setObjectName("mainCause")
        for c in HardshipCause:
            self.main_cause.addItem(f"{int(c)} {c.label}", int(c))
        self.secondary: dict[HardshipCause, QCheckBox] = {}
        secondary_box = QGroupBox(self.tr("次要致困原因（最多3项）"), self)
        grid = QGridLayout(secondary_box)
        for i, c in enumerate(HardshipCause):
            cb = QCheckBox(c.label, secondary_box)
            self.secondary[c] = cb
            grid.addWidget(cb, i // 3, i % 3)
            cb.toggled.connect(self.update_preview)
        self.sudden = QCheckBox(self.tr("本年遭受自然灾害或重大意外"), self)
        self.sudden.setObjectName("suddenEvent")
        self.assessed_on = date_edit(self)
        self.result = QLabel(self)
        self.result.setObjectName("categoryPreview")
        self.result.setWordWrap(True)
        font = self.result.font()
        font.setPointSize(font.pointSize() + 2)
        self.result.setFont(font)
        self.result.setMinimumHeight(48)
        self.previous = QLabel(self)
        self.previous.setStyleSheet("color: #555;")
        self.previous.setWordWrap(True)
        self.figures_note = QLabel(self)
        self.figures_note.setObjectName("figuresNote")
        self.figures_note.setStyleSheet("color: #1565c0;")
        self.figures_note.setWordWrap(True)
        self.figures_note.hide()

        for w in (self.household_size, self.income, self.spending, self.main_cause, self.assessed_on):
            w.setMaximumWidth(280)
        form = QFormLayout()
        form.addRow(self.tr("家庭人口(&Z)"), self.household_size)
        form.addRow(self.tr("家庭年收入(&Y)"), self.income)
        form.addRow(self.tr("刚性支出（医疗、上学等，年）"), self.spending)
        form.addRow(self.tr("主要致困原因(&C)"), self.main_cause)
        form.addRow("", self.sudden)
        form.addRow(self.tr("评定日期"), self.assessed_on)
        self.errors = FieldErrors(
            QLabel(self),
            {
                "household_size": self.household_size,
                "annual_income_fen": self.income,
                "rigid_spending_fen": self.spending,
                "secondary_causes": secondary_box,
                "assessed_on": self.assessed_on,
            },
        )
        self.save_button = QPushButton(self.tr("记录本次评定"), self)
        self.save_button.setObjectName("saveAssessment")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.figures_note)
        layout.addWidget(secondary_box)
        layout.addWidget(self.result)
        layout.addWidget(self.errors.label)
        self.busy = BusyLine(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.previous)
        layout.addStretch(1)
        for w in (self.household_size,):
            w.valueChanged.connect(self.update_preview)
        for m in (self.income, self.spending):
            m.valueChanged.connect(self.update_preview)
        self.main_cause.currentIndexChanged.connect(self.update_preview)
        self.sudden.toggled.connect(self.update_preview)

    def load(self, latest: Any, member_count: int, figures: Any = None) -> None:
        """Fill from the latest assessment; income and rigid spending from the item-19 figures
        (`figures`: services.item19.AssessmentFigures) when they are as new or newer."""
        if latest is not None:
            self.household_size.setValue(latest.household_size)
            self.income.setValue(latest.annual_income_fen / 100)
            self.spending.setValue(latest.rigid_spending_fen / 100)
            self.main_cause.setCurrentIndex(self.main_cause.findData(latest.main_cause))
            chosen = {int(c) for c in latest.secondary_causes.split(",") if c}
            for cause, cb in self.secondary.items():
                cb.setChecked(int(cause) in chosen)
            self.sudden.setChecked(latest.sudden_event)
            self.previous.setText(
                self.tr("上次评定：%1，%2（人均月收入 %3 元，当时低保标准 %4 元/月）")
                .replace("%1", latest.assessed_on.isoformat())
                .replace("%2", latest.category.value)
                .replace("%3", format_yuan(latest.per_head_monthly_fen))
                .replace("%4", format_yuan(latest.dibao_standard_fen))
            )
        else:
            self.household_size.setValue(max(member_count, 1))
            self.previous.setText(self.tr("尚未评定。"))
        self.figures_note.hide()
        if figures is not None and (latest is None or figures.observed_on >= latest.assessed_on):
            taken = []
            if figures.annual_income is not None:
                self.income.setValue(figures.annual_income)
                taken.append(self.tr("家庭年收入"))
            if figures.rigid_spending is not None:
                self.spending.setValue(figures.rigid_spending)
                taken.append(self.tr("刚性支出（医疗＋子女上学）"))
            self.figures_note.setText(
                self.tr("%1取自 %2 登记的收入与支出情况，请核对。")
                .replace("%1", "、".join(taken))
                .replace("%2", figures.observed_on.isoformat())
            )
            self.figures_note.show()
        self.update_preview()

    def hardship_input(self) -> HardshipInput:
        return HardshipInput(
            household_size=self.household_size.value(),
            annual_income_fen=yuan_to_fen(self.income.value()),
            rigid_spending_fen=yuan_to_fen(self.spending.value()),
            main_cause=HardshipCause(self.main_cause.currentData()),
            secondary_causes=tuple(c for c, cb in self.secondary.items() if cb.isChecked()),
            sudden_event=self.sudden.isChecked(),
        )

    def update_preview(self, *_args: object) -> None:
        main = HardshipCause(self.main_cause.currentData())
        chosen = sum(cb.isChecked() for cb in self.secondary.values())
        for cause, cb in self.secondary.items():
            cb.setEnabled(cause != main and (cb.isChecked() or chosen < MAX_SECONDARY_CAUSES))
        try:
            r = assessments.preview(self.db, self.hardship_input())
        except DomainError as e:
            self.result.setText(str(e))
            self.result.setStyleSheet("color: #c62828;")
            return
        colour = CATEGORY_COLOURS.get(r.category.value, "#2e7d32")
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setText(
            self.tr("按现填数字评定为：%1（人均月收入 %2 元；%3）")
            .replace("%1", r.category.value)
            .replace("%2", format_yuan(r.per_head_monthly_fen))
            .replace("%3", r.reason)
        )

    def save(self) -> None:
        self.errors.clear()
        try:
            data = self.hardship_input()
        except DomainError as e:
            self.errors.show(e)
            return
        db, hid, on = self.db, self.household_id, get_date(self.assessed_on)

        def work() -> str:
            cadre_id = ledger_settings.current_cadre_id(db)
            return assessments.record_assessment(db, hid, data, assessed_on=on, cadre_id=cadre_id)

        save_in_background(
            self,
            work,
            label=self.tr("正在保存…"),
            failed_title=self.tr("评定未能保存"),
            done=self.saved.emit,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )
