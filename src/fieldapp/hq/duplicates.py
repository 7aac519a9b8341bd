"""Duplicates across cadres (issue 11): a member whose ID number another household already holds.

At ingest (called from hq.ledger_index.note_changes, in the batch's transaction) every member row
with an ID number claims its blind-index token (hq_id_claim, one row per member); when another
household's member holds the same token, the pair of households is queued as 疑似重复
(hq_suspected_duplicate, one row per token and pair: never silently merged).

Two devices sending the same ID number at the same moment must give exactly one entry, not two
and not none: the tokens a batch claims are locked first (a transaction-scoped advisory lock on
PostgreSQL; on SQLite the batch already holds the database's single write lock), so the second
batch looks for other holders only after the first has committed, and the unique pair key keeps
a repeated batch from adding the pair again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.orm import Session

from fieldapp.hq import blind, changerows, rowbind
from fieldapp.hq.models import IdClaim, SuspectedDuplicate

CHUNK = 400


def note(s: Session, changes: Iterable[dict[str, Any]]) -> int:
    """Claim the ID numbers of these member changes; queue new pairs. Returns pairs added."""
    ring = blind.keyring(s)
    claims: dict[str, tuple[str, str]] = {}  # member id -> (token, household) ; "" token = none
    for c in changes:
        if c["entity"] != "member" or '"id_number"' not in c["data"]:
            continue
        row = changerows.row_of(c)
        ident = blind.normal(str(row.get("id_number") or ""))
        gone = c.get("op") == "delete" or row.get("deleted")
        hid = str(row.get("household_id") or "")
        claims[str(c["row_id"])] = ("" if gone or not ident or not hid else ring.blind("id", ident), hid)
    if not claims:
        return 0
    members = sorted(claims)
    tokens = sorted({t for t, _ in claims.values() if t})
    if tokens and s.get_bind().dialect.name == "postgresql":
        keys = sorted({int(t[:15], 16) for t in tokens})  # one lock per token, in a fixed order
        s.execute(
            text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k"), {"keys": keys}
        )
    for i in range(0, len(members), CHUNK):
        s.execute(delete(IdClaim).where(IdClaim.member_id.in_(members[i : i + CHUNK])))
    rows = [{"member_id": m, "token": t, "household_id": h} for m, (t, h) in claims.items() if t]
    if rows:
        s.execute(insert(IdClaim), rows)
    holders: dict[str, list[tuple[str, str]]] = {}
    for i in range(0, len(tokens), CHUNK):
        for token, member, home in s.execute(
            select(IdClaim.token, IdClaim.member_id, IdClaim.household_id).where(
                IdClaim.token.in_(tokens[i : i + CHUNK])
            )
        ):
            holders.setdefault(token, []).append((home, member))
    pairs: dict[tuple[str, str, str], tuple[str, str]] = {}
    for token, held in holders.items():
        for ha, ma in held:
            for hb, mb in held:
                if ha < hb:
                    pairs.setdefault((token, ha, hb), (ma, mb))
    if not pairs:
        return 0
    known: set[tuple[str, str, str]] = set()
    for token, ha, hb in pairs:
        known.update(
            (t, a, b)
            for t, a, b in s.execute(
                select(
                    SuspectedDuplicate.token, SuspectedDuplicate.household_a, SuspectedDuplicate.household_b
                ).where(
                    SuspectedDuplicate.token == token,
                    SuspectedDuplicate.household_a == ha,
                    SuspectedDuplicate.household_b == hb,
                )
            )
        )
    new = [
        {"token": t, "household_a": a, "household_b": b, "member_a": ma, "member_b": mb}
        for (t, a, b), (ma, mb) in sorted(pairs.items())
        if (t, a, b) not in known
    ]
    if new:
        rowbind.insert_bound(s, cast(Table, SuspectedDuplicate.__table__), new)  # bound to their ids
    return len(new)


def queue(s: Session, status: str = "open") -> list[SuspectedDuplicate]:
    """The 疑似重复 queue, oldest first (a console page can list it with both households' files)."""
    return list(
        s.scalars(
            select(SuspectedDuplicate)
            .where(SuspectedDuplicate.status == status)
            .order_by(SuspectedDuplicate.id)
        )
    )


BUILT = "id_claims_built"


def rebuild(s: Session) -> None:
    """Claims again from every current member (after a key rotation, or for members synced before
    0007); queued pairs keep their entries, their token recomputed under the current key."""
    from fieldapp.hq.models import HQMeta, Record

    members = [
        {"entity": "member", "row_id": r.row_id, "data": r.data, "op": "delete" if r.deleted else "update"}
        for r in s.scalars(select(Record).where(Record.entity == "member"))
    ]
    ring = blind.keyring(s)
    token_of = {}
    for m in members:
        ident = blind.normal(str(json.loads(m["data"]).get("id_number") or ""))
        if ident:
            token_of[m["row_id"]] = ring.blind("id", ident)
    for sd in s.scalars(select(SuspectedDuplicate)):
        sd.token = token_of.get(sd.member_a, sd.token)
    s.flush()
    s.execute(delete(IdClaim))
    note(s, members)
    if s.get(HQMeta, BUILT) is None:
        s.add(HQMeta(key=BUILT, value=b"1"))


def rebuild_if_missing(s: Session) -> None:
    from fieldapp.hq.models import HQMeta

    if s.get(HQMeta, BUILT) is None:
        rebuild(s)
