"""Where headquarters keeps its data: always said explicitly, never the current folder by chance.

In order, the first that is given wins:

1. ``--db URL`` or ``$FIELDAPP_HQ_DB`` — a database URL (PostgreSQL in production; tests use it);
2. ``--data-dir DIR`` or ``$FIELDAPP_HQ_DATA_DIR`` — a folder holding ``hq.sqlite`` (SQLite);
3. a configuration file: ``--config FILE``, ``$FIELDAPP_HQ_CONFIG`` or, when it exists,
   ``/etc/fieldapp-hq/fieldapp-hq.toml``, with ``db = "postgresql+psycopg://…"`` or
   ``data_dir = "/var/lib/fieldapp-hq"``.

Nothing given is an error. Only ``init`` creates a data folder; every other command refuses a
folder that does not exist or holds no headquarters database (a mistyped path would otherwise
silently start an empty headquarters), with a message in Chinese and exit status 2.
"""

from __future__ import annotations

import os
import sqlite3
import tomllib
from dataclasses import dataclass
from pathlib import Path

DB_ENV = "FIELDAPP_HQ_DB"
DATA_DIR_ENV = "FIELDAPP_HQ_DATA_DIR"
CONFIG_ENV = "FIELDAPP_HQ_CONFIG"
SYSTEM_CONFIG = Path("/etc/fieldapp-hq/fieldapp-hq.toml")
DB_FILE = "hq.sqlite"
EXIT_LOCATION = 2

HOW = (
    "请用 --data-dir 文件夹、环境变量 FIELDAPP_HQ_DATA_DIR、--db 数据库地址，"
    f'或配置文件 {SYSTEM_CONFIG}（data_dir = "…"）指定总部数据的位置（见 docs/deploy-hq.md）。'
)


class LocationError(Exception):
    """The data location is missing or wrong; the message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Location:
    url: str
    data_dir: Path | None  # None when a database URL was given


def _config(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LocationError(f"配置文件 {path} 不存在。{HOW}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise LocationError(f"无法读取配置文件 {path}：{e}") from None
    unknown = set(data) - {"db", "data_dir"}
    if unknown:
        raise LocationError(
            f"配置文件 {path} 中有不认识的设置：{'、'.join(sorted(unknown))}（只认 db 和 data_dir）"
        )
    for key in ("db", "data_dir"):
        if key in data and not (isinstance(data[key], str) and data[key]):
            raise LocationError(f"配置文件 {path} 中的 {key} 应为非空的字符串")
    if not data:
        raise LocationError(f"配置文件 {path} 中既没有 data_dir 也没有 db。{HOW}")
    return data


def resolve(db: str | None, data_dir: str | None, config: str | None, *, creating: bool) -> Location:
    """The location the command line, the environment or the configuration file names."""
    url = db or os.environ.get(DB_ENV)
    if url:
        return Location(url, None)
    folder = data_dir or os.environ.get(DATA_DIR_ENV)
    if not folder:
        cfg_path = Path(config or os.environ.get(CONFIG_ENV) or SYSTEM_CONFIG)
        if config or os.environ.get(CONFIG_ENV) or SYSTEM_CONFIG.exists():
            cfg = _config(cfg_path)
            if "db" in cfg:
                return Location(str(cfg["db"]), None)
            folder = str(cfg["data_dir"])
            base = cfg_path.parent
            if not Path(folder).is_absolute():
                folder = str(base / folder)
    if not folder:
        raise LocationError(f"没有指定总部数据放在哪里（不会在当前文件夹里自动建立）。{HOW}")
    return Location(_sqlite_url(Path(folder), creating=creating), Path(folder))


def _sqlite_url(folder: Path, *, creating: bool) -> str:
    folder = folder.expanduser().absolute()
    db_file = folder / DB_FILE
    if creating:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LocationError(f"无法建立数据文件夹 {folder}：{e.strerror or e}") from None
    elif not folder.is_dir():
        raise LocationError(
            f"数据文件夹 {folder} 不存在。请检查路径是否写对；第一次使用请先运行 "
            f"fieldapp-hq --data-dir {folder} init"
        )
    elif not db_file.is_file():
        raise LocationError(
            f"数据文件夹 {folder} 中没有总部数据库 {DB_FILE}，可能是文件夹写错了。"
            f"第一次使用请先运行 fieldapp-hq --data-dir {folder} init"
        )
    elif not _is_hq_database(db_file):
        raise LocationError(
            f"{db_file} 不是总部数据库（或已损坏），没有做任何改动。请检查数据文件夹是否写对。"
        )
    return f"sqlite:///{db_file.as_posix()}"


def _is_hq_database(path: Path) -> bool:
    from fieldapp.hq.migrate import VERSION_TABLE

    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        ).fetchone()
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return row is not None
