"""Writes a validated package into the store in ONE transaction, through ADBC bulk ingestion.

ADBC is the fastest bulk path measured on these machines for both stores (PERFORMANCE.md), and it
still runs inside one transaction: the old rows are removed and the new ones ingested before a single
commit, so readers see the old data or the new, never a mix, and a crash leaves the old data intact.
The run's success and the sources' freshness are written in the same transaction, and so are the
aggregates computed from the data tables (schema.DERIVED_TABLES, data_pipeline.store.aggregates).

indicator_value (millions of rows nationally) is loaded without its indexes, which are built once
afterwards: faster than updating them row by row (at 5M rows about 2.4x on PostgreSQL, 1.3x on
SQLite; benchmarks/load.py). On SQLite the indexes are dropped and recreated inside the transaction.
On PostgreSQL the rows go into a fresh table made LIKE indicator_value, which is indexed and
ANALYZEd and, just before the commit, swapped in for the old one by DROP and RENAME, its indexes
renamed to the schema's names. Readers keep reading the old rows (MVCC) until the swap, which holds
an exclusive lock only from the swap to the commit. The loading role must therefore own
indicator_value on PostgreSQL (it does when it ran the migrations).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

import polars as pl
import pyarrow as pa
from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Float, Integer, LargeBinary, MetaData, Table
from sqlalchemy.engine import make_url

from data_pipeline.store import aggregates, schema
from data_pipeline.store.engine import is_sqlite, sqlite_path

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]

# For the load's connection only. SQLite's default 2 MB page cache spills the transaction's dirty
# pages to the WAL mid-load and sorts index builds in temporary files; 256 MiB keeps most of a national
# load in memory (both the insert and the index builds measured faster) and the process well under
# its 2 GB budget. `analysis_limit` makes ANALYZE sample each index instead of reading all of it
# (0.8 s of a 5M-row load; the dashboard's queries keep their plans).
SQLITE_LOAD_PRAGMAS = ("cache_size = -262144", "analysis_limit = 1000")
# A reader holding indicator_value longer than this (an export, a session idle in a transaction)
# fails the load, leaving the old data, rather than queueing every dashboard query behind the swap.
PG_SWAP_LOCK_TIMEOUT = "10s"
STAGING = "indicator_value_load"
# Given one 5M-row batch, ADBC's PostgreSQL driver encodes the whole COPY stream before sending any
# of it (the server idles meanwhile); in batches the server parses one while the next is encoded:
# about 30% faster and 0.27 GB less memory at 5M rows (benchmarks/load.py).
INGEST_BATCH_ROWS = 65_536


def adbc_connect(url: str):
    """An ADBC connection to the store the SQLAlchemy URL names (a transaction is open at once)."""
    if is_sqlite(url):
        import adbc_driver_sqlite.dbapi as sqlite_adbc

        conn = sqlite_adbc.connect(str(sqlite_path(url)))
        cur = conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()
        return conn
    import adbc_driver_postgresql.dbapi as pg_adbc

    parsed = make_url(url).set(drivername="postgresql")
    return pg_adbc.connect(parsed.render_as_string(hide_password=False))


def _arrow_type(column, sqlite: bool) -> pa.DataType:
    kind = column.type
    if isinstance(kind, BigInteger):
        return pa.int64()
    if isinstance(kind, Integer):
        return pa.int64() if sqlite else pa.int32()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, Boolean):
        return pa.int64() if sqlite else pa.bool_()
    if isinstance(kind, DateTime):
        return pa.string() if sqlite else pa.timestamp("us", tz="UTC")
    if isinstance(kind, LargeBinary):
        return pa.binary()
    if isinstance(kind, Date):
        # SQLAlchemy keeps SQLite dates as ISO text; write them the way it reads them.
        return pa.string() if sqlite else pa.date32()
    return pa.string()


def to_arrow(table: Table, frame: pl.DataFrame, sqlite: bool) -> pa.Table:
    """The frame as Arrow with the exact column types the store's table expects."""
    arrays = []
    for column in table.columns:
        series = frame[column.name]
        target = _arrow_type(column, sqlite)
        if target == pa.string() and series.dtype == pl.Date:
            series = series.dt.to_string("%Y-%m-%d")
        elif target == pa.string() and series.dtype == pl.Datetime:
            series = series.dt.to_string("%Y-%m-%d %H:%M:%S.%6f")
        elif series.dtype == pl.Null:
            series = series.cast({pa.string(): pl.Utf8, pa.float64(): pl.Float64}.get(target, pl.Int64))
        elif target == pa.int64() and series.dtype == pl.Boolean:
            series = series.cast(pl.Int64)
        arrays.append(series.to_arrow().cast(target))
    return pa.Table.from_arrays(arrays, names=[c.name for c in table.columns])


