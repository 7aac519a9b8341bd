"""The photo viewer for attachments (issue 14): a stored document photo is shown in the app,
fitted and zoomable; a non-photo says so in Chinese; each viewing is audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from tests.test_ui_workbench import _household, cadre, open_window, wait_ops  # noqa: F401

from fieldapp.domain import vocab
from fieldapp.services import audit, records
from fieldapp.storage.db import Database
from fieldapp.ui import settings as opts
from fieldapp.ui.attachment_viewer import AttachmentViewer

pytestmark = pytest.mark.usefixtures("answers")


def test_a_document_photo_is_viewed_zoomed_and_audited(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    hid = _household(db, cadre)
    photo = QImage(1600, 1000, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2e7d32"))
    path = tmp_path / "身份证.png"
    assert photo.save(str(path))
    records.add_attachment(db, hid, path, vocab.AttachmentKind.ID_CARD)
    (tmp_path / "票据.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    records.add_attachment(db, hid, tmp_path / "票据.pdf", vocab.AttachmentKind.MEDICAL_RECEIPTS)
    window = open_window(qtbot, db, prefs)
    profile = window.open_household(hid)
    wait_ops(qtbot)
    assert not profile.view_attachment.isEnabled()
    row = next(
        i
        for i in range(profile.attachments.rowCount())
        if profile.attachments.item(i, 1).text().endswith(".png")
    )
    profile.attachments.selectRow(row)
    viewer = profile.show_attachment()
    assert isinstance(viewer, AttachmentViewer)
    qtbot.waitUntil(lambda: viewer.picture.pixmap() is not None and not viewer.picture.pixmap().isNull())
    fitted = viewer.picture.pixmap().width()
    assert 0 < fitted < 1600  # fitted into the window
    viewer.zoom_in.click()
    assert viewer.picture.pixmap().width() > fitted
    viewer.fit.click()
    assert viewer.picture.pixmap().width() == fitted
    wait_ops(qtbot)
    entry = audit.recent(db, household_id=hid)[0]
    assert entry.action == vocab.AuditAction.VIEW_PROFILE and "查看附件" in entry.detail
    viewer.accept()

    pdf_row = 1 - row
    profile.attachments.selectRow(pdf_row)
    other = profile.show_attachment()
    assert isinstance(other, AttachmentViewer)
    qtbot.waitUntil(lambda: "不是照片" in other.picture.text())
    assert not other.zoom_in.isEnabled()
    other.accept()
