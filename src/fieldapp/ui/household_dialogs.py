"""Create a household (with its head) and add or edit a family member."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import vocab
from fieldapp.domain.divisions import divisions
from fieldapp.domain.people import HouseholdData, MemberData
from fieldapp.services import households
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui import form_drafts, messages
from fieldapp.ui.forms import (
    BusyLine,
    FieldErrors,
    current_enum,
    enter_moves_on,
    enum_combo,
    save_in_background,
    set_combo_data,
    yuan_to_fen,
)


class VillagePicker(QWidget):
    """County → township → village, from the bundled NBS 2023 division codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.county = QComboBox(self)
        self.county.setObjectName("county")
        self.township = QComboBox(self)
        self.township.setObjectName("township")
        self.village = QComboBox(self)
        self.village.setObjectName("village")
        self.village.setMinimumWidth(180)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.county)
        layout.addWidget(self.township)
        layout.addWidget(self.village, 1)
        self.county.addItem(self.tr("（县区）"), None)
        for c in divisions().counties():
            self.county.addItem(c.name, c.code)
        self.county.currentIndexChanged.connect(self._county_changed)
        self.township.currentIndexChanged.connect(self._township_changed)
        self._county_changed()

    def _county_changed(self, *_args: object) -> None:
        self.township.clear()
        self.township.addItem(self.tr("（乡镇街道）"), None)
        code = self.county.currentData()
        if code:
            for t in divisions().townships(code):
                self.township.addItem(t.name, t.code)

    def _township_changed(self, *_args: object) -> None:
        self.village.clear()
        self.village.addItem(self.tr("（村、社区）"), None)
        code = self.township.currentData()
        if code:
            for v in divisions().villages(code):
                self.village.addItem(v.name, v.code12)

    def code(self) -> str | None:
        value = self.village.currentData()
        return str(value) if value else None

    def set_code(self, code12: str | None) -> None:
        index = divisions()
        v = index.village(code12) if code12 else None
        if v is None:
            return
        t = index.township_of(v)
        c = index.county_of(t)
        self.county.setCurrentIndex(self.county.findData(c.code))
        self.township.setCurrentIndex(self.township.findData(t.code))
        self.village.setCurrentIndex(self.village.findData(v.code12))


