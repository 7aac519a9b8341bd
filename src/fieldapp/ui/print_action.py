"""File → 打印: choose a form for the current household, preview it, log it when it leaves.

Only imported when `ui/print_preview.py` and the printing package are present, so the
workbench runs without them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.printing.engine import RenderedPdf
from fieldapp.services import printing
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui.ops import Op
from fieldapp.ui.print_preview import PrintPreviewDialog


class PrintChooser(QDialog):
    """Pick one of the household forms; `previewReady` opens the preview when rendered."""

    def __init__(
        self, db: Database, household_id: str, head_name: str, printed_by: str, copies: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.printed_by = printed_by
        self.copies = copies
        self.preview: PrintPreviewDialog | None = None
        self.setObjectName("printChooser")
        self.setWindowTitle(self.tr("打印 — %1").replace("%1", head_name))
        self.form = QComboBox(self)
        self.form.setObjectName("printForm")
        names = set(printing.household_forms())
        for t in printing.list_forms():
            if t.name in names:
                self.form.addItem(t.title, t.name)
        form = QFormLayout()
        form.addRow(self.tr("表格(&F)"), self.form)
        hint = QLabel(self.tr("先预览，再打印或另存为PDF；每次输出都会记录。"), self)
        hint.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("预览(&P)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.make_preview)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def make_preview(self) -> None:
        db, hid, name = self.db, self.household_id, str(self.form.currentData())
        title = self.form.currentText()
        parent = self.parentWidget()
        self.accept()

        def show(pdf: RenderedPdf) -> None:
            dialog = PrintPreviewDialog(pdf.data, title, parent, copies=self.copies)
            dialog.documentOutput.connect(
                lambda destination, copies: printing.log_print(
                    db, name, hid, pdf, printed_by=self.printed_by, destination=destination, copies=copies
                )
            )
            self.preview = dialog
            dialog.open()

        Op(lambda: printing.render_form(db, name, hid), self.tr("正在生成表格…")).success(show).failure(
            lambda e: messages.show_error(parent, e, self.tr("表格未能生成"))
        ).run()
