"""Serves the app with `streamlit run` for the benchmarks, opens its pages in headless Chromium, reads its memory.

Shared by national.py (peak memory after opening every page) and load_sessions.py (concurrent
sessions). The server is one process; its memory is read from /proc (VmRSS now, VmHWM the peak).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dashboard.core.pages import with_data

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Where deploy/nginx-hyte.conf expects Streamlit's static files (the production venv's package).
DEPLOY_STATIC = "/opt/hyte/.venv/lib/python3.11/site-packages/streamlit/static/static/"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
# url path -> i18n key of the page's h1 (the rendered page is recognised by its title): the screens with figures
PAGES = {s.url_path: s.title_key for s in with_data()}
# A page has rendered when its title is there and Streamlit shows neither its running widget nor a
# placeholder skeleton (the same condition as tests/test_browser.py).
RENDERED_JS = """() => !document.querySelector('[data-testid="stStatusWidget"],'
                                              + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def memory(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak since start) of a process, in bytes."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key = line.split(":")[0]
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(line.split()[1]) * 1024
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants_cpu_seconds(root: int, exclude: int | None = None) -> float:
    """CPU time used so far by the living processes below `root` (e.g. the browser), `exclude` and its own left out."""
    parent, cpu = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        cpu[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def below(pid: int) -> bool:
        while pid in parent and pid not in (0, 1):
            if pid == exclude:
                return False
            pid = parent[pid]
            if pid == root:
                return True
        return False

    return sum(seconds for pid, seconds in cpu.items() if below(pid))


def gb(n: int) -> str:
    return f"{n / 1024**3:.2f} GB"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db_url: str, extra_args: tuple[str, ...] = (), script: str = "dashboard/app.py", cpus: str | None = None,
          root: Path = ROOT):
    """`streamlit run dashboard/app.py` (or `script`) on a free port reading `db_url`, with the deploy's
    server options (deploy/hyte-app@.service); `cpus` pins it (`taskset -c CPUS`, e.g. "0"); yields
    (base url, process). `root`: another checkout of the project to serve (e.g. a baseline revision),
    its packages first on the path ahead of this venv's editable install."""
    port = _free_port()
    extra_args = (*deploy_server_args(), *extra_args)
    env = {**os.environ, "HYTE_DATABASE_URL": db_url}
    if root != ROOT:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))
    log = open(os.devnull, "w")  # noqa: SIM115 - closed below; the app's log is not part of the figures
    server = subprocess.Popen(
        [*(["taskset", "-c", cpus] if cpus else []), sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1", *extra_args],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, server, "streamlit", 90)
        yield base, server
    finally:
        stop(server, 15)
        log.close()


def deploy_server_args() -> tuple[str, ...]:
    """The `--server.*` options of the deploy's ExecStart but its address, port and headless (set here)."""
    unit = (ROOT / "deploy" / "hyte-app@.service").read_text(encoding="utf-8")
    words = next(line for line in unit.splitlines() if line.startswith("ExecStart=")).split()
    out = []
    for option, value in zip(words, words[1:]):
        if option.startswith("--server.") and option not in ("--server.address", "--server.port", "--server.headless"):
            out += [option, value]
    return tuple(out)


def launch_chromium(playwright):
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: install Debian's chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def wait_rendered(page, h1: str, timeout_ms: int = 60_000) -> None:
    page.locator("h1", has_text=h1).first.wait_for(timeout=timeout_ms)
    page.wait_for_function(RENDERED_JS, timeout=timeout_ms)


def page_errors(page) -> int:
    """Exceptions and error dialogs (e.g. "Page not found") the user would see."""
    return page.locator('[data-testid="stException"]').count() + page.locator('[role="dialog"]').count()


# --- nginx in front (deploy/nginx-hyte.conf's own locations, on loopback without TLS) -------------------

NGINX = Path("/usr/sbin/nginx")
DEPLOY_SITE = ROOT / "deploy" / "nginx-hyte.conf"


def streamlit_static() -> Path:
    """The installed Streamlit's static folder (the one holding index.html and static/js, static/css)."""
    import streamlit

    return Path(streamlit.__file__).parent / "static"


def deploy_location(name: str) -> str:
    """The text of one `location <name> { ... }` block of deploy/nginx-hyte.conf (no nested blocks)."""
    text = DEPLOY_SITE.read_text(encoding="utf-8")
    start = text.index(f"location {name} {{")
    return text[start:text.index("}", start) + 1]


@contextlib.contextmanager
def nginx_front(upstream: str, folder: Path):
    """nginx on a free loopback port proxying to `upstream` (http://127.0.0.1:PORT) with the deploy's
    `location /static/` (aliased to this venv's Streamlit, precompressed by deploy/static-gz.sh) and its
    proxy settings for everything else; yields (base url, nginx master pid)."""
    if not NGINX.exists():
        raise SystemExit(f"{NGINX} is missing: install Debian's nginx")
    port = _free_port()
    static = deploy_location("/static/").replace(DEPLOY_STATIC, f"{streamlit_static()}/static/")
    proxied = deploy_location("/").replace("http://hyte_app", upstream)
    (folder / "nginx.conf").write_text(f"""
daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log warn; worker_processes 1;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy; fastcgi_temp_path {folder}/fcgi;
    uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    server {{
        listen 127.0.0.1:{port};
        {static}
        {proxied}
    }}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc, "nginx", 20, lambda: (folder / "error.log").read_text())
        yield base, proc.pid
    finally:
        stop(proc, 10)


def wait_healthy(base: str, proc: subprocess.Popen, name: str, seconds: float, log=lambda: "") -> None:
    """Until `base`/_stcore/health answers 200; an error saying why if `proc` exits (with `log()`) or
    `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}: {log()}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer at {base}") from None
            time.sleep(0.2)


def stop(proc: subprocess.Popen, seconds: float) -> None:
    """Terminate `proc`, killing it if it has not exited within `seconds`."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def nginx_cpu_seconds(master: int) -> float:
    """CPU time of the nginx master and its workers so far."""
    return cpu_seconds(master) + descendants_cpu_seconds(master)
