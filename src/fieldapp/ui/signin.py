"""The sign-in dialog shown before the workbench: the ledger is encrypted with the cadre's password.

Four pages: *set a password* (first start, or a ledger from before encryption: the database is
encrypted with it), *the recovery code* (shown once, to write down or print), *password* (every
later start; wrong guesses slow down and lock, the message says how long) and *forgot password*
(the printed recovery code sets a new password). The demo folder's password is published and
filled in, so `fieldapp --demo` stays one step for a newcomer.

Everything slow — importing the storage layer, Argon2id, encrypting an old ledger — runs off the
GUI thread, so the dialog is on screen at once and the cadre can type while it prepares.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import messages
from fieldapp.ui.forms import BusyLine
from fieldapp.ui.ops import Op

if TYPE_CHECKING:
    from fieldapp.storage.db import Database

# fieldapp.security.signin.DEMO_PASSWORD: repeated here so the dialog shows without importing
# the storage layer first (a test checks that both agree)
DEMO_PASSWORD = "demo2014"

PAGE_PASSWORD, PAGE_NEW, PAGE_RECOVERY_CODE, PAGE_FORGOT = range(4)
STATE_AFTER_MS = 30


def _password_field(parent: QWidget, name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(260)
    return edit


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class SignInDialog(QDialog):
    """Opens the ledger in `data_dir`; on `accept()`, `db` is the open (decrypted) database."""

    def __init__(self, data_dir: Path, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.demo = demo
        self.db: Database | None = None
        self.state = ""  # new | plaintext | locked | orphan (from fieldapp.security.signin)
        self.recovery_code = ""
        self.acting = False  # one action at a time: a second Enter or click while one runs is ignored
        self.sign_in_waiting = False  # Enter pressed before the ledger's state was known
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("登录 — 工会结对帮扶台账"))
        self.setMinimumWidth(520)

        title = QLabel(self.tr("工会结对帮扶台账"), self)
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        self.folder = QLabel(self.tr("数据文件夹：%1").replace("%1", str(data_dir)), self)
        self.folder.setStyleSheet("color: #777;")
        self.folder.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._password_page())
        self.pages.addWidget(self._new_page())
        self.pages.addWidget(self._recovery_code_page())
        self.pages.addWidget(self._forgot_page())
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.busy = BusyLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.folder)
        layout.addSpacing(8)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)

        if demo:
            for edit in (self.password, self.new_password, self.new_again):
                edit.setText(DEMO_PASSWORD)
            note = self.tr("演示数据的密码是 %1（已填好，直接按回车）。正式台账请设置您自己的密码。")
            self.demo_note.setText(note.replace("%1", DEMO_PASSWORD))
            self.demo_note_new.setText(note.replace("%1", DEMO_PASSWORD))
        self.demo_note.setVisible(demo)
        self.demo_note_new.setVisible(demo)
        self.pages.setCurrentIndex(PAGE_PASSWORD)
        self.password.setFocus()
        # after the first paint: the import would otherwise hold the interpreter lock while the
        # dialog is put on screen
        QTimer.singleShot(STATE_AFTER_MS, self._find_state)

    # --- pages -----------------------------------------------------------------------------
    def _password_page(self) -> QWidget:
        page = QWidget(self)
        self.password = _password_field(page, "signInPassword", self.tr("密码"))
        self.sign_in_button = QPushButton(self.tr("登录(&L)"), page)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("忘记密码…"), page)
        self.forgot_button.setObjectName("forgotPassword")
        self.forgot_button.setFlat(True)
        self.demo_note = _hint("", page)
        self.demo_note.setObjectName("demoPasswordNote")
        self.demo_note.setStyleSheet("color: #1565c0;")
        form = QFormLayout()
        form.addRow(self.tr("密码(&P)"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_hint(self.tr("台账已加密。请输入您的密码。"), page))
        layout.addLayout(form)
        layout.addWidget(self.demo_note)
        layout.addLayout(buttons)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.forgot_button.clicked.connect(lambda: self._go(PAGE_FORGOT))
        return page

    def _new_page(self) -> QWidget:
        page = QWidget(self)
        self.new_password = _password_field(page, "newPassword", self.tr("至少6位，不要用生日或123456"))
        self.new_again = _password_field(page, "newPasswordAgain", self.tr("再输入一次"))
        self.create_button = QPushButton(self.tr("设置密码并加密台账(&S)"), page)
        self.create_button.setObjectName("createPassword")
        self.create_button.setDefault(True)
        self.new_intro = _hint(
            self.tr(
                "第一次使用：请设置一个密码。台账（身份证号、健康、收入等个人信息）会用它加密，"
                "电脑丢失或被他人使用时也读不出来。每次打开和解锁时都要输入。"
            ),
            page,
        )
        self.new_intro.setObjectName("newPasswordIntro")
        self.demo_note_new = _hint("", page)
        self.demo_note_new.setStyleSheet("color: #1565c0;")
        form = QFormLayout()
        form.addRow(self.tr("新密码(&P)"), self.new_password)
        form.addRow(self.tr("确认密码(&C)"), self.new_again)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.new_intro)
        layout.addLayout(form)
        layout.addWidget(self.demo_note_new)
        layout.addLayout(buttons)
        self.create_button.clicked.connect(self.create_password)
        self.new_password.returnPressed.connect(self.new_again.setFocus)  # Enter: on to the confirmation
        self.new_again.returnPressed.connect(self.create_password)
        return page

    def _recovery_code_page(self) -> QWidget:
        page = QWidget(self)
        self.code_label = QLabel(page)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setStyleSheet(
            "font-family: monospace; font-size: 17pt; font-weight: bold;"
            "border: 2px dashed #888; padding: 12px; background: #fffbe6;"
        )
        self.written = QCheckBox(self.tr("我已把恢复码抄在纸上（或打印出来），并与电脑分开保管"), page)
        self.written.setObjectName("recoveryWritten")
        self.print_code_button = QPushButton(self.tr("打印恢复码…"), page)
        self.print_code_button.setObjectName("printRecoveryCode")
        self.continue_button = QPushButton(self.tr("进入台账(&E)"), page)
        self.continue_button.setObjectName("enterLedger")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.print_code_button.clicked.connect(self.print_recovery_code)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_code_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            _hint(
                self.tr(
                    "密码已设置，台账已加密。下面是恢复码：忘记密码，或把台账复制到别的电脑时，"
                    "只有用它才能打开。它只显示这一次。"
                ),
                page,
            )
        )
        layout.addWidget(self.code_label)
        layout.addWidget(self.written)
        layout.addLayout(buttons)
        return page

    def _forgot_page(self) -> QWidget:
        page = QWidget(self)
        self.code = QLineEdit(page)
        self.code.setObjectName("recoveryCodeInput")
        self.code.setPlaceholderText(self.tr("24位，如 K7QD-3M9P-…，大小写和短横线都可以"))
        self.reset_password = _password_field(page, "resetPassword", self.tr("新密码"))
        self.reset_again = _password_field(page, "resetPasswordAgain", self.tr("再输入一次"))
        self.recover_button = QPushButton(self.tr("用恢复码重设密码(&R)"), page)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setDefault(True)
        self.back_button = QPushButton(self.tr("返回"), page)
        self.back_button.setObjectName("backToPassword")
        form = QFormLayout()
        form.addRow(self.tr("恢复码(&K)"), self.code)
        form.addRow(self.tr("新密码(&P)"), self.reset_password)
        form.addRow(self.tr("确认密码(&C)"), self.reset_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        self.forgot_intro = _hint(
            self.tr("请输入设置密码时抄下或打印的恢复码，再设置一个新密码。台账里的数据不会改变。"), page
        )
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.forgot_intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.recover_button.clicked.connect(self.recover)
        self.code.returnPressed.connect(self.reset_password.setFocus)
        self.reset_password.returnPressed.connect(self.reset_again.setFocus)
        self.reset_again.returnPressed.connect(self.recover)
        self.back_button.clicked.connect(lambda: self._go(PAGE_PASSWORD))
        return page

    def _go(self, page: int) -> None:
        self.message.clear()
        self.pages.setCurrentIndex(page)
        focus = {
            PAGE_PASSWORD: self.password,
            PAGE_NEW: self.new_password,
            PAGE_FORGOT: self.code,
            PAGE_RECOVERY_CODE: self.written,
        }[page]
        focus.setFocus()

    # --- state -----------------------------------------------------------------------------
    def _find_state(self) -> None:
        """Importing the storage layer takes a second on an old laptop: done while the cadre types."""
        data_dir = self.data_dir

        def work() -> str:
            import fieldapp.ui.main_window  # noqa: F401  (warm: shown right after the password)
            from fieldapp.security import signin

            return signin.state_of(data_dir)

        Op(work).success(self._state_found).failure(self._failed).run()

    def _state_found(self, state: str) -> None:
        self.state = state
        waiting, self.sign_in_waiting = self.sign_in_waiting, False
        if state in ("new", "plaintext") and waiting and self.password.text():
            # typed before we knew this is a first start: the password is kept, but it is set
            # only once confirmed, and the recovery code is then shown as always
            self.new_password.setText(self.password.text())
            self.password.clear()
            self._go(PAGE_NEW)
            self.new_again.clear()
            self.new_again.setFocus()
            self.message.setText(self.tr("这是第一次使用：请再输入一次密码确认，然后按回车设置。"))
            return
        if state == "locked" and waiting:
            self.sign_in()
            return
        if state in ("new", "plaintext"):
            if state == "plaintext":
                self.new_intro.setText(
                    self.tr(
                        "这本台账还没有加密。请设置一个密码：台账和备份会用它加密（只需一次，"
                        "数据不会丢失）。以后每次打开和解锁时都要输入。"
                    )
                )
            self._go(PAGE_NEW)
        elif state == "orphan":
            self.forgot_intro.setText(
                self.tr(
                    "这本台账已加密，但文件夹里没有密钥文件（可能是从别的电脑复制来的）。"
                    "请用设置密码时抄下的恢复码打开，并设置本机的密码。"
                )
            )
            self.back_button.hide()
            self._go(PAGE_FORGOT)

    # --- actions ---------------------------------------------------------------------------
    def _run(self, work: object, label: str, done: object, buttons: list[QPushButton]) -> None:
        if self.acting:  # a second Enter or a double click: the first is still running
            return
        self.acting = True
        for b in buttons:
            b.setEnabled(False)
        self.message.clear()

        def release() -> None:
            self.acting = False
            for b in buttons:
                b.setEnabled(True)

        def succeeded(result: object) -> None:
            release()
            done(result)  # type: ignore[operator]

        def failed(error: Exception) -> None:
            release()
            self._failed(error)

        Op(work, label).success(succeeded).failure(failed).run(self.busy.busy)  # type: ignore[arg-type]

    def _failed(self, error: Exception) -> None:
        self.message.setText(messages.error_text(error))

    def sign_in(self) -> None:
        if self.state in ("new", "plaintext"):
            self._go(PAGE_NEW)
            return
        password, data_dir = self.password.text(), self.data_dir
        if not password:
            self.message.setText(self.tr("请输入密码。"))
            return
        if not self.state:  # still finding out whether this folder has a password at all
            self.sign_in_waiting = True
            self.message.setText(self.tr("正在准备台账，马上就好…"))
            return

        def work() -> Database:
            from fieldapp.security import signin

            return signin.open_with_password(data_dir, password).db

        def done(db: Database) -> None:
            self._opened(db)
            self.accept()

        self._run(work, self.tr("正在核对密码并打开台账…"), done, [self.sign_in_button])

    def create_password(self) -> None:
        if self.acting or self.db is not None:  # being set, or already set: never a second keystore
            return
        first, second = self.new_password.text(), self.new_again.text()
        if first != second:
            self.message.setText(self.tr("两次输入的密码不一样，请重新输入。"))
            self.new_again.selectAll()
            self.new_again.setFocus()
            return
        data_dir = self.data_dir

        def work() -> tuple[Database, str]:
            from fieldapp.security import signin

            opened = signin.open_with_password(data_dir, first)
            return opened.db, opened.recovery_code or ""

        def done(result: tuple[Database, str]) -> None:
            db, code = result
            self._opened(db)
            if self.demo or not code:  # the demo's password is published: no code to keep
                self.accept()
                return
            self.recovery_code = code
            self.code_label.setText(code)
            self.code_label.setMinimumWidth(self.code_label.sizeHint().width())  # never cut a character
            self._go(PAGE_RECOVERY_CODE)

        self._run(work, self.tr("正在加密台账…"), done, [self.create_button])

    def recover(self) -> None:
        first, second = self.reset_password.text(), self.reset_again.text()
        if first != second:
            self.message.setText(self.tr("两次输入的新密码不一样，请重新输入。"))
            return
        data_dir, code = self.data_dir, self.code.text()

        def work() -> Database:
            from fieldapp.security import signin

            return signin.open_with_recovery(data_dir, code, first).db

        def done(db: Database) -> None:
            self._opened(db)
            self.accept()

        self._run(work, self.tr("正在用恢复码打开台账…"), done, [self.recover_button])

    def _opened(self, db: Database) -> None:
        self.db = db
        from fieldapp.domain.vocab import AuditAction
        from fieldapp.services import audit

        Op(lambda: audit.log(db, AuditAction.SIGN_IN)).failure(self._failed).run()

    def check_password(self, password: str) -> bytes:
        """For the lock screen: the key if the password is right, else WrongPassword / LockedOut."""
        return self.check_password_in(self.data_dir, password)

    def reset_password_with_code(self, code: str, new_password: str) -> bytes:
        """For the lock screen's 忘记密码…: the recovery code sets a new password (the key if so)."""
        return self.reset_password_in(self.data_dir, code, new_password)

    @staticmethod
    def check_password_in(data_dir: Path, password: str) -> bytes:
        from fieldapp.security import vault

        return vault.unlock(data_dir, password)

    @staticmethod
    def reset_password_in(data_dir: Path, code: str, new_password: str) -> bytes:
        from fieldapp.security import vault

        return vault.reset_password(data_dir, code, new_password)

    def print_recovery_code(self) -> None:
        """Print the code on a sheet to keep apart from the laptop (through the system dialog)."""
        print_recovery_sheet(self, self.data_dir, self.recovery_code)

    def reject(self) -> None:
        if self.db is not None and self.pages.currentIndex() == PAGE_RECOVERY_CODE:
            return  # the code is shown once: leave only by confirming it was written down
        super().reject()


def print_recovery_sheet(parent: QWidget, data_dir: Path, code: str) -> None:
    """Print the recovery code on a sheet to keep apart from the laptop (the system dialog);
    shared by the sign-in dialog and the first-run wizard."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    from fieldapp.ui import print_preview

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if not print_preview.ask_printer(parent, printer):
        return
    doc = QTextDocument(parent)
    doc.setHtml(
        "<h2>"
        + QCoreApplication.translate("SignInDialog", "工会结对帮扶台账 — 恢复码")
        + "</h2><p>"
        + QCoreApplication.translate("SignInDialog", "数据文件夹：%1").replace("%1", str(data_dir))
        + f"</p><p style='font-size:22pt; font-family:monospace'><b>{code}</b></p><p>"
        + QCoreApplication.translate(
            "SignInDialog",
            "忘记密码或台账复制到别的电脑时，用它重设密码。请与电脑分开、妥善保管，不要拍照外传。",
        )
        + "</p>"
    )
    doc.print_(printer)
