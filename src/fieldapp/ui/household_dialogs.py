"""Create a household (with its head) and add or edit a family member."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
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
from fieldapp.domain.errors import DomainError
from fieldapp.domain.people import HouseholdData, MemberData
from fieldapp.services import households
from fieldapp.services import settings as ledger_settings
from fieldapp.storage.db import Database
from fieldapp.ui import messages
from fieldapp.ui.forms import FieldErrors, current_enum, enum_combo, set_combo_data, yuan_to_fen


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
    """A new household: the head's name and ID, contact, village; paired with the current cadre."""

    saved = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id: str | None = None
        self.setObjectName("householdDialog")
        self.setWindowTitle(self.tr("新建困难户"))
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
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors.label)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        basis = current_enum(self.basis, vocab.PairingBasis) or vocab.PairingBasis.CONTACT_HOUSEHOLD
        data = HouseholdData(
            pairing_basis=basis,
            village_code=self.village.code(),
            address_detail=self.address.text(),
            phone=self.phone.text() or None,
            unit_name=self.unit_name.text().strip(),
            hukou_type=current_enum(self.hukou, vocab.HukouType),
            housing_type=current_enum(self.housing, vocab.HousingType),
        )
        head = MemberData(
            name=self.head_name.text(), relation=vocab.Relation.HEAD, id_number=self.id_number.text() or None
        )
        try:
            saved = households.create_household(
                self.db, data, head, cadre_id=ledger_settings.current_cadre_id(self.db)
            )
        except DomainError as e:
            self.errors.show(e)
            return
        except Exception as e:
            messages.show_error(self, e, self.tr("未能保存"))
            return
        self.household_id = saved.id
        self.saved.emit(saved.id)
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
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.label)
        layout.addWidget(buttons)
        if member_id:
            self._load(member_id)

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
        self.errors.clear()
        try:
            if self.member_id:
                saved = households.update_member(self.db, self.member_id, self.member_data())
            else:
                saved = households.add_member(self.db, self.household_id, self.member_data())
        except DomainError as e:
            self.errors.show(e)
            return
        except Exception as e:
            messages.show_error(self, e, self.tr("未能保存"))
            return
        self.member_id = saved.id
        self.saved.emit(saved.id)
        self.accept()


def _pair(parent: QWidget, a: QWidget, b: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(a, 1)
    layout.addWidget(b, 1)
    return box
