"""Staff accounts of the console: roles, Argon2id passwords, lockout, sessions, API tokens, audit.

The browser console and the `fieldapp-hq user …` commands call these same functions. A county
clerk's account carries its county code; hq/ledger.py turns that into the scope of every query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ColumnElement, and_, delete, func, select
from sqlalchemy.orm import Session

from fieldapp.domain.divisions import divisions, region_short_name
from fieldapp.hq.models import Account, ConsoleAudit, ConsoleSession
from fieldapp.storage.base import utcnow

if TYPE_CHECKING:
    from fieldapp.hq.store import HQ

ROLES = {
    "admin": "系统管理员",
    "city": "市总工会工作人员",
    "county": "县区总工会工作人员",
    "readonly": "只读",
}
MAX_FAILED_SIGNINS = 5
LOCKOUT = dt.timedelta(minutes=15)
IDLE_TIMEOUT = dt.timedelta(minutes=30)
SEEN_EVERY = dt.timedelta(seconds=30)  # a session's last-seen time is written at most this often
MIN_PASSWORD = 10
FIRST_ADMIN = "admin"
CLI = "命令行"  # who and where, in the audit log, for `fieldapp-hq user …` on the server

# RFC 9106's second recommended option (64 MiB, 3 passes): argon2-cffi's defaults, Argon2id
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("a password nobody has")  # unknown names cost the same time


class AccountError(Exception):
    """A refusal worth telling the person (in Chinese), e.g. a wrong password or a locked account."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Staff:
    """The signed-in account, as every ledger query and view receives it."""

    id: int
    name: str
    role: str
    county_code: str = ""

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_write(self) -> bool:
        """Read-only staff never change anything, whatever page or API they post to."""
        return self.role != "readonly"

    @property
    def county_name(self) -> str:
        return county_name(self.county_code)


def county_name(code: str) -> str:
    d = divisions().by_code.get(code) if code else None
    return d.name if d is not None else code


def _staff(a: Account) -> Staff:
    return Staff(a.id, a.name, a.role, a.county_code)


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少{MIN_PASSWORD}个字符。")
    if password.strip() != password:
        raise AccountError("密码首尾不能有空格。")


def _check_role(role: str, county: str) -> str:
    if role not in ROLES:
        raise AccountError(f"角色“{role}”不对；可用：{'、'.join(ROLES)}")
    county = (county or "").strip()
    if role == "county" and not county:
        raise AccountError("县区总工会工作人员必须指定县区代码（--county，如 371324）。")
    if role in ("admin", "city") and county:
        raise AccountError("系统管理员和市总工会工作人员看全市，不指定县区。")
    if county:
        d = divisions().by_code.get(county)
        if not (len(county) == 6 and county.isdigit()) or d is None or d.level != "county":
            raise AccountError(f"县区代码“{county}”不是{region_short_name()}的县区（6位数字，如 371324）。")
    return county


def _get(s: Session, name: str) -> Account:
    a = s.scalar(select(Account).where(Account.name == name))
    if a is None:
        raise AccountError(f"没有账号“{name}”。")
    return a


def audit(
    s: Session, account: str, action: str, target: str = "", detail: str = "", client: str = ""
) -> None:
    s.add(ConsoleAudit(account=account, action=action, target=target, detail=detail, client=client[:64]))


# --- managing accounts (admins in the console, or the command line) ---------------------------


def add_account(
    hq: HQ, name: str, role: str, password: str, county: str = "", by: str = CLI, client: str = CLI
) -> Staff:
    name = name.strip()
    if not name or len(name) > 50:
        raise AccountError("账号名不能为空，最多50个字符。")
    county = _check_role(role, county)
    check_password_rules(password)
    with hq.session() as s:
        if s.scalar(select(Account).where(Account.name == name)) is not None:
            raise AccountError(f"账号“{name}”已存在。")
        a = Account(name=name, role=role, county_code=county, password_hash=hash_password(password))
        s.add(a)
        s.flush()
        audit(s, by, "account_add", name, f"{ROLES[role]} {county}".strip(), client)
        return _staff(a)


def set_password(hq: HQ, name: str, password: str, by: str = CLI, client: str = CLI) -> None:
    """A new password; it also lifts a lockout and signs the account out everywhere."""
    check_password_rules(password)
    with hq.session() as s:
        a = _get(s, name)
        a.password_hash = hash_password(password)
        a.failed_signins, a.locked_until = 0, None
        s.execute(delete(ConsoleSession).where(ConsoleSession.account_id == a.id))
        audit(s, by, "account_password", name, "", client)


