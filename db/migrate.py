"""Schema migrations, run from code (no alembic.ini needed at run time)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy import inspect

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(Exception):
    """The database was written by a newer CaseDesk than this one."""

    def __init__(self, found: str):
        super().__init__(
            f"the database schema ({found}) is newer than this CaseDesk knows; "
            "install the newer CaseDesk version that wrote it — the file was left unchanged"
        )
        self.found = found


def _config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head() -> str:
    current = ScriptDirectory.from_config(_config()).get_current_head()
    assert current is not None  # db/migrations has one head
    return current


def fingerprint() -> str:
    """A digest of every migration file: caches of built databases (the benchmarks') key on it,
    so a revision whose file changed before release is not mistaken for the one they hold."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> str | None:
    """Raise SchemaTooNew before anything is written to a file from the future."""
    rev = current(engine)
    if rev is not None and rev not in known_revisions():
        raise SchemaTooNew(rev)
    return rev


def upgrade(engine: Engine, target: str = "head") -> None:
    check_not_newer(engine)
    command.upgrade(_config(engine), target)


def downgrade(engine: Engine, target: str) -> None:
    command.downgrade(_config(engine), target)


def differences(connection) -> list:
    """Where this database's schema and the models disagree (Alembic's autogenerate
    comparison; empty when they agree), the desktop-only indexes left out on a server."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.models import Base
    from db.models.base import desktop_only_indexes

    left_out = set() if connection.dialect.name == "sqlite" else {i.name for i in desktop_only_indexes()}

    def include(obj, name, type_, reflected, compare_to) -> bool:
        return not (type_ == "index" and name in left_out)

    context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": include})
    return compare_metadata(context, Base.metadata)


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()
