"""Demo stays demo: a demo profile never signs in to a real network, and the window says DEMO
only over demo data.

Before a sign-in sends the password the desktop asks the server's /health whether it holds
demo data (`server --init-demo`; server/demo_mark.py). A demo profile (synthetic patients made
on this desktop) meeting a real server is refused here, before the password or any change
leaves: its 2,000 invented patients would otherwise go out as a real case manager's work. What
the server said is kept in the profile, so the title shows DEMO for a profile synced with a
demo server (its data is demo data) and never for one on a real network.

For the person who wanted the real network, `new_profile_for` makes an empty profile beside the
demo one, set up for that server; the demo profile stays as it is.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
import orjson

from app.profile import Profile
from app.profile import profile_exists
from app.settings import Settings
from app.sync import errors
from app.sync.errors import SyncError

if TYPE_CHECKING:
    from app.profile import Profile

SERVER_DEMO_KEY = "sync.server_demo"  # LocalState: "1" the server holds demo data, "0" a real network
REAL_SERVER = "demo.real_server"  # ui/problem_templates/demo.py


def server_is_demo(client) -> bool:
    """The server's word (GET /health, unsigned); a server that does not say is not a demo."""
    try:
        answer = client.http.get("/health")
    except httpx.TimeoutException as exc:
        raise SyncError(errors.TIMEOUT, detail=type(exc).__name__) from exc
    except httpx.TransportError as exc:
        raise SyncError(errors.OFFLINE, detail=f"{type(exc).__name__}: {exc}") from exc
    if answer.status_code >= 400:
        raise errors.from_answer(answer.status_code, answer.content, answer.headers)
    try:
        body = orjson.loads(answer.content)
    except orjson.JSONDecodeError as exc:
        raise SyncError(errors.UNREADABLE, detail="the health answer is not JSON") from exc
    return isinstance(body, dict) and body.get("demo") is True


def check_before_sign_in(profile: Profile, client) -> None:
    """A demo profile asks the server first and is refused (SyncError, code demo.real_server)
    by a real one before anything else is sent. Other profiles ask nothing extra: the sign-in's
    answer says whether the server holds demo data (SyncClient hands it to `heard`)."""
    if profile.is_demo and not server_is_demo(client):
        raise refused(client.base_url)


def heard(profile: Profile, demo: bool, url: str) -> None:
    """A sign-in's or token refresh's answer said whether the server holds demo data. A demo
    profile that signed in to a real network before this check existed stops at its next token,
    before its cycle pushes anything."""
    if profile.is_demo and not demo:
        raise refused(url)
    remember(profile, demo)


def refused(url: str) -> SyncError:
    return SyncError(errors.REFUSED, code=REAL_SERVER, params={"server": url},
                     detail=f"a demo profile does not sign in to the real server {url}")


def remember(profile: Profile, demo: bool) -> None:
    """What the server said at a sign-in or token refresh (written only when it changed)."""
    value = "1" if demo else "0"
    if profile.get_local(SERVER_DEMO_KEY) != value:
        profile.set_local(SERVER_DEMO_KEY, value)


def shows_demo_data(profile: Profile) -> bool:
    """DEMO in the title: a profile synced with a demo server, or a demo profile not (yet) on a
    server; never a profile the server said is on a real network."""
    said = profile.get_local(SERVER_DEMO_KEY)
    if said:
        return said == "1"
    return profile.is_demo


def new_profile_for(demo_profile, url: str, username: str = "") -> Path:
    """An empty profile beside the demo one (`<dir>-<server host>`, numbered if taken), set up
    for the server at `url` in the demo profile's language. Nothing of the demo profile is read
    but its language, nothing of it changes. Returns the new profile's directory.

    Asked again (CaseDesk opened on the demo profile once more, the same server), the profile
    made the first time is the answer: a person gets one profile per network, not one a day."""
    url = url.strip().rstrip("/")
    made = _made_before(demo_profile.path, url)
    if made is not None:
        point_default_to(demo_profile.path, made)
        return made
    path = _free_dir(demo_profile.path, url)
    profile = Profile.open(path, exclusive=True)
    try:
        settings = profile.settings
        settings.set("sync.server_url", url)
        if username.strip():
            settings.set("sync.username", username.strip())
        settings.set("ui.language", demo_profile.settings.get("ui.language"))
        settings.save()
        profile.set_local(SERVER_DEMO_KEY, "0")  # made for a real network: never DEMO
    finally:
        profile.close()
    point_default_to(demo_profile.path, path)
    return path


def point_default_to(demo_dir: Path, path: Path) -> None:
    """If the demo profile is the one CaseDesk opens by default, the new one is from now on:
    the next start opens the real network's profile, not the demo again."""
    from app.profile import base_profile_dir
    from app.profile import profile_pointer

    if Path(demo_dir).resolve() != base_profile_dir().resolve():
        return  # a profile given with --profile: the person chooses each time
    pointer = profile_pointer()
    partial = pointer.with_name(pointer.name + ".part")
    partial.write_text(str(Path(path).resolve()) + "\n", encoding="utf-8")
    partial.replace(pointer)


def _candidates(demo_dir: Path, url: str):
    host = urlsplit(url).hostname or "server"
    name = f"{demo_dir.name}-{re.sub(r'[^A-Za-z0-9.-]+', '-', host).strip('.-') or 'server'}"
    yield demo_dir.parent / name
    number = 1
    while True:
        number += 1
        yield demo_dir.parent / f"{name}-{number}"


def _free_dir(demo_dir: Path, url: str) -> Path:
    return next(c for c in _candidates(demo_dir, url) if not c.exists() or not any(c.iterdir()))


def _made_before(demo_dir: Path, url: str) -> Path | None:
    """A profile an earlier offer made for this server (its settings name it), if any."""
    for candidate in _candidates(demo_dir, url):
        if not candidate.exists() or not any(candidate.iterdir()):
            return None  # the numbering has no gaps: past the first free name there are none
        if profile_exists(candidate) and Settings(candidate / "settings.json").get("sync.server_url") == url:
            return candidate
    return None
