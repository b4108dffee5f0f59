"""Request bodies, with the limits that keep a malformed or oversized push a clean 4xx.

Every string that reaches a query is bounded and free of NUL (PostgreSQL refuses NUL in
text, which would otherwise surface as a 500); ids are UUID-shaped; integers fit the
columns they are compared with.
"""
from __future__ import annotations

from typing import Annotated
from typing import Any
from typing import Literal

from pydantic import AfterValidator
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StringConstraints

MAX_BATCH = 1000
MAX_PAGE = 20_000
MAX_EXCLUDED = 20_000
INT32 = 2**31 - 1
INT64 = 2**63 - 1
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


def Text(min_length: int = 1, max_length: int = 64):  # noqa: N802 - reads as a type
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length),
                     AfterValidator(_no_nul)]


Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
TableName = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[a-z_]+$")]
DeviceId = Text(1, 64)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginRequest(Strict):
    username: Text(1, 64)
    password: Text(1, 256)
    device_id: DeviceId


class RefreshRequest(Strict):
    refresh_token: Text(16, 128)
    device_id: DeviceId


class Mutation(Strict):
    mutation_id: Uuid
    table: TableName
    row_id: Uuid
    op: Literal["insert", "update", "delete"]
    base_version: int = Field(ge=0, le=INT32)
    # field -> [old, new]; the values are checked field by field against the model
    # (app/sync/wire.py), so one bad value rejects that mutation with a reason.
    changes: dict[Text(1, 64), tuple[Any, Any]] = Field(max_length=64)


class PushRequest(Strict):
    schema_version: Text(1, 32)
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)


class PullRequest(Strict):
    cursor: int = Field(ge=0, le=INT64)
    limit: int = Field(default=5000, ge=1, le=MAX_PAGE)
    # The watermark of the desktop's last full scope check: the last page then says
    # whether its scope may have changed since (see CheckRequest.since).
    since: int | None = Field(default=None, ge=0, le=INT64)


class CheckRequest(Strict):
    tables: list[TableName] = Field(default_factory=list, max_length=32)
    # Rows the desktop holds edits for (pending, conflicting or rejected): both sides
    # leave them out, so an open conflict does not look like a broken scope every cycle.
    exclude: dict[TableName, Annotated[list[Uuid], Field(max_length=MAX_EXCLUDED)]] = Field(
        default_factory=dict, max_length=32)
    # The watermark of the desktop's last full check: if nothing since then can have changed
    # which rows are in its scope, the server says so instead of counting every row.
    since: int | None = Field(default=None, ge=0, le=INT64)


class IdsRequest(Strict):
    table: TableName


class RowsRequest(Strict):
    table: TableName
    ids: list[Uuid] = Field(max_length=MAX_PAGE)


HASH = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class AuditEntryWire(Strict):
    """One link of a desktop's audit chain (app/audit.py); the device is the token's."""
    id: Uuid
    seq: int = Field(ge=1, le=INT32)
    at: Text(1, 40)
    user_id: Uuid | None = None
    action: Text(1, 16)
    table_name: Text(1, 32) | None = None
    row_id: Uuid | None = None
    detail: dict[Text(1, 64), Any] | None = None
    note: Text(0, 20_000) | None = None
    prev_hash: HASH
    entry_hash: HASH


class AuditPushRequest(Strict):
    entries: list[AuditEntryWire] = Field(min_length=1, max_length=MAX_BATCH)
