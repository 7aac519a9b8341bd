"""The right-hand side of the workbench: to-do list, re-survey progress, pairing indicator."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import clock
from fieldapp.ui import vocab_text

if TYPE_CHECKING:  # imported lazily: the window shows before the database layer is loaded
    from fieldapp.services.cadres import PairingStatus
    from fieldapp.services.todo import CadrePairing, ResurveyProgress, TodoItem, WaitingDraft


@dataclass(frozen=True)
class DashboardData:
    todo: list[TodoItem]
    progress: ResurveyProgress
    me: PairingStatus | None
    cadres: list[CadrePairing]
    drafts: list[WaitingDraft] = field(default_factory=list)


class Dashboard(QWidget):
    """Emits `householdRequested(household id, referral id or "")` when a to-do is opened."""

    householdRequested = Signal(str, str)
    draftRequested = Signal(str, str, str)  # kind, household id, record id: finish the draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.me = QLabel(self)
        self.me.setObjectName("myPairing")
        self.me.setWordWrap(True)
        self.cadres = QListWidget(self)
        self.cadres.setObjectName("cadrePairings")
        self.cadres.setMaximumHeight(110)
        pairing_box = QGroupBox(self.tr("结对情况（每名干部2–4户）"), self)
        pl = QVBoxLayout(pairing_box)
        pl.addWidget(self.me)
        pl.addWidget(self.cadres)

        self.period = QLabel(self)
        self.period.setObjectName("resurveyPeriod")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("resurveyBar")
        self.bar.setFormat("%v / %m")
        self.remaining = QLabel(self)
        self.remaining.setObjectName("resurveyRemaining")
        self.remaining.setWordWrap(True)
        resurvey_box = QGroupBox(self.tr("再摸底进度"), self)
        rl = QVBoxLayout(resurvey_box)
        rl.addWidget(self.period)
        rl.addWidget(self.bar)
        rl.addWidget(self.remaining)

        self.todo = QListWidget(self)
        self.todo.setObjectName("todoList")
        self.todo.setAlternatingRowColors(True)
        self.todo.setWordWrap(True)
        self.todo_box = QGroupBox(self.tr("待办"), self)
        tl = QVBoxLayout(self.todo_box)
        tl.addWidget(self.todo)
        self.todo.itemActivated.connect(self._open)
        self.todo.itemDoubleClicked.connect(self._open)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.todo_box, 1)
        layout.addWidget(resurvey_box)
        layout.addWidget(pairing_box)

    def show_data(self, data: DashboardData) -> None:
        self._show_todo(data.todo)
        self._show_drafts(data.drafts)
        p = data.progress
        period = (
            self.tr("走访期：%1 至 %2").replace("%1", p.start.isoformat()).replace("%2", p.end.isoformat())
        )
        if p.name:  # set by headquarters: its name, and the local start date no longer applies
            period = self.tr("%1（市总工会安排）").replace("%1", p.name) + "\n" + period
        overdue = p.overdue(clock.today())
        if overdue:
            period += "\n" + self.tr("已过走访期，仍有 %1 户未入户走访").replace("%1", str(overdue))
        self.period.setText(period)
        self.period.setStyleSheet("color: #c62828;" if overdue else "")
        self.bar.setMaximum(max(p.total, 1))
        self.bar.setValue(p.visited)
        self.remaining.setText(
            self.tr("已入户走访 %1 户，待走访 %2 户")
            .replace("%1", str(p.visited))
            .replace("%2", str(p.remaining))
        )
        if data.me is not None:
            ok = data.me.warning is None
            self.me.setText(
                self.tr("我（%1）已结对 %2 户")
                .replace("%1", data.me.cadre_name)
                .replace("%2", str(data.me.active))
                + ("　✓ " + self.tr("符合要求") if ok else "　⚠ " + (data.me.warning or ""))
            )
            self.me.setStyleSheet("color: #2e7d32;" if ok else "color: #b26a00;")
        else:
            self.me.setText(self.tr("尚未设置“我是哪位干部”：在 设置 → 干部信息 中填写姓名。"))
            self.me.setStyleSheet("color: #b26a00;")
        self.cadres.clear()
        for c in data.cadres:
            mark = "✓" if c.warning is None else "⚠"
            item = QListWidgetItem(
                f"{mark} {c.cadre_name}　{c.active} "
                + self.tr("户")
                + (f"　{c.warning}" if c.warning else "")
            )
            if c.warning:
                item.setForeground(QBrush(QColor("#b26a00")))
            self.cadres.addItem(item)

    def _show_todo(self, items: list[TodoItem]) -> None:
        self.todo.clear()
        overdue = sum(1 for i in items if i.overdue)
        self.todo_box.setTitle(
            self.tr("待办（%1 项，其中逾期 %2 项）")
            .replace("%1", str(len(items)))
            .replace("%2", str(overdue))
        )
        if not items:
            self.todo.addItem(self.tr("没有到期的走访和转介跟进。"))
            return
        for i in items:
            what = self.tr("走访") if i.kind == "visit" else self.tr("跟进")
            if i.overdue_days > 0:
                when = self.tr("逾期 %1 天").replace("%1", str(i.overdue_days))
                colour = "#c62828"
            elif i.overdue_days == 0:
                when = self.tr("今天到期")
                colour = "#b26a00"
            else:
                when = self.tr("%1 天后到期").replace("%1", str(-i.overdue_days))
                colour = "#1565c0"
            title = todo_title(i)
            item = QListWidgetItem(f"【{what}】{i.head_name}　{when}（{_md(i.due)}）\n{title}")
            item.setForeground(QBrush(QColor(colour)))
            item.setData(Qt.ItemDataRole.UserRole, (i.household_id, i.referral_id or ""))
            item.setToolTip(title)
            self.todo.addItem(item)

    def _show_drafts(self, waiting: list[WaitingDraft]) -> None:
        """Unsaved forms first in the list: opening one brings the form back with its text."""
        if waiting and not self.todo.item(0).data(Qt.ItemDataRole.UserRole):
            self.todo.takeItem(0)  # "nothing due" — but a draft is waiting
        names = {
            "visit": self.tr("走访记录"),
            "referral": self.tr("转介"),
            "household": self.tr("困难户信息"),
            "member": self.tr("家庭成员"),
            "relief": self.tr("救助发放"),
            "consent": self.tr("同意登记"),
            "assessment": self.tr("困难评定"),
        }
        for row, d in enumerate(waiting):
            what = names.get(d.kind, d.kind)
            when = d.updated_at.astimezone().strftime("%m-%d %H:%M")
            item = QListWidgetItem(
                self.tr("【草稿】%1　%2未保存（%3）\n回车或双击继续填写")
                .replace("%1", d.head_name or self.tr("新建困难户"))
                .replace("%2", what)
                .replace("%3", when)
            )
            item.setForeground(QBrush(QColor("#6a3fb3")))
            item.setData(Qt.ItemDataRole.UserRole, (d.household_id, d.record_id, d.kind))
            self.todo.insertItem(row, item)

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data and len(data) == 3:
            self.draftRequested.emit(str(data[2]), str(data[0]), str(data[1]))
        elif data:
            self.householdRequested.emit(str(data[0]), str(data[1]))

    def items_text(self) -> list[str]:
        return [self.todo.item(i).text() for i in range(self.todo.count())]


def todo_title(item: TodoItem) -> str:
    """A 待办 line's second line in the chosen language, built from the item's fields (the
    referral kind and status are vocabulary; the receiving body is data and stays as written)."""
    if item.kind == "visit":
        if item.last_visit is None:
            return QCoreApplication.translate("Dashboard", "尚未走访")
        return QCoreApplication.translate("Dashboard", "上次走访 %1").replace(
            "%1", item.last_visit.isoformat()
        )
    return (
        QCoreApplication.translate("Dashboard", "转介跟进：%1（%2，%3）")
        .replace("%1", vocab_text.shown(item.referral_kind))
        .replace("%2", vocab_text.label(item.referral_status))
        .replace("%3", item.receiving_body)
    )


def _md(day: dt.date) -> str:
    return day.isoformat()
