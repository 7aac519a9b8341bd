"""File → 打印: choose a form for the current household, preview it, log it when it leaves.

Only imported when `ui/print_preview.py` and the printing package are present, so the
workbench runs without them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.printing.engine import RenderedPdf
from fieldapp.printing.template import FormTemplate
from fieldapp.services import printing
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui.ops import Op
from fieldapp.ui.print_preview import PrintPreviewDialog


def form_label(template: FormTemplate) -> str:
    """What a form is called on screen: its title, else its description (the contact card has
    a title on each card, none of its own: it showed as a blank entry and "打印预览 — ")."""
    return template.title or template.description or template.name


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
                self.form.addItem(form_label(t), t.name)
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
        name = str(self.form.currentData())
        job = RecordPreview(
            self.db,
            name,
            self.household_id,
            self.form.currentText(),
            self.printed_by,
            self.copies,
            outward=name in self.outward,
            parent=self.parentWidget() or self,
        )
        job.ready.connect(self._ready)
        self.accept()
        job.start()

    def _ready(self, dialog: PrintPreviewDialog) -> None:
        self.preview = dialog


class RecordPreview(QObject):
    """One form of one record (a household, a visit, a referral): rendered off the GUI thread,
    previewed, and logged when it leaves — with the reveal of full numbers audited."""

    ready = Signal(object)  # the PrintPreviewDialog, once open

    def __init__(
        self,
        db: Database,
        form: str,
        record_id: str,
        title: str,
        printed_by: str,
        copies: int,
        *,
        outward: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.db, self.form, self.record_id, self.title = db, form, record_id, title
        self.printed_by, self.copies, self.outward = printed_by, copies, outward
        self.preview: PrintPreviewDialog | None = None
        self._shown: RenderedPdf | None = None  # masked, or in full once revealed

    def start(self) -> None:
        db, name, rid = self.db, self.form, self.record_id

        def work() -> tuple[RenderedPdf, list[str]]:
            pdf = printing.render_form(db, name, rid)
            return pdf, printing.form_problems(db, name) + printing.glyph_notes(pdf)

        parent = self.parent()
        assert isinstance(parent, QWidget)
        Op(work, self.tr("正在生成表格…")).success(self._show).failure(
            lambda e: messages.show_error(parent, e, self.tr("表格未能生成"))
        ).run()

    def _rerender(self, reveal: bool) -> bytes:
        self._shown = printing.render_form(self.db, self.form, self.record_id, reveal=reveal)
        if reveal:  # on screen counts as revealed, printed or not
            printing.log_preview_reveal(self.db, self.form, self.record_id, shown_by=self.printed_by)
        return self._shown.data

    def _show(self, result: tuple[RenderedPdf, list[str]]) -> None:
        pdf, problems = result
        self._shown = pdf
        parent = self.parent()
        assert isinstance(parent, QWidget)
        dialog = PrintPreviewDialog(pdf.data, self.title, parent, copies=self.copies)
        dialog.show_notes(problems)
        if self.outward:
            dialog.offer_reveal(self._rerender)
        dialog.documentOutput.connect(lambda destination, copies: self._log(dialog, destination, copies))
        self.preview = dialog
        dialog.open()
        self.ready.emit(dialog)

    def _log(self, dialog: PrintPreviewDialog, destination: str, copies: int) -> None:
        """The print record; with full numbers shown, also the reveal (audited)."""
        assert self._shown is not None
        try:
            printing.log_print(
                self.db,
                self.form,
                self.record_id,
                self._shown,
                printed_by=self.printed_by,
                destination=destination,
                copies=copies,
                revealed=dialog.revealed,
            )
        except Exception as e:
            messages.show_error(dialog, e, self.tr("打印记录未能保存"))


def preview_record(
    db: Database, form: str, record_id: str, printed_by: str, parent: QWidget, copies: int | None = None
) -> RecordPreview:
    """Preview `form` for one record (e.g. the referral slip of a referral); returns the job.
    `copies` defaults to the template's (a slip: one; the registration: 一式三份)."""
    template = printing.template_for(db, form)
    job = RecordPreview(
        db,
        form,
        record_id,
        form_label(template),
        printed_by,
        template.copies if copies is None else copies,
        outward=template.outward,
        parent=parent,
    )
    job.start()
    return job
