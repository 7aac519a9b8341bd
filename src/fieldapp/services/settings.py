"""Local configuration kept in the database: the 低保 standard and the current cadre."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.money import format_yuan, parse_yuan
from fieldapp.storage.db import Database
from fieldapp.storage.models import Setting

DIBAO_KEY = "dibao_standard_fen"
CURRENT_CADRE_KEY = "current_cadre_id"
# An example figure until the cadre or headquarters sets the year's local standard.
DEFAULT_DIBAO_FEN = 90000


def _get(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return None if row is None else row.value


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def dibao_standard_fen(db: Database) -> int:
    with db.session() as s:
        value = _get(s, DIBAO_KEY)
    return int(value) if value else DEFAULT_DIBAO_FEN


def set_dibao_standard(db: Database, yuan: str) -> int:
    fen = parse_yuan(yuan, field_name="dibao_standard_fen", label="低保标准（元/月）")
    if fen == 0:
        raise ValidationError.single("dibao_standard_fen", "低保标准（元/月）", "应大于0")
    with db.session() as s:
        _put(s, DIBAO_KEY, str(fen))
    return fen


def dibao_is_set(db: Database) -> bool:
    """Whether the local standard was set (by headquarters or by the cadre), not the example figure."""
    with db.session() as s:
        return bool(_get(s, DIBAO_KEY))


def describe_dibao(db: Database) -> str:
    return f"{format_yuan(dibao_standard_fen(db))} 元/月"


def current_cadre_id(db: Database) -> str | None:
    with db.session() as s:
        return _get(s, CURRENT_CADRE_KEY)


def set_current_cadre(db: Database, cadre_id: str) -> None:
    with db.session() as s:
        _put(s, CURRENT_CADRE_KEY, cadre_id)
