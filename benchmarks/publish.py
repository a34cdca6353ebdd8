"""`hyte publish`: build time, page weights against the 200 KB target, and the incremental re-publish.

    .venv/bin/python benchmarks/publish.py                      # the demo store (built first, not timed)
    .venv/bin/python benchmarks/publish.py --national full      # the national store of benchmarks/national.py:
                                                                # 3,000 districts, 50,000 events, 5,000 NGOs and
                                                                # the whole country's values (330 regions x 400
                                                                # indicators x 20 years x 3 genders)
    .venv/bin/python benchmarks/publish.py --national small     # a tenth of the districts, events, NGOs, indicators
    .venv/bin/python benchmarks/publish.py --db URL [--config hyte.toml]   # a store already loaded

Each publish is a fresh `hyte publish` process, as the nightly unit runs it (Python's start, the imports,
vl-convert's JavaScript engine included). Figures, each beside its target or baseline from the same run:
- the first publish into an empty folder (wall time; its baseline: one language alone);
- every page's weight with everything it loads (stylesheet, icon, pictures): largest and median, and the
  largest indicator page, against 200 KB (issue 25);
- publishing again at once (nothing changed: 0 files written is the target; its baseline the same publish
  with the pictures the last one kept removed, i.e. every chart drawn again), and after a refresh that
  changed nothing but the load's time (0 again), and after one more event (`hyte upload` of the events
  register with one row more: only the pages showing participation written). The files a publish wrote
  are named when it should have written none.

The national store is loaded as benchmarks/national.py loads it (the package through the pipeline's own
writer, with the national values a package cannot carry), so an unchanged `hyte refresh` finds it
unchanged and an upload of one register rewrites that register's tables only.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import resource
import shutil
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


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def written_files(before: dict, after: dict) -> list[str]:
    """The files a publish wrote: the manifest keeps each file's digest as written."""
    return sorted(rel for rel, digests in after.items() if before.get(rel) != digests)


def manifest_of(site: Path) -> dict:
    return json.loads((site / ".hyte-publish.json").read_text("utf-8"))


def load_national(folder: Path, url: str, size_name: str) -> Path:
    """benchmarks/national.py's store: its package loaded with the whole country's values; its hyte.toml."""
    sys.path.insert(0, str(Path(__file__).parent))
    from national import FULL, SMALL, national_tables, pipeline_load, write_national_package

    size = SMALL if size_name == "small" else FULL
    started = time.perf_counter()
    config = write_national_package(folder / "pkg", size)
    tables, freshness, _ = national_tables(config, size)
    pipeline_load(url, tables, freshness, replace=False)
    print(f"national store ({size.label}; {tables['indicator_value'].height:,} values) loaded in "
          f"{time.perf_counter() - started:.0f} s (not timed below)", flush=True)
    return config


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
                config = load_national(folder, url, args.national)
            else:
                subprocess.run([str(HYTE), "demo", "--out", str(folder / "pkg"), "--db", url, "-q"], check=True,
                               capture_output=True)
                config = folder / "pkg" / "hyte.toml"
        site, single = folder / "site", folder / "site-fi"
        common = ["--db", url] + (["--config", str(config)] if config else [])
        print(f"load average before: {loadavg()} (2 cores shared: figures vary with other work)", flush=True)
        one, _ = run("publish", "--out", str(single), "--lang", "fi", *common)
        first, line = run("publish", "--out", str(site), *common)
        print(f"first publish, fi/sv/en:           {first:6.1f} s  ({counts(line)}); baseline fi alone {one:.1f} s")
        manifest = manifest_of(site)
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
        print(f"load average: {loadavg()}", flush=True)
        again, line = run("publish", "--out", str(site), *common)
        print(f"publish again, nothing changed:    {again:6.1f} s  ({counts(line)}); target 0 written")
        name_written(manifest, manifest_of(site))
        # The same without the pictures the last publish kept (each one drawn again, as before they were kept).
        shutil.rmtree(site / ".hyte-cache", ignore_errors=True)
        fresh, line = run("publish", "--out", str(site), *common)
        print(f"  the same, every picture drawn:   {fresh:6.1f} s  ({counts(line)}); baseline of the line above")
        if config is not None:
            subprocess.run([str(HYTE), "refresh", "--config", str(config), "--db", url, "--offline", "-q"],
                           check=True, capture_output=True)
            before = manifest_of(site)
            same, line = run("publish", "--out", str(site), *common)
            print(f"after a refresh that changed nothing: {same:4.1f} s  ({counts(line)}); target 0 written")
            name_written(before, manifest_of(site))
            events = config.parent / "registers" / "events.csv"
            rows = list(csv.DictReader(io.StringIO(events.read_text("utf-8"))))
            grown = folder / "events.csv"
            shutil.copyfile(events, grown)
            with grown.open("a", encoding="utf-8", newline="") as f:
                csv.DictWriter(f, fieldnames=list(rows[0])).writerow({**rows[0], "id": "OS-BENCHMARK"})
            subprocess.run([str(HYTE), "upload", "--config", str(config), "--db", url, "--register", "events",
                            "--file", str(grown)], check=True, capture_output=True)
            more, line = run("publish", "--out", str(site), *common)
            print(f"after one more event:              {more:6.1f} s  ({counts(line)}); "
                  f"baseline: all {len(manifest)} files")
        print(f"peak memory of one hyte process (publish, refresh or upload): "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
        print(f"load average after: {loadavg()}")


def name_written(before: dict, after: dict, most: int = 12) -> None:
    """The files a publish that should have written none wrote."""
    files = written_files(before, after)
    if files:
        print("    written: " + ", ".join(files[:most]) + (f" and {len(files) - most} more" if len(files) > most else ""))


if __name__ == "__main__":
    main()
