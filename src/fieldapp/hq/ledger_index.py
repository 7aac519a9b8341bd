"""The ledger's read side, kept current at ingest: which household each row belongs to, and one
searchable row per household (hq_household_index) derived from the current records.

Ingest calls `note_changes` in the batch's transaction, so the index commits or vanishes with it.
A household's index row is always recomputed from the winning records (never from the change
that arrived), so a change that lost to a newer version cannot leave a stale name behind.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, func, insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.divisions import divisions
from fieldapp.domain.idcard import mask_id_number
from fieldapp.domain.phone import mask_phone
from fieldapp.domain.search import pinyin_initials
from fieldapp.hq import blind, changerows, duplicates
from fieldapp.hq.models import HouseholdIndex, LedgerRow, Record, ReferralIndex
from fieldapp.storage.base import utcnow

CHUNK = 400
HEAD = "户主"
# the records a household's index row is computed from (besides the household itself)
INDEXED = ("member", "assessment", "pairing")


def household_code(household_id: str) -> str:
    """The code printed on every form: HH- and the first 8 hex digits (services/printing.py)."""
    return f"HH-{household_id.replace('-', '')[:8].upper()}"


def referral_code(referral_id: str) -> str:
    """The code printed on a referral slip: ZJ- and the first 8 hex digits (services/printing.py)."""
    return f"ZJ-{referral_id.replace('-', '')[:8].upper()}"


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def note_changes(s: Session, changes: Iterable[dict[str, Any]]) -> None:
    """After ingest (or a headquarters write) applied `changes` (entity, row_id, data as JSON text)."""
    changes = list(changes)
    mapping: dict[tuple[str, str], str] = {}
    events: list[tuple[str, str]] = []  # (event row id, referral id)
    touched: set[str] = set()
    cadres: set[str] = set()
    referrals: set[str] = set()
    for c in changes:
        entity, row_id, text = c["entity"], c["row_id"], c["data"]
        if entity == "referral":
            referrals.add(row_id)
        if entity == "household":
            touched.add(row_id)
            continue
        if entity == "cadre":
            cadres.add(row_id)
            continue
        if '"household_id"' not in text and entity != "referral_event":
            continue  # most rows of a big batch: nothing to look at
        row = changerows.row_of(c)  # parsed once for the whole bookkeeping
        hid = row.get("household_id")
        if hid:
            mapping[(row_id, entity)] = str(hid)
            if entity in INDEXED:
                touched.add(str(hid))
        elif entity == "referral_event" and row.get("referral_id"):
            events.append((row_id, str(row["referral_id"])))
            referrals.add(str(row["referral_id"]))
    for event_id, referral_id in events:
        home = mapping.get((referral_id, "referral"))
        if home is None:
            known = s.get(LedgerRow, (referral_id, "referral"))
            home = known.household_id if known is not None else None
        if home:
            mapping[(event_id, "referral_event")] = home
    _add_mapping(s, mapping)
    duplicates.note(s, changes)  # 疑似重复: the same ID number in two households
    if cadres:  # a renamed cadre: the households paired with them show the new name
        for part in _chunks(sorted(cadres)):
            touched.update(
                s.scalars(select(HouseholdIndex.household_id).where(HouseholdIndex.cadre_id.in_(part)))
            )
    if touched:
        refresh(s, sorted(touched))
    if referrals:
        refresh_referrals(s, sorted(referrals))


def _add_mapping(s: Session, mapping: dict[tuple[str, str], str]) -> None:
    if not mapping:
        return
    keys = sorted(mapping)
    known: set[tuple[str, str]] = set()
    for part in _chunks(keys):
        ids = sorted({k[0] for k in part})
        known.update(
            (r, e)
            for r, e in s.execute(select(LedgerRow.row_id, LedgerRow.entity).where(LedgerRow.row_id.in_(ids)))
        )
    rows = [{"row_id": k[0], "entity": k[1], "household_id": mapping[k]} for k in keys if k not in known]
    if rows:
        s.execute(insert(LedgerRow), rows)


def refresh(s: Session, household_ids: list[str]) -> None:
    """Recompute the index rows of these households from their current records."""
    for part in _chunks(household_ids):
        homes = {
            r.row_id: r
            for r in s.scalars(select(Record).where(Record.entity == "household", Record.row_id.in_(part)))
        }
        children: dict[str, dict[str, list[dict[str, Any]]]] = {h: {e: [] for e in INDEXED} for h in homes}
        q = (
            select(LedgerRow.household_id, Record.entity, Record.data)
            .join(Record, and_(Record.row_id == LedgerRow.row_id, Record.entity == LedgerRow.entity))
            .where(
                LedgerRow.household_id.in_(list(homes)), LedgerRow.entity.in_(INDEXED), Record.deleted == 0
            )
        )
        for hid, entity, data in s.execute(q):
            children[hid][entity].append(json.loads(data))
        values = {hid: _index_values(rec, children[hid]) for hid, rec in homes.items()}
        cadre_ids = sorted({v["cadre_id"] for v in values.values() if v["cadre_id"]})
        names: dict[str, str] = {}
        for cpart in _chunks(cadre_ids):
            for rec in s.scalars(select(Record).where(Record.entity == "cadre", Record.row_id.in_(cpart))):
                names[rec.row_id] = str(json.loads(rec.data).get("name") or "")
        existing = {
            i.household_id: i
            for i in s.scalars(select(HouseholdIndex).where(HouseholdIndex.household_id.in_(part)))
        }
        ring = blind.keyring(s)
        tokens: dict[str, set[str]] = {}
        for hid, v in values.items():
            v["cadre_name"] = names.get(v["cadre_id"], "")[:50]
            tokens[hid] = blind.household_tokens(ring, cadre_name=v["cadre_name"], **v.pop("_secret"))
            row = existing.get(hid)
            if row is None:
                s.add(HouseholdIndex(household_id=hid, **v))
            else:
                for key, value in v.items():
                    setattr(row, key, value)
        blind.replace(s, tokens)
        _follow_homes(s, {hid: (v["county_code"], v["deleted"]) for hid, v in values.items()})
    s.flush()


def _follow_homes(s: Session, homes: dict[str, tuple[str, int]]) -> None:
    """The referrals of these households take their (new) county and deletion: a household moved
    to another county, handed over or deleted takes its referrals along in the 转介 list."""
    if not homes:
        return
    for ref in s.scalars(select(ReferralIndex).where(ReferralIndex.household_id.in_(list(homes)))):
        county, gone = homes[ref.household_id]
        if ref.county_code != county or int(ref.household_deleted) != int(gone):
            ref.county_code = county
            ref.household_deleted = 1 if gone else 0
            ref.updated_at = utcnow()


def _index_values(rec: Record, kids: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    h = json.loads(rec.data)
    heads = sorted(
        (m for m in kids["member"] if m.get("relation") == HEAD),
        key=lambda m: (str(m.get("created_at") or ""), str(m.get("id"))),
    )
    head = heads[0] if heads else {}
    name = str(head.get("name") or "")
    id_number = str(head.get("id_number") or "")
    phone = str(h.get("phone") or head.get("phone") or "")
    village = str(h.get("village_code") or "")
    assessments = sorted(
        kids["assessment"], key=lambda a: (str(a.get("assessed_on") or ""), int(a.get("hlc") or 0))
    )
    latest = assessments[-1] if assessments else {}
    open_pairings = sorted(
        (p for p in kids["pairing"] if not p.get("ended_on")), key=lambda p: str(p.get("started_on") or "")
    )
    initials = str(head.get("name_initials") or "") or pinyin_initials(name)
    return {
        # only for the blind index (hq/blind.py): never stored as such
        "_secret": {"name": name, "initials": initials, "id_number": id_number, "phone": phone},
        "code": household_code(rec.row_id),
        "head_member_id": str(head.get("id") or ""),
        "head_name": name[:50],
        "head_initials": initials[:100],
        "name_sort": initials[:1].lower(),
        "id_masked": mask_id_number(id_number) if id_number else "",
        "phone_masked": mask_phone(phone) if phone else "",
        "village_code": village,
        "village_name": village_label(village)[:100],
        "county_code": village[:6],
        "category": str(latest.get("category") or ""),
        "assessed_on": str(latest.get("assessed_on") or ""),
        "status": str(h.get("status") or ""),
        "cadre_id": str(open_pairings[-1].get("cadre_id") or "") if open_pairings else "",
        "device_id": str(h.get("owner_device") or rec.device_id),
        "deleted": 1 if rec.deleted or h.get("deleted") else 0,
        "updated_at": utcnow(),
    }


def village_label(code: str) -> str:
    """卞庄街道 东关村民委员会: the township and village names of a 12-digit code."""
    index = divisions()
    village = index.village(code) if code else None
    if village is None:
        return code
    return f"{index.township_of(village).name} {village.name}"


def rebuild(s: Session) -> int:
    """Build the whole index again from the current records (a database from before the index)."""
    mapping: dict[tuple[str, str], str] = {}
    referrals: dict[str, str] = {}
    events: list[tuple[str, str]] = []
    for row_id, entity, data in s.execute(
        select(Record.row_id, Record.entity, Record.data).where(Record.entity != "household")
    ):
        if '"household_id"' in data or entity == "referral_event":
            row = json.loads(data)
            if row.get("household_id"):
                mapping[(row_id, entity)] = str(row["household_id"])
                if entity == "referral":
                    referrals[row_id] = str(row["household_id"])
            elif entity == "referral_event" and row.get("referral_id"):
                events.append((row_id, str(row["referral_id"])))
    for event_id, referral_id in events:
        if referral_id in referrals:
            mapping[(event_id, "referral_event")] = referrals[referral_id]
    _add_mapping(s, mapping)
    ids = sorted(s.scalars(select(Record.row_id).where(Record.entity == "household")))
    refresh(s, ids)
    refresh_referrals(s, sorted(s.scalars(select(Record.row_id).where(Record.entity == "referral"))))
    duplicates.rebuild(s)  # ID-number claims: tokens under the current key
    return len(ids)


def rebuild_if_missing(s: Session) -> None:
    """At start-up: a database that has households but no index yet (synced before 0003) gets one;
    one that has referrals but no referral index (synced before 0004) gets that."""
    if not s.scalar(select(func.count()).select_from(HouseholdIndex)) and s.scalar(
        select(func.count()).select_from(Record).where(Record.entity == "household")
    ):
        rebuild(s)
    if not s.scalar(select(func.count()).select_from(ReferralIndex)):
        ids = sorted(s.scalars(select(Record.row_id).where(Record.entity == "referral")))
        if ids:
            refresh_referrals(s, ids)
    duplicates.rebuild_if_missing(s)  # members synced before 0006


def is_later_event(event: dict[str, Any], best: dict[str, Any] | None) -> bool:
    """Whether a referral's status event supersedes the latest one so far (date, then clock)."""
    if best is None:
        return True
    rank = (str(event.get("occurred_on") or ""), int(event.get("hlc") or 0))
    return rank >= (str(best.get("occurred_on") or ""), int(best.get("hlc") or 0))


