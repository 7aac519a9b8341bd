"""Fill a throwaway headquarters database with N households shaped exactly as ingest writes them.

Run:  python bench/hq_seed.py --households 200000 [--url postgresql+psycopg://…] [--keep]
      (without --url a throwaway PostgreSQL cluster is started the way the tests start one)

How the rows stay real:
1. Templates: a real device ledger is filled with the desktop's own demo data
   (`services.demo.fill_demo_data`: cadres, members, visits, assessments, pairings, referrals and
   their status events, relief, item-19 observations), enrolled and synced into a small SQLite
   headquarters through `HQ.ingest`. Every household's current records are read back from it.
2. Each seeded household is a copy of one template household with new ids (every reference
   inside the rows follows), another village in one of several counties, another cadre and
   device, a generated head name / initials / valid ID number / phone per member.
3. `hq_record` rows are written in bulk (COPY on PostgreSQL), sealed by the column's own type
   (`hq.sealed.Sealed`), then the very functions ingest calls in the batch's transaction —
   `ledger_index.note_changes` and `stats_index.note_changes` — build the household index, the
   blind index, the ID-number claims, the referral index and every statistics table from them.
   So the index rows are what real ingest writes; only `hq_change` (the history of changes,
   which no console page reads) and `hq_batch` receipts are not written.

A few same-version conflicts (one per 2,000 households) are added with the real column types so
the conflict queue has something to show.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, TypeDecorator, insert, select
from sqlalchemy.orm import Session

from fieldapp.domain import clock
from fieldapp.domain.divisions import divisions
from fieldapp.domain.idcard import make_id_number
from fieldapp.domain.search import pinyin_initials
from fieldapp.hq import ledger_index, stats_index, stats_visit_months
from fieldapp.hq.models import Conflict, Device, LedgerRow, Record
from fieldapp.hq.sealed import Bound, Sealed, row_of
from fieldapp.hq.store import HQ
from fieldapp.storage.base import utcnow

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 18)
# 临沂市: the city of the demo data; several counties, each with many townships and villages
COUNTIES = ("371302", "371311", "371312", "371321", "371324", "371325", "371326", "371327")
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国海生春梅"
SKIP = {"attachment", "print_record", "audit_event", "consent"}  # no console page lists them
CHUNK = 1000  # households per transaction
VISITS_PER_HOUSEHOLD = 5.0  # issue 10: 1,000,000 households, 4,000,000 members, 5,000,000 visits
REFERRALS_PER_HOUSEHOLD = 0.5  # issue 11: 500,000 referrals
CONFLICT_EVERY = 2000  # one same-version conflict per this many households


@dataclass
class Template:
    """One really synced household: its own row and every row that belongs to it."""

    household: dict[str, Any]
    rows: list[tuple[str, dict[str, Any]]]  # (entity, data) of the rest
    version: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # -> (version, hlc)


def make_templates(tmp: Path, households: int = 24) -> tuple[list[Template], list[dict[str, Any]]]:
    """Demo households synced through real ingest into a small SQLite HQ; their records back."""
    sys.path.insert(0, str(ROOT))
    from tests.test_sync_protocol import enrolled_device

    from fieldapp.services.demo import fill_demo_data
    from fieldapp.sync import client

    tmp.mkdir(parents=True, exist_ok=True)
    hq = HQ(f"sqlite:///{(tmp / 'templates.sqlite').as_posix()}")
    hq.init()
    db = enrolled_device(hq, tmp / "device", name="模板设备")
    with clock.as_of(TODAY):
        fill_demo_data(db, households, today=TODAY)
        client.cut_batches(db)
        for b in client._unacked(db):
            result = hq.ingest(b.sealed, "usb")
            if not result.ok:
                raise RuntimeError(f"template ingest failed: {result}")
    db.close()
    with hq.session() as s:
        home = dict(s.execute(select(LedgerRow.row_id, LedgerRow.household_id)).all())
        groups: dict[str, Template] = {}
        others: list[tuple[str, str, dict[str, Any]]] = []
        cadres: list[dict[str, Any]] = []
        for rec in s.scalars(select(Record).where(Record.deleted == 0)):
            data = json.loads(rec.data)
            if rec.entity == "household":
                groups.setdefault(rec.row_id, Template({}, []))
                groups[rec.row_id].household = data
                groups[rec.row_id].version[("household", rec.row_id)] = (rec.version, rec.hlc)
            elif rec.entity == "cadre":
                cadres.append(data)
            elif rec.entity not in SKIP and rec.row_id in home:
                others.append((home[rec.row_id], rec.entity, data))
                groups.setdefault(home[rec.row_id], Template({}, []))
                groups[home[rec.row_id]].version[(rec.entity, rec.row_id)] = (rec.version, rec.hlc)
        for hid, entity, data in others:
            groups[hid].rows.append((entity, data))
    hq.close()
    return [t for t in groups.values() if t.household], cadres


# --- generated people ------------------------------------------------------------------------------


def _name(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))


_INITIALS: dict[str, str] = {}


def initials(name: str) -> str:
    if name not in _INITIALS:
        _INITIALS[name] = pinyin_initials(name)
    return _INITIALS[name]


def _remap(row: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """The row with every id it holds (a value or a list item) replaced by its new one."""
    out = {}
    for k, v in row.items():
        if isinstance(v, str):
            v = ids.get(v, v)
        elif isinstance(v, list):
            v = [ids.get(x, x) if isinstance(x, str) else x for x in v]
        out[k] = v
    return out


@dataclass
class Seeder:
    hq: HQ
    rnd: random.Random
    templates: list[Template]
    cadre_template: dict[str, Any]
    villages: dict[str, list[str]]  # county -> village codes
    cadres: dict[str, list[str]] = field(default_factory=dict)  # county -> cadre ids
    devices: dict[str, list[str]] = field(default_factory=dict)  # county -> device ids
    visit_copies: float = 1.0  # each template visit is written this many times on average
    referral_share: float = 1.0  # the share of the template's referrals kept
    serial: int = 0
    seqs: dict[tuple[str, dt.date], int] = field(default_factory=dict)
    cadre_names: dict[str, str] = field(default_factory=dict)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rnd.getrandbits(128), version=4))

    def id_number(self, county: str, birth: dt.date) -> str:
        """A valid ID number no other seeded person has (real people's numbers are unique)."""
        while True:
            seq = self.seqs.get((county, birth), 0)
            if seq < 999:
                self.seqs[(county, birth)] = seq + 1
                return make_id_number(county, birth, seq + 1)
            birth += dt.timedelta(days=1)

    def _copies(self, mean: float) -> int:
        whole = int(mean)
        return whole + (1 if self.rnd.random() < mean - whole else 0)

    counts: dict[str, int] = field(default_factory=dict)

    def household(self) -> Iterator[tuple[str, str, int, int, str, dict[str, Any]]]:
        """One household's records: (entity, row id, version, hlc, device, data)."""
        t = self.rnd.choice(self.templates)
        county = self.rnd.choice(COUNTIES)
        village = self.rnd.choice(self.villages[county])
        device = self.rnd.choice(self.devices[county])
        cadre = self.rnd.choice(self.cadres[county])
        ids = {str(t.household["id"]): self.uuid()}
        for _, data in t.rows:
            ids[str(data["id"])] = self.uuid()
        for key in ("cadre_id",):
            for _, data in t.rows:
                if data.get(key):
                    ids[str(data[key])] = cadre
        ids[str(t.household.get("owner_device") or "")] = device
        ids.pop("", None)
        self.serial += 1
        h = _remap(t.household, ids)
        h["village_code"] = village
        if h.get("phone"):
            h["phone"] = f"13{self.rnd.randrange(10**9):09d}"
        hid = h["id"]
        head_name = ""
        version, hlc = t.version[("household", str(t.household["id"]))]
        yield "household", hid, version, hlc, device, h
        # the proportions (5 visits, 0.5 referrals a household) from the demo's own rows
        keep_referral = {
            str(d["id"]): self.rnd.random() < self.referral_share for e, d in t.rows if e == "referral"
        }
        for entity, data in t.rows:
            version, hlc = t.version[(entity, str(data["id"]))]
            ref = str(data["id"] if entity == "referral" else data.get("referral_id") or "")
            if entity in ("referral", "referral_event") and not keep_referral.get(ref, True):
                continue
            row = _remap(data, ids)
            if entity == "visit":
                for _ in range(self._copies(self.visit_copies) - 1):
                    copy = dict(row, id=self.uuid())
                    day = dt.date.fromisoformat(str(row["visit_date"])[:10])
                    copy["visit_date"] = (day - dt.timedelta(days=self.rnd.randrange(20, 330))).isoformat()
                    self.counts[entity] = self.counts.get(entity, 0) + 1
                    yield entity, copy["id"], version, hlc, device, copy
            if entity == "member":
                name = _name(self.rnd)
                if row.get("relation") == "户主" and not head_name:
                    head_name = name
                row["name"] = name
                if "name_initials" in row:
                    row["name_initials"] = initials(name)
                if row.get("id_number"):
                    birth = dt.date.fromisoformat(str(row.get("birth_date") or "1980-05-17")[:10])
                    row["id_number"] = self.id_number(county, birth)
                if row.get("phone"):
                    row["phone"] = f"15{self.rnd.randrange(10**9):09d}"
            self.counts[entity] = self.counts.get(entity, 0) + 1
            yield entity, row["id"], version, hlc, device, row

    def add_people(self, cadres_per_county: int, devices_per_county: int) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        devs: list[dict[str, Any]] = []
        names = {d.code: d.name for d in divisions().counties()}
        for county in COUNTIES:
            self.cadres[county] = []
            self.devices[county] = []
            for _ in range(cadres_per_county):
                cid = self.uuid()
                data = dict(self.cadre_template, id=cid, name=_name(self.rnd))
                rows.append(
                    {
                        "entity": "cadre",
                        "row_id": cid,
                        "version": 1,
                        "hlc": 1,
                        "device_id": "hq",
                        "data": data,
                    }
                )
                self.cadres[county].append(cid)
                self.cadre_names[cid] = data["name"]
            for i in range(devices_per_county):
                did = self.uuid()
                self.devices[county].append(did)
                devs.append(
                    {
                        "device_id": did,
                        "name": f"{names[county]}-{i + 1:03d}",
                        "sign_public": bytes(32),
                        "box_public": bytes(32),
                        "instance_nonce": self.uuid(),
                    }
                )
        with self.hq.session() as s:
            s.execute(insert(Device), devs)
        return rows


# --- writing -----------------------------------------------------------------------------------


def copy_rows(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows into `table`: COPY on PostgreSQL (each column's own type prepares the value,
    so sealed columns are sealed exactly as an ORM insert seals them), executemany elsewhere."""
    if not rows:
        return
    if s.get_bind().dialect.name != "postgresql":
        s.execute(insert(table), rows)
        return
    dialect = s.get_bind().dialect
    cols = list(rows[0])

    def prepare(column: str) -> Callable[[Any, dict[str, Any]], Any] | None:
        kind = table.c[column].type
        if isinstance(kind, Sealed) and kind.row_keys is not None:  # bound to its row, as rowbind does
            keys = kind.row_keys
            return lambda v, r: kind.process_bind_param(
                None if v is None else Bound(str(v), row_of(r[k] for k in keys)), dialect
            )
        if isinstance(kind, TypeDecorator):
            return lambda v, _r: kind.process_bind_param(v, dialect)
        return None

    prep = [prepare(c) for c in cols]
    raw = s.connection().connection.driver_connection
    sql = f"COPY {table.name} ({', '.join(cols)}) FROM STDIN"
    with raw.cursor() as cur, cur.copy(sql) as cp:  # type: ignore[union-attr]
        for r in rows:
            cp.write_row([f(r[c], r) if f else r[c] for c, f in zip(cols, prep, strict=True)])


def write_records(s: Session, rows: list[dict[str, Any]]) -> None:
    """hq_record rows as ingest inserts them."""
    copy_rows(
        s,
        Record.__table__,  # type: ignore[arg-type]
        [
            {
                "row_id": r["row_id"],
                "entity": r["entity"],
                "version": r["version"],
                "hlc": r["hlc"],
                "device_id": r["device_id"],
                "deleted": 0,
                "data": json.dumps(r["data"], ensure_ascii=False),
            }
            for r in rows
        ],
    )


def _rank(rows: list[dict[str, Any]], group: str) -> None:
    """stats_index._rank: 1 = the latest live observation of its group, 2 = the one before."""
    seen: dict[str, int] = {}
    for r in sorted(rows, key=lambda r: (r["observed_on"], r["id"]), reverse=True):
        if r["deleted"] or not r["observed_on"]:
            r["rank"] = 0
            continue
        seen[r[group]] = seen.get(r[group], 0) + 1
        r["rank"] = seen[r[group]] if seen[r[group]] <= 2 else 0


def write_direct(s: Session, rows: list[dict[str, Any]], cadre_names: dict[str, str]) -> None:
    """Every index and aggregate row ingest's `note_changes` would write for these new records,
    computed with the same functions (ledger_index._index_values, blind.household_tokens, the
    keyed hashes) and written in bulk. tests/test_hq_seed.py checks they equal the real path's."""
    from types import SimpleNamespace

    from fieldapp.domain import referrals as rules
    from fieldapp.hq import blind
    from fieldapp.hq.models import BlindToken, HouseholdIndex, IdClaim, ReferralIndex
    from fieldapp.hq.stats_models import (
        StatCadre,
        StatEconomy,
        StatHousehold,
        StatReferral,
        StatRelief,
        StatVisit,
        StatWorker,
    )

    si = stats_index
    ring = blind.keyring(s)
    key = si.hash_key(s)
    kinds = rules.catalogue()
    now = utcnow()
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_entity.setdefault(r["entity"], []).append(r)
    out: dict[Any, list[dict[str, Any]]] = {}

    def add(model: Any, **values: Any) -> None:
        out.setdefault(model, []).append(values)

    for r in by_entity.get("cadre", []):
        add(StatCadre, cadre_id=r["row_id"], name=str(r["data"].get("name") or "")[:50])
    # which household each row belongs to (hq_ledger_row)
    home_of: dict[str, str] = {}
    kids: dict[str, dict[str, list[dict[str, Any]]]] = {}
    referral_home = {
        r["row_id"]: str(r["data"].get("household_id") or "") for r in by_entity.get("referral", [])
    }
    for r in rows:
        if r["entity"] in ("household", "cadre"):
            continue
        hid = str(r["data"].get("household_id") or "")
        if not hid and r["entity"] == "referral_event":
            hid = referral_home.get(str(r["data"].get("referral_id") or ""), "")
        if hid:
            home_of[r["row_id"]] = hid
            add(LedgerRow, row_id=r["row_id"], entity=r["entity"], household_id=hid)
            kids.setdefault(hid, {}).setdefault(r["entity"], []).append(r["data"])
    # visits: hq_stat_visit and each household's last (face-to-face) visit
    last: dict[str, tuple[str, str]] = {}
    for r in by_entity.get("visit", []):
        v = r["data"]
        day = si._date(v.get("visit_date"))
        f2f = 1 if v.get("mode") in si.FACE_TO_FACE else 0
        deleted = 1 if v.get("deleted") else 0
        hid = str(v.get("household_id") or "")
        add(
            StatVisit,
            visit_id=r["row_id"],
            household_id=hid,
            cadre_id=str(v.get("cadre_id") or "")[:36],
            visit_date=day,
            face_to_face=f2f,
            deleted=deleted,
        )
        if not deleted:
            a, f = last.get(hid, ("", ""))
            last[hid] = (max(a, day), max(f, day) if f2f else f)
    members: dict[str, dict[str, Any]] = {r["row_id"]: r["data"] for r in by_entity.get("member", [])}
    home_scope: dict[str, tuple[str, int]] = {}  # a referral's household: (county, deleted)
    for r in by_entity.get("household", []):
        hid = r["row_id"]
        h = r["data"]
        mine = kids.get(hid, {})
        rec = SimpleNamespace(
            row_id=hid, data=json.dumps(h, ensure_ascii=False), deleted=0, device_id=r["device_id"]
        )
        v = ledger_index._index_values(rec, {e: mine.get(e, []) for e in ledger_index.INDEXED})  # type: ignore[arg-type]
        v["cadre_name"] = cadre_names.get(v["cadre_id"], "")[:50]
        tokens = blind.household_tokens(ring, cadre_name=v["cadre_name"], **v.pop("_secret"))
        v["updated_at"] = now
        add(HouseholdIndex, household_id=hid, **v)
        home_scope[hid] = (v["county_code"], v["deleted"])
        for t in sorted(tokens):
            add(BlindToken, token=t, household_id=hid)
        live = {e: [x for x in mine.get(e, []) if not x.get("deleted")] for e in si.HOUSEHOLD_PARTS}
        assessments = sorted(
            live["assessment"], key=lambda a: (str(a.get("assessed_on") or ""), int(a.get("hlc") or 0))
        )
        latest = assessments[-1] if assessments else {}
        pairings = sorted(
            (p for p in live["pairing"] if not p.get("ended_on")),
            key=lambda p: str(p.get("started_on") or ""),
        )
        village = str(h.get("village_code") or "")[:12]
        any_visit, f2f_visit = last.get(hid, ("", ""))
        add(
            StatHousehold,
            household_id=hid,
            county_code=village[:6],
            township_code=village[:9],
            village_code=village,
            category=str(latest.get("category") or "")[:20],
            main_cause=si._int(latest.get("main_cause")),
            pairing_basis=str(h.get("pairing_basis") or "")[:20],
            status=str(h.get("status") or "")[:10],
            cadre_id=str(pairings[-1].get("cadre_id") or "")[:36] if pairings else "",
            last_visit_on=any_visit,
            last_f2f_on=f2f_visit,
            deleted=1 if h.get("deleted") else 0,
        )
    for mid, m in members.items():  # duplicates.note: every member's ID number claims its token
        ident = blind.normal(str(m.get("id_number") or ""))
        if ident and not m.get("deleted") and m.get("household_id"):
            add(IdClaim, member_id=mid, token=ring.blind("id", ident), household_id=str(m["household_id"]))
    events: dict[str, list[dict[str, Any]]] = {}
    for r in by_entity.get("referral_event", []):
        events.setdefault(str(r["data"].get("referral_id") or ""), []).append(r["data"])
    for r in by_entity.get("referral", []):  # ledger_index.refresh_referrals
        rid, ref = r["row_id"], r["data"]
        ev = None
        for e in events.get(rid, []):
            if ledger_index.is_later_event(e, ev):
                ev = e
        home = home_scope.get(str(ref.get("household_id") or ""))
        values = ledger_index.referral_values(rid, ref, ev, kinds, bool(ref.get("deleted")), home)
        add(ReferralIndex, referral_id=rid, **values, updated_at=now)
        add(
            StatReferral,
            referral_id=rid,
            household_id=str(ref.get("household_id") or ""),
            cadre_id=str(ref.get("cadre_id") or ""),
        )
    for r in by_entity.get("relief_payment", []):
        x = r["data"]
        paid = si._date(x.get("paid_on"))
        mid = str(x.get("member_id") or "")
        add(
            StatRelief,
            relief_id=r["row_id"],
            household_id=str(x.get("household_id") or ""),
            member_id=mid[:36],
            programme=str(x.get("programme") or "")[:20],
            year=int(paid[:4]) if paid else 0,
            paid_on=paid,
            amount_fen=si._int(x.get("amount_fen")) or 0,
            student_key=si.student_key(key, mid, members.get(mid)),
            deleted=1 if x.get("deleted") else 0,
        )
    economy = []
    for r in by_entity.get("household_economy", []):
        x = r["data"]
        values: dict[str, Any] = {k: si._int(x.get(k)) for k in si.ECONOMY_FIGURES}
        values.update(
            id=r["row_id"],
            household_id=str(x.get("household_id") or "")[:36],
            observed_on=si._date(x.get("observed_on")),
            arrears_reported_on=si._date(x.get("arrears_reported_on")),
            deleted=1 if x.get("deleted") else 0,
        )
        economy.append(values)
    _rank(economy, "household_id")
    out[StatEconomy] = economy
    workers = []
    for r in by_entity.get("worker_status", []):
        x = r["data"]
        employment = x.get("employment")
        workers.append(
            {
                "id": r["row_id"],
                "household_id": str(x.get("household_id") or "")[:36],
                "member_id": str(x.get("member_id") or "")[:36],
                "observed_on": si._date(x.get("observed_on")),
                "employment": str(employment)[:20] if employment else None,
                "monthly_income": si._int(x.get("monthly_income")),
                "training_wanted": str(x.get("training_wanted") or "")[:20],
                "training_received": str(x.get("training_received") or "")[:20],
                "has_certificate": 1 if str(x.get("certificate") or "").strip() else 0,
                "insurance": si._insurance(x.get("insurance")),
                "deleted": 1 if x.get("deleted") else 0,
            }
        )
    _rank(workers, "member_id")
    out[StatWorker] = workers
    for model, values_list in out.items():
        copy_rows(s, model.__table__, values_list)


def ingest_side(s: Session, rows: list[dict[str, Any]]) -> None:
    """What HQ._apply calls after writing the batch's records: the indexes and the aggregates."""
    fresh = [
        {
            "entity": r["entity"],
            "row_id": r["row_id"],
            "op": "insert",
            "version": r["version"],
            "data": json.dumps(r["data"], ensure_ascii=False),
        }
        for r in rows
    ]
    ledger_index.note_changes(s, fresh)
    stats_index.note_changes(s, fresh)


def add_conflicts(s: Session, rows: list[dict[str, Any]], every: int) -> int:
    homes = [r for r in rows if r["entity"] == "household"][::every]
    for r in homes:
        other = dict(r["data"], phone="13000000000")
        s.add(
            Conflict(
                entity="household",
                row_id=r["row_id"],
                version=r["version"],
                device_a=r["device_id"],
                data_a=json.dumps(r["data"], ensure_ascii=False),
                device_b=str(uuid.uuid4()),
                data_b=json.dumps(other, ensure_ascii=False),
            )
        )
    return len(homes)


def seed(
    hq: HQ,
    households: int,
    *,
    seed: int = 2026,
    templates: tuple[list[Template], list[dict[str, Any]]] | None = None,
    via_ingest: bool = False,
    quiet: bool = False,
) -> dict[str, Any]:
    """Add `households` households to an initialised HQ; returns counts and timings.

    `via_ingest`: build the indexes with ingest's own `note_changes` (slow: tens of households a
    second) instead of the bulk path; the test compares the two."""
    started = time.perf_counter()
    if templates is None:
        with tempfile.TemporaryDirectory() as t:
            templates = make_templates(Path(t))
    homes, cadres = templates
    t_templates = time.perf_counter() - started
    rnd = random.Random(seed)
    index = divisions()
    villages = {c: [v.code12 for tw in index.townships(c) for v in index.villages(tw.code)] for c in COUNTIES}
    sd = Seeder(hq, rnd, homes, cadres[0] if cadres else {"id": "", "name": ""}, villages)
    n_templates = len(homes)
    visits = sum(1 for t in homes for e, _ in t.rows if e == "visit") / n_templates
    referrals = sum(1 for t in homes for e, _ in t.rows if e == "referral") / n_templates
    sd.visit_copies = max(1.0, VISITS_PER_HOUSEHOLD / visits) if visits else 1.0
    sd.referral_share = min(1.0, REFERRALS_PER_HOUSEHOLD / referrals) if referrals else 1.0
    per_county = max(1, households // 3 // len(COUNTIES))  # a cadre pairs with about 3 households
    cadre_rows = sd.add_people(per_county, max(1, per_county // 10))

    def index(s: Session, rows: list[dict[str, Any]]) -> None:
        write_records(s, rows)
        if via_ingest:
            ingest_side(s, rows)
        else:
            write_direct(s, rows, sd.cadre_names)

    with hq.session() as s:
        index(s, cadre_rows)
    conflicts = 0
    done = 0
    while done < households:
        n = min(CHUNK, households - done)
        rows = [
            {"entity": e, "row_id": rid, "version": v, "hlc": hlc, "device_id": dev, "data": data}
            for _ in range(n)
            for e, rid, v, hlc, dev, data in sd.household()
        ]
        with hq.session() as s:
            index(s, rows)
            conflicts += add_conflicts(s, rows, CONFLICT_EVERY)
        done += n
        if not quiet and (done // CHUNK) % 20 == 0:
            rate = done / (time.perf_counter() - started - t_templates)
            print(f"  {done:,} households, {rate:,.0f}/s", flush=True)
    written = time.perf_counter() - started
    with hq.session() as s:  # the rollups ingest keeps per household, counted once for the bulk rows
        stats_visit_months.rebuild(s)
    hq.engine.dispose()  # no pooled connection may hold a snapshot: VACUUM could not mark pages all-visible
    with hq.engine.connect() as conn:
        if hq.engine.dialect.name == "postgresql":  # as autovacuum would: statistics, visibility map
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("VACUUM ANALYZE")
            pages, visible = conn.exec_driver_sql(
                "SELECT relpages, relallvisible FROM pg_class WHERE relname = 'hq_household_index'"
            ).one()
            if not quiet and visible < pages:  # counts would read the table instead of an index
                print(f"  warning: only {visible} of {pages} household-index pages all-visible", flush=True)
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    counts = dict(sd.counts, household=households, cadre=len(cadre_rows), conflict=conflicts)
    return {
        "counts": counts,
        "templates_s": round(t_templates, 1),
        "written_s": round(written, 1),
        "total_s": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--url", help="an empty database (default: a throwaway PostgreSQL cluster)")
    parser.add_argument("--seed", type=int, default=2026, help="another seed adds other households")
    parser.add_argument("--via-ingest", action="store_true", help="index through ingest's note_changes")
    args = parser.parse_args()
    url = args.url
    if not url:
        sys.path.insert(0, str(ROOT))
        from tests.test_sync_protocol import _start_pg, new_pg_database

        url = new_pg_database(_start_pg())
    hq = HQ(url)
    hq.init()
    out = seed(hq, args.households, seed=args.seed, via_ingest=args.via_ingest)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    print(url)
    hq.close()


if __name__ == "__main__":
    main()
