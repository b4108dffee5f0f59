"""Request bodies, with the limits that keep a malformed or oversized push a clean 4xx.

Every string that reaches a query is bounded and free of NUL (PostgreSQL refuses NUL in
text, which would otherwise surface as a 500); ids are UUID-shaped; integers fit the
columns they are compared with.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from typing import Annotated
from typing import Any
from typing import Literal
from typing import TypeAlias
from typing import Union

from pydantic import AfterValidator
from pydantic import BaseModel
from pydantic import BeforeValidator
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StringConstraints
from pydantic import WithJsonSchema
from typing_extensions import TypeAliasType

from server.pull import PULLED

MAX_BATCH = 1000
MAX_PAGE = 20_000
MAX_EXCLUDED = 20_000
INT32 = 2**31 - 1
INT64 = 2**63 - 1
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


NO_NUL = r"^[^\x00]*$"  # in the schema itself, so a fuzzer knows NUL is refused


def Text(min_length: int = 1, max_length: int = 64) -> StringConstraints:  # noqa: N802 - reads as a type
    """Bounds for a text without NUL: Annotated[str, Text(1, 64)] (a call is no type to a checker)."""
    return StringConstraints(min_length=min_length, max_length=max_length, pattern=NO_NUL)


def _no_bool(value: Any) -> Any:
    # JSON's true is not a number; pydantic's lax mode would take it as 1
    if isinstance(value, bool):
        raise ValueError("a number is needed, not true/false")
    return value


NOT_BOOL = BeforeValidator(_no_bool)  # Annotated[int, Field(ge=…, le=…), NOT_BOOL]


def _utc_time(value: str) -> str:
    """An ISO 8601 time with its zone, as the columns take it (app/sync/wire.py)."""
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("needs a time zone")
    try:
        parsed.astimezone(dt.timezone.utc)
    except OverflowError:
        raise ValueError("is outside the calendar") from None
    return value


Time = Annotated[str, StringConstraints(min_length=1, max_length=40), AfterValidator(_utc_time),
                 WithJsonSchema({"type": "string", "format": "date-time", "maxLength": 40})]
NoNulText = Annotated[str, StringConstraints(pattern=NO_NUL)]
# A JSON value PostgreSQL's jsonb can hold: no NUL in any string or key, nested at most a little.
if TYPE_CHECKING:  # mypy reads a recursive alias written plainly, pydantic needs TypeAliasType
    JsonValue: TypeAlias = Union[NoNulText, int, float, bool, None, list["JsonValue"], dict[NoNulText, "JsonValue"]]
else:
    JsonValue = TypeAliasType("JsonValue", Union[NoNulText, int, float, bool, None, list["JsonValue"],
                                                 dict[NoNulText, "JsonValue"]])


Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
TableName = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[a-z_]+$")]
DeviceId = Annotated[str, Text(1, 64)]
DeviceName = Annotated[str, Text(0, 64)]
AppVersion = Annotated[str, Text(0, 32)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginRequest(Strict):
    username: Annotated[str, Text(1, 64)]
    password: Annotated[str, Text(1, 256)]
    device_id: DeviceId
    # What the administrator's device list shows (server/devices.py); older desktops omit them.
    device_name: DeviceName | None = None
    app_version: AppVersion | None = None


class PasswordChangeRequest(Strict):
    """A person's own password change: the old password is checked as a sign-in is."""
    username: Annotated[str, Text(1, 64)]
    old_password: Annotated[str, Text(1, 256)]
    new_password: Annotated[str, Text(1, 256)]
    device_id: DeviceId


class RefreshRequest(Strict):
    refresh_token: Annotated[str, Text(16, 128)]
    device_id: DeviceId
    device_name: DeviceName | None = None
    app_version: AppVersion | None = None


class DeviceErasedRequest(Strict):
    """A withdrawn desktop saying it erased its profile (it has no token left to sign with)."""
    device_id: DeviceId


class Mutation(Strict):
    mutation_id: Uuid
    table: TableName
    row_id: Uuid
    op: Literal["insert", "update", "delete"]
    base_version: Annotated[int, Field(ge=0, le=INT32), NOT_BOOL]
    # field -> [old, new]; the values are checked field by field against the model
    # (app/sync/wire.py), so one bad value rejects that mutation with a reason.
    changes: dict[Annotated[str, Text(1, 64)], tuple[Any, Any]] = Field(max_length=64)


