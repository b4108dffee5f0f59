"""Persistence: SQLAlchemy 2 models, engines and Alembic migrations.

Shared by the desktop (SQLite/SQLCipher) and the server (PostgreSQL); never imports Qt.
"""
