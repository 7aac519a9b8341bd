"""Money is kept in integer fen (分); yuan strings are parsed exactly with Decimal."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from fieldapp.domain.errors import ValidationError


def parse_yuan(raw: str | int | float | Decimal | None, *, field_name: str, label: str) -> int:
    """'1,234.5' or '1234.50元' -> 123450 fen; refuses negatives and more than 2 decimals."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ValidationError.single(field_name, label, "不能为空")
    text = str(raw).strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError.single(field_name, label, f"“{raw}”不是金额") from None
    if not value.is_finite():
        raise ValidationError.single(field_name, label, f"“{raw}”不是金额")
    if value < 0:
        raise ValidationError.single(field_name, label, f"不能为负数（{raw}）")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValidationError.single(field_name, label, f"最多精确到分（{raw}）")
    return int(fen)


def check_fen(value: int, *, field_name: str, label: str) -> int:
    if value < 0:
        raise ValidationError.single(field_name, label, f"不能为负数（{format_yuan(value)}元）")
    return value


def format_yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"
