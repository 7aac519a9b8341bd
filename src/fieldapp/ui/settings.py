"""Every user preference declared once, over QSettings (after Picard's options registry).

A preference is an `Option` with its key, type, default and translatable title; code reads and
writes `AppSettings.get(OPTION)` / `.set(OPTION, value)`, never a string key. The local 低保
standard is not here: it is ledger data, kept in the database by `services.settings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from fieldapp.domain import clock

T = TypeVar("T", str, int, bool, QByteArray)

SETTINGS_VERSION = 1


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    title: str  # source text, translated in the context "Settings"

    def label(self) -> str:
        return QCoreApplication.translate("Settings", self.title)


CADRE_NAME = Option("cadre/name", "", QT_TRANSLATE_NOOP("Settings", "干部姓名"))
CADRE_UNIT = Option("cadre/unit", "", QT_TRANSLATE_NOOP("Settings", "所在单位"))
CADRE_PHONE = Option("cadre/phone", "", QT_TRANSLATE_NOOP("Settings", "联系电话"))
PRINTER_NAME = Option("printing/printer", "", QT_TRANSLATE_NOOP("Settings", "默认打印机"))
PRINT_COPIES = Option("printing/copies", 3, QT_TRANSLATE_NOOP("Settings", "打印份数（一式几份）"))
PRINT_DUPLEX = Option("printing/duplex", False, QT_TRANSLATE_NOOP("Settings", "双面打印"))
LANGUAGE = Option("ui/language", "zh_CN", QT_TRANSLATE_NOOP("Settings", "界面语言"))
ONLY_MINE = Option("ui/only_mine", False, QT_TRANSLATE_NOOP("Settings", "只显示我结对的困难户"))
RESURVEY_START = Option("campaign/resurvey_start", "", QT_TRANSLATE_NOOP("Settings", "再摸底开始日期"))
WINDOW_GEOMETRY = Option("window/geometry", QByteArray(), QT_TRANSLATE_NOOP("Settings", "窗口位置"))
WINDOW_STATE = Option("window/state", QByteArray(), QT_TRANSLATE_NOOP("Settings", "工具栏布局"))
SPLITTER_STATE = Option("window/splitter", QByteArray(), QT_TRANSLATE_NOOP("Settings", "分栏宽度"))
LOCK_MINUTES = Option(
    "security/lock_minutes", 10, QT_TRANSLATE_NOOP("Settings", "无操作多少分钟后自动锁定（0 为不锁定）")
)
SYNC_SERVER = Option("sync/server_url", "", QT_TRANSLATE_NOOP("Settings", "市总工会服务器地址"))
SYNC_FOLDER = Option("sync/usb_folder", "", QT_TRANSLATE_NOOP("Settings", "上次使用的U盘文件夹"))
# the first-run wizard's progress (ui/first_run.py): the data folder it is for, the step reached
# and what was typed (never a password), so a wizard closed midway opens again where it was
FIRST_RUN_FOLDER = Option("first_run/folder", "", QT_TRANSLATE_NOOP("Settings", "首次设置的数据文件夹"))
FIRST_RUN_STEP = Option("first_run/step", 0, QT_TRANSLATE_NOOP("Settings", "首次设置进行到的步骤"))
FIRST_RUN_VALUES = Option("first_run/values", "{}", QT_TRANSLATE_NOOP("Settings", "首次设置已填写的内容"))

ALL_OPTIONS: tuple[Option[str] | Option[int] | Option[bool] | Option[QByteArray], ...] = (
    CADRE_NAME,
    CADRE_UNIT,
    CADRE_PHONE,
    PRINTER_NAME,
    PRINT_COPIES,
    PRINT_DUPLEX,
    LANGUAGE,
    ONLY_MINE,
    RESURVEY_START,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SPLITTER_STATE,
    LOCK_MINUTES,
    SYNC_SERVER,
    SYNC_FOLDER,
    FIRST_RUN_FOLDER,
    FIRST_RUN_STEP,
    FIRST_RUN_VALUES,
)
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


class AppSettings:
    """Typed access to the preferences; `path` points at an .ini file (tests use tmp_path)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "fieldapp", "fieldapp"
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        if self._qs.value("meta/version") is None:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def get(self, option: Option[T]) -> T:
        value: Any = self._qs.value(option.key, option.default)
        result: Any
        if isinstance(option.default, bool):
            result = value.lower() in ("true", "1", "yes") if isinstance(value, str) else bool(value)
        elif isinstance(option.default, int):
            try:
                result = int(value)
            except (TypeError, ValueError):
                result = option.default
        elif isinstance(option.default, QByteArray):
            result = value if isinstance(value, QByteArray) else option.default
        else:
            result = str(value) if value is not None else option.default
        return cast(T, result)

    def set(self, option: Option[T], value: T) -> None:
        self._qs.setValue(option.key, value)

    def sync(self) -> None:
        self._qs.sync()


def resurvey_start(prefs: AppSettings) -> dt.date:
    """The configured start of the re-survey month, else the first day of the current month."""
    raw = prefs.get(RESURVEY_START)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return clock.today().replace(day=1)
