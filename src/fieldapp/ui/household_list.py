"""The household list: search-as-you-type, filters and sorting over an in-memory index.

ID and phone numbers are shown masked; a click on one reveals it for that row and asks the main
window (`revealRequested`) to write the audit entry. Locking the app masks them all again.

The model keeps every row and a list of the visible positions; typing recomputes that list from
`services.search.SearchIndex` (a few milliseconds for 10,000 households) and sorting is a Python
sort on the visible rows, so no per-row Qt callback runs on a keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import vocab
from fieldapp.domain.divisions import divisions
from fieldapp.services.search import SearchIndex
from fieldapp.ui import vocab_text

if TYPE_CHECKING:
    from fieldapp.services.households import HouseholdRow

NOT_ASSESSED = "未评定"
CATEGORY_COLOURS = {
    vocab.HardshipCategory.DEEP.value: "#b3261e",
    vocab.HardshipCategory.RELATIVE.value: "#b26a00",
    vocab.HardshipCategory.ACCIDENTAL.value: "#6a3fb3",
}

COL_NAME, COL_ID, COL_PHONE, COL_VILLAGE, COL_CATEGORY, COL_CAUSE, COL_CADRES, COL_MEMBERS = range(8)


def mask_id(number: str) -> str:
    """Only the region and the last four characters are shown in lists (PIPL: minimum exposure)."""
    return f"{number[:6]}********{number[-4:]}" if len(number) == 18 else number


def short_village(name: str) -> str:
    return name.removeprefix(divisions().prefix)


def local_phone(phone: str) -> str:
    return phone.removeprefix("+86")


def masked_phone(phone: str) -> str:
    """138****1234: enough to recognise a number, not to dial it (PIPL: minimum exposure)."""
    if not phone:
        return ""
    global _mask_phone
    if _mask_phone is None:  # domain.phone loads phonenumbers: not before the window is up
        from fieldapp.domain.phone import mask_phone

        _mask_phone = mask_phone
    return _mask_phone(phone)


_mask_phone: Callable[[str], str] | None = None


REVEAL_ID = "id"
REVEAL_PHONE = "phone"
_DISPLAY = Qt.ItemDataRole.DisplayRole


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HouseholdRow] = []
        self._index = SearchIndex.build([])
        self._visible: list[int] = []
        self._query = ""
        self._category = ""
        self._cause: int | None = None
        self._cadre = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._revealed: set[tuple[str, str]] = set()  # (household id, REVEAL_ID | REVEAL_PHONE)
        self._texts: dict[int, tuple[str, ...]] = {}  # display texts by row position, made once
        self._headers = [
            self.tr("户主"),
            self.tr("身份证号"),
            self.tr("联系电话"),
            self.tr("所在村（社区）"),
            self.tr("困难类别"),
            self.tr("主要致困原因"),
            self.tr("结对干部"),
            self.tr("人口"),
        ]

    # --- data -----------------------------------------------------------------------------
    def set_rows(self, rows: list[HouseholdRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._texts = {}
        self._index = SearchIndex.build(rows)
        self._visible = self._compute()
        self.endResetModel()

    def row_at(self, row: int) -> HouseholdRow:
        return self._rows[self._visible[row]]

    def row_of(self, household_id: str) -> int:
        for i, pos in enumerate(self._visible):
            if self._rows[pos].id == household_id:
                return i
        return -1

    def reveal(self, row: int, what: str) -> bool:
        """Show one row's full ID or phone number; False when there is nothing masked to show."""
        r = self.row_at(row)
        number = r.head_id_number if what == REVEAL_ID else r.phone
        if not number or (r.id, what) in self._revealed:
            return False
        self._revealed.add((r.id, what))
        col = COL_ID if what == REVEAL_ID else COL_PHONE
        self.dataChanged.emit(self.index(row, col), self.index(row, col))
        return True

    def is_revealed(self, household_id: str, what: str) -> bool:
        return (household_id, what) in self._revealed

    def mask_all(self) -> None:
        self._revealed.clear()
        if self._visible:
            self.dataChanged.emit(self.index(0, COL_ID), self.index(len(self._visible) - 1, COL_PHONE))

    @property
    def total(self) -> int:
        return len(self._rows)

    def all_rows(self) -> list[HouseholdRow]:
        return list(self._rows)

    # --- filtering and sorting --------------------------------------------------------------
    def set_filter(
        self,
        *,
        query: str | None = None,
        category: str | None = None,
        cause: int | bool | None = False,
        cadre: str | None = None,
    ) -> None:
        if query is not None:
            self._query = query
        if category is not None:
            self._category = category
        if cause is not False:
            self._cause = cause if isinstance(cause, int) and not isinstance(cause, bool) else None
        if cadre is not None:
            self._cadre = cadre
        self.layoutAboutToBeChanged.emit()
        self._visible = self._compute()
        self.layoutChanged.emit()

    def _compute(self) -> list[int]:
        positions = self._index.search(self._query)
        if self._category or self._cause is not None or self._cadre:
            rows = self._rows
            positions = [p for p in positions if self._passes(rows[p])]
        if self._sort_column >= 0:
            rows = self._rows
            col = self._sort_column
            positions.sort(
                key=lambda p: self._sort_key(rows[p], col),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        return positions

    def _passes(self, row: HouseholdRow) -> bool:
        if self._category:
            if self._category == NOT_ASSESSED:
                if row.category:
                    return False
            elif row.category != self._category:
                return False
        if self._cause is not None and row.main_cause != self._cause:
            return False
        return not (self._cadre and self._cadre not in row.cadre_names)

    @staticmethod
    def _sort_key(row: HouseholdRow, column: int) -> Any:
        if column == COL_NAME:
            return row.head_initials.split(" ")[0] if row.head_initials else row.head_name
        if column == COL_ID:
            return row.head_id_number
        if column == COL_PHONE:
            return row.phone
        if column == COL_VILLAGE:
            return row.village_code
        if column == COL_CATEGORY:
            return row.category
        if column == COL_CAUSE:
            return row.main_cause or 0
        if column == COL_CADRES:
            return row.cadre_names
        return row.member_count

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        self._visible = self._compute()
        self.layoutChanged.emit()

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        position = self._visible[index.row()]
        row = self._rows[position]
        col = index.column()
        if role == _DISPLAY:  # asked for every visible cell on every repaint: keep it cheap
            if col == COL_ID and (row.id, REVEAL_ID) in self._revealed:
                return row.head_id_number
            if col == COL_PHONE and (row.id, REVEAL_PHONE) in self._revealed:
                return local_phone(row.phone)
            texts = self._texts.get(position)
            if texts is None:
                texts = self._texts[position] = self._display_texts(row)
            return texts[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_CATEGORY and row.category in CATEGORY_COLOURS:
                return QBrush(QColor(CATEGORY_COLOURS[row.category]))
            if (col == COL_ID and not row.head_id_number) or (col == COL_PHONE and not row.phone):
                return QBrush(QColor("#8a8a8a"))
            if col == COL_VILLAGE and not row.village_name:
                return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_VILLAGE:
            return row.village_name
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_ID, COL_PHONE):
            what = REVEAL_ID if col == COL_ID else REVEAL_PHONE
            if (row.head_id_number if col == COL_ID else row.phone) and (row.id, what) not in self._revealed:
                return self.tr("单击显示完整号码（会记入审计记录）")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display_texts(self, row: HouseholdRow) -> tuple[str, ...]:
        """What the list shows of a row, masked (the texts of one row, built when first shown)."""
        return (
            row.head_name,
            mask_id(row.head_id_number) or self.tr("（待补充）"),
            masked_phone(row.phone) or self.tr("（待补充）"),
            short_village(row.village_name) or self.tr("（待补充）"),
            vocab_text.shown(row.category) if row.category else self.tr("未评定"),
            vocab_text.label(vocab.HardshipCause(row.main_cause)) if row.main_cause else "",
            "、".join(row.cadre_names) or self.tr("未结对"),
            str(row.member_count),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class HouseholdListPanel(QWidget):
    """Search box, filters and the table; emits `openRequested(household id)`."""

    openRequested = Signal(str)
    selectionChanged = Signal(str)
    revealRequested = Signal(str, str)  # household id, REVEAL_ID | REVEAL_PHONE: log it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HouseholdTableModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(
            self.tr("搜索：姓名、拼音首字母（如 zhs）、身份证号后几位、电话、村名")
        )
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("全部类别"), "")
        for c in vocab.HardshipCategory:
            self.category.addItem(vocab_text.label(c), c.value)
        self.category.addItem(self.tr("未评定"), NOT_ASSESSED)
        self.cause = QComboBox(self)
        self.cause.setObjectName("causeFilter")
        self.cause.addItem(self.tr("全部致困原因"), None)
        for cause in vocab.HardshipCause:
            self.cause.addItem(f"{int(cause)} {vocab_text.label(cause)}", int(cause))
        self.only_mine = QCheckBox(self.tr("只看我结对的"), self)
        self.count = QLabel(self)
        self.count.setObjectName("householdCount")

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.cause)
        filters.addWidget(self.only_mine)

        self.table = QTableView(self)
        self.table.setObjectName("householdTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((72, 150, 100, 250, 76, 120, 80, 44)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        # A search keystroke is answered at once; the timer only merges bursts of fast typing.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)
        self.category.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.cause.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.only_mine.toggled.connect(lambda _b: self._apply_filters())
        self.table.doubleClicked.connect(lambda idx: self.openRequested.emit(self.model.row_at(idx.row()).id))
        self.table.activated.connect(lambda idx: self.openRequested.emit(self.model.row_at(idx.row()).id))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)
        self._cadre_name = ""
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._focus_table)
        self._update_count()

    def set_cadre_name(self, name: str) -> None:
        self._cadre_name = name
        self.only_mine.setEnabled(bool(name))
        self._apply_filters()

    def set_rows(self, rows: list[HouseholdRow]) -> None:
        current = self.current_household_id()
        self.model.set_rows(rows)
        if current:
            self.select(current)
        self._update_count()

    def apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_filter(query=self.search.text())
        self._update_count()

    def _apply_filters(self) -> None:
        cause = self.cause.currentData()
        self.model.set_filter(
            category=self.category.currentData() or "",
            cause=int(cause) if cause is not None else None,
            cadre=self._cadre_name if self.only_mine.isChecked() else "",
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("显示 %1 户，共 %2 户")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.model.total))
        )

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _open_first(self) -> None:
        self.apply_search()
        if self.model.rowCount():
            row = max(self.table.currentIndex().row(), 0)
            self.openRequested.emit(self.model.row_at(row).id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.selectionChanged.emit(self.model.row_at(current.row()).id)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() in (COL_ID, COL_PHONE):
            what = REVEAL_ID if index.column() == COL_ID else REVEAL_PHONE
            if self.model.reveal(index.row(), what):
                self.revealRequested.emit(self.model.row_at(index.row()).id, what)

    def current_household_id(self) -> str | None:
        idx = self.table.currentIndex()
        return self.model.row_at(idx.row()).id if idx.isValid() else None

    def select(self, household_id: str) -> None:
        row = self.model.row_of(household_id)
        if row >= 0:
            self.table.selectRow(row)
