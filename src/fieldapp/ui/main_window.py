"""The cadre's workbench: household list, to-do list and re-survey progress, profiles in tabs.

The window wires widgets together and to the services; it decides nothing itself. Reads that
can take time (the household list, the to-do list) run off the GUI thread through `ops.Op`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from fieldapp.ui import messages, screen_fit
from fieldapp.ui import settings as opts
from fieldapp.ui.dashboard import Dashboard, DashboardData
from fieldapp.ui.household_list import HouseholdListPanel
from fieldapp.ui.ops import Op

# The database layer (SQLAlchemy, Alembic, pypinyin) takes longer to import than Qt itself, so
# it is imported off the GUI thread after the window is on screen, and forms when first opened.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # importing an event class builds QEvent's 177-member enum

    from fieldapp.printing.engine import RenderedPdf
    from fieldapp.services.households import HouseholdRow
    from fieldapp.services.profile import Profile
    from fieldapp.storage.db import Database
    from fieldapp.ui.household_dialogs import HouseholdDialog, MemberDialog
    from fieldapp.ui.import_dialog import ImportDialog
    from fieldapp.ui.lock import Locker
    from fieldapp.ui.profile import HouseholdProfile
    from fieldapp.ui.referral_dialogs import ReferralDialog, StatusDialog
    from fieldapp.ui.settings_dialog import SettingsDialog
    from fieldapp.ui.sync_screen import SyncScreen
    from fieldapp.ui.visit_form import VisitDialog, VoidVisitDialog


def _profile_class() -> type[HouseholdProfile]:
    from fieldapp.ui.profile import HouseholdProfile

    return HouseholdProfile


MAX_TODO_SHOWN = 300

# fieldapp.domain.vocab.AuditAction values, named here so the window does not import the domain
# vocabularies before it is on screen
AUDIT_VIEW_PROFILE = "查看家庭档案"
AUDIT_REVEAL_ID = "显示完整身份证号"
AUDIT_REVEAL_PHONE = "显示完整手机号"
AUDIT_LOCK = "锁屏"
AUDIT_SIGN_IN = "登录"
AUDIT_SIGN_IN_FAILED = "登录失败"
AUDIT_PASSWORD_RESET = "用恢复码重设密码"


class MainWindow(QMainWindow):
    loaded = Signal()  # the household list and the to-do list have been (re)loaded

    def __init__(
        self,
        db: Database | None,
        prefs: opts.AppSettings,
        parent: QWidget | None = None,
        *,
        opener: Callable[[], Database] | None = None,
        check_password: Callable[[str], object] | None = None,
        reset_password: Callable[[str, str], object] | None = None,
    ) -> None:
        """`db`, or `opener` to open it off the GUI thread once the window is shown.

        With `check_password` (it raises on a wrong password) the window locks itself after the
        idle period of the settings and on Ctrl+L. With `reset_password` (recovery code, new
        password; it raises when refused) the lock screen offers 忘记密码…."""
        super().__init__(parent)
        screen_fit.install()  # every window and dialog from here on fits the laptop's screen
        self._db = db
        self._opener = opener
        self.open_failed = False
        self.prefs = prefs
        self.load_count = 0
        self.cadre_name = ""
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("工会结对帮扶台账"))
        self.dialogs: list[QWidget] = []

        self.households = HouseholdListPanel(self)
        self.dashboard = Dashboard(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.households)
        self.splitter.addWidget(self.dashboard)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 420])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.splitter, self.tr("工作台"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.stack = QStackedWidget(self)  # the workbench, and the lock screen in front of it
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.locker: Locker | None = None
        if check_password is not None:
            from fieldapp.ui.lock import Locker

            self.locker = Locker(
                self, self.stack, check_password, prefs.get(opts.LOCK_MINUTES), reset_password
            )
            self.locker.locked.connect(self._locked)
            self.locker.unlocked.connect(self._audit_unlock)
            self.locker.failed.connect(lambda _t: self.audit(AUDIT_SIGN_IN_FAILED, detail="解锁"))

        self._make_actions()
        self._make_status_bar()

        self.households.openRequested.connect(self.open_household)
        self.households.revealRequested.connect(lambda hid, what: self.audit_reveal(hid, what, ""))
        self.dashboard.householdRequested.connect(self.open_household)
        self.dashboard.draftRequested.connect(self.finish_draft)

        self._restore_geometry()
        self.refresh()

    @property
    def db(self) -> Database:
        assert self._db is not None, "the ledger is still being opened"
        return self._db

    @property
    def ready(self) -> bool:
        return self._db is not None

    # --- chrome ----------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_household_action = self._action(
            self.tr("新建困难户(&N)…"),
            self.new_household,
            "Ctrl+N",
            sp.SP_FileDialogNewFolder,
            self.tr("登记一户新的结对困难户"),
        )
        self.visit_action = self._action(
            self.tr("记录走访(&V)…"),
            self.record_visit,
            "Ctrl+E",
            sp.SP_DialogApplyButton,
            self.tr("为选中的困难户记录一次走访"),
        )
        self.referral_action = self._action(
            self.tr("新建转介(&R)…"),
            self.new_referral,
            "Ctrl+R",
            sp.SP_ArrowForward,
            self.tr("把选中的困难户转介给相关单位"),
        )
        self.refresh_action = self._action(self.tr("刷新(&F)"), self.refresh, "F5", sp.SP_BrowserReload)
        self.settings_action = self._action(
            self.tr("设置(&S)…"), self.open_settings, "Ctrl+,", sp.SP_FileDialogDetailedView
        )
        self.find_action = self._action(self.tr("查找困难户(&F)"), self.focus_search, "Ctrl+F")
        self.home_action = self._action(
            self.tr("回到工作台(&H)"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1"
        )
        self.close_tab_action = self._action(
            self.tr("关闭当前档案(&W)"), lambda: self.close_tab(self.tabs.currentIndex()), "Ctrl+W"
        )
        self.quit_action = self._action(self.tr("退出(&X)"), self.close, "Ctrl+Q")
        self.lock_action = self._action(
            self.tr("锁定(&L)"), self.lock, "Ctrl+L", tip=self.tr("离开电脑时锁定台账，回来输入密码继续")
        )
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from a form, too
        self.lock_action.setEnabled(self.locker is not None)
        self.help_action = self._action(self.tr("使用说明(&H)"), self.show_help, "F1")
        self.about_action = self._action(self.tr("关于(&A)"), self.show_about)
        self.print_action: QAction | None = None

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.new_household_action)
        self.import_action = self._action(
            self.tr("导入困难户名单(&I)…"),
            self.open_import,
            tip=self.tr("从Excel或CSV名单导入联系户，导入前先预览"),
        )
        file_menu.addAction(self.import_action)
        self._add_print_action(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        from fieldapp.ui import autobackup

        self.backup_location_action = self._action(
            self.tr("备份位置(&B)…"), lambda: autobackup.choose_location(self, self.db)
        )
        self.restore_action = self._action(
            self.tr("从备份恢复(&R)…"), lambda: autobackup.restore_from_backup(self, self.db)
        )
        file_menu.addAction(self.backup_location_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        record_menu = bar.addMenu(self.tr("记录(&R)"))
        record_menu.addAction(self.visit_action)
        record_menu.addAction(self.referral_action)
        view_menu = bar.addMenu(self.tr("查看(&V)"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.home_action)
        view_menu.addAction(self.close_tab_action)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        sync_menu = bar.addMenu(self.tr("同步(&Y)"))
        self.sync_action = self._action(
            self.tr("与市总工会同步(&S)…"),
            self.open_sync,
            "Ctrl+Shift+S",
            sp.SP_DriveNetIcon,
            self.tr("上传到市总工会、导出到U盘或导入回执"),
        )
        sync_menu.addAction(self.sync_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

        tools = QToolBar(self.tr("常用"), self)
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.new_household_action, self.visit_action, self.referral_action):
            tools.addAction(a)
        tools.addSeparator()
        tools.addAction(self.sync_action)
        tools.addAction(self.refresh_action)
        tools.addAction(self.settings_action)
        self.addToolBar(tools)

    def _add_print_action(self, menu: object) -> None:
        """The print preview comes from another package; the workbench runs without it."""
        if importlib.util.find_spec("fieldapp.ui.print_preview") is None:
            return
        self.print_action = self._action(self.tr("打印(&P)…"), self.open_print_preview, "Ctrl+P")
        menu.addAction(self.print_action)  # type: ignore[attr-defined]
        self.notice_action = self._action(
            self.tr("打印公示名单(&G)…"),
            self.print_public_notice,
            tip=self.tr("帮扶对象公示名单（已同意公示的户）"),
        )
        menu.addAction(self.notice_action)  # type: ignore[attr-defined]
        self.batch_print_action = self._action(
            self.tr("批量打印(&M)…"),
            self.open_batch_print,
            tip=self.tr("为全部困难户、一个乡镇或一个村生成表单或公示名单的PDF文件"),
        )
        menu.addAction(self.batch_print_action)  # type: ignore[attr-defined]

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.busy_label = QLabel(self)
        self.busy_label.hide()
        self.cadre_label = QLabel(self)
        self.cadre_label.setObjectName("cadreLabel")
        self.path_label = QLabel(str(self._db.path) if self._db else "", self)
        self.path_label.setStyleSheet("color: #777;")
        bar.addWidget(self.busy_label)
        bar.addWidget(self.busy)
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("syncStateLabel")
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.cadre_label)
        bar.addPermanentWidget(self.path_label)

    def set_busy(self, busy: bool, label: str) -> None:
        self.busy_label.setText(label)
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _restore_geometry(self) -> None:
        geometry = self.prefs.get(opts.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            area = screen_fit.available_area(self)  # the taskbar excluded
            frame_w, frame_h = screen_fit.FRAME_ALLOWANCE
            self.resize(min(1366, area.width() - frame_w), min(740, area.height() - frame_h))
            self.move(area.topLeft())
        state = self.prefs.get(opts.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.prefs.get(opts.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_geometry(self) -> None:
        self.prefs.set(opts.WINDOW_GEOMETRY, QByteArray(self.saveGeometry()))
        self.prefs.set(opts.WINDOW_STATE, QByteArray(self.saveState()))
        self.prefs.set(opts.SPLITTER_STATE, QByteArray(self.splitter.saveState()))
        self.prefs.set(opts.ONLY_MINE, self.households.only_mine.isChecked())
        self.prefs.sync()

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list and the dashboard in the background (opening the ledger first)."""
        db, opener, prefs = self._db, self._opener, self.prefs
        start = opts.resurvey_start(prefs)
        if db is None:
            self.set_busy(True, self.tr("正在打开台账…"))

        def work() -> tuple[Database, str, list[HouseholdRow], DashboardData]:
            from fieldapp.services import cadres, households, todo
            from fieldapp.services import settings as ledger_settings

            ledger = db if db is not None else opener()  # type: ignore[misc]
            cadre_id = ledger_settings.current_cadre_id(ledger)
            name = prefs.get(opts.CADRE_NAME)
            if cadre_id is None and name:
                cadre = cadres.find_cadre_by_name(ledger, name)
                if cadre is not None:
                    ledger_settings.set_current_cadre(ledger, cadre.id)
                    cadre_id = cadre.id
            me = None
            if cadre_id is not None:
                try:
                    me = cadres.pairing_status(ledger, cadre_id)
                except Exception:
                    cadre_id = None
            rows = households.list_households(ledger)
            # headquarters' campaign, when one was received, replaces the local start date
            campaign_name, period_start, period_end = todo.resurvey_period(ledger, start)
            data = DashboardData(
                todo=todo.todo_items(ledger, cadre_id=cadre_id)[:MAX_TODO_SHOWN],
                progress=todo.resurvey_progress(
                    ledger, period_start, cadre_id=cadre_id, end=period_end, name=campaign_name
                ),
                me=me,
                cadres=todo.pairing_overview(ledger),
                drafts=todo.waiting_drafts(ledger),
            )
            return ledger, (me.cadre_name if me else ""), rows, data

        Op(work, self.tr("正在读取台账…")).success(self._loaded).failure(self._load_failed).run(self.set_busy)

    def _load_failed(self, error: Exception) -> None:
        if self._db is None:
            self.open_failed = True
            self.set_busy(False, "")
            messages.show_error(self, error, self.tr("无法打开台账"))
            self.close()
        else:
            messages.show_error(self, error, self.tr("读取台账失败"))

    def _loaded(self, result: tuple[Database, str, list[HouseholdRow], DashboardData]) -> None:
        db, self.cadre_name, rows, data = result
        if self._db is None:
            self._db = db
            self.path_label.setText(str(db.path))
            self.set_busy(False, "")
        first = self.load_count == 0
        if first:
            from fieldapp.ui.autobackup import AutoBackup

            self.autobackup = AutoBackup(self, db)  # start-up backup, then every N hours of work
        self.households.set_rows(rows)
        if first:
            self.households.set_cadre_name(self.cadre_name)
            self.households.only_mine.setChecked(bool(self.cadre_name) and self.prefs.get(opts.ONLY_MINE))
        else:
            self.households.set_cadre_name(self.cadre_name)
        self.dashboard.show_data(data)
        self.cadre_label.setText(
            self.tr("当前干部：%1").replace("%1", self.cadre_name)
            if self.cadre_name
            else self.tr("当前干部：未设置")
        )
        self.load_count += 1
        self.refresh_sync_state()
        self.statusBar().showMessage(self.tr("已读取 %1 户").replace("%1", str(len(rows))), 4000)
        self.loaded.emit()

    # --- households and profiles -----------------------------------------------------------
    def profile_tab(self, household_id: str) -> HouseholdProfile | None:
        profile_class = _profile_class()
        for i in range(1, self.tabs.count()):
            w = self.tabs.widget(i)
            if isinstance(w, profile_class) and w.household_id == household_id:
                return w
        return None

    def open_household(self, household_id: str, referral_id: str = "") -> HouseholdProfile:
        view = self.profile_tab(household_id)
        if view is None:
            view = _profile_class()(self.db, household_id, self.tabs)
            view.editRequested.connect(self.edit_household)
            view.revealRequested.connect(self.audit_reveal)
            self.audit(AUDIT_VIEW_PROFILE, household_id=household_id)
            view.visitRequested.connect(self.record_visit_for)
            view.referralRequested.connect(self.new_referral_for)
            view.statusChangeRequested.connect(self.change_referral_status)
            view.printRequested.connect(self.print_record)
            view.visitEditRequested.connect(self.edit_visit)
            view.visitVoidRequested.connect(self.void_visit)
            view.memberRequested.connect(self.edit_member)
            view.recordRequested.connect(self.add_record)
            view.recordEditRequested.connect(self.edit_record)
            view.changed.connect(self.household_changed)
            self.tabs.addTab(view, self.tr("档案"))
        self.tabs.setCurrentWidget(view)
        self._load_profile(view, referral_id)
        return view

    def _load_profile(self, view: HouseholdProfile, referral_id: str = "") -> None:
        from fieldapp.services.profile import load_profile

        db, hid = self.db, view.household_id

        def shown(p: Profile) -> None:
            view.show_profile(p)
            i = self.tabs.indexOf(view)
            if i >= 0:
                self.tabs.setTabText(i, p.head.name if p.head else self.tr("档案"))
            if referral_id:
                view.select_referral(referral_id)

        Op(lambda: load_profile(db, hid), self.tr("正在打开档案…")).success(shown).failure(
            lambda e: messages.show_error(self, e, self.tr("打开档案失败"))
        ).run(self.set_busy)

    def close_tab(self, index: int) -> None:
        if index > 0:
            w = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if w is not None:
                w.deleteLater()

    def household_changed(self, household_id: str) -> None:
        view = self.profile_tab(household_id)
        if view is not None:
            self._load_profile(view)
        self.refresh()

    def current_household_id(self) -> str | None:
        w = self.tabs.currentWidget()
        if isinstance(w, _profile_class()):
            return w.household_id
        return self.households.current_household_id()

    def _need_household(self) -> str | None:
        hid = self.current_household_id()
        if hid is None:
            messages.show_info(
                self,
                self.tr("请先选择一户"),
                self.tr("请先在困难户列表中选中一户（可用 Ctrl+F 查找），再进行此操作。"),
            )
        return hid

    def _head_name(self, household_id: str) -> str:
        from fieldapp.services import households

        h = households.get_household(self.db, household_id)
        return h.head.name if h.head else ""

    def _open_dialog(self, dialog: QWidget) -> None:
        """Dialogs open window-modal but never block (`open()`), so tests and the GUI go on."""
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        self.dialogs.append(dialog)
        dialog.open()  # type: ignore[attr-defined]

    def edit_household(self, household_id: str) -> HouseholdDialog:
        from fieldapp.ui.household_dialogs import HouseholdDialog

        dialog = HouseholdDialog(self.db, self, household_id=household_id)
        dialog.saved.connect(self.household_changed)
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    # --- privacy: audit, masking, lock -----------------------------------------------------
    def audit(self, action: str, *, household_id: str | None = None, detail: str = "") -> None:
        """One audit entry, written off the GUI thread; a failure is shown, never swallowed."""
        self._audit_in_order([(action, detail)], household_id)

    def _audit_in_order(self, entries: list[tuple[str, str]], household_id: str | None = None) -> None:
        """Audit entries (action, detail) written one after the other, in one background task."""
        if self._db is None:
            return
        db = self._db

        def work() -> None:
            from fieldapp.services import audit

            for action, detail in entries:
                audit.log(db, action, household_id=household_id, detail=detail)

        Op(work).failure(lambda e: messages.show_error(self, e, self.tr("审计记录未能保存"))).run()

    def _audit_unlock(self) -> None:
        """Unlocked: with the recovery code, the password reset is recorded first (as at sign-in)."""
        entries = [(AUDIT_SIGN_IN, "解锁")]
        if self.locker is not None and self.locker.was_reset:
            entries.insert(0, (AUDIT_PASSWORD_RESET, "解锁"))
        self._audit_in_order(entries)

    def audit_reveal(self, household_id: str, what: str, member_id: str) -> None:
        from fieldapp.ui.household_list import REVEAL_ID

        action = AUDIT_REVEAL_ID if what == REVEAL_ID else AUDIT_REVEAL_PHONE
        self.audit(action, household_id=household_id, detail=f"成员 {member_id}" if member_id else "")

    def lock(self) -> None:
        if self.locker is not None:
            self.locker.lock()

    def _locked(self) -> None:
        """Every revealed number is masked again; the next person sees nothing of it."""
        self.households.model.mask_all()
        profile_class = _profile_class() if self.tabs.count() > 1 else None
        for i in range(1, self.tabs.count()):
            w = self.tabs.widget(i)
            if profile_class is not None and isinstance(w, profile_class):
                w.mask_all()
        for dialog in self.findChildren(QDialog):  # a print preview showing full numbers
            box = getattr(dialog, "reveal_box", None)
            if getattr(dialog, "revealed", False) and box is not None:
                box.setChecked(False)  # re-rendered masked
        self.audit(AUDIT_LOCK)

    def print_public_notice(self) -> None:
        """The public notice (公示) lists only households that consented (PIPL Art. 25): say so."""
        from fieldapp.services import consent, printing

        db, who = self.db, self.cadre_name

        def work() -> tuple[int, str, RenderedPdf, list[str]]:
            form = consent.notice_form(db)  # headquarters' template when it sent one
            return (
                consent.notice_omissions(db),
                form,
                printing.render_form(db, form, "all"),
                printing.form_problems(db, form),
            )

        def show(result: tuple[int, str, RenderedPdf, list[str]]) -> None:
            from fieldapp.ui.print_preview import PrintPreviewDialog

            omitted, form, pdf, problems = result
            if omitted:
                messages.show_info(
                    self,
                    self.tr("部分困难户未列入公示"),
                    self.tr(
                        "有 %1 户符合公示条件，但没有签署公示同意书，不会列入公示名单"
                        "（《个人信息保护法》第25条）。\n"
                        "如需公示，请先取得本人同意，并在档案“救助与同意”页登记。"
                    ).replace("%1", str(omitted)),
                )
            dialog = PrintPreviewDialog(pdf.data, self.tr("公示名单"), self)
            dialog.show_notes(problems + printing.glyph_notes(pdf))
            dialog.documentOutput.connect(
                lambda destination, copies: printing.log_print(
                    db,
                    form,
                    "all",
                    pdf,
                    printed_by=who,
                    destination=destination,
                    copies=copies,
                )
            )
            self.notice_preview = dialog
            self.notice_omitted = omitted
            self._open_dialog(dialog)

        Op(work, self.tr("正在生成公示名单…")).success(show).failure(
            lambda e: messages.show_error(self, e, self.tr("公示名单未能生成"))
        ).run(self.set_busy)

    def new_household(self) -> HouseholdDialog:
        from fieldapp.ui.household_dialogs import HouseholdDialog

        dialog = HouseholdDialog(self.db, self)
        dialog.saved.connect(self._household_created)
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    def _household_created(self, household_id: str) -> None:
        self.refresh()
        self.open_household(household_id)

    def record_visit(self) -> VisitDialog | None:
        hid = self._need_household()
        return self.record_visit_for(hid) if hid else None

    def record_visit_for(self, household_id: str) -> VisitDialog:
        from fieldapp.ui.visit_form import VisitDialog

        dialog = VisitDialog(self.db, household_id, self._head_name(household_id), self)
        dialog.saved.connect(lambda _vid: self.household_changed(household_id))
        dialog.referralRequested.connect(self.new_referral_for)
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    def finish_draft(self, kind: str, household_id: str, record_id: str = "") -> QWidget:
        """A waiting draft from the 待办 list: its form, with the text restored."""
        if kind in ("referral", "relief", "consent") and record_id:
            return self.edit_record(household_id, kind, record_id)
        if kind == "referral":
            return self.new_referral_for(household_id)
        if kind == "household":
            return self.edit_household(household_id) if household_id else self.new_household()
        if kind == "member":
            return self.edit_member(household_id, record_id)
        if kind in ("relief", "consent"):
            return self.add_record(household_id, kind)
        if kind == "assessment":
            profile = self.open_household(household_id)
            profile.tabs.setCurrentWidget(profile.assessment)
            return profile
        return self.record_visit_for(household_id)

    def edit_visit(self, household_id: str, visit_id: str) -> VisitDialog:
        from fieldapp.ui.visit_form import VisitDialog

        dialog = VisitDialog(self.db, household_id, self._head_name(household_id), self, visit_id=visit_id)
        dialog.saved.connect(lambda _vid: self.household_changed(household_id))
        self._open_dialog(dialog)
        return dialog

    def void_visit(self, household_id: str, visit_id: str) -> VoidVisitDialog:
        from fieldapp.ui.visit_form import VoidVisitDialog

        dialog = VoidVisitDialog(self.db, visit_id, self)
        dialog.saved.connect(lambda _vid: self.household_changed(household_id))
        self._open_dialog(dialog)
        return dialog

    def new_referral(self) -> ReferralDialog | None:
        hid = self._need_household()
        return self.new_referral_for(hid, "") if hid else None

    def new_referral_for(self, household_id: str, visit_id: str = "") -> ReferralDialog:
        from fieldapp.ui.referral_dialogs import ReferralDialog

        dialog = ReferralDialog(
            self.db, household_id, visit_id=visit_id or None, recorded_by=self.cadre_name, parent=self
        )
        dialog.saved.connect(lambda rid: self._referral_saved(household_id, rid))
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    def _referral_saved(self, household_id: str, referral_id: str) -> None:
        self.open_household(household_id, referral_id)
        self.refresh()

    def change_referral_status(self, referral_id: str) -> StatusDialog:
        from fieldapp.ui.referral_dialogs import StatusDialog

        dialog = StatusDialog(self.db, referral_id, recorded_by=self.cadre_name, parent=self)
        w = self.tabs.currentWidget()
        hid = w.household_id if isinstance(w, _profile_class()) else None
        dialog.saved.connect(lambda rid: self.household_changed(hid) if hid else self.refresh())
        self._open_dialog(dialog)
        return dialog

    def edit_member(self, household_id: str, member_id: str) -> MemberDialog:
        from fieldapp.ui.household_dialogs import MemberDialog

        dialog = MemberDialog(self.db, household_id, member_id or None, self)
        dialog.saved.connect(lambda _mid: self.household_changed(household_id))
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    def add_record(self, household_id: str, kind: str) -> QWidget:
        from fieldapp.ui.records_dialogs import ConsentDialog, ReliefDialog

        dialog: ReliefDialog | ConsentDialog
        if kind == "relief":
            dialog = ReliefDialog(self.db, household_id, self)
        else:
            dialog = ConsentDialog(self.db, household_id, self)
        dialog.saved.connect(lambda _id: self.household_changed(household_id))
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    def edit_record(self, household_id: str, kind: str, record_id: str) -> QWidget:
        """Correct a saved referral's details, relief payment or consent, with a reason."""
        from fieldapp.ui.records_dialogs import ConsentDialog, ReliefDialog
        from fieldapp.ui.referral_dialogs import ReferralDialog

        dialog: ReliefDialog | ConsentDialog | ReferralDialog
        if kind == "relief":
            dialog = ReliefDialog(self.db, household_id, self, relief_id=record_id)
        elif kind == "consent":
            dialog = ConsentDialog(self.db, household_id, self, consent_id=record_id)
        else:
            dialog = ReferralDialog(
                self.db, household_id, recorded_by=self.cadre_name, parent=self, referral_id=record_id
            )
        dialog.saved.connect(lambda _id: self.household_changed(household_id))
        dialog.rejected.connect(self.refresh)  # a draft kept or discarded: the 待办 list shows it
        self._open_dialog(dialog)
        return dialog

    def open_batch_print(self) -> QDialog | None:
        """文件 → 批量打印: every household's, a township's or a village's forms, the public notice."""
        try:
            from fieldapp.ui.print_preview import BatchPrintDialog

            dialog = BatchPrintDialog(self.db, self)
        except Exception as e:
            messages.show_error(self, e, self.tr("无法打开批量打印"))
            return None
        self._open_dialog(dialog)
        return dialog

    def open_import(self) -> ImportDialog:
        """文件 → 导入困难户名单: preview, import, fix and read again."""
        from fieldapp.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self)
        dialog.imported.connect(self.refresh)
        self._open_dialog(dialog)
        return dialog

    def open_settings(self) -> SettingsDialog:
        from fieldapp.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, self.db, self)
        dialog.applied.connect(self.refresh)
        autobackup = getattr(self, "autobackup", None)
        if autobackup is not None:  # a new backup location gets its first backup at once
            dialog.applied.connect(autobackup.check)
        if self.locker is not None:
            locker = self.locker
            dialog.applied.connect(lambda: locker.set_idle_minutes(self.prefs.get(opts.LOCK_MINUTES)))
        self._open_dialog(dialog)
        return dialog

    def print_record(self, form: str, record_id: str) -> QObject | None:
        """Preview one form of one record (a visit's record, a referral's slip) and log it."""
        try:
            from fieldapp.ui.print_action import preview_record

            return preview_record(self.db, form, record_id, self.cadre_name, self)
        except Exception as e:
            messages.show_error(self, e, self.tr("无法打开打印预览"))
            return None

    def open_print_preview(self) -> QObject | None:
        """Ctrl+P: on a household's 转介 tab, the selected referral's slip; else the chooser."""
        w = self.tabs.currentWidget()
        target = w.print_target() if isinstance(w, _profile_class()) else None
        if target is not None:
            return self.print_record(*target)
        hid = self._need_household()
        if hid is None:
            return None
        try:
            from fieldapp.ui.print_action import PrintChooser

            chooser = PrintChooser(
                self.db,
                hid,
                self._head_name(hid),
                self.cadre_name,
                self.prefs.get(opts.PRINT_COPIES),
                self,
            )
        except Exception as e:
            messages.show_error(self, e, self.tr("无法打开打印预览"))
            return None
        self._open_dialog(chooser)
        return chooser

    def open_sync(self) -> SyncScreen:
        from fieldapp.ui.sync_screen import SyncScreen

        screen = SyncScreen(self.db, self.prefs, self)
        screen.synced.connect(self.refresh)
        self._open_dialog(screen)
        return screen

    def refresh_sync_state(self) -> None:
        """The status bar's sync state: changes waiting for headquarters, or that all is sent."""
        if self._db is None:
            return
        db = self.db

        def work() -> dict[str, object]:
            from fieldapp.sync import client

            return client.status(db)

        Op(work).success(self._show_sync_state).run()

    def _show_sync_state(self, state: dict[str, object]) -> None:
        pending = int(str(state["pending_changes"]))
        if not state["enrolment_started"]:
            text = self.tr("未登记同步（%1 条待上传）").replace("%1", str(pending))
        elif pending:
            text = self.tr("待同步 %1 条").replace("%1", str(pending))
        else:
            text = self.tr("已全部同步")
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet("color: #b26a00;" if pending else "color: #2e7d32;")
        self.sync_label.setToolTip(self.tr("同步 → 与市总工会同步（Ctrl+Shift+S）"))

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.households.search.setFocus()
        self.households.search.selectAll()

    def show_help(self) -> None:
        messages.show_info(
            self,
            self.tr("使用说明"),
            self.tr(
                "1. 查找困难户：在左上角搜索框输入姓名、拼音首字母（如 zhs）、身份证号后几位、电话或村名。\n"
                "2. 打开档案：双击列表中的一户，或选中后按回车。\n"
                "3. 记录走访：选中一户后按 Ctrl+E，用 Tab 填写，回车保存。草稿自动保存。\n"
                "4. 新建转介：按 Ctrl+R，选择转介事项和接收单位；在档案的“转介”页变更状态。\n"
                "5. 待办：右侧列出到期和逾期的走访与转介跟进，双击打开。"
            ),
        )

    def show_about(self) -> None:
        from fieldapp import __version__

        messages.show_info(
            self,
            self.tr("关于"),
            self.tr("工会结对帮扶台账 %1\n依据临会发〔2014〕20号、总工发〔2015〕14号。\n数据文件：%2")
            .replace("%1", str(__version__))
            .replace("%2", str(self.db.path)),
        )

    # --- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for d in list(self.dialogs):
            if d.isVisible() and not d.close():
                event.ignore()
                return
        self.save_geometry()
        event.accept()
