"""Chinese dialogs for errors and questions, in one place so tests can answer them.

Tests replace `ask` / `inform` with functions that record the question and return an answer;
production code only ever calls these, never QMessageBox directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.errors import DomainError, NotFound, RuleViolation, ValidationError
from fieldapp.ui import domain_text

if TYPE_CHECKING:  # the message box is imported when first shown, not at start-up
    from PySide6.QtWidgets import QWidget

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"
PROCEED = "proceed"  # go on despite a warning (a missing consent); CANCEL goes back
DELETE = "delete"  # remove a record; CANCEL keeps it


def _ask_with_box(parent: QWidget | None, title: str, text: str, choices: tuple[str, ...]) -> str:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {
        SAVE: box.addButton(
            QCoreApplication.translate("Messages", "保存"), QMessageBox.ButtonRole.AcceptRole
        ),
        DISCARD: box.addButton(
            QCoreApplication.translate("Messages", "放弃修改"), QMessageBox.ButtonRole.DestructiveRole
        ),
        PROCEED: box.addButton(
            QCoreApplication.translate("Messages", "仍然继续"), QMessageBox.ButtonRole.AcceptRole
        ),
        DELETE: box.addButton(
            QCoreApplication.translate("Messages", "删除(&D)"), QMessageBox.ButtonRole.DestructiveRole
        ),
        CANCEL: box.addButton(
            QCoreApplication.translate("Messages", "返回")
            if PROCEED in choices
            else QCoreApplication.translate("Messages", "取消")
            if DELETE in choices
            else QCoreApplication.translate("Messages", "继续编辑"),
            QMessageBox.ButtonRole.RejectRole,
        ),
    }
    for key, button in buttons.items():
        if key not in choices:
            box.removeButton(button)
    if PROCEED in choices:
        box.setIcon(QMessageBox.Icon.Warning)
    box.setDefaultButton(buttons[CANCEL])
    box.exec()
    clicked = box.clickedButton()
    for key, button in buttons.items():
        if clicked is button:
            return key
    return CANCEL


def _inform_with_box(parent: QWidget | None, title: str, text: str, critical: bool) -> None:
    from PySide6.QtWidgets import QMessageBox

    if critical:
        QMessageBox.critical(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


# Replaced in tests (see tests/ui_helpers.py); signature: (parent, title, text, choices) -> choice
ask: Callable[[QWidget | None, str, str, tuple[str, ...]], str] = _ask_with_box
inform: Callable[[QWidget | None, str, str, bool], None] = _inform_with_box


def error_text(error: BaseException) -> str:
    """What happened and what to do, in Chinese, for any failure of a service call."""
    if isinstance(error, ValidationError):
        lines = "\n".join("· " + domain_text.problem(p) for p in error.problems)
        return QCoreApplication.translate("Messages", "以下内容需要修改，尚未保存：") + "\n" + lines
    if isinstance(error, RuleViolation):
        return domain_text.message(str(error))
    if isinstance(error, NotFound):
        return (
            domain_text.message(str(error))
            + "\n"
            + QCoreApplication.translate("Messages", "请刷新（F5）后再试。")
        )
    if isinstance(error, DomainError):
        return domain_text.message(str(error))
    from fieldapp.storage.blobs import BlobError
    from fieldapp.sync.protocol import SyncError

    if isinstance(error, SyncError | BlobError):  # the app's own errors: listed in domain_text
        return domain_text.message(str(error))
    if isinstance(error, OSError):
        from fieldapp.storage.os_errors import explain

        what, todo = explain(error)
        return (
            QCoreApplication.translate("Messages", "%1。%2。")
            .replace("%1", _sentence(domain_text.message(what)))
            .replace("%2", domain_text.message(todo))
        )
    # a fault of the program itself: its English text helps no cadre; it goes to the log
    logging.getLogger("fieldapp").error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Messages",
        "程序内部出错，这次操作没有完成。\n请再试一次；如果还不行，请把出错的时间和操作告诉技术支持人员。",
    )


def _sentence(text: str) -> str:
    """A phrase that starts a sentence (in English: its first letter capitalised)."""
    return text[:1].upper() + text[1:]


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    inform(parent, title or QCoreApplication.translate("Messages", "未能完成"), error_text(error), True)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    inform(parent, title, text, False)


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """SAVE, DISCARD or CANCEL for a form closed with unsaved changes."""
    return ask(
        parent,
        QCoreApplication.translate("Messages", "有未保存的修改"),
        QCoreApplication.translate(
            "Messages", "“%1”还有未保存的修改。\n保存、放弃修改，还是继续编辑？"
        ).replace("%1", what),
        (SAVE, DISCARD, CANCEL),
    )


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """删除 / 取消, with 取消 the default: True when the cadre chose to delete."""
    return ask(parent, title, text, (DELETE, CANCEL)) == DELETE


def warn_consent(parent: QWidget | None, title: str, text: str) -> bool:
    """A consent the law asks for is missing: True when the cadre goes on anyway (PROCEED)."""
    return ask(parent, title, text, (PROCEED, CANCEL)) == PROCEED
