"""Pairing rule of 临会发〔2014〕20号 三.2: each cadre keeps close contact with 2–4 households."""

from __future__ import annotations

from fieldapp.domain.errors import RuleViolation

MIN_HOUSEHOLDS = 2
MAX_HOUSEHOLDS = 4


def check_new_pairing(active_count: int, reason: str | None) -> None:
    """Refuse a pairing beyond the fourth unless a reason is recorded."""
    if active_count >= MAX_HOUSEHOLDS and not (reason and reason.strip()):
        raise RuleViolation(
            "reason",
            f"该干部已结对{active_count}户（规定为{MIN_HOUSEHOLDS}–{MAX_HOUSEHOLDS}户），再增加需填写原因",
        )


def pairing_warning(active_count: int) -> str | None:
    """A gentle message for the household list's pairing indicator, or None when within 2–4."""
    if active_count < MIN_HOUSEHOLDS:
        return f"已结对{active_count}户，少于规定的{MIN_HOUSEHOLDS}户"
    if active_count > MAX_HOUSEHOLDS:
        return f"已结对{active_count}户，超过规定的{MAX_HOUSEHOLDS}户（已记录原因）"
    return None
