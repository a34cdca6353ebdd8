"""A register editor's save until the change is on screen, at national scale: beside the 5 s target and a baseline.

    .venv/bin/python benchmarks/editor_save.py            # the national package at a tenth of the size
    .venv/bin/python benchmarks/editor_save.py --full     # full size (see national.py; takes long)
    .venv/bin/python benchmarks/editor_save.py --runs 5 --workdir /var/tmp

The store is built as benchmarks/national.py builds it: the demo package grown to national size on disk
(districts, 50,000 events, 5,000 NGOs at full size) loaded through the pipeline, plus the whole country's
Sotkanet-shaped values beside it. Then, each run, what a coordinator does on /registers: one NGO renamed
in the NGOs register's table (the editor's own model turns the table back into the register's rows),
saved through the editors' path (`hyte upload --expect-version … --action edit --json-progress`, a
process of its own, as the screen starts it), and the register screen run again through AppTest until
its table shows the new name (the data version changed, so its caches are cold).

Baseline: the same saves with the code of another git revision (`--baseline REV`, default 95abaa1, the
code before a save checked and wrote only what its register can change), on the same store, each side in
a process of its own that keeps its caches between saves as the served app does. Target: save → visible
≤ 5 s. Beside each wall time the CPU seconds of the write process and of the screen's run: on a shared
machine the wall time is mostly the queue for the cores.

What a save costs now (data_pipeline.load.refresh._load_register_alone): the store holds the package as
it is, so only the registers the NGOs can affect are checked (the code providers, the NGOs and those
naming them; not the 50,000 events or the district population), against the districts as the store has
them (no GeoJSON, no Sotkanet cache, no ranks read again), and only the NGO tables written. The register
screen's check of an unedited register is skipped when the store holds the package as it is, and the
districts' GeoJSON is read once per process while it stays unchanged. Of the ~2 s the write process
uses, most is starting Python and importing polars, pyarrow (ADBC imports pandas through
pyarrow.dataset), SQLAlchemy and Alembic.

Last run (full size, 2 shared cores, load average 5.1 → 4.4 during it):
    first save: save 1.95 s, on screen 4.83 s; baseline 8.49 s, 16.20 s
    editor save → visible on /registers: 3.72 s (save 2.48 s), median of 3; target ≤ 5 s: meets
      CPU: write process 1.97 s + screen 1.10 s = 3.07 s
    baseline 95abaa1: 13.20 s (save 8.04 s); CPU 5.21 s + 4.76 s = 9.97 s
With the machine busier (load average 8–9, other test runs beside it) the same code took 9.8–12.0 s
against the baseline's 20.4–27.7 s, its CPU unchanged (3.2 s against 10.6 s).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import national  # benchmarks/ is the script's folder, first on sys.path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
TARGET_S = 5.0
# The code before a save checked and wrote only what its register can change (the baseline by default).
BASELINE = "95abaa1"


def build_store(workdir: Path, size: national.Size) -> tuple[str, Path]:
    folder = Path(tempfile.mkdtemp(prefix="hyte_editor_save_", dir=workdir))
    config = national.write_national_package(folder / "pkg", size)
    tables, freshness, _build_s = national.national_tables(config, size)
    url = f"sqlite:///{folder / 'store.db'}"
    national.pipeline_load(url, tables, freshness, replace=False)
    return url, config


def renamed_rows(config_path: Path, name: str):
    """The NGOs register with its first NGO renamed, as the editor turns its table into rows."""
    from dashboard.registers import model
    from data_pipeline.inputs.config import load_config

    config = load_config(config_path)
    now = model.current(config, "ngos")
    shown = model.editor(config, "ngos", "fi", now.rows, now.version)
    frame = shown.frame.with_columns(
        shown.frame["name"].scatter(0, name))
    return shown, model.text_rows(shown, frame), now.version


def screen_shows(name: str) -> float:
    """Seconds until the register screen, run as a visitor opens it, has the new name in its table."""
    from streamlit.testing.v1 import AppTest

    started = time.perf_counter()
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params.update({"register": "ngos"})
    at.run()
    at.switch_page("../pages/registers.py").run()
    seconds = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"the register screen failed: {[e.value for e in at.exception]}")
    shown = at.dataframe[-1].value
    if name not in set(shown["name"]):
        raise SystemExit(f"the register screen does not show {name!r}")
    return seconds


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process (all its threads: the screen's script runs in one) and of its finished
    children (the write process)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def one_save(url: str, config: Path, name: str, *, editor: bool) -> tuple[float, float, float, float]:
    """(seconds the save's process took, seconds until the screen shows it, CPU seconds of the write
    process, CPU seconds of the screen's run): on a shared machine the wall time is mostly the queue for
    the cores, the CPU time what the save costs."""
    from data_pipeline.inputs.register_rows import to_csv
    from data_pipeline.load import worker

    shown, rows, version = renamed_rows(config, name)
    own_before, children_before = _cpu()
    started = time.perf_counter()
    result = worker.upload(url, config, "ngos", "ngos.csv", to_csv(shown.names, rows), "benchmark",
                           expect_version=version if editor else None, action="edit" if editor else "upload",
                           lang="fi")
    saved = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"the save was refused: {result.status} {result.message} {result.problems[:5]}")
    own_saved, children_after = _cpu()
    total = saved + screen_shows(name)
    own_after, _children = _cpu()
    return saved, total, children_after - children_before, own_after - own_saved


def measure(url: str, config: Path, prefix: str, runs: int) -> dict:
    """The first save and `runs` more, each until on screen, in this process (as the served app keeps its
    process between saves): {"first": (save, total), "runs": [(save, total), ...]}."""
    os.environ.update(HYTE_DATABASE_URL=url, HYTE_PACKAGE_CONFIG=str(config), HYTE_LANG="fi")
    logging.disable(logging.WARNING)  # AppTest in bare mode warns on every cached call
    first = one_save(url, config, f"{prefix} 0", editor=True)
    return {"first": first, "runs": [one_save(url, config, f"{prefix} {i}", editor=True) for i in range(1, runs + 1)]}


def measure_in_child(folder: Path, url: str, config: Path, prefix: str, runs: int) -> dict:
    """measure() of the code in `folder` (this tree, or a baseline revision's), in a process of its own."""
    code = ("import json, sys; sys.path[:0] = ['benchmarks', '.']; import editor_save; "
            f"print(json.dumps(editor_save.measure({url!r}, __import__('pathlib').Path({str(config)!r}), "
            f"{prefix!r}, {runs})))")
    child = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(folder)})
    if child.returncode:
        raise SystemExit(f"the measurement in {folder} failed:\n{child.stdout[-2000:]}\n{child.stderr[-4000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the full national size (default: a tenth)")
    parser.add_argument("--runs", type=int, default=3, help="saves timed after the first (median shown)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--baseline", metavar="REV", default=BASELINE,
                        help=f"git revision whose code is the baseline, on the same store (default {BASELINE}: "
                             "before a save checked and wrote only what its register can change)")
    args = parser.parse_args(argv)
    size = national.FULL if args.full else national.SMALL
    print(f"national store: {size.label}; load average {load_average()}", flush=True)
    started = time.perf_counter()
    url, config = build_store(args.workdir, size)
    print(f"  built and loaded in {time.perf_counter() - started:.0f} s", flush=True)
    try:
        with national.baseline_code(args.baseline) as folder:
            shutil.copy(Path(__file__), folder / "benchmarks" / "editor_save.py")  # this run's method
            for own in ("national.py", "app_server.py"):
                shutil.copy(Path(__file__).with_name(own), folder / "benchmarks" / own)
            now = measure_in_child(ROOT, url, config, "Nimetty", args.runs)
            print(f"  this code measured; load average {load_average()}", flush=True)
            before = measure_in_child(folder, url, config, "Ennen", args.runs)
            print(f"  baseline measured; load average {load_average()}", flush=True)
    finally:
        shutil.rmtree(Path(config).parent.parent, ignore_errors=True)
    edit_save, edit_total, edit_cpu, screen_cpu = (statistics.median(x) for x in zip(*now["runs"]))
    base_save, base_total, base_cpu, base_screen_cpu = (statistics.median(x) for x in zip(*before["runs"]))
    verdict = "meets" if edit_total <= TARGET_S else "MISSES"
    print(f"first save (cold process caches): save {now['first'][0]:.2f} s, on screen {now['first'][1]:.2f} s; "
          f"baseline {before['first'][0]:.2f} s, {before['first'][1]:.2f} s")
    print(f"editor save → visible on /registers: {edit_total:.2f} s (save {edit_save:.2f} s), median of "
          f"{args.runs}; target ≤ {TARGET_S:.0f} s: {verdict}")
    print(f"  CPU: write process {edit_cpu:.2f} s + screen {screen_cpu:.2f} s = {edit_cpu + screen_cpu:.2f} s "
          f"(what the wall time comes to on idle cores)")
    print(f"baseline, {args.baseline}'s code on the same store: {base_total:.2f} s (save {base_save:.2f} s); "
          f"CPU {base_cpu:.2f} s + {base_screen_cpu:.2f} s = {base_cpu + base_screen_cpu:.2f} s")
    print(f"load average at the end: {load_average()}")
    return 0 if edit_total <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
