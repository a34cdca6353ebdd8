"""A real OpenID Connect provider, the deploy's nginx and app replicas on 127.0.0.1, for tests/test_oidc.py.

The provider is node-oidc-provider (OpenID Certified) run by tests/oidc/provider.mjs; its packages
come from tests/oidc/package-lock.json (`npm ci`, which .ci/run does). nginx is Debian's, running a
copy of deploy/nginx-hyte.conf rendered onto loopback ports without TLS.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.nginx_conf import write_nginx_conf
import streamlit
from support.served_app import ROOT

OIDC_DIR = ROOT / "tests" / "oidc"
NGINX_CONF = ROOT / "deploy" / "nginx-hyte.conf"
CLIENT_ID = "hyte"
CLIENT_SECRET = "test-client-secret-5b1c"
COOKIE_SECRET = "0123456789abcdef" * 4
PUBLISH_SECRET = "test-publish-secret"
STARTUP_SECONDS = 60


def need_node() -> str:
    """The node binary, with the provider's packages installed; skipped (with the reason) without Node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing: install Node.js 20+ and npm (Debian: apt-get install nodejs npm) "
                    "to run the sign-in tests against a real OpenID Connect provider")
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is missing: install it to fetch oidc-provider (tests/oidc/package-lock.json)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=OIDC_DIR, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    return node


def _wait_for(url: str, process: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start at {url}: {log.read_text()[-2000:]}")
        time.sleep(0.3)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def provider(port: int, redirect_uris: list[str], folder: Path) -> Iterator[str]:
    """The provider on 127.0.0.1:`port`; yields its discovery document's URL."""
    node = need_node()
    log_path = folder / "provider.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([node, "provider.mjs", str(port), CLIENT_SECRET, *redirect_uris],
                                   cwd=OIDC_DIR, stdout=log, stderr=subprocess.STDOUT)
        metadata = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
        try:
            _wait_for(metadata, process, log_path, "oidc-provider")
            yield metadata
        finally:
            _stop(process)


def secrets_toml(redirect_uri: str, metadata_url: str, *, providers: dict[str, dict] | None = None) -> str:
    """The secrets.toml of a test app: the [auth] provider (as for Entra ID) or named ones, and roles."""
    def table(values: dict) -> str:
        return "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items())

    client = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "server_metadata_url": metadata_url}
    text = "[auth]\n" + table({"redirect_uri": redirect_uri, "cookie_secret": COOKIE_SECRET})
    # oidc-provider refuses Streamlit's default prompt=select_account (not in its prompt_values_supported).
    kwargs = '{ scope = "openid profile email", prompt = "login" }'
    if providers is None:
        text += table(client) + f"client_kwargs = {kwargs}\n"
    for name, overrides in (providers or {}).items():
        text += f"\n[auth.{name}]\n" + table({**client, **overrides}) + f"client_kwargs = {kwargs}\n"
    text += "\n[access]\n" + table({
        "viewers": ["viewer@hyte.test", "@kunta.test"],
        "coordinators": ["coordinator@hyte.test"],
        "admins": ["admin@hyte.test"],
        "group_claim": "groups",
        "coordinator_groups": ["grp-hyte-coordinators"],
        "publish_secret": PUBLISH_SECRET,
    })
    return text


def render_nginx(listen: int, replicas: list[int], folder: Path) -> Path:
    """deploy/nginx-hyte.conf on loopback: the same upstream, websocket and proxy settings, plain HTTP.

    Changed for the test only: ports, no port-80 redirect, no TLS lines, logs and temp files in
    `folder`, and an X-Upstream header saying which replica answered.
    """
    site = NGINX_CONF.read_text()
    site = re.sub(r"server 127\.0\.0\.1:8501;\s*server 127\.0\.0\.1:8502;",
                  " ".join(f"server 127.0.0.1:{port};" for port in replicas), site)
    site = re.sub(r"server \{\s*listen 80;.*?return 301 [^}]*\}", "", site, flags=re.S)
    site = re.sub(r"listen 443 ssl http2;", f"listen 127.0.0.1:{listen};", site)
    site = re.sub(r"\n\s*(listen \[::\]:443[^;]*|ssl_[a-z_]+ [^;]*|add_header Strict-Transport-Security[^;]*);", "",
                  site)
    site = re.sub(r"access_log /var/log/nginx/hyte\.access\.log;", f"access_log {folder}/access.log;", site)
    site = re.sub(r"error_log  /var/log/nginx/hyte\.error\.log;", f"error_log {folder}/error.log;", site)
    site = site.replace("proxy_buffering off;",
                        "proxy_buffering off;\n        add_header X-Upstream $upstream_addr always;")
    # The static files from this virtualenv's Streamlit, as the deploy serves the installed package's.
    static = Path(streamlit.__file__).parent / "static" / "static"
    site = re.sub(r"alias /opt/hyte/\.venv/lib/python[0-9.]+/site-packages/streamlit/static/static/;",
                  f"alias {static}/;", site)
    site = site.replace("alias /opt/hyte/dashboard/static/favicon.svg;", f"alias {ROOT / 'dashboard' / 'static' / 'favicon.svg'};")
    assert "ssl" not in site and f"127.0.0.1:{replicas[0]}" in site and f"alias {static}/;" in site, site
    # Debian's nginx.conf includes its mime.types: the app's static files need their types.
    return write_nginx_conf(folder, site, connections=256, mime_types=True)


@contextlib.contextmanager
def nginx(conf: Path, port: int) -> Iterator[str]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is missing: apt-get install nginx (the replica test runs the deploy's nginx config)")
    log_path = conf.parent / "nginx.out"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [binary, "-c", str(conf), "-p", str(conf.parent), "-e", str(conf.parent / "error.log")],
            stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(f"http://127.0.0.1:{port}/_stcore/health", process, log_path, "nginx")
            yield f"http://127.0.0.1:{port}"
        finally:
            _stop(process)
