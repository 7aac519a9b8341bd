"""Work off the GUI thread (after Anki's operations): `Op(fn).success(cb).failure(cb).run(parent)`.

The function runs on the global QThreadPool; its result or exception comes back to the GUI
thread through a queued signal. A busy indicator appears only when the work takes longer than
half a second, so quick saves do not flicker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

R = TypeVar("R")

BUSY_AFTER_MS = 500


def _ignore(_value: object) -> None:
    pass


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the queued slots run the callbacks there."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[object], None], on_failed: Callable[[object], None]) -> None:
        super().__init__()
        self._cb_done = on_done
        self._cb_failed = on_failed
        self.done.connect(self._handle_done)
        self.failed.connect(self._handle_failed)

    def release(self) -> None:
        """Drop the callbacks once the result is delivered (they reach the window that asked)."""
        self._cb_done = self._cb_failed = _ignore

    @Slot(object)
    def _handle_done(self, result: object) -> None:
        self._cb_done(result)

    @Slot(object)
    def _handle_failed(self, error: object) -> None:
        self._cb_failed(error)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            try:
                result = self._fn()
            except Exception as e:
                self._relay.failed.emit(e)
            else:
                self._relay.done.emit(result)
        except RuntimeError:  # the application quit while this ran: nobody is waiting for it
            pass


def _receiver_alive(cb: Callable[..., object] | None) -> bool:
    """False when the callback is a method of a widget that was closed and deleted meanwhile
    (a window closed while its background work ran): its result has nowhere to go."""
    owner = getattr(cb, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


_running: set[_Relay] = set()
_runnables: dict[_Relay, _Runnable] = {}


class Op(Generic[R]):
    """One background operation; `busy(show, label)` is called if it runs for over 0.5 s."""

    def __init__(self, fn: Callable[[], R], label: str = "") -> None:
        self._fn = fn
        self.label = label
        self._on_success: Callable[[R], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None

    def success(self, cb: Callable[[R], None]) -> Op[R]:
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[Exception], None]) -> Op[R]:
        self._on_failure = cb
        return self

    def run(self, busy: Callable[[bool, str], None] | None = None) -> None:
        timer = QTimer()
        timer.setSingleShot(True)

        def finish() -> None:
            timer.stop()
            if busy is not None and _receiver_alive(busy):  # not on a window deleted meanwhile
                busy(False, self.label)
            _running.discard(relay)
            _runnables.pop(relay, None)
            # The pool keeps every runnable and so its relay (not auto-deleted, see below): the
            # relay lets go of the callbacks, or the window, dialogs and ledger they reach stay in
            # memory for the rest of the process. (The work itself stays: freeing it here or on the
            # worker thread made PySide 6.12 abort at interpreter exit.)
            relay.release()
            relay.deleteLater()

        def on_done(result: object) -> None:
            finish()
            if self._on_success is not None and _receiver_alive(self._on_success):
                self._on_success(result)  # type: ignore[arg-type]

        def on_failed(error: object) -> None:
            finish()
            if (
                self._on_failure is not None
                and isinstance(error, Exception)
                and _receiver_alive(self._on_failure)
            ):
                self._on_failure(error)

        relay = _Relay(on_done, on_failed)
        timer.setParent(relay)
        _running.add(relay)
        if busy is not None:
            timer.timeout.connect(lambda: _receiver_alive(busy) and busy(True, self.label))
        timer.start(BUSY_AFTER_MS)
        runnable = _Runnable(self._fn, relay)
        # Python keeps the runnable alive until its result is back: a pool-deleted wrapper
        # crashes PySide at interpreter exit.
        runnable.setAutoDelete(False)
        _runnables[relay] = runnable
        QThreadPool.globalInstance().start(runnable)


def pending() -> int:
    """How many operations have not reported back yet (tests wait for 0)."""
    return len(_running)
