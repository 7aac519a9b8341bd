"""Every word translated (issue 14): with English chosen, the form dialogs show no Han character
apart from data (names typed by the cadre); every vocabulary goes through one mechanism
(ui/vocab_text.label) and every value of every vocabulary is listed for translation."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.test_ui_workbench import _household, cadre, open_window, wait_ops  # noqa: F401

from fieldapp.domain import vocab
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.referrals import catalogue
from fieldapp.services import referrals
from fieldapp.storage.db import Database
from fieldapp.ui import domain_text, vocab_text
from fieldapp.ui import settings as opts
from fieldapp.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("answers")

HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
DATA = ("张海生", "县总工会", "欠薪")  # typed by the cadre or sent by headquarters: not interface
PLACES = {"county", "township", "village"}  # the official names of places: data too


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget name, text) of everything a user reads in `root`: titles, labels, buttons,
    pick-list items, placeholders."""
    yield root.objectName() or type(root).__name__, root.windowTitle()
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.objectName() in PLACES:
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
            yield name, w.toolTip()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield name, w.itemText(i)
        if isinstance(w, QLineEdit | QPlainTextEdit):
            yield name, w.placeholderText()


def han_in(root: QWidget) -> list[str]:
    found = []
    for name, text in visible_texts(root):
        for data in DATA:
            text = text.replace(data, "")
        if HAN.search(text):
            found.append(f"{name}: {text!r}")
    return found


@pytest.fixture
def english() -> Iterator[None]:
    from fieldapp.ui.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert "fieldapp_en" in install_translations(app, "en")
    try:
        yield
    finally:
        install_translations(app, "zh_CN")


def test_every_vocabulary_value_is_listed_for_translation() -> None:
    for name in dir(vocab):
        cls = getattr(vocab, name)
        if isinstance(cls, type) and issubclass(cls, Enum) and cls.__module__ == vocab.__name__:
            if cls is vocab.AuditAction:  # written to the log, not shown as a pick-list
                continue
            for member in cls:
                assert vocab_text.text_of(member) in vocab_text.TEXTS, f"{name}.{member.name}"
    for kind in catalogue().values():
        assert kind.name in vocab_text.TEXTS, kind.code


def test_the_forms_in_english_show_no_chinese_but_data(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    english: None,
) -> None:
    hid = _household(db, cadre)
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    window = open_window(qtbot, db, prefs)
    forms: dict[str, QWidget] = {
        "new household": window.new_household(),
        "household": window.edit_household(hid),
        "referral": window.new_referral_for(hid),
        "member": window.edit_member(hid, ""),
        "relief": window.add_record(hid, "relief"),
        "consent": window.add_record(hid, "consent"),
        "status": window.change_referral_status(rid),
        "visit": window.record_visit_for(hid),  # with its chips and the item-19 section
        "import": window.open_import(),  # 文件 → 导入困难户名单
    }
    profile = window.open_household(hid)
    wait_ops(qtbot)
    forms["assessment"] = profile.assessment
    problems = {what: han_in(form) for what, form in forms.items()}
    assert {k: v for k, v in problems.items() if v} == {}
    relation = forms["member"].relation  # type: ignore[attr-defined]
    assert relation.itemText(relation.findData(vocab.Relation.SPOUSE.value)) == "Spouse"


ALLOWED_ASCII = {"ID", "PDF", "USB", "Excel", "CSV", "HH", "ZJ", "ZF", "Ctrl", "Shift", "Alt", "Enter", "Tab"}