class HouseholdDialog(QDialog):
    """A new household (the head's name and ID, contact, village; paired with the current cadre),
    or, with `household_id`, its basic fields edited after creation (the head is a member: edited
    in the members table)."""

    saved = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, household_id: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id: str | None = household_id
        self.editing = household_id is not None
        self._status: vocab.HouseholdStatus = vocab.HouseholdStatus.ACTIVE
        self.setObjectName("householdDialog")
        self.setWindowTitle(self.tr("修改基本信息") if self.editing else self.tr("新建困难户"))
        self.setMinimumWidth(600)
        self.head_name = QLineEdit(self)
        self.head_name.setObjectName("headName")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("headIdNumber")
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18位，出生日期和性别自动识别"))
        self.phone = QLineEdit(self)
        self.phone.setObjectName("householdPhone")
        self.phone.setPlaceholderText(self.tr("11位手机号"))
        self.basis = enum_combo(vocab.PairingBasis, self)
        self.basis.setObjectName("pairingBasis")
        self.unit_name = QLineEdit(self)
        self.unit_name.setObjectName("unitName")
        self.village = VillagePicker(self)
        self.address = QLineEdit(self)
        self.address.setObjectName("addressDetail")
        self.address.setPlaceholderText(self.tr("如：3组12号"))
        self.hukou = enum_combo(vocab.HukouType, self, empty=self.tr("（未填）"))
        self.housing = enum_combo(vocab.HousingType, self, empty=self.tr("（未填）"))
        self.status = enum_combo(vocab.HouseholdStatus, self)
        self.status.setObjectName("householdStatus")
        form = QFormLayout()
        form.addRow(self.tr("户主姓名(&N)"), self.head_name)
        form.addRow(self.tr("户主身份证号(&I)"), self.id_number)
        form.addRow(self.tr("联系电话(&P)"), self.phone)
        form.addRow(self.tr("结对方式"), self.basis)
        form.addRow(self.tr("所在单位"), self.unit_name)
        form.addRow(self.tr("所在村（社区）"), self.village)
        form.addRow(self.tr("详细地址"), self.address)
        form.addRow(self.tr("户口性质"), self.hukou)
        form.addRow(self.tr("住房情况"), self.housing)
        form.addRow(self.tr("档案状态"), self.status)
        form.setRowVisible(self.head_name, not self.editing)
        form.setRowVisible(self.id_number, not self.editing)
        form.setRowVisible(self.status, self.editing)
        self.errors = FieldErrors(
            QLabel(self),
            {
                "name": self.head_name,
                "id_number": self.id_number,
                "phone": self.phone,
                "unit_name": self.unit_name,
                "village_code": self.village.village,
                "relation": self.head_name,
                "reason": self.head_name,
                "status": self.status,
                "household": self.status,
            },
        )
        note = QLabel(
            self.tr("村、电话、身份证号暂时不知道可以先空着，资料不全的户会标出来，走访时补齐。"), self
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveHousehold")
        self.save_button.setDefault(True)
        enter_moves_on(self, self.save_button.click)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.busy = BusyLine(self)
        self.banner = form_drafts.banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self._base = HouseholdData(pairing_basis=vocab.PairingBasis.CONTACT_HOUSEHOLD)
        if household_id is not None:
            note.hide()
            self._load(household_id)
        self.draft = form_drafts.FormDraft(
            self,
            db,
            form_drafts.draft_key("household", household_id or form_drafts.NEW),
            fields={
                "head_name": self.head_name,
                "id_number": self.id_number,
                "phone": self.phone,
                "pairing_basis": self.basis,
                "unit_name": self.unit_name,
                "county": self.village.county,
                "township": self.village.township,
                "village": self.village.village,
                "address_detail": self.address,
                "hukou_type": self.hukou,
                "housing_type": self.housing,
                "status": self.status,
            },
            banner_label=self.banner,
        )
        self.draft.ready()

    def reject(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        form_drafts.close_with_draft(self, event, self.tr("困难户信息"), self.draft, self.save)

    def _load(self, household_id: str) -> None:
        h = households.get_household(self.db, household_id)
        self._base = households.household_data(h)
        self._status = h.status
        self.phone.setText((h.phone or "").removeprefix("+86"))
        set_combo_data(self.basis, h.pairing_basis)
        self.unit_name.setText(h.unit_name)
        self.village.set_code(h.village_code)
        self.address.setText(h.address_detail)
        set_combo_data(self.hukou, h.hukou_type)
        set_combo_data(self.housing, h.housing_type)
        set_combo_data(self.status, h.status)

    def household_data(self) -> HouseholdData:
        """The form's fields over the stored household, so fields not on this form are kept."""
        basis = current_enum(self.basis, vocab.PairingBasis) or vocab.PairingBasis.CONTACT_HOUSEHOLD
        return replace(
            self._base,
            pairing_basis=basis,
            village_code=self.village.code(),
            address_detail=self.address.text(),
            phone=self.phone.text() or None,
            unit_name=self.unit_name.text().strip(),
            hukou_type=current_enum(self.hukou, vocab.HukouType),
            housing_type=current_enum(self.housing, vocab.HousingType),
        )

    def save(self) -> None:
        db, data = self.db, self.household_data()
        if self.household_id is not None:
            hid = self.household_id
            status = current_enum(self.status, vocab.HouseholdStatus) or self._status
            changed = status if status != self._status else None

            def work() -> str:
                return households.update_basics(db, hid, data, changed).id

        else:
            head = MemberData(
                name=self.head_name.text(),
                relation=vocab.Relation.HEAD,
                id_number=self.id_number.text() or None,
            )

            def work() -> str:
                cadre_id = ledger_settings.current_cadre_id(db)
                return households.create_household(db, data, head, cadre_id=cadre_id).id

        save_in_background(
            self,
            form_drafts.then_discard(self.draft, work),
            label=self.tr("正在保存…"),
            failed_title=self.tr("未能保存"),
            done=self._saved,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _saved(self, household_id: str) -> None:
        self.household_id = household_id
        self.draft.saved()
        self.saved.emit(household_id)
        self.accept()


class MemberDialog(QDialog):
    """Add a member to a household, or edit one (`member_id`)."""

    saved = Signal(str)

    def __init__(
        self, db: Database, household_id: str, member_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.member_id = member_id
        self._base: MemberData | None = None
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("编辑家庭成员") if member_id else self.tr("添加家庭成员"))
        self.setMinimumWidth(480)
        self.name = QLineEdit(self)
        self.name.setObjectName("memberName")
        self.relation = enum_combo(vocab.Relation, self)
        self.relation.setObjectName("memberRelation")
        if not member_id:
            self.relation.setCurrentIndex(1)
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("memberIdNumber")
        self.id_number.setMaxLength(18)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("memberPhone")
        self.health = enum_combo(vocab.HealthStatus, self)
        self.health.setObjectName("memberHealth")
        self.illness = QLineEdit(self)
        self.illness.setPlaceholderText(self.tr("如：尿毒症"))
        self.disability = enum_combo(vocab.DisabilityCategory, self, empty=self.tr("（无）"))
        self.grade = enum_combo(vocab.DisabilityGrade, self, empty=self.tr("（无）"))
        self.work = enum_combo(vocab.WorkStatus, self, empty=self.tr("（未填）"))
        self.identity = enum_combo(vocab.Identity, self, empty=self.tr("（未填）"))
        self.employer = QLineEdit(self)
        self.income = QDoubleSpinBox(self)
        self.income.setObjectName("memberIncome")
        self.income.setRange(0, 1_000_000)
        self.income.setDecimals(2)
        self.income.setSuffix(self.tr(" 元/月"))
        self.medical = enum_combo(vocab.MedicalInsurance, self, empty=self.tr("（未填）"))
        form = QFormLayout()
        form.addRow(self.tr("姓名(&N)"), self.name)
        form.addRow(self.tr("与户主关系(&R)"), self.relation)
        form.addRow(self.tr("身份证号(&I)"), self.id_number)
        form.addRow(self.tr("本人电话"), self.phone)
        form.addRow(self.tr("健康状况"), self.health)
        form.addRow(self.tr("疾病名称"), self.illness)
        form.addRow(self.tr("残疾类别/等级"), _pair(self, self.disability, self.grade))
        form.addRow(self.tr("就业状况/身份"), _pair(self, self.work, self.identity))
        form.addRow(self.tr("单位或学校"), self.employer)
        form.addRow(self.tr("月收入"), self.income)
        form.addRow(self.tr("医疗保险"), self.medical)
        self.errors = FieldErrors(
            QLabel(self),
            {
                "name": self.name,
                "relation": self.relation,
                "id_number": self.id_number,
                "birth_date": self.id_number,
                "sex": self.id_number,
                "phone": self.phone,
                "disability_category": self.disability,
                "monthly_income_fen": self.income,
            },
        )
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.save_button.setObjectName("saveMember")
        self.save_button.setDefault(True)
        enter_moves_on(self, self.save_button.click)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.busy = BusyLine(self)
        self.banner = form_drafts.banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        if member_id:
            self._load(member_id)
        self.draft = form_drafts.FormDraft(
            self,
            db,
            form_drafts.draft_key("member", household_id, member_id),
            fields={
                "name": self.name,
                "relation": self.relation,
                "id_number": self.id_number,
                "phone": self.phone,
                "health": self.health,
                "illness": self.illness,
                "disability_category": self.disability,
                "disability_grade": self.grade,
                "work_status": self.work,
                "identity": self.identity,
                "employer_or_school": self.employer,
                "monthly_income": self.income,
                "medical_insurance": self.medical,
            },
            banner_label=self.banner,
        )
        self.draft.ready()

    def reject(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        form_drafts.close_with_draft(self, event, self.tr("家庭成员"), self.draft, self.save)

    def _load(self, member_id: str) -> None:
        h = households.get_household(self.db, self.household_id)
        m = next(m for m in households.live_members(h) if m.id == member_id)
        fields = [f for f in MemberData.__dataclass_fields__ if f != "warnings"]
        self._base = MemberData(**{f: getattr(m, f) for f in fields})
        self.name.setText(m.name)
        set_combo_data(self.relation, m.relation)
        self.id_number.setText(m.id_number or "")
        self.phone.setText((m.phone or "").removeprefix("+86"))
        set_combo_data(self.health, m.health)
        self.illness.setText(m.illness)
        set_combo_data(self.disability, m.disability_category)
        set_combo_data(self.grade, m.disability_grade)
        set_combo_data(self.work, m.work_status)
        set_combo_data(self.identity, m.identity)
        self.employer.setText(m.employer_or_school)
        self.income.setValue(m.monthly_income_fen / 100)
        set_combo_data(self.medical, m.medical_insurance)

    def member_data(self) -> MemberData:
        """The form's fields over the stored member, so fields not on this form are kept."""
        id_number = self.id_number.text().strip() or None
        base = self._base or MemberData(name="", relation=vocab.Relation.OTHER)
        if id_number:  # birth date and sex come from the number
            base = replace(base, birth_date=None, sex=None)
        return replace(
            base,
            name=self.name.text(),
            relation=current_enum(self.relation, vocab.Relation) or vocab.Relation.OTHER,
            id_number=id_number,
            phone=self.phone.text() or None,
            health=current_enum(self.health, vocab.HealthStatus) or vocab.HealthStatus.GOOD,
            illness=self.illness.text().strip(),
            disability_category=current_enum(self.disability, vocab.DisabilityCategory),
            disability_grade=current_enum(self.grade, vocab.DisabilityGrade),
            work_status=current_enum(self.work, vocab.WorkStatus),
            identity=current_enum(self.identity, vocab.Identity),
            employer_or_school=self.employer.text().strip(),
            monthly_income_fen=yuan_to_fen(self.income.value()),
            medical_insurance=current_enum(self.medical, vocab.MedicalInsurance),
        )

    def save(self) -> None:
        db, hid, mid = self.db, self.household_id, self.member_id
        data = self.member_data()
        if not self._child_data_confirmed(data):
            return

        def work() -> str:
            if mid:
                return households.update_member(db, mid, data).id
            return households.add_member(db, hid, data).id

        save_in_background(
            self,
            form_drafts.then_discard(self.draft, work),
            label=self.tr("正在保存…"),
            failed_title=self.tr("未能保存"),
            done=self._saved,
            errors=self.errors,
            busy=self.busy,
            controls=[self.save_button],
        )

    def _child_data_confirmed(self, data: MemberData) -> bool:
        """Health data of a child under 14 needs a guardian's consent (PIPL Art. 28, 31): warn."""
        from fieldapp.services import consent

        if not consent.is_sensitive(data) or self._guardian_consent_known(data):
            return True
        return messages.warn_consent(
            self,
            self.tr("需要监护人同意"),
            self.tr(
                "“%1”未满14周岁，健康、残疾等属于敏感个人信息，须先取得监护人的单独同意"
                "（《个人信息保护法》第28、31条）。\n"
                "本户还没有登记监护人同意。请先在“救助与同意”页登记，或确认已取得书面同意后继续保存。"
            ).replace("%1", data.name),
        )

    def _guardian_consent_known(self, data: MemberData) -> bool:
        from fieldapp.services import consent

        return consent.child_consent_given(self.db, self.household_id, self.member_id, data)

    def _saved(self, member_id: str) -> None:
        self.member_id = member_id
        self.draft.saved()
        self.saved.emit(member_id)
        self.accept()


def _pair(parent: QWidget, a: QWidget, b: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(a, 1)
    layout.addWidget(b, 1)
    return box