def set_disabled(hq: HQ, name: str, disabled: bool, by: str = CLI, client: str = CLI) -> None:
    with hq.session() as s:
        a = _get(s, name)
        if disabled and a.role == "admin" and a.disabled_at is None:
            others = s.scalar(
                select(func.count())
                .select_from(Account)
                .where(Account.role == "admin", Account.disabled_at.is_(None), Account.id != a.id)
            )
            if not others:
                raise AccountError("这是最后一个可用的系统管理员账号，不能停用。")
        a.disabled_at = (a.disabled_at or utcnow()) if disabled else None
        if disabled:
            a.api_token_sha256 = None
            s.execute(delete(ConsoleSession).where(ConsoleSession.account_id == a.id))
        audit(s, by, "account_disable" if disabled else "account_enable", name, "", client)


def list_accounts(hq: HQ) -> list[dict[str, Any]]:
    now = utcnow()
    with hq.session() as s:
        return [
            {
                "id": a.id,
                "name": a.name,
                "role": a.role,
                "role_label": ROLES.get(a.role, a.role),
                "county_code": a.county_code,
                "county_name": county_name(a.county_code),
                "disabled": a.disabled_at is not None,
                "locked": a.locked_until is not None and a.locked_until > now,
                "has_api_token": a.api_token_sha256 is not None,
                "last_signin_at": a.last_signin_at,
                "created_at": a.created_at,
            }
            for a in s.scalars(select(Account).order_by(Account.id))
        ]


def issue_api_token(hq: HQ, name: str, by: str = CLI) -> str:
    """A bearer token for /api/v1/households (shown once; a new one replaces the old)."""
    token = "hqs_" + secrets.token_urlsafe(32)
    with hq.session() as s:
        a = _get(s, name)
        if a.disabled_at is not None:
            raise AccountError(f"账号“{name}”已停用。")
        a.api_token_sha256 = _sha256(token)
        audit(s, by, "account_token", name, "", CLI)
    return token


def ensure_first_admin(hq: HQ, password: str | None) -> tuple[str, str | None]:
    """At `init`: the first administrator, when there is no account yet.

    Returns (name, the password generated here — to be printed once — or None).
    """
    with hq.session() as s:
        if s.scalar(select(func.count()).select_from(Account)):
            return "", None
    generated = None
    if password is None:
        generated = password = secrets.token_urlsafe(12)
    add_account(hq, FIRST_ADMIN, "admin", password, by="初始化")
    return FIRST_ADMIN, generated


# --- signing in ----------------------------------------------------------------------------------

BAD_CREDENTIALS = "账号或密码不对。"


