"""SQLCipher files: connect with a raw key, copy encrypted, and encrypt a plaintext ledger safely.

Every copy goes through ``sqlcipher_export`` (SQLCipher's supported way to copy between a
plaintext and an encrypted database, or between two keys), never through the file system, so a
backup is as encrypted as the ledger. Encrypting an existing plaintext ledger is crash-safe:

1. export to ``fieldapp.sqlite.encrypting``, fsync, open it again with the key and verify it
   (integrity check and the row count of every table);
2. rename the plaintext file to ``fieldapp.sqlite.plain-to-erase`` (atomic);
3. rename the encrypted copy to ``fieldapp.sqlite`` (atomic);
4. overwrite the plaintext file with zeros, fsync, delete it; the same for plaintext backups.

:func:`finish_interrupted` completes steps 3–4 after a crash at any point; before step 2 the
plaintext ledger is untouched and the half-written copy is simply discarded.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2

from fieldapp.storage.files import fsync_dir

dbapi = dbapi2  # the one SQLite library fieldapp uses, for plaintext files too

SQLITE_MAGIC = b"SQLite format 3\x00"
ENCRYPTING_SUFFIX = ".encrypting"
ERASE_SUFFIX = ".plain-to-erase"


def _quiet() -> None:
    """SQLCipher logs a wrong key to stderr by itself; we report it in Chinese instead."""
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_quiet()


class CipherError(Exception):
    """A copy or an encryption step failed its verification; nothing was replaced."""


def raw_key_literal(key: bytes) -> str:
    """SQLCipher's raw-key syntax: no passphrase derivation, the key is used as it is."""
    if len(key) != 32:
        raise ValueError("a SQLCipher raw key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def is_plaintext(path: Path) -> bool:
    """True for an ordinary SQLite file; an encrypted one starts with random-looking bytes."""
    try:
        with path.open("rb") as f:
            return f.read(16) == SQLITE_MAGIC
    except FileNotFoundError:
        return False


def is_encrypted(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0 and not is_plaintext(path)


def connect(path: Path, key: bytes | None) -> Any:
    """A raw SQLCipher connection (key None: an ordinary SQLite file)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    if key is not None:
        conn.execute(f"PRAGMA key = {raw_key_literal(key)}")
    return conn


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _tables(conn: Any) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return sorted(r[0] for r in rows)


def _counts(conn: Any) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


class InUse(CipherError):
    """Another program (or another fieldapp window) has the file open."""


def _exclusive(path: Path) -> Any:
    """A connection holding SQLite's exclusive lock: refused while anyone else has the file open."""
    conn = connect(path, None)
    conn.isolation_level = None
    try:
        conn.execute("PRAGMA busy_timeout = 2000")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in exclusive locking mode the lock stays until the connection closes
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (sqlite3.DatabaseError, dbapi2.DatabaseError) as e:
        conn.close()
        raise InUse(f"{path.name} is in use: {e}") from e
    return conn


def export(
    source: Path,
    source_key: bytes | None,
    target: Path,
    target_key: bytes | None,
    *,
    conn: Any = None,
) -> None:
    """Copy a database into a new file (any key to any key), fsync it and verify it.

    `conn` is an already open connection to `source` to copy through (it is closed afterwards).
    """
    target.unlink(missing_ok=True)
    src = conn if conn is not None else connect(source, source_key)
    try:
        expected = _counts(src)
        target_literal = raw_key_literal(target_key) if target_key is not None else "''"
        src.execute(f"ATTACH DATABASE {_quote(target)} AS copy KEY {target_literal}")
        src.execute("SELECT sqlcipher_export('copy')")
        src.execute("DETACH DATABASE copy")
    finally:
        src.close()
    _fsync(target)
    check = connect(target, target_key)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0]
        got = _counts(check)
    except (sqlite3.DatabaseError, dbapi2.DatabaseError) as e:
        raise CipherError(f"copy of {source.name} cannot be read back: {e}") from e
    finally:
        check.close()
    if ok != "ok" or got != expected:
        target.unlink(missing_ok=True)
        raise CipherError(f"copy of {source.name} differs from the original ({ok})")


def _copy_hashing(source: Path, target: Path) -> str:
    """Copy a file byte for byte, fsync it, and return the SHA-256 of what was read."""
    h = hashlib.sha256()
    with source.open("rb") as fin, target.open("wb") as fout:
        for chunk in iter(lambda: fin.read(1 << 20), b""):
            h.update(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    return h.hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_copy(target: Path, key: bytes | None, expected: dict[str, int]) -> None:
    """The copy opens with `key`, every page is intact and the row counts are `expected`.

    For an encrypted file ``PRAGMA cipher_integrity_check`` authenticates every page with the
    key's HMAC (a flipped bit, a torn or missing page, a wrong key all fail); a plaintext file
    gets ``PRAGMA quick_check``."""
    check = connect(target, key)
    try:
        if key is not None:
            problems = [str(r[0]) for r in check.execute("PRAGMA cipher_integrity_check")]
        else:
            problems = [str(r[0]) for r in check.execute("PRAGMA quick_check") if r[0] != "ok"]
        got = _counts(check)
    except (sqlite3.DatabaseError, dbapi2.DatabaseError) as e:
        raise CipherError(f"copy {target.name} cannot be read back: {e}") from e
    finally:
        check.close()
    if problems or got != expected:
        raise CipherError(
            f"copy {target.name} differs from the original ({'; '.join(problems[:3]) or 'row counts'})"
        )


def snapshot_copy(source: Path, key: bytes | None, target: Path) -> str:
    """A consistent copy of a live database, with the same key, verified; returns its SHA-256.

    Fast path: fold the WAL into the file (``wal_checkpoint(TRUNCATE)``), hold off writers
    (``BEGIN IMMEDIATE``) and copy the file byte for byte — it is already encrypted, nothing is
    decrypted or re-encrypted. If the WAL could not be emptied (another connection was reading
    or a write came in between), SQLite's backup API copies a read snapshot page by page
    instead. Either way the copy is fsynced and checked with :func:`verify_copy` against the
    row counts seen in the same snapshot."""
    target.unlink(missing_ok=True)
    src = connect(source, key)
    src.isolation_level = None
    try:
        src.execute("PRAGMA busy_timeout = 5000")
        wal_mode = src.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        if wal_mode:
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        wal = source.with_name(source.name + "-wal")
        digest: str | None = None
        src.execute("BEGIN IMMEDIATE")
        try:
            if not wal_mode or not wal.exists() or wal.stat().st_size == 0:
                expected = _counts(src)
                digest = _copy_hashing(source, target)
        finally:
            src.execute("ROLLBACK")
        if digest is None:
            src.execute("BEGIN")
            try:
                expected = _counts(src)  # the read snapshot the backup API copies from
                dst = connect(target, key)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.execute("COMMIT")
            _fsync(target)
            digest = _sha256(target)
    except (sqlite3.DatabaseError, dbapi2.DatabaseError) as e:
        target.unlink(missing_ok=True)
        raise CipherError(f"{source.name} could not be copied: {e}") from e
    finally:
        src.close()
    verify_copy(target, key, expected)
    return digest


def erase(path: Path) -> None:
    """Overwrite a file with zeros, fsync and delete it (best effort on SSDs: see security.md)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as f:
        chunk = b"\0" * (1 << 20)
        left = size
        while left > 0:
            n = min(left, len(chunk))
            f.write(chunk[:n])
            left -= n
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def _sidecars(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal")]


def finish_interrupted(db_path: Path) -> None:
    """Complete an encryption that a crash interrupted (see the module's steps)."""
    encrypting = db_path.with_name(db_path.name + ENCRYPTING_SUFFIX)
    to_erase = db_path.with_name(db_path.name + ERASE_SUFFIX)
    if to_erase.exists():
        if not db_path.exists() and encrypting.exists():
            os.replace(encrypting, db_path)  # verified and fsynced before the plaintext was moved
            fsync_dir(db_path.parent)
        erase(to_erase)
        for side in _sidecars(to_erase):
            erase(side)
    elif encrypting.exists():
        encrypting.unlink()  # a half-written copy from before step 2: the plaintext is intact


def _encrypt_file(db_path: Path, key: bytes) -> None:
    finish_interrupted(db_path)
    if not is_plaintext(db_path):
        return
    locked = _exclusive(db_path)  # nobody may write the plaintext file while it is copied
    encrypting = db_path.with_name(db_path.name + ENCRYPTING_SUFFIX)
    export(db_path, None, encrypting, key, conn=locked)
    to_erase = db_path.with_name(db_path.name + ERASE_SUFFIX)
    os.replace(db_path, to_erase)
    for side in _sidecars(db_path):
        if side.exists():
            os.replace(side, to_erase.with_name(to_erase.name + side.name[len(db_path.name) :]))
    fsync_dir(db_path.parent)
    os.replace(encrypting, db_path)
    fsync_dir(db_path.parent)
    finish_interrupted(db_path)


def _base_names(folder: Path, pattern: str) -> set[Path]:
    """Every database in `folder`, including one that exists only as an interrupted step."""
    found: set[Path] = set()
    for path in folder.glob(pattern + "*"):
        name = path.name
        for suffix in (ENCRYPTING_SUFFIX, ERASE_SUFFIX):
            if suffix in name:
                name = name[: name.index(suffix)]
        found.add(path.with_name(name))
    return found


def encrypt_in_place(db_path: Path, key: bytes, backup_dir: Path | None = None) -> None:
    """Turn a plaintext ledger and its plaintext backups into SQLCipher files with `key`.

    Safe to run again after a crash at any point, and a no-op when everything is encrypted.
    """
    _encrypt_file(db_path, key)
    if backup_dir is not None and backup_dir.is_dir():
        for backup in sorted(_base_names(backup_dir, "*.sqlite")):
            if backup.suffix == ".sqlite":
                _encrypt_file(backup, key)