def test_the_forms_in_chinese_show_no_stray_english_words(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    rid = referrals.create_referral(db, referrals.ReferralData(hid, "RIGHTS-WAGES", "县总工会", "欠薪"))
    window = open_window(qtbot, db, prefs)
    forms: list[QWidget] = [
        window.new_household(),
        window.edit_household(hid),
        window.new_referral_for(hid),
        window.edit_member(hid, ""),
        window.add_record(hid, "relief"),
        window.add_record(hid, "consent"),
        window.change_referral_status(rid),
        window.record_visit_for(hid),
        window.open_import(),
    ]
    profile = window.open_household(hid)
    wait_ops(qtbot)
    forms.append(profile.assessment)
    stray = [
        f"{name}: {text!r}"
        for form in forms
        for name, text in visible_texts(form)
        for word in re.findall(r"[A-Za-z]{2,}", re.sub(r"&[A-Za-z]", "", text))
        if word not in ALLOWED_ASCII
    ]
    assert stray == []


def test_the_forms_in_chinese_show_the_vocabulary_in_chinese(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    relief = window.add_record(hid, "relief")
    assert relief.programme.itemText(0) == vocab.ReliefProgramme.AUTUMN_STUDENT_AID.value
    assert relief.programme.itemData(0) == "金秋助学"  # the stored value never changes


# --- the workbench and a household's file with demo data (lists, tables, timelines) -------------


def _data_texts(db: Database) -> list[str]:
    """Every Chinese text stored in the ledger that is not a vocabulary value: names, places,
    notes, employers… — data, shown as written in either language. Longest first."""
    from sqlalchemy import String, Text, select

    from fieldapp.storage.models import Base

    found: set[str] = set()
    with db.session() as s:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, String | Text):
                    for value in s.execute(select(column)).scalars():
                        if value and HAN.search(value) and value not in vocab_text.TEXTS:
                            found.add(value)
    return sorted(found, key=len, reverse=True)


def workbench_texts(window: MainWindow, profile: QWidget) -> Iterator[tuple[str, str]]:
    """What the workbench and an open household file show: list cells, 待办, tabs, tables,
    the visit timeline, referral history and the item-19 figures, and every label and button."""
    from PySide6.QtWidgets import QListWidget, QTableWidget, QTabWidget, QTextBrowser

    from fieldapp.ui.household_list import COL_VILLAGE, short_village

    model = window.households.model
    for r in range(model.rowCount()):
        row = model.row_at(r)
        for c in range(model.columnCount()):
            if c != COL_VILLAGE:
                yield f"households[{r},{c}]", str(model.data(model.index(r, c)))
        yield "village", row.village_name
        yield "village", short_village(row.village_name)
    yield from visible_texts(window)
    yield from visible_texts(profile)
    for w in profile.findChildren(QWidget):
        name = w.objectName() or type(w).__name__
        if isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    yield f"{name}[{r},{c}]", item.text() if item is not None else ""
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                yield f"{name} header", header.text() if header is not None else ""
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                yield name, w.item(i).text()
        elif isinstance(w, QTextBrowser):
            yield name, w.toPlainText()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)
    for i in window.dashboard.items_text():
        yield "todoList", i


def _open_demo(qtbot: QtBot, db: Database, prefs: opts.AppSettings) -> tuple[MainWindow, QWidget]:
    from fieldapp.services.demo import fill_demo_data

    fill_demo_data(db, 6, seed=14)
    window = open_window(qtbot, db, prefs)
    assert window.dashboard.items_text()
    # the household with the most to show: referrals, relief, item-19 figures
    best = max(
        (window.households.model.row_at(r).id for r in range(window.households.model.rowCount())),
        key=lambda hid: len(referrals.list_referrals(db, hid)),
    )
    profile = window.open_household(best)
    wait_ops(qtbot)
    return window, profile


def test_the_workbench_and_a_household_file_in_english_show_no_chinese_but_data(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings, english: None
) -> None:
    window, profile = _open_demo(qtbot, db, prefs)
    villages = [t for name, t in workbench_texts(window, profile) if name == "village"]
    data = sorted({*_data_texts(db), *villages}, key=len, reverse=True)
    found = []
    seen = 0
    for name, text in workbench_texts(window, profile):
        if name == "village" or name in PLACES:
            continue
        seen += 1
        for d in data:
            text = text.replace(d, "")
        if HAN.search(text):
            found.append(f"{name}: {text!r}")
    assert seen > 100
    assert "\n".join(found) == ""
    # the stored values stay Chinese, only what is shown is English
    model = window.households.model
    from fieldapp.ui.household_list import COL_CATEGORY

    categories = {model.data(model.index(r, COL_CATEGORY)) for r in range(model.rowCount())}
    assert categories & {"Severe hardship", "Relative hardship", "Hardship by accident"}
    assert {model.row_at(r).category for r in range(model.rowCount())} <= {
        "",
        *(c.value for c in vocab.HardshipCategory),
    }


