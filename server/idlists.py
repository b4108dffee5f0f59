"""`column IN ids` for the id lists a pushed batch reads by (its rows, their history, the
patients its scope checks and marks ask about).

On PostgreSQL the ids go as one text[] parameter (`= ANY`): the statement's text is the
same for every batch, so neither SQLAlchemy nor the driver renders and parses 1,000
placeholders each time. Callers keep lists within CHUNK (SQLite's IN on the other server).
"""
from __future__ import annotations

from sqlalchemy import String
from sqlalchemy import any_
from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

CHUNK = 1000


def among(session: Session, column, ids: list[str]):
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, ids, type_=ARRAY(String)))
    return column.in_(ids)