def referral_values(
    rid: str,
    r: dict[str, Any],
    event: dict[str, Any] | None,
    kinds: dict[str, Any],
    deleted: bool,
    home: tuple[str, int] | None,
) -> dict[str, Any]:
    """The referral index row of a referral and its latest status event (bench/hq_seed.py too);
    `home` is its household's (county_code, deleted) from hq_household_index, None when the
    household is not at headquarters (the referral is then left out of the list, as deleted)."""
    from fieldapp.domain import referrals as rules
    from fieldapp.domain.vocab import ReferralStatus

    status = str((event or r).get("status") or "")
    status_on = str((event.get("occurred_on") if event else r.get("status_on")) or "")
    kind = kinds.get(str(r.get("kind_code") or ""))
    due = ""
    try:
        if kind is not None and status_on and ReferralStatus(status) in rules.OPEN - {ReferralStatus.DRAFT}:
            due = (dt.date.fromisoformat(status_on) + dt.timedelta(days=kind.follow_up_days)).isoformat()
    except ValueError:
        due = ""
    return {
        "code": referral_code(rid),
        "household_id": str(r.get("household_id") or ""),
        "kind_code": str(r.get("kind_code") or "")[:20],
        "receiving_body": str(r.get("receiving_body") or "")[:200],
        "created_on": str(r.get("created_on") or "")[:10],
        "status": status[:10],
        "status_on": status_on[:10],
        "follow_up_due": due,
        "deleted": 1 if deleted else 0,
        "county_code": home[0] if home is not None else "",
        "household_deleted": 1 if home is None or home[1] else 0,
    }


