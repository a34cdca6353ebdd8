"""An installed store from before this round's changes is upgraded in place by today's `hyte`, every row kept.

The store is built at STARTING_HEAD, the schema head of the release before this round (modules moved,
migrations added since): the migrations up to that revision create it, and every table is filled
with rows of the demo municipality as a load of today's code wrote them (the columns that existed
then). Today's `hyte refresh` must then migrate it to the head and keep every row, and `hyte health`
must report it healthy: an upgrade never strands an installed store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import MetaData, insert, select

from data_pipeline.cli import main as hyte
from data_pipeline.demo import write_demo_package
from data_pipeline.store.engine import alembic_config, make_engine, schema_revision
from data_pipeline.store.health import head_revision
from data_pipeline.store.schema import DATA_TABLES

# The schema head of the round's starting commit (164b325): a store installed then is at this revision.
STARTING_HEAD = "0006"


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory) -> tuple[Path, str]:
    """The demo package and a store loaded from it by today's code (rows to copy into the old store)."""
    folder = tmp_path_factory.mktemp("upgrade")
    config = write_demo_package(folder / "pkg")
    url = f"sqlite:///{folder / 'today.db'}"
    assert hyte(["refresh", "--config", str(config), "--db", url, "-q"]) == 0
    # An upload (register versions) and a refused one (rejected input), as a coordinator leaves them.
    events = (config.parent / "registers" / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "fewer.csv").write_text("".join(events[:-1]), encoding="utf-8")
    (folder / "broken.csv").write_text(events[0] + events[1].replace(",", ",31.02.2026,", 1), encoding="utf-8")
    for name, code in (("fewer.csv", 0), ("broken.csv", 1)):
        assert hyte(["upload", "--config", str(config), "--register", "events", "--file", str(folder / name),
                     "--db", url, "-q"]) == code
    return config, url


def _old_store(source_url: str, url: str) -> dict[str, int]:
    """A store at STARTING_HEAD holding the source's rows in every table of that schema; rows per table."""
    engine = make_engine(url)
    cfg = alembic_config(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, STARTING_HEAD)
    old = MetaData()
    old.reflect(engine)
    source = make_engine(source_url)
    today = MetaData()
    today.reflect(source)
    counts = {}
    with source.connect() as read, engine.begin() as write:
        for table in old.sorted_tables:  # parents before children
            if table.name == "alembic_version":
                continue
            columns = [c.name for c in table.columns]
            rows = [dict(r._mapping) for r in read.execute(select(*(today.tables[table.name].c[c] for c in columns)))]
            if rows:
                write.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if engine.dialect.name == "postgresql":
            # Rows came with their ids: move each id sequence past them, as the inserts of a real store had.
            for table in old.sorted_tables:
                for column in table.primary_key.columns:
                    if column.autoincrement is True or (column.autoincrement == "auto" and
                                                        column.type.python_type is int):
                        write.exec_driver_sql(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                            f"(SELECT max({column.name}) FROM {table.name})) "
                            f"WHERE pg_get_serial_sequence('{table.name}', '{column.name}') IS NOT NULL "
                            f"AND EXISTS (SELECT 1 FROM {table.name})")
    source.dispose()
    engine.dispose()
    return counts


def _rows(url: str, tables: list[str]) -> dict[str, set[tuple]]:
    engine = make_engine(url)
    meta = MetaData()
    meta.reflect(engine, only=tables)
    with engine.connect() as conn:
        out = {name: {tuple(r) for r in conn.execute(select(meta.tables[name]))} for name in tables}
    engine.dispose()
    return out


def _primary_keys(url: str, tables: list[str]) -> dict[str, list[int]]:
    engine = make_engine(url)
    meta = MetaData()
    meta.reflect(engine, only=tables)
    engine.dispose()
    return {name: [i for i, c in enumerate(meta.tables[name].columns) if c.primary_key] or
            list(range(len(meta.tables[name].columns))) for name in tables}


def _upgrade_keeps_every_row(demo_source, url: str, capsys) -> None:
    config, source_url = demo_source
    counts = _old_store(source_url, url)
    empty = sorted(name for name, rows in counts.items() if rows == 0)
    assert empty == [], f"tables without rows in the old store: {empty}"
    assert schema_revision(make_engine(url)) == STARTING_HEAD
    before = _rows(url, sorted(counts))

    assert hyte(["refresh", "--config", str(config), "--db", url, "-q"]) == 0
    capsys.readouterr()
    assert schema_revision(make_engine(url)) == head_revision()
    after = _rows(url, sorted(counts))
    keys = _primary_keys(url, sorted(counts))
    for name, rows in before.items():
        if name in {t.name for t in DATA_TABLES}:
            # Every data row is still there, column for column (a migration may add columns at the end).
            width = len(next(iter(rows)))
            kept = {row[:width] for row in after[name]}
        else:
            # The run log and the freshness rows are updated by the refresh itself: every one is kept by key.
            rows = {tuple(row[i] for i in keys[name]) for row in rows}
            kept = {tuple(row[i] for i in keys[name]) for row in after[name]}
        assert rows <= kept, f"{name}: {len(rows - kept)} of {len(rows)} rows lost in the upgrade"

    assert hyte(["health", "--db", url]) == 0
    assert capsys.readouterr().out.startswith(f"ok: skeema {head_revision()}")


def test_a_sqlite_store_from_the_starting_release_is_upgraded_with_every_row(demo_source, tmp_path, capsys):
    _upgrade_keeps_every_row(demo_source, f"sqlite:///{tmp_path / 'installed.db'}", capsys)


@pytest.mark.postgres
def test_a_postgres_store_from_the_starting_release_is_upgraded_with_every_row(demo_source, pg_url, capsys):
    _upgrade_keeps_every_row(demo_source, pg_url, capsys)
