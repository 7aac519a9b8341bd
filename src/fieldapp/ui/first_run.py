"""The first-run wizard: what a new ledger needs, in order, by keyboard alone.

language → the cadre (name, unit, phone) → password → the recovery code (confirmed by typing two
of its groups back) → enrolment with headquarters → the local 低保 standard (only if headquarters
has not sent one) → the automatic backup location. Enrolment, 低保 and backup can wait: 下一步
with nothing filled in leaves them for later (同步, 设置).

A first start is the wizard (`needed()`); existing ledgers never see it. The step reached and
everything typed (never a password) are kept in the preferences as they are typed, so a wizard
closed midway opens again at the same step with the same values: before the ledger exists
straight away, afterwards behind the ordinary sign-in (the ledger is then encrypted).

The wizard holds services only (cadres, settings, backups, the sync client), as the settings
dialog and the sync screen do; everything slow runs off the GUI thread through `ops.Op`.
"""

from __future__ import annotations

import itertools
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldapp.ui import messages
from fieldapp.ui import settings as opts
from fieldapp.ui.forms import BusyLine, enter_moves_on
from fieldapp.ui.ops import Op

if TYPE_CHECKING:
    from fieldapp.storage.db import Database

from fieldapp.ui.first_run_state import (  # noqa: F401 (re-exported for the tests)
    DONE,
    LEDGER_FILES,
    PAGE_BACKUP,
    PAGE_CADRE,
    PAGE_CODE,
    PAGE_DIBAO,
    PAGE_ENROL,
    PAGE_LANGUAGE,
    PAGE_PASSWORD,
    RESTART,
    ledger_exists,
    needed,
)

ERROR_STYLE = "color: #b71c1c;"
OK_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #555;"


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(320)
    return edit


def _buddy(text: str, field: QWidget) -> QLabel:
    """A row label whose mnemonic goes to `field` (a row holding a layout gets no buddy itself)."""
    label = QLabel(text, field.parentWidget())
    label.setBuddy(field)
    return label


