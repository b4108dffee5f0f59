"""The network: organisation units (a tree) and the people who work in it."""
from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.models.base import Synced
from db.types import JSONDoc
from db.types import UUIDStr


class OrgUnit(Synced, Base):
    """Centre, sub-centre, street station, community point or partner hospital."""

    __tablename__ = "org_units"

    parent_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("org_units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    # Other names the unit goes by in lists from elsewhere (大碶街道 for 大碶街道工作站).
    aliases: Mapped[list | None] = mapped_column(JSONDoc)
    active: Mapped[bool] = mapped_column(default=True)


class User(Synced, Base):
    """A person who signs in. Password hashes are not here: they never leave the server."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(24))
    org_unit_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("org_units.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)
