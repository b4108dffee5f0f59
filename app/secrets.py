"""Secrets live in the OS keyring, never in files or settings.

No plaintext fallback: if the only keyring backend is a fail or file-based one, CaseDesk
says so and refuses, rather than writing a token or key to disk.

No endless wait either: a locked Secret Service collection asks the system's prompter to
unlock it, and the D-Bus call returns only when someone answers. From a command with
nobody at the screen (cron, ssh, a service) that is never; so a command refuses a locked
keyring at once, and every keyring call has a deadline. The window, where a person can
answer the prompt, allows it with allow_unlock_prompt().
"""
from __future__ import annotations

import threading
from contextlib import closing

import keyring
import keyring.errors

from app.errors import CaseDeskError

SERVICE = "CaseDesk"
_INSECURE = ("fail", "null", "chainer")
_PLAINTEXT = ("keyrings.alt",)
DEADLINE_S = 5.0  # a keyring answers in ms; with Python's start a command says so within 10 s
_prompt_wait_s: float | None = None  # None: nobody to answer an unlock prompt


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


def allow_unlock_prompt(seconds: float = 120.0) -> None:
    """For the window: a locked keyring shows the system's unlock prompt and waits this long
    for the person at the screen to answer it."""
    global _prompt_wait_s
    _prompt_wait_s = seconds


def get(name: str) -> str | None:
    try:
        return _call(lambda backend: backend.get_password(SERVICE, name))
    except keyring.errors.KeyringLocked as exc:
        raise KeyringUnavailable.coded("edge.keyring_locked") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.coded("keyring.unreadable", reason=str(exc)) from exc


def put(name: str, value: str) -> None:
    try:
        _call(lambda backend: backend.set_password(SERVICE, name, value))
    except keyring.errors.KeyringLocked as exc:
        raise KeyringUnavailable.coded("edge.keyring_locked") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.coded("keyring.unwritable", reason=str(exc)) from exc


def delete(name: str) -> None:
    try:
        _call(lambda backend: backend.delete_password(SERVICE, name))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringLocked as exc:
        raise KeyringUnavailable.coded("edge.keyring_locked") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.coded("keyring.unwritable", reason=str(exc)) from exc


def _call(operation):
    """operation(backend) on a worker thread, waited for until the deadline: a D-Bus call
    that never returns is left behind on its (daemon) thread, not waited for."""
    box: dict = {}
    prompt = _prompt_wait_s

    def work():
        try:
            backend = _backend()
            if prompt is None and _locked(backend):
                box["locked"] = True
                return
            box["value"] = operation(backend)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="keyring", daemon=True)
    worker.start()
    deadline = DEADLINE_S if prompt is None else max(DEADLINE_S, prompt)
    worker.join(deadline)
    if worker.is_alive():
        raise KeyringUnavailable.coded("edge.keyring_no_answer", seconds=round(deadline))
    if box.get("locked"):
        raise KeyringUnavailable.coded("edge.keyring_locked")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _locked(backend) -> bool:
    """A Secret Service collection that is locked (asked without unlocking it: no prompt)."""
    try:
        import secretstorage
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring
    except ImportError:  # Windows, macOS: their keyrings have no locked state to wait on
        return False
    if not isinstance(backend, SecretServiceKeyring):
        return False
    with closing(secretstorage.dbus_init()) as bus:
        try:
            # not get_default_collection(): where there is none it creates one, which prompts
            path = getattr(backend, "preferred_collection", None)
            collection = secretstorage.Collection(bus, path) if path else secretstorage.Collection(bus)
            return collection.is_locked()
        except secretstorage.exceptions.SecretStorageException:
            return False  # no such collection: keyring itself says what is wrong (within the deadline)
