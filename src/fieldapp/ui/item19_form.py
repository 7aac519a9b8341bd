"""The item-19 part of the visit form (总工发〔2015〕14号): confirm or type changes, per dimension.

Each dimension — 就业, 培训, 收入, 社保, 生活支出, 欠薪 — has a checkable 无变化 button with the
mnemonic Alt+1 … Alt+6: one key press confirms the last figures (its fields show them and are
locked); only what changed is typed. A dimension neither confirmed nor touched is not recorded
this time (未填), never recorded as zero. Blank amounts are 未填.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import item19 as rules
from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.services import item19
from fieldapp.services.item19 import EconomyValues, VisitObservation, WorkerValues
from fieldapp.ui import vocab_text

DIMENSION_ORDER = ("employment", "training", "income", "insurance", "expenses", "arrears")


# the dimension names as the form shows them (tr() so the English build reads them too)
def dimension_label(dim: str) -> str:
    return {
        "employment": QCoreApplication.translate("Item19Section", "就业"),
        "training": QCoreApplication.translate("Item19Section", "培训"),
        "income": QCoreApplication.translate("Item19Section", "收入"),
        "insurance": QCoreApplication.translate("Item19Section", "社保"),
        "expenses": QCoreApplication.translate("Item19Section", "生活支出"),
        "arrears": QCoreApplication.translate("Item19Section", "欠薪"),
    }[dim]


def _amount(parent: QWidget, name: str) -> QLineEdit:
    line = QLineEdit(parent)
    line.setObjectName(name)
    line.setPlaceholderText(QCoreApplication.translate("Item19Section", "未填"))
    line.setMaximumWidth(110)
    return line


def _code_combo(parent: QWidget, table: dict[str, str], name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.addItem(QCoreApplication.translate("Item19Section", "未填"), "")
    for code, text in table.items():
        combo.addItem(vocab_text.shown(text), code)
    return combo


def _set_code(combo: QComboBox, code: str | None) -> None:
    i = combo.findData(code or "")
    combo.setCurrentIndex(max(i, 0))


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _insurance_label(text: str) -> str:
    """A check box's name: 养老 for 养老保险 in Chinese, the vocabulary's translation otherwise."""
    shown = vocab_text.shown(text)
    return text.removesuffix("保险") if shown == text else shown


class WorkerEditor(QGroupBox):
    """One working-age member's fields."""

    def __init__(self, worker: item19.Worker, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("Item19Section", "%1（%2）")
            .replace("%1", worker.name)
            .replace("%2", vocab_text.shown(worker.relation)),
            parent,
        )
        self.member_id = worker.member_id
        self.name = worker.name
        self.employment = _code_combo(self, rules.EMPLOYMENT, "employment")
        self.employer = QLineEdit(self)
        self.employer.setObjectName("employer")
        self.employer.setPlaceholderText(QCoreApplication.translate("Item19Section", "工作单位"))
        self.monthly_income = _amount(self, "monthlyIncome")
        self.training_wanted = _code_combo(self, rules.TRAINING, "trainingWanted")
        self.training_received = _code_combo(self, rules.TRAINING, "trainingReceived")
        self.certificate = QLineEdit(self)
        self.certificate.setObjectName("certificate")
        self.certificate.setPlaceholderText(QCoreApplication.translate("Item19Section", "所获证书"))
        self.insurance = {
            code: QCheckBox(_insurance_label(text), self) for code, text in rules.INSURANCE.items()
        }
        for code, box in self.insurance.items():
            box.setObjectName(f"insurance_{code}")
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "就业"), self), 0, 0)
        grid.addWidget(self.employment, 0, 1)
        grid.addWidget(self.employer, 0, 2)
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "月收入(元)"), self), 0, 3)
        grid.addWidget(self.monthly_income, 0, 4)
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "培训 希望/已参加"), self), 1, 0)
        grid.addWidget(self.training_wanted, 1, 1)
        grid.addWidget(self.training_received, 1, 2)
        grid.addWidget(self.certificate, 1, 3, 1, 2)
        boxes = QHBoxLayout()
        for box in self.insurance.values():
            boxes.addWidget(box)
        boxes.addStretch(1)
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "社保"), self), 2, 0)
        grid.addLayout(boxes, 2, 1, 1, 4)

    def widgets(self, dim: str) -> list[QWidget]:
        table: dict[str, list[QWidget]] = {
            "employment": [self.employment, self.employer],
            "training": [self.training_wanted, self.training_received, self.certificate],
            "income": [self.monthly_income],
            "insurance": list(self.insurance.values()),
        }
        return table.get(dim, [])

    def show_values(self, w: WorkerValues, dims: tuple[str, ...]) -> None:
        if "employment" in dims:
            _set_code(self.employment, w.employment)
            self.employer.setText(w.employer)
        if "training" in dims:
            _set_code(self.training_wanted, w.training_wanted)
            _set_code(self.training_received, w.training_received)
            self.certificate.setText(w.certificate)
        if "income" in dims:
            self.monthly_income.setText(_text(w.monthly_income))
        if "insurance" in dims:
            chosen = set(w.insurance or ())
            for code, box in self.insurance.items():
                box.setChecked(code in chosen)

    def values(self, who: str) -> WorkerValues:
        def amount(line: QLineEdit) -> int | None:
            try:
                return rules.parse_amount(line.text(), "monthly_income")
            except ValidationError:
                raise ValidationError.single(
                    "monthly_income", f"{who}的月收入", "请填写整数金额（元），不填表示未填"
                ) from None

        return WorkerValues(
            member_id=self.member_id,
            employment=str(self.employment.currentData()) or None,
            employer=self.employer.text().strip(),
            monthly_income=amount(self.monthly_income),
            training_wanted=str(self.training_wanted.currentData()),
            training_received=str(self.training_received.currentData()),
            certificate=self.certificate.text().strip(),
            insurance=tuple(code for code, box in self.insurance.items() if box.isChecked()),
        )

    def state(self) -> dict[str, Any]:
        return {
            "employment": self.employment.currentData(),
            "employer": self.employer.text(),
            "monthly_income": self.monthly_income.text(),
            "training_wanted": self.training_wanted.currentData(),
            "training_received": self.training_received.currentData(),
            "certificate": self.certificate.text(),
            "insurance": [c for c, b in self.insurance.items() if b.isChecked()],
        }

    def restore(self, st: dict[str, Any]) -> None:
        _set_code(self.employment, st.get("employment"))
        self.employer.setText(str(st.get("employer", "")))
        self.monthly_income.setText(str(st.get("monthly_income", "")))
        _set_code(self.training_wanted, st.get("training_wanted"))
        _set_code(self.training_received, st.get("training_received"))
        self.certificate.setText(str(st.get("certificate", "")))
        chosen = set(st.get("insurance") or ())
        for code, box in self.insurance.items():
            box.setChecked(code in chosen)


