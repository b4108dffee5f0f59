"""ASGI entry for uvicorn workers: `server.main:create` builds the app from CASEDESK_SERVER_DB."""
from __future__ import annotations

import os

from db.engine import url_engine
from server.app import create_app


def create():
    return create_app(url_engine(os.environ["CASEDESK_SERVER_DB"]))
