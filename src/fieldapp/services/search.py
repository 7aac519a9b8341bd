"""An in-memory search index over the household list, fast enough for every keystroke.

A cadre types what they remember: pinyin initials (``zhs`` for 张海生), part of a name, the
last digits of an ID number or phone, or the village. Each row gets one lower-case haystack
string built once; a query is split on spaces and every term must occur in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the household list imports this at start-up; keep it light
    from fieldapp.services.households import HouseholdRow


def _haystack(row: HouseholdRow) -> str:
    phone = row.phone.removeprefix("+86")
    parts = [
        row.head_name,
        row.head_initials,
        row.head_id_number.lower(),
        phone,
        row.village_name,
        " ".join(row.cadre_names),
    ]
    return "\x1f".join(parts).lower()


@dataclass
class SearchIndex:
    """Rows with their precomputed haystacks; `search` returns matching row positions."""

    rows: Sequence[HouseholdRow]
    _keys: list[str]
    _last: tuple[str, list[int]] = ("", [])  # the previous query and what it found

    @classmethod
    def build(cls, rows: Iterable[HouseholdRow]) -> SearchIndex:
        rows = list(rows)
        return cls(rows, [_haystack(r) for r in rows])

    def matches(self, position: int, terms: Sequence[str]) -> bool:
        key = self._keys[position]
        return all(t in key for t in terms)

    def search(self, query: str) -> list[int]:
        """Positions of the rows matching every term, in order.

        Typing adds characters: when the query extends the previous one, every new match was a
        match before (each term only grew, or a term was added), so only those rows are looked at.
        """
        terms = terms_of(query)
        if not terms:
            found = list(range(len(self._keys)))
        else:
            last_query, last_found = self._last
            keys = self._keys
            pool: Iterable[int] = (
                last_found if last_query and query.startswith(last_query) else range(len(keys))
            )
            if len(terms) == 1:
                term = terms[0]
                found = [i for i in pool if term in keys[i]]
            else:
                found = [i for i in pool if all(t in keys[i] for t in terms)]
        self._last = (query if terms else "", found)
        return list(found)


def terms_of(query: str) -> list[str]:
    """Lower-case terms; a leading +86 on a phone number is dropped so it matches either way."""
    return [t.removeprefix("+86") for t in query.lower().split() if t.removeprefix("+86")]
