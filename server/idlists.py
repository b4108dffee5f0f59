"""`column IN ids` for the id lists a pushed batch reads by (its rows, their history, the
patients its scope checks and marks ask about).

On PostgreSQL the ids go as one text parameter, an array literal cast to text[] (`= ANY`):
the statement's text is the same for every batch, so neither SQLAlchemy nor the driver
renders and parses 1,000 placeholders each time, and the literal is one string to send (a
Python list went through the driver's array dumper, a tenth of a batch's reading time).
Callers keep lists within CHUNK (SQLite's IN on the other server).
"""
from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy import any_
from sqlalchemy import bindparam
from sqlalchemy import cast
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

CHUNK = 1000


def among(session: Session, column, ids: list[str]):
    if session.get_bind().dialect.name == "postgresql":
        # Untyped (NullType): no `::VARCHAR` is rendered, so the literal is read as text[]
        # itself and planned as a constant of known length; a VARCHAR cast to text[] is not
        # folded, and on a table without statistics yet the planner then scanned it whole.
        return column == any_(cast(bindparam(None, array_literal(ids), type_=NullType()), ARRAY(Text)))
    return column.in_(ids)


def array_literal(values: list[str]) -> str:
    """PostgreSQL's text[] input form: every element quoted, so a comma, brace, quote,
    backslash or the word NULL inside one stays that element's text."""
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"
