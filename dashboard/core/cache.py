"""The only place queries are cached: results keyed on the store's data version, engine shared.

`open_store()` reads the data version (id of the last successful load) once per call; every cached
query takes the resulting `Store`, so a new load changes the key and nothing stale lingers.
Returned frames are copies (st.cache_data pickles), so a page may use them freely; the engine from
`st.cache_resource` is shared by all sessions and must never be modified.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime

import polars as pl
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dashboard.core import queries
from dashboard.core.formatting import text_only_frames
from data_pipeline.store import engine as store_module

log = logging.getLogger(__name__)


class StoreUnavailable(Exception):
    """The store cannot be read; `reason` is "empty" or "unreachable" and `url` is safe to show."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"{reason}: {url}")
        self.reason = reason
        self.url = url


class StoreChanged(Exception):
    """A load committed while a script run was reading: its reads may mix two data versions. Rerun."""


@dataclass(frozen=True)
class Store:
    """Which store, at which data version: the cache key of every query below."""

    url: str
    version: int


# Results kept per query when the query names no bound: a handful of data versions × its arguments.
DEFAULT_MAX_ENTRIES = 8


def versioned(**cache_args):
    """`st.cache_data` for a query of one data version, refusing a result that a newer load may have mixed in.

    A load and its run's success row commit together and versions only grow, so if the version
    still equals `store.version` after the query, everything the query read belonged to that version.
    Otherwise StoreChanged is raised (nothing is cached) and the app reruns at the new version:
    a screen shows the old data or the new, never some of each (tests/test_consistency.py).
    """
    # Every load makes a new key, and st.cache_data keeps entries without a bound until the process ends:
    # a long-running app refreshed daily would hold every day's results. A few versions' worth is enough.
    cache_args.setdefault("max_entries", DEFAULT_MAX_ENTRIES)

    def decorate(query):
        @functools.wraps(query)
        def checked(store: Store, *args, **kwargs):
            result = text_only_frames(query(store, *args, **kwargs))
            if store_module.data_version(engine(store.url)) != store.version:
                raise StoreChanged(f"data version {store.version} was replaced while it was read")
            return result

        return st.cache_data(**cache_args)(checked)

    return decorate


@st.cache_resource(show_spinner=False)
def engine(url: str) -> Engine:
    return store_module.make_engine(url)


def open_store() -> Store:
    """The store named by HYTE_DATABASE_URL at its current data version; raises StoreUnavailable."""
    url = store_module.resolve_url()
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        version = store_module.data_version(engine(url))
    except (SQLAlchemyError, OSError) as exc:
        log.warning("cannot read the store at %s: %s", shown, exc)
        raise StoreUnavailable("unreachable", shown) from exc
    if version == 0:
        raise StoreUnavailable("empty", shown)
    return Store(url, version)


@versioned(show_spinner=False)
def municipality(store: Store) -> pl.DataFrame:
    return queries.municipality(engine(store.url))


def package_languages() -> tuple[str, ...]:
    """The package's languages, primary first (hyte.toml's `language`, as loaded); () without a store or
    before a load that stored them."""
    try:
        frame = municipality(open_store())
    except (StoreUnavailable, StoreChanged, SQLAlchemyError):
        return ()
    if frame.is_empty() or not frame["languages"][0]:
        return ()
    return tuple(frame["languages"][0].split(","))


@versioned(show_spinner=False)
def priority_areas(store: Store) -> pl.DataFrame:
    return queries.priority_areas(engine(store.url))


@versioned(show_spinner=False)
def age_groups(store: Store) -> pl.DataFrame:
    return queries.age_groups(engine(store.url))


@versioned(show_spinner=False)
def districts(store: Store, with_geometry: bool = False) -> pl.DataFrame:
    return queries.districts(engine(store.url), with_geometry=with_geometry)


@versioned(show_spinner=False)
def indicator_summary_by_area(store: Store) -> pl.DataFrame:
    return queries.indicator_summary_by_area(engine(store.url))


@versioned(show_spinner=False)
def year_span(store: Store) -> tuple[int, int] | None:
    return queries.year_span(engine(store.url))


@versioned(show_spinner=False)
def last_successful_load(store: Store) -> datetime | None:
    return queries.last_successful_load(engine(store.url))
