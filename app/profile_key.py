"""Each profile's database is encrypted (SQLCipher) with its own random 256-bit key,
kept in the OS keyring under the profile's id. The profile directory holds only the id
(profile.json), never the key, so a copied or stolen directory reveals nothing.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from app import secrets
from app.errors import ProfileError
from db.ids import uuid7

MANIFEST = "profile.json"
FORMAT = 1
# SQLCipher encrypts and authenticates page by page; 16 KiB pages load a first sync of
# 1.7M rows ~10% faster than SQLCipher's 4 KiB default (fewer pages, each HMAC'd once).
# A file can only be opened with the page size it was written with, so the manifest
# records it; a manifest without one is from before (4 KiB).
PAGE_SIZE = 16_384
LEGACY_PAGE_SIZE = 4096


def read_manifest(path: Path) -> dict | None:
    try:
        return json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ProfileError.coded("profile.manifest_damaged", path=str(path / MANIFEST), reason=str(exc)) from exc


def _key_name(profile_id: str) -> str:
    return f"dbkey:{profile_id}"


def page_size(manifest: dict) -> int:
    return int(manifest.get("page_size", LEGACY_PAGE_SIZE))


def new_key(path: Path, page_size: int = PAGE_SIZE) -> bytes:
    """A fresh key, stored in the keyring before any file names it."""
    profile_id = uuid7()
    key = os.urandom(32)
    secrets.put(_key_name(profile_id), key.hex())
    tmp = path / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"id": profile_id, "format": FORMAT, "encrypted": True, "page_size": page_size}),
                   encoding="utf-8")
    os.replace(tmp, path / MANIFEST)
    return key


def load_key(path: Path, manifest: dict) -> bytes:
    value = secrets.get(_key_name(manifest.get("id", "")))
    if not value:
        raise ProfileError.coded("profile.key_missing", path=str(path))
    try:
        key = bytes.fromhex(value)
    except ValueError as exc:
        raise ProfileError.coded("profile.key_damaged", path=str(path)) from exc
    if len(key) != 32:
        raise ProfileError.coded("profile.key_damaged", path=str(path))
    return key


def encrypt_plain_database(db_path: Path, key: bytes) -> None:
    """Turn an unencrypted profile database (an older CaseDesk) into an encrypted one."""
    import sqlcipher3

    plain = sqlite3.connect(db_path)
    plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    plain.execute("PRAGMA journal_mode=DELETE")
    plain.close()
    tmp = db_path.with_name(db_path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(db_path))
    try:
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    os.replace(tmp, db_path)


def forget(path: Path) -> None:
    """Remove the profile's key from the keyring (its directory is gone or going)."""
    manifest = read_manifest(path)
    if manifest is not None and manifest.get("id"):
        secrets.delete(_key_name(manifest["id"]))
