"""The re-survey campaign (再摸底) headquarters sets: name, period, counties (docs/sync-protocol.md).

临会发〔2014〕20号 asks for every contact household to be re-surveyed face to face in about a
month. Headquarters sends the campaign down in the reply; the device keeps the newest (by start
date, then id) and measures its progress in that period instead of the locally set start date.
A body this program cannot read is ignored, never half-used.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

MAX_NAME = 100
MAX_DAYS = 366
COUNTY = re.compile(r"\d{6}")
ID = re.compile(r"[0-9A-Za-z-]{1,36}")


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    start: dt.date
    end: dt.date
    counties: tuple[str, ...] = ()  # empty: the whole city

    @property
    def order(self) -> tuple[dt.date, str]:
        """Newer campaigns sort later: by start date, then id."""
        return (self.start, self.id)

    def covers(self, county_codes: set[str]) -> bool:
        """Whether the campaign concerns a device whose households are in `county_codes`."""
        return not self.counties or bool(set(self.counties) & county_codes) or not county_codes

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "name": self.name,
                "start": self.start.isoformat(),
                "end": self.end.isoformat(),
                "counties": list(self.counties),
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def parse(body: Any) -> Campaign | None:
    """A campaign from a reply body (or stored JSON), or None when it is malformed in any way."""
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return None
    if not isinstance(body, dict):
        return None
    cid, name, counties = body.get("id"), body.get("name"), body.get("counties", [])
    if not isinstance(cid, str) or not ID.fullmatch(cid):
        return None
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        return None
    try:
        start = dt.date.fromisoformat(str(body.get("start")))
        end = dt.date.fromisoformat(str(body.get("end")))
    except ValueError:
        return None
    if end < start or (end - start).days >= MAX_DAYS:
        return None
    if not isinstance(counties, list) or not all(
        isinstance(c, str) and COUNTY.fullmatch(c) for c in counties
    ):
        return None
    return Campaign(cid, name.strip(), start, end, tuple(dict.fromkeys(counties)))


def newer(candidate: Campaign, current: Campaign | None) -> bool:
    """Whether `candidate` replaces `current` (the same campaign sent again, corrected, does too)."""
    return current is None or candidate.order >= current.order