class Item19Section(QGroupBox):
    """Confirm (Alt+1 … Alt+6, Alt+0 for all) or change the item-19 figures at a visit."""

    changed = Signal()

    def __init__(
        self,
        previous: item19.Observation | None,
        workers: list[item19.Worker],
        names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Item19Section", "就业、培训、收入、社保、支出、欠薪（第十九条）"),
            parent,
        )
        self.setObjectName("item19Section")
        self.previous = previous
        self._loading = True
        self.touched: set[str] = set()
        summaries = item19.describe(previous, names, vocab_text.shown) if previous is not None else {}

        top = QGridLayout()
        top.setVerticalSpacing(2)
        self.buttons: dict[str, QPushButton] = {}
        self.summaries: dict[str, QLabel] = {}
        since = (
            QCoreApplication.translate("Item19Section", "上次登记：%1").replace(
                "%1", previous.observed_on.isoformat()
            )
            if previous is not None
            else QCoreApplication.translate(
                "Item19Section", "尚未登记过，请直接填写下面的情况；不填的项目记为“未填”。"
            )
        )
        head = QLabel(since, self)
        head.setObjectName("item19Since")
        head.setStyleSheet("color: #666;")
        top.addWidget(head, 0, 0, 1, 2)
        self.all_button = QPushButton(QCoreApplication.translate("Item19Section", "全部无变化(&0)"), self)
        self.all_button.setObjectName("unchangedAll")
        self.all_button.clicked.connect(self.confirm_all)
        self.all_button.setAutoDefault(False)
        self.all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top.addWidget(self.all_button, 0, 2)
        for row, dim in enumerate(DIMENSION_ORDER, start=1):
            name = QLabel(dimension_label(dim), self)
            text = summaries.get(dim, "")
            summary = QLabel(text, self)
            summary.setObjectName(f"summary_{dim}")
            summary.setToolTip(text)
            summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            summary.setWordWrap(True)  # a long line wraps rather than being cut (tooltip too)
            summary.setStyleSheet("color: #444;")
            button = QPushButton(
                QCoreApplication.translate("Item19Section", "无变化(&%1)").replace("%1", str(row)), self
            )
            button.setObjectName(f"unchanged_{dim}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            # reached by Alt+digit, not by Tab: focus stays where the cadre is typing
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(previous is not None)
            button.toggled.connect(lambda on, d=dim: self._confirm(d, on))
            self.buttons[dim] = button
            self.summaries[dim] = summary
            top.addWidget(name, row, 0)
            top.addWidget(summary, row, 1)
            top.addWidget(button, row, 2)
        top.setColumnStretch(1, 1)
        self.all_button.setEnabled(previous is not None)

        # the editors: the household's figures, then one box per working-age member
        body = QWidget(self)
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(4)
        self.annual_income = _amount(body, "annualIncome")
        self.expenses = {f: _amount(body, f) for f in rules.EXPENSES}
        self.arrears_amount = _amount(body, "arrearsAmount")
        self.arrears_employer = QLineEdit(body)
        self.arrears_employer.setObjectName("arrearsEmployer")
        self.arrears_employer.setPlaceholderText(QCoreApplication.translate("Item19Section", "欠薪单位"))
        self.arrears_reported = QLineEdit(body)
        self.arrears_reported.setObjectName("arrearsReportedOn")
        self.arrears_reported.setPlaceholderText(
            QCoreApplication.translate("Item19Section", "反映日期 如 2026-10-09")
        )
        self.arrears_reported.setMaximumWidth(150)
        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "家庭年收入(元)"), body), 0, 0)
        grid.addWidget(self.annual_income, 0, 1)
        expense_labels = {
            "expense_food": QCoreApplication.translate("Item19Section", "食品"),
            "expense_housing": QCoreApplication.translate("Item19Section", "住房"),
            "expense_medical": QCoreApplication.translate("Item19Section", "医疗"),
            "expense_schooling": QCoreApplication.translate("Item19Section", "子女上学"),
            "expense_other": QCoreApplication.translate("Item19Section", "其他"),
        }
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "年支出(元)"), body), 1, 0)
        line = QHBoxLayout()
        for f, edit in self.expenses.items():
            line.addWidget(QLabel(expense_labels[f], body))
            line.addWidget(edit)
        grid.addLayout(line, 1, 1, 1, 3)
        grid.addWidget(QLabel(QCoreApplication.translate("Item19Section", "被拖欠工资(元)"), body), 2, 0)
        arrears = QHBoxLayout()
        arrears.addWidget(self.arrears_amount)
        arrears.addWidget(self.arrears_employer)
        arrears.addWidget(self.arrears_reported)
        grid.addLayout(arrears, 2, 1, 1, 3)
        bl.addLayout(grid)
        self.workers = [WorkerEditor(w, body) for w in workers]
        for editor in self.workers:
            bl.addWidget(editor)
        if not workers:
            bl.addWidget(
                QLabel(
                    QCoreApplication.translate("Item19Section", "该户没有劳动年龄（16–64岁）的成员。"), body
                )
            )
        bl.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("item19Editors")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setMinimumHeight(180)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        if previous is not None:
            self._show_previous(DIMENSION_ORDER)
        for dim in DIMENSION_ORDER:
            for w in self.widgets(dim):
                self._watch(w, dim)
        self._loading = False

    # --- which widget belongs to which dimension --------------------------------------------
    def household_widgets(self, dim: str) -> list[QWidget]:
        table: dict[str, list[QWidget]] = {
            "income": [self.annual_income],
            "expenses": list(self.expenses.values()),
            "arrears": [self.arrears_amount, self.arrears_employer, self.arrears_reported],
        }
        return table.get(dim, [])

    def widgets(self, dim: str) -> list[QWidget]:
        return self.household_widgets(dim) + [w for e in self.workers for w in e.widgets(dim)]

    def _watch(self, w: QWidget, dim: str) -> None:
        def edited(*_args: object) -> None:
            if not self._loading:
                self.touched.add(dim)
                self.changed.emit()

        if isinstance(w, QLineEdit):
            w.textEdited.connect(edited)
        elif isinstance(w, QComboBox):
            w.activated.connect(edited)
        elif isinstance(w, QCheckBox):
            w.clicked.connect(edited)

    def _show_previous(self, dims: tuple[str, ...]) -> None:
        prev = self.previous
        if prev is None:
            return
        e = prev.economy
        if "income" in dims:
            self.annual_income.setText(_text(e.annual_income))
        if "expenses" in dims:
            for f, edit in self.expenses.items():
                edit.setText(_text(getattr(e, f)))
        if "arrears" in dims:
            self.arrears_amount.setText(_text(e.arrears_amount))
            self.arrears_employer.setText(e.arrears_employer)
            self.arrears_reported.setText(e.arrears_reported_on.isoformat() if e.arrears_reported_on else "")
        old = {w.member_id: w for w in prev.workers}
        for editor in self.workers:
            editor.show_values(old.get(editor.member_id, WorkerValues(editor.member_id)), dims)

    # --- confirming ------------------------------------------------------------------------------
    def _confirm(self, dim: str, on: bool) -> None:
        was = self._loading
        self._loading = True
        if on:
            self._show_previous((dim,))  # what is confirmed is on screen, locked
            self.touched.discard(dim)
        for w in self.widgets(dim):
            w.setEnabled(not on)
        self._loading = was
        if not was:
            self.changed.emit()

    def confirm_all(self) -> None:
        for button in self.buttons.values():
            if button.isEnabled():
                button.setChecked(True)

    @property
    def confirmed(self) -> frozenset[str]:
        return frozenset(d for d, b in self.buttons.items() if b.isChecked())

    # --- what is saved ----------------------------------------------------------------------------
    def observation(self) -> VisitObservation:
        """What the visit records; ValidationError (Chinese) for an amount or date that cannot be read."""
        problems: list[FieldProblem] = []

        def amount(line: QLineEdit, field: str) -> int | None:
            try:
                return rules.parse_amount(line.text(), field)
            except ValidationError as e:
                problems.extend(e.problems)
                return None

        reported: dt.date | None = None
        if self.arrears_reported.text().strip():
            try:
                reported = dt.date.fromisoformat(self.arrears_reported.text().strip())
            except ValueError:
                problems.append(
                    FieldProblem(
                        "arrears_reported_on", rules.LABELS["arrears_reported_on"], "日期格式应为 2026-10-09"
                    )
                )
        economy = EconomyValues(
            annual_income=amount(self.annual_income, "annual_income"),
            **{f: amount(edit, f) for f, edit in self.expenses.items()},
            arrears_amount=amount(self.arrears_amount, "arrears_amount"),
            arrears_employer=self.arrears_employer.text().strip(),
            arrears_reported_on=reported,
        )
        workers: list[WorkerValues] = []
        for editor in self.workers:
            try:
                workers.append(editor.values(editor.name))
            except ValidationError as e:
                problems.extend(e.problems)
        if problems:
            raise ValidationError(problems)
        confirmed = self.confirmed
        return VisitObservation(
            confirmed=confirmed,
            changed=frozenset(self.touched - confirmed),
            economy=economy,
            workers=tuple(workers),
        )

    def error_widgets(self) -> dict[str, QWidget]:
        return {
            "annual_income": self.annual_income,
            "arrears_amount": self.arrears_amount,
            "arrears_reported_on": self.arrears_reported,
            **dict(self.expenses.items()),
        }

    # --- drafts --------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        return {
            "confirmed": sorted(self.confirmed),
            "touched": sorted(self.touched),
            "annual_income": self.annual_income.text(),
            "expenses": {f: e.text() for f, e in self.expenses.items()},
            "arrears_amount": self.arrears_amount.text(),
            "arrears_employer": self.arrears_employer.text(),
            "arrears_reported_on": self.arrears_reported.text(),
            "workers": {e.member_id: e.state() for e in self.workers},
        }

    def restore(self, st: dict[str, Any]) -> None:
        self._loading = True
        self.annual_income.setText(str(st.get("annual_income", "")))
        for f, e in self.expenses.items():
            e.setText(str((st.get("expenses") or {}).get(f, "")))
        self.arrears_amount.setText(str(st.get("arrears_amount", "")))
        self.arrears_employer.setText(str(st.get("arrears_employer", "")))
        self.arrears_reported.setText(str(st.get("arrears_reported_on", "")))
        saved = st.get("workers") or {}
        for editor in self.workers:
            if editor.member_id in saved:
                editor.restore(saved[editor.member_id])
        self.touched = {d for d in st.get("touched", []) if d in DIMENSION_ORDER}
        for dim in st.get("confirmed", []):
            button = self.buttons.get(dim)
            if button is not None and button.isEnabled():
                button.setChecked(True)
        self._loading = False
