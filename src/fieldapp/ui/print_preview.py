"""Print preview: a generated form shown with QtPdf, printed through the system dialog or saved.

`PrintPreviewDialog(pdf_bytes_or_path, title)` is all a caller needs. The dialog never talks to
the database: when a document leaves the machine (sent to a printer or saved as a PDF file) it
emits `documentOutput(destination, copies)`, and the caller logs it through
`services.printing.log_print` — every printed document is recorded (PIPL).

An outward form (one that leaves the union: referral slip, contact card) is rendered with the
family's ID and phone numbers masked. `offer_reveal(rerender)` shows a checkbox that renders it
again in full; `revealed` then tells the caller to log the output with `revealed=True` (audited).
`show_notes` puts warnings above the document (a template headquarters sent that could not be
used here, for instance).

The system dialogs are reached through `ask_printer` and `ask_save_path`, which tests replace,
as with `ui.messages`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QThread,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPageSize, QPainter, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.printing.errors import PrintError
from fieldapp.services import batch_print, printing
from fieldapp.storage.db import Database
from fieldapp.ui import domain_text, messages, screen_fit

PRINT_DPI = 300  # enough for 9-pt Chinese and a QR code on any office printer


def _ask_printer_with_dialog(parent: QWidget | None, printer: QPrinter) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintPreview", "打印"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def _ask_save_path_with_dialog(parent: QWidget | None, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PrintPreview", "另存为PDF"),
        suggested,
        QCoreApplication.translate("PrintPreview", "PDF 文件 (*.pdf)"),
    )
    return path


# Replaced in tests: (parent, printer) -> accepted; (parent, suggested path) -> chosen path or ""
ask_printer: Callable[[QWidget | None, QPrinter], bool] = _ask_printer_with_dialog
ask_save_path: Callable[[QWidget | None, str], str] = _ask_save_path_with_dialog


def render_page(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """One page as an image on white: QtPdf renders onto a transparent background."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(QPointF(0, 0), document.render(page, size))
    painter.end()
    return image


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Send every page to the printer, each scaled into the printable area; return the page count."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PrintPreview", "打印机无法开始打印（可能未连接或已暂停）"))
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            image = render_page(document, page, min(PRINT_DPI, max(printer.resolution(), 150)))
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, area.width(), area.height())
            scaled = QSize(image.width(), image.height()).scaled(
                target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
            )
            target = QRectF((area.width() - scaled.width()) / 2, 0, scaled.width(), scaled.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return document.pageCount()


class PrintPreviewDialog(QDialog):
    """Shows a PDF form; 打印 sends it to a printer, 另存为PDF saves it."""

    documentOutput = Signal(str, int)  # destination ("printer" or "pdf"), copies

    def __init__(
        self,
        pdf: bytes | Path,
        title: str,
        parent: QWidget | None = None,
        *,
        copies: int = 1,
        suggested_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("PrintPreview", "打印预览 — ") + title)
        self._fit_to_screen()
        self._data = pdf.read_bytes() if isinstance(pdf, Path) else bytes(pdf)
        self._copies = copies
        self._suggested = suggested_name or f"{title}.pdf"

        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)  # a whole page, even at 768 px high
        self.view.setPageSpacing(12)
        palette = self.view.palette()  # a grey desk around white pages
        palette.setColor(QPalette.ColorRole.Dark, QColor(128, 128, 128))
        self.view.setPalette(palette)

        self.status = QLabel()
        self.revealed = False  # the document shown has full ID and phone numbers
        self._rerender: Callable[[bool], bytes] | None = None
        self.reveal_box = QCheckBox(
            QCoreApplication.translate("PrintPreview", "显示完整身份证号和电话（将记入审计记录）"), self
        )
        self.reveal_box.setObjectName("revealNumbers")
        self.reveal_box.setToolTip(
            QCoreApplication.translate(
                "PrintPreview",
                "这份表单会交给其他单位，默认隐去困难户的身份证号和电话。确需完整号码时勾选；打印或保存时会记入审计记录。",
            )
        )
        self.reveal_box.hide()
        self.reveal_box.toggled.connect(self._reveal_toggled)
        self.notes = QLabel(self)
        self.notes.setObjectName("printNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #b26a00;")
        self.notes.hide()
        self.print_button = QPushButton(QCoreApplication.translate("PrintPreview", "打印…"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(QCoreApplication.translate("PrintPreview", "另存为PDF…"))
        self.close_button = QPushButton(QCoreApplication.translate("PrintPreview", "关闭"))
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        self.top_bar = QHBoxLayout()  # subclasses put choices here
        layout = QVBoxLayout(self)
        layout.addLayout(self.top_bar)
        layout.addWidget(self.notes)
        layout.addWidget(self.reveal_box)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.set_pdf(self._data, copies)
        self.print_button.setFocus()  # Enter prints

    def _fit_to_screen(self) -> None:
        """As tall as the screen allows (taskbar and title bar excluded), an A4 page wide."""
        area = screen_fit.available_area(self)
        frame_w, frame_h = screen_fit.FRAME_ALLOWANCE
        height = min(980, area.height() - frame_h)
        width = min(round(height * 0.78), area.width() - frame_w)
        self.resize(max(width, 560), height)

    def set_pdf(self, data: bytes, copies: int = 1) -> None:
        """Show another document in the same dialog."""
        self._data = bytes(data)
        self._copies = copies
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(self._data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        ready = self.document.status() == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        if not ready:
            self.status.setText(
                QCoreApplication.translate(
                    "PrintPreview", "无法显示该文档（文件不完整或已损坏），请重新生成。"
                )
            )
            return
        pages = self.document.pageCount()
        self.status.setText(
            QCoreApplication.translate("PrintPreview", "共 %1 页").replace("%1", str(pages))
            + (
                QCoreApplication.translate("PrintPreview", "，一式%1份").replace("%1", str(copies))
                if copies > 1
                else ""
            )
        )

    @property
    def pdf_bytes(self) -> bytes:
        return self._data

    def show_notes(self, notes: list[str]) -> None:
        """Warnings shown above the document (none: the line is hidden)."""
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def offer_reveal(self, rerender: Callable[[bool], bytes]) -> None:
        """An outward form: offer full numbers; `rerender(reveal)` gives the document again."""
        self._rerender = rerender
        self.reveal_box.show()

    def withdraw_reveal(self) -> None:
        """Not an outward form (any more): no checkbox, nothing revealed. Does not re-render."""
        self._rerender = None
        self.reveal_box.blockSignals(True)
        self.reveal_box.setChecked(False)
        self.reveal_box.blockSignals(False)
        self.reveal_box.hide()
        self.revealed = False

    def _reveal_toggled(self, checked: bool) -> None:
        if self._rerender is None:
            return
        try:
            data = self._rerender(checked)
        except Exception as e:
            self.reveal_box.blockSignals(True)
            self.reveal_box.setChecked(self.revealed)
            self.reveal_box.blockSignals(False)
            messages.show_error(self, e, QCoreApplication.translate("PrintPreview", "无法生成表单"))
            return
        self.revealed = checked
        self.set_pdf(data, self._copies)

    def print_(self, printer: QPrinter | None = None) -> bool:
        """Ask for a printer (the system dialog) and print; True when the document was sent."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setCopyCount(self._copies)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the forms are A4; the dialog may change it
        if not ask_printer(self, printer):
            return False
        try:
            print_document(self.document, printer)
        except OSError as e:
            messages.inform(
                self,
                QCoreApplication.translate("PrintPreview", "未能打印"),
                messages.error_text(e)
                + "\n"
                + QCoreApplication.translate("PrintPreview", "请检查打印机后再试；文档仍在预览中。"),
                True,
            )
            return False
        copies = max(printer.copyCount(), 1)
        self.documentOutput.emit("printer", copies)
        self.status.setText(
            QCoreApplication.translate("PrintPreview", "已发送到打印机（%1份）").replace("%1", str(copies))
        )
        return True

    def save_pdf(self) -> Path | None:
        """Save the PDF where the user chooses (written whole, then renamed)."""
        chosen = ask_save_path(self, self._suggested)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:  # whole or not at all; a partial file is never left behind
            printing.save_pdf(path, self._data)
        except PrintError as e:
            messages.inform(self, QCoreApplication.translate("PrintPreview", "未能保存PDF"), str(e), True)
            return None
        self.documentOutput.emit("pdf", 1)
        self.status.setText(QCoreApplication.translate("PrintPreview", "已保存到 ") + str(path))
        return path


class HouseholdPrintDialog(PrintPreviewDialog):
    """Preview and print the forms of one household: all of them, or one chosen form."""

    def __init__(self, db: Database, household_id: str, parent: QWidget | None = None) -> None:
        self._db = db
        self._household_id = household_id
        self._forms = [t for t in printing.list_forms(db) if t.record == "household"]
        self._printed_by = printing.default_printer_name(db)
        self._bundle = printing.render_household_forms(db, household_id)
        super().__init__(
            self._bundle.pdf.data, QCoreApplication.translate("PrintPreview", "本户全部表单"), parent
        )
        self.show_notes(printing.form_problems(db) + printing.glyph_notes(self._bundle.pdf))
        self._offer_reveal_for("")
        self.chooser = QComboBox(self)
        self.chooser.addItem(QCoreApplication.translate("PrintPreview", "本户全部表单"), "")
        for template in self._forms:
            self.chooser.addItem(template.description or template.title, template.name)
        self.top_bar.addWidget(QLabel(QCoreApplication.translate("PrintPreview", "表单：")))
        self.top_bar.addWidget(self.chooser, 1)
        self.chooser.currentIndexChanged.connect(self._choose)
        self.documentOutput.connect(self._log)

    def _render(self, name: str, reveal: bool) -> bytes:
        self._bundle = printing.render_household_forms(
            self._db, self._household_id, [name] if name else None, reveal=reveal
        )
        if reveal:  # on screen counts as revealed, printed or not
            outward = [f.name for f in self._forms if f.outward and (not name or f.name == name)]
            printing.log_preview_reveal(
                self._db, outward[0] if outward else name, self._household_id, shown_by=self._printed_by
            )
        return self._bundle.pdf.data

    def _offer_reveal_for(self, name: str) -> None:
        """The checkbox when the chosen form (or any of all forms) is an outward one."""
        chosen = [f for f in self._forms if not name or f.name == name]
        if any(f.outward for f in chosen):
            self.offer_reveal(lambda reveal: self._render(name, reveal))
        else:
            self.withdraw_reveal()

    def _choose(self) -> None:
        name = self.chooser.currentData()
        try:
            data = self._render(name, False)  # another form starts masked again
        except Exception as e:
            messages.show_error(self, e, QCoreApplication.translate("PrintPreview", "无法生成表单"))
            return
        self.withdraw_reveal()
        self._offer_reveal_for(name)
        copies = next((f.copies for f in self._forms if f.name == name), 1)
        self._suggested = f"{self.chooser.currentText()}.pdf"
        self.set_pdf(data, copies)

    def _log(self, destination: str, copies: int) -> None:
        try:
            printing.log_bundle(
                self._db,
                self._household_id,
                self._bundle,
                printed_by=self._printed_by,
                destination=destination,
                copies=copies,
                revealed=self.revealed,
            )
        except Exception as e:
            messages.show_error(self, e, QCoreApplication.translate("PrintPreview", "打印记录未能保存"))


class _BatchWorker(QThread):
    """Runs `services.batch_print` off the GUI thread. After each step it waits until the dialog
    has shown it, so the bar never runs ahead of the screen and 取消 stops right after the
    document on screen; a cancel releases the wait at once."""

    stepped = Signal(int, int, str)  # documents finished, of how many, who is next
    done = Signal(object)  # batch_print.Summary
    failed = Signal(str)

    def __init__(self, db: Database, form: str, scope: str, folder: Path, printed_by: str) -> None:
        super().__init__()
        self.db, self.form, self.scope, self.folder, self.printed_by = db, form, scope, folder, printed_by
        self.cancelled = False
        self._shown = threading.Event()

    def acknowledge(self) -> None:
        self._shown.set()

    def cancel(self) -> None:
        self.cancelled = True
        self._shown.set()

    def _step(self, done: int, total: int, label: str) -> None:
        self._shown.clear()
        self.stepped.emit(done, total, label)
        while not self._shown.wait(0.05) and not self.cancelled:
            pass

    def run(self) -> None:
        try:
            batch = batch_print.items(self.db, self.form, self.scope)
            summary = batch_print.run(
                self.db,
                self.form,
                batch,
                self.folder,
                printed_by=self.printed_by,
                step=self._step,
                stop=lambda: self.cancelled,
            )
            self.done.emit(summary)
        except Exception as e:
            self.failed.emit(messages.error_text(e))


def _ask_folder_with_dialog(parent: QWidget | None, start: str) -> str:
    return QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("PrintPreview", "选择保存PDF的文件夹"), start
    )


def _open_folder_with_system(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


ask_folder: Callable[[QWidget | None, str], str] = _ask_folder_with_dialog  # replaced in tests
open_folder: Callable[[Path], bool] = _open_folder_with_system  # replaced in tests


class BatchPrintDialog(QDialog):
    """文件 → 批量打印: one form for every household of the ledger, a township or a village (or
    the public notice of that area) into a folder, with progress, cancel and a summary.

    The work is `services.batch_print`, the same as `fieldapp print --all`."""

    finished_batch = Signal(int, int)  # files, pages

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchPrintDialog")
        self.setWindowTitle(QCoreApplication.translate("PrintPreview", "批量打印"))
        self._db = db
        self._worker: _BatchWorker | None = None
        self.summary: batch_print.Summary | None = None
        self.per_household: set[str] = set()

        self.form = QComboBox(self)
        self.form.setObjectName("batchForm")
        for template in printing.list_forms(db):
            label = template.description or template.title or template.name
            if template.record == "notice":
                label = QCoreApplication.translate("PrintPreview", "公示名单（本范围一份）")
            self.form.addItem(label, template.name)
            if template.record == "household":
                self.per_household.add(template.name)
        self.scope = QComboBox(self)
        self.scope.setObjectName("batchScope")
        areas = batch_print.areas(db)
        everyone = sum(a.households for a in areas if a.level == "township")
        self.scope.addItem(
            QCoreApplication.translate("PrintPreview", "全部困难户（%1 户）").replace("%1", str(everyone)),
            batch_print.ALL,
        )
        for area in areas:
            indent = "" if area.level == "township" else "\u3000"
            self.scope.addItem(
                indent
                + QCoreApplication.translate("PrintPreview", "%1（%2 户）")
                .replace("%1", area.name)
                .replace("%2", str(area.households)),
                area.code,
            )
        self.folder = QLineEdit(self)
        self.folder.setObjectName("batchFolder")
        self.folder.setPlaceholderText(QCoreApplication.translate("PrintPreview", "保存PDF的文件夹"))
        self.browse_button = QPushButton(QCoreApplication.translate("PrintPreview", "选择(&B)…"), self)
        self.browse_button.clicked.connect(self._browse)
        self.progress = QProgressBar(self)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.status = QLabel(
            QCoreApplication.translate("PrintPreview", "每户生成一个PDF文件，并记入打印记录。"), self
        )
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.notes = QLabel("\n".join(printing.form_problems(db)), self)
        self.notes.setObjectName("printNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #b26a00;")
        self.notes.setVisible(bool(self.notes.text()))
        self.failures = QTableWidget(0, 2, self)
        self.failures.setObjectName("batchFailures")
        self.failures.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("PrintPreview", "户主"),
                QCoreApplication.translate("PrintPreview", "未能生成的原因"),
            ]
        )
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.verticalHeader().hide()
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failures.setTabKeyNavigation(False)  # Tab leaves the table
        self.failures.setWordWrap(True)
        self.failures.hide()

        self.start_button = QPushButton(QCoreApplication.translate("PrintPreview", "开始(&S)"), self)
        self.start_button.setDefault(True)
        self.open_button = QPushButton(QCoreApplication.translate("PrintPreview", "打开文件夹(&O)"), self)
        self.open_button.setObjectName("batchOpenFolder")
        self.open_button.setAutoDefault(False)
        self.open_button.hide()
        self.cancel_button = QPushButton(QCoreApplication.translate("PrintPreview", "关闭(&C)"), self)
        self.cancel_button.setAutoDefault(False)
        self.start_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open_folder)
        self.cancel_button.clicked.connect(self._cancel)

        form = QFormLayout()
        form_label = QLabel(QCoreApplication.translate("PrintPreview", "表单(&F)："), self)
        form_label.setBuddy(self.form)
        form.addRow(form_label, self.form)
        scope_label = QLabel(QCoreApplication.translate("PrintPreview", "范围(&A)："), self)
        scope_label.setBuddy(self.scope)
        form.addRow(scope_label, self.scope)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        folder_label = QLabel(QCoreApplication.translate("PrintPreview", "文件夹(&D)："), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.failures, 1)
        layout.addLayout(buttons)
        self.resize(720, 300)
        self.form.setFocus()

    @property
    def running(self) -> bool:
        return self._worker is not None

    def _unit(self) -> str:
        """户 for a form printed per household; 份 for visits, referrals and the notice."""
        return (
            QCoreApplication.translate("PrintPreview", "户")
            if self.form.currentData() in self.per_household
            else QCoreApplication.translate("PrintPreview", "份")
        )

    def _browse(self) -> None:
        chosen = ask_folder(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start(self) -> None:
        if self.running:
            return
        if not self.folder.text().strip():
            messages.show_info(
                self,
                QCoreApplication.translate("PrintPreview", "批量打印"),
                QCoreApplication.translate("PrintPreview", "请先选择保存PDF的文件夹。"),
            )
            self.folder.setFocus()
            return
        self.summary = None
        self.failures.hide()
        self.open_button.hide()
        for w in (self.start_button, self.form, self.scope, self.folder, self.browse_button):
            w.setEnabled(False)
        self.cancel_button.setText(QCoreApplication.translate("PrintPreview", "取消(&C)"))
        self.progress.setValue(0)
        self.status.setText(QCoreApplication.translate("PrintPreview", "正在准备…"))
        worker = _BatchWorker(
            self._db,
            str(self.form.currentData()),
            str(self.scope.currentData()),
            Path(self.folder.text().strip()),
            printing.default_printer_name(self._db),
        )
        worker.stepped.connect(self._stepped)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self._worker = worker
        worker.start()
        self.cancel_button.setFocus()

    def _stepped(self, done: int, total: int, label: str) -> None:
        if done < total:
            text = QCoreApplication.translate("PrintPreview", "正在生成第 %1 / %2 %3：%4").replace(
                "%4", label
            )
            self.status.setText(
                text.replace("%1", str(done + 1)).replace("%2", str(total)).replace("%3", self._unit())
            )
        else:
            self.status.setText(
                QCoreApplication.translate("PrintPreview", "已生成 %1 / %2 %3")
                .replace("%1", str(done))
                .replace("%2", str(total))
                .replace("%3", self._unit())
            )
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if self._worker is not None:
            self._worker.acknowledge()

    def _finish(self) -> None:
        if self._worker is not None:
            self._worker.cancel()  # releases a wait for a step no longer to be shown
            self._worker.wait()
            self._worker = None
        for w in (self.start_button, self.form, self.scope, self.folder, self.browse_button):
            w.setEnabled(True)
        self.cancel_button.setText(QCoreApplication.translate("PrintPreview", "关闭(&C)"))

    def _done(self, summary: batch_print.Summary) -> None:
        self._finish()
        self.summary = summary
        files, pages = len(summary.files), summary.pages
        lines = []
        if summary.cancelled:
            left = summary.total - files - len(summary.failed)
            lines.append(
                QCoreApplication.translate(
                    "PrintPreview",
                    "已取消。已生成 %1 个文件（共 %2 页），还有 %3 %4未生成；已生成的文件完整可用，已记入打印记录。",
                )
                .replace("%1", str(files))
                .replace("%2", str(pages))
                .replace("%3", str(left))
                .replace("%4", self._unit())
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "PrintPreview", "完成：已生成 %1 个文件（共 %2 页），已记入打印记录。"
                )
                .replace("%1", str(files))
                .replace("%2", str(pages))
            )
        lines.append(
            QCoreApplication.translate("PrintPreview", "保存在：%1").replace("%1", str(summary.folder))
        )
        if summary.failed:
            lines.append(
                QCoreApplication.translate(
                    "PrintPreview", "有 %1 %2未能生成，原因见下表；处理后可再次批量打印。"
                )
                .replace("%1", str(len(summary.failed)))
                .replace("%2", self._unit())
            )
        self.status.setText("\n".join(lines))
        self.failures.setVisible(bool(summary.failed))
        self.failures.setRowCount(len(summary.failed))
        for r, failure in enumerate(summary.failed):
            for c, text in enumerate((failure.label, domain_text.message(failure.reason))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.failures.setItem(r, c, item)
        self.failures.resizeColumnToContents(0)
        self.failures.resizeRowsToContents()
        if summary.failed and self.height() < 440:  # room for the reasons, within a 768-px screen
            self.resize(self.width(), 440)
        notes = printing.form_problems(self._db, str(self.form.currentData())) + [
            n for n in summary.notes if n not in printing.form_problems(self._db)
        ]
        self.notes.setText("\n".join(dict.fromkeys(notes)))
        self.notes.setVisible(bool(self.notes.text()))
        self.open_button.setVisible(bool(summary.files))
        self.finished_batch.emit(files, pages)
        (self.open_button if summary.files else self.cancel_button).setFocus()

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(QCoreApplication.translate("PrintPreview", "批量打印中断：") + message)
        messages.inform(
            self,
            QCoreApplication.translate("PrintPreview", "批量打印中断"),
            message
            + "\n"
            + QCoreApplication.translate("PrintPreview", "已生成的文件和打印记录都已保留；请处理后再试。"),
            True,
        )

    def _open_folder(self) -> None:
        if self.summary is not None and not open_folder(self.summary.folder):
            messages.show_info(
                self,
                QCoreApplication.translate("PrintPreview", "打开文件夹"),
                QCoreApplication.translate(
                    "PrintPreview", "无法打开文件夹，请在文件管理器中打开：%1"
                ).replace("%1", str(self.summary.folder)),
            )

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()  # stops after the document being written, which stays whole
        else:
            self.reject()

    def done(self, result: int) -> None:  # closing the dialog waits for the running document
        if self._worker is not None:
            self._worker.cancel()
            self._worker.wait()
            self._worker = None
        super().done(result)


def open_preview(db: Database, household_id: str | None, parent: QWidget | None = None) -> QDialog:
    """What the main window's 打印 action opens: this household's forms, or batch printing."""
    if household_id:
        return HouseholdPrintDialog(db, household_id, parent)
    return BatchPrintDialog(db, parent)
