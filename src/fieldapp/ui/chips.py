"""Quick-entry chips of the visit form (issue 14): common findings picked, not typed.

A `ChipRow` sits under a field and offers up to nine phrases. From inside the field, Ctrl+1 …
Ctrl+9 take (or take back) the phrase with that number, so the Tab order of the form does not
grow; a click does the same. A chip is shown pressed while its phrase is in the field. The phrase
itself is written in Chinese (the notes are data, read at headquarters and printed on Chinese
forms); its chip shows it in the interface language (context "Chips").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPlainTextEdit, QSizePolicy, QToolButton, QWidget

from fieldapp.domain import visit_phrases

CONTEXT = "Chips"

TEXTS = (  # for pyside6-lupdate: every phrase of domain/visit_phrases.py
    QT_TRANSLATE_NOOP("Chips", "住房安全"),
    QT_TRANSLATE_NOOP("Chips", "收入稳定"),
    QT_TRANSLATE_NOOP("Chips", "家人身体健康"),
    QT_TRANSLATE_NOOP("Chips", "子女上学正常"),
    QT_TRANSLATE_NOOP("Chips", "老人有人照料"),
    QT_TRANSLATE_NOOP("Chips", "住房需维修"),
    QT_TRANSLATE_NOOP("Chips", "家人患病就医"),
    QT_TRANSLATE_NOOP("Chips", "收入减少"),
    QT_TRANSLATE_NOOP("Chips", "务工不稳定"),
    QT_TRANSLATE_NOOP("Chips", "暂无新的诉求"),
    QT_TRANSLATE_NOOP("Chips", "希望介绍本地工作"),
    QT_TRANSLATE_NOOP("Chips", "希望参加技能培训"),
    QT_TRANSLATE_NOOP("Chips", "申请医疗救助"),
    QT_TRANSLATE_NOOP("Chips", "申请子女助学"),
    QT_TRANSLATE_NOOP("Chips", "帮助追讨欠薪"),
    QT_TRANSLATE_NOOP("Chips", "申请生活救助"),
    QT_TRANSLATE_NOOP("Chips", "咨询社保政策"),
    QT_TRANSLATE_NOOP("Chips", "希望维修住房"),
    QT_TRANSLATE_NOOP("Chips", "村干部"),
    QT_TRANSLATE_NOOP("Chips", "邻居"),
)

COLUMNS = 5  # chips per line: nine fit in two lines of a form column, never cut short
DIGITS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}


def shown(phrase: str) -> str:
    """A phrase in the interface language (a name, being data, stays as written)."""
    return QCoreApplication.translate(CONTEXT, phrase)


class ChipRow(QWidget):
    """Chips for one field (a QLineEdit or a notes box). `insert(text)` is how a phrase is put
    into the field (the notes box adds it without opening its completion list)."""

    def __init__(
        self,
        field: QLineEdit | QPlainTextEdit,
        phrases: list[str] | tuple[str, ...],
        separator: str,
        parent: QWidget | None = None,
        *,
        replace_text: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.phrases = list(phrases)[: visit_phrases.MAX_CHIPS]
        self.separator = separator
        self._replace = replace_text or self._default_replace
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(2)
        self.buttons: list[QToolButton] = []
        self._popups: list[QWidget] = []
        for number, phrase in enumerate(self.phrases, start=1):
            button = QToolButton(self)
            button.setObjectName(f"chip{number}")
            button.setText(f"{number} {shown(phrase)}")
            button.setToolTip(f"Ctrl+{number}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached by Ctrl+digit: Tab stays short
            button.setAutoRaise(False)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never elided
            button.clicked.connect(lambda _checked=False, n=number: self.toggle(n))
            layout.addWidget(button, (number - 1) // COLUMNS, (number - 1) % COLUMNS)
            self.buttons.append(button)
        layout.setColumnStretch(COLUMNS, 1)
        field.installEventFilter(self)
        field.textChanged.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        f = self.field
        return f.text() if isinstance(f, QLineEdit) else f.toPlainText()

    def _default_replace(self, text: str) -> None:
        f = self.field
        if isinstance(f, QLineEdit):
            f.setText(text)
            f.setCursorPosition(len(text))
        else:
            f.setPlainText(text)
            f.moveCursor(f.textCursor().MoveOperation.End)

    def toggle(self, number: int) -> None:
        """Take phrase `number` (1-based) into the field at its end, or take it out again."""
        if not 1 <= number <= len(self.phrases):
            return
        phrase, text = self.phrases[number - 1], self.text()
        if phrase in text:
            self._replace(visit_phrases.without(text, phrase, self.separator))
        else:
            self._replace(visit_phrases.joined(text, phrase, self.separator))
        self.field.setFocus()

    def refresh(self, *_args: object) -> None:
        text = self.text()
        for phrase, button in zip(self.phrases, self.buttons, strict=True):
            button.setChecked(phrase in text)

    def take_key(self, event: QKeyEvent) -> bool:
        """Ctrl+digit: toggle that chip (True); any other key is not ours (False)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier and event.key() in DIGITS:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # ours, not a window's shortcut
            else:
                self.toggle(DIGITS[event.key()])
            return True
        return False

    def watch_popup(self, popup: QWidget) -> None:
        """Also take Ctrl+digit while the field's completion list is open (it holds the keys)."""
        self._popups.append(popup)
        popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        ours = watched is self.field or watched in self._popups
        if ours and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if self.take_key(event):
                if watched is not self.field and event.type() == QEvent.Type.KeyPress:
                    assert isinstance(watched, QWidget)
                    watched.hide()
                return True
        return super().eventFilter(watched, event)
