"""Small helpers shared by the forms: pick-lists from vocabularies, dates, field errors, saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from fieldapp.domain import clock
from fieldapp.domain.errors import DomainError, RuleViolation, ValidationError
from fieldapp.ui import domain_text, messages
from fieldapp.ui.ops import Op
from fieldapp.ui.vocab_text import label

ERROR_STYLE = "border: 1px solid #c62828; background: #fff4f4;"


def enum_combo(values: Iterable[Enum], parent: QWidget, *, empty: str | None = None) -> QComboBox:
    """A pick-list of a domain vocabulary; the item data is the member's value (or None)."""
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for v in values:
        combo.addItem(label(v), v.value)
    return combo


E = TypeVar("E", bound=Enum)


def current_enum(combo: QComboBox, cls: type[E]) -> E | None:
    value = combo.currentData()
    return None if value is None else cls(value)


def set_combo_data(combo: QComboBox, value: object) -> None:
    if isinstance(value, Enum):
        value = value.value
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)


class DateEdit(QDateEdit):
    """Tab leaves the field at once (left/right arrows move between year, month and day)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class _EnterMovesOn(QObject):
    """Enter in a field goes to the next field instead of saving the whole form: a cadre who
    presses Enter after one word must not find the visit saved. A focused button still takes
    Enter (that is pressing it); a multi-line box keeps it for a new line. Ctrl+Enter saves."""

    def __init__(self, dialog: QDialog, save: Callable[[], object]) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._save()
            return True
        focus = self._dialog.focusWidget()
        if isinstance(focus, QAbstractButton):
            return False
        _focus_next(self._dialog, focus)
        return True


def _focus_next(dialog: QDialog, current: QWidget | None) -> None:
    """Give focus to the field after `current` in the dialog's Tab order."""
    widget: QWidget | None = current or dialog
    for _ in range(500):  # the chain is circular; a form has far fewer widgets
        widget = widget.nextInFocusChain() if widget is not None else None
        if widget is None or widget is current or widget is dialog:
            return
        if (
            dialog.isAncestorOf(widget)
            and widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return


SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S")


def enter_moves_on(dialog: QDialog, save: Callable[[], object]) -> None:
    """The keyboard contract of every form that takes typing: Enter moves to the next field,
    Ctrl+Enter (or Ctrl+S) saves — also from inside a multi-line box, through the shortcuts."""
    dialog.installEventFilter(_EnterMovesOn(dialog, save))
    for keys in SAVE_KEYS:
        QShortcut(QKeySequence(keys), dialog, save)


def ask_before_closing(
    dialog: QDialog,
    event: QCloseEvent,
    what: str,
    *,
    dirty: bool,
    save: Callable[[], object],
    discard: Callable[[], object],
) -> bool:
    """A form with typed text asks before it closes: save (it closes itself once saved),
    discard (the draft too) or go on editing. True when the dialog may close now; otherwise
    the close event has been ignored."""
    if dirty:
        answer = messages.ask_unsaved(dialog, what)
        if answer in (messages.CANCEL, messages.SAVE):
            event.ignore()
            if answer == messages.SAVE:
                save()
            return False
        discard()
    return True


def correction_field(dialog: QDialog, form: QFormLayout) -> QLineEdit:
    """The required reason of a correction (修改原因), as the last row of a form: a saved
    record is never changed silently (domain.corrections)."""
    line = QLineEdit(dialog)
    line.setObjectName("correctionReason")
    line.setPlaceholderText(
        QCoreApplication.translate("Forms", "必填，说明为什么修改，如：金额录错、日期录错")
    )
    form.addRow(QCoreApplication.translate("Forms", "修改原因(&Y)"), line)
    return line


def date_edit(parent: QWidget, value: dt.date | None = None) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    set_date(edit, value or clock.today())
    return edit


def set_date(edit: QDateEdit, value: dt.date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def get_date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def yuan_to_fen(value: float) -> int:
    return round(value * 100)


class FieldErrors:
    """Marks the widgets of the fields a service refused and shows the messages in a label."""

    def __init__(self, label: QLabel, widgets: dict[str, QWidget]) -> None:
        self.label = label
        self.widgets = widgets
        label.setObjectName("formErrors")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()

    def clear(self) -> None:
        for w in self.widgets.values():
            w.setStyleSheet("")
            w.setToolTip("")
        self.label.clear()
        self.label.hide()

    def show(self, error: DomainError) -> bool:
        """Show `error` next to its fields; False when no field of this form is concerned."""
        self.clear()
        problems: list[tuple[str, str]] = []
        if isinstance(error, ValidationError):
            problems = [(p.field, domain_text.problem(p)) for p in error.problems]
        elif isinstance(error, RuleViolation):
            problems = [(error.field, domain_text.message(str(error)))]
        else:
            problems = [("", domain_text.message(str(error)))]
        first: QWidget | None = None
        for field, message in problems:
            w = self.widgets.get(field)
            if w is not None:
                w.setStyleSheet(ERROR_STYLE)
                w.setToolTip(message)
                first = first or w
        self.label.setText("\n".join(m for _f, m in problems))
        self.label.show()
        if first is not None:
            first.setFocus()
        return True

    def marked(self) -> list[str]:
        return [f for f, w in self.widgets.items() if w.styleSheet() == ERROR_STYLE]


class BusyLine(QWidget):
    """ "Saving…" with a moving bar, shown by `Op` only when the work takes over half a second."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("busyLine")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.hide()

    def busy(self, on: bool, text: str) -> None:
        self.label.setText(text)
        self.setVisible(on)


R = TypeVar("R")


def save_in_background(
    form: QWidget,
    work: Callable[[], R],
    *,
    label: str,
    failed_title: str,
    done: Callable[[R], None],
    errors: FieldErrors | None = None,
    busy: BusyLine | None = None,
    controls: Sequence[QWidget] = (),
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Run a service call off the GUI thread; refusals go next to the fields, other failures to a
    Chinese message box. `controls` (the save buttons) are disabled until it reports back, so a
    double click cannot save twice."""
    if errors is not None:
        errors.clear()
    for c in controls:
        c.setEnabled(False)

    def release() -> None:
        for c in controls:
            c.setEnabled(True)

    def succeeded(result: R) -> None:
        release()
        done(result)

    def failed(error: Exception) -> None:
        release()
        if on_error is not None:
            on_error(error)
        if isinstance(error, DomainError) and errors is not None:
            errors.show(error)
        else:
            messages.show_error(form, error, failed_title)

    Op(work, label).success(succeeded).failure(failed).run(busy.busy if busy is not None else None)