class _Page(QWizardPage):
    """A page with a message line under its fields (errors in red, outcomes in green)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName(f"message{type(self).__name__}")
        self.body = QVBoxLayout(self)
        self.first_field: QWidget | None = None  # focused when the page is entered

    def finish_layout(self) -> None:
        self.body.addWidget(self.message)
        self.body.addStretch(1)

    def say(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)

    def initializePage(self) -> None:
        self.message.clear()


class LanguagePage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("欢迎使用工会结对帮扶台账"))
        self.setSubTitle(self.tr("第一次使用，请按步骤设置（约5分钟）。可以随时关闭，下次打开会回到这一步。"))
        self.language = QComboBox(self)
        self.language.setObjectName("wizardLanguage")
        for code, name in opts.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(wizard.prefs.get(opts.LANGUAGE)), 0))
        self.first_field = self.language
        form = QFormLayout()
        form.addRow(self.tr("界面语言(&L)"), self.language)
        self.body.addLayout(form)
        self.body.addWidget(
            _hint(self.tr("用方向键选择，按 Ctrl+回车 或“下一步”继续。以后可在 文件 → 设置 中更改。"), self)
        )
        self.finish_layout()

    def validatePage(self) -> bool:
        chosen = str(self.language.currentData())
        if chosen != self.wiz.prefs.get(opts.LANGUAGE):
            self.wiz.prefs.set(opts.LANGUAGE, chosen)
            self.wiz.keep_step(PAGE_CADRE)
            self.wiz.done(RESTART)  # made again in the chosen language, at the next step
            return False
        return True


class CadrePage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("干部信息"))
        self.setSubTitle(
            self.tr("这台电脑上的走访、评定和转介都记在这位干部名下；打印的联系卡也用这些信息。")
        )
        self.name = _line(self, "wizardCadreName", self.tr("如 王芳"))
        self.unit = _line(self, "wizardCadreUnit", self.tr("如 兰陵县总工会"))
        self.phone = _line(self, "wizardCadrePhone", self.tr("手机11位，或带区号的固定电话"))
        form = QFormLayout()
        form.addRow(self.tr("干部姓名(&N)"), self.name)
        form.addRow(self.tr("所在单位(&U)"), self.unit)
        form.addRow(self.tr("联系电话(&P)"), self.phone)
        self.body.addLayout(form)
        self.finish_layout()

    def initializePage(self) -> None:
        super().initializePage()
        self.first_field = self.name

    def validatePage(self) -> bool:
        from fieldapp.domain.errors import ValidationError
        from fieldapp.domain.phone import normalize_phone

        if not " ".join(self.name.text().split()):
            self.say(self.tr("请填写干部姓名。"))
            self.name.setFocus()
            return False
        phone = self.phone.text().strip()
        if phone:
            try:
                normalize_phone(phone, label=self.tr("联系电话"))
            except ValidationError as e:
                self.say(
                    messages.error_text(e) + "\n" + self.tr("手机号如 13805391234，固定电话如 0539-1234567。")
                )
                self.phone.selectAll()
                self.phone.setFocus()
                return False
        prefs = self.wiz.prefs
        prefs.set(opts.CADRE_NAME, " ".join(self.name.text().split()))
        prefs.set(opts.CADRE_UNIT, self.unit.text().strip())
        prefs.set(opts.CADRE_PHONE, phone)
        return True


class PasswordPage(_Page):
    """Sets the password: the ledger is created and encrypted here (off the GUI thread)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("设置密码"))
        self.setSubTitle(
            self.tr(
                "台账（身份证号、健康、收入等个人信息）会用这个密码加密，电脑丢失或被他人使用时也读不出来。"
                "每次打开和解锁时都要输入。"
            )
        )
        self.password = _line(self, "wizardPassword", self.tr("至少6位，不要用生日或123456"))
        self.again = _line(self, "wizardPasswordAgain", self.tr("再输入一次"))
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("密码(&W)"), self.password)
        form.addRow(self.tr("确认密码(&C)"), self.again)
        self.body.addLayout(form)
        self.body.addWidget(
            _hint(self.tr("密码不会保存在设置里；按“下一步”加密台账，下一页显示恢复码。"), self)
        )
        self.busy = BusyLine(self)
        self.body.addWidget(self.busy)
        self.creating = False
        self.setCommitPage(True)  # once the ledger is encrypted there is no going back
        self.finish_layout()

    def initializePage(self) -> None:
        super().initializePage()
        self.first_field = self.password

    def validatePage(self) -> bool:
        if self.wiz.db is not None:
            return True
        if self.creating:  # a second Enter while it encrypts
            return False
        first, second = self.password.text(), self.again.text()
        if not first:
            self.say(self.tr("请设置密码。"))
            self.password.setFocus()
            return False
        if first != second:
            self.say(self.tr("两次输入的密码不一样，请重新输入。"))
            self.again.selectAll()
            self.again.setFocus()
            return False
        self.creating = True
        self.message.clear()
        data_dir = self.wiz.data_dir

        def work() -> tuple[Database, str]:
            from fieldapp.security import signin

            opened = signin.open_with_password(data_dir, first)
            return opened.db, opened.recovery_code or ""

        def done(result: tuple[Database, str]) -> None:
            self.creating = False
            self.password.clear()
            self.again.clear()
            self.wiz.ledger_created(*result)

        def failed(error: Exception) -> None:
            self.creating = False
            self.say(messages.error_text(error))
            self.password.selectAll()
            self.password.setFocus()

        Op(work, self.tr("正在加密台账…")).success(done).failure(failed).run(self.busy.busy)
        return False


def code_groups(code: str) -> list[str]:
    return [g for g in code.upper().split("-") if g]


def same_group(typed: str, group: str) -> bool:
    """As people copy from paper: any case and spaces; O for 0, I or L for 1 (as the code is read)."""
    text = "".join(ch for ch in typed.upper() if ch.isalnum())
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    return text == group


