"""A council meeting on 2 cores: 30 sessions arriving within 5 s, the app on one core, the browsers on the other (issue 17).

    .venv/bin/python benchmarks/meeting_load.py                   # 30 sessions in 5 s, direct and behind nginx
    .venv/bin/python benchmarks/meeting_load.py --sessions 10 --spread 2 --fronts direct
    .venv/bin/python benchmarks/meeting_load.py --db sqlite:////tmp/national.db

load_sessions.py ran the browsers on the same cores as the app, so the app's queue measured
Chromium as much as the app. Here the app (`streamlit run`, the deploy's server options) is pinned
to core 0 (`taskset -c 0`) and this driver, Playwright and Chromium (its children) to core 1
(`os.sched_setaffinity`), so the app has one core to itself as it would on a server where the
visitors' browsers are elsewhere. Each session is a new browser context of one headless Chromium,
starting at i × spread / N seconds: it opens /overview, waits until it has rendered (title shown,
no run in progress, no skeletons), then moves to the participation map through the sidebar's
navigation and waits again. p50/p95/max are over the sessions' time to each rendered page and
over both steps; an error is a step that failed or timed out, or an exception or error dialog on
screen. The app's RSS before, at peak (VmHWM, reset before the round) and after.

The floor: a minimal Streamlit app (benchmarks/visitor_cpu.py's: navigation with two pages, a
sidebar select, one Altair chart), pinned to the same core 0, visited in the same run by one
session at a time doing the same two steps (open its first page, click to the second); 30 × its
median CPU-seconds per session is the least time one core needs to serve 30 such sessions, which
bounds how soon the last of them can be done. Printed beside the app's own CPU for the round and
its p95 / max. Target (issue 17): p95 ≤ 5 s behind nginx with zero errors.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import app_server  # benchmarks/ is the script's folder, first on sys.path
from load_sessions import percentile
from visitor_cpu import MINIMAL_APP, MINIMAL_TITLE, build_demo

TARGET_P95_S = 5.0
APP_CORE, BROWSER_CORE = "0", 1
STEPS = ("overview", "participation map")
STEP_TIMEOUT_MS = 120_000


async def _step(page, action, title: str) -> None:
    await action()
    await page.locator("h1", has_text=title).first.wait_for(timeout=STEP_TIMEOUT_MS)
    await page.wait_for_function(app_server.RENDERED_JS, timeout=STEP_TIMEOUT_MS)


async def session(browser, delay: float, steps: list[tuple[str, str, str]], results: list, errors: list) -> None:
    """steps: (name, how: a url to open or a link's href suffix to click, h1 to wait for)."""
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 720}, locale="fi-FI")
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = await context.new_page()
    try:
        for name, how, title in steps:
            if how.startswith("http"):
                action = lambda how=how: page.goto(how, wait_until="commit", timeout=STEP_TIMEOUT_MS)  # noqa: E731
            else:
                action = lambda how=how: page.locator(f'a[href$="{how}"]').first.click()  # noqa: E731
            started = time.perf_counter()
            try:
                await _step(page, action, title)
            except Exception as exc:  # noqa: BLE001 - every failure is counted and reported, not raised
                errors.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
                return
            results.append((name, time.perf_counter() - started))
            shown = await page.locator('[data-testid="stException"], [role="dialog"]').count()
            if shown:
                errors.append(f"{name}: {shown} exception(s) or error dialog(s) on screen")
    finally:
        await context.close()


async def run_round(browser, n: int, spread: float, steps) -> tuple[list, list]:
    results: list[tuple[str, float]] = []
    errors: list[str] = []
    await asyncio.gather(*(session(browser, i * spread / n, steps, results, errors) for i in range(n)))
    return results, errors


async def minimal_cpu(browser, base: str, pid: int, visitors: int, settle: float) -> float:
    """Median app CPU-seconds of one session on the minimal app, one session at a time."""
    steps = [("first page", f"{base}/", MINIMAL_TITLE), ("second page", "/other", "Toinen sivu")]
    await run_round(browser, 1, 0, steps)  # warm-up
    spent = []
    for _ in range(visitors):
        before = app_server.cpu_seconds(pid)
        results, errors = await run_round(browser, 1, 0, steps)
        if errors:
            raise RuntimeError(f"minimal app: {errors}")
        await asyncio.sleep(settle)
        spent.append(app_server.cpu_seconds(pid) - before)
    return statistics.median(spent)


def _browser_cpu(servers: list[int]) -> float:
    """CPU time so far of this driver's descendants but the servers (apps, nginx): Playwright and Chromium."""
    return (app_server.descendants_cpu_seconds(os.getpid())
            - sum(app_server.cpu_seconds(pid) + app_server.descendants_cpu_seconds(pid) for pid in servers))


async def measure(args, fronts: dict, app_pid: int, minimal_pid: int, titles: dict[str, str],
                  servers: list[int]) -> dict:
    from playwright.async_api import async_playwright

    out = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(app_server.CHROMIUM), args=app_server.CHROMIUM_ARGS)
        try:
            for front, (app_base, minimal_base) in fronts.items():
                floor = await minimal_cpu(browser, minimal_base, minimal_pid, args.floor_visitors, args.settle)
                steps = [(STEPS[0], f"{app_base}/overview", titles["overview"]),
                         (STEPS[1], "/participation", titles["participation"])]
                _, warm_errors = await run_round(browser, 1, 0, steps)  # warm-up: imports, first caches (not counted)
                if warm_errors:
                    print(f"  {front}: the warm-up session failed: {warm_errors}", flush=True)
                await asyncio.sleep(args.settle)
                before = app_server.memory(app_pid)["VmRSS"]
                Path(f"/proc/{app_pid}/clear_refs").write_text("5")  # peak (VmHWM) from here on
                cpu, wall, browser_cpu = app_server.cpu_seconds(app_pid), time.perf_counter(), _browser_cpu(servers)
                results, errors = await run_round(browser, args.sessions, args.spread, steps)
                cpu, wall = app_server.cpu_seconds(app_pid) - cpu, time.perf_counter() - wall
                browser_cpu = _browser_cpu(servers) - browser_cpu
                peak = app_server.memory(app_pid)["VmHWM"]
                await asyncio.sleep(args.settle)
                out[front] = {"floor": floor, "results": results, "errors": errors, "cpu": cpu, "wall": wall,
                              "browser_cpu": browser_cpu,
                              "rss": (before, peak, app_server.memory(app_pid)["VmRSS"]),
                              "load": app_server.loadavg()}
                report_front(args, front, out[front])
        finally:
            await browser.close()
    return out


