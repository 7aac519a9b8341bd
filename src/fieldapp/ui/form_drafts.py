"""Drafts of the forms that take typing, one mechanism for all of them.

What a cadre types is written to the draft table (services.drafts) a moment after each change,
so a crash, a power cut or a closed window loses nothing: the form offers it back when opened
again, and the workbench lists it in 待办 as 【草稿】 until it is saved or discarded.

A draft's key is ``kind:household id`` (``kind:household id:record id`` when a saved record is
being edited; ``household:new`` for a household not created yet); `services.todo` reads it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from fieldapp.services import drafts
from fieldapp.storage.db import Database
from fieldapp.ui import messages

DRAFT_DELAY_MS = 400
NEW = "new"  # the household part of a new household's draft key


def draft_key(kind: str, household_id: str, record_id: str | None = None) -> str:
    """``referral:<household>``, ``member:<household>:<member>``, ``household:new``…"""
    return f"{kind}:{household_id}" + (f":{record_id}" if record_id else "")


def banner(parent: QWidget) -> QLabel:
    """The yellow line that says a draft was brought back."""
    label = QLabel(parent)
    label.setObjectName("draftBanner")
    label.setStyleSheet("background: #fff8e1; border: 1px solid #f0c36d; padding: 4px;")
    label.setWordWrap(True)
    label.hide()
    return label


Field = QLineEdit | QPlainTextEdit | QComboBox | QSpinBox | QDoubleSpinBox | QDateEdit | QAbstractButton


def _value(w: QWidget) -> Any:
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return w.currentText() if w.isEditable() else w.currentData()
    if isinstance(w, QDateEdit):
        d = w.date()
        return dt.date(d.year(), d.month(), d.day()).isoformat()
    if isinstance(w, QSpinBox | QDoubleSpinBox):
        return w.value()
    if isinstance(w, QAbstractButton):
        return w.isChecked()
    raise TypeError(type(w).__name__)


def _set(w: QWidget, value: Any) -> None:
    if isinstance(w, QLineEdit):
        w.setText(str(value))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(str(value))
    elif isinstance(w, QComboBox):
        if w.isEditable():
            w.setCurrentText(str(value))
            return
        for i in range(w.count()):
            if w.itemData(i) == value:
                w.setCurrentIndex(i)
                return
    elif isinstance(w, QDateEdit):
        d = dt.date.fromisoformat(str(value))
        w.setDate(QDate(d.year, d.month, d.day))
    elif isinstance(w, QSpinBox):
        w.setValue(int(value))
    elif isinstance(w, QDoubleSpinBox):
        w.setValue(float(value))
    elif isinstance(w, QAbstractButton):
        w.setChecked(bool(value))


def _watch(w: QWidget, slot: Callable[..., None]) -> None:
    if isinstance(w, QLineEdit | QPlainTextEdit):
        w.textChanged.connect(slot)
    elif isinstance(w, QComboBox):
        w.currentIndexChanged.connect(slot)
        if w.isEditable():
            w.currentTextChanged.connect(slot)
    elif isinstance(w, QDateEdit):
        w.dateChanged.connect(slot)
    elif isinstance(w, QSpinBox | QDoubleSpinBox):
        w.valueChanged.connect(slot)
    elif isinstance(w, QAbstractButton):
        w.toggled.connect(slot)


class FormDraft(QObject):
    """Keeps one form's draft. `fields` maps a payload name to its widget (read and restored
    generically, in order — a county before its township); a form with its own payload shape
    passes `payload`/`restore` instead. Call `ready()` once the form has its initial values."""

    def __init__(
        self,
        form: QWidget,
        db: Database,
        key: str,
        *,
        fields: dict[str, QWidget] | None = None,
        payload: Callable[[], dict[str, Any]] | None = None,
        restore: Callable[[dict[str, Any]], None] | None = None,
        banner_label: QLabel | None = None,
        watch: tuple[QWidget, ...] = (),
    ) -> None:
        super().__init__(form)
        self.form = form
        self.db = db
        self.key = key
        self.kind = key.partition(":")[0]
        self.fields = fields or {}
        self._payload = payload
        self._restore = restore
        self.banner = banner_label
        self.dirty = False
        self.loading = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        for w in (*self.fields.values(), *watch):
            _watch(w, self.changed)

    def payload(self) -> dict[str, Any]:
        if self._payload is not None:
            return self._payload()
        return {name: _value(w) for name, w in self.fields.items()}

    def ready(self, *, offer: bool = True) -> bool:
        """The form is filled; bring a waiting draft back over it (True when one was)."""
        restored = self.restore() if offer else False
        self.loading = False
        return restored

    def restore(self) -> bool:
        draft = drafts.load_draft(self.db, self.key)
        if draft is None:
            return False
        was, self.loading = self.loading, True
        try:
            if self._restore is not None:
                self._restore(draft.payload)
            for name, w in self.fields.items():
                if name in draft.payload:
                    _set(w, draft.payload[name])
        finally:
            self.loading = was
        if self.banner is not None:
            when = draft.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.banner.setText(
                QCoreApplication.translate("FormDraft", "已恢复 %1 自动保存的草稿，核对后保存即可。").replace(
                    "%1", when
                )
            )
            self.banner.show()
        self.dirty = True
        return True

    def changed(self, *_args: object) -> None:
        if self.loading:
            return
        self.dirty = True
        self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        if not self.dirty:
            return
        try:
            drafts.save_draft(self.db, self.key, self.kind, self.payload())
        except Exception as e:
            messages.show_error(self.form, e, QCoreApplication.translate("FormDraft", "草稿未能保存"))

    def discard(self) -> None:
        """Throw the typing away (the cadre chose 放弃)."""
        self.timer.stop()
        drafts.discard_draft(self.db, self.key)
        self.dirty = False
        if self.banner is not None:
            self.banner.hide()

    def saved(self) -> None:
        """The real record is saved (its save discarded the draft in the same work)."""
        self.timer.stop()
        self.dirty = False


R = TypeVar("R")


def then_discard(draft: FormDraft, work: Callable[[], R]) -> Callable[[], R]:
    """The background save of a drafted form: the record, then its draft goes (the draft is
    first brought up to date, so what is on screen is safe even if saving fails)."""
    draft.save_now()
    db, key = draft.db, draft.key

    def run() -> R:
        result = work()
        drafts.discard_draft(db, key)
        return result

    return run


def close_with_draft(
    dialog: QDialog, event: QCloseEvent, what: str, draft: FormDraft, save: Callable[[], object]
) -> None:
    """closeEvent of a drafted dialog: asks before typed text is dropped (save / discard / go on)."""
    from fieldapp.ui.forms import ask_before_closing

    if not ask_before_closing(dialog, event, what, dirty=draft.dirty, save=save, discard=draft.discard):
        return
    draft.timer.stop()
    event.accept()
    dialog.done(QDialog.DialogCode.Rejected)
