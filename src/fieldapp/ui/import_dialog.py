"""文件 → 导入困难户名单: a contact-household list from Excel, previewed before anything is written.

Choose a file → the importer's dry run shows the households it would create and the rows it
refuses with their reasons → 导入 imports them → the result. 重新读取 reads the same file again
after the cadre corrected it in Excel; households already imported are recognised by ID number
and not imported twice (services/importer.py). The widgets call the importer only, off the GUI
thread (`ops.Op`). The households imported are paired with this computer's current cadre, as a
household created in the app is (and as `fieldapp import-households --cadre` does).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.divisions import divisions
from fieldapp.domain.errors import FieldProblem, ValidationError
from fieldapp.services import settings as ledger_settings
from fieldapp.services.importer import ImportReport, RowProblem, import_households
from fieldapp.storage.db import Database
from fieldapp.ui import domain_text, messages
from fieldapp.ui.household_list import mask_id, short_village
from fieldapp.ui.ops import Op

COL_LINE, COL_NAME, COL_ID, COL_VILLAGE, COL_MEMBERS = range(5)


def _table(parent: QWidget, name: str, headers: list[str], stretch: int = -1) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside it)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tip:
        item.setToolTip(tip)
    return item


def _stamp(path: Path) -> tuple[int, int] | None:
    """When the file was last saved and its size: a file changed after its preview is read again."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _labelled(part: str) -> tuple[str, str] | None:
    """("身份证号", "校验位错误…") of a part "身份证号：校验位错误…"; None when the part is a
    sentence of its own (the text before its first "：" is not a field's short name)."""
    label, sep, problem = part.partition("：")
    if sep and label and len(label) <= 12 and "“" not in label:
        return label, problem
    return None


def reason_text(reason: str) -> str:
    """A rejected row's reason ("字段：问题；字段：问题") in the chosen language.

    The problems are separated by "；", but a problem may itself hold a "；" ("…不一致：…；请核对后
    重新导入"): a part that does not start with a field's name belongs to the problem before it."""
    problems: list[str] = []
    for part in reason.split("；"):
        if problems and _labelled(part) is None:
            problems[-1] += "；" + part
        else:
            problems.append(part)
    shown = []
    for p in problems:
        labelled = _labelled(p)
        if labelled is not None:
            shown.append(domain_text.problem(FieldProblem("", *labelled)))
        else:
            shown.append(domain_text.message(p))
    return "；".join(shown)