def test_the_workbench_and_a_household_file_in_chinese_show_no_stray_english(
    qtbot: QtBot, db: Database, prefs: opts.AppSettings
) -> None:
    window, profile = _open_demo(qtbot, db, prefs)
    stray = [
        f"{name}: {text!r}"
        for name, text in workbench_texts(window, profile)
        if not text.startswith(str(db.path.parent))  # the ledger's file: a path, not a word
        for word in re.findall(r"[A-Za-z]{2,}", re.sub(r"&[A-Za-z]", "", text))
        if word not in ALLOWED_ASCII
    ]

    assert "\n".join(stray) == ""


# --- the domain's validation messages ---------------------------------------------------------


def _refusal(call: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


def test_the_domains_messages_are_shown_in_english(qtbot: QtBot, english: None) -> None:
    from fieldapp.domain.idcard import make_id_number, parse_id_number
    from fieldapp.domain.phone import normalize_phone
    from fieldapp.ui import messages

    good = make_id_number("371302", dt.date(1980, 5, 1), 11)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    id_error = _refusal(lambda: parse_id_number(wrong))
    assert "校验位错误" in str(id_error)  # the domain speaks Chinese…
    text = messages.error_text(id_error)  # …the user reads English
    assert f"ID number: wrong check digit (the last character should be {good[17]})" in text
    assert not HAN.search(text)

    phone_error = _refusal(lambda: normalize_phone("12345678901", label="本人电话"))
    text = messages.error_text(phone_error)
    assert "Own phone: the second digit of mobile number 12345678901 should be 3–9" in text
    assert not HAN.search(text)

    future = _refusal(lambda: parse_id_number(make_id_number("371302", dt.date(2030, 1, 1), 11)))
    assert domain_text.problem(future.problems[0]) == "ID number: birth date 2030-01-01 is after today"


def test_the_domains_messages_stay_as_written_in_chinese() -> None:
    from fieldapp.domain.money import parse_yuan

    error = _refusal(lambda: parse_yuan("abc", field_name="amount_fen", label="救助金额"))
    assert domain_text.problem(error.problems[0]) == "救助金额：“abc”不是金额" == str(error)


def test_a_form_shows_a_domain_refusal_in_english(
    qtbot: QtBot,
    db: Database,
    prefs: opts.AppSettings,
    cadre: str,  # noqa: F811
    english: None,
) -> None:
    hid = _household(db, cadre)
    window = open_window(qtbot, db, prefs)
    relief = window.add_record(hid, "relief")
    relief.amount.setValue(0)  # type: ignore[attr-defined]
    relief.save()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: relief.errors.label.isVisible(), timeout=60000)  # type: ignore[attr-defined]
    shown = relief.errors.label.text()  # type: ignore[attr-defined]
    assert shown == "Amount: must be more than 0"


# --- refusals by a rule and records not found: the same templates, in both languages ----------


def _rule_refusals(db: Database, cadre_id: str) -> list[Exception]:
    """Refusals a cadre meets in message boxes (RuleViolation, NotFound), raised for real."""
    from fieldapp.domain.errors import DomainError
    from fieldapp.domain.pairing import check_new_pairing
    from fieldapp.domain.referrals import check_transition
    from fieldapp.services import cadres, households

    hid = _household(db, cadre_id)
    head = households.get_household(db, hid).head
    assert head is not None
    calls: list[Callable[[], object]] = [
        lambda: check_new_pairing(4, None),
        lambda: check_transition(vocab.ReferralStatus.COMPLETED, vocab.ReferralStatus.REFERRED),
        lambda: check_transition(vocab.ReferralStatus.REFERRED, vocab.ReferralStatus.COMPLETED),
        lambda: households.remove_member(db, head.id),
        lambda: households.get_household(db, "no-such-household"),
        lambda: cadres.pair(db, cadre_id, hid),
    ]
    found = []
    for call in calls:
        with pytest.raises(DomainError) as caught:
            call()
        found.append(caught.value)
    return found


