"""Every window fits the screen it opens on: the cadres' laptops are 1366×768 with a taskbar.

`install()` puts one application-wide event filter in place; when a top-level window is shown
it is shrunk to the screen's available geometry (`QScreen.availableGeometry()` of its parent's
screen: the taskbar excluded) and moved inside it, so the action buttons at the bottom of a tall
print preview are never below the edge of the screen. `available_area` is the one place that
asks Qt for that geometry (tests replace it to stand for a 1366×728 screen).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

# Room for the window manager's title bar and border before the window is mapped (its frame
# is known only afterwards): Windows 7 to 11 and the common Linux desktops stay under this.
FRAME_ALLOWANCE = (16, 40)  # width, height


def _available_area(widget: QWidget) -> QRect:
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


# Replaced in tests: widget -> the available geometry of the screen it opens on.
available_area: Callable[[QWidget], QRect] = _available_area

# Off for `fieldapp.ui.screenshots`, which draws windows at an exact size with no real screen.
enabled = True


def _frame(widget: QWidget) -> tuple[int, int]:
    """The frame's extra width and height: measured once mapped, else the allowance."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = (frame.width() - inner.width(), frame.height() - inner.height())
    return extra if widget.isVisible() and any(extra) else FRAME_ALLOWANCE


def fit_to_screen(widget: QWidget, area: QRect | None = None) -> None:
    """Shrink `widget` (a top-level window) into `area` and move it inside, title bar included."""
    area = area if area is not None else available_area(widget)
    extra_w, extra_h = _frame(widget)
    max_w, max_h = max(area.width() - extra_w, 200), max(area.height() - extra_h, 200)
    if widget.width() > max_w or widget.height() > max_h:
        widget.resize(min(widget.width(), max_w), min(widget.height(), max_h))
    side = extra_w // 2  # left, right and bottom border; the title bar is the rest of the height
    top = extra_h - side
    x = max(min(widget.x(), area.right() + 1 - side - widget.width()), area.left() + side)
    y = max(min(widget.y(), area.bottom() + 1 - side - widget.height()), area.top() + top)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


class _FitOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            enabled
            and event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() in _FITTED
        ):
            fit_to_screen(watched)
        return False


_FITTED = (Qt.WindowType.Window, Qt.WindowType.Dialog)  # menus and popups fit themselves


def install(app: QApplication | None = None) -> None:
    """Fit every window shown from now on (once per application; later calls do nothing)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None or app.property("fieldappFitsScreen"):
        return
    app.setProperty("fieldappFitsScreen", True)
    app.installEventFilter(_FitOnShow(app))