class ImportDialog(QDialog):
    imported = Signal()  # households were written: the workbench reloads
    shown = Signal()  # a preview, a result or a failure is on screen (tests wait for it)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入困难户名单"))
        self.db = db
        self.path: Path | None = None
        self.preview: ImportReport | None = None
        self.outcome: ImportReport | None = None
        self.running = False
        self.preview_stamp: tuple[int, int] | None = None
        self.changed_since_preview = False
        self.choose_file: Callable[[], str] = self._ask_file  # tests put a path here

        intro = QLabel(
            self.tr(
                "从Excel或CSV文件导入联系户名单（每行一户，须有姓名和身份证号两列）。"
                "导入前先列出将导入的户和不能导入的行；改正后按“重新读取”，已导入的户不会重复。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.file_label = QLabel(self.tr("尚未选择文件"), self)
        self.file_label.setObjectName("importFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()

        self.good = _table(
            self,
            "importGood",
            [
                self.tr("行号"),
                self.tr("户主姓名"),
                self.tr("身份证号"),
                self.tr("村（社区）"),
                self.tr("人数"),
            ],
            stretch=COL_VILLAGE,
        )
        self.bad = _table(self, "importBad", [self.tr("行号"), self.tr("原因")])
        self.good_box = QGroupBox(self.tr("将导入的户"), self)
        QVBoxLayout(self.good_box).addWidget(self.good)
        self.bad_box = QGroupBox(self.tr("不能导入的行"), self)
        QVBoxLayout(self.bad_box).addWidget(self.bad)
        self.notes = _table(self, "importNotes", [self.tr("行号"), self.tr("提醒")])
        self.notes_box = QGroupBox(self.tr("提醒"), self)
        QVBoxLayout(self.notes_box).addWidget(self.notes)
        self.notes_box.hide()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.good_box)
        split.addWidget(self.bad_box)
        split.addWidget(self.notes_box)

        self.busy = QProgressBar(self)
        self.busy.setObjectName("importBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.busy_label = QLabel(self)
        self.busy_label.hide()

        self.choose_button = QPushButton(self.tr("选择文件(&O)…"), self)
        self.choose_button.setObjectName("importChoose")
        self.reread_button = QPushButton(self.tr("重新读取(&R)"), self)
        self.reread_button.setObjectName("importReread")
        self.reread_button.setToolTip(self.tr("在Excel中改正并保存文件后，重新读取同一文件"))
        self.import_button = QPushButton(self.tr("导入(&M)"), self)
        self.import_button.setObjectName("importRun")
        self.close_button = QPushButton(self.tr("关闭(&C)"), self)
        self.close_button.setObjectName("importClose")
        for b in (self.choose_button, self.reread_button, self.import_button, self.close_button):
            b.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.reread_button.clicked.connect(self.reread)
        self.import_button.clicked.connect(self.import_now)
        self.close_button.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_label)
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        for b in (self.reread_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.resize(900, 600)
        self._update_buttons()
        self.choose_button.setFocus()

    # --- steps -------------------------------------------------------------------------------
    def _ask_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择困难户名单"),
            "",
            self.tr("Excel或CSV文件 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)"),
        )
        return name

    def choose(self) -> None:
        name = self.choose_file()
        if name:
            self.path = Path(name)
            self.file_label.setText(self.tr("文件：%1").replace("%1", self.path.name))
            self.file_label.setToolTip(str(self.path))
            self.reread()

    def reread(self) -> None:
        """Read the file (again) and show what importing it would do; nothing is written."""
        path, db = self.path, self.db
        if path is None or self.running:
            return
        self.outcome = None
        self._start(self.tr("正在读取名单…"))

        def work() -> tuple[tuple[int, int] | None, ImportReport]:
            stamp = _stamp(path)  # before reading: a save while it is read counts as a change
            cadre_id = ledger_settings.current_cadre_id(db)  # the preview says what pairing would do
            return stamp, import_households(db, path, cadre_id=cadre_id, dry_run=True)

        Op(work, self.busy_label.text()).success(self._previewed).failure(self._failed).run()

    def import_now(self) -> None:
        path, db = self.path, self.db
        if path is None or self.preview is None or self.running:
            return
        if _stamp(path) != self.preview_stamp:  # saved again since the preview: show what it holds now
            self.changed_since_preview = True
            self.reread()
            return
        self._start(self.tr("正在导入…"))

        def work() -> ImportReport:
            return import_households(db, path, cadre_id=ledger_settings.current_cadre_id(db))

        Op(work, self.busy_label.text()).success(self._imported).failure(self._failed).run()

    # --- results -----------------------------------------------------------------------------
    def _start(self, label: str) -> None:
        self.running = True
        self.busy_label.setText(label)
        self.busy_label.show()
        self.busy.show()
        self._update_buttons()

    def _stop(self) -> None:
        self.running = False
        self.busy.hide()
        self.busy_label.hide()
        self._update_buttons()

    def _counts(self, text: str, report: ImportReport) -> str:
        """The first line of a preview or a result: households, already there, rows refused, members."""
        line = (
            text.replace("%1", str(report.imported))
            .replace("%2", str(report.already_present))
            .replace("%3", str(len(report.rejected)))
        )
        if report.members_imported:
            line += self.tr("家庭成员 %1 人。").replace("%1", str(report.members_imported))
        return line

    def _previewed(self, result: tuple[tuple[int, int] | None, ImportReport]) -> None:
        self._stop()
        self.preview_stamp, report = result
        self.preview = report
        self._show_report(report)
        self.good_box.setTitle(self.tr("将导入的户（%1 户）").replace("%1", str(len(report.households))))
        lines = [self._counts(self.tr("将导入 %1 户，已导入过 %2 户，不能导入 %3 行。"), report)]
        if report.rejected:
            lines.append(self.tr("可以先导入其余的户；改正不能导入的行并保存文件后，按“重新读取”。"))
        if not self._importable(report):
            lines.append(self.tr("没有要导入的户。"))
        if self.changed_since_preview:
            self.changed_since_preview = False
            lines.insert(0, self.tr("文件在预览之后又改动过，已重新读取；请核对后再按“导入”。"))
        self._say("\n".join(lines), error=False)
        self._update_buttons()
        (self.import_button if self.import_button.isEnabled() else self.reread_button).setFocus()
        self.shown.emit()

    def _imported(self, report: ImportReport) -> None:
        self._stop()
        self.outcome = report
        self.preview = None
        self._show_report(report)
        self.good_box.setTitle(self.tr("已导入的户（%1 户）").replace("%1", str(len(report.households))))
        lines = [self._counts(self.tr("已导入 %1 户，已导入过 %2 户，未导入 %3 行。"), report)]
        if report.rejected:
            lines.append(self.tr("改正未导入的行并保存文件后，按“重新读取”再导入；已导入的户不会重复。"))
        self._say("\n".join(lines), error=False)
        self._update_buttons()
        (self.reread_button if report.rejected else self.close_button).setFocus()
        if report.imported or report.members_imported:
            self.imported.emit()
        self.shown.emit()

    def _failed(self, error: Exception) -> None:
        self._stop()
        self.preview = None
        self.good.setRowCount(0)
        self.bad.setRowCount(0)
        self.notes_box.hide()
        if isinstance(error, ValidationError):  # the whole file: unreadable, no header…
            text = "\n".join(domain_text.problem(p) for p in error.problems)
        else:
            text = messages.error_text(error)
        self._say(self.tr("未能读取这个文件：%1").replace("%1", text), error=True)
        self._update_buttons()
        self.choose_button.setFocus()
        self.shown.emit()

    def _show_report(self, report: ImportReport) -> None:
        index = divisions()
        self.good.setRowCount(len(report.households))
        for r, h in enumerate(report.households):
            village = index.full_name(h.village_code) if h.village_code else ""
            cells = (
                _item(str(h.line)),
                _item(h.head_name),
                _item(mask_id(h.id_number)),
                _item(short_village(village) or self.tr("（待补充）"), village),
                _item(str(h.members)),
            )
            for c, item in enumerate(cells):
                self.good.setItem(r, c, item)
        self._show_rejected(report.rejected)
        self._show_notes(report)

    def _show_notes(self, report: ImportReport) -> None:
        """Warnings (a row twice in the list, a name differing from the registered one…) and the
        columns the importer did not recognise."""
        rows = [(self._where(p), reason_text(p.reason)) for p in report.warnings]
        if report.unknown_columns:
            rows.insert(
                0, ("", self.tr("未识别的列（已忽略）：%1").replace("%1", "、".join(report.unknown_columns)))
            )
        self.notes_box.setTitle(self.tr("提醒（%1 条）").replace("%1", str(len(rows))))
        self.notes.setRowCount(len(rows))
        for r, (where, text) in enumerate(rows):
            self.notes.setItem(r, 0, _item(where))
            self.notes.setItem(r, 1, _item(text, text))
        self.notes.resizeRowsToContents()
        self.notes_box.setVisible(bool(rows))

    def _where(self, p: RowProblem) -> str:
        if p.sheet:
            return self.tr("“%1”表第%2行").replace("%1", p.sheet).replace("%2", str(p.line))
        return str(p.line)

    def _show_rejected(self, rejected: list[RowProblem]) -> None:
        self.bad_box.setTitle(self.tr("不能导入的行（%1 行）").replace("%1", str(len(rejected))))
        self.bad.setRowCount(len(rejected))
        for r, p in enumerate(rejected):
            reason = reason_text(p.reason)
            self.bad.setItem(r, 0, _item(self._where(p)))
            self.bad.setItem(r, 1, _item(reason, reason))
        self.bad.resizeRowsToContents()

    def _say(self, text: str, *, error: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020;" if error else "")
        self.summary.show()

    @staticmethod
    def _importable(report: ImportReport) -> bool:
        return bool(report.households or report.members_imported)

    def _update_buttons(self) -> None:
        idle = not self.running
        self.choose_button.setEnabled(idle)
        self.reread_button.setEnabled(idle and self.path is not None)
        self.import_button.setEnabled(idle and self.preview is not None and self._importable(self.preview))