def test_refusals_by_a_rule_are_shown_in_english(
    qtbot: QtBot,
    db: Database,
    cadre: str,  # noqa: F811
    english: None,
) -> None:
    from fieldapp.ui import messages

    shown = [messages.error_text(e) for e in _rule_refusals(db, cadre)]
    assert [t for t in shown if HAN.search(t.replace("张海生", ""))] == []
    assert "This cadre is already paired with 4 households (the rule is 2–4)" in shown[0]
    assert "it can go to: nothing (it is closed)" in shown[1]
    assert "it can go to: " in shown[2] and ", " in shown[2].split("it can go to: ")[1]
    assert shown[3].startswith("The head of household cannot be removed")
    assert shown[4].startswith("Cannot find this record (Households, number no-such-household)")
    assert shown[5] == "This cadre is already paired with this household"


def test_refusals_by_a_rule_stay_as_written_in_chinese(
    qtbot: QtBot,
    db: Database,
    cadre: str,  # noqa: F811
) -> None:
    from fieldapp.ui import messages

    for error in _rule_refusals(db, cadre):
        assert messages.error_text(error).startswith(str(error))


def test_every_domain_template_has_english_with_its_placeholders(qtbot: QtBot, english: None) -> None:
    from PySide6.QtCore import QCoreApplication

    for template in (str(t) for t in domain_text.TEMPLATES):
        shown = QCoreApplication.translate(domain_text.CONTEXT, template)
        assert shown != template and not HAN.search(shown), template
        assert sorted(re.findall(r"%[1-9]", shown)) == sorted(re.findall(r"%[1-9]", template)), template


def test_todo_titles_are_built_in_the_chosen_language(qtbot: QtBot) -> None:
    from fieldapp.services.todo import TodoItem
    from fieldapp.ui.app import install_translations
    from fieldapp.ui.dashboard import todo_title

    day = dt.date(2026, 11, 1)
    never = TodoItem("visit", "h", "张海生", day, 3, "尚未走访")
    visited = TodoItem("visit", "h", "张海生", day, 3, "上次走访 2026-05-01", last_visit=dt.date(2026, 5, 1))
    follow = TodoItem(
        "referral",
        "h",
        "张海生",
        day,
        3,
        "转介跟进：追讨欠薪（已转介，县总工会）",
        referral_id="r",
        referral_kind=catalogue()["RIGHTS-WAGES"].name,
        referral_status=vocab.ReferralStatus.REFERRED,
        receiving_body="县总工会",
    )
    zh = [todo_title(i) for i in (never, visited, follow)]
    assert zh[:2] == ["尚未走访", "上次走访 2026-05-01"]
    assert zh[2] == f"转介跟进：{catalogue()['RIGHTS-WAGES'].name}（已转介，县总工会）"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "en")
    try:
        en = [todo_title(i) for i in (never, visited, follow)]
    finally:
        install_translations(app, "zh_CN")
    assert en[:2] == ["Not visited yet", "Last visit 2026-05-01"]
    assert en[2].startswith("Referral follow-up: ") and en[2].endswith("县总工会)")
    assert not HAN.search(en[2].replace("县总工会", ""))


def test_a_form_marks_a_rule_refusal_in_english(
    qtbot: QtBot, db: Database, tmp_path: Path, english: None
) -> None:
    from fieldapp.domain.errors import DomainError
    from fieldapp.services import backups
    from fieldapp.ui.forms import FieldErrors

    with pytest.raises(DomainError) as caught:
        backups.set_settings(db, tmp_path / "elsewhere", 4, 0)  # keep no backup at all
    keep = QLineEdit()
    errors = FieldErrors(QLabel(), {"backup_keep": keep})
    qtbot.addWidget(keep)
    errors.show(caught.value)
    assert "Keep 1 to 100 backups." in errors.label.text()
    assert keep.toolTip() == "Keep 1 to 100 backups."
    assert not HAN.search(errors.label.text())


# --- every message the domain and the services raise has its English -------------------------

NOT_SHOWN_IN_THE_APP = {"demo.py"}  # the command line's own


