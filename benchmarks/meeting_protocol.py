"""A council meeting measured at the app: 30 visitors within 5 s, each as cheap as a real browser is to the server (issue 17 item 4).

    .venv/bin/python benchmarks/meeting_protocol.py                       # 30 in 5 s, direct and behind nginx
    .venv/bin/python benchmarks/meeting_protocol.py --sessions 60 --fronts nginx
    .venv/bin/python benchmarks/meeting_protocol.py --db sqlite:////tmp/national.db

Its predecessor drove 30 headless Chromiums, which on this 2-core machine need ~6 CPU-s each on the
browser core: the browsers' queue, not the app, decided its figures (benchmarks/README.md). Here each
visitor does what a new browser does to the server and nothing else:

1. downloads the files a real Chromium downloaded on its first visit to the same pages (recorded
   once at the start with Playwright: the index, the JavaScript and CSS chunks, fonts, health and
   host-config; not /media, which is per session), as Chromium asks (`Accept-Encoding: gzip, br`),
   six at a time; through nginx these come from nginx (deploy/nginx-hyte.conf);
2. opens the app's WebSocket (`/_stcore/stream`, subprotocol `streamlit`) and asks for the overview
   (a `rerun_script` BackMsg, as the browser's first message), reads every ForwardMsg until the run's
   `script_finished`;
3. navigates to the participation map (`rerun_script` with its `page_script_hash`, from the
   `navigation` message) and reads until that run has finished.

A step's time ends when the server has sent its page's last message; a browser would then lay the
page out. That last part happens on the visitor's own device, so it is measured once, apart: one
real Chromium opening the same two pages alone, minus this client's time for the same visit alone
("render on the device"). The printed estimate of a rendered page is the protocol time plus it.
An error is a step without `script_finished` in 120 s, a closed socket, or an exception element in
the page. The app is pinned to core 0 (`taskset`), the visitors and nginx to core 1.

The floor: the minimal Streamlit app (visitor_cpu.py's), on core 0, visited one at a time with the
same client and the same two steps; N × its CPU-seconds a visit is the least time one core needs for
N such visits. Target: p95 ≤ 5 s behind nginx, zero errors.
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
import urllib.parse
from pathlib import Path

import app_server  # benchmarks/ is the script's folder, first on sys.path
import httpx
import websockets
from load_sessions import percentile
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from visitor_cpu import MINIMAL_APP, MINIMAL_TITLE, build_demo

TARGET_P95_S = 5.0
APP_CORE, CLIENT_CORE = "0", 1
STEP_TIMEOUT_S = 120.0
PARALLEL_DOWNLOADS = 6  # a browser's connections per host
CHROME_HEADERS = {"Accept-Encoding": "gzip, deflate, br", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120"}


# --- what a real browser downloads -----------------------------------------------------------------

def record_files(base: str, first: str, second_link: str, first_title: str, second_title: str) -> list[list[str]]:
    """The same-origin files one Chromium fetched for each step (paths), /media and the socket left out."""
    from playwright.sync_api import sync_playwright

    steps: list[list[str]] = [[], []]
    current = steps[0]

    def seen(request) -> None:
        url = urllib.parse.urlsplit(request.url)
        if request.url.startswith(base) and request.method == "GET" and not url.path.startswith("/media/") \
                and "_stcore/stream" not in url.path and request.resource_type != "websocket":
            current.append(url.path + (f"?{url.query}" if url.query else ""))

    with sync_playwright() as p:
        browser = app_server.launch_chromium(p)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fi-FI").new_page()
            page.on("request", seen)
            page.goto(f"{base}{first}", wait_until="commit")
            app_server.wait_rendered(page, first_title, 120_000)
            current = steps[1]
            page.locator(f'a[href$="{second_link}"]').first.click()
            app_server.wait_rendered(page, second_title, 120_000)
        finally:
            browser.close()
    return steps


def browser_visit_seconds(base: str, first: str, second_link: str, first_title: str, second_title: str) -> list[float]:
    """One real Chromium, alone: seconds to each rendered page (its own device's time included)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = app_server.launch_chromium(p)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fi-FI").new_page()
            started = time.perf_counter()
            page.goto(f"{base}{first}", wait_until="commit")
            app_server.wait_rendered(page, first_title, 120_000)
            one = time.perf_counter() - started
            started = time.perf_counter()
            page.locator(f'a[href$="{second_link}"]').first.click()
            app_server.wait_rendered(page, second_title, 120_000)
            return [one, time.perf_counter() - started]
        finally:
            browser.close()


# --- one visitor over the protocol ------------------------------------------------------------------

def rerun(query: str, page_hash: str = "", page_name: str = "") -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_script_hash = page_hash
    msg.rerun_script.page_name = page_name
    return msg.SerializeToString()


async def until_finished(ws, pages: dict[str, str], expected: str | None = None) -> int:
    """Read ForwardMsgs until a run finished (not one ended early for a rerun); returns exceptions seen.
    Fills `pages` (url path -> page hash) from the navigation message; with `expected`, the run must
    have been that page's (its hash in the new_session message)."""
    exceptions = 0
    ran = None
    while True:
        raw = await ws.recv()
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            for page in msg.navigation.app_pages:
                pages[page.url_pathname] = page.page_script_hash
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element" \
                and msg.delta.new_element.WhichOneof("type") == "exception":
            exceptions += 1
        elif kind == "new_session":
            ran = msg.new_session.page_script_hash
        elif kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            if expected is not None and ran != pages.get(expected):
                raise RuntimeError(f"asked for {expected}, the app ran page {ran}")
            return exceptions


async def fetch_all(http: httpx.AsyncClient, base: str, paths: list[str]) -> int:
    """The files, six at a time, bytes as sent (not decompressed); returns bytes read."""
    limit = asyncio.Semaphore(PARALLEL_DOWNLOADS)
    total = 0

    async def one(path: str) -> None:
        nonlocal total
        async with limit:
            async with http.stream("GET", base + path, headers=CHROME_HEADERS) as reply:
                async for chunk in reply.aiter_raw():  # a 404 too: the browser asked and got it
                    total += len(chunk)

    await asyncio.gather(*(one(p) for p in paths))
    return total


async def visitor(base: str, files: list[list[str]], first_query: str, second_path: str, delay: float,
                  results: list, errors: list) -> None:
    await asyncio.sleep(delay)
    ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
    pages: dict[str, str] = {}
    started = time.perf_counter()
    try:
        async with httpx.AsyncClient(timeout=STEP_TIMEOUT_S) as http:
            await fetch_all(http, base, files[0])
            async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None,
                                          origin=base, open_timeout=STEP_TIMEOUT_S) as ws:
                await ws.send(rerun(first_query))
                shown = await asyncio.wait_for(until_finished(ws, pages), STEP_TIMEOUT_S)
                results.append(("first page", time.perf_counter() - started))
                if shown:
                    errors.append(f"first page: {shown} exception(s) on the page")
                started = time.perf_counter()
                if second_path.strip("/") not in pages:
                    raise RuntimeError(f"no page {second_path} in the navigation: {sorted(pages)}")
                downloads = asyncio.create_task(fetch_all(http, base, files[1]))  # lazy chunks, as the browser
                await ws.send(rerun("", pages[second_path.strip("/")], second_path.strip("/")))
                shown = await asyncio.wait_for(until_finished(ws, pages, second_path.strip("/")), STEP_TIMEOUT_S)
                await downloads
                results.append(("second page", time.perf_counter() - started))
                if shown:
                    errors.append(f"second page: {shown} exception(s) on the page")
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
        errors.append(f"{type(exc).__name__}: {str(exc)[:160]}")


