"""National-scale store: load through the pipeline vs raw bulk, unchanged re-run, page times, app memory.

    .venv/bin/python benchmarks/national.py            # full size, SQLite and PostgreSQL (~15 min quiet)
    .venv/bin/python benchmarks/national.py --small    # a tenth of the size, a few minutes
    .venv/bin/python benchmarks/national.py --stores sqlite --skip-app
    .venv/bin/python benchmarks/national.py --pages-only --stores postgres --runs 3 --baseline main
    .venv/bin/python benchmarks/national.py --url sqlite:////tmp/national.db --runs 3   # a store already loaded

What is built (in --workdir, default the system temp folder; removed afterwards):
- A real data package on disk: the demo municipality's package (`hyte demo`) grown to 3,000+
  districts (synthetic square polygons and population), 50,000 participation events and 5,000 NGOs
  with their activities. `hyte refresh` reads, validates and loads it like any package.
- The whole country's Sotkanet values: every municipality (308), wellbeing services county (21) and
  the whole country, 400 indicators (the plan's own among them) × 20 years × 3 genders, about 7.9M
  rows. A package cannot carry these today: `sotkanet.read_cache` keeps only the plan's indicators and
  the configured regions. So they are added to the package's tables (the ones `build_package`
  returns, i.e. what the pipeline writes) and loaded with the pipeline's own writer,
  `writer.write_package`; the regions not configured have no `region` row, as in a national extract
  the plan does not look at, and every dashboard query must skip past them.

Figures, each beside its target and its baseline from the same run:
- full load (write_package of every table, into an empty store and replacing a loaded one) vs the
  fastest raw bulk path measured on these machines, ADBC `adbc_ingest` of the same Arrow tables in
  one transaction (benchmarks/load.py compares it with sqlite3 executemany and psycopg COPY):
  into tables without indexes ("bare"), and the same followed by CREATE INDEX of indicator_value's
  two indexes (the dashboard needs them). Target ≤ 1.3× the raw path ending indexed.
- unchanged re-run: `pipeline.refresh` of the same package over the national store (the real path:
  fetches nothing, reads and hashes the package, finds every source unchanged). Target ≤ 10% of a
  full load.
- every page's server-side run time through AppTest on the national store (SQLite and PostgreSQL),
  cold (caches cleared) and warm, median of --runs. Targets ≤ 1 s and ≤ 150 ms.
- peak memory (VmHWM) of one `streamlit run` process serving the national store after a headless
  Chromium has opened every page. Target ≤ 1.5 GB.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
from sqlalchemy.engine import make_url

import app_server  # benchmarks/ is the script's folder, first on sys.path
from data_pipeline.store import schema

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("HYTE_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TARGET_LOAD_RATIO, TARGET_UNCHANGED = 1.3, 0.10
TARGET_COLD_MS, TARGET_WARM_MS, TARGET_RSS = 1000, 150, 1.5 * 1024**3
GENDERS = ("total", "male", "female")
# Finland in 2025: 308 municipalities, 21 wellbeing services counties (plus Helsinki, which is its
# own), one country.
MUNICIPALITIES, COUNTIES = 308, 21


@dataclass(frozen=True)
class Size:
    indicators: int
    years: int
    districts: int
    events: int
    ngos: int

    @property
    def label(self) -> str:
        return (f"{MUNICIPALITIES + COUNTIES + 1} regions × {self.indicators} indicators × {self.years} years × 3 genders; "
                f"{self.districts:,} districts, {self.events:,} events, {self.ngos:,} NGOs")


FULL = Size(indicators=400, years=20, districts=3000, events=50_000, ngos=5000)
SMALL = Size(indicators=40, years=20, districts=300, events=5000, ngos=500)


# --- the package on disk ---------------------------------------------------------------------------

def write_national_package(folder: Path, size: Size, seed: int = 9) -> Path:
    """The demo package grown to national size in districts, events and NGOs; returns its hyte.toml."""
    from data_pipeline.demo import write_demo_package

    config = write_demo_package(folder)
    rng = random.Random(seed)
    regs = folder / "registers"
    codes = _grow_districts(folder / "districts.geojson", regs / "district_population.csv", size.districts)
    _grow_events(regs / "events.csv", size.events, codes, rng)
    _grow_ngos(regs / "ngos.csv", regs / "ngo_activities.csv", size.ngos, codes, rng)
    return config


def _read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)


# Synthetic districts: squares in a grid south-west of the demo town (the map must draw them all).
GRID_LON, GRID_LAT, CELL_LON, CELL_LAT = 20.6, 60.9, 0.012, 0.006


def _square_centre(i: int, columns: int) -> tuple[float, float]:
    return GRID_LON + (i % columns + 0.5) * CELL_LON, GRID_LAT + (i // columns + 0.5) * CELL_LAT


def _grow_districts(geojson: Path, population: Path, count: int) -> list[str]:
    collection = json.loads(geojson.read_text(encoding="utf-8"))
    columns = 100
    header, rows = _read_rows(population)
    years = sorted({r["year"] for r in rows})
    groups = sorted({r["age_group"] for r in rows})
    new_codes = []
    for i in range(count):
        code = f"S{i + 1:04d}"
        new_codes.append(code)
        x = GRID_LON + (i % columns) * CELL_LON
        y = GRID_LAT + (i // columns) * CELL_LAT
        ring = [[x, y], [x + CELL_LON, y], [x + CELL_LON, y + CELL_LAT], [x, y + CELL_LAT], [x, y]]
        collection["features"].append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                                       "properties": {"code": code, "name": f"Alue {i + 1}", "name_sv": f"Område {i + 1}"}})
        for year in years:
            for j, group in enumerate(groups):
                rows.append({"district": code, "age_group": group, "year": year, "population": 150 + (i * 7 + j * 31) % 900})
    geojson.write_text(json.dumps(collection), encoding="utf-8")
    _write_rows(population, header, rows)
    return [f["properties"]["code"] for f in collection["features"]]


def _grow_events(path: Path, total: int, codes: list[str], rng: random.Random) -> None:
    header, rows = _read_rows(path)
    centre = {}
    for i, code in enumerate(c for c in codes if c.startswith("S")):
        centre[code] = _square_centre(i, 100)
    originals = list(rows)
    for i in range(max(0, total - len(rows))):
        row = dict(rng.choice(originals))
        code = rng.choice(codes)
        row["id"] = f"N-{i + 1:06d}"
        row["district"] = code
        if code in centre:
            row["lon"], row["lat"] = f"{centre[code][0]:.5f}", f"{centre[code][1]:.5f}"
        rows.append(row)
    _write_rows(path, header, rows)


def _grow_ngos(ngo_path: Path, activity_path: Path, total: int, codes: list[str], rng: random.Random) -> None:
    header, ngos = _read_rows(ngo_path)
    act_header, activities = _read_rows(activity_path)
    areas = sorted({a["priority_area"] for a in activities})
    groups = sorted({a["age_group"] for a in activities if a["age_group"]})
    years = sorted({a["year"] for a in activities})
    types = ("association", "sports_club", "cultural", "other")
    for i in range(max(0, total - len(ngos))):
        ngo_id = f"NJ{i + 1:05d}"
        ngos.append({"id": ngo_id, "name": f"Kyläyhdistys {i + 1} ry", "type": rng.choice(types),
                     "whole_municipality": "ei", "districts": ",".join(sorted(set(rng.sample(codes, 2))))})
        for area, group in {(rng.choice(areas), rng.choice(groups)) for _ in range(2)}:
            activities.append({"ngo": ngo_id, "priority_area": area, "age_group": group, "year": rng.choice(years)})
    _write_rows(ngo_path, header, ngos)
    _write_rows(activity_path, act_header, activities)


# --- the package's tables with the whole country's values ----------------------------------------------

def national_tables(config_path: Path, size: Size):
    """(tables, freshness) exactly as `pipeline.refresh` would write them, plus the national values."""
    from data_pipeline.inputs.config import load_config
    from data_pipeline.load.package import build_package
    from data_pipeline.load.refresh import _config_source

    config = load_config(config_path)
    started = time.perf_counter()
    package, problems = build_package(config)
    build_s = time.perf_counter() - started
    if problems:
        raise SystemExit("the national package is rejected:\n" + "\n".join(map(str, problems[:20])))
    tables = dict(package.tables)
    own = tables["indicator_value"]
    tables["indicator_value"] = _national_values(own, tables["region"], tables["indicator"], size)
    now = dt.datetime.now(dt.timezone.utc)
    sources = [_config_source(config.path), *package.sources]
    freshness = [{"source": s.name, "status": "fresh", "last_success_at": now, "last_attempt_at": now,
                  "data_updated": s.data_updated, "content_hash": s.content_hash, "attribution": s.attribution}
                 for s in sources]
    return tables, freshness, build_s


def _national_values(own: pl.DataFrame, regions: pl.DataFrame, indicators: pl.DataFrame, size: Size) -> pl.DataFrame:
    """Every region × indicator × year × gender; the plan's own values for its configured regions kept."""
    configured = regions["id"].to_list()
    kunta = [int(i) for i in regions.filter(pl.col("category") == "KUNTA")["id"]]
    county = [int(i) for i in regions.filter(pl.col("category") == "HYVINVOINTIALUE")["id"]]
    country = [int(i) for i in regions.filter(pl.col("category") == "MAA")["id"]]
    # Synthetic ids above every configured one (the demo's own regions already reach 20,000+).
    free = max(int(i) for i in configured) + 1
    more_kunta = list(range(free, free + max(0, MUNICIPALITIES - len(kunta))))
    more_county = list(range(free + MUNICIPALITIES, free + MUNICIPALITIES + max(0, COUNTIES - len(county))))
    region_ids = np.array(kunta + more_kunta + county + more_county + country, dtype=np.int64)
    plan_ids = [int(i) for i in indicators["id"]]
    indicator_ids = np.array(plan_ids + list(range(100_000, 100_000 + size.indicators - len(plan_ids))), dtype=np.int64)
    years = np.arange(2026 - size.years, 2026, dtype=np.int64)
    n_r, n_y, n_g = len(region_ids), len(years), len(GENDERS)
    rows = len(indicator_ids) * n_r * n_y * n_g
    idx = np.arange(rows, dtype=np.int64)
    rng = np.random.default_rng(1)
    abs_value = np.round(rng.random(rows) * 10_000)
    synthetic = pl.DataFrame({
        "indicator_id": indicator_ids[idx // (n_r * n_y * n_g)],
        "region_id": region_ids[(idx // (n_y * n_g)) % n_r],
        "year": years[(idx // n_g) % n_y],
        "gender": pl.Series(GENDERS).gather(idx % n_g),
        "value": np.round(rng.random(rows) * 1000, 1),
        "abs_value": pl.Series(abs_value).set(pl.Series(rng.random(rows) < 0.4), None),  # often none in Sotkanet
    })
    # What the plan shows (its indicators in its configured regions) stays exactly the package's.
    mine = pl.col("indicator_id").is_in(own["indicator_id"].unique().implode()) & pl.col("region_id").is_in(configured)
    return pl.concat([own, synthetic.filter(~mine)], how="vertical_relaxed")


# --- stores ---------------------------------------------------------------------------------------

class Scratch:
    """A fresh SQLite file or PostgreSQL database, removed afterwards (unless keep)."""

    def __init__(self, store: str, workdir: Path, keep: bool = False):
        self.store, self.workdir, self.keep = store, workdir, keep

    def __enter__(self) -> str:
        if self.store == "sqlite":
            self.path = Path(tempfile.mkdtemp(prefix="hyte_national_", dir=self.workdir))
            return f"sqlite:///{self.path / 'store.db'}"
        import psycopg

        self.name = f"hyte_national_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(_dsn(PG_ADMIN_URL), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return make_url(PG_ADMIN_URL).set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc) -> None:
        if self.keep:
            return
        if self.store == "sqlite":
            shutil.rmtree(self.path, ignore_errors=True)
            return
        import psycopg

        with psycopg.connect(_dsn(PG_ADMIN_URL), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _prepare(url: str) -> None:
    from data_pipeline.store.engine import make_engine, upgrade

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()


def _new_run(url: str) -> int:
    from data_pipeline.load.refresh import start_run
    from data_pipeline.store.engine import make_engine

    engine = make_engine(url)
    run_id = start_run(engine, "benchmark", None)
    engine.dispose()
    return run_id


def raw_adbc(url: str, tables: dict[str, pl.DataFrame], then_index: bool) -> float:
    """The fastest raw bulk path: ADBC ingest of every table in one transaction (+ the two indexes)."""
    from data_pipeline.store.engine import is_sqlite
    from data_pipeline.store.writer import SQLITE_LOAD_PRAGMAS, _create_indexes, adbc_connect, to_arrow

    sqlite = is_sqlite(url)
    _prepare(url)
    conn = adbc_connect(url)
    cur = conn.cursor()
    for name, _cols, _unique in schema.INDICATOR_VALUE_INDEXES:  # setup: an unindexed table
        cur.execute(f"DROP INDEX IF EXISTS {name}")
    conn.commit()
    started = time.perf_counter()
    for pragma in SQLITE_LOAD_PRAGMAS if sqlite else ():
        cur.execute(f"PRAGMA {pragma}")
    for table in schema.DATA_TABLES:
        frame = tables[table.name]
        if frame.height:
            cur.adbc_ingest(table.name, to_arrow(table, frame, sqlite), mode="append")
    if then_index:
        _create_indexes(cur, "indicator_value")
    conn.commit()
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def pipeline_load(url: str, tables, freshness, replace: bool) -> float:
    from data_pipeline.store.writer import write_package

    _prepare(url)
    if replace:
        write_package(url, tables, _new_run(url), freshness)
    run_id = _new_run(url)
    started = time.perf_counter()
    write_package(url, tables, run_id, freshness)
    return time.perf_counter() - started


def unchanged_refresh(url: str, config: Path) -> float:
    from data_pipeline.load.refresh import refresh

    started = time.perf_counter()
    result = refresh(config, url)
    seconds = time.perf_counter() - started
    if result.status != "unchanged":
        raise SystemExit(f"the re-run was not recognised as unchanged: {result.status} {result.message}")
    return seconds


# --- the app on the national store -------------------------------------------------------------------

# The indicators page twice: the cards, and one indicator's detail view with the ranks, the peers, the
# similar municipalities and the map of Finland (issue 18), the demo's youth smoking indicator.
APPTEST_PAGES = ("overview", "indicators", "indicators?indicator=288", "participation", "working_groups",
                 "partnerships", "data_status")


def page_times(url: str, runs: int, pages: tuple[str, ...] = APPTEST_PAGES) -> dict[str, tuple[float, float, float, float]]:
    """Each page's AppTest run time (ms), cold and warm, median of `runs` (screens.py's method), and the
    process's CPU time (ms) for the same runs: on a shared machine the wall time says more about the
    other work than about the page."""
    import screens

    out = {}
    with quiet_streamlit():
        for page in pages:
            target = None if page == "overview" else page
            cold_cpu, warm_cpu = [], []
            cold = statistics.median(screens.time_page(url, target, runs, cold=True, cpu=cold_cpu))
            warm = statistics.median(screens.time_page(url, target, runs, cold=False, cpu=warm_cpu))
            out[page] = (cold, warm, statistics.median(cold_cpu), statistics.median(warm_cpu))
    return out


@contextlib.contextmanager
def baseline_code(rev: str):
    """The code of git revision `rev` in a temporary folder, with this run's national.py and screens.py
    (the method of this run, the pages of `rev`)."""
    folder = Path(tempfile.mkdtemp(prefix="hyte_baseline_"))
    try:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        for own in ("national.py", "screens.py"):
            shutil.copy(Path(__file__).with_name(own), folder / "benchmarks" / own)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def baseline_page_times(folder: Path, url: str, runs: int, page: str) -> tuple[float, float, float, float]:
    """page_times of one page of the code in `folder` (baseline_code), on the same store, in a child process."""
    code = ("import json, sys; sys.path[:0] = ['benchmarks', '.']; import national; "
            f"print(json.dumps(national.page_times({url!r}, {runs}, ({page!r},))))")
    child = subprocess.run([sys.executable, "-c", code], cwd=folder, check=True, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(folder)})
    return tuple(json.loads(child.stdout.strip().splitlines()[-1])[page])


@contextlib.contextmanager
def quiet_streamlit():
    """No log records under ERROR while AppTest runs the pages outside `streamlit run`.

    Every cached function and every AppTest logs "No runtime found" / "missing ScriptRunContext"
    warnings in bare mode (a thousand lines a run); Streamlit resets its loggers' levels when AppTest
    reads the config, so set_log_level does not hold. logging.disable holds for every logger, and
    only for the page timings.
    """
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


def app_memory(url: str) -> dict[str, int]:
    """RSS of a `streamlit run` process before and after a browser opened every page."""
    from playwright.sync_api import sync_playwright

    from dashboard.core.i18n import translate

    with app_server.serve(url) as (base, server), sync_playwright() as p:
        idle = app_server.memory(server.pid)["VmRSS"]
        browser = app_server.launch_chromium(p)
        page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="fi-FI")  # a Finnish visitor
        errors = 0
        for path, key in app_server.PAGES.items():
            page.goto(f"{base}/{path}")
            app_server.wait_rendered(page, translate(key, "fi"), timeout_ms=180_000)
            errors += app_server.page_errors(page)
        browser.close()
        mem = app_server.memory(server.pid)
    return {"idle": idle, "after": mem["VmRSS"], "peak": mem["VmHWM"], "errors": errors}


# --- report ------------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a tenth of the indicators, districts, events, NGOs")
    parser.add_argument("--stores", default="sqlite,postgres", help="sqlite, postgres (or postgresql), comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="AppTest runs per page and state (median shown)")
    parser.add_argument("--skip-app", action="store_true", help="no page times, no app memory")
    parser.add_argument("--pages-only", action="store_true",
                        help="one pipeline load per store, then the page times and app memory (no load baselines)")
    parser.add_argument("--url", help="time the pages of this store, already loaded (kept): no package, no load")
    parser.add_argument("--baseline", metavar="REV", help="also time the pages of git revision REV (e.g. main) "
                        "on the same store, in the same run")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args(argv)
    size = SMALL if args.small else FULL
    stores = [{"postgresql": "postgres"}.get(s.strip(), s.strip()) for s in args.stores.split(",") if s.strip()]
    print(f"National store benchmark: {size.label}\n{os.cpu_count()} cores; load average at start "
          f"{app_server.loadavg()}", flush=True)
    if args.url:
        report_pages(args.url, args)
        print(f"\nLoad average at the end: {app_server.loadavg()}")
        return 0
    pkg_dir = Path(tempfile.mkdtemp(prefix="hyte_national_pkg_", dir=args.workdir))
    try:
        started = time.perf_counter()
        config = write_national_package(pkg_dir / "pkg", size)
        tables, freshness, build_s = national_tables(config, size)
        values = tables["indicator_value"].height
        print(f"package written and national tables built in {time.perf_counter() - started:.0f} s "
              f"({values:,} indicator values; reading and validating the package itself: {build_s:.1f} s)\n",
              flush=True)
        for store in stores:
            report_store(store, args, config, tables, freshness, build_s, values)
    finally:
        shutil.rmtree(pkg_dir, ignore_errors=True)
    print(f"\nLoad average at the end: {app_server.loadavg()} (other work on the machine inflates every figure)")
    return 0


def report_store(store: str, args, config: Path, tables, freshness, build_s: float, values: int) -> None:
    if args.pages_only:
        with Scratch(store, args.workdir) as url:
            first = pipeline_load(url, tables, freshness, replace=False)
            print(f"== {store}: one pipeline load for the pages: {first:.1f} s (load average {app_server.loadavg()})")
            report_pages(url, args)
        return
    print(f"== {store}: load (seconds; one fresh store each; load average {app_server.loadavg()})", flush=True)
    with Scratch(store, args.workdir) as url:
        bare = raw_adbc(url, tables, then_index=False)
    with Scratch(store, args.workdir) as url:
        indexed = raw_adbc(url, tables, then_index=True)
    with Scratch(store, args.workdir) as url:
        first = pipeline_load(url, tables, freshness, replace=False)
    with Scratch(store, args.workdir) as url:
        replace = pipeline_load(url, tables, freshness, replace=True)
        unchanged = unchanged_refresh(url, config)
        report_load(bare, indexed, first, replace, unchanged, build_s, values)
        if not args.skip_app:
            report_pages(url, args)


def report_load(bare: float, indexed: float, first: float, replace: float, unchanged: float, build_s: float,
                values: int) -> None:
    print(f"  raw ADBC ingest, bare tables (baseline)            {bare:7.2f} s")
    print(f"  raw ADBC ingest, then CREATE INDEX (baseline)      {indexed:7.2f} s")
    for name, secs in (("pipeline first load (empty store)", first), ("pipeline replace (refresh of a changed package)", replace)):
        ratio = secs / indexed
        print(f"  {name:<50} {secs:7.2f} s  {values / secs:,.0f} rows/s  {ratio:.2f}× raw ending indexed, "
              f"{secs / bare:.2f}× bare  [{verdict(ratio <= TARGET_LOAD_RATIO)} ≤ {TARGET_LOAD_RATIO}×]")
    full = build_s + replace
    share = unchanged / full
    print(f"  unchanged re-run (pipeline.refresh)                {unchanged:7.2f} s  = {share:.1%} of a full load "
          f"({full:.1f} s = reading the package {build_s:.1f} s + writing {replace:.1f} s)  "
          f"[{verdict(share <= TARGET_UNCHANGED)} ≤ {TARGET_UNCHANGED:.0%}]", flush=True)


def report_pages(url: str, args) -> None:
    kind = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    print(f"\n== pages on the national {kind} store (AppTest, median of {args.runs}; load average "
          f"{app_server.loadavg()})", flush=True)
    base, mine = {}, {}
    with contextlib.ExitStack() as stack:
        folder = stack.enter_context(baseline_code(args.baseline)) if args.baseline else None
        for page in APPTEST_PAGES:  # page by page, the baseline just before: both see the same load
            if folder:
                base[page] = baseline_page_times(folder, url, args.runs, page)
            mine.update(page_times(url, args.runs, (page,)))
    print(f"  wall ms (CPU ms of the process in brackets); targets: cold ≤ {TARGET_COLD_MS}, warm ≤ "
          f"{TARGET_WARM_MS} wall" + (f"; baseline = {args.baseline} on the same store, just before" if base else ""))
    print(f"  {'page':<24} {'cold':>14} {'warm':>12}" + (f"   {'baseline cold':>14} {'baseline warm':>13}" if base else ""))
    for page, (cold, warm, cold_cpu, warm_cpu) in mine.items():
        ok = cold <= TARGET_COLD_MS and warm <= TARGET_WARM_MS
        line = f"  {page:<24} {cold:6.0f} ({cold_cpu:5.0f}) {warm:5.0f} ({warm_cpu:4.0f})"
        if page in base:
            b = base[page]
            line += f"   {b[0]:6.0f} ({b[2]:5.0f}) {b[1]:5.0f} ({b[3]:4.0f})"
        print(f"{line}   [{verdict(ok)}]", flush=True)
    mem = app_memory(url)
    print(f"\n== app memory: one `streamlit run` serving the national {kind} store (load average "
          f"{app_server.loadavg()})")
    print(f"  RSS idle {app_server.gb(mem['idle'])}; after opening every page {app_server.gb(mem['after'])}; "
          f"peak {app_server.gb(mem['peak'])}  [{verdict(mem['peak'] <= TARGET_RSS)} ≤ 1.5 GB]; "
          f"errors on screen: {mem['errors']}")


if __name__ == "__main__":
    sys.exit(main())