def authenticate(hq: HQ, name: str, password: str, client: str = "") -> Staff:
    """Check a password; five wrong ones in a row lock the account for 15 minutes.

    The failed attempt is committed (count, lock, audit row) before the refusal is raised.
    """
    now = utcnow()
    refusal = ""
    with hq.session() as s:
        a = s.scalar(select(Account).where(Account.name == name.strip()))
        if a is None:
            _verify(_DUMMY_HASH, password)
            audit(s, name.strip()[:50], "signin_failed", "", "无此账号", client)
            refusal = BAD_CREDENTIALS
        elif a.locked_until is not None and a.locked_until > now:
            audit(s, a.name, "signin_refused", "", "账号锁定中", client)
            minutes = max(1, int((a.locked_until - now).total_seconds() // 60) + 1)
            refusal = f"连续输错密码{MAX_FAILED_SIGNINS}次，账号已锁定，请{minutes}分钟后再试。"
        elif not _verify(a.password_hash, password):
            a.failed_signins += 1
            detail = f"第{a.failed_signins}次"
            if a.failed_signins >= MAX_FAILED_SIGNINS:
                a.locked_until, a.failed_signins = now + LOCKOUT, 0
                detail += "，锁定15分钟"
            audit(s, a.name, "signin_failed", "", detail, client)
            refusal = BAD_CREDENTIALS
        elif a.disabled_at is not None:
            audit(s, a.name, "signin_refused", "", "账号已停用", client)
            refusal = "该账号已停用，请联系系统管理员。"
        else:
            a.failed_signins, a.locked_until, a.last_signin_at = 0, None, now
            if _hasher.check_needs_rehash(a.password_hash):
                a.password_hash = hash_password(password)
            audit(s, a.name, "signin", "", "", client)
            staff = _staff(a)
    if refusal:
        raise AccountError(refusal)
    return staff


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def start_session(hq: HQ, staff: Staff) -> tuple[str, str]:
    """A new console session: (the cookie's token, the session's CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with hq.session() as s:
        s.add(ConsoleSession(token_sha256=_sha256(token), account_id=staff.id, csrf_token=csrf))
    return token, csrf


def session_staff(hq: HQ, token: str) -> tuple[Staff, str] | None:
    """The account behind a session cookie and its CSRF token; None when unknown, idle or disabled."""
    if not token:
        return None
    now = utcnow()
    with hq.session() as s:
        sess = s.get(ConsoleSession, _sha256(token))
        if sess is None:
            return None
        a = s.get(Account, sess.account_id)
        if a is None or a.disabled_at is not None or now - sess.last_seen_at > IDLE_TIMEOUT:
            s.delete(sess)
            return None
        if now - sess.last_seen_at > SEEN_EVERY:
            sess.last_seen_at = now
        return _staff(a), sess.csrf_token


def end_session(hq: HQ, token: str) -> None:
    with hq.session() as s:
        s.execute(delete(ConsoleSession).where(ConsoleSession.token_sha256 == _sha256(token)))
        s.execute(delete(ConsoleSession).where(ConsoleSession.last_seen_at < utcnow() - IDLE_TIMEOUT))


def token_staff(hq: HQ, token: str) -> Staff | None:
    if not token:
        return None
    with hq.session() as s:
        a = s.scalar(select(Account).where(Account.api_token_sha256 == _sha256(token)))
        if a is None or a.disabled_at is not None:
            return None
        return _staff(a)


def csrf_matches(expected: str, given: str) -> bool:
    return bool(expected) and hmac.compare_digest(expected.encode(), (given or "").encode())


def record(hq: HQ, staff: Staff, action: str, target: str = "", detail: str = "", client: str = "") -> None:
    with hq.session() as s:
        audit(s, staff.name, action, target, detail, client)


def audit_entries(hq: HQ, limit: int = 100, offset: int = 0) -> tuple[int, list[ConsoleAudit]]:
    with hq.session() as s:
        total = int(s.scalar(select(func.count()).select_from(ConsoleAudit)) or 0)
        rows = list(
            s.scalars(select(ConsoleAudit).order_by(ConsoleAudit.id.desc()).limit(limit).offset(offset))
        )
        return total, rows


# --- one's own password (every account, in the console) ---------------------------------------


def check_password_strength(name: str, password: str) -> None:
    """The rules for a password a person chooses: long enough, two kinds of character, not the name."""
    check_password_rules(password)
    kinds = sum(
        (
            any(c.isascii() and c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not (c.isascii() and c.isalnum()) for c in password),  # punctuation, Chinese …
        )
    )
    if kinds < 2:
        raise AccountError("密码须包含至少两类字符（字母、数字、符号或汉字）。")
    if name and name.lower() in password.lower():
        raise AccountError("密码不能包含账号名。")


def change_own_password(
    hq: HQ, staff: Staff, old: str, new: str, again: str, keep_session: str = "", client: str = ""
) -> None:
    """A signed-in person changes their own password; their other browsers are signed out."""
    with hq.session() as s:
        a = s.get(Account, staff.id)
        if a is None or a.disabled_at is not None:
            raise AccountError("账号已停用。")
        stored = a.password_hash
    if not _verify(stored, old):
        record(hq, staff, "password_change_refused", staff.name, "原密码不对", client)
        raise AccountError("原密码不对，密码没有修改。")
    if new != again:
        raise AccountError("两次输入的新密码不一致，密码没有修改。")
    if new == old:
        raise AccountError("新密码不能与原密码相同。")
    check_password_strength(staff.name, new)
    with hq.session() as s:
        a = s.get(Account, staff.id)
        assert a is not None
        a.password_hash = hash_password(new)
        others: ColumnElement[bool] = ConsoleSession.account_id == a.id
        if keep_session:
            others = and_(others, ConsoleSession.token_sha256 != _sha256(keep_session))
        s.execute(delete(ConsoleSession).where(others))
        audit(s, staff.name, "password_change", staff.name, "", client)
