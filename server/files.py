"""Files published once for every desktop: pathway rule files, risk rule files, holiday years and
letter templates (table published_files). Desktops fetch them with their next sync
(app/sync/files.py).

A file is checked with the loader the desktop uses (app/pathway/published.py) before it is
stored, so a bad file is refused here with its line and never reaches a desktop. Publishing
several files is all or none. The current file of a (kind, name) is the latest one not
withdrawn; publishing the same bytes again changes nothing and says so. Every publication
and withdrawal is in the security log.

Endpoints (signed in; the edge checks the token before the body is read, server/http.py):
  GET  /files                  any signed-in person: the current files, without content
  GET  /files/{id}             the content, UTF-8 text
  POST /files                  administrator: {"kind"?, "name", "content"} -> the entry; 422
                               files.refused with params file, kind, line and reason
                               ({code, field, params}: the loader's problem) when the file is bad
  POST /files/{id}/withdraw    administrator
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fastapi import Request
from fastapi import Response
from fastapi import Security
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.pathway import published as checks
from app.problems import Problem
from app.problems import ProblemError
from db.ids import uuid7
from db.models import PublishedFile
from db.models import User
from db.models.enums import Role
from server import security_log
from server.refusal import Refusal

_UUID = re.compile(r"^[0-9a-fA-F-]{36}$")


@dataclass(frozen=True)
class Outcome:
    entry: PublishedFile
    changed: bool  # False: the same bytes were already the current file


def current(session: Session) -> list[PublishedFile]:
    """The current file of each (kind, name), ordered by kind and name."""
    rows = session.scalars(select(PublishedFile).where(PublishedFile.withdrawn_at.is_(None))
                           .order_by(PublishedFile.kind, PublishedFile.name, PublishedFile.published_at.desc(),
                                     PublishedFile.id.desc()))
    found: dict[tuple[str, str], PublishedFile] = {}
    for row in rows:
        found.setdefault((row.kind, row.name), row)
    return list(found.values())


def publish(session: Session, kind: str | None, name: str, content: str, by_user: User,
            client_addr: str | None = None) -> Outcome:
    return publish_many(session, [(name, content)], by_user, kind, client_addr)[0]


def publish_many(session: Session, files: list[tuple[str, str]], by_user: User, kind: str | None = None,
                 client_addr: str | None = None) -> list[Outcome]:
    """Check every file, then store the changed ones; ProblemError with every bad file's problems
    (nothing stored) if any is bad. `kind` None: each file's kind from its name and content.
    The caller commits."""
    live = {(f.kind, f.name): f for f in current(session)}
    planned = [((kind or checks.infer_kind(name, content)), name, content) for name, content in files]
    # Pathway rule files load as one set: the published ones with this batch's in their place.
    rule_set = {n: f.content for (k, n), f in live.items() if k == "rules"}
    rule_set.update({n: c for k, n, c in planned if k == "rules"})
    problems: list[Problem] = []
    checked = []
    for k, name, content in planned:
        try:
            checked.append((checks.validate(k, name, content, rule_set), content))
        except ProblemError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ProblemError(problems)
    now = clock.now()
    outcomes = []
    for done, content in checked:
        before = live.get((done.kind, done.name))
        if before is not None and before.sha256 == done.sha256:
            outcomes.append(Outcome(before, False))
            continue
        entry = PublishedFile(id=uuid7(), kind=done.kind, name=done.name, version=done.version, sha256=done.sha256,
                              content=content, published_by=by_user.id, published_at=now)
        session.add(entry)
        security_log.record(session, "file_published", user_id=by_user.id, client_addr=client_addr,
                            detail={"id": entry.id, "kind": done.kind, "name": done.name, "version": done.version,
                                    "sha256": done.sha256})
        live[(done.kind, done.name)] = entry
        outcomes.append(Outcome(entry, True))
    session.flush()
    return outcomes


def withdraw(session: Session, file_id: str, by_user: User, client_addr: str | None = None) -> PublishedFile:
    """The file is no longer current: desktops remove it at their next sync (an earlier publication
    of the same name, if any, becomes current again; otherwise the bundled file is used)."""
    entry = session.get(PublishedFile, file_id, with_for_update=True) if _UUID.match(file_id or "") else None
    if entry is None:
        raise ProblemError(Problem("files.unknown", "id", {"id": file_id}))
    if entry.withdrawn_at is not None:
        raise ProblemError(Problem("files.already_withdrawn", "id", {"id": file_id, "file": entry.name,
                                                                     "at": _day(entry.withdrawn_at)}))
    entry.withdrawn_at, entry.withdrawn_by = clock.now(), by_user.id
    security_log.record(session, "file_withdrawn", user_id=by_user.id, client_addr=client_addr,
                        detail={"id": entry.id, "kind": entry.kind, "name": entry.name, "version": entry.version})
    session.flush()
    return entry


def usernames(session: Session, entries: list[PublishedFile]) -> dict[str, str]:
    ids = {e.published_by for e in entries}
    return dict(session.execute(select(User.id, User.username).where(User.id.in_(ids))).all()) if ids else {}


def as_json(entry: PublishedFile, names: dict[str, str]) -> dict:
    return {"id": entry.id, "kind": entry.kind, "name": entry.name, "version": entry.version,
            "sha256": entry.sha256, "size": len(entry.content.encode("utf-8")),
            "published_at": entry.published_at.astimezone(dt.timezone.utc).isoformat(),
            "published_by": names.get(entry.published_by, entry.published_by)}


def _day(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


# -- HTTP -----------------------------------------------------------------------------------

class PublishRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str | None = Field(default=None, max_length=16)
    name: str = Field(min_length=1, max_length=120)
    content: str = Field(max_length=checks.MAX_BYTES)


def _refusal(exc: ProblemError) -> Refusal:
    """A bad file: 422 files.refused with its file, kind, line and the loader's problem as reason."""
    head = exc.problems[0]
    if head.code == "files.refused":
        reason = exc.problems[1] if len(exc.problems) > 1 else head
        return Refusal(422, "files.refused", f"{head.params['file']} refused: {reason}",
                       {**head.params, "reason": reason.to_json()})
    status = 404 if head.code == "files.unknown" else 409 if head.code == "files.already_withdrawn" else 422
    return Refusal(status, head.code, str(head), dict(head.params))


