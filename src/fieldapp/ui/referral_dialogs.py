"""Create a referral from the catalogue, and move it along its lifecycle (only allowed steps).

The new-referral form keeps a draft while it is typed, as the visit form does: a crash, a
power cut or closing the window loses nothing until the referral is saved or discarded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import referrals as rules
from fieldapp.domain.vocab import AssistanceArea, ReferralStatus
from fieldapp.services import corrections, drafts, households, referrals
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui import form_drafts, messages
from fieldapp.ui.forms import (
    BusyLine,
    FieldErrors,
    correction_field,
    date_edit,
    enter_moves_on,
    get_date,
    save_in_background,
    set_date,
)
from fieldapp.ui.vocab_text import label, shown

DRAFT_KIND = "referral"


def draft_key(household_id: str) -> str:
    return form_drafts.draft_key(DRAFT_KIND, household_id)


class ReferralDialog(QDialog):
    """New referral for a household (optionally from a visit), or the details of a saved one
    corrected with a reason (`referral_id`); emits `saved(referral id)`."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        household_id: str,
        *,
        visit_id: str | None = None,
        recorded_by: str = "",
        parent: QWidget | None = None,
        referral_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.visit_id = visit_id
        self.recorded_by = recorded_by
        self.referral_id: str | None = referral_id
        self.editing = referral_id is not None
        self.setObjectName("referralDialog")
        h = households.get_household(db, household_id)
        head = h.head
        title = self.tr("修改转介 — %1") if self.editing else self.tr("新建转介 — %1")
        self.setWindowTitle(title.replace("%1", head.name if head else ""))
        self.setMinimumWidth(520)

        self.kind = QComboBox(self)
        self.kind.setObjectName("referralKind")
        for kind in sorted(
            rules.catalogue().values(), key=lambda k: (list(AssistanceArea).index(k.area), k.code)
        ):
            self.kind.addItem(f"{label(kind.area)} · {shown(kind.name)}", kind.code)
        self.body = QComboBox(self)
        self.body.setObjectName("receivingBody")
        self.body.setEditable(True)
        completer = QCompleter(referrals.earlier_bodies(db), self.body)  # any kind, part of a name
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.body.setCompleter(completer)
        self.member = QComboBox(self)
        self.member.setObjectName("referralMember")
        self.member.addItem(self.tr("（全户）"), None)
        for m in households.live_members(h):
            self.member.addItem(f"{m.name}（{label(m.relation)}）", m.id)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("referralReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("为什么转介、希望对方做什么"))
        self.created_on = date_edit(self)
        self.created_on.setObjectName("referralDate")
        self.follow_up = QLabel(self)
        self.follow_up.setStyleSheet("color: #555;")
        self.banner = form_drafts.banner(self)

        form = QFormLayout()
        form.addRow(self.tr("转介事项(&K)"), self.kind)
        form.addRow(self.tr("接收单位(&B)"), self.body)
        form.addRow(self.tr("涉及成员"), self.member)
        form.addRow(self.tr("转介原因(&E)"), self.reason)
        form.addRow(self.tr("转介日期"), self.created_on)
        form.addRow("", self.follow_up)
        self.correction = correction_field(self, form)
        form.setRowVisible(self.correction, self.editing)
        self.errors = FieldErrors(
            QLabel(self),
            {
                "correction_reason": self.correction,
                "receiving_body": self.body,
                "reason": self.reason,
                "created_on": self.created_on,
                "kind": self.kind,
            },
        )
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(
            self.tr("保存修改(&S)") if self.editing else self.tr("保存转介(&S)"), self
        )
        self.save_button.setObjectName("saveReferral")
        self.save_button.setDefault(True)
        enter_moves_on(self, self.save_button.click)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.busy = BusyLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        if visit_id:
            from_visit = QLabel(self.tr("来自本次走访"), self)
            from_visit.setStyleSheet("color: #2e7d32;")
            layout.addWidget(from_visit)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if referral_id is not None:
            self._show_saved(referral_id)

        self.draft = form_drafts.FormDraft(
            self,
            db,
            form_drafts.draft_key(DRAFT_KIND, household_id, referral_id),
            payload=self.payload,
            restore=self._restore_draft,
            banner_label=self.banner,
            watch=(self.kind, self.body, self.member, self.reason, self.created_on, self.correction),
        )
        self.draft.ready()

    def _show_saved(self, referral_id: str) -> None:
        r = referrals.get_referral(self.db, referral_id)
        d = corrections.referral_details(self.db, referral_id)
        self.select_kind(r.kind_code)
        self.kind.setEnabled(False)  # another kind is another referral
        self.body.setCurrentText(d.receiving_body)
        self.member.setCurrentIndex(max(self.member.findData(d.member_id), 0))
        self.reason.setPlainText(d.reason)
        set_date(self.created_on, d.created_on)

    # --- drafts ----------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        return {
            "correction_reason": self.correction.text(),
            "kind_code": str(self.kind.currentData()),
            "receiving_body": self.body.currentText(),
            "member_id": self.member.currentData(),
            "reason": self.reason.toPlainText(),
            "created_on": get_date(self.created_on).isoformat(),
            "visit_id": self.visit_id,
        }

    def _restore_draft(self, p: dict[str, Any]) -> None:
        if self.kind.findData(p.get("kind_code")) >= 0:
            self.select_kind(p["kind_code"])
        self.body.setCurrentText(p.get("receiving_body", ""))
        member = self.member.findData(p.get("member_id"))
        self.member.setCurrentIndex(max(member, 0))
        self.reason.setPlainText(p.get("reason", ""))
        if p.get("created_on"):
            set_date(self.created_on, dt.date.fromisoformat(p["created_on"]))
        self.visit_id = self.visit_id or p.get("visit_id")
        self.correction.setText(p.get("correction_reason", ""))

    def save_draft(self) -> None:
        self.draft.save_now()

    @property
    def dirty(self) -> bool:
        return self.draft.dirty

    def _kind_changed(self, *_args: object) -> None:
        kind = rules.catalogue()[self.kind.currentData()]
        self.body.clear()
        offered = referrals.receiving_bodies(self.db, kind.code)  # headquarters' list, if sent
        earlier = [b for b in referrals.earlier_bodies(self.db, kind.code) if b not in offered]
        self.body.addItems(offered + earlier)  # and the bodies typed for this kind before
        self.follow_up.setText(
            self.tr("转出后每 %1 天跟进一次，到期会列入待办。").replace("%1", str(kind.follow_up_days))
        )

    def select_kind(self, code: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(code))

    def data(self, cadre_id: str | None = None) -> referrals.ReferralData:
        return referrals.ReferralData(
            household_id=self.household_id,
            kind_code=self.kind.currentData(),
            receiving_body=self.body.currentText(),
            reason=self.reason.toPlainText(),
            member_id=self.member.currentData(),
            visit_id=self.visit_id,
            cadre_id=cadre_id,
            created_on=get_date(self.created_on),
        )

    def consent_confirmed(self) -> bool:
        """Handing a case to another body needs the household's separate consent (PIPL Art. 23)."""
        from fieldapp.services import consent

        if consent.referral_consent_given(self.db, self.household_id, self.member.currentData()):
            return True
        return messages.warn_consent(
            self,
            self.tr("没有转介同意"),
            self.tr(
                "这户还没有同意把个人信息提供给其他单位（转介）。按《个人信息保护法》第23条，"
                "转介前须取得本人单独同意。\n"
                "请先向本人说明并在“救助与同意”页登记同意；确已取得书面同意的，可以继续保存转介。"
            ),
        )

    def save(self) -> None:
        self.errors.clear()
        self.save_draft()  # what is on screen is safe even if saving fails or the power goes
        if self.editing:
            self._save_correction()
            return
        if not self.consent_confirmed():
            return
        db, data, by, hid = self.db, self.data(), self.recorded_by, self.household_id

        def work() -> str:
            from dataclasses import replace

            cadre_id = ledger_settings.current_cadre_id(db)
            rid = referrals.create_referral(db, replace(data, cadre_id=cadre_id), recorded_by=by)
            drafts.discard_draft(db, draft_key(hid))
            return rid

        save_in_background(
            self,
            work,
            label=self.tr("正在保存…"),
            failed_title=self.tr("转介未能保存"),
            done=self._saved,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _save_correction(self) -> None:
        db, rid, by, why = self.db, self.referral_id, self.recorded_by, self.correction.text()
        assert rid is not None
        details = corrections.ReferralDetails(
            self.body.currentText(),
            self.reason.toPlainText(),
            get_date(self.created_on),
            self.member.currentData(),
        )

        def work() -> str:
            corrections.correct_referral(db, rid, details, why, recorded_by=by)
            return rid

        save_in_background(
            self,
            form_drafts.then_discard(self.draft, work),
            label=self.tr("正在保存…"),
            failed_title=self.tr("转介未能修改"),
            done=self._saved,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _saved(self, referral_id: str) -> None:
        self.referral_id = referral_id
        self.draft.saved()
        self.saved.emit(referral_id)
        self.accept()

    def reject(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        form_drafts.close_with_draft(self, event, self.tr("转介"), self.draft, self.save)


class StatusDialog(QDialog):
    """Record a status change with its date and note; only the lifecycle's next steps are offered."""

    saved = Signal(str)

    def __init__(
        self, db: Database, referral_id: str, *, recorded_by: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.referral_id = referral_id
        self.recorded_by = recorded_by
        self.setObjectName("statusDialog")
        r = referrals.get_referral(db, referral_id)
        kind = rules.catalogue().get(r.kind_code)
        self.setWindowTitle(self.tr("转介状态变更"))
        self.status = QComboBox(self)
        self.status.setObjectName("newStatus")
        order = list(ReferralStatus)
        for s in sorted(rules.TRANSITIONS[r.status], key=order.index):
            self.status.addItem(label(s), s.value)
        self.on = date_edit(self)
        self.on.setObjectName("statusDate")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("statusNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.setPlaceholderText(self.tr("办理情况；退回或撤销须写明原因"))
        form = QFormLayout()
        form.addRow(self.tr("转介事项"), QLabel(shown(kind.name) if kind else r.kind_code, self))
        form.addRow(self.tr("当前状态"), QLabel(f"{label(r.status)}（{r.status_on.isoformat()}）", self))
        form.addRow(self.tr("变更为(&T)"), self.status)
        form.addRow(self.tr("日期"), self.on)
        form.addRow(self.tr("说明(&N)"), self.note)
        self.errors = FieldErrors(
            QLabel(self), {"status": self.status, "occurred_on": self.on, "note": self.note}
        )
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("确定(&S)"), self)
        self.save_button.setObjectName("saveStatus")
        self.save_button.setDefault(True)
        enter_moves_on(self, self.save_button.click)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.busy = BusyLine(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        if self.status.count() == 0:
            self.save_button.setEnabled(False)
            self.errors.label.setText(self.tr("该转介已结束，不能再变更状态。"))
            self.errors.label.show()

    def offered(self) -> list[ReferralStatus]:
        return [ReferralStatus(self.status.itemData(i)) for i in range(self.status.count())]

    def choose(self, status: ReferralStatus) -> None:
        self.status.setCurrentIndex(self.status.findData(status.value))

    def save(self) -> None:
        day: dt.date = get_date(self.on)
        db, rid, by = self.db, self.referral_id, self.recorded_by
        status, note = ReferralStatus(self.status.currentData()), self.note.toPlainText()
        save_in_background(
            self,
            lambda: referrals.change_status(db, rid, status, on=day, note=note, recorded_by=by),
            label=self.tr("正在保存…"),
            failed_title=self.tr("状态未能保存"),
            done=lambda _r: self._saved(),
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _saved(self) -> None:
        self.saved.emit(self.referral_id)
        self.accept()
