"""Locking the workbench: after an idle period (settings) or on Ctrl+L.

The lock screen replaces everything the window shows, hides open forms (their drafts are kept),
disables every action and masks every revealed number again; only the cadre's password brings
the work back. The password is checked off the GUI thread: Argon2id takes a moment on purpose.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.forms import BusyLine
from fieldapp.ui.ops import Op

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """What a locked window shows: no household data, a password box."""

    unlockRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("台账已锁定"), self)
        font = title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "为保护困难户的个人信息，离开电脑时台账会自动锁定。\n请输入您的密码继续工作，未保存的内容都还在。"
            ),
            self,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.setMinimumWidth(280)
        self.unlock_button = QPushButton(self.tr("解锁(&U)"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = BusyLine(self)
        box = QWidget(self)
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addSpacing(12)
        inner.addWidget(self.password)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        if self.password.text():
            self.unlockRequested.emit(self.password.text())

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.unlock_button.setEnabled(True)
        self.password.setFocus()


class Locker(QObject):
    """Puts `window` behind the lock screen on idle or on demand, and back on the right password."""

    locked = Signal()
    unlocked = Signal()
    failed = Signal(str)  # the refusal's text (wrong password, wait, locked out)

    def __init__(
        self,
        window: QMainWindow,
        stack: QStackedWidget,
        check_password: Callable[[str], object],
        idle_minutes: int,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self.check_password = check_password
        self.screen = LockScreen(stack)
        stack.addWidget(self.screen)
        self.is_locked = False
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        self.screen.unlockRequested.connect(self.try_unlock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_idle_minutes(self, minutes: int) -> None:
        """0 = never lock by itself."""
        self.idle.stop()
        self.idle.setInterval(max(minutes, 0) * 60_000)
        if minutes > 0 and not self.is_locked:
            self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.is_locked or event.type() not in ACTIVITY:
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            self.lock()  # Ctrl+L from an open form too (a modal form blocks the window's shortcut)
            return True
        if self.idle.interval() > 0:
            self.idle.start()  # any key or mouse activity starts the idle period again
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self.idle.stop()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self.window and w.isVisible() and w.isWindow()
        ]
        for w in self._hidden:
            w.hide()
        self._disabled = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for a in self._disabled:
            a.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        self.stack.setCurrentWidget(self.screen)
        self.screen.reset()
        self.locked.emit()

    def try_unlock(self, password: str) -> None:
        self.screen.unlock_button.setEnabled(False)
        self.screen.message.clear()
        Op(lambda: self.check_password(password), self.tr("正在核对密码…")).success(
            lambda _key: self._unlock()
        ).failure(self._refused).run(self.screen.busy.busy)

    def _refused(self, error: Exception) -> None:
        from fieldapp.ui import messages

        self.screen.unlock_button.setEnabled(True)
        self.screen.password.selectAll()
        self.screen.password.setFocus()
        text = messages.error_text(error)
        self.screen.message.setText(text)
        self.failed.emit(text)

    def _unlock(self) -> None:
        self.is_locked = False
        self.screen.reset()
        self.stack.setCurrentIndex(0)
        self.window.menuBar().setEnabled(True)
        for a in self._disabled:
            a.setEnabled(True)
        for w in self._hidden:
            w.show()
        self._hidden, self._disabled = [], []
        if self.idle.interval() > 0:
            self.idle.start()
        self.unlocked.emit()
