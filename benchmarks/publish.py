"""`hyte publish`: build time, page weights against the 200 KB target, and the incremental re-publish.

    .venv/bin/python benchmarks/publish.py                      # the demo store (built first, not timed)
    .venv/bin/python benchmarks/publish.py --national small     # the demo grown to national size in districts,
                                                                # events and NGOs (benchmarks/national.py)
    .venv/bin/python benchmarks/publish.py --db URL [--config hyte.toml]   # a store already loaded

Each publish is a fresh `hyte publish` process, as the nightly unit runs it (Python's start, the imports,
vl-convert's JavaScript engine included). Figures, each beside its target or baseline from the same run:
- the first publish into an empty folder (wall time; its baseline: one language alone);
- every page's weight with everything it loads (stylesheet, icon, pictures): largest and median, and the
  largest indicator page, against 200 KB (issue 25);
- publishing again at once (nothing changed: 0 files written is the target), and after a refresh that
  changed nothing but the load's time (0 again), and after one more event (only the pages showing
  participation written).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HYTE = Path(sys.executable).parent / "hyte"
LIMIT = 200 * 1024
_LOADED = re.compile(r'<(?:img\b[^>]*?\ssrc|link rel="(?:stylesheet|icon)"[^>]*?\shref)="([^"#?]+)"')
_COUNTS = re.compile(r"(\d+) \w+; (\d+) \w+, (\d+) \w+, (\d+) \w+")


def run(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([str(HYTE), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, "HYTE_LANG": "en"})
    return time.perf_counter() - started, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def counts(line: str) -> str:
    """"1296 files; 0 written, 1296 unchanged, 0 removed" from hyte publish's last line."""
    found = _COUNTS.search(line)
    return (f"{found.group(1)} files: {found.group(2)} written, {found.group(3)} unchanged, "
            f"{found.group(4)} removed") if found else line


def weight(site: Path, page: str) -> int:
    path = site / page
    files = {path} | {(path.parent / ref).resolve() for ref in _LOADED.findall(path.read_text("utf-8"))}
    return sum(f.stat().st_size for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: build the demo in a temp folder)")
    parser.add_argument("--config", help="its package's hyte.toml (for the refresh figures)")
    parser.add_argument("--national", choices=("small", "full"), help="the demo grown to national size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url, config = args.db, Path(args.config) if args.config else None
        if url is None:
            url = f"sqlite:///{folder / 'store.db'}"
            if args.national:
                sys.path.insert(0, str(Path(__file__).parent))
                from national import FULL, SMALL, write_national_package

                config = write_national_package(folder / "pkg", SMALL if args.national == "small" else FULL)
                subprocess.run([str(HYTE), "refresh", "--config", str(config), "--db", url, "--offline", "-q"],
                               check=True, capture_output=True)
            else:
                subprocess.run([str(HYTE), "demo", "--out", str(folder / "pkg"), "--db", url, "-q"], check=True,
                               capture_output=True)
                config = folder / "pkg" / "hyte.toml"
        site, single = folder / "site", folder / "site-fi"
        common = ["--db", url] + (["--config", str(config)] if config else [])
        print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores shared: figures vary with other work)")
        one, _ = run("publish", "--out", str(single), "--lang", "fi", *common)
        first, line = run("publish", "--out", str(site), *common)
        print(f"first publish, fi/sv/en:           {first:6.1f} s  ({counts(line)}); baseline fi alone {one:.1f} s")
        manifest = json.loads((site / ".hyte-publish.json").read_text("utf-8"))
        pages = [p for p in manifest if p.endswith(".html") and not p.startswith("embed/") and p != "index.html"]
        weights = sorted((weight(site, p), p) for p in pages)
        indicator = [w for w in weights if re.search(r"/(indikaattorit|indikatorer|indicators)/", w[1])]
        embeds = sorted(weight(site, p) for p in manifest if p.startswith("embed/") and p.endswith(".html"))
        print(f"page weight with what it loads:    largest {weights[-1][0] / 1024:6.1f} KB ({weights[-1][1]}), "
              f"median {statistics.median(w for w, _ in weights) / 1024:.1f} KB over {len(weights)} pages; "
              f"target ≤ {LIMIT // 1024} KB")
        print(f"indicator pages:                   largest {indicator[-1][0] / 1024:6.1f} KB ({indicator[-1][1]}), "
              f"median {statistics.median(w for w, _ in indicator) / 1024:.1f} KB; target ≤ {LIMIT // 1024} KB: "
              f"{'met' if indicator[-1][0] <= LIMIT else 'MISSED'}")
        print(f"embeds:                            largest {embeds[-1] / 1024:6.1f} KB, median "
              f"{statistics.median(embeds) / 1024:.1f} KB over {len(embeds)}")
        again, line = run("publish", "--out", str(site), *common)
        print(f"publish again, nothing changed:    {again:6.1f} s  ({counts(line)}); target 0 written")
        if config is not None:
            subprocess.run([str(HYTE), "refresh", "--config", str(config), "--db", url, "--offline", "-q"],
                           check=True, capture_output=True)
            same, line = run("publish", "--out", str(site), *common)
            print(f"after a refresh that changed nothing: {same:4.1f} s  ({counts(line)}); target 0 written")
            events = config.parent / "registers" / "events.csv"
            rows = list(csv.DictReader(io.StringIO(events.read_text("utf-8"))))
            with events.open("a", encoding="utf-8", newline="") as f:
                csv.DictWriter(f, fieldnames=list(rows[0])).writerow({**rows[0], "id": "OS-BENCHMARK"})
            subprocess.run([str(HYTE), "refresh", "--config", str(config), "--db", url, "--offline", "-q"],
                           check=True, capture_output=True)
            more, line = run("publish", "--out", str(site), *common)
            print(f"after one more event:              {more:6.1f} s  ({counts(line)}); "
                  f"baseline: all {len(manifest)} files")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
