"""Batch printing: one form for every household of the ledger, of a township or of a village
(or the public notice of that area) into a folder, with progress, cancel and a summary.

Shared by `fieldapp print --all` and the app's 批量打印 dialog, so both choose the same
records, name the files the same way and report the same failures. Every file is written whole
(`printing.save_pdf`: NAME.part, then renamed) or not at all, and every file written is in the
print records; a cancel takes effect between two documents, so what is on disk is always whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from fieldapp.domain.divisions import divisions
from fieldapp.domain.errors import DomainError
from fieldapp.printing.errors import PrintError
from fieldapp.services import printing
from fieldapp.storage.db import Database
from fieldapp.storage.models import Household, Referral, Visit
from fieldapp.storage.os_errors import explain

ALL = ""  # the scope of every household of the ledger

Step = Callable[[int, int, str], None]  # documents finished, of how many, who is next/last


@dataclass(frozen=True)
class Area:
    """A township or a village with households in the ledger: a scope of batch printing."""

    code: str  # 9 digits (township) or 12 (village)
    name: str  # 白沙埠镇, or 卧茨村村民委员会 (listed after its township)
    level: str  # township | village
    households: int


@dataclass(frozen=True)
class Item:
    record_id: str
    label: str  # what the cadre recognises: the head's name (and the visit's or referral's date)


@dataclass(frozen=True)
class Failure:
    label: str
    reason: str  # plain Chinese: what went wrong and what to do


@dataclass
class Summary:
    folder: Path
    total: int
    files: list[Path] = field(default_factory=list)
    pages: int = 0
    failed: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cancelled: bool = False


def areas(db: Database) -> list[Area]:
    """Townships, each followed by its villages, that have households (closed ones too)."""
    index = divisions()
    with db.session() as s:
        codes = list(
            s.scalars(
                select(Household.village_code).where(
                    Household.deleted.is_(False), Household.village_code.is_not(None)
                )
            )
        )
    villages: dict[str, int] = {}
    for code in codes:
        if code:
            villages[code] = villages.get(code, 0) + 1
    townships: dict[str, int] = {}
    for code, n in villages.items():
        townships[code[:9]] = townships.get(code[:9], 0) + n
    out: list[Area] = []
    for t in sorted(townships):
        town = index.by_code.get(t)
        town_name = town.name if town else t
        out.append(Area(t, town_name, "township", townships[t]))
        for v in sorted(c for c in villages if c[:9] == t):
            village = index.village(v)
            out.append(Area(v, village.name if village else v, "village", villages[v]))
    return out


def items(db: Database, form: str, scope: str = ALL) -> list[Item]:
    """What a batch of `form` prints in `scope` (a township's or village's code, or ALL), in
    list order. The public notice is one document for the whole area."""
    template = printing.template_for(db, form)
    if template.record == "notice":
        return [Item(scope or "all", "公示名单")]
    with db.session() as s:
        households = select(Household).where(Household.deleted.is_(False))
        if scope:
            households = households.where(Household.village_code.startswith(scope))
        rows = list(s.scalars(households))
        heads = {h.id: (h.head.name if h.head else "") for h in rows}
        if template.record == "household":  # by village, then by the head's name (pinyin)
            rows.sort(key=lambda h: (h.village_code or "", h.head.name_initials if h.head else "", h.id))
            return [Item(h.id, heads[h.id]) for h in rows]
        if template.record == "visit":
            visits = select(Visit).where(Visit.deleted.is_(False)).order_by(Visit.visit_date, Visit.id)
            return [
                Item(v.id, f"{heads[v.household_id]}（{v.visit_date:%Y-%m-%d}走访）")
                for v in s.scalars(visits)
                if v.household_id in heads
            ]
        referrals = (
            select(Referral).where(Referral.deleted.is_(False)).order_by(Referral.created_on, Referral.id)
        )
        return [
            Item(r.id, f"{heads[r.household_id]}（{r.created_on:%Y-%m-%d}转介）")
            for r in s.scalars(referrals)
            if r.household_id in heads
        ]


def target(folder: Path, form: str, record_id: str) -> Path:
    return folder / f"{form}-{record_id}.pdf"


def run(
    db: Database,
    form: str,
    batch: list[Item],
    folder: Path,
    *,
    printed_by: str | None = None,
    reveal: bool = False,
    step: Step | None = None,
    stop: Callable[[], bool] | None = None,
) -> Summary:
    """Print `batch` into `folder`, one file per record.

    A record that cannot be printed (a file that cannot be written, a record gone meanwhile) is
    in `Summary.failed` with the reason and the batch goes on; nothing of it is left on disk.
    `step(done, total, label)` is called before each document (`done` finished so far) and once at
    the end; `stop()` is asked between documents: when it says so the batch ends there, the files
    already written whole and logged."""
    summary = Summary(folder, len(batch))
    try:
        folder.mkdir(parents=True, exist_ok=True)  # a new folder on the USB stick is fine
    except OSError as e:
        is_file = folder.exists() and not folder.is_dir()
        what, todo = ("这是一个文件，不是文件夹", "请另选一个文件夹") if is_file else explain(e)
        raise PrintError(f"无法在 {folder} 保存文件：{what}，未生成文件。{todo}。") from None
    who = printed_by if printed_by is not None else printing.default_printer_name(db)
    seen: set[str] = set()
    for n, item in enumerate(batch):
        if stop is not None and stop():
            summary.cancelled = True
            break
        if step is not None:
            step(n, len(batch), item.label)
        path = target(folder, form, item.record_id)
        if path.is_dir():  # a single print would ask for another name; a batch cannot
            summary.failed.append(
                Failure(
                    item.label,
                    f"{path.name} 是一个已有的文件夹，未生成文件。请把这个文件夹改名或移走后再批量打印。",
                )
            )
            continue
        try:
            doc = printing.print_to_file(db, form, item.record_id, path, printed_by=who, reveal=reveal)
        except DomainError as e:  # PrintError, NotFound (deleted meanwhile), a refused template
            summary.failed.append(Failure(item.label, str(e)))
            continue
        summary.files.append(path)
        summary.pages += doc.pdf.pages
        for note in doc.notes:
            if note not in seen:
                seen.add(note)
                summary.notes.append(note)
    if step is not None and not summary.cancelled:
        step(len(batch), len(batch), "")
    return summary
