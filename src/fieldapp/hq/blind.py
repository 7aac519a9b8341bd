"""Blind indexes of the household ledger: what a search word may equal, as keyed hashes.

Each household gets tokens (hq_blind_token) for: every prefix of its head's name of two or more
characters (the whole name included), the same for its paired cadre's name, every prefix of each
pinyin-initials key ("z", "zh", "zhs"), the head's whole ID number, its last 4 and last 6
characters, and the household's phone number, whole and its last 4 digits. A search word is
normalised and hashed the same way; only equality can be tested (docs/security.md says what that
shows to someone reading the table without the key).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from fieldapp.hq.models import BlindToken, HouseholdIndex
from fieldapp.hq.sealed import Keyring, keyring_of

MAX_NAME = 20
_ID = re.compile(r"^[0-9]{17}[0-9Xx]$")


def keyring(s: Session) -> Keyring:
    return keyring_of(s.get_bind().dialect)


def normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def _name_values(name: str) -> list[str]:
    n = normal(name)[:MAX_NAME]
    if not n:
        return []
    return [n[:i] for i in range(min(2, len(n)), len(n) + 1)]


def household_tokens(
    ring: Keyring, *, name: str, initials: str, id_number: str, phone: str, cadre_name: str
) -> set[str]:
    tokens: set[str] = set()
    for value in _name_values(name) + _name_values(cadre_name):
        tokens.add(ring.blind("name", value))
    for key in initials.lower().split():
        for i in range(1, min(len(key), MAX_NAME) + 1):
            tokens.add(ring.blind("initials", key[:i]))
    ident = normal(id_number)
    if ident:
        tokens.add(ring.blind("id", ident))
        if len(ident) >= 6:
            tokens.add(ring.blind("id6", ident[-6:]))
        if len(ident) >= 4:
            tokens.add(ring.blind("id4", ident[-4:]))
    digits = "".join(ch for ch in phone if ch.isdigit())[-11:]
    if digits:
        tokens.add(ring.blind("phone", digits))
        if len(digits) >= 4:
            tokens.add(ring.blind("phone4", digits[-4:]))
    return tokens


def term_tokens(ring: Keyring, term: str) -> list[str]:
    """The tokens a search word may equal (any of them matches); [] when it cannot match."""
    t = normal(term)
    if _ID.match(t):
        return [ring.blind("id", t)]
    if t.isdigit() and len(t) == 11:
        return [ring.blind("phone", t)]
    if re.fullmatch(r"[0-9]{3}[0-9X]", t):
        return [ring.blind("id4", t), ring.blind("phone4", t)]
    if re.fullmatch(r"[0-9]{5}[0-9X]", t):
        return [ring.blind("id6", t)]
    if re.fullmatch(r"[0-9X]+", t):
        return []  # other lengths of a number: no tail of that length is kept
    if re.fullmatch(r"[A-Z]+", t):
        return [ring.blind("initials", t.lower()[:MAX_NAME])]
    return [ring.blind("name", t[:MAX_NAME])]


def matches(ring: Keyring, term: str) -> ColumnElement[bool]:
    """Households having any of the term's tokens (a condition on hq_household_index)."""
    tokens = term_tokens(ring, term)
    if not tokens:
        return false()
    return HouseholdIndex.household_id.in_(
        select(BlindToken.household_id).where(BlindToken.token.in_(tokens))
    )


def replace(s: Session, tokens: dict[str, set[str]]) -> None:
    """Set the tokens of these households (the old ones go)."""
    from sqlalchemy import delete, insert

    ids = sorted(tokens)
    for i in range(0, len(ids), 400):
        s.execute(delete(BlindToken).where(BlindToken.household_id.in_(ids[i : i + 400])))
    rows = [{"token": t, "household_id": h} for h in ids for t in sorted(tokens[h])]
    if rows:
        s.execute(insert(BlindToken), rows)
