"""The data-status screen's reads: run log, freshness, rejections, row counts and the change log."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.data_status import queries


# Run log, freshness and rejections change without a successful load (a rejected run leaves the
# data version as it was), so they are keyed on the version and also expire after a minute.
@versioned(show_spinner=False, ttl=60)
def load_runs(store: Store, limit: int = 20) -> pl.DataFrame:
    return queries.load_runs(engine(store.url), limit)


@versioned(show_spinner=False, ttl=60)
def latest_run(store: Store, status: str) -> pl.DataFrame:
    return queries.latest_run(engine(store.url), status)


@versioned(show_spinner=False, ttl=60)
def rejected_inputs(store: Store, run_id: int) -> pl.DataFrame:
    return queries.rejected_inputs(engine(store.url), run_id)


@versioned(show_spinner=False, ttl=60)
def source_freshness(store: Store) -> pl.DataFrame:
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