# The desktop's clock at sending (ISO 8601 UTC), optional: older desktops omit it. The
# server keeps its own time and records the difference (Device.clock_skew_s).
ClientTime = Time | None


class PushRequest(Strict):
    schema_version: Annotated[str, Text(1, 32)]
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)
    client_time: ClientTime = None
    # The last mutation of this desktop's batch sent just before this one and not answered
    # yet: this one is applied only after it (server/push_order.py).
    after: Uuid | None = None


class PullRequest(Strict):
    cursor: Annotated[int, Field(ge=0, le=INT64), NOT_BOOL]
    limit: Annotated[int, Field(ge=1, le=MAX_PAGE), NOT_BOOL] = 5000
    # The watermark of the desktop's last full scope check: the last page then says
    # whether its scope may have changed since (see CheckRequest.since).
    since: Annotated[int, Field(ge=0, le=INT64), NOT_BOOL] | None = None


class CheckRequest(Strict):
    tables: list[TableName] = Field(default_factory=list, max_length=32)
    # Rows the desktop holds edits for (pending, conflicting or rejected): both sides
    # leave them out, so an open conflict does not look like a broken scope every cycle.
    exclude: dict[TableName, Annotated[list[Uuid], Field(max_length=MAX_EXCLUDED)]] = Field(
        default_factory=dict, max_length=32)
    # The watermark of the desktop's last full check: if nothing since then can have changed
    # which rows are in its scope, the server says so instead of counting every row.
    since: Annotated[int, Field(ge=0, le=INT64), NOT_BOOL] | None = None


# The tables a desktop may list and fetch, as the schema names them; another name is
# answered 404 sync.unknown_table by the server (not 422: it may be a newer desktop's table).
PulledTable = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[a-z_]+$"),
                        WithJsonSchema({"type": "string", "enum": list(PULLED)})]


class IdsRequest(Strict):
    table: PulledTable


class RowsRequest(Strict):
    table: PulledTable
    ids: list[Uuid] = Field(max_length=MAX_PAGE)


HASH = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class AuditEntryWire(Strict):
    """One link of a desktop's audit chain (app/audit.py); the device is the token's."""
    id: Uuid
    seq: Annotated[int, Field(ge=1, le=INT32), NOT_BOOL]
    at: Time
    user_id: Uuid | None = None
    action: Annotated[str, Text(1, 16)]
    table_name: Annotated[str, Text(1, 32)] | None = None
    row_id: Uuid | None = None
    detail: dict[Annotated[str, Text(1, 64)], JsonValue] | None = None
    note: Annotated[str, Text(0, 20_000)] | None = None
    prev_hash: HASH
    entry_hash: HASH


class AuditPushRequest(Strict):
    entries: list[AuditEntryWire] = Field(min_length=1, max_length=MAX_BATCH)
    client_time: ClientTime = None


class ErrorBody(BaseModel):
    """Every non-2xx answer: a stable code the desktop words in its person's language, its
    parameters, and an English sentence for logs."""
    code: str = Field(examples=["auth.wrong_credentials"])
    params: dict[str, Any] = Field(default_factory=dict)
    detail: str


# Answers, for the OpenAPI schema only (the endpoints serialise with orjson, unvalidated).
class HealthAnswer(BaseModel):
    status: str
    version: str
    schema_: list[str] = Field(alias="schema")
    demo: bool = False  # the server holds demo data (`server --init-demo`); a real network's never does


class UserAnswer(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    org_unit_id: str | None


class LoginAnswer(BaseModel):
    access_token: str
    refresh_token: str
    expires_in: int
    user: UserAnswer
    # The desktop's network-unique code (the prefix of its referral short codes); None until
    # the server has allocated one.
    device_code: str | None
    # Present only within the warning days before the password expires (server/passwords.py).
    password_expires_in_days: int | None = None
    # The server holds demo data: a desktop keeps it for its title (DEMO) and a demo profile signs
    # in only where it is true.
    demo: bool = False


class AuditAnswer(BaseModel):
    stored: int
    acked_seq: int


class PushAnswer(BaseModel):
    results: list[dict[str, Any]]
    # True: this server honours `after`, so the desktop may send a batch before the answer
    # of the one ahead (absent from servers before it did).
    ordered: bool = False


class IdsAnswer(BaseModel):
    rows: list[Any]


class Answer(BaseModel):
    """A JSON object (pull pages, scope checks, rows): described in app/sync/."""
    model_config = ConfigDict(extra="allow")
