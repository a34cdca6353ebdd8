"""Opens the store (SQLite by default, PostgreSQL when configured) and keeps its schema current."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from data_pipeline.store import schema

log = logging.getLogger(__name__)

DEFAULT_SQLITE_PATH = Path("data") / "hyte.db"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def resolve_url(db: str | None = None) -> str:
    """The store URL: `--db`, else env HYTE_DATABASE_URL, else SQLite at data/hyte.db."""
    url = db or os.environ.get("HYTE_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path:
    return Path(make_url(url).database or "")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # busy_timeout waits out a writer's lock instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for the store; creates the SQLite folder if needed."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if str(path) not in ("", ":memory:"):
            path.parent.mkdir(parents=True, exist_ok=True)
        # No pool: the pipeline writes through ADBC, which bundles its own SQLite. Two SQLite libraries
        # in one process do not see each other's POSIX locks, so a pooled connection left open while
        # ADBC closes the file would find its WAL index gone ("disk I/O error"). Opening a SQLite
        # connection costs well under a millisecond.
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the store's schema to the newest migration (creates it on an empty store)."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    if engine.dialect.name == "sqlite":
        # WAL lets the app read while a load writes; the mode is stored in the file once set.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def schema_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def data_version(engine: Engine) -> int:
    """Id of the last successful load (0 if none): the dashboard's cache key."""
    with engine.connect() as conn:
        try:
            value = conn.execute(
                select(func.max(schema.load_run.c.id)).where(schema.load_run.c.status == "success")
            ).scalar()
        except Exception:  # noqa: BLE001 - a store without tables has no version yet
            log.info("store at %s has no load_run table yet", engine.url)
            return 0
    return int(value or 0)