class CodePage(_Page):
    """The recovery code, shown once; two of its groups typed back prove it was written down."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("恢复码"))
        self.setSubTitle(
            self.tr(
                "忘记密码，或把台账复制到别的电脑时，只有用恢复码才能打开。它只显示这一次："
                "请抄在纸上或打印出来，与电脑分开保管。"
            )
        )
        self.code_label = QLabel(self)
        self.code_label.setObjectName("wizardRecoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setStyleSheet(
            "font-family: monospace; font-size: 17pt; font-weight: bold;"
            "border: 2px dashed #888; padding: 10px; background: #fffbe6;"
        )
        self.print_button = QPushButton(self.tr("打印恢复码(&R)…"), self)
        self.print_button.setObjectName("wizardPrintCode")
        self.print_button.clicked.connect(self._print)
        self.first = _line(self, "wizardGroupA")
        self.second = _line(self, "wizardGroupB")
        for edit in (self.first, self.second):
            edit.setMinimumWidth(120)
            edit.setMaxLength(8)
        self.first_label = QLabel(self)
        self.second_label = QLabel(self)
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        form = QFormLayout()
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        self.body.addWidget(self.code_label)
        self.body.addLayout(row)
        self.body.addWidget(_hint(self.tr("抄好后，请对照纸上的恢复码输入下面两组（确认抄对了）："), self))
        self.body.addLayout(form)
        self.groups: tuple[int, int] = (0, 1)
        self.finish_layout()

    def initializePage(self) -> None:
        super().initializePage()
        code = self.wiz.recovery_code
        self.code_label.setText(code)
        self.code_label.setMinimumWidth(self.code_label.sizeHint().width())  # never cut a character
        count = max(len(code_groups(code)), 2)
        a, b = sorted(secrets.SystemRandom().sample(range(count), 2))
        self.groups = (a, b)
        self.first_label.setText(self.tr("第 %1 组(&1)").replace("%1", str(a + 1)))
        self.second_label.setText(self.tr("第 %1 组(&2)").replace("%1", str(b + 1)))
        self.first.clear()
        self.second.clear()
        self.first_field = self.first

    def _print(self) -> None:
        from fieldapp.ui.signin import print_recovery_sheet

        print_recovery_sheet(self, self.wiz.data_dir, self.wiz.recovery_code)

    def validatePage(self) -> bool:
        groups = code_groups(self.wiz.recovery_code)
        for edit, index in ((self.first, self.groups[0]), (self.second, self.groups[1])):
            if not same_group(edit.text(), groups[index]):
                self.say(
                    self.tr(
                        "第 %1 组不对：请对照恢复码重新抄写一遍，再输入这一组（4个字母或数字）。"
                    ).replace("%1", str(index + 1))
                )
                edit.selectAll()
                edit.setFocus()
                return False
        self.wiz.code_confirmed()
        return True


class EnrolPage(_Page):
    """Enrolment with headquarters, the same three ways as the sync screen (file, URL, stick)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("登记本机"))
        self.setSubTitle(
            self.tr(
                "用市总工会发的登记文件或登记信登记这台电脑，之后才能同步。现在没有可以直接按“下一步”，"
                "以后在 同步 → 与市总工会同步 中登记。"
            )
        )
        self.file = _line(self, "wizardEnrolFile", self.tr("市总工会发的登记文件（.enrol 或 .json）"))
        browse = QPushButton(self.tr("选择(&F)…"), self)
        browse.setObjectName("wizardBrowseEnrol")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.url = _line(
            self,
            "wizardEnrolUrl",
            self.tr("或登记信上的登记地址，如 http://192.168.1.10:8765/api/v1/enrolment/…"),
        )
        self.fingerprint = _line(self, "wizardEnrolFingerprint", self.tr("用登记地址时必填，如 ABCD-EFGH-…"))
        form = QFormLayout()
        form.addRow(_buddy(self.tr("登记文件(&E)"), self.file), file_row)
        form.addRow(self.tr("登记地址(&A)"), self.url)
        form.addRow(self.tr("公钥指纹(&K)"), self.fingerprint)
        self.online = QPushButton(self.tr("联网登记(&O)"), self)
        self.online.setObjectName("wizardEnrolOnline")
        self.online.clicked.connect(self.enrol_online)
        self.stick = QPushButton(self.tr("登记申请写到U盘(&Q)…"), self)
        self.stick.setObjectName("wizardEnrolStick")
        self.stick.clicked.connect(self.enrol_by_stick)
        buttons = QHBoxLayout()
        buttons.addWidget(self.online)
        buttons.addWidget(self.stick)
        buttons.addStretch(1)
        self.body.addLayout(form)
        self.body.addLayout(buttons)
        self.body.addWidget(
            _hint(
                self.tr(
                    "有网络：选登记文件（或填登记地址和指纹），点“联网登记”。没有网络：选登记文件，"
                    "点“登记申请写到U盘”，把U盘交市总工会导入，再在同步界面“从U盘导入回执”。"
                ),
                self,
            )
        )
        # Enter (and Tab) go through the fields first, then the actions; 选择… is last (Alt+F)
        chain = (self.file, self.url, self.fingerprint, self.online, self.stick, browse)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        # the region this laptop works in: place pick-lists, village codes and the importer use it
        self.province = QComboBox(self)
        self.province.setObjectName("wizardRegionProvince")
        self.city = QComboBox(self)
        self.city.setObjectName("wizardRegionCity")
        self.county = QComboBox(self)
        self.county.setObjectName("wizardRegionCounty")
        region_row = QHBoxLayout()
        for box in (self.province, self.city, self.county):
            region_row.addWidget(box, 1)
        region_form = QFormLayout()
        region_form.addRow(_buddy(self.tr("工作地区(&R)"), self.province), region_row)
        self.body.addLayout(region_form)
        self.body.addWidget(
            _hint(self.tr("选到市即可；只在一个县区工作时也可选县区。市总工会也可以在同步时发来。"), self)
        )
        self.province.currentIndexChanged.connect(lambda _i: self._fill(self.city, self.province))
        self.city.currentIndexChanged.connect(lambda _i: self._fill(self.county, self.city))
        for before, after in itertools.pairwise((browse, self.province, self.city, self.county)):
            QWidget.setTabOrder(before, after)
        self.busy = BusyLine(self)
        self.body.addWidget(self.busy)
        self.working = False
        self.enrolled = False
        # replaceable (tests point them at a real folder or file instead of a dialog)
        self.choose_folder: Callable[[], str] = self._ask_folder
        self.choose_file: Callable[[], str] = self._ask_file
        self.finish_layout()

    def initializePage(self) -> None:
        super().initializePage()
        self.first_field = self.file
        self._show_region()

    def _fill(self, box: QComboBox, parent: QComboBox) -> None:
        from fieldapp.services import region

        code = str(parent.currentData() or "")
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("（全部）"), "")
        for choice in region.region_choices(code) if code else []:
            box.addItem(choice.name, choice.code)
        box.blockSignals(False)
        if box is self.city:
            self._fill(self.county, self.city)

    def _show_region(self) -> None:
        """The pickers show the ledger's region (Linyi City until one is chosen or sent)."""
        from fieldapp.services import region

        self.province.blockSignals(True)
        self.province.clear()
        for choice in region.region_choices():
            self.province.addItem(choice.name, choice.code)
        self.province.blockSignals(False)
        code = region.active_region(self.wiz.db).code if self.wiz.db is not None else ""
        self.province.setCurrentIndex(max(self.province.findData(code[:2]), 0))
        self._fill(self.city, self.province)
        if len(code) >= 4:
            self.city.setCurrentIndex(max(self.city.findData(code[:4]), 0))
        if len(code) == 6:
            self.county.setCurrentIndex(max(self.county.findData(code), 0))

    def chosen_region(self) -> str:
        """The narrowest level chosen: a county, else the city, else the province."""
        for box in (self.county, self.city, self.province):
            if box.currentData():
                return str(box.currentData())
        return ""

    def _ask_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择登记文件"), "", self.tr("登记文件 (*.enrol *.json);;所有文件 (*)")
        )
        return name

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("选择U盘上的文件夹"))

    def _browse(self) -> None:
        name = self.choose_file()
        if name:
            self.file.setText(name)

    def _run(self, label: str, work: Callable[[], str]) -> None:
        if self.working:
            return
        self.working = True
        self.message.clear()

        def done(text: str) -> None:
            self.working = False
            self.enrolled = True
            self.say(text, error=False)
            self.wiz.keep_value("enrolled", "1")

        def failed(error: Exception) -> None:
            from fieldapp.ui.sync_screen import sync_error_text

            self.working = False
            self.say(sync_error_text(error))

        Op(work, label).success(done).failure(failed).run(self.busy.busy)

    def _source(self) -> tuple[str, str | None] | None:
        path, url = self.file.text().strip(), self.url.text().strip()
        fingerprint = self.fingerprint.text().strip() or None
        if path:
            return path, fingerprint
        if url:
            if not url.startswith(("http://", "https://")):
                self.say(self.tr("登记地址应以 http:// 或 https:// 开头，请对照登记信改正。"))
                self.url.setFocus()
                return None
            if fingerprint is None:
                self.say(
                    self.tr(
                        "用登记地址联网登记需要填写登记信上的“市总工会公钥指纹”，以确认连到的是真正的市总工会。"
                    )
                )
                self.fingerprint.setFocus()
                return None
            return url, fingerprint
        self.say(self.tr("请选择市总工会发的登记文件，或填写登记地址和公钥指纹；现在没有就按“下一步”。"))
        self.file.setFocus()
        return None

    def enrol_online(self) -> None:
        source = self._source()
        if source is None or self.wiz.db is None:
            return
        db, (where, fingerprint) = self.wiz.db, source

        def work() -> str:
            from fieldapp.sync import client

            return client.enroll_online(db, client.load_enrolment(where, fingerprint))

        self._run(self.tr("正在登记…"), work)

    def enrol_by_stick(self) -> None:
        path = self.file.text().strip()
        if not path:
            self.say(self.tr("不联网登记需要市总工会发的登记文件：请先选择登记文件。"))
            self.file.setFocus()
            return
        if self.wiz.db is None:
            return
        folder = self.choose_folder()
        if not folder:
            return
        db = self.wiz.db

        def work() -> str:
            from fieldapp.sync import client
            from fieldapp.ui.sync_screen import _check_stick

            _check_stick(Path(folder))
            written = client.write_enrolment_request(db, client.load_enrolment(path), Path(folder))
            return self.tr(
                "已把登记申请写到U盘：%1。请把U盘交市总工会导入，再在同步界面“从U盘导入回执”完成登记。"
            ).replace("%1", written.name)

        self._run(self.tr("正在写登记申请…"), work)

    def validatePage(self) -> bool:
        if self.working:
            return False
        from fieldapp.domain.errors import DomainError
        from fieldapp.services import region

        code = self.chosen_region()
        if self.wiz.db is not None and code and code != region.active_region(self.wiz.db).code:
            try:
                region.set_region(self.wiz.db, code)
            except DomainError as e:
                self.say(messages.error_text(e))
                self.province.setFocus()
                return False
        return True  # nothing else filled in: enrolment waits for the sync screen


