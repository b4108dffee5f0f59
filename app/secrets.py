"""Secrets live in the OS keyring, never in files or settings.

No plaintext fallback: if the only keyring backend is a fail or file-based one, CaseDesk
says so and refuses, rather than writing a token or key to disk.
"""
from __future__ import annotations

import keyring
import keyring.errors

from app.errors import CaseDeskError

SERVICE = "CaseDesk"
_INSECURE = ("fail", "null", "chainer")
_PLAINTEXT = ("keyrings.alt",)


class KeyringUnavailable(CaseDeskError):
    pass


def _backend():
    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = type(backend).__name__.lower()
    if module.startswith(_PLAINTEXT) or any(word in module.split(".")[-1] for word in _INSECURE) \
            or getattr(backend, "priority", 1) <= 0:
        raise KeyringUnavailable.coded("keyring.none", backend=f"{module}.{name}")
    return backend


def get(name: str) -> str | None:
    try:
        return _backend().get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.coded("keyring.unreadable", reason=str(exc)) from exc


def put(name: str, value: str) -> None:
    try:
        _backend().set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.coded("keyring.unwritable", reason=str(exc)) from exc


def delete(name: str) -> None:
    try:
        _backend().delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.coded("keyring.unwritable", reason=str(exc)) from exc
