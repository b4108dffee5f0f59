"""Request bodies, with the limits that keep a malformed or oversized push a clean 4xx."""
from __future__ import annotations

from typing import Any
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

MAX_BATCH = 1000
MAX_PAGE = 20_000
Id = Field(min_length=1, max_length=64)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Id


class RefreshRequest(Strict):
    refresh_token: str = Field(min_length=16, max_length=128)
    device_id: str = Id


class Mutation(Strict):
    mutation_id: str = Field(min_length=36, max_length=36)
    table: str = Field(min_length=1, max_length=32)
    row_id: str = Field(min_length=36, max_length=36)
    op: Literal["insert", "update", "delete"]
    base_version: int = Field(ge=0)
    changes: dict[str, tuple[Any, Any]] = Field(max_length=64)


class PushRequest(Strict):
    schema_version: str = Field(min_length=1, max_length=32)
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)


class PullRequest(Strict):
    cursor: int = Field(ge=0)
    limit: int = Field(default=5000, ge=1, le=MAX_PAGE)


class CheckRequest(Strict):
    tables: list[str] = Field(default_factory=list, max_length=32)


class IdsRequest(Strict):
    table: str = Field(min_length=1, max_length=32)


class RowsRequest(Strict):
    table: str = Field(min_length=1, max_length=32)
    ids: list[str] = Field(max_length=MAX_PAGE)