class DibaoPage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("本地低保标准"))
        self.setSubTitle(
            self.tr(
                "困难类别按当地民政部门公布的低保标准计算。市总工会还没有发来本地标准：请填写，"
                "或按“下一步”以后在 文件 → 设置 中填写。"
            )
        )
        self.dibao = _line(self, "wizardDibao", self.tr("如 900"))
        form = QFormLayout()
        form.addRow(self.tr("本地低保标准（元/月）(&D)"), self.dibao)
        self.body.addLayout(form)
        self.finish_layout()

    def initializePage(self) -> None:
        super().initializePage()
        self.first_field = self.dibao

    def validatePage(self) -> bool:
        from fieldapp.domain.errors import DomainError
        from fieldapp.services import settings as ledger_settings

        text = self.dibao.text().strip()
        if not text or self.wiz.db is None:
            return True
        try:
            ledger_settings.set_dibao_standard(self.wiz.db, text)
        except DomainError as e:
            self.say(messages.error_text(e) + "\n" + self.tr("请填写每人每月的元数，如 900 或 912.50。"))
            self.dibao.selectAll()
            self.dibao.setFocus()
            return False
        return True


class BackupPage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("自动备份"))
        self.setSubTitle(
            self.tr(
                "每次启动和每工作4小时，台账会加密备份到您选的另一个文件夹或U盘，并核对。"
                "现在不选可以按“完成”，以后在 文件 → 备份位置… 中选择。"
            )
        )
        self.target = _line(self, "wizardBackupTarget", self.tr("如 E:\\台账备份 或 /media/U盘/台账备份"))
        choose = QPushButton(self.tr("选择(&B)…"), self)
        choose.setObjectName("wizardBackupChoose")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(choose)
        form = QFormLayout()
        form.addRow(_buddy(self.tr("备份位置(&T)"), self.target), row)
        self.body.addLayout(form)
        self.finish_layout()

    def initializePage(self) -> None:
        super().initializePage()
        self.first_field = self.target

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择自动备份的位置（另一个文件夹或U盘）"), self.target.text()
        )
        if folder:
            self.target.setText(folder)

    def validatePage(self) -> bool:
        from fieldapp.domain.errors import DomainError
        from fieldapp.services import backups

        text = self.target.text().strip()
        if not text or self.wiz.db is None:
            return True
        if not Path(text).expanduser().is_absolute():
            self.say(
                self.tr("请填写完整的文件夹位置（如 E:\\台账备份 或 /media/U盘/台账备份），或点“选择…”。")
            )
            self.target.setFocus()
            return False
        try:
            cfg = backups.get_settings(self.wiz.db)
            backups.set_settings(self.wiz.db, Path(text), cfg.every_hours, cfg.keep)
        except DomainError as e:
            self.say(messages.error_text(e))
            self.target.selectAll()
            self.target.setFocus()
            return False
        return True