async def meeting(base: str, files, first_query: str, second_path: str, n: int, spread: float):
    results: list[tuple[str, float]] = []
    errors: list[str] = []
    await asyncio.gather(*(visitor(base, files, first_query, second_path, i * spread / n, results, errors)
                           for i in range(n)))
    return results, errors


def cpu_per_visit(base: str, files, first_query: str, second_path: str, pid: int, visits: int, settle: float) -> float:
    asyncio.run(meeting(base, files, first_query, second_path, 1, 0))  # warm-up
    spent = []
    for _ in range(visits):
        before = app_server.cpu_seconds(pid)
        _, errors = asyncio.run(meeting(base, files, first_query, second_path, 1, 0))
        if errors:
            raise RuntimeError(errors)
        time.sleep(settle)
        spent.append(app_server.cpu_seconds(pid) - before)
    return statistics.median(spent)


def alone_seconds(base: str, files, first_query: str, second_path: str) -> list[float]:
    results, errors = asyncio.run(meeting(base, files, first_query, second_path, 1, 0))
    if errors:
        raise RuntimeError(errors)
    return [s for _, s in results]


# --- the run -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--spread", type=float, default=5.0, help="visitors arrive evenly within this many seconds")
    parser.add_argument("--db", help="store URL (default: a fresh demo store in a temporary folder)")
    parser.add_argument("--fronts", nargs="+", default=["direct", "nginx"], choices=["direct", "nginx"])
    parser.add_argument("--floor-visits", type=int, default=5)
    parser.add_argument("--settle", type=float, default=1.5)
    parser.add_argument("--skip-static", action="store_true",
                        help="no file downloads in the meeting round: the app's queue alone (behind nginx the files "
                             "are nginx's work, and 30 Python downloaders on one core become the limit)")
    args = parser.parse_args(argv)
    if (os.cpu_count() or 1) < 2:
        raise SystemExit("needs 2 cores: one for the app, one for the visitors")

    from dashboard.core.i18n import translate

    titles = {"overview": translate("page.overview", "fi"), "participation": translate("page.participation", "fi")}
    with tempfile.TemporaryDirectory(prefix="hyte_meeting_") as tmp:
        folder = Path(tmp)
        url = args.db or build_demo(folder)
        (folder / "minimal_app.py").write_text(MINIMAL_APP, encoding="utf-8")
        os.sched_setaffinity(0, {CLIENT_CORE})  # this client, Playwright, Chromium and nginx (children) on core 1
        print(f"Meeting at the protocol: app and minimal app on core {APP_CORE}, visitors and nginx on core "
              f"{CLIENT_CORE}; store {'demo' if not args.db else args.db}; load average {app_server.loadavg()}",
              flush=True)
        with contextlib.ExitStack() as stack:
            app_base, app = stack.enter_context(app_server.serve(url, cpus=APP_CORE))
            minimal_base, minimal = stack.enter_context(
                app_server.serve(url, script=str(folder / "minimal_app.py"), cpus=APP_CORE))
            fronts = {}
            if "direct" in args.fronts:
                fronts["direct"] = (app_base, minimal_base, None)
            if "nginx" in args.fronts:
                subprocess.run([str(app_server.ROOT / "deploy" / "static-gz.sh"), sys.executable], check=True,
                               stdout=subprocess.DEVNULL)
                made = []
                for name, base in (("app", app_base), ("minimal", minimal_base)):
                    (folder / f"nginx_{name}").mkdir()
                    made.append(stack.enter_context(app_server.nginx_front(base, folder / f"nginx_{name}")))
                fronts["nginx"] = (made[0][0], made[1][0], made[0][1])
            summary = {}
            for front, (base, mini_base, nginx_pid) in fronts.items():
                summary[front] = run_front(args, front, base, mini_base, app.pid, minimal.pid, nginx_pid, titles)
    print()
    for front, (p95, errors, floor, render) in summary.items():
        ok = p95 + render <= TARGET_P95_S and not errors
        print(f"  {front}: p95 {p95:.2f} s at the protocol + {render:.2f} s render on the device = {p95 + render:.2f} s, "
              f"errors {errors} [{'meets' if ok else 'MISSES'} p95 ≤ {TARGET_P95_S:g} s with 0 errors"
              f"{' (the target is behind nginx)' if front == 'direct' else ''}]; floor {floor:.1f} s")
    print(f"Load average at the end: {app_server.loadavg()}")
    return 0


