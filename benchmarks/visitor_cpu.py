"""App CPU per new visitor, each screen against a minimal Streamlit app, side by side in one run (issue 17).

    .venv/bin/python benchmarks/visitor_cpu.py                 # 5 visitors a screen, demo store
    .venv/bin/python benchmarks/visitor_cpu.py --visitors 9 --nginx
    .venv/bin/python benchmarks/visitor_cpu.py --db sqlite:////tmp/national.db

Two `streamlit run` processes at once: the dashboard (a fresh demo store unless --db) and a minimal
app written here — navigation with two pages, a select box in the sidebar and one Altair chart, the
framework's own floor for a page a visitor opens. One headless Chromium (/usr/bin/chromium); every
visitor is a new browser context (no cookies, no cache, its own Streamlit session), opens one page and
waits until it has rendered (title shown, no run in progress, no skeletons), then closes. The app's
CPU time (user + system, /proc) is read before the visit and after the context closed and the
process settled (--settle): the session's whole cost, its teardown included. Visits go round-robin
over the targets, so every target sees the same machine load; the caches are warm (one unmeasured
visit per target first), as for the 30 people at a meeting after the first.

With --nginx the same visits also go through nginx on loopback (deploy/nginx-hyte.conf's own
`location /` and `location /static/`, the static files from this venv's Streamlit, precompressed by
deploy/static-gz.sh): the app's CPU per visitor direct vs behind nginx, and nginx's own.

Prints each target's median CPU-seconds per visitor, and each screen's ratio to the minimal app's
against the target (≤ 1.3×), with the load average: on a shared machine compare the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import app_server  # benchmarks/ is the script's folder, first on sys.path

TARGET_RATIO = 1.3
# Measured in issue 17 (demo store, same method, another run): what this run is compared with.
ISSUE_FIGURES = {"minimal": 0.275, "overview": 0.35, "indicators": 0.59, "participation": 0.49,
                 "working-groups": 0.45, "partnerships": 0.46}
MINIMAL_TITLE = "Pieni sovellus"
MINIMAL_APP = f'''"""The framework's floor: navigation, a sidebar select, one Altair chart (benchmarks/visitor_cpu.py)."""
import altair as alt
import streamlit as st


def home():
    st.title("{MINIMAL_TITLE}")
    group = st.sidebar.selectbox("Ikäryhmä", ["Kaikki", "Lapset", "Nuoret", "Aikuiset", "Ikääntyneet"])
    values = [{{"vuosi": 2015 + i, "arvo": (i * 37) % 50 + 10}} for i in range(11)]
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(x="vuosi:O", y="arvo:Q").properties(title=group)
    st.altair_chart(chart, width="stretch")


def other():
    st.title("Toinen sivu")


st.navigation([st.Page(home, title="Etusivu", url_path="home", default=True),
               st.Page(other, title="Toinen", url_path="other")]).run()
