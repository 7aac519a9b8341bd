"""Whole backups of a ledger into a second location (another folder, a USB stick), and restore.

A backup is a folder ``fieldapp-backup-YYYYMMDD-HHMMSS-ffffff`` holding

* ``fieldapp.sqlite`` — a consistent SQLCipher copy, encrypted with the ledger's key;
* ``attachments/`` — the document photos, already encrypted on disk, copied as they are;
* ``keystore.json`` — the key wrapped by the password and by the recovery code, so either opens it;
* ``manifest.json`` — written last: format, app version, device, key fingerprint, and the
  SHA-256 of every file above.

It is written as ``NAME.partial``, read back and checked (every file's hash; the database
opened with the key, every page authenticated and its row counts compared, see
``cipher.snapshot_copy``), then renamed: a full or read-only target, or a stick
pulled mid-write, leaves no folder that looks complete, never touches the ledger or the older
backups, and raises :class:`BackupError` with a Chinese message. The last ``keep`` backups stay.

A restore checks the manifest and every hash, opens the copy with the key the recovery code
(or the password) gives, and only then puts it in place; whatever the data folder held before is
moved aside into ``replaced-before-restore-…``, never deleted.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.domain.errors import DomainError
from fieldapp.storage import cipher
from fieldapp.storage.files import fsync_dir, write_atomic

PREFIX = "fieldapp-backup-"
PARTIAL = ".partial"
MANIFEST = "manifest.json"
FORMAT = 1
DB_NAME = "fieldapp.sqlite"
KEYSTORE = "keystore.json"
KEYSTORE_MIRROR = "keystore.mirror.json"
ATTACHMENTS = "attachments"
DEFAULT_KEEP = 7
DEFAULT_EVERY_HOURS = 4


class BackupError(DomainError):
    """A backup could not be written or a backup cannot be restored; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    app_version: str
    device_id: str
    key_id: str
    files: int
    size: int


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _copy(src: Path, dst: Path) -> str:
    """Copy and fsync a file; returns the SHA-256 of the bytes read (one pass over the source)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    return cipher._copy_hashing(src, dst)


def _why(e: OSError, target: Path) -> str:
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"备份位置 {target} 空间不足，备份没有写成。请换一个位置或清理空间；台账和以前的备份都没有受影响。"
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"备份位置 {target} 不能写入（只读或没有权限），备份没有写成。请换一个位置；台账没有受影响。"
    if e.errno in (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE):
        return (
            f"写备份时 {target} 不见了或读写出错（U盘被拔出？），备份没有写成。请插好后重试；台账没有受影响。"
        )
    return f"写备份到 {target} 时出错（{e.strerror or e}），备份没有写成；台账没有受影响。"


def make_backup(
    data_dir: Path,
    key: bytes | None,
    target: Path,
    *,
    keep: int = DEFAULT_KEEP,
    device_id: str = "",
    key_id: str = "",
    now: dt.datetime | None = None,
) -> Path:
    """Write a verified backup of the ledger in `data_dir` into `target`; returns its folder."""
    from fieldapp import __version__

    if keep < 1:
        raise BackupError("保留的备份份数至少为1。")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    final = target / f"{PREFIX}{stamp}"
    partial = target / f"{PREFIX}{stamp}{PARTIAL}"
    try:
        if target.resolve() == data_dir.resolve() or data_dir.resolve() in target.resolve().parents:
            raise BackupError("备份位置不能在数据文件夹里面：请选另一个文件夹或U盘。")
        target.mkdir(parents=True, exist_ok=True)
        partial.mkdir()
        files: dict[str, str] = {}
        # byte for byte (still encrypted), every page authenticated with the key, row counts checked
        files[DB_NAME] = cipher.snapshot_copy(data_dir / DB_NAME, key, partial / DB_NAME)
        for name in (KEYSTORE, KEYSTORE_MIRROR):
            if (data_dir / name).is_file():
                files[name] = _copy(data_dir / name, partial / name)
        store = data_dir / ATTACHMENTS
        if store.is_dir():
            for src in sorted(p for p in store.rglob("*") if p.is_file()):
                rel = src.relative_to(data_dir).as_posix()
                files[rel] = _copy(src, partial / rel)
        manifest = {
            "kind": "fieldapp-backup",
            "format": FORMAT,
            "app_version": __version__,
            "device_id": device_id,
            "key_id": key_id,
            "encrypted": key is not None,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "files": files,
        }
        write_atomic(partial / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        verify(partial)  # read back what is on the target, not what was meant to be written
        os.replace(partial, final)
        fsync_dir(target)
    except BackupError:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    except OSError as e:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(_why(e, target)) from e
    except (cipher.CipherError, cipher.dbapi.DatabaseError) as e:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(
            f"备份写入后核对不符（{e}），这份备份已删除；台账没有受影响。请换一个位置重试。"
        ) from e
    prune(target, keep)
    return final


def list_backups(target: Path) -> list[Path]:
    """The complete backups in `target`, oldest first."""
    if not target.is_dir():
        return []
    return sorted(
        p
        for p in target.iterdir()
        if p.is_dir() and p.name.startswith(PREFIX) and not p.name.endswith(PARTIAL)
    )


def prune(target: Path, keep: int) -> None:
    """Keep the newest `keep` backups; remove older ones and half-written leftovers."""
    for old in list_backups(target)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    for leftover in target.glob(f"{PREFIX}*{PARTIAL}"):
        shutil.rmtree(leftover, ignore_errors=True)


def read_manifest(backup: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{backup} 不是 fieldapp 的备份（没有 {MANIFEST}），或者备份没有写完。") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise BackupError(f"{backup} 的备份说明文件已损坏（{e}），不能用它恢复。请换一份备份。") from None
    if not isinstance(manifest, dict) or manifest.get("kind") != "fieldapp-backup":
        raise BackupError(f"{backup} 不是 fieldapp 的备份。")
    if not isinstance(manifest.get("format"), int) or manifest["format"] > FORMAT:
        raise BackupError(f"{backup} 由更新版本的 fieldapp 制作，请先安装最新版本再恢复。")
    files = manifest.get("files")
    if not isinstance(files, dict) or DB_NAME not in files:
        raise BackupError(f"{backup} 的备份说明文件不完整，不能用它恢复。")
    return manifest


def verify(backup: Path) -> BackupInfo:
    """Every file present with the hash the manifest gives; BackupError otherwise."""
    manifest = read_manifest(backup)
    size = 0
    for rel, digest in manifest["files"].items():
        path = backup / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            raise BackupError(f"{backup} 的备份说明文件含有不安全的路径 {rel}，不能用它恢复。")
        if not path.is_file():
            raise BackupError(f"备份 {backup} 缺少文件 {rel}，已损坏，不能用它恢复。请换一份备份。")
        if _sha256(path) != digest:
            raise BackupError(
                f"备份 {backup} 中的 {rel} 与备份时不符（已损坏或被改动），不能用它恢复。请换一份备份。"
            )
        size += path.stat().st_size
    return BackupInfo(
        backup,
        str(manifest.get("created_at", "")),
        str(manifest.get("app_version", "")),
        str(manifest.get("device_id", "")),
        str(manifest.get("key_id", "")),
        len(manifest["files"]),
        size,
    )


def key_from_backup_password(backup: Path, password: str) -> bytes:
    """Unlock the backup's own keystore (in a scratch copy: a stick may be read-only)."""
    from fieldapp.security import vault

    with tempfile.TemporaryDirectory(prefix="fieldapp-restore-") as tmp:
        for name in (KEYSTORE, KEYSTORE_MIRROR):
            if (backup / name).is_file():
                shutil.copyfile(backup / name, Path(tmp) / name)
        if not vault.vault_exists(Path(tmp)):
            raise BackupError("这份备份里没有密钥文件，只能用恢复码恢复。")
        return vault.unlock(Path(tmp), password)


