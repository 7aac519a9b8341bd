"""Background operations (fieldapp.ui.ops): results reach the GUI thread, or nobody if the
window that asked was closed meanwhile."""

from __future__ import annotations

import gc
import threading
import weakref

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from fieldapp.ui import ops


class _Shows(QLabel):
    def show_result(self, value: object) -> None:
        self.setText(str(value))


def test_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    label = _Shows()
    qtbot.addWidget(label)
    seen: list[bool] = []

    def work() -> int:
        seen.append(threading.current_thread() is threading.main_thread())
        return 42

    ops.Op(work).success(label.show_result).run()
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=30000)
    assert label.text() == "42" and seen == [False]


def test_a_window_closed_while_its_work_runs_gets_no_callback(qtbot: QtBot) -> None:
    label = _Shows()
    release = threading.Event()
    failures: list[Exception] = []

    def work() -> int:
        release.wait(5)
        return 7

    ops.Op(work).success(label.show_result).failure(failures.append).run()
    shiboken6.delete(label)  # the window is gone before the result is back
    release.set()
    # before the fix the success callback ran on the deleted label: RuntimeError in a Qt slot
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=30000)
    assert not shiboken6.isValid(label) and failures == []


def test_a_finished_operation_keeps_nothing_it_reached(qtbot: QtBot) -> None:
    """Once its result is delivered an operation holds neither its work, its result nor its
    callbacks: before, the thread pool kept every runnable, and through it every window, dialog
    and ledger a callback reached, for the rest of the process (1.8 GB by the end of the suite)."""

    class Payload:
        pass

    class Window(QLabel):
        def show_result(self, value: object) -> None:
            self.setText(type(value).__name__)

    window = Window()
    qtbot.addWidget(window)
    made: list[weakref.ref[Payload]] = []

    def work() -> Payload:
        payload = Payload()
        made.append(weakref.ref(payload))
        return payload

    op = ops.Op(work).success(window.show_result)
    op.run(lambda _busy, _label: None)
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=30000)
    assert window.text() == "Payload"
    gone = [made[0], weakref.ref(op), weakref.ref(window)]
    del op
    window.close()
    window.deleteLater()
    del window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the relay and the window
    gc.collect()
    assert [ref() for ref in gone] == [None, None, None]
