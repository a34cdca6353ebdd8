"""A local stand-in for Sotkanet's REST API 1.1 on 127.0.0.1, serving responses in the real format.

Faults can be scripted per path: an HTTP status, a delay longer than the client's timeout, a body
cut short of its Content-Length, or malformed JSON.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


# Paavo's age bands and one postal area as its WFS answers carry it (for the Paavo stand-in).
BANDS = ["he_0_2", "he_3_6", "he_7_12", "he_13_15", "he_16_17", "he_18_19", "he_20_24", "he_25_29", "he_30_34",
         "he_35_39", "he_40_44", "he_45_49", "he_50_54", "he_55_59", "he_60_64", "he_65_69", "he_70_74",
         "he_75_79", "he_80_84", "he_85_"]


def postal_area(code: str, name: str, x0: float, counts: dict[str, int | None]) -> dict:
    ring = [[x0, 6_830_000], [x0 + 1_000, 6_830_000], [x0 + 1_000, 6_831_000], [x0, 6_831_000], [x0, 6_830_000]]
    props = {"postinumeroalue": code, "nimi": name, "namn": name + " sv", "kunta": "999", "he_vakiy": 0,
             **{band: counts.get(band, 10) for band in BANDS}}
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}


@dataclass
class Fault:
    status: int | None = None      # answer with this HTTP status
    delay_s: float = 0.0           # wait before answering
    truncate: bool = False         # send half the body with the full Content-Length
    malformed: bool = False        # send invalid JSON with a correct length
    times: int = 10**9             # how many requests this fault applies to


@dataclass
class FakeSotkanet:
    regions: list
    metadata: dict[int, dict]
    data: dict[int, list]
    requests: list[tuple[str, dict, str]] = field(default_factory=list)  # (path, query, user agent)
    faults: dict[str, Fault] = field(default_factory=dict)

    def route(self, path: str, query: dict) -> object | None:
        if path == "/regions":
            return self.regions
        if path == "/indicators":  # the catalogue: every indicator's id and titles, as the real list
            return [{"id": i, "title": m.get("title"), "organization": m.get("organization")}
                    for i, m in sorted(self.metadata.items())]
        if path.startswith("/indicators/"):
            return self.metadata.get(int(path.rsplit("/", 1)[1]))
        if path == "/json":
            ind = int(query["indicator"][0])
            years = {int(y) for y in query.get("years", [])}
            genders = set(query.get("genders", []))
            rows = self.data.get(ind)
            if rows is None:
                return None
            # Like the real API: every region, only the years and genders asked for.
            return [r for r in rows if r["year"] in years and r["gender"] in genders]
        return None

    def data_requests(self) -> int:
        return sum(1 for path, _, _ in self.requests if path == "/json")


@dataclass
class FakePaavo(FakeSotkanet):
    """Statistics Finland's Paavo WFS (`/wfs`): one municipality's postal areas for one year, as GeoJSON."""

    regions: list = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    collections: dict[tuple[int, str], dict] = field(default_factory=dict)  # (year, municipality) -> areas

    def route(self, path, query):
        if path != "/wfs":
            return None
        layer = (query.get("typeNames") or [""])[0]
        where = (query.get("CQL_FILTER") or [""])[0]
        if not layer.startswith("postialue:pno_tilasto_") or not where.startswith("kunta='"):
            return None
        found = self.collections.get((int(layer.rsplit("_", 1)[1]), where[len("kunta='"):-1]))
        # The real WFS answers an unknown municipality with an empty collection, not 404.
        return found or {"type": "FeatureCollection", "features": []}


def serve(fake: FakeSotkanet):
    """Start the server in a thread; returns (base_url, stop)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def do_GET(self):  # noqa: N802 - http.server's naming
            parsed = urllib.parse.urlparse(self.path)
            path = parsed.path.removeprefix("/rest/1.1")
            query = urllib.parse.parse_qs(parsed.query)
            fake.requests.append((path, query, self.headers.get("User-Agent", "")))
            fault = fake.faults.get(path)
            if fault and fault.times > 0:
                fault.times -= 1
                if fault.delay_s:
                    time.sleep(fault.delay_s)
                if fault.status:
                    self._send(fault.status, b'{"error": "scripted"}')
                    return
            payload = fake.route(path, query)
            if payload is None:
                self._send(404, b'{"error": "not found"}')
                return
            body = json.dumps(payload).encode("utf-8")
            if fault and fault.malformed:
                body = body[:-1] + b"}"
            if fault and fault.truncate:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self._send(200, body)

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/rest/1.1", stop
