"""Whether this server holds demo data: `server --init-demo` says so in `server_meta` ("demo"),
`server init` never does. /health and every sign-in's answer carry it, so a desktop's demo
profile never signs in to a real network and the window says DEMO only over demo data.

A demo database made before the mark existed is known by its rows: the demo generator stamps
every row it makes with the device "demo" (app/demo/rows.py); a real network's rows come from
desktops and from the server itself, never from that device.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.demo.rows import DEVICE_ID as DEMO_DEVICE
from db.models import OrgUnit
from db.models.server import ServerMeta

KEY = "demo"


def mark(session: Session, demo: bool = True) -> None:
    """Whether this database holds the demo network: `server --init-demo` says yes, `server
    init` says no (then is_demo reads one row, never the fallback query)."""
    session.merge(ServerMeta(key=KEY, value={"demo": demo}, updated_at=clock.now()))


def is_demo(session: Session) -> bool:
    row = session.get(ServerMeta, KEY)
    if row is not None:
        return bool((row.value or {}).get("demo"))
    return session.scalar(select(OrgUnit.id).where(OrgUnit.device_id == DEMO_DEVICE).limit(1)) is not None
