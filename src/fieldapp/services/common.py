"""Small helpers shared by the services."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy.orm import Session

from fieldapp.domain import clock
from fieldapp.domain.errors import NotFound, RuleViolation
from fieldapp.storage.base import Synced
from fieldapp.storage.models import Household

T = TypeVar("T", bound=Synced)

LABELS = {
    "Cadre": "干部",
    "Household": "困难户",
    "Member": "家庭成员",
    "Pairing": "结对关系",
    "Visit": "走访记录",
    "Assessment": "困难评定",
    "Referral": "转介",
    "ReliefPayment": "救助记录",
    "Consent": "同意记录",
    "Attachment": "附件",
    "HouseholdEconomy": "收入与支出记录",
    "WorkerStatus": "就业与社保记录",
}


def get_live(session: Session, model: type[T], row_id: str) -> T:
    """The row, or NotFound in plain Chinese when it does not exist or was deleted."""
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise NotFound(f"找不到该{LABELS.get(model.__name__, '记录')}（编号 {row_id}），可能已被删除")
    return row


def writable_household(session: Session, household_id: str) -> Household:
    """The household, if this device may write it: after a handover it belongs to another device."""
    h = get_live(session, Household, household_id)
    device = session.info.get("device")
    if device is not None and h.owner_device != device.device_id:
        raise RuleViolation(
            "household",
            "该户已由市总工会移交给其他干部的设备，本机只能查看，不能再修改。"
            "如需补充情况，请联系现在负责该户的干部或市总工会。",
        )
    return h


def today() -> dt.date:
    return clock.today()