class FirstRunWizard(QWizard):
    """`db` is given when resuming after the sign-in; on `accept()` it is the open ledger."""

    def __init__(
        self,
        prefs: opts.AppSettings,
        data_dir: Path,
        db: Database | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs, self.data_dir, self.db = prefs, data_dir, db
        self.recovery_code = ""
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("第一次使用 — 工会结对帮扶台账"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("设置密码并加密台账(&S)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&D)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("以后继续(&X)"))
        self.setMinimumSize(640, 480)
        self.language = LanguagePage(self)
        self.cadre = CadrePage(self)
        self.password = PasswordPage(self)
        self.code = CodePage(self)
        self.enrol = EnrolPage(self)
        self.dibao = DibaoPage(self)
        self.backup = BackupPage(self)
        for pid, page in enumerate(
            (self.language, self.cadre, self.password, self.code, self.enrol, self.dibao, self.backup)
        ):
            self.setPage(pid, page)
        self._kept: dict[str, QLineEdit] = {
            "name": self.cadre.name,
            "unit": self.cadre.unit,
            "phone": self.cadre.phone,
            "enrol_file": self.enrol.file,
            "enrol_url": self.enrol.url,
            "enrol_fingerprint": self.enrol.fingerprint,
            "dibao": self.dibao.dibao,
            "backup_target": self.backup.target,
        }
        values = self._values()
        for key, edit in self._kept.items():
            edit.setText(str(values.get(key, "")))
            edit.textEdited.connect(lambda text, key=key: self.keep_value(key, text))
        if not values.get("name"):  # the settings may know the cadre already
            self.cadre.name.setText(prefs.get(opts.CADRE_NAME))
            self.cadre.unit.setText(prefs.get(opts.CADRE_UNIT))
            self.cadre.phone.setText(prefs.get(opts.CADRE_PHONE))
        self.setStartId(self._start_step())
        self.currentIdChanged.connect(self._entered)
        enter_moves_on(self, self._ctrl_enter)

    # --- progress ----------------------------------------------------------------------------
    def _mine(self) -> bool:
        return self.prefs.get(opts.FIRST_RUN_FOLDER) == str(self.data_dir)

    def _values(self) -> dict[str, Any]:
        if not self._mine():
            return {}
        try:
            values = json.loads(self.prefs.get(opts.FIRST_RUN_VALUES) or "{}")
        except ValueError:
            return {}
        return values if isinstance(values, dict) else {}

    def _start_step(self) -> int:
        step = self.prefs.get(opts.FIRST_RUN_STEP) if self._mine() else PAGE_LANGUAGE
        if self.db is not None:  # the ledger exists: the steps before it are done
            return min(max(step, PAGE_ENROL), PAGE_BACKUP)
        return min(step, PAGE_PASSWORD)

    def keep_step(self, step: int) -> None:
        if not self._mine():
            self.prefs.set(opts.FIRST_RUN_FOLDER, str(self.data_dir))
            self.prefs.set(opts.FIRST_RUN_VALUES, json.dumps(self._typed(), ensure_ascii=False))
        self.prefs.set(opts.FIRST_RUN_STEP, step)
        self.prefs.sync()

    def _typed(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self._kept.items()}

    def keep_value(self, key: str, text: str) -> None:
        values = self._values() if self._mine() else self._typed()
        values[key] = text
        self.prefs.set(opts.FIRST_RUN_FOLDER, str(self.data_dir))
        self.prefs.set(opts.FIRST_RUN_VALUES, json.dumps(values, ensure_ascii=False))

    def _entered(self, page_id: int) -> None:
        if page_id < 0:
            return
        page = self.page(page_id)
        first = page.first_field if isinstance(page, _Page) else None
        (first or page).setFocus()  # after the wizard's own choice (its first button)
        if page_id == PAGE_CODE:
            return  # kept only once the code is confirmed (then the wizard goes on at enrolment)
        self.keep_step(page_id)

    # --- steps -------------------------------------------------------------------------------
    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_ENROL and self.db is not None:
            from fieldapp.services import settings as ledger_settings

            return PAGE_BACKUP if ledger_settings.dibao_is_set(self.db) else PAGE_DIBAO
        if current == PAGE_BACKUP:
            return -1
        return super().nextId()

    def _ctrl_enter(self) -> None:
        if self.currentId() == PAGE_BACKUP:
            self.button(QWizard.WizardButton.FinishButton).click()
        else:
            self.next()

    def ledger_created(self, db: Database, code: str) -> None:
        """The password page made the ledger: keep the cadre in it and show the code."""
        from fieldapp.domain.vocab import AuditAction
        from fieldapp.services import audit

        self.db = db
        self.recovery_code = code
        audit.log(db, AuditAction.SIGN_IN)
        self.keep_step(PAGE_PASSWORD)  # the ledger exists: a restart signs in, then goes on
        self.save_cadre()
        if not code:  # an existing keystore was unlocked (never for a new folder)
            self.code_confirmed()
            self.setStartId(PAGE_ENROL)
            self.restart()
            return
        self.next()

    def code_confirmed(self) -> None:
        self.keep_step(PAGE_ENROL)

    def save_cadre(self) -> None:
        from fieldapp.domain.errors import DomainError
        from fieldapp.ui.settings_dialog import save_cadre

        if self.db is None:
            return
        try:
            save_cadre(
                self.db,
                self.prefs.get(opts.CADRE_NAME),
                self.prefs.get(opts.CADRE_UNIT),
                self.prefs.get(opts.CADRE_PHONE),
            )
        except DomainError as e:  # checked on the cadre page; a stale value is said, not lost
            messages.show_error(self, e, self.tr("干部信息没有保存"))

    def accept(self) -> None:
        self.prefs.set(opts.FIRST_RUN_STEP, DONE)
        self.prefs.set(opts.FIRST_RUN_VALUES, "{}")  # typed values are in the ledger now
        self.prefs.sync()
        super().accept()

    def reject(self) -> None:
        if self.currentId() == PAGE_CODE:
            return  # the code is shown once: leave only by confirming it was written down
        if self.password.creating or self.enrol.working:
            return
        self.prefs.sync()
        super().reject()