def _raised_texts() -> Iterator[tuple[str, str, str]]:
    """(where, kind, text) of every Chinese message and field label given to FieldProblem,
    ValidationError.single, RuleViolation, NotFound and DomainError in domain/ and services/, and
    to SyncError and BlobError in sync/ and storage/blobs.py;
    an f-string's values stand as "7"."""
    import ast

    import fieldapp

    root = Path(fieldapp.__file__).parent

    def text(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)  # type: ignore[misc]
        if isinstance(node, ast.BinOp):
            left, right = text(node.left), text(node.right)
            return left + right if left is not None and right is not None else None
        return None

    shown = [*root.glob("domain/*.py"), *root.glob("services/*.py"), *root.glob("sync/*.py")]
    for path in sorted([*shown, root / "storage" / "blobs.py"]):
        if path.name in NOT_SHOWN_IN_THE_APP:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            where = f"{path.parent.name}/{path.name}:{node.lineno}"
            if name in ("FieldProblem", "single", "_error") and len(node.args) >= 2:
                label = text(node.args[1])
                if label is not None and HAN.search(label):
                    yield where, "label", label
            if name in (
                "FieldProblem",
                "single",
                "RuleViolation",
                "NotFound",
                "DomainError",
                "reject",
                "_file_error",
                "_error",
                "SyncError",
                "BlobError",
            ):
                message = text(node.args[-1])
                if message is not None and HAN.search(message):
                    yield where, "message", message


def test_every_message_the_services_raise_is_listed_for_translation() -> None:
    patterns = [p for p, _template, _marks in domain_text._patterns()]
    labels = {str(t) for t in (*domain_text.LABELS, *domain_text.VALUES)}
    found = list(_raised_texts())
    assert len(found) > 80
    missing = [
        f"{where}: {t}"
        for where, kind, t in found
        if (kind == "label" and t not in labels)
        or (kind == "message" and not any(p.fullmatch(t) for p in patterns))
    ]
    assert missing == [], "add these to ui/domain_text.py and resources/translations/en_glossary.py"


def test_a_members_field_is_named_in_english(qtbot: QtBot, english: None) -> None:
    from fieldapp.domain.errors import FieldProblem

    shown = domain_text.problem(FieldProblem("monthly_income", "张海生的月收入", "不能为负数"))
    assert shown == "张海生's Monthly income: cannot be negative"


def test_a_village_code_of_another_region_is_explained_in_english(qtbot: QtBot, english: None) -> None:
    from fieldapp.domain.divisions import validate_village_code

    error = _refusal(lambda: validate_village_code("110101001001", label="身份证号"))  # Beijing, not Linyi
    shown = domain_text.problem(error.problems[0])
    assert shown.startswith("ID number: 110101001001 is not in ")
    assert "(this computer's working region); it is the code of " in shown
    places = re.findall(r"[\u4e00-\u9fff]+", shown)  # the places' official names are data
    assert places == ["临沂市", "北京市东城区东华门街道多福巷社区居委会"]


def test_file_and_network_errors_read_in_english_in_the_english_ui(
    qtbot: QtBot, english: None, tmp_path: Path
) -> None:
    """Every kind of OSError a cadre can meet (full disk, write-protected stick, no permission,
    pulled stick, a folder where a file was meant…) is told in English, in a message box and
    inside a batch-print failure reason; in Chinese as before."""
    import errno

    from fieldapp.printing.errors import PrintError
    from fieldapp.services import batch_print
    from fieldapp.storage.os_errors import explain
    from fieldapp.ui import messages

    path = tmp_path / "打印" / "表.pdf"
    kinds = [
        OSError(errno.ENOSPC, "No space left on device", str(path)),
        OSError(errno.EROFS, "Read-only file system", str(path)),
        PermissionError(errno.EACCES, "Permission denied", str(path)),
        OSError(errno.EIO, "Input/output error", str(path)),
        IsADirectoryError(errno.EISDIR, "Is a directory", str(path)),
        NotADirectoryError(errno.ENOTDIR, "Not a directory", str(path)),
        FileNotFoundError(errno.ENOENT, "No such file or directory", str(path)),
        FileExistsError(errno.EEXIST, "File exists", str(path)),
        ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
        OSError(errno.ENAMETOOLONG, "File name too long", str(path)),
        OSError(errno.EMFILE, "Too many open files"),
        OSError(errno.EBADF, "Bad file descriptor"),
        FileNotFoundError(errno.ENOENT, "No such file or directory"),
    ]
    for error in kinds:
        text = messages.error_text(error).replace(str(path), "")
        assert not HAN.search(text) and "Errno" not in text, text
        assert (text[0].isupper() or text.startswith("“")) and text.endswith("."), text
        what, todo = explain(error)
        reason = f"无法保存到 {path}：{what}，未生成文件。{todo}。"  # the printing service's words
        shown = domain_text.message(reason).replace(str(path), "")
        assert not HAN.search(shown), shown
    folder_is_file = tmp_path / "一个文件"
    folder_is_file.write_text("x")
    with pytest.raises(PrintError) as refused:
        batch_print.run(None, "contact_card", [], folder_is_file)  # type: ignore[arg-type]
    assert not HAN.search(domain_text.message(str(refused.value)).replace(str(folder_is_file), ""))