def report_front(args, front: str, r: dict) -> None:
    n, times = args.sessions, [s for _, s in r["results"]]
    floor_round = n * r["floor"]
    print(f"\n  {front}: {n} sessions arriving within {args.spread:g} s (load average {r['load']})")
    for step in (*STEPS, "both steps"):
        ts = times if step == "both steps" else [s for name, s in r["results"] if name == step]
        if ts:
            print(f"    {step:<18} p50 {percentile(ts, 50):6.2f} s  p95 {percentile(ts, 95):6.2f} s  "
                  f"max {max(ts):6.2f} s  ({len(ts)} pages)")
        else:
            print(f"    {step:<18} no page rendered")
    before, peak, after = r["rss"]
    print(f"    errors {len(r['errors'])}; app RSS before / peak / after {app_server.gb(before)} / "
          f"{app_server.gb(peak)} / {app_server.gb(after)}")
    print(f"    app CPU for the round {r['cpu']:.1f} s on its core ({r['cpu'] / n:.3f} s a session) in "
          f"{r['wall']:.1f} s wall; the browser side {r['browser_cpu']:.1f} s on core {BROWSER_CORE} "
          f"(shared with the machine's other work: its queue, not the app, can be what a session waits for)")
    print(f"    floor: {n} × the minimal app's {r['floor']:.3f} CPU-s a session = {floor_round:.1f} s of its "
          f"one core; the app used {r['cpu'] / floor_round:.2f}× that, p95 {percentile(times, 95) if times else float('inf'):.2f} s "
          f"= {(percentile(times, 95) if times else float('inf')) / floor_round:.2f}× it")
    for error in r["errors"][:5]:
        print(f"      error: {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--spread", type=float, default=5.0, help="sessions start evenly within this many seconds")
    parser.add_argument("--db", help="store URL (default: a fresh demo store in a temporary folder)")
    parser.add_argument("--fronts", nargs="+", default=["direct", "nginx"], choices=["direct", "nginx"])
    parser.add_argument("--floor-visitors", type=int, default=3, help="minimal-app sessions measured (median)")
    parser.add_argument("--settle", type=float, default=2.0)
    args = parser.parse_args(argv)
    if (os.cpu_count() or 1) < 2:
        raise SystemExit("needs 2 cores: one for the app, one for the browsers")

    from dashboard.core.i18n import translate

    titles = {"overview": translate("page.overview", "fi"), "participation": translate("page.participation", "fi")}
    with tempfile.TemporaryDirectory(prefix="hyte_meeting_") as tmp:
        folder = Path(tmp)
        url = args.db or build_demo(folder)
        (folder / "minimal_app.py").write_text(MINIMAL_APP, encoding="utf-8")
        # This driver, Playwright's node driver and Chromium (children inherit) on core 1; the apps on core 0.
        os.sched_setaffinity(0, {BROWSER_CORE})
        print(f"Meeting load: app and minimal app on core {APP_CORE}, browsers on core {BROWSER_CORE}; store "
              f"{'demo' if not args.db else args.db}; load average at start {app_server.loadavg()}", flush=True)
        with contextlib.ExitStack() as stack:
            app_base, app = stack.enter_context(app_server.serve(url, cpus=APP_CORE))
            minimal_base, minimal = stack.enter_context(
                app_server.serve(url, script=str(folder / "minimal_app.py"), cpus=APP_CORE))
            fronts, servers = {}, [app.pid, minimal.pid]
            if "direct" in args.fronts:
                fronts["direct"] = (app_base, minimal_base)
            if "nginx" in args.fronts:
                subprocess.run([str(app_server.ROOT / "deploy" / "static-gz.sh"), sys.executable], check=True,
                               stdout=subprocess.DEVNULL)
                bases = []
                for name, base in (("app", app_base), ("minimal", minimal_base)):
                    (folder / f"nginx_{name}").mkdir()
                    front_base, nginx_pid = stack.enter_context(app_server.nginx_front(base, folder / f"nginx_{name}"))
                    bases.append(front_base)
                    servers.append(nginx_pid)
                fronts["nginx"] = tuple(bases)
            results = asyncio.run(measure(args, fronts, app.pid, minimal.pid, titles, servers))
    print()
    for front, r in results.items():
        times = [s for _, s in r["results"]]
        p95 = percentile(times, 95) if times else float("inf")
        ok = p95 <= TARGET_P95_S and not r["errors"]
        print(f"  {front}: p95 {p95:.2f} s, errors {len(r['errors'])} "
              f"[{'meets' if ok else 'MISSES'} p95 ≤ {TARGET_P95_S:g} s with 0 errors"
              f"{' (the target is behind nginx)' if front == 'direct' else ''}]; floor {args.sessions * r['floor']:.1f} s")
    print(f"Load average at the end: {app_server.loadavg()} (other work on the machine shares both cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
