"""The data-status screen's reads: run log, freshness, rejections, row counts and the change log."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.data_status import queries
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.config import ConfigError, load_config
from data_pipeline.load.package import find_register
from data_pipeline.load.uploads import package_config


# Run log, freshness and rejections change without a successful load (a rejected run leaves the
# data version as it was): they are keyed on the newest run too (`newest_run`, one uncached indexed
# read), so "no rejected loads" is never shown right after a rejection.
def newest_run(store: Store) -> int:
    """The id of the newest run, whatever its outcome (0 if none)."""
    return queries.newest_run_id(engine(store.url))


@versioned(show_spinner=False)
def load_runs(store: Store, newest: int, limit: int = 20) -> pl.DataFrame:
    return queries.load_runs(engine(store.url), limit)


@versioned(show_spinner=False)
def latest_run(store: Store, status: str, newest: int) -> pl.DataFrame:
    return queries.latest_run(engine(store.url), status)


@versioned(show_spinner=False)
def rejected_inputs(store: Store, run_id: int) -> pl.DataFrame:
    return queries.rejected_inputs(engine(store.url), run_id)


@versioned(show_spinner=False)
def source_freshness(store: Store, newest: int) -> pl.DataFrame:
    return queries.source_freshness(engine(store.url))


@versioned(show_spinner=False)
def row_counts(store: Store) -> pl.DataFrame:
    return queries.row_counts(engine(store.url))




# Not cached: a coordinator must see a refused upload in the log the moment it happens, and a
# rejection does not change the data version. Both are small indexed reads.
def audit_log(store: Store, limit: int = 50) -> pl.DataFrame:
    return queries.audit_log(engine(store.url), limit)


def register_changes(store: Store) -> pl.DataFrame:
    return queries.register_changes(engine(store.url))


def register_versions(store: Store, register: str) -> pl.DataFrame:
    return queries.register_versions(engine(store.url), register)


def version_file(store: Store, version_id: int) -> tuple[str, str, bytes] | None:
    """Not cached: read once, when a refused restore's full problem list is asked for."""
    return queries.version_file(engine(store.url), version_id)


def package_files(store: Store) -> dict[str, dt.datetime | None]:
    """Each register's file in the package the store was loaded from, by when it was last written (None: the
    register has no file), and hyte.toml as "plan"; empty when there is no package to read. Not cached:
    someone may edit a file on disk at any time; a few file times, read on each run."""
    path = package_config(engine(store.url))
    if path is None or not path.is_file():
        return {}
    try:
        config = load_config(path)
    except ConfigError:
        return {}

    def written(file) -> dt.datetime:
        return dt.datetime.fromtimestamp(file.stat().st_mtime, tz=dt.timezone.utc)

    out: dict[str, dt.datetime | None] = {"plan": written(path)}
    for name in R.REGISTER_ORDER:
        file, _problem = find_register(config.registers_dir, name)
        out[name] = written(file) if file is not None else None
    return out
