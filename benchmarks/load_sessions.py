"""N concurrent browser sessions against one `streamlit run` of the app: time to a rendered page, errors, memory.

    .venv/bin/python benchmarks/load_sessions.py                 # N = 1, 10, 30 on the demo store
    .venv/bin/python benchmarks/load_sessions.py --sessions 1 5  # a quick look
    .venv/bin/python benchmarks/load_sessions.py --db sqlite:////tmp/national.db   # any store

Every session is its own browser context (its own cookies and Streamlit session) in one headless
Chromium (/usr/bin/chromium), all started at once, as a council opening the same link. Each one:
1. opens /overview and waits until it has rendered (title shown, no run in progress, no skeletons),
2. moves to the participation map through the sidebar's navigation and waits again,
3. picks an age group in the sidebar filter and waits until the screen shows it.
Each step's time is one sample; p50 and p95 are over all sessions' samples of a step, and over
all steps. An error is a step that failed or timed out, or an exception or error dialog on screen.
Memory is the app process's RSS before, at peak (VmHWM, reset before each round) and after the
sessions closed (after --settle seconds). Targets at N = 30: p95 ≤ 2 s, no errors, memory back under
1.5 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import app_server  # benchmarks/ is the script's folder, first on sys.path

TARGET_P95_S, TARGET_RSS = 2.0, 1.5 * 1024**3
STEPS = ("overview", "participation map", "filter change")
STEP_TIMEOUT_MS = 60_000


def build_demo(folder: Path) -> str:
    from data_pipeline.cli import main as hyte

    url = f"sqlite:///{folder / 'demo.db'}"
    if hyte(["demo", "--out", str(folder / "pkg"), "--db", url, "-q"]) != 0:
        raise SystemExit("hyte demo failed")
    return url


async def session(browser, base: str, titles: dict[str, str], age_label: str, results: list, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 720}, locale="fi-FI")
    context.set_default_timeout(STEP_TIMEOUT_MS)  # clicks too: Playwright's own default is 30 s
    page = await context.new_page()
    try:
        # goto returns once the server answers; the rendered condition below (with its own timeout)
        # decides, not the browser's load event of the script bundles.
        for step, action in ((STEPS[0], lambda: page.goto(f"{base}/overview", wait_until="commit",
                                                         timeout=STEP_TIMEOUT_MS)),
                             # A click in the navigation, as a user moves on: same session, no reload.
                             (STEPS[1], lambda: page.locator('a[href$="/participation"]').first.click()),
                             (STEPS[2], lambda: _pick_age(page, age_label))):
            started = time.perf_counter()
            try:
                await action()
                if step == STEPS[2]:
                    await page.get_by_text(f"Rajaukset: {age_label}").first.wait_for(timeout=STEP_TIMEOUT_MS)
                title = titles["overview" if step == STEPS[0] else "participation"]
                await page.locator("h1", has_text=title).first.wait_for(timeout=STEP_TIMEOUT_MS)
                await page.wait_for_function(app_server.RENDERED_JS, timeout=STEP_TIMEOUT_MS)
            except Exception as exc:  # noqa: BLE001 - every failure is counted and reported, not raised
                errors.append(f"{step}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
                return
            results.append((step, time.perf_counter() - started))
            shown = await page.locator('[data-testid="stException"], [role="dialog"]').count()
            if shown:
                errors.append(f"{step}: {shown} exception(s) or error dialog(s) on screen")
    finally:
        await context.close()


async def _pick_age(page, label: str) -> None:
    await page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    await page.get_by_role("option", name=label, exact=True).click()


async def one_round(base: str, n: int, titles: dict[str, str], age_label: str, server_pid: int):
    """Run n sessions at once; returns (step times, errors, CPU-seconds the browser side used)."""
    from playwright.async_api import async_playwright

    results: list[tuple[str, float]] = []
    errors: list[str] = []
    async with async_playwright() as p:
        if not app_server.CHROMIUM.exists():
            raise SystemExit(f"{app_server.CHROMIUM} is missing: install Debian's chromium")
        browser = await p.chromium.launch(executable_path=str(app_server.CHROMIUM), args=app_server.CHROMIUM_ARGS)
        try:
            await asyncio.gather(*(session(browser, base, titles, age_label, results, errors) for _ in range(n)))
        finally:
            # Chromium and Playwright's driver are this process's descendants; the app is left out.
            browser_cpu = app_server.descendants_cpu_seconds(os.getpid(), exclude=server_pid)
            await browser.close()
    return results, errors, browser_cpu


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--db", help="store URL (default: a fresh demo store in a temporary folder)")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds to wait after the sessions close")
    parser.add_argument("--server-arg", action="append", default=[],
                        help="extra `streamlit run` option, e.g. --server-arg=--server.disconnectedSessionTTL=10")
    args = parser.parse_args(argv)

    from dashboard.core.i18n import translate

    titles = {"overview": translate("page.overview", "fi"), "participation": translate("page.participation", "fi")}
    age_label = "Työikäiset"
    with tempfile.TemporaryDirectory(prefix="hyte_sessions_") as tmp:
        url = args.db or build_demo(Path(tmp))
        print(f"Concurrent sessions against one `streamlit run` ({os.cpu_count()} cores); store "
              f"{'demo' if not args.db else args.db}; load average at start {app_server.loadavg()}", flush=True)
        with app_server.serve(url, tuple(args.server_arg)) as (base, server):
            asyncio.run(one_round(base, 1, titles, age_label, server.pid))  # warm-up: imports, first caches (not counted)
            print(f"  RSS after one warm-up session: {app_server.gb(app_server.memory(server.pid)['VmRSS'])}")
            print(f"  {'N':>3} {'step':<18} {'p50 s':>6} {'p95 s':>6} {'max s':>6}  errors  "
                  f"RSS before / peak / after {args.settle:.0f} s   load avg")
            verdicts = []
            for n in args.sessions:
                before = app_server.memory(server.pid)["VmRSS"]
                Path(f"/proc/{server.pid}/clear_refs").write_text("5")  # peak (VmHWM) from here on
                cpu, wall = app_server.cpu_seconds(server.pid), time.perf_counter()
                results, errors, browser_cpu = asyncio.run(one_round(base, n, titles, age_label, server.pid))
                cpu, wall = app_server.cpu_seconds(server.pid) - cpu, time.perf_counter() - wall
                peak = app_server.memory(server.pid)["VmHWM"]
                time.sleep(args.settle)
                after = app_server.memory(server.pid)["VmRSS"]
                load = app_server.loadavg()
                all_times = [s for _, s in results]
                for step in (*STEPS, "all steps"):
                    times = all_times if step == "all steps" else [s for name, s in results if name == step]
                    if not times:
                        print(f"  {n:>3} {step:<18} {'–':>6} {'–':>6} {'–':>6}")
                        continue
                    line = f"  {n:>3} {step:<18} {percentile(times, 50):6.2f} {percentile(times, 95):6.2f} {max(times):6.2f}"
                    if step == "all steps":
                        line += (f"  {len(errors):>6}  {app_server.gb(before)} / {app_server.gb(peak)} / "
                                 f"{app_server.gb(after)}   {load}")
                    print(line, flush=True)
                print(f"      CPU-seconds in {wall:.1f} s wall: app {cpu:.1f} ({cpu / n:.2f} a session), browser side "
                      f"{browser_cpu:.1f} ({browser_cpu / n:.2f} a session); both on the same {os.cpu_count()} cores")
                for error in errors[:5]:
                    print(f"        error: {error}")
                if n == 30 or n == max(args.sessions):
                    p95 = percentile(all_times, 95) if all_times else float("inf")
                    verdicts.append(f"N = {n}: p95 {p95:.2f} s [{'meets' if p95 <= TARGET_P95_S else 'MISSES'} ≤ 2 s], "
                                    f"errors {len(errors)} [{'meets' if not errors else 'MISSES'} 0], RSS after "
                                    f"{app_server.gb(after)} [{'meets' if after <= TARGET_RSS else 'MISSES'} ≤ 1.5 GB]")
        for verdict in verdicts:
            print("  " + verdict)
    print(f"Load average at the end: {app_server.loadavg()} (other work on the machine inflates every figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