def _sql_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.datetime):
        value = value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        value = value.isoformat()
    return "'" + str(value).replace("'", "''") + "'"


def write_package(
    url: str,
    tables: dict[str, pl.DataFrame],
    run_id: int,
    freshness: list[dict],
    progress: Progress | None = None,
    skip_tables: frozenset[str] = frozenset(),
    rows: dict[str, int] | None = None,
    log_rows: dict[str, pl.DataFrame] | None = None,
) -> dict[str, int]:
    """Replace every data table with the package's rows and mark the run a success, atomically.

    Tables named in `skip_tables` are unchanged since the last load and are left as they are.
    `log_rows` are appended to the named metadata tables (the audit log, register versions) in the
    same transaction, so a change is logged if and only if it was made. Returns the rows each data
    table holds afterwards (`rows` when given: what the skipped tables hold).
    """
    sqlite = is_sqlite(url)
    conn = adbc_connect(url)
    rows = rows if rows is not None else {name: frame.height for name, frame in tables.items()}
    try:
        cur = conn.cursor()
        for pragma in SQLITE_LOAD_PRAGMAS if sqlite else ():
            cur.execute(f"PRAGMA {pragma}")
        to_write = [t for t in schema.DATA_TABLES if t.name not in skip_tables]
        swap = not sqlite and schema.indicator_value in to_write
        # The derived tables follow their sources: each rewritten whenever a table it is computed from is
        # (from the package's frames: a load writing either participation table passes both).
        written = {t.name for t in to_write}
        derived = aggregates.derived_tables(tables, {name for name, sources in aggregates.DERIVED_FROM.items()
                                                     if written & sources})
        for table in schema.DERIVED_TABLES:
            if table.name in derived:
                cur.execute(f"DELETE FROM {table.name}")
        for table in reversed(to_write):
            if not (swap and table is schema.indicator_value):  # the swap drops the old rows whole
                cur.execute(f"DELETE FROM {table.name}")
        for table in to_write:
            frame = tables[table.name]
            if progress:
                progress(table.name, frame.height)
            if table is schema.indicator_value:
                _load_indicator_values(cur, frame, sqlite)
            elif frame.height:
                _ingest(cur, table, frame, sqlite)
        for table in schema.DERIVED_TABLES:
            if table.name in derived and derived[table.name].height:
                _ingest(cur, table, derived[table.name], sqlite)
        _write_freshness(cur, freshness, sqlite)
        for name, frame in (log_rows or {}).items():
            _append_rows(cur, schema.metadata.tables[name], frame, sqlite)
        now = dt.datetime.now(dt.timezone.utc)
        cur.execute(
            f"UPDATE load_run SET status = 'success', finished_at = {_sql_literal(_ts(now, sqlite))}, "
            f"rows_json = {_sql_literal(json.dumps(rows))}, message = NULL WHERE id = {int(run_id)}"
        )
        if swap:  # last, so the exclusive lock is held only until the commit just below
            _swap_in_staging(cur)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    return rows


def _ts(value: dt.datetime, sqlite: bool):
    # SQLAlchemy's SQLite DateTime keeps naive UTC text; PostgreSQL takes the aware value.
    return value.replace(tzinfo=None).isoformat(sep=" ") if sqlite else value


def _ingest(cur, table: Table, frame: pl.DataFrame, sqlite: bool) -> None:
    _ingest_into(cur, table.name, table, frame, sqlite)