'''


def build_demo(folder: Path) -> str:
    from data_pipeline.cli import main as hyte

    url = f"sqlite:///{folder / 'demo.db'}"
    if hyte(["demo", "--out", str(folder / "pkg"), "--db", url, "-q"]) != 0:
        raise SystemExit("hyte demo failed")
    return url


def visit(browser, url: str, title: str, server_pid: int, settle: float, timeout_ms: int) -> tuple[float, float]:
    """One new visitor: (app CPU-seconds of the whole visit, wall seconds to the rendered page)."""
    before = app_server.cpu_seconds(server_pid)
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fi-FI")
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    app_server.wait_rendered(page, title, timeout_ms=timeout_ms)
    wall = time.perf_counter() - started
    if app_server.page_errors(page):
        raise RuntimeError(f"{url}: an exception or error dialog on screen")
    context.close()
    time.sleep(settle)
    return app_server.cpu_seconds(server_pid) - before, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=5, help="measured visitors per target (median shown)")
    parser.add_argument("--db", help="store URL (default: a fresh demo store in a temporary folder)")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds after a visitor left before reading CPU")
    parser.add_argument("--nginx", action="store_true", help="also every visit through nginx (deploy config)")
    parser.add_argument("--baseline", metavar="REV",
                        help="also serve git revision REV's app (its tree from `git archive`) on the same store, "
                             "its screens visited in the same rounds: before/after from one run")
    parser.add_argument("--screens", nargs="+", default=list(app_server.PAGES), choices=list(app_server.PAGES))
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from dashboard.core.i18n import translate

    with tempfile.TemporaryDirectory(prefix="hyte_visitors_") as tmp:
        folder = Path(tmp)
        url = args.db or build_demo(folder)
        (folder / "minimal_app.py").write_text(MINIMAL_APP, encoding="utf-8")
        print(f"App CPU per new visitor ({os.cpu_count()} cores; store {'demo' if not args.db else args.db}; "
              f"{args.visitors} visitors a target, round-robin; load average at start {app_server.loadavg()})",
              flush=True)
        with contextlib.ExitStack() as stack:
            app_base, app = stack.enter_context(app_server.serve(url))
            minimal_base, minimal = stack.enter_context(app_server.serve(url, script=str(folder / "minimal_app.py")))
            bases, pids = {"app": app_base, "minimal": minimal_base}, {"app": app.pid, "minimal": minimal.pid}
            if args.baseline:
                tree = folder / "baseline"
                tree.mkdir()
                archive = subprocess.run(["git", "-C", str(app_server.ROOT), "archive", args.baseline],
                                         check=True, capture_output=True).stdout
                subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
                bases["baseline"], server = stack.enter_context(app_server.serve(url, root=tree))
                pids["baseline"] = server.pid
            p = stack.enter_context(sync_playwright())
            fronts = {"direct": dict(bases)}
            nginx_pids = []
            if args.nginx:
                subprocess.run([str(app_server.ROOT / "deploy" / "static-gz.sh"), sys.executable], check=True,
                               stdout=subprocess.DEVNULL)
                fronts["nginx"] = {}
                for name, base in bases.items():
                    (folder / f"nginx_{name}").mkdir()
                    fronts["nginx"][name], pid = stack.enter_context(
                        app_server.nginx_front(base, folder / f"nginx_{name}"))
                    nginx_pids.append(pid)
            results = run_visits(p, args, fronts, pids, {s: translate(k, "fi") for s, k in app_server.PAGES.items()},
                                 nginx_pids)
        report(results, args, fronts)
    print(f"Load average at the end: {app_server.loadavg()} (other work on the machine inflates every figure)")
    return 0


def run_visits(p, args, fronts: dict, pids: dict[str, int], titles: dict[str, str], nginx_pids: list[int]):
    browser = app_server.launch_chromium(p)
    targets = []  # (front, name, url, title, server pid)
    for front, bases in fronts.items():
        targets.append((front, "minimal", f"{bases['minimal']}/", MINIMAL_TITLE, pids["minimal"]))
        targets += [(front, screen, f"{bases['app']}/{screen}", titles[screen], pids["app"]) for screen in args.screens]
        if "baseline" in bases:
            targets += [(front, f"{screen}@{args.baseline}", f"{bases['baseline']}/{screen}", titles[screen],
                         pids["baseline"]) for screen in args.screens]
    cpu: dict[tuple[str, str], list[float]] = {(f, n): [] for f, n, *_ in targets}
    wall: dict[tuple[str, str], list[float]] = {(f, n): [] for f, n, *_ in targets}
    nginx_cpu = {"before": sum(app_server.nginx_cpu_seconds(pid) for pid in nginx_pids)}
    try:
        for front, name, url, title, pid in targets:  # warm-up: imports, caches, first bundle fetch
            visit(browser, url, title, pid, args.settle, 180_000)
        nginx_cpu["before"] = sum(app_server.nginx_cpu_seconds(pid) for pid in nginx_pids)
        for _ in range(args.visitors):
            for front, name, url, title, pid in targets:
                seconds, took = visit(browser, url, title, pid, args.settle, 120_000)
                cpu[(front, name)].append(seconds)
                wall[(front, name)].append(took)
        nginx_cpu["after"] = sum(app_server.nginx_cpu_seconds(pid) for pid in nginx_pids)
    finally:
        browser.close()
    return {"cpu": cpu, "wall": wall, "nginx_cpu": nginx_cpu, "visits": len(targets)}


def report(results: dict, args, fronts: dict) -> None:
    cpu, wall = results["cpu"], results["wall"]
    median = {key: statistics.median(values) for key, values in cpu.items()}
    print(f"\n  {'target':<16} {'front':<7} {'CPU-s/visitor':>13} {'(min–max)':>13} {'ratio':>6}  {'wall s':>6}  "
          f"issue's figure   verdict ≤ {TARGET_RATIO}× the minimal app")
    for front in fronts:
        floor = median[(front, "minimal")]
        names = ["minimal", *args.screens]
        if args.baseline:  # each screen's baseline just below it
            names = ["minimal"] + [n for s in args.screens for n in (s, f"{s}@{args.baseline}")]
        for name in names:
            values = cpu[(front, name)]
            ratio = median[(front, name)] / floor if floor else float("inf")
            issue = ISSUE_FIGURES.get(name.split("@")[0])
            verdict = "" if name == "minimal" else ("meets" if ratio <= TARGET_RATIO else "MISSES")
            print(f"  {name:<16} {front:<7} {median[(front, name)]:13.3f} {min(values):6.2f}–{max(values):<6.2f} "
                  f"{ratio:5.2f}×  {statistics.median(wall[(front, name)]):6.2f}  "
                  f"{'' if issue is None else f'{issue:.3f}':>14}   {verdict}", flush=True)
    if "nginx" in fronts:
        app_direct = statistics.median([median[("direct", s)] for s in args.screens])
        app_nginx = statistics.median([median[("nginx", s)] for s in args.screens])
        visits = args.visitors * results["visits"] // len(fronts)
        spent = results["nginx_cpu"]["after"] - results["nginx_cpu"]["before"]
        print(f"\n  behind nginx: the app's CPU per visitor (median over screens) {app_nginx:.3f} s vs {app_direct:.3f} s "
              f"direct ({app_nginx / app_direct:.2f}×); the minimal app's {median[('nginx', 'minimal')]:.3f} s vs "
              f"{median[('direct', 'minimal')]:.3f} s; nginx itself {spent / visits:.3f} s a visit")


if __name__ == "__main__":
    sys.exit(main())
