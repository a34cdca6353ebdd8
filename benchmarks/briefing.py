"""Wall time of `hyte briefing` on the demo store, as a user runs it (a new process each time).

    .venv/bin/python benchmarks/briefing.py [--runs 3] [--lang fi] [--db URL]

Without --db the demo is built into a temporary SQLite store first (not timed). Each run is a fresh
`hyte briefing` process, so the figure includes Python's start, the imports and vl-convert's start
of its JavaScript engine (a few seconds), as a user waits for them. Target (issue 8): under 20 s.
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

from pypdf import PdfReader

HYTE = Path(sys.executable).parent / "hyte"


def build_demo(folder: Path) -> str:
    url = f"sqlite:///{folder / 'demo.db'}"
    subprocess.run([str(HYTE), "demo", "--out", str(folder / "pkg"), "--db", url, "-q"], check=True,
                   capture_output=True)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="fi")
    parser.add_argument("--db", help="an existing store (default: build the demo in a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = args.db or build_demo(folder)
        out = folder / "briefing.pdf"
        print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores shared: figures vary with other work)")
        times = []
        for run in range(args.runs):
            started = time.perf_counter()
            subprocess.run([str(HYTE), "briefing", "--out", str(out), "--db", url, "--lang", args.lang],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - started)
            print(f"run {run + 1}: {times[-1]:.1f} s")
        pages = len(PdfReader(out).pages)
        print(f"hyte briefing ({args.lang}, demo store): median {statistics.median(times):.1f} s, "
              f"min {min(times):.1f} s, max {max(times):.1f} s over {args.runs} runs; "
              f"{pages} pages, {out.stat().st_size // 1024} KiB")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