def _ingest_into(cur, name: str, table: Table, frame: pl.DataFrame, sqlite: bool) -> None:
    arrow = to_arrow(table, frame, sqlite)
    batches = pa.RecordBatchReader.from_batches(arrow.schema, arrow.to_batches(max_chunksize=INGEST_BATCH_ROWS))
    cur.adbc_ingest(name, batches, mode="append")


def _append_rows(cur, table: Table, frame: pl.DataFrame, sqlite: bool) -> None:
    """Append rows giving only some columns (the rest, such as the generated id, take their defaults)."""
    if not frame.height:
        return
    subset = Table(table.name, MetaData(), *(Column(c.name, c.type) for c in table.columns if c.name in frame.columns))
    _ingest(cur, subset, frame.select([c.name for c in subset.columns]), sqlite)


def _create_indexes(cur, table_name: str, suffix: str = "") -> None:
    for name, cols, unique in schema.INDICATOR_VALUE_INDEXES:
        cur.execute(f"CREATE {'UNIQUE ' if unique else ''}INDEX {name}{suffix} ON {table_name} ({', '.join(cols)})")


def _load_indicator_values(cur, frame: pl.DataFrame, sqlite: bool) -> None:
    """Rows first, then each index built once, then planner statistics (the dashboard's reads need them)."""
    table = schema.indicator_value
    if sqlite:
        # DDL is transactional in SQLite; it has no index rename, so the indexes are rebuilt in place.
        for name, _cols, _unique in schema.INDICATOR_VALUE_INDEXES:
            cur.execute(f"DROP INDEX IF EXISTS {name}")
        if frame.height:
            _ingest(cur, table, frame, sqlite)
        _create_indexes(cur, table.name)
        cur.execute(f"ANALYZE {table.name}")
        return
    # INCLUDING ALL copies column types, NOT NULL, defaults and comments; the indexes are built after
    # the rows, under a temporary name (index names are unique per schema) until the swap.
    cur.execute(f"CREATE TABLE {STAGING} (LIKE {table.name} INCLUDING ALL EXCLUDING INDEXES)")
    # LIKE copies no privileges: carry over what readers were granted on the old table.
    cur.execute("SELECT grantee, privilege_type FROM information_schema.role_table_grants "
                f"WHERE table_schema = current_schema() AND table_name = '{table.name}' AND grantee <> current_user")
    for grantee, privilege in cur.fetchall():
        cur.execute(f"GRANT {privilege} ON {STAGING} TO {'PUBLIC' if grantee == 'PUBLIC' else _quote_ident(grantee)}")
    if frame.height:
        _ingest_into(cur, STAGING, table, frame, sqlite)
    _create_indexes(cur, STAGING, suffix="_load")
    cur.execute(f"ANALYZE {STAGING}")


def _swap_in_staging(cur) -> None:
    """Replace indicator_value by the loaded table under the schema's table and index names."""
    cur.execute(f"SET LOCAL lock_timeout = '{PG_SWAP_LOCK_TIMEOUT}'")
    # Fails (and rolls back) if anything, e.g. a view, depends on the old table.
    cur.execute("DROP TABLE indicator_value")
    cur.execute(f"ALTER TABLE {STAGING} RENAME TO indicator_value")
    for name, _cols, _unique in schema.INDICATOR_VALUE_INDEXES:
        cur.execute(f"ALTER INDEX {name}_load RENAME TO {name}")


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _write_freshness(cur, freshness: list[dict], sqlite: bool) -> None:
    for item in freshness:
        cur.execute(f"DELETE FROM source_freshness WHERE source = {_sql_literal(item['source'])}")
        values = ", ".join(_sql_literal(_ts(v, sqlite) if isinstance(v, dt.datetime) else v) for v in (
            item["source"], item["status"], item.get("last_success_at"), item["last_attempt_at"],
            item.get("data_updated"), item.get("content_hash"), item.get("message"), item.get("attribution"),
        ))
        cur.execute("INSERT INTO source_freshness (source, status, last_success_at, last_attempt_at, data_updated, "
                    f"content_hash, message, attribution) VALUES ({values})")
