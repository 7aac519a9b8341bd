"""Referral catalogue and lifecycle.

A referral's status is never overwritten: each change is an event, and the current status is
the latest event. The lifecycle allows:

    草拟 → 已转介 → 已受理 → 已办结
      ↘ 已撤销   ↘ 已退回 → 已转介 (sent again) / 已撤销
                 ↘ 已撤销   已受理 → 已退回
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

from fieldapp.assets import resource_path
from fieldapp.domain.errors import RuleViolation, ValidationError
from fieldapp.domain.vocab import AssistanceArea, ReferralStatus

S = ReferralStatus

TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    S.DRAFT: frozenset({S.REFERRED, S.WITHDRAWN}),
    S.REFERRED: frozenset({S.ACCEPTED, S.RETURNED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset({S.COMPLETED, S.RETURNED}),
    S.RETURNED: frozenset({S.REFERRED, S.WITHDRAWN}),
    S.COMPLETED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
TERMINAL = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
OPEN = frozenset(set(ReferralStatus) - TERMINAL)


def check_transition(current: ReferralStatus, new: ReferralStatus) -> None:
    if new not in TRANSITIONS[current]:
        allowed = "、".join(s.value for s in TRANSITIONS[current]) or "无（已结束）"
        raise RuleViolation(
            "status", f"转介状态不能从“{current.value}”直接变为“{new.value}”；可变为：{allowed}"
        )


@dataclass(frozen=True)
class ReferralKind:
    code: str
    name: str
    area: AssistanceArea
    bodies: tuple[str, ...]
    follow_up_days: int


@cache
def catalogue() -> dict[str, ReferralKind]:
    data = json.loads(resource_path("catalogue", "referral_kinds.json").read_text(encoding="utf-8"))
    return {
        k["code"]: ReferralKind(
            k["code"], k["name"], AssistanceArea(k["area"]), tuple(k["bodies"]), int(k["follow_up_days"])
        )
        for k in data["kinds"]
    }


def referral_kind(code: str) -> ReferralKind:
    try:
        return catalogue()[code]
    except KeyError:
        raise ValidationError.single("kind", "转介事项", f"目录中没有“{code}”") from None


def follow_up_due(kind_code: str, since: dt.date) -> dt.date:
    """When the cadre should next check on the referral, counted from its last status change."""
    return since + dt.timedelta(days=referral_kind(kind_code).follow_up_days)
