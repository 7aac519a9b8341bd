"""Sign-in by keyboard and the first-start race (issue 14): Enter moves through the fields,
a password typed while the folder is still being examined is never set unconfirmed, and two
quick Enters or two creators cannot make two keystores or lose the recovery code."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.security import signin, vault
from fieldapp.ui import ops
from fieldapp.ui.signin import PAGE_FORGOT, PAGE_NEW, PAGE_RECOVERY_CODE, SignInDialog

PASSWORD = "zhangsan-2026"


def _close(qtbot: QtBot, dialog: SignInDialog) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=60000)
    if dialog.db is not None:
        dialog.db.close()


def test_enter_moves_from_the_first_field_on_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SignInDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_NEW, timeout=60000)
    dialog.activateWindow()
    qtbot.keyClicks(dialog.new_password, PASSWORD)
    qtbot.keyClick(dialog.new_password, Qt.Key.Key_Return)  # on to the confirmation, nothing set
    assert QApplication.focusWidget() is dialog.new_again or dialog.new_again.hasFocus()
    assert not vault.vault_exists(tmp_path / "new")
    dialog._go(PAGE_FORGOT)
    qtbot.keyClicks(dialog.code, "K7QD")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.reset_password.hasFocus()
    qtbot.keyClick(dialog.reset_password, Qt.Key.Key_Return)
    assert dialog.reset_again.hasFocus()
    _close(qtbot, dialog)


def test_a_password_typed_while_the_folder_is_examined_is_confirmed_and_the_code_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "new"
    examined = threading.Event()
    real_state_of = signin.state_of

    def slow_state_of(data_dir: Path) -> str:  # an old laptop still importing and looking
        examined.wait(20)
        return real_state_of(data_dir)

    monkeypatch.setattr(signin, "state_of", slow_state_of)
    dialog = SignInDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # the dialog says: press Enter
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.state == ""
    assert "正在准备" in dialog.message.text()
    assert not vault.vault_exists(folder)  # never a single, unconfirmed password
    examined.set()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_NEW, timeout=60000)
    assert dialog.new_password.text() == PASSWORD and dialog.new_again.hasFocus()
    assert "再输入一次" in dialog.message.text()
    assert not vault.vault_exists(folder)
    qtbot.keyClicks(dialog.new_again, PASSWORD)
    qtbot.keyClick(dialog.new_again, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.new_again, Qt.Key.Key_Return)  # impatient: a second Enter at once
    dialog.create_button.click()  # and a click
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_RECOVERY_CODE, timeout=60000)
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=60000)
    assert dialog.isVisible() and dialog.pages.currentIndex() == PAGE_RECOVERY_CODE
    code = dialog.code_label.text()
    assert vault.unlock_with_recovery(folder, code) == vault.unlock(folder, PASSWORD)
    assert dialog.message.text() == ""  # no "already set" error from a second attempt
    _close(qtbot, dialog)


def test_two_creators_at_once_make_one_keystore(tmp_path: Path) -> None:
    folder = tmp_path / "race"
    start = threading.Barrier(2)
    results: list[tuple[bytes, str] | Exception] = []

    def create() -> None:
        start.wait()
        try:
            results.append(vault.create_vault(folder, PASSWORD))
        except vault.VaultError as e:
            results.append(e)

    threads = [threading.Thread(target=create) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    made = [r for r in results if isinstance(r, tuple)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(made) == 1 and len(refused) == 1
    assert "设置" in str(refused[0])  # 正在设置密码… or 已经设置过密码, in Chinese
    key, code = made[0]
    assert vault.unlock(folder, PASSWORD) == key == vault.unlock_with_recovery(folder, code)


def test_a_creation_in_progress_is_waited_for_and_a_crashed_one_does_not_block(tmp_path: Path) -> None:
    import fcntl
    import os

    folder = tmp_path / "busy"
    folder.mkdir()
    fd = os.open(folder / vault.CLAIM_NAME, os.O_CREAT | os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another process is creating right now
    try:
        with pytest.raises(vault.VaultError, match="正在设置密码"):
            vault.create_vault(folder, PASSWORD)
        assert not vault.vault_exists(folder)
    finally:
        os.close(fd)  # it crashed: the OS frees its lock, the file stays behind
    key, _code = vault.create_vault(folder, PASSWORD)
    assert vault.unlock(folder, PASSWORD) == key
