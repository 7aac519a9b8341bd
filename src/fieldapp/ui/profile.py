"""The household profile: basic information, members, assessment, visits, referrals, records.

The widget only lays out what `services.profile.load_profile` returns and emits `...Requested`
signals; the main window opens the dialogs and reloads the profile when something changed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import referrals as rules
from fieldapp.domain import vocab
from fieldapp.domain.money import format_yuan
from fieldapp.domain.people import COMPLETENESS_LABELS
from fieldapp.services import records
from fieldapp.services.profile import Profile
from fieldapp.storage.db import Database
from fieldapp.ui import messages, vocab_text
from fieldapp.ui.assessment_form import AssessmentForm
from fieldapp.ui.household_list import (
    CATEGORY_COLOURS,
    REVEAL_ID,
    REVEAL_PHONE,
    local_phone,
    mask_id,
    masked_phone,
    short_village,
)

STATUS_COLOURS = {
    vocab.ReferralStatus.DRAFT: "#666666",
    vocab.ReferralStatus.REFERRED: "#1565c0",
    vocab.ReferralStatus.ACCEPTED: "#6a3fb3",
    vocab.ReferralStatus.COMPLETED: "#2e7d32",
    vocab.ReferralStatus.RETURNED: "#b26a00",
    vocab.ReferralStatus.WITHDRAWN: "#8a8a8a",
}


def _table(parent: QWidget, headers: Sequence[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(list(headers))
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.setTabKeyNavigation(False)  # Tab and Ctrl+Tab leave the table; the arrow keys move in it
    t.setWordWrap(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


REFERRALS_TAB = 3

LINK_STYLE = "QPushButton { color: #1565c0; text-decoration: underline; border: none; padding: 0 4px; }"


CELL_CHARS = 40  # longer text (a note of 2,000 characters) shows its start; the rest on hover


def _cell(value: str) -> QTableWidgetItem:
    """A table cell: a long or several-line text shows on one line, cut to CELL_CHARS, and the
    whole text (wrapped) as its tooltip — never a row clipped or a column a page wide."""
    flat = " ".join(value.splitlines())
    if flat == value and len(value) <= CELL_CHARS:
        return QTableWidgetItem(value)
    item = QTableWidgetItem(flat if len(flat) <= CELL_CHARS else flat[:CELL_CHARS] + "…")
    item.setToolTip("<p style='white-space:pre-wrap'>" + html.escape(value) + "</p>")
    return item


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], ids: Sequence[str]) -> None:
    table.setRowCount(len(rows))
    for r, (values, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(values):
            item = _cell(value)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)


def _selected_id(table: QTableWidget) -> str | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class HouseholdProfile(QWidget):
    visitRequested = Signal(str)
    referralRequested = Signal(str, str)  # household id, visit id ("" when from the profile)
    statusChangeRequested = Signal(str)  # referral id
    memberRequested = Signal(str, str)  # household id, member id ("" = new)
    recordRequested = Signal(str, str)  # household id, "relief" | "consent"
    changed = Signal(str)  # household id: something was saved here
    editRequested = Signal(str)  # household id: edit the basic fields
    revealRequested = Signal(str, str, str)  # household id, REVEAL_ID | REVEAL_PHONE, member id: log it
    printRequested = Signal(str, str)  # form name, record id (a visit's record, a referral's slip)
    visitEditRequested = Signal(str, str)  # household id, visit id: correct a saved visit
    visitVoidRequested = Signal(str, str)  # household id, visit id: void it with a reason
    recordEditRequested = Signal(str, str, str)  # household id, "referral"|"relief"|"consent", id

    def __init__(self, db: Database, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.profile: Profile | None = None
        self.setObjectName("householdProfile")

        self.title = QLabel(self)
        self.title.setObjectName("profileTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.title.setFont(font)
        self.badge = QLabel(self)
        self.badge.setObjectName("categoryBadge")
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: #555;")
        self.reveal_id = QPushButton(self.tr("显示身份证号"), self)
        self.reveal_id.setObjectName("revealHeadId")
        self.reveal_id.setFlat(True)
        self.reveal_id.setStyleSheet(LINK_STYLE)
        self.reveal_id.setToolTip(self.tr("显示完整号码（会记入审计记录）"))
        self.reveal_id.clicked.connect(self._reveal_head_id)
        self._revealed: set[tuple[str, str]] = set()  # (member id or "", REVEAL_ID | REVEAL_PHONE)
        self.visit_button = QPushButton(self.tr("记录走访"), self)
        self.visit_button.setObjectName("profileVisit")
        self.refer_button = QPushButton(self.tr("新建转介"), self)
        self.refer_button.setObjectName("profileRefer")
        self.visit_button.clicked.connect(lambda: self.visitRequested.emit(self.household_id))
        self.refer_button.clicked.connect(lambda: self.referralRequested.emit(self.household_id, ""))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.visit_button)
        head.addWidget(self.refer_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("profileTabs")
        # Alt+1 … Alt+6 open the tabs (the menus' mnemonics are letters)
        self.tabs.addTab(self._basic_tab(), self.tr("基本信息与成员(&1)"))
        self.assessment = AssessmentForm(db, household_id, self)
        self.assessment.saved.connect(lambda _id: self.changed.emit(self.household_id))
        self.tabs.addTab(self.assessment, self.tr("困难评定(&2)"))
        self.tabs.addTab(self._visits_tab(), self.tr("走访记录(&3)"))
        self.tabs.addTab(self._referrals_tab(), self.tr("转介(&4)"))
        self.tabs.addTab(self._records_tab(), self.tr("救助与同意(&5)"))
        self.tabs.addTab(self._attachments_tab(), self.tr("附件(&6)"))
        self.tabs.addTab(self._figures_tab(), self.tr("就业与收入(&7)"))
        self.tabs.currentChanged.connect(self._tab_shown)

        subtitle_row = QHBoxLayout()
        subtitle_row.addWidget(self.subtitle)
        subtitle_row.addWidget(self.reveal_id)
        subtitle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(subtitle_row)
        layout.addWidget(self.tabs, 1)

    # --- tabs ------------------------------------------------------------------------------
    def _basic_tab(self) -> QWidget:
        page = QWidget(self)
        self.info = QFormLayout()
        self.info_labels: dict[str, QLabel] = {}
        for key, label in (
            ("village", self.tr("所在村（社区）")),
            ("address", self.tr("详细地址")),
            ("phone", self.tr("联系电话")),
            ("basis", self.tr("结对方式")),
            ("cadres", self.tr("结对干部")),
            ("housing", self.tr("户口 / 住房")),
            ("missing", self.tr("待补充")),
        ):
            value = QLabel(page)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.info_labels[key] = value
            if key == "phone":
                self.reveal_phone = QPushButton(self.tr("显示"), page)
                self.reveal_phone.setObjectName("revealPhone")
                self.reveal_phone.setFlat(True)
                self.reveal_phone.setStyleSheet(LINK_STYLE)
                self.reveal_phone.setToolTip(self.tr("显示完整号码（会记入审计记录）"))
                self.reveal_phone.clicked.connect(self._reveal_phone)
                row = QHBoxLayout()
                row.addWidget(value)
                row.addWidget(self.reveal_phone)
                row.addStretch(1)
                self.info.addRow(label, row)
                continue
            self.info.addRow(label, value)
        self.edit_household = QPushButton(self.tr("修改基本信息…"), page)
        self.edit_household.setObjectName("editHousehold")
        self.edit_household.clicked.connect(lambda: self.editRequested.emit(self.household_id))
        self.members = _table(
            page,
            [
                self.tr("姓名"),
                self.tr("关系"),
                self.tr("性别"),
                self.tr("出生日期"),
                self.tr("身份证号"),
                self.tr("健康"),
                self.tr("就业/身份"),
                self.tr("月收入（元）"),
            ],
            "membersTable",
        )
        self.members.horizontalHeader().setStretchLastSection(False)  # the health text gets the room
        self.members.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.add_member = QPushButton(self.tr("添加成员"), page)
        self.add_member.setObjectName("addMember")
        self.edit_member = QPushButton(self.tr("修改"), page)
        self.edit_member.setObjectName("editMember")
        self.remove_member = QPushButton(self.tr("删除"), page)
        self.remove_member.setObjectName("removeMember")
        self.add_member.clicked.connect(lambda: self.memberRequested.emit(self.household_id, ""))
        self.edit_member.clicked.connect(self._edit_member)
        self.members.doubleClicked.connect(lambda _i: self._edit_member())
        self.remove_member.clicked.connect(self._remove_member)
        self.reveal_member = QPushButton(self.tr("显示身份证号"), page)
        self.reveal_member.setObjectName("revealMemberId")
        self.reveal_member.setToolTip(self.tr("显示选中成员的完整身份证号（会记入审计记录）"))
        self.reveal_member.clicked.connect(self._reveal_member_id)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_household)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("家庭成员"), page))
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_member)
        buttons.addWidget(self.add_member)
        buttons.addWidget(self.edit_member)
        buttons.addWidget(self.remove_member)
        layout = QVBoxLayout(page)
        layout.addLayout(self.info)
        layout.addLayout(edit_row)
        layout.addLayout(buttons)
        layout.addWidget(self.members, 1)
        return page

    def _visits_tab(self) -> QWidget:
        """The visits, newest first; under each, links to print, correct or void it (Tab walks
        the links, Enter follows one)."""
        self.timeline = QTextBrowser(self)
        self.timeline.setObjectName("visitTimeline")
        self.timeline.setOpenLinks(False)
        self.timeline.anchorClicked.connect(self._timeline_link)
        return self.timeline

    def _figures_tab(self) -> QWidget:
        """Item 19: the latest figures per dimension, then every earlier observation (changes marked)."""
        self.figures = QTextBrowser(self)
        self.figures.setObjectName("item19Figures")
        return self.figures

    def _show_figures(self, p: Profile) -> None:
        from fieldapp.services import item19
        from fieldapp.ui.item19_form import DIMENSION_ORDER, dimension_label

        if not p.observations:
            self.figures.setHtml(
                "<p style='color:#666'>"
                + self.tr("还没有登记就业、培训、收入、社保、生活支出和欠薪情况。记录走访时可一并登记。")
                + "</p>"
            )
            return
        lines = [item19.describe(o, p.member_names, vocab_text.shown) for o in p.observations]
        parts: list[str] = []
        changed_text = self.tr("有变化")
        for i, (o, text) in enumerate(zip(p.observations, lines, strict=True)):
            older = lines[i + 1] if i + 1 < len(lines) else None
            title = (self.tr("最新情况（%1）") if i == 0 else self.tr("%1 的登记")).replace(
                "%1", o.observed_on.isoformat()
            )
            if o.visit_id:
                title += self.tr("　走访时登记")
            rows = []
            for dim in DIMENSION_ORDER:
                changed = older is not None and older[dim] != text[dim]
                mark = f"　<span style='color:#b26a00'>{changed_text}</span>" if changed else ""
                rows.append(
                    f"<span style='color:#555'>{dimension_label(dim)}：</span>{_esc(text[dim])}{mark}"
                )
            parts.append(f"<p style='margin-bottom:10px'><b>{title}</b><br>" + "<br>".join(rows) + "</p>")
        self.figures.setHtml("".join(parts))

    def _timeline_link(self, url: Any) -> None:
        """The links under a visit: print:, edit: or void:<visit id>."""
        action, _sep, visit_id = url.toString().partition(":")
        if action == "print":
            self.printRequested.emit("home_visit", visit_id)
        elif action == "edit":
            self.visitEditRequested.emit(self.household_id, visit_id)
        elif action == "void":
            self.visitVoidRequested.emit(self.household_id, visit_id)

    def _referrals_tab(self) -> QWidget:
        page = QWidget(self)
        self.referrals = _table(
            page,
            [
                self.tr("转介事项"),
                self.tr("接收单位"),
                self.tr("状态"),
                self.tr("转介日期"),
                self.tr("跟进日期"),
            ],
            "referralsTable",
        )
        self.referrals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.referrals.setColumnWidth(0, 260)
        self.history = QListWidget(page)
        self.history.setObjectName("referralHistory")
        self.new_referral = QPushButton(self.tr("新建转介"), page)
        self.change_status = QPushButton(self.tr("变更状态…"), page)
        self.change_status.setObjectName("changeStatus")
        self.edit_referral = QPushButton(self.tr("修改…"), page)
        self.edit_referral.setObjectName("editReferral")
        self.edit_referral.setToolTip(self.tr("更正接收单位、原因、日期或涉及成员，须写明修改原因"))
        self.edit_referral.setEnabled(False)
        self.edit_referral.clicked.connect(lambda: self._request_edit(self.referrals, "referral"))
        self.print_slip = QPushButton(self.tr("打印转介单…"), page)
        self.print_slip.setObjectName("printSlip")
        self.print_slip.setToolTip(
            self.tr(
                "转介单带回执联和二维码，随当事人交接收单位；身份证号和电话默认隐去中间部分。"
                "在本页按 Ctrl+P 打印选中的转介单"
            )
        )
        self.print_slip.setEnabled(False)
        self.print_slip.clicked.connect(self._request_slip)
        self.new_referral.clicked.connect(lambda: self.referralRequested.emit(self.household_id, ""))
        self.change_status.clicked.connect(self._request_status)
        self.referrals.itemSelectionChanged.connect(self._show_history)
        self.referrals.doubleClicked.connect(lambda _i: self._request_status())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_referral)
        buttons.addWidget(self.change_status)
        buttons.addWidget(self.edit_referral)
        buttons.addWidget(self.print_slip)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.referrals)
        hist = QWidget(split)
        hl = QVBoxLayout(hist)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(QLabel(self.tr("状态记录"), hist))
        hl.addWidget(self.history)
        split.addWidget(hist)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        return page

    def _records_tab(self) -> QWidget:
        page = QWidget(self)
        self.relief = _table(
            page,
            [self.tr("项目"), self.tr("金额（元）"), self.tr("发放日期"), self.tr("说明")],
            "reliefTable",
        )
        self.consents = _table(
            page,
            [
                self.tr("同意事项"),
                self.tr("是否同意"),
                self.tr("日期"),
                self.tr("告知书版本"),
                self.tr("监护人"),
            ],
            "consentsTable",
        )
        self.add_relief = QPushButton(self.tr("登记救助…"), page)
        self.add_relief.setObjectName("addRelief")
        self.add_consent = QPushButton(self.tr("登记同意…"), page)
        self.add_consent.setObjectName("addConsent")
        self.add_relief.clicked.connect(lambda: self.recordRequested.emit(self.household_id, "relief"))
        self.add_consent.clicked.connect(lambda: self.recordRequested.emit(self.household_id, "consent"))
        self.edit_relief = QPushButton(self.tr("修改…"), page)
        self.edit_relief.setObjectName("editRelief")
        self.edit_relief.setToolTip(self.tr("更正选中的救助发放，须写明修改原因"))
        self.edit_consent = QPushButton(self.tr("修改…"), page)
        self.edit_consent.setObjectName("editConsent")
        self.edit_consent.setToolTip(self.tr("更正选中的同意记录，须写明修改原因"))
        self.edit_relief.clicked.connect(lambda: self._request_edit(self.relief, "relief"))
        self.edit_consent.clicked.connect(lambda: self._request_edit(self.consents, "consent"))
        for table, button in ((self.relief, self.edit_relief), (self.consents, self.edit_consent)):
            button.setEnabled(False)
            table.itemSelectionChanged.connect(
                lambda t=table, b=button: b.setEnabled(_selected_id(t) is not None)
            )
        relief_row = QHBoxLayout()
        relief_row.addWidget(QLabel(self.tr("救助发放"), page))
        relief_row.addStretch(1)
        relief_row.addWidget(self.edit_relief)
        relief_row.addWidget(self.add_relief)
        consent_row = QHBoxLayout()
        consent_row.addWidget(QLabel(self.tr("个人信息处理同意（《个人信息保护法》第29条等）"), page))
        consent_row.addStretch(1)
        consent_row.addWidget(self.edit_consent)
        consent_row.addWidget(self.add_consent)
        layout = QVBoxLayout(page)
        layout.addLayout(relief_row)
        layout.addWidget(self.relief, 1)
        layout.addLayout(consent_row)
        layout.addWidget(self.consents, 1)
        return page

    def _attachments_tab(self) -> QWidget:
        page = QWidget(self)
        self.attachments = _table(
            page,
            [self.tr("材料类别"), self.tr("文件名"), self.tr("大小"), self.tr("添加时间"), self.tr("说明")],
            "attachmentsTable",
        )
        self.attachment_kind = QComboBox(page)
        self.attachment_kind.setObjectName("attachmentKind")
        for k in vocab.AttachmentKind:
            self.attachment_kind.addItem(vocab_text.label(k), k.value)
        self.add_attachment = QPushButton(self.tr("从电脑选择照片或文件…"), page)
        self.add_attachment.setObjectName("addAttachment")
        self.add_attachment.clicked.connect(self._choose_attachment)
        self.view_attachment = QPushButton(self.tr("查看(&V)…"), page)
        self.view_attachment.setObjectName("viewAttachment")
        self.view_attachment.setToolTip(self.tr("查看选中的照片（双击也可以）；查看会记入审计记录"))
        self.view_attachment.setEnabled(False)
        self.view_attachment.clicked.connect(self.show_attachment)
        self.attachments.itemSelectionChanged.connect(
            lambda: self.view_attachment.setEnabled(_selected_id(self.attachments) is not None)
        )
        self.attachments.doubleClicked.connect(lambda _i: self.show_attachment())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("材料类别"), page))
        row.addWidget(self.attachment_kind)
        row.addWidget(self.add_attachment)
        row.addStretch(1)
        row.addWidget(self.view_attachment)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.attachments, 1)
        return page

    # --- showing ---------------------------------------------------------------------------
    def show_profile(self, p: Profile) -> None:
        self.profile = p
        h = p.household
        head = p.head
        self.title.setText(head.name if head else self.tr("（无户主）"))
        if p.handed_over_to:  # headquarters moved the household to another device: look, don't touch
            self.title.setText(self.title.text() + self.tr("（已移交，只读）"))
        for button in (self.visit_button, self.refer_button):
            button.setEnabled(not p.handed_over_to)
            button.setToolTip(
                self.tr("该户已由市总工会移交给“%1”，本机只能查看").replace("%1", p.handed_over_to)
                if p.handed_over_to
                else ""
            )
        category = p.assessment.category.value if p.assessment else self.tr("未评定")
        colour = CATEGORY_COLOURS.get(category, "#555555")
        self.badge.setText(vocab_text.shown(category))
        self.badge.setStyleSheet(f"color: white; background: {colour}; border-radius: 4px; padding: 2px 8px;")
        missing = [vocab_text.shown(COMPLETENESS_LABELS.get(f, f)) for f in h.missing_fields.split(",") if f]
        values = {
            "village": p.village_name or self.tr("（待补充）"),
            "address": h.address_detail or "—",
            "basis": vocab_text.label(h.pairing_basis) + (f"（{h.unit_name}）" if h.unit_name else ""),
            "cadres": "、".join(p.cadre_names) or self.tr("未结对"),
            "housing": " / ".join(
                x
                for x in (
                    vocab_text.label(h.hukou_type),
                    vocab_text.label(h.housing_type),
                )
                if x
            )
            or "—",
            "missing": "、".join(missing) if missing else self.tr("资料齐全"),
        }
        for key, text in values.items():
            self.info_labels[key].setText(text)
        self.info_labels["missing"].setStyleSheet("color: #b26a00;" if missing else "color: #2e7d32;")
        _fill(
            self.members,
            [
                [
                    m.name,
                    vocab_text.label(m.relation),
                    vocab_text.label(m.sex),
                    m.birth_date.isoformat() if m.birth_date else "",
                    "",  # the ID number: see _show_numbers
                    vocab_text.label(m.health) + (f"（{m.illness}）" if m.illness else ""),
                    vocab_text.label(m.work_status) or vocab_text.label(m.identity),
                    format_yuan(m.monthly_income_fen),
                ]
                for m in p.members
            ],
            [m.id for m in p.members],
        )
        self._show_numbers(p)
        self.assessment.load(p.assessment, len(p.members), p.figures)
        self._show_visits(p)
        _fill(
            self.referrals,
            [
                [
                    _kind_name(v.referral.kind_code),
                    v.referral.receiving_body,
                    vocab_text.label(v.referral.status),
                    v.referral.created_on.isoformat(),
                    v.referral.follow_up_due.isoformat() if v.referral.follow_up_due else "—",
                ]
                for v in p.referrals
            ],
            [v.referral.id for v in p.referrals],
        )
        for r, v in enumerate(p.referrals):
            item = self.referrals.item(r, 2)
            if item is not None:
                item.setForeground(_colour(STATUS_COLOURS.get(v.referral.status, "#000000")))
        self._show_history()
        _fill(
            self.relief,
            [
                [vocab_text.label(x.programme), format_yuan(x.amount_fen), x.paid_on.isoformat(), x.note]
                for x in p.relief
            ],
            [x.id for x in p.relief],
        )
        _fill(
            self.consents,
            [
                [
                    vocab_text.label(c.purpose),
                    self.tr("同意") if c.granted else self.tr("撤回"),
                    c.given_on.isoformat(),
                    c.notice_version,
                    c.guardian_name,
                ]
                for c in p.consents
            ],
            [c.id for c in p.consents],
        )
        _fill(
            self.attachments,
            [
                [
                    vocab_text.label(a.kind),
                    a.file_name,
                    _size(a.size_bytes),
                    a.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    a.note,
                ]
                for a in p.attachments
            ],
            [a.id for a in p.attachments],
        )
        self.tabs.setTabText(2, self.tr("走访记录（%1）(&3)").replace("%1", str(len(p.visits))))
        self.tabs.setTabText(3, self.tr("转介（%1）(&4)").replace("%1", str(len(p.referrals))))
        self.tabs.setTabText(5, self.tr("附件（%1）(&6)").replace("%1", str(len(p.attachments))))
        self._show_figures(p)
        self._tab_shown(self.tabs.currentIndex())

    def _show_visits(self, p: Profile) -> None:
        if not p.visits:
            self.timeline.setHtml(
                "<p style='color:#666'>" + self.tr("还没有走访记录。点“记录走访”开始。") + "</p>"
            )
            return
        parts: list[str] = []
        next_text, print_text = self.tr("下次走访"), self.tr("打印走访记录表…")
        edit_text, void_text = self.tr("修改…"), self.tr("作废…")
        for v in p.visits:
            lines = [
                f"<b>{v.visit_date.isoformat()}</b>　{_esc(vocab_text.label(v.mode))}　{_esc(v.place)}",
            ]
            for label, text in (
                (self.tr("见到"), v.people_met),
                (self.tr("生活状况"), v.living_conditions),
                (self.tr("利益诉求"), v.demands),
                (self.tr("备注"), v.notes),
            ):
                if text:
                    lines.append(f"<span style='color:#555'>{label}：</span>{_esc(text)}")
            if v.next_visit_due:
                lines.append(
                    f"<span style='color:#1565c0'>{next_text}：{v.next_visit_due.isoformat()}</span>"
                )
            links = [f"<a href='print:{v.id}'>{print_text}</a>"]
            if not p.handed_over_to:
                links.append(f"<a href='edit:{v.id}'>{edit_text}</a>")
                links.append(f"<a href='void:{v.id}'>{void_text}</a>")
            lines.append("　".join(links))
            parts.append("<p style='margin-bottom:10px'>" + "<br>".join(lines) + "</p>")
        self.timeline.setHtml("".join(parts))

    def _show_history(self) -> None:
        self.history.clear()
        rid = _selected_id(self.referrals)
        self.print_slip.setEnabled(rid is not None)
        self.edit_referral.setEnabled(rid is not None)
        if self.profile is None or rid is None:
            self.change_status.setEnabled(False)
            return
        view = next((v for v in self.profile.referrals if v.referral.id == rid), None)
        if view is None:
            return
        for e in view.events:
            text = f"{e.occurred_on.isoformat()}　{vocab_text.label(e.status)}"
            if e.note:
                text += f"　— {e.note}"
            item = QListWidgetItem(text)
            item.setForeground(_colour(STATUS_COLOURS.get(e.status, "#000000")))
            self.history.addItem(item)
        self.change_status.setEnabled(bool(rules.TRANSITIONS[view.referral.status]))

    def _tab_shown(self, index: int) -> None:
        """The 转介 tab opens with a referral selected, so 打印转介单 and Ctrl+P work at once."""
        if index == REFERRALS_TAB and self.referrals.rowCount() and self.referrals.currentRow() < 0:
            self.referrals.selectRow(0)
            self.referrals.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_target(self) -> tuple[str, str] | None:
        """What 文件 → 打印 (Ctrl+P) prints here: on the 转介 tab, the selected referral's slip
        (None: the household's forms, through the print chooser)."""
        rid = _selected_id(self.referrals)
        if self.tabs.currentIndex() == REFERRALS_TAB and rid is not None:
            return "referral_slip", rid
        return None

    def select_referral(self, referral_id: str) -> None:
        for r in range(self.referrals.rowCount()):
            item = self.referrals.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == referral_id:
                self.referrals.selectRow(r)
                self.tabs.setCurrentIndex(REFERRALS_TAB)
                return

    # --- masking ---------------------------------------------------------------------------
    def _is_revealed(self, member_id: str, what: str) -> bool:
        return (member_id, what) in self._revealed

    def _show_numbers(self, p: Profile) -> None:
        """ID and phone numbers, masked unless revealed (only these are redrawn on a reveal)."""
        head = p.head
        head_id = (head.id_number or "") if head else ""
        self.reveal_id.setVisible(bool(head_id) and not self._is_revealed("", REVEAL_ID))
        parts = (
            head_id if self._is_revealed("", REVEAL_ID) else mask_id(head_id),
            short_village(p.village_name),
            vocab_text.label(p.household.status),
        )
        self.subtitle.setText("　".join(x for x in parts if x))
        phone = local_phone(p.household.phone or (head.phone or "" if head else ""))
        self.reveal_phone.setVisible(bool(phone) and not self._is_revealed("", REVEAL_PHONE))
        shown = phone if self._is_revealed("", REVEAL_PHONE) else masked_phone(phone)
        self.info_labels["phone"].setText(shown or self.tr("（待补充）"))
        for r, m in enumerate(p.members):
            item = self.members.item(r, 4)
            if item is not None:
                number = m.id_number or ""
                item.setText(number if self._is_revealed(m.id, REVEAL_ID) else mask_id(number))

    def _reveal(self, member_id: str, what: str) -> None:
        """Show one number in full, and have the main window log who saw it (PIPL Art. 51)."""
        if (member_id, what) in self._revealed or self.profile is None:
            return
        self._revealed.add((member_id, what))
        self.revealRequested.emit(self.household_id, what, member_id)
        self._show_numbers(self.profile)

    def _reveal_head_id(self) -> None:
        self._reveal("", REVEAL_ID)

    def _reveal_phone(self) -> None:
        self._reveal("", REVEAL_PHONE)

    def _reveal_member_id(self) -> None:
        mid = _selected_id(self.members)
        if mid and self.profile is not None:
            m = next(m for m in self.profile.members if m.id == mid)
            if m.id_number:
                self._reveal(mid, REVEAL_ID)

    def mask_all(self) -> None:
        """Mask every number again (the app was locked)."""
        self._revealed.clear()
        if self.profile is not None:
            self._show_numbers(self.profile)

    # --- requests --------------------------------------------------------------------------
    def _edit_member(self) -> None:
        mid = _selected_id(self.members)
        if mid:
            self.memberRequested.emit(self.household_id, mid)

    def _remove_member(self) -> None:
        from fieldapp.services import households

        mid = _selected_id(self.members)
        if not mid or self.profile is None:
            return
        m = next(m for m in self.profile.members if m.id == mid)
        if not messages.confirm_delete(
            self,
            self.tr("删除家庭成员"),
            self.tr("确定删除“%1”吗？记录会保留在历史中，可由市总工会恢复。").replace("%1", m.name),
        ):
            return
        try:
            households.remove_member(self.db, mid)
        except Exception as e:
            messages.show_error(self, e, self.tr("未能删除"))
            return
        self.changed.emit(self.household_id)

    def show_attachment(self) -> QWidget | None:
        """The selected attachment in the photo viewer."""
        from fieldapp.ui.attachment_viewer import AttachmentViewer

        aid = _selected_id(self.attachments)
        found = [a for a in (self.profile.attachments if self.profile else ()) if a.id == aid]
        if not found:
            return None
        viewer = AttachmentViewer(self.db, found[0], self)
        viewer.open()
        return viewer

    def _request_edit(self, table: QTableWidget, kind: str) -> None:
        record_id = _selected_id(table)
        if record_id is not None:
            self.recordEditRequested.emit(self.household_id, kind, record_id)

    def _request_slip(self) -> None:
        rid = _selected_id(self.referrals)
        if rid is not None:
            self.printRequested.emit("referral_slip", rid)

    def _request_status(self) -> None:
        rid = _selected_id(self.referrals)
        if rid:
            self.statusChangeRequested.emit(rid)

    def _choose_attachment(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("选择材料照片或文件"),
            str(Path.home()),
            self.tr("图片和PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)"),
        )
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        """Copy and hash the file on a worker thread: a 20 MB photo takes a while on old laptops."""
        from fieldapp.ui.ops import Op

        kind = vocab.AttachmentKind(self.attachment_kind.currentData())
        db, hid = self.db, self.household_id
        self.add_attachment.setEnabled(False)

        def done(_attachment_id: str) -> None:
            self.add_attachment.setEnabled(True)
            self.changed.emit(hid)

        def failed(error: Exception) -> None:
            self.add_attachment.setEnabled(True)
            messages.show_error(self, error, self.tr("附件未能添加"))

        Op(lambda: records.add_attachment(db, hid, path, kind), self.tr("正在复制附件…")).success(
            done
        ).failure(failed).run()


def _kind_name(code: str) -> str:
    kind = rules.catalogue().get(code)
    return vocab_text.shown(kind.name) if kind else code


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} KB"


def _colour(hex_code: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(hex_code))
