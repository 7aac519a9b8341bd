"""The device side of recovering from a clone lockout (headquarters' side: fieldapp.hq.recovery).

Headquarters refused this laptop's batches because another copy of the same ledger sent batches
under the same device identity. It revoked that identity and gave the cadre whose laptop this
genuinely is a recovery enrolment file (`"replaces": OLD_DEVICE_ID`). Loading it here:

- gives this installation a new device id and instance number; the sync keys are dropped so
  enrolment makes new ones (the copy holds the old ones);
- forgets the cut batches: those headquarters accepted stay accepted (their outbox entries stay
  acknowledged), those it did not are cut again under the new identity, from batch number 1;
- marks this laptop's households as its own under the new id (headquarters moves them too),
  also in the changes not yet sent, which have not left the laptop under any identity;
- tells headquarters, in the enrolment request (`holds`), which households this laptop has:
  those the copy created under the old identity come down whole in the next reply.

Nothing in the ledger itself is lost or written twice; no change goes to the outbox.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from fieldapp.storage.db import Database
from fieldapp.storage.models import DeviceState, Household, OutboxEntry, SyncBatch, SyncIdentity
from fieldapp.sync.protocol import SyncError


def applies(db: Database, enrolment: dict[str, Any]) -> bool:
    """Is this a recovery file, and for this laptop? (Refused when it is for another device.)"""
    replaces = str(enrolment.get("replaces") or "")
    if not replaces:
        return False
    with db.session() as s:
        state = s.scalars(select(DeviceState)).one()
        if state.device_id == replaces:
            return True
        ident = s.get(SyncIdentity, state.device_id)
        if ident is not None and ident.token == str(enrolment.get("token") or ""):
            return False  # recovered already with this very file: enrol again (harmless)
    raise SyncError(
        "BAD_ENROLMENT",
        f"这份恢复登记文件是给设备“{enrolment.get('name', '')}”（编号 {replaces[:8]}…）的，不是本机。"
        "请核对后向市总工会索取正确的文件。",
    )


def take_new_identity(db: Database) -> str:
    """A new device id and instance number for this laptop; returns the new id."""
    new_id, nonce = str(uuid.uuid4()), str(uuid.uuid4())
    with db.session() as s:
        state = s.scalars(select(DeviceState)).one()
        old = state.device_id
        s.execute(delete(SyncIdentity))
        unsent = [b for (b,) in s.execute(select(SyncBatch.batch_id).where(SyncBatch.acked_at.is_(None)))]
        if unsent:
            s.execute(update(OutboxEntry).where(OutboxEntry.batch_id.in_(unsent)).values(batch_id=None))
        s.execute(delete(SyncBatch))
        s.execute(update(Household).where(Household.owner_device == old).values(owner_device=new_id))
        for entry in s.scalars(
            select(OutboxEntry).where(
                OutboxEntry.batch_id.is_(None), OutboxEntry.entity == Household.__tablename__
            )
        ):
            row = json.loads(entry.payload)
            if row.get("owner_device") == old:
                row["owner_device"] = new_id
                entry.payload = json.dumps(row, ensure_ascii=False, sort_keys=True)
        s.execute(
            update(DeviceState)
            .where(DeviceState.device_id == old)
            .values(device_id=new_id, instance_nonce=nonce)
        )
    db.device.device_id = new_id  # this process's clock writes the new id from now on
    return new_id


def households_held(s: Session) -> list[str]:
    """The id of every household in this ledger (closed or deleted ones too), for headquarters."""
    return sorted(s.scalars(select(Household.id)))
