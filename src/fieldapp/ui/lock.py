"""Locking the workbench: after an idle period (settings) or on Ctrl+L.

The lock screen replaces everything the window shows, hides open forms (their drafts are kept),
disables every action and masks every revealed number again; only the cadre's password brings
the work back. The password is checked off the GUI thread: Argon2id takes a moment on purpose.

忘记密码… (when the window was given `reset_password`) unlocks with the printed recovery code and
sets a new password, as the sign-in dialog's page of the same name does; password sign-in being
locked out after too many wrong guesses does not stop it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
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
    resetRequested = Signal(str, str)  # recovery code, new password

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
        self.forgot_button = QPushButton(self.tr("忘记密码…"), self)
        self.forgot_button.setObjectName("lockForgotPassword")
        self.forgot_button.setFlat(True)
        self.forgot_button.hide()  # shown when the window can reset the password
        box = QWidget(self)
        box.setFixedWidth(460)  # the recovery page's labels and fields side by side
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addSpacing(12)
        self.password_page = self._password_page()  # one of the two is shown
        self.forgot_page = self._forgot_page()
        self.forgot_page.hide()
        inner.addWidget(self.password_page)
        inner.addWidget(self.forgot_page)
        inner.addWidget(self.message)
        inner.addWidget(self.busy)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)

    def _password_page(self) -> QWidget:
        page = QWidget(self)
        self.password.setParent(page)
        self.unlock_button.setParent(page)
        self.forgot_button.setParent(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.password)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.forgot_button.clicked.connect(self.show_forgot)
        return page

    def _forgot_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr("请输入设置密码时抄下或打印的恢复码，再设置一个新密码。台账里的数据不会改变。"), page
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.code = QLineEdit(page)
        self.code.setObjectName("lockRecoveryCode")
        self.code.setPlaceholderText(self.tr("24位，如 K7QD-3M9P-…，大小写和短横线都可以"))
        self.new_password = QLineEdit(page)
        self.new_password.setObjectName("lockNewPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("新密码"))
        self.new_again = QLineEdit(page)
        self.new_again.setObjectName("lockNewPasswordAgain")
        self.new_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_again.setPlaceholderText(self.tr("再输入一次"))
        self.recover_button = QPushButton(self.tr("重设密码并解锁(&R)"), page)
        self.recover_button.setObjectName("lockRecoverButton")
        self.back_button = QPushButton(self.tr("返回"), page)
        self.back_button.setObjectName("lockBackToPassword")
        form = QFormLayout()
        form.addRow(self.tr("恢复码(&K)"), self.code)
        form.addRow(self.tr("新密码(&P)"), self.new_password)
        form.addRow(self.tr("确认密码(&C)"), self.new_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.recover_button.clicked.connect(self._submit_reset)
        self.new_again.returnPressed.connect(self._submit_reset)
        self.back_button.clicked.connect(self.show_password)
        return page

    def show_forgot(self) -> None:
        self.message.clear()
        self.password_page.hide()
        self.forgot_page.show()
        self.unlock_button.setDefault(False)
        self.recover_button.setDefault(True)
        self.code.setFocus()

    def show_password(self) -> None:
        self.message.clear()
        for edit in (self.code, self.new_password, self.new_again):
            edit.clear()
        self.forgot_page.hide()
        self.password_page.show()
        self.recover_button.setDefault(False)
        self.unlock_button.setDefault(True)
        self.password.setFocus()

    def _submit(self) -> None:
        if self.password.text():
            self.unlockRequested.emit(self.password.text())

    def _submit_reset(self) -> None:
        code, first, second = self.code.text().strip(), self.new_password.text(), self.new_again.text()
        if not code:
            self.message.setText(self.tr("请输入恢复码。"))
            self.code.setFocus()
            return
        if first != second:
            self.message.setText(self.tr("两次输入的新密码不一样，请重新输入。"))
            self.new_again.selectAll()
            self.new_again.setFocus()
            return
        self.resetRequested.emit(code, first)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)

    def reset(self) -> None:
        self.show_password()
        self.password.clear()
        self.set_busy(False)


class Locker(QObject):
    """Puts `window` behind the lock screen on idle or on demand, and back on the right password."""

    locked = Signal()
    unlocked = Signal()
    failed = Signal(str)  # the refusal's text (wrong password, wait, locked out)
    passwordReset = Signal()  # the recovery code set a new password (emitted before `unlocked`)

    def __init__(
        self,
        window: QMainWindow,
        stack: QStackedWidget,
        check_password: Callable[[str], object],
        idle_minutes: int,
        reset_password: Callable[[str, str], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self.check_password = check_password
        self.reset_password = reset_password  # (recovery code, new password); raises if refused
        self.screen = LockScreen(stack)
        self.screen.forgot_button.setVisible(reset_password is not None)
        stack.addWidget(self.screen)
        self.is_locked = False
        self.was_reset = False  # the last unlock was by the recovery code (a new password)
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        self.screen.unlockRequested.connect(self.try_unlock)
        self.screen.resetRequested.connect(self.try_reset)
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
        self.was_reset = False
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
        self.screen.set_busy(True)
        self.screen.message.clear()
        Op(lambda: self.check_password(password), self.tr("正在核对密码…")).success(
            lambda _key: self._unlock()
        ).failure(self._refused).run(self.screen.busy.busy)

    def try_reset(self, code: str, new_password: str) -> None:
        """Forgot the password: the recovery code sets a new one and unlocks."""
        reset = self.reset_password
        if reset is None or not self.is_locked:
            return
        self.screen.set_busy(True)
        self.screen.message.clear()
        Op(lambda: reset(code, new_password), self.tr("正在用恢复码重设密码…")).success(
            lambda _key: self._reset_done()
        ).failure(self._reset_refused).run(self.screen.busy.busy)

    def _reset_done(self) -> None:
        self.was_reset = True
        self.passwordReset.emit()
        self._unlock()

    def _reset_refused(self, error: Exception) -> None:
        from fieldapp.ui import messages

        self.screen.set_busy(False)
        self.screen.message.setText(messages.error_text(error))

    def _refused(self, error: Exception) -> None:
        from fieldapp.ui import messages

        self.screen.set_busy(False)
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