def register(app, sessions) -> None:
    from server.app import SIGNED_IN
    from server.app import bearer
    from server.app import client_addr
    from server.app import errors

    def signed_in(session: Session, request: Request, admin: bool) -> User:
        identity = getattr(request.state, "identity", None)
        user: User | None
        if identity is None:  # an app built without the edge's token check
            from server import auth

            scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
            user, _ = auth.authenticate(session, token.strip() if scheme.lower() == "bearer" else None)
        else:
            user = session.get(User, identity.user_id)
        if user is None or not user.active:
            raise Refusal(403, "auth.account_disabled", "this account is disabled")
        if admin and user.role != Role.ADMIN.value:
            security_log.record_alone(sessions, "scope_refused", code="files.admin_only", user_id=user.id,
                                      client_addr=client_addr(request), detail={"path": request.url.path})
            raise Refusal(403, "files.admin_only", "only an administrator publishes or withdraws files")
        return user

    @app.get("/files", responses=errors(*SIGNED_IN), dependencies=[Security(bearer)])
    def list_files(request: Request):
        """The current published files (no content): what a desktop's next sync brings."""
        with sessions() as session:
            signed_in(session, request, admin=False)
            entries = current(session)
            names = usernames(session, entries)
            return {"files": [as_json(e, names) for e in entries]}

    @app.get("/files/{file_id}", response_class=Response, dependencies=[Security(bearer)],
             responses={200: {"description": "the file, UTF-8 text", "content": {"text/plain": {}}},
                        **{k: v for k, v in errors(*SIGNED_IN, 404).items() if k != 200}})
    def file_content(file_id: str, request: Request):
        with sessions() as session:
            signed_in(session, request, admin=False)
            entry = session.get(PublishedFile, file_id) if _UUID.match(file_id) else None
            if entry is None:
                raise Refusal(404, "files.unknown", "no published file has this id", {"id": file_id})
            return Response(entry.content.encode("utf-8"), media_type="text/plain; charset=utf-8",
                            headers={"X-Sha256": entry.sha256})

    @app.post("/files", responses=errors(*SIGNED_IN), dependencies=[Security(bearer)])
    def publish_file(body: PublishRequest, request: Request):
        with sessions() as session:
            user = signed_in(session, request, admin=True)
            try:
                outcome = publish(session, body.kind, body.name, body.content, user, client_addr(request))
            except ProblemError as exc:
                session.rollback()
                raise _refusal(exc) from None
            session.commit()
            return {**as_json(outcome.entry, usernames(session, [outcome.entry])), "changed": outcome.changed}

    @app.post("/files/{file_id}/withdraw", responses=errors(*SIGNED_IN, 404, 409), dependencies=[Security(bearer)])
    def withdraw_file(file_id: str, request: Request):
        with sessions() as session:
            user = signed_in(session, request, admin=True)
            try:
                entry = withdraw(session, file_id, user, client_addr(request))
            except ProblemError as exc:
                session.rollback()
                raise _refusal(exc) from None
            session.commit()
            assert entry.withdrawn_at is not None  # withdrawn just now
            return {**as_json(entry, usernames(session, [entry])),
                    "withdrawn_at": entry.withdrawn_at.astimezone(dt.timezone.utc).isoformat()}
