"""/api/v1/duplicates: the 疑似重复 queue (two households holding the same ID number), read-only.

The same entries, scope and masking as the console's queue (hq/duplicate_queue.py): a county
clerk sees the entries where either household is in their county; another county's entry is a
404, like one that does not exist. ID numbers are masked; deciding (merge, 标为不同户) stays in
the console, where the clerk sees both records side by side.
"""

# no `from __future__ import annotations`: FastAPI must see the closure's dependencies as objects
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from fieldapp.hq import duplicate_queue
from fieldapp.hq.accounts import Staff
from fieldapp.hq.api import common
from fieldapp.hq.duplicate_queue import Entry, EntryPage
from fieldapp.hq.store import HQ

ENTRY_ID = Path(ge=1, le=2**31 - 1, description="疑似重复编号（列表中的 id）")


def router(hq: HQ) -> APIRouter:
    r = APIRouter(prefix="/api/v1/duplicates", tags=["疑似重复"])
    staff = common.staff_dependency(hq)

    @r.get("", response_model=EntryPage, responses=common.READ_ERRORS)
    def duplicates(
        me: Annotated[Staff, Depends(staff)],
        status: Annotated[
            Literal["open", "distinct", "merged"],
            Query(description="open 待处理（默认）、distinct 已标为不同户、merged 已合并"),
        ] = "open",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> EntryPage:
        """疑似重复队列：同一身份证号登记在两户，两户并列（证件号已遮蔽）；每页20条，县区账号只看到涉及本县区的。"""
        return duplicate_queue.entries(hq, me, status, page)

    @r.get("/{entry_id}", response_model=Entry, responses=common.ONE_ERRORS)
    def duplicate(me: Annotated[Staff, Depends(staff)], entry_id: Annotated[int, ENTRY_ID]) -> Entry:
        """一条疑似重复（任何状态）。"""
        found = duplicate_queue.entry(hq, me, entry_id)
        if found is None:
            raise common.not_found(duplicate_queue.NOT_FOUND)
        return found

    return r
