"""Look at a document photo kept with a household (ID card copy, diagnosis, receipts…) without
leaving the app: the stored file is decrypted in memory only, never written out, and the
viewing is recorded in the audit log like opening the file."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.vocab import AttachmentKind, AuditAction
from fieldapp.services import audit, records
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui.ops import Op
from fieldapp.ui.vocab_text import label

ZOOM_STEP = 1.25


class ShownAttachment(Protocol):
    """What the viewer reads of an attachment row (the widgets never import the storage models)."""

    file_name: str
    kind: AttachmentKind
    sha256: str
    household_id: str


class AttachmentViewer(QDialog):
    """One attachment, fitted to the window; 放大 / 缩小 (Ctrl++ / Ctrl+-), 适应窗口 (Ctrl+0)."""

    def __init__(self, db: Database, attachment: ShownAttachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.setWindowTitle(
            self.tr("查看附件 — %1（%2）")
            .replace("%1", attachment.file_name)
            .replace("%2", label(attachment.kind))
        )
        self.resize(900, 640)
        self.image = QImage()
        self.scale = 0.0  # 0 = fit to the window
        self.picture = QLabel(self.tr("正在打开…"), self)
        self.picture.setObjectName("attachmentPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea(self)
        self.area.setWidget(self.picture)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in = QPushButton(self.tr("放大(&+)"), self)
        self.zoom_out = QPushButton(self.tr("缩小(&-)"), self)
        self.fit = QPushButton(self.tr("适应窗口(&0)"), self)
        close = QPushButton(self.tr("关闭"), self)
        close.setDefault(True)
        self.zoom_in.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit.clicked.connect(self.fit_to_window)
        close.clicked.connect(self.accept)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(1 / ZOOM_STEP)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence("Ctrl+0"), self, self.fit_to_window)
        buttons = QHBoxLayout()
        buttons.addWidget(self.zoom_in)
        buttons.addWidget(self.zoom_out)
        buttons.addWidget(self.fit)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addLayout(buttons)
        for b in (self.zoom_in, self.zoom_out, self.fit):
            b.setEnabled(False)
        sha, hid, what = attachment.sha256, attachment.household_id, label(attachment.kind)

        def work() -> bytes:
            data = records.read_attachment(db, sha)
            audit.log(db, AuditAction.VIEW_PROFILE, household_id=hid, detail=f"查看附件：{what}")
            return data

        Op(work, self.tr("正在打开附件…")).success(self._loaded).failure(self._failed).run()

    def _loaded(self, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            self.picture.setText(self.tr("这个附件不是照片（例如PDF），不能在这里显示。"))
            self.picture.setWordWrap(True)
            return
        self.image = image
        for b in (self.zoom_in, self.zoom_out, self.fit):
            b.setEnabled(True)
        self.fit_to_window()

    def _failed(self, error: Exception) -> None:
        self.picture.setText(messages.error_text(error))
        self.picture.setWordWrap(True)

    def fit_to_window(self) -> None:
        self.scale = 0.0
        self._show()

    def zoom(self, factor: float) -> None:
        if self.image.isNull():
            return
        self.scale = max(0.05, min(8.0, (self.scale or self._fitted_scale()) * factor))
        self._show()

    def _fitted_scale(self) -> float:
        view = self.area.viewport().size()
        if self.image.isNull() or self.image.width() == 0 or self.image.height() == 0:
            return 1.0
        return min(view.width() / self.image.width(), view.height() / self.image.height(), 1.0)

    def _show(self) -> None:
        if self.image.isNull():
            return
        scale = self.scale or self._fitted_scale()
        size = self.image.size() * scale
        self.picture.setPixmap(
            QPixmap.fromImage(self.image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.scale:
            self._show()
