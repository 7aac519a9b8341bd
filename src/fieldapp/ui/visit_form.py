"""The visit form: done in under two minutes with the keyboard alone, and never lost.

Tab (or Enter) walks the fields in the order a cadre speaks them; Ctrl+Enter saves, so one
Enter too many never saves a half-typed visit. Every change is written to the draft table after a short pause, so a crash or a power cut
keeps the text; saving the visit discards the draft; closing with changes asks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import clock, visit_phrases, vocab
from fieldapp.domain.errors import ValidationError
from fieldapp.services import drafts, item19, visits
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui.chips import ChipRow
from fieldapp.ui.forms import (
    BusyLine,
    FieldErrors,
    ask_before_closing,
    date_edit,
    enter_moves_on,
    enum_combo,
    get_date,
    save_in_background,
    set_combo_data,
    set_date,
)
from fieldapp.ui.item19_form import Item19Section

DRAFT_DELAY_MS = 400
DRAFT_KIND = "visit"


def draft_key(household_id: str) -> str:
    return f"visit:{household_id}"


class _NotesBox(QPlainTextEdit):
    """A notes box whose current line is completed from earlier visits' phrases: while the list
    is open, Enter/Tab take the highlighted phrase and Escape closes the list."""

    completer: QCompleter | None = None
    chips: ChipRow | None = None  # its Ctrl+digit keys, also while the list is open
    saveRequested = Signal()  # Ctrl+Enter while the list is open (the open list holds the shortcut)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup() if self.completer is not None else None
        if popup is not None and popup.isVisible():
            if self.chips is not None and self.chips.take_key(event):  # the list hands keys on
                popup.hide()
                return
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in SAVE_KEYS:
                popup.hide()
                self.saveRequested.emit()
                return
            if event.key() in COMPLETER_KEYS:
                event.ignore()  # the completer takes it
                return
        super().keyPressEvent(event)

    def offer(self, phrases: list[str]) -> None:
        self.completer = completer = QCompleter(phrases, self)
        completer.setWidget(self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._take)
        self.textChanged.connect(self._complete)

    def _complete(self) -> None:
        assert self.completer is not None
        cursor = self.textCursor()
        line = cursor.block().text()
        popup = self.completer.popup()
        if not line or cursor.positionInBlock() != len(line):
            if popup is not None:
                popup.hide()
            return
        self.completer.setCompletionPrefix(line)
        if self.completer.completionCount() and self.completer.currentCompletion() != line:
            if popup is not None:  # Enter takes the first phrase at once
                popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
            self.completer.complete(self.cursorRect())
        elif popup is not None:
            popup.hide()

    def replace(self, text: str) -> None:
        """Put `text` in the box, the cursor at its end, without opening the completion list
        (a chip was taken: the cadre goes on typing after it)."""
        popup = self.completer.popup() if self.completer is not None else None
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        if popup is not None:
            popup.hide()

    def _take(self, phrase: str) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(phrase)
        self.setTextCursor(cursor)


SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_S)
COMPLETER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape)


def _line_completer(line: QLineEdit, phrases: list[str]) -> None:
    completer = QCompleter(phrases, line)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    line.setCompleter(completer)


def _notes_box(parent: QWidget, placeholder: str) -> _NotesBox:
    box = _NotesBox(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(62)
    return box


class VisitDialog(QDialog):
    """Record a visit to one household, or correct a saved one (`visit`); emits `saved(visit id)`
    and maybe `referralRequested`."""

    saved = Signal(str)
    referralRequested = Signal(str, str)  # household id, visit id

    def __init__(
        self,
        db: Database,
        household_id: str,
        head_name: str,
        parent: QWidget | None = None,
        *,
        visit_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.head_name = head_name
        self.visit_id = visit_id
        visit = visits.visit_data(db, visit_id) if visit_id is not None else None
        self.editing = visit  # the saved visit being corrected, or None for a new one
        self.draft_key = draft_key(household_id) if visit_id is None else f"visit-edit:{visit_id}"
        self._dirty = False
        self._loading = True
        self._next_edited = visit is not None
        self.setObjectName("visitDialog")
        self.setWindowTitle(
            (self.tr("记录走访 — %1") if visit is None else self.tr("修改走访记录 — %1")).replace(
                "%1", head_name
            )
        )
        self.setMinimumWidth(560)

        self.banner = QLabel(self)
        self.banner.setObjectName("draftBanner")
        self.banner.setStyleSheet("background: #fff8e1; border: 1px solid #f0c36d; padding: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.visit_date = date_edit(self)
        self.visit_date.setObjectName("visitDate")
        self.visit_date.setMaximumDate(self.visit_date.date())
        self.mode = enum_combo(vocab.VisitMode, self)
        self.mode.setObjectName("visitMode")
        self.place = QLineEdit(self)
        self.place.setObjectName("visitPlace")
        self.place.setPlaceholderText(self.tr("如：家中、务工单位"))
        self.people_met = QLineEdit(self)
        self.people_met.setObjectName("peopleMet")
        self.people_met.setPlaceholderText(self.tr("见到的家庭成员"))
        self.living = _notes_box(self, self.tr("住房、收入、健康、子女上学等"))
        self.living.setObjectName("livingConditions")
        self.demands = _notes_box(self, self.tr("希望得到的帮助（利益诉求）"))
        self.demands.setObjectName("demands")
        self.notes = _notes_box(self, self.tr("其他情况"))
        self.notes.setObjectName("visitNotes")
        self.next_due = date_edit(self, visits.suggest_next_visit(clock.today()))
        self.next_due.setObjectName("nextVisit")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("走访日期(&D)"), self.visit_date)
        form.addRow(self.tr("走访方式(&M)"), self.mode)
        form.addRow(self.tr("走访地点(&P)"), self.place)
        # quick entry: common findings one key away (Ctrl+1 … Ctrl+9 inside the field, or a click)
        self.people_chips = ChipRow(
            self.people_met,
            visit_phrases.people_chips(visits.people_of(db, household_id)),
            visit_phrases.PEOPLE_SEPARATOR,
            self,
        )
        self.people_chips.setObjectName("peopleChips")
        self.living_chips = ChipRow(
            self.living,
            visit_phrases.LIVING,
            visit_phrases.NOTE_SEPARATOR,
            self,
            replace_text=self.living.replace,
        )
        self.living_chips.setObjectName("livingChips")
        self.demands_chips = ChipRow(
            self.demands,
            visit_phrases.DEMANDS,
            visit_phrases.NOTE_SEPARATOR,
            self,
            replace_text=self.demands.replace,
        )
        self.demands_chips.setObjectName("demandsChips")
        self.living.chips, self.demands.chips = self.living_chips, self.demands_chips
        form.addRow(self.tr("见到的人"), self.people_met)
        form.addRow("", self.people_chips)
        form.addRow(self.tr("生活状况"), self.living)
        form.addRow("", self.living_chips)
        form.addRow(self.tr("利益诉求"), self.demands)
        form.addRow("", self.demands_chips)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.tr("下次走访(&N)"), self.next_due)
        for label_widget in (form.labelForField(w) for w in (self.visit_date,)):
            if isinstance(label_widget, QLabel):
                label_widget.setBuddy(self.visit_date)

        self.errors = FieldErrors(
            QLabel(self),
            {"visit_date": self.visit_date, "next_visit_due": self.next_due, "place": self.place},
        )
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveVisit")
        self.save_button.setDefault(True)
        self.refer_button = QPushButton(self.tr("保存并转介(&R)…"), self)
        self.refer_button.setObjectName("saveAndRefer")
        self.cancel_button = QPushButton(self.tr("关闭"), self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.refer_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.refer_button.clicked.connect(lambda: self.save(refer=True))
        self.cancel_button.clicked.connect(self.close)
        enter_moves_on(self, self.save_button.click)

        # item 19: a new visit confirms (Alt+1 … Alt+6) or changes the figures; a correction does not
        self.item19: Item19Section | None = None
        if visit is None:
            self.item19 = Item19Section(
                item19.latest(db, household_id),
                item19.workers_of(db, household_id),
                item19.member_names(db, household_id),
                self,
            )
            self.item19.changed.connect(self._changed)
            self.errors.widgets.update(self.item19.error_widgets())
            self.setMinimumWidth(1300)  # the item-19 figures beside the notes, none cut short at 1366

        hint = QLabel(
            self.tr("提示：Tab 或回车到下一项，Ctrl+回车 保存。草稿自动保存。")
            + self.tr("在见到的人、生活状况、利益诉求中按 Ctrl+1…9 选用下方的常用短语，再按一次取消。")
            + (self.tr("Alt+1…6：该项无变化，Alt+0：全部无变化。") if self.item19 is not None else ""),
            self,
        )
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        if self.item19 is not None:
            columns = QHBoxLayout()
            columns.addLayout(form, 5)
            columns.addWidget(self.item19, 7)
            layout.addLayout(columns, 1)
        else:
            layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(hint)
        self.busy = BusyLine(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        for line in (self.place, self.people_met):
            line.textChanged.connect(self._changed)
        for box in (self.living, self.demands, self.notes):
            box.textChanged.connect(self._changed)
        self.mode.currentIndexChanged.connect(self._changed)
        self.visit_date.dateChanged.connect(self._date_changed)
        self.next_due.dateChanged.connect(self._next_changed)

        # quick entry: what was written at earlier visits is offered as the cadre types
        _line_completer(self.place, visits.earlier_phrases(db, "place"))
        _line_completer(self.people_met, visits.earlier_phrases(db, "people_met"))
        people_completer = self.people_met.completer()
        people_popup = people_completer.popup() if people_completer is not None else None
        if people_popup is not None:
            self.people_chips.watch_popup(people_popup)
        self.living.offer(visits.earlier_phrases(db, "living_conditions"))
        self.demands.offer(visits.earlier_phrases(db, "demands"))
        for box in (self.living, self.demands):
            box.saveRequested.connect(self.save)
        if visit is None:
            self.place.setText(visits.last_place(db, household_id) or self.tr("家中"))
            last_mode = visits.last_mode(db, household_id)
            if last_mode is not None:  # the household's last visit: by phone stays by phone
                set_combo_data(self.mode, last_mode)
        else:
            self.refer_button.hide()  # a referral starts from a new visit or the profile
            self._show_visit(visit)
        self._restore_draft()
        self._loading = False
        self.visit_date.setFocus()

    # --- drafts ----------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        return {
            "visit_date": get_date(self.visit_date).isoformat(),
            "mode": str(self.mode.currentData()),
            "place": self.place.text(),
            "people_met": self.people_met.text(),
            "living_conditions": self.living.toPlainText(),
            "demands": self.demands.toPlainText(),
            "notes": self.notes.toPlainText(),
            "next_visit_due": get_date(self.next_due).isoformat(),
            "next_edited": self._next_edited,
            **({"item19": self.item19.state()} if self.item19 is not None else {}),
        }

    def _show_visit(self, v: visits.VisitData) -> None:
        set_date(self.visit_date, v.visit_date)
        set_combo_data(self.mode, v.mode)
        self.place.setText(v.place)
        self.people_met.setText(v.people_met)
        self.living.setPlainText(v.living_conditions)
        self.demands.setPlainText(v.demands)
        self.notes.setPlainText(v.notes)
        if v.next_visit_due:
            set_date(self.next_due, v.next_visit_due)

    def _restore_draft(self) -> None:
        draft = drafts.load_draft(self.db, self.draft_key)
        if draft is None:
            return
        p = draft.payload
        set_date(self.visit_date, dt.date.fromisoformat(p.get("visit_date", clock.today().isoformat())))
        set_combo_data(self.mode, vocab.VisitMode(p.get("mode", vocab.VisitMode.HOME.value)))
        self.place.setText(p.get("place", ""))
        self.people_met.setText(p.get("people_met", ""))
        self.living.setPlainText(p.get("living_conditions", ""))
        self.demands.setPlainText(p.get("demands", ""))
        self.notes.setPlainText(p.get("notes", ""))
        if p.get("next_visit_due"):
            set_date(self.next_due, dt.date.fromisoformat(p["next_visit_due"]))
        self._next_edited = bool(p.get("next_edited"))
        if self.item19 is not None and isinstance(p.get("item19"), dict):
            self.item19.restore(p["item19"])
        when = draft.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.banner.setText(self.tr("已恢复 %1 自动保存的草稿，核对后保存即可。").replace("%1", when))
        self.banner.show()
        self._dirty = True

    def save_draft(self) -> None:
        self._draft_timer.stop()
        if not self._dirty:
            return
        try:
            drafts.save_draft(self.db, self.draft_key, DRAFT_KIND, self.payload())
        except Exception as e:
            messages.show_error(self, e, self.tr("草稿未能保存"))

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._draft_timer.start()

    def _date_changed(self, *_args: object) -> None:
        if not self._next_edited:
            self.next_due.blockSignals(True)
            set_date(self.next_due, visits.suggest_next_visit(get_date(self.visit_date)))
            self.next_due.blockSignals(False)
        self._changed()

    def _next_changed(self, *_args: object) -> None:
        if not self._loading:
            self._next_edited = True
        self._changed()

    @property
    def dirty(self) -> bool:
        return self._dirty

    # --- saving ----------------------------------------------------------------------------
    def visit_data(self, cadre_id: str | None = None) -> visits.VisitData:
        return visits.VisitData(
            household_id=self.household_id,
            visit_date=get_date(self.visit_date),
            mode=vocab.VisitMode(self.mode.currentData()),
            cadre_id=cadre_id,
            place=self.place.text().strip(),
            people_met=self.people_met.text().strip(),
            living_conditions=self.living.toPlainText().strip(),
            demands=self.demands.toPlainText().strip(),
            notes=self.notes.toPlainText().strip(),
            next_visit_due=get_date(self.next_due),
        )

    def save(self, refer: bool = False) -> None:
        """Record the visit off the GUI thread; the draft stays until the visit is saved."""
        self.save_draft()  # what is on screen is safe even if saving fails or the power goes
        db, key, data, editing, edited_id = (
            self.db,
            self.draft_key,
            self.visit_data(),
            self.editing,
            self.visit_id,
        )
        section = self.item19

        try:  # amounts are read on screen; a typo is shown next to its field, nothing saved
            observation = section.observation() if section is not None else None
        except ValidationError as e:
            self.errors.clear()
            self.errors.show(e)
            return

        def work() -> str:
            from dataclasses import replace

            if editing is not None and edited_id is not None:  # a correction keeps who visited
                visits.update_visit(db, edited_id, replace(data, cadre_id=editing.cadre_id))
                visit_id = edited_id
            else:
                cadre_id = ledger_settings.current_cadre_id(db)
                visit_id = visits.record_visit(db, replace(data, cadre_id=cadre_id), observation)
            drafts.discard_draft(db, key)
            return visit_id

        def done(visit_id: str) -> None:
            self.visit_id = visit_id
            self._draft_timer.stop()
            self._dirty = False
            self.saved.emit(visit_id)
            if refer:
                self.referralRequested.emit(self.household_id, visit_id)
            self.accept()

        save_in_background(
            self,
            work,
            label=self.tr("正在保存…"),
            failed_title=self.tr("走访未能保存"),
            done=done,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button, self.refer_button],
        )

    def reject(self) -> None:
        self.close()

    def _discard_draft(self) -> None:
        self._draft_timer.stop()
        drafts.discard_draft(self.db, self.draft_key)
        self._dirty = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not ask_before_closing(
            self, event, self.tr("走访记录"), dirty=self._dirty, save=self.save, discard=self._discard_draft
        ):
            return
        event.accept()
        self.done(QDialog.DialogCode.Rejected)


class VoidVisitDialog(QDialog):
    """Void a saved visit with a reason (kept and synced as a correction, audited); emits
    `saved(visit id)` once voided."""

    saved = Signal(str)

    def __init__(self, db: Database, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.visit_id = visit_id
        visit = visits.visit_data(db, visit_id)
        self.setObjectName("voidVisitDialog")
        self.setWindowTitle(self.tr("作废走访记录"))
        self.setMinimumWidth(480)
        what = QLabel(
            self.tr("作废 %1 的走访记录（%2）。记录不会删除：它带着原因同步到市总工会，并记入审计记录。")
            .replace("%1", visit.visit_date.isoformat())
            .replace("%2", f"{visit.mode.value}　{visit.place}".strip()),
            self,
        )
        what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("如：记错了户、重复录入"))
        self.reason.setMaxLength(visits.MAX_VOID_REASON)
        form = QFormLayout()
        form.addRow(self.tr("作废原因(&R)"), self.reason)
        self.errors = FieldErrors(QLabel(self), {"reason": self.reason})
        self.save_button = QPushButton(self.tr("作废(&V)"), self)
        self.save_button.setObjectName("voidVisit")
        cancel = QPushButton(self.tr("取消"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        enter_moves_on(self, self.save_button.click)
        self.busy = BusyLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def save(self) -> None:
        db, vid, reason = self.db, self.visit_id, self.reason.text()

        def done(_result: object) -> None:
            self.saved.emit(vid)
            self.accept()

        save_in_background(
            self,
            lambda: visits.void_visit(db, vid, reason),
            label=self.tr("正在作废…"),
            failed_title=self.tr("未能作废"),
            done=done,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )
