"""Wall time of `hyte report --kind broad` (DOCX, PDF and HTML) on a national-scale store, beside the demo.

    .venv/bin/python benchmarks/report.py                 # full national size (building it takes minutes)
    .venv/bin/python benchmarks/report.py --small         # a tenth of the districts, events and NGOs
    .venv/bin/python benchmarks/report.py --url sqlite:////tmp/national.db --runs 3   # a store already loaded

The national store is benchmarks/national.py's (every municipality's values, 3,000 districts, 50,000
events, 5,000 NGOs), loaded by the pipeline's writer (not timed). Each run is a fresh `hyte report`
process writing all three formats, as a coordinator waits for it: Python's start, the imports, the
reads, the charts (vl-convert) and the typesetting. Baseline: the same command on the demo store, in
the same run. Target (issue 24): under 30 s for the broad report on the national-scale store.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import national  # benchmarks/ is the script's folder, first on sys.path

HYTE = Path(sys.executable).parent / "hyte"
TARGET_S = 30.0
YEAR = "2025"


def build_demo(folder: Path) -> str:
    url = f"sqlite:///{folder / 'demo.db'}"
    subprocess.run([str(HYTE), "demo", "--out", str(folder / "pkg"), "--db", url, "-q"], check=True,
                   capture_output=True)
    return url


def build_national(folder: Path, size: national.Size) -> str:
    url = f"sqlite:///{folder / 'national.db'}"
    config = national.write_national_package(folder / "pkg", size)
    tables, freshness = national.national_tables(config, size)[:2]
    national.pipeline_load(url, tables, freshness, replace=False)
    return url


def time_report(url: str, out: Path, runs: int) -> tuple[list[float], dict[str, int]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(HYTE), "report", "--kind", "broad", "--year", YEAR, "--lang", "fi",
                        "--format", "docx,pdf,html", "--out", str(out), "--db", url], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times, {p.suffix: p.stat().st_size // 1024 for p in out.iterdir()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="a tenth of the districts, events and NGOs")
    parser.add_argument("--url", help="a national-scale store already loaded")
    args = parser.parse_args()
    size = national.SMALL if args.small else national.FULL
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        url = args.url or build_national(folder / "national", size)
        if not args.url:
            print(f"national store ({size.label}) built in {time.perf_counter() - started:.0f} s (not timed)")
        demo = build_demo(folder)
        print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores shared: figures vary with other work)")
        base, _ = time_report(demo, folder / "demo-out", args.runs)
        times, sizes = time_report(url, folder / "national-out", args.runs)
        print(f"baseline, demo store: median {statistics.median(base):.1f} s over {args.runs} runs")
        print(f"hyte report --kind broad, docx+pdf+html, national store: median {statistics.median(times):.1f} s "
              f"(min {min(times):.1f}, max {max(times):.1f}) — target < {TARGET_S:.0f} s: "
              f"{'met' if statistics.median(times) < TARGET_S else 'NOT met'}; sizes "
              + ", ".join(f"{k} {v:,} KiB" for k, v in sorted(sizes.items())))
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