def refresh_referrals(s: Session, referral_ids: list[str]) -> None:
    """Recompute the index rows of these referrals: the latest status event wins, as on the device."""
    from fieldapp.domain import referrals as rules

    kinds = rules.catalogue()
    for part in _chunks(referral_ids):
        refs = {
            r.row_id: r
            for r in s.scalars(select(Record).where(Record.entity == "referral", Record.row_id.in_(part)))
        }
        rows = {rid: json.loads(r.data) for rid, r in refs.items()}
        homes = sorted({str(r.get("household_id") or "") for r in rows.values()})
        scope: dict[str, tuple[str, int]] = {
            hid: (county, int(gone))
            for hid, county, gone in s.execute(
                select(HouseholdIndex.household_id, HouseholdIndex.county_code, HouseholdIndex.deleted).where(
                    HouseholdIndex.household_id.in_(homes)
                )
            )
        }
        latest: dict[str, dict[str, Any]] = {}
        q = (
            select(Record.data)
            .join(LedgerRow, and_(LedgerRow.row_id == Record.row_id, LedgerRow.entity == Record.entity))
            .where(
                LedgerRow.household_id.in_(homes),
                LedgerRow.entity == "referral_event",
                Record.deleted == 0,
            )
        )
        for (data,) in s.execute(q):
            e = json.loads(data)
            rid = str(e.get("referral_id") or "")
            if rid in rows and is_later_event(e, latest.get(rid)):
                latest[rid] = e
        existing = {
            i.referral_id: i
            for i in s.scalars(select(ReferralIndex).where(ReferralIndex.referral_id.in_(part)))
        }
        for rid, r in rows.items():
            gone = bool(refs[rid].deleted or r.get("deleted"))
            v = referral_values(
                rid, r, latest.get(rid), kinds, gone, scope.get(str(r.get("household_id") or ""))
            )
            v["updated_at"] = utcnow()
            row = existing.get(rid)
            if row is None:
                s.add(ReferralIndex(referral_id=rid, **v))
            else:
                for key, value in v.items():
                    setattr(row, key, value)
    s.flush()
