"""Placeholder main window: the household list, until the workbench issue lands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from fieldapp.services.households import HouseholdRow


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, rows: list[HouseholdRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._headers = [self.tr("户主"), self.tr("所在村（社区）"), self.tr("困难类别"), self.tr("结对干部")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        values = [
            row.head_name,
            row.village_name or self.tr("（待补充）"),
            row.category,
            "、".join(row.cadre_names),
        ]
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, rows: list[HouseholdRow], data_path: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("工会结对帮扶台账"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        heading = QLabel(self.tr("我的结对困难户（共 %n 户）", "", len(rows)), central)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSize(font.pointSize() + 4)
        heading.setFont(font)
        layout.addWidget(heading)
        self.table = QTableView(central)
        self.table.setModel(HouseholdTableModel(rows, self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("数据文件：%1").replace("%1", data_path))
        self.resize(900, 600)
