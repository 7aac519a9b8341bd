"""Writing a file so that a crash, a power cut or a pulled stick leaves the old one or the new one.

Temporary name, fsync, rename over the target, fsync the folder (so the rename itself survives a
power cut where the file system allows it). One routine for the keystore, the document photos,
headquarters' templates and the batch files on a USB stick.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes, *, tmp: Path | None = None) -> None:
    """Write `data` to `path` whole or not at all; `tmp` is the temporary name (default NAME.tmp).

    On any failure (disk full, stick pulled, the target a folder) the temporary file is removed
    before the error propagates: it may hold personal data and must not stay behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = tmp if tmp is not None else path.with_name(path.name + ".tmp")
    try:
        with partial.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
