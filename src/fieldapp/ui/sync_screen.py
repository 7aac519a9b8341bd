"""The sync screen (同步): enrolment, what is waiting, and the three ways to reach headquarters.

Everything slow (network, USB stick, sealing batches) runs off the GUI thread through `ops.Op`;
the client reports progress through a queued signal. The screen decides nothing itself: it
calls `fieldapp.sync.client` and shows its plain-Chinese result, or says in Chinese what went
wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import settings as opts
from fieldapp.ui.ops import Op

if TYPE_CHECKING:
    from fieldapp.storage.db import Database
    from fieldapp.sync.client import SyncReport

OK_STYLE = "color: #1b5e20; background: #eef7ee; padding: 6px; border-radius: 3px;"
ERROR_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border-radius: 3px;"
MUTED_STYLE = "color: #666;"


class _Progress(QObject):
    """Emitted from the worker thread; Qt queues it to the screen on the GUI thread."""

    step = Signal(int, int)


def sync_error_text(error: BaseException) -> str:
    """What went wrong and what to do, in the chosen language, for a failed sync action."""
    from fieldapp.sync.protocol import SyncError
    from fieldapp.ui import messages

    if isinstance(error, SyncError):
        return messages.error_text(error)
    if type(error).__name__ in ("InvalidURL", "UnsupportedProtocol"):  # httpx, imported lazily
        return QCoreApplication.translate(
            "SyncScreen", "服务器地址写得不对，应类似 http://192.168.1.10:8765 。请改正后再试。"
        )
    if isinstance(error, OSError):
        return messages.error_text(error) + QCoreApplication.translate("SyncScreen", "本机数据没有丢失。")
    return QCoreApplication.translate(
        "SyncScreen", "同步时程序内部出错。本机数据没有丢失，请稍后重试；仍不行请联系市总工会技术人员。"
    )


class SyncScreen(QDialog):
    """Reached from 同步 → 与市总工会同步 (Ctrl+Shift+S)."""

    synced = Signal()  # something was sent or received: the window refreshes lists and status
    finished_work = Signal(str, bool)  # the result text shown, and whether it is an error

    def __init__(self, db: Database, prefs: opts.AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.prefs = db, prefs
        self.state: dict[str, Any] = {}
        self.working = False
        self.retries, self.backoff = 4, 0.5  # network retries (0.5 s, 1 s, 2 s, 4 s)
        self.setObjectName("syncScreen")
        self.setWindowTitle(self.tr("与市总工会同步"))
        self.setMinimumWidth(620)
        # the file choosers, replaceable (tests point them at a real folder instead of a dialog)
        self.choose_folder: Callable[[str], str] = self._ask_folder
        self.choose_file: Callable[[], str] = self._ask_file
        self._progress = _Progress(self)
        self._progress.step.connect(self._show_progress)

        # --- state --------------------------------------------------------------------------
        self.enrol_state = QLabel(self)
        self.enrol_state.setObjectName("enrolState")
        self.enrol_state.setWordWrap(True)
        self.pending = QLabel(self)
        self.pending.setObjectName("pendingCount")
        self.unacked = QLabel(self)
        self.unacked.setObjectName("unackedBatches")
        self.last_success = QLabel(self)
        self.last_success.setObjectName("lastSuccess")
        self.handed_over = QLabel(self)
        self.handed_over.setObjectName("handedOver")
        self.handed_over.setWordWrap(True)
        self.server = QLineEdit(self)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText(self.tr("例如 http://192.168.1.10:8765"))
        self.server.setText(prefs.get(opts.SYNC_SERVER))
        self.server.editingFinished.connect(self._save_server)
        state_box = QGroupBox(self.tr("同步状态"), self)
        form = QFormLayout(state_box)
        form.addRow(self.tr("本机登记："), self.enrol_state)
        form.addRow(self.tr("待上传的修改："), self.pending)
        form.addRow(self.tr("已打包、待市总确认："), self.unacked)
        form.addRow(self.tr("上次同步成功："), self.last_success)
        form.addRow(self.tr("已移交他人（只读）："), self.handed_over)
        form.addRow(self.tr("服务器地址(&D)："), self.server)

        # --- enrolment ----------------------------------------------------------------------
        self.enrol_box = QGroupBox(self.tr("设备登记（每台电脑只需一次）"), self)
        self.enrol_file = QLineEdit(self)
        self.enrol_file.setObjectName("enrolFile")
        self.enrol_file.setPlaceholderText(self.tr("市总工会发的登记文件"))
        browse = QPushButton(self.tr("选择文件(&F)…"), self)
        browse.setObjectName("browseEnrolFile")
        browse.clicked.connect(self._browse_enrol_file)
        self.enrol_code = QLineEdit(self)
        self.enrol_code.setObjectName("enrolCode")
        self.enrol_code.setPlaceholderText(self.tr("或填写登记码（配合上面的服务器地址）"))
        self.enrol_fingerprint = QLineEdit(self)
        self.enrol_fingerprint.setObjectName("enrolFingerprint")
        self.enrol_fingerprint.setPlaceholderText(
            self.tr("用登记码联网登记时：填登记信上的“市总工会公钥指纹”（如 ABCD-EFGH-…）")
        )
        self.enrol_button = QPushButton(self.tr("联网登记(&E)"), self)
        self.enrol_button.setObjectName("enrolOnline")
        self.enrol_button.clicked.connect(self.enrol_online)
        self.request_button = QPushButton(self.tr("登记申请写到U盘(&Q)…"), self)
        self.request_button.setObjectName("enrolByStick")
        self.request_button.clicked.connect(self.enrol_by_stick)
        file_row = QHBoxLayout()
        file_row.addWidget(self.enrol_file, 1)
        file_row.addWidget(browse)
        enrol_buttons = QHBoxLayout()
        enrol_buttons.addWidget(self.enrol_button)
        enrol_buttons.addWidget(self.request_button)
        enrol_buttons.addStretch(1)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addLayout(file_row)
        enrol_layout.addWidget(self.enrol_code)
        enrol_layout.addWidget(self.enrol_fingerprint)
        enrol_layout.addLayout(enrol_buttons)
        hint = QLabel(
            self.tr(
                "有网络：选登记文件或填登记码，点“联网登记”。没有网络：选登记文件，点“登记申请写到U盘”，"
                "把U盘交市总工会导入，再用“从U盘导入回执”完成登记。"
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        enrol_layout.addWidget(hint)

        # --- actions ------------------------------------------------------------------------
        self.upload_button = QPushButton(self.tr("上传到市总(&U)"), self)
        self.upload_button.setObjectName("uploadButton")
        self.upload_button.clicked.connect(self.upload)
        self.export_button = QPushButton(self.tr("导出到U盘(&X)…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_to_stick)
        self.import_button = QPushButton(self.tr("从U盘导入回执(&I)…"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_from_stick)
        actions = QHBoxLayout()
        for b in (self.upload_button, self.export_button, self.import_button):
            b.setMinimumHeight(34)
            actions.addWidget(b)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(state_box)
        layout.addWidget(self.enrol_box)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.refresh()

    # --- state ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        from fieldapp.sync import client

        db = self.db
        Op(lambda: client.status(db), self.tr("正在读取同步状态…")).success(self._show_state).failure(
            self._state_failed
        ).run()

    def _state_failed(self, error: Exception) -> None:
        self.result_label.setText(sync_error_text(error))
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.show()

    def _show_state(self, state: dict[str, Any]) -> None:
        self.state = state
        if state["enrolled"]:
            self.enrol_state.setText(
                self.tr("已登记（设备编号 %1…）").replace("%1", str(state["device_id"])[:8])
            )
        elif state["enrolment_started"]:
            self.enrol_state.setText(self.tr("已写出登记申请，等待市总工会回执（从U盘导入回执后完成登记）"))
        else:
            self.enrol_state.setText(self.tr("尚未登记：请先用市总工会发的登记文件或登记码登记本机"))
        self.pending.setText(self.tr("%1 条").replace("%1", str(state["pending_changes"])))
        self.unacked.setText(
            self.tr("%1 批（%2 条）")
            .replace("%1", str(state["unacked_batches"]))
            .replace("%2", str(state["unacked_changes"]))
        )
        self.last_success.setText(_local_time(state["last_success_at"]) or self.tr("从未同步"))
        self.handed_over.setText(
            self.tr("%1 户（已由市总工会移交给其他干部，本机只能查看）").replace(
                "%1", str(state["handed_over"])
            )
            if state["handed_over"]
            else self.tr("无")
        )
        if not self.server.text().strip() and state["hq_url"]:
            self.server.setText(str(state["hq_url"]))
            self._save_server()
        self.enrol_box.setVisible(not state["enrolled"])
        self._enable()

    def _enable(self) -> None:
        can_sync = bool(self.state.get("enrolment_started")) and not self.working
        for b in (self.upload_button, self.export_button, self.import_button):
            b.setEnabled(can_sync)
        self.enrol_button.setEnabled(not self.working)
        self.request_button.setEnabled(not self.working)
        tip = "" if self.state.get("enrolment_started") else self.tr("请先登记本机")
        for b in (self.upload_button, self.export_button, self.import_button):
            b.setToolTip(tip)

    def _save_server(self) -> None:
        self.prefs.set(opts.SYNC_SERVER, self.server.text().strip().rstrip("/"))
        self.prefs.sync()

    # --- running work ----------------------------------------------------------------------------
    def _run(self, label: str, work: Callable[[Callable[[int, int], None]], str | SyncReport]) -> None:
        self.working = True
        self._enable()
        self.result_label.hide()
        self.progress.setRange(0, 0)  # busy until the first step is known
        self.progress.setFormat(label)
        self.progress.show()
        emit = self._progress.step.emit

        def done(outcome: str | SyncReport) -> None:
            if isinstance(outcome, str):
                from fieldapp.ui import domain_text

                self._finish(domain_text.message(outcome), False)
            else:
                from fieldapp.ui.sync_text import report_text

                self._finish(report_text(outcome), not outcome.ok)
            self.synced.emit()

        Op(lambda: work(emit), label).success(done).failure(
            lambda e: self._finish(sync_error_text(e), True)
        ).run()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%1 / %2 批").replace("%1", str(done)).replace("%2", str(total)))

    def _finish(self, text: str, error: bool) -> None:
        self.working = False
        self.progress.hide()
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.result_label.show()
        self.finished_work.emit(text, error)
        self.refresh()

    def _need_folder(self, title: str) -> Path | None:
        chosen = self.choose_folder(title)
        if not chosen:
            return None
        self.prefs.set(opts.SYNC_FOLDER, chosen)
        return Path(chosen)

    def _ask_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self, title, self.prefs.get(opts.SYNC_FOLDER))

    def _ask_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择登记文件"), "", self.tr("登记文件 (*.enrol *.json);;所有文件 (*)")
        )
        return name

    # --- the three actions ---------------------------------------------------------------------
    def upload(self) -> None:
        from fieldapp.sync import client

        server = self.server.text().strip().rstrip("/")
        if not server:
            self._finish(self.tr("请先填写市总工会服务器地址（向市总工会询问），或改用“导出到U盘”。"), True)
            return
        if not _plausible_url(server):
            self._finish(
                self.tr("服务器地址“%1”写得不对，应类似 http://192.168.1.10:8765 。请改正后再试。").replace(
                    "%1", server
                ),
                True,
            )
            return
        self._save_server()
        db = self.db
        retries, backoff = self.retries, self.backoff
        self._run(
            self.tr("正在上传…"),
            lambda progress: client.upload(db, server, progress=progress, retries=retries, backoff=backoff),
        )

    def export_to_stick(self) -> None:
        from fieldapp.sync import client

        folder = self._need_folder(self.tr("选择U盘上的文件夹"))
        if folder is None:
            return
        db = self.db

        def work(progress: Callable[[int, int], None]) -> SyncReport:
            _check_stick(folder)
            return client.export_usb(db, folder, progress=progress)

        self._run(self.tr("正在导出到U盘…"), work)

    def import_from_stick(self) -> None:
        from fieldapp.sync import client

        folder = self._need_folder(self.tr("选择U盘上放回执的文件夹"))
        if folder is None:
            return
        db = self.db

        def work(progress: Callable[[int, int], None]) -> SyncReport:
            _check_stick(folder)
            return client.import_replies(db, folder, progress=progress)

        self._run(self.tr("正在导入回执…"), work)

    # --- enrolment ---------------------------------------------------------------------------
    def _browse_enrol_file(self) -> None:
        name = self.choose_file()
        if name:
            self.enrol_file.setText(name)

    def _enrolment_source(self) -> str | None:
        path = self.enrol_file.text().strip()
        code = self.enrol_code.text().strip()
        server = self.server.text().strip().rstrip("/")
        if path:
            return path
        if code.startswith(("http://", "https://")):
            return code
        if code and server:
            return f"{server}/api/v1/enrolment/{code}"
        self._finish(
            self.tr("请选择市总工会发的登记文件，或填写服务器地址和登记码。")
            if not code
            else self.tr("用登记码登记需要先填写服务器地址。"),
            True,
        )
        return None

    def enrol_online(self) -> None:
        from fieldapp.sync import client

        source = self._enrolment_source()
        if source is None:
            return
        server = self.server.text().strip().rstrip("/") or None
        fingerprint = self.enrol_fingerprint.text().strip() or None
        if source.startswith(("http://", "https://")) and fingerprint is None:
            self._finish(
                self.tr(
                    "用登记码联网登记需要填写登记信上的“市总工会公钥指纹”，以确认连到的是真正的市总工会。"
                ),
                True,
            )
            return
        self._save_server()
        db = self.db

        def work(_progress: Callable[[int, int], None]) -> str:
            enrolment = client.load_enrolment(source, fingerprint)
            return client.enroll_online(db, enrolment, server)

        self._run(self.tr("正在登记…"), work)

    def enrol_by_stick(self) -> None:
        from fieldapp.sync import client

        source = self.enrol_file.text().strip()
        if not source:
            self._finish(self.tr("不联网登记需要市总工会发的登记文件：请先点“选择文件”。"), True)
            return
        folder = self._need_folder(self.tr("选择U盘上的文件夹"))
        if folder is None:
            return
        db = self.db

        def work(_progress: Callable[[int, int], None]) -> str:
            _check_stick(folder)
            path = client.write_enrolment_request(db, client.load_enrolment(source), folder)
            return (
                f"已把登记申请写到U盘：{path.name}。请把U盘交市总工会导入，"
                "再用“从U盘导入回执”完成登记；登记完成前也可以先导出数据。"
            )

        self._run(self.tr("正在写登记申请…"), work)


def _check_stick(folder: Path) -> None:
    from fieldapp.sync.protocol import SyncError

    if not folder.is_dir():
        raise SyncError(
            "USB_MISSING",
            f"找不到文件夹 {folder}：U盘可能已拔出。本机数据没有丢失；请插好U盘，重新选择文件夹后再试。",
        )


def _plausible_url(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is not a number raises here
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _local_time(iso: str | None) -> str:
    if not iso:
        return ""
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
