"""Correcting a saved record: always with a reason, kept with the record (never a silent
overwrite of what headquarters already has). The reason lives in the record itself (its note,
or a referral's history), not in the audit log: typed text may name an illness."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.errors import FieldProblem, ValidationError

MAX_REASON = 200


def correction_reason(reason: str) -> str:
    """The reason, trimmed; refused when empty or too long (field ``correction_reason``)."""
    text = " ".join(reason.split())
    if not text:
        raise ValidationError(
            [FieldProblem("correction_reason", "修改原因", "必填：说明为什么修改这条记录，如“金额录错”")]
        )
    if len(text) > MAX_REASON:
        raise ValidationError([FieldProblem("correction_reason", "修改原因", f"不超过{MAX_REASON}字")])
    return text


def correction_line(reason: str, on: dt.date) -> str:
    """How a correction is written into a record's note or history."""
    return f"【{on.isoformat()} 修改】{reason}"


def note_with_correction(note: str, reason: str, on: dt.date) -> str:
    line = correction_line(reason, on)
    return f"{note.rstrip()}\n{line}" if note.strip() else line