def restore(backup: Path, data_dir: Path, key: bytes) -> Path | None:
    """Put a verified backup in place of the ledger in `data_dir` (made if missing).

    `key` must open the backup (from the recovery code or the backup's password). Returns the
    folder the previous contents of `data_dir` were moved into, or None when there were none."""
    from fieldapp.security import vault

    info = verify(backup)
    if info.key_id and info.key_id != vault.key_id(key):
        raise BackupError(
            "这份备份不是用这个恢复码（或密码）加密的台账，可能是别的干部或别的电脑的备份。数据文件夹没有改动。"
        )
    conn = cipher.connect(backup / DB_NAME, key)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except cipher.dbapi.DatabaseError as e:
        raise BackupError(f"备份中的台账无法用这个恢复码（或密码）解开（{e}）。数据文件夹没有改动。") from e
    finally:
        conn.close()
    if problems != ["ok"]:
        raise BackupError(f"备份中的台账已损坏（{problems[0]}），不能用它恢复。数据文件夹没有改动。")
    data_dir.mkdir(parents=True, exist_ok=True)
    moved: Path | None = None
    present = [
        p
        for p in data_dir.iterdir()
        if p.name in (DB_NAME, KEYSTORE, KEYSTORE_MIRROR, ATTACHMENTS) or p.name.startswith(DB_NAME)
    ]
    if present:
        moved = data_dir / f"replaced-before-restore-{dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}"
        moved.mkdir()
        for p in present:
            os.replace(p, moved / p.name)
        fsync_dir(data_dir)
    try:
        manifest = read_manifest(backup)
        for rel in manifest["files"]:
            _copy(backup / rel, data_dir / f"{rel}.restoring")
            os.replace(data_dir / f"{rel}.restoring", data_dir / rel)
        fsync_dir(data_dir)
    except OSError as e:
        for rel in read_manifest(backup)["files"]:
            (data_dir / f"{rel}.restoring").unlink(missing_ok=True)
        raise BackupError(
            f"恢复时写入 {data_dir} 出错（{e.strerror or e}）。原来的文件在 {moved or '（无）'} 中，没有丢失。"
        ) from e
    return moved
