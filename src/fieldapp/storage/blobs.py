"""Files kept beside the database (document photos): encrypted with a key derived from its key.

Format of an encrypted file: ``FAENC1\\n`` + 12-byte nonce + ChaCha20-Poly1305 ciphertext of the
content, with the file's name (its SHA-256) as associated data, so a file swapped for another
one is refused. Files written before encryption existed have no magic and are read as they are
until :func:`encrypt_folder` converts them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.storage.cipher import erase
from fieldapp.storage.files import write_atomic

MAGIC = b"FAENC1\n"


class BlobError(Exception):
    """An encrypted file cannot be read with this key (damaged, swapped or from elsewhere)."""


def _file_key(key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"fieldapp files v1").derive(key)


def seal(key: bytes, data: bytes, name: str) -> bytes:
    nonce = secrets.token_bytes(12)
    return MAGIC + nonce + ChaCha20Poly1305(_file_key(key)).encrypt(nonce, data, name.encode())


def unseal(key: bytes | None, blob: bytes, name: str) -> bytes:
    if not blob.startswith(MAGIC):
        return blob  # a plaintext file from before encryption
    if key is None:
        raise BlobError(f"{name} 已加密，需要先登录")
    body = blob[len(MAGIC) :]
    try:
        return ChaCha20Poly1305(_file_key(key)).decrypt(body[:12], body[12:], name.encode())
    except InvalidTag as e:
        raise BlobError(f"文件 {name} 已损坏或被替换，无法解密") from e


def write(path: Path, data: bytes, key: bytes | None) -> None:
    """Atomic write (temporary name, fsync, rename), encrypted when there is a key."""
    content = seal(key, data, path.name) if key is not None else data
    write_atomic(path, content, tmp=path.with_name(path.name + ".part"))


def read(path: Path, key: bytes | None) -> bytes:
    return unseal(key, path.read_bytes(), path.name)


def encrypt_folder(folder: Path, key: bytes) -> int:
    """Encrypt every plaintext file under `folder` in place; returns how many were converted."""
    if not folder.is_dir():
        return 0
    done = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.endswith(".part"):
            continue
        with path.open("rb") as f:  # runs at every start: look at the header, not the photo
            if f.read(len(MAGIC)) == MAGIC:
                continue
        data = path.read_bytes()
        sealed_tmp = path.with_name(path.name + ".part")
        with sealed_tmp.open("wb") as f:
            f.write(seal(key, data, path.name))
            f.flush()
            os.fsync(f.fileno())
        erase(path)  # zeros over the plaintext before the sealed copy takes its name
        os.replace(sealed_tmp, path)
        done += 1
    return done
