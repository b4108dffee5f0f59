"""Where the desktop may send a password and tokens, and whom it trusts there.

Cleartext `http://` is allowed only to this machine (loopback: a server on the same laptop, the
demo, the tests); to any other host the address is refused before a connection is opened,
so a password never crosses a county network in clear. Certificates are checked against the
operating system's store (`truststore`): a hospital CA installed in Windows, macOS's keychain,
or Debian's /etc/ssl/certs works without a CaseDesk setting of its own.
"""
from __future__ import annotations

import ipaddress
import ssl
from urllib.parse import urlsplit

import truststore

from app.problems import Problem
from app.sync import errors
from app.sync.errors import SyncError

CLEARTEXT = "endpoint.cleartext"  # http:// to a host other than this machine
BAD_ADDRESS = "endpoint.bad_address"  # not an http(s) URL with a host
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def problem(url: str) -> Problem | None:
    """Why this server address may not be used, or None when it may."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return Problem(BAD_ADDRESS, "url", {"url": url})
    if parts.scheme == "http" and not is_loopback(host):
        return Problem(CLEARTEXT, "url", {"host": host, "url": url.strip(),
                                          "https_url": "https://" + url.strip()[len("http://"):]})
    return None


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost only: names that could be pointed elsewhere by DNS are not."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked(url: str) -> ssl.SSLContext:
    """The TLS context to reach `url` with, after refusing an address that may not be used
    (a SyncError of kind no_server: the address in the settings must change, nothing was sent)."""
    found = problem(url)
    if found is not None:
        raise SyncError(errors.NO_SERVER, code=found.code, params=found.params,
                        detail=f"refused before connecting: {found}")
    return ssl_context()


def ssl_context() -> ssl.SSLContext:
    """Verification by the operating system's certificate store, hostname checked. Built per
    client, so a CA the administrator installs while CaseDesk runs counts from the next sync."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
