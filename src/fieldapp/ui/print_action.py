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
        self.outward: set[str] = set()  # forms that leave the union: numbers masked unless revealed
        self.setObjectName("printChooser")
        self.setWindowTitle(self.tr("打印 — %1").replace("%1", head_name))
        self.form = QComboBox(self)
        self.form.setObjectName("printForm")
        names = set(printing.household_forms(db))  # headquarters' templates count
        for t in printing.list_forms(db):
            if t.name in names:
                self.form.addItem(t.title, t.name)
                if t.outward:
                    self.outward.add(t.name)
        form = QFormLayout()
        form.addRow(self.tr("表格(&F)"), self.form)
        hint = QLabel(self.tr("先预览，再打印或另存为PDF；每次输出都会记录。"), self)
        hint.setStyleSheet("color: #666;")
        self.problems = QLabel("\n".join(printing.form_problems(db)), self)
        self.problems.setObjectName("printProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b26a00;")
        self.problems.setVisible(bool(self.problems.text()))
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
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def make_preview(self) -> None:
        db, hid, name = self.db, self.household_id, str(self.form.currentData())
        title = self.form.currentText()
        outward = name in self.outward
        parent = self.parentWidget()
        self.accept()

        def show(result: tuple[RenderedPdf, list[str]]) -> None:
            pdf, problems = result
            shown = [pdf]  # the document in the preview: masked, or in full once revealed

            def rerender(reveal: bool) -> bytes:
                shown[0] = printing.render_form(db, name, hid, reveal=reveal)
                return shown[0].data

            dialog = PrintPreviewDialog(pdf.data, title, parent, copies=self.copies)
            dialog.show_notes(problems)
            if outward:
                dialog.offer_reveal(rerender)
            dialog.documentOutput.connect(
                lambda destination, copies: self._log(dialog, name, shown[0], destination, copies)
            )
            self.preview = dialog
            dialog.open()

        def work() -> tuple[RenderedPdf, list[str]]:
            return printing.render_form(db, name, hid), printing.form_problems(db, name)

        Op(work, self.tr("正在生成表格…")).success(show).failure(
            lambda e: messages.show_error(parent, e, self.tr("表格未能生成"))
        ).run()

    def _log(
        self, dialog: PrintPreviewDialog, name: str, pdf: RenderedPdf, destination: str, copies: int
    ) -> None:
        """The print record; with full numbers shown, also the reveal (audited)."""
        try:
            printing.log_print(
                self.db,
                name,
                self.household_id,
                pdf,
                printed_by=self.printed_by,
                destination=destination,
                copies=copies,
                revealed=dialog.revealed,
            )
        except Exception as e:
            messages.show_error(dialog, e, self.tr("打印记录未能保存"))