def run_front(args, front: str, base: str, mini_base: str, app_pid: int, minimal_pid: int, nginx_pid: int | None,
              titles: dict[str, str]) -> tuple[float, int, float, float]:
    files = record_files(base, "/overview", "/participation", titles["overview"], titles["participation"])
    mini_files = record_files(mini_base, "/", "/other", MINIMAL_TITLE, "Toinen sivu")
    print(f"\n  {front}: a new Chromium fetched {len(files[0])} + {len(files[1])} files for the two pages "
          f"(minimal app {len(mini_files[0])} + {len(mini_files[1])})", flush=True)
    floor = cpu_per_visit(mini_base, mini_files, "", "other", minimal_pid, args.floor_visits, args.settle)
    own = cpu_per_visit(base, files, "", "participation", app_pid, args.floor_visits, args.settle)
    alone = alone_seconds(base, files, "", "participation")
    real = browser_visit_seconds(base, "/overview", "/participation", titles["overview"], titles["participation"])
    render = max(0.0, statistics.fmean(r - a for r, a in zip(real, alone)))
    print(f"    one visit alone: protocol {alone[0]:.2f} + {alone[1]:.2f} s, real Chromium {real[0]:.2f} + "
          f"{real[1]:.2f} s: the device's own layout and drawing ≈ {render:.2f} s a page")
    print(f"    app CPU a visit (one at a time): {own:.3f} s; minimal app {floor:.3f} s ({own / floor:.2f}×)")
    time.sleep(args.settle)
    before = app_server.memory(app_pid)["VmRSS"]
    Path(f"/proc/{app_pid}/clear_refs").write_text("5")  # peak (VmHWM) from here on
    cpu, nginx_cpu, wall = app_server.cpu_seconds(app_pid), app_server.nginx_cpu_seconds(nginx_pid) if nginx_pid else 0.0, \
        time.perf_counter()
    client_cpu = time.process_time()
    round_files = [[], []] if args.skip_static else files
    results, errors = asyncio.run(meeting(base, round_files, "", "participation", args.sessions, args.spread))
    wall = time.perf_counter() - wall
    client_cpu = time.process_time() - client_cpu
    cpu = app_server.cpu_seconds(app_pid) - cpu
    nginx_cpu = (app_server.nginx_cpu_seconds(nginx_pid) - nginx_cpu) if nginx_pid else 0.0
    peak = app_server.memory(app_pid)["VmHWM"]
    time.sleep(args.settle)
    after = app_server.memory(app_pid)["VmRSS"]
    n = args.sessions
    times = [s for _, s in results]
    print(f"    {n} visitors arriving within {args.spread:g} s{' (no file downloads)' if args.skip_static else ''} "
          f"(load average {app_server.loadavg()}):")
    for step in ("first page", "second page", "both"):
        ts = times if step == "both" else [s for name, s in results if name == step]
        if ts:
            print(f"      {step:<12} p50 {percentile(ts, 50):6.2f} s  p95 {percentile(ts, 95):6.2f} s  max {max(ts):6.2f} s"
                  f"  ({len(ts)} pages)")
    print(f"      errors {len(errors)}; app RSS before / peak / after {app_server.gb(before)} / {app_server.gb(peak)} / "
          f"{app_server.gb(after)}; app CPU {cpu:.1f} s ({cpu / n:.3f} s a visitor) in {wall:.1f} s wall"
          + (f"; nginx {nginx_cpu:.2f} s" if nginx_pid else "")
          + f"; this client {client_cpu:.1f} s on core {CLIENT_CORE}"
          + (" (near the wall time: the client, not the app, is the limit)" if client_cpu > 0.8 * wall else ""))
    p95 = percentile(times, 95) if times else float("inf")
    print(f"      floor: {n} × the minimal app's {floor:.3f} CPU-s = {n * floor:.1f} s of one core; the app used "
          f"{cpu / (n * floor):.2f}× that; p95 {p95:.2f} s = {p95 / (n * floor):.2f}× the floor")
    for error in errors[:5]:
        print(f"      error: {error}")
    return p95, len(errors), n * floor, render


if __name__ == "__main__":
    sys.exit(main())
