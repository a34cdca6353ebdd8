"""The files in deploy/ parse, and say what a working install needs (websockets, timeouts, stickiness)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).parents[2] / "deploy"


def unit(name: str) -> configparser.ConfigParser:
    # systemd units are INI-like: keys are case-sensitive, values may repeat a key name across sections.
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read_string((DEPLOY / name).read_text(encoding="utf-8"))
    return parser


def test_app_unit_serves_streamlit_behind_the_proxy():
    app = unit("hyte-app@.service")
    assert set(app.sections()) == {"Unit", "Service", "Install"}
    start = app["Service"]["ExecStart"]
    assert "streamlit run dashboard/app.py" in start
    assert "--server.address 127.0.0.1" in start and "--server.port %i" in start  # one unit per replica port
    assert app["Service"]["EnvironmentFile"] == "/etc/hyte/hyte.env"
    # A server: no file watcher stat-ing every module for each new visitor (benchmarks/visitor_cpu.py).
    assert "--server.fileWatcherType none" in start and "--server.runOnSave false" in start
    assert app["Service"]["Restart"] == "on-failure"
    assert app["Install"]["WantedBy"] == "multi-user.target"


def test_nightly_refresh_timer_starts_the_refresh_service():
    service, timer = unit("hyte-refresh.service"), unit("hyte-refresh.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].startswith("/opt/hyte/.venv/bin/hyte refresh --config ")
    assert "hyte health" in service["Service"]["ExecStartPost"]
    assert timer["Timer"]["Unit"] == "hyte-refresh.service"
    assert re.fullmatch(r"\*-\*-\* \d\d:\d\d:\d\d", timer["Timer"]["OnCalendar"])
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_env_example_names_the_store_and_the_package():
    lines = [line for line in (DEPLOY / "hyte.env.example").read_text().splitlines() if line and line[0] != "#"]
    assert {line.split("=", 1)[0] for line in lines} == {"HYTE_DATABASE_URL", "HYTE_PACKAGE_CONFIG"}


def nginx_blocks(text: str) -> list:
    """A structural parse of an nginx config: [(directive words, children or None)], braces balanced."""
    tokens = re.findall(r"'[^']*'|\"[^\"]*\"|[{};]|[^\s{};]+", re.sub(r"#[^\n]*", "", text))
    stack: list[list] = [[]]
    words: list[str] = []
    for token in tokens:
        if token == "{":
            block: list = []
            stack[-1].append((words, block))
            stack.append(block)
            words = []
        elif token == "}":
            assert not words, f"directive {words} is missing its ';'"
            stack.pop()
            assert stack, "unbalanced '}'"
        elif token == ";":
            stack[-1].append((words, None))
            words = []
        else:
            words.append(token)
    assert len(stack) == 1 and not words, "unclosed block or directive"
    return stack[0]


def find(blocks: list, name: str, *args: str) -> list:
    return [(w, c) for w, c in blocks if w[0] == name and tuple(w[1:1 + len(args)]) == args]


def directives(block: list) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for words, _children in block:
        out.setdefault(words[0], []).append(words[1:])
    return out


def test_nginx_site_proxies_websockets_with_tls_and_sticky_sessions():
    config = nginx_blocks((DEPLOY / "nginx-hyte.conf").read_text())
    (_, upstream), = find(config, "upstream", "hyte_app")
    upstream_d = directives(upstream)
    assert "ip_hash" in upstream_d and len(upstream_d["server"]) >= 2  # replicas, each client pinned to one
    (_, upgrade_map), = find(config, "map", "$http_upgrade", "$connection_upgrade")
    assert ["default", "upgrade"] in [w for w, _ in upgrade_map]

    tls = [c for _, c in find(config, "server") if any(w[:2] == ["443", "ssl"] for w in directives(c).get("listen", []))]
    assert len(tls) == 1
    server = directives(tls[0])
    assert "ssl_certificate" in server and "ssl_certificate_key" in server
    (_, root), = find(tls[0], "location", "/")
    location = directives(root)
    assert location["proxy_pass"] == [["http://hyte_app"]]
    assert location["proxy_http_version"] == [["1.1"]]
    assert ["Upgrade", "$http_upgrade"] in location["proxy_set_header"]
    assert ["Connection", "$connection_upgrade"] in location["proxy_set_header"]
    seconds = int(location["proxy_read_timeout"][0][0].rstrip("s"))
    assert seconds >= 3600  # the default 60 s would drop an idle projector's websocket
    assert find(tls[0], "location", "=", "/_stcore/health")


def test_the_structural_parse_catches_a_missing_semicolon():
    with pytest.raises(AssertionError):
        nginx_blocks("server { listen 80 }")


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed: only the structural parse ran")
def test_nginx_accepts_the_site(tmp_path):
    site = (DEPLOY / "nginx-hyte.conf").read_text()
    # Certificates are the municipality's; nginx -t needs files, so point it at a throwaway pair.
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                    "-keyout", str(tmp_path / "k.pem"), "-out", str(tmp_path / "c.pem")], check=True,
                   capture_output=True)
    site = site.replace("/etc/ssl/certs/hyte.kunta.fi.pem", str(tmp_path / "c.pem"))
    site = site.replace("/etc/ssl/private/hyte.kunta.fi.key", str(tmp_path / "k.pem"))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ access_log off; {site} }}\n")
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_nginx_serves_streamlits_static_files_precompressed_and_long_cached():
    config = nginx_blocks((DEPLOY / "nginx-hyte.conf").read_text())
    tls = [c for _, c in find(config, "server") if any(w[:2] == ["443", "ssl"] for w in directives(c).get("listen", []))]
    (_, static), = find(tls[0], "location", "/static/")
    location = directives(static)
    alias = location["alias"][0][0]
    assert alias.startswith("/opt/hyte/.venv/") and alias.endswith("/site-packages/streamlit/static/static/")
    assert location["gzip_static"] == [["on"]]
    assert ["Cache-Control", '"public, max-age=31536000, immutable"'] in location["add_header"]
    assert "proxy_pass" not in location  # the app processes never see these requests


def test_static_gz_writes_a_gzip_beside_each_compressible_file(tmp_path):
    static = tmp_path / "streamlit" / "static" / "static"
    (static / "js").mkdir(parents=True)
    (static / "js" / "main.abc.js").write_text("console.log('hyte');" * 100)
    (static / "media").mkdir()
    (static / "media" / "logo.png").write_bytes(b"\x89PNG....")
    (static / "js" / "gone.js.gz").write_bytes(b"stale")  # its original was removed by an upgrade
    # A stand-in for the venv's python: prints where "streamlit" is, as the real one would.
    python = tmp_path / "python"
    python.write_text(f"#!/bin/sh\necho {static}\n")
    python.chmod(0o755)
    result = subprocess.run([str(DEPLOY / "static-gz.sh"), str(python)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    import gzip

    assert gzip.decompress((static / "js" / "main.abc.js.gz").read_bytes()) == (static / "js" / "main.abc.js").read_bytes()
    assert (static / "js" / "main.abc.js").exists()  # kept for clients without gzip
    assert not (static / "media" / "logo.png.gz").exists()  # already compressed formats are left alone
    assert not (static / "js" / "gone.js.gz").exists()


def test_static_gz_says_what_is_wrong_without_streamlit(tmp_path):
    python = tmp_path / "python"
    python.write_text(f"#!/bin/sh\necho {tmp_path / 'nowhere'}\n")
    python.chmod(0o755)
    result = subprocess.run([str(DEPLOY / "static-gz.sh"), str(python)], capture_output=True, text=True)
    assert result.returncode == 1 and "is streamlit installed" in result.stderr