def test_sync_refusals_read_in_english_in_the_english_ui(qtbot: QtBot, english: None) -> None:
    """What the sync protocol refuses — a truncated file from a pulled stick, a file that is not
    a sync file, one from a newer version, a damaged header, extra bytes — is told in English
    on the sync screen and in a message box."""
    from fieldapp.sync import protocol
    from fieldapp.sync.protocol import SyncError
    from fieldapp.ui import messages
    from fieldapp.ui.sync_screen import sync_error_text

    newer = protocol.PREFIX.pack(protocol.MAGIC, protocol.FORMAT_VERSION + 1, 2) + b"{}"
    header = protocol.PREFIX.pack(protocol.MAGIC, protocol.FORMAT_VERSION, 5) + b"{oops"
    broken_header = header + protocol.CLEN.pack(0) + b"s" * protocol.SIG_LEN
    extra = broken_header + b"more"
    refused = []
    for data in (b"FLD", b"NOTASYNCFILE-----", newer, broken_header, extra):
        with pytest.raises(SyncError) as e:
            protocol.parse(data)
        refused.append(e.value)
    assert {e.code for e in refused} == {"TRUNCATED", "NOT_A_BATCH", "UNSUPPORTED_VERSION", "MALFORMED"}
    for error in refused:
        for shown in (sync_error_text(error), messages.error_text(error)):
            assert shown and not HAN.search(shown), shown


def test_the_sync_screens_result_lines_read_in_english(qtbot: QtBot, english: None) -> None:
    """After an upload, an export and an import of replies the sync screen says what was done in
    English, built from the report's figures; what headquarters' reply brought is listed in
    English too (the campaign's and forms' own names stay as headquarters wrote them)."""
    from fieldapp.sync import client, replies
    from fieldapp.sync.client import SyncReport
    from fieldapp.ui.sync_text import report_text

    applied = replies.Applied()
    applied.outcomes, applied.handed_in, applied.handed_out = 2, ["h1"], ["h2", "h3"]
    applied.settings = ["dibao_standard_fen", "receiving_bodies"]
    applied.campaigns, applied.forms = ["CAMPAIGN"], ["contact_card"]
    details = client._details(applied)
    assert len(details) == 7 and all(HAN.search(d) for d in details)  # the client's own words
    upload = SyncReport(batches=3, changes=57, items=4, details=details, kind="upload")
    upload.rejected = ["第 4 批：签名不符：文件已被改动或损坏，或不是该设备发出的。请重新导出。"]
    shown = [
        report_text(upload),
        report_text(SyncReport(batches=1, changes=9, kind="export", folder="/media/usb")),
        report_text(SyncReport(acked=2, items=1, details=details[:1], kind="import", files=1)),
        report_text(SyncReport(kind="import", files=0)),
    ]
    for text in shown:
        assert not HAN.search(text), text
    assert shown[0].startswith("Uploaded 3 batches, 57 records in all; 4 updates received")
    assert "batch 4: The signature does not match" in shown[0]
