"""Fetches the plan's indicators from Sotkanet's REST API 1.1 into the response cache, politely.

Polite: a descriptive User-Agent, one indicator per data request, retries with backoff only on
timeouts and 5xx, and incremental refresh: an indicator whose metadata `data-updated` has not changed
since the cached copy is not downloaded again (the terms ask for no repeated bulk downloads).
Robust: a response is checked before it replaces the cached one (written to a temporary file and
renamed), so a truncated or malformed body never reaches the cache or the store.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from data_pipeline.config import Config

log = logging.getLogger(__name__)

USER_AGENT = "hyte-dashboard/0.1 (municipal wellbeing dashboard; +https://github.com/ ; python-urllib)"
REGIONS_MAX_AGE_S = 7 * 24 * 3600  # the region list changes about once a decade


class SotkanetError(Exception):
    """A request that failed after retries; the message says which indicator and what to check."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass
class FetchReport:
    requests: int = 0
    downloaded: list[int] = field(default_factory=list)   # indicators whose data was fetched
    unchanged: list[int] = field(default_factory=list)    # data-updated unchanged: not fetched
    failed: dict[int | str, str] = field(default_factory=dict)  # indicator (or "regions") -> message

    @property
    def ok(self) -> bool:
        return not self.failed


def _explain(status: int | None, what: str, service: str) -> str:
    if status == 403:
        return (f"{what}: {service} kieltäytyi (HTTP 403). Tarkista välityspalvelin (proxy) ja että pyynnöissä on "
                f"kuvaava User-Agent / {service} refused the request (HTTP 403): check the proxy and the User-Agent")
    if status == 404:
        return f"{what}: ei löydy palvelusta {service} (HTTP 404) – tarkista tunnus / not found (HTTP 404): check the id"
    if status is None:
        return f"{what}: {service} ei vastannut / no answer from {service}"
    return f"{what}: {service} vastasi virheellä HTTP {status} / {service} answered HTTP {status}"


class SotkanetClient:
    """A small JSON-over-HTTP client with Sotkanet's manners; also used for Statistics Finland's WFS."""

    def __init__(self, base_url: str, timeout: float = 30.0, retries: int = 3, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep, service: str = "Sotkanet"):
        self.service = service
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.requests = 0

    def url(self, path: str, params: list[tuple[str, object]] | None = None) -> str:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return f"{self.base_url}/{path.lstrip('/')}{query}" if path else f"{self.base_url}{query}"

    def get(self, path: str, what: str, params: list[tuple[str, object]] | None = None) -> object:
        """GET and parse JSON, retrying timeouts and 5xx; raise SotkanetError with a clear message."""
        url = self.url(path, params)
        last_status: int | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self.requests += 1
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    expected = response.headers.get("Content-Length")
                    body = response.read()
            except http.client.IncompleteRead as exc:
                raise SotkanetError(f"{what}: vastaus katkesi ({len(exc.partial)} tavua saatu) / response was cut "
                                    "off; tietoja ei muutettu / nothing was changed") from None
            except urllib.error.HTTPError as exc:
                last_status = exc.code
                if exc.code < 500:
                    raise SotkanetError(_explain(exc.code, what, self.service), exc.code) from None
                log.warning("%s: HTTP %s from %s (attempt %d)", what, exc.code, url, attempt + 1)
                continue
            except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as exc:
                last_status = None
                log.warning("%s: %s from %s (attempt %d)", what, exc, url, attempt + 1)
                continue
            if expected is not None and len(body) != int(expected):
                raise SotkanetError(f"{what}: vastaus katkesi ({len(body)}/{expected} tavua) / "
                                    "response was cut off", None)
            try:
                return json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise SotkanetError(f"{what}: vastaus on rikki tai katkennut / malformed or truncated response: "
                                    f"{exc}") from None
        raise SotkanetError(_explain(last_status, what, self.service) + f" ({self.retries + 1} yritystä / attempts)",
                            last_status)


def _write_atomic(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def _read(path: Path) -> object | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _check_rows(rows: object, indicator_id: int) -> None:
    if not isinstance(rows, list):
        raise SotkanetError(f"indikaattori {indicator_id}: vastaus ei ole taulukko / response is not an array")
    for row in rows:
        if not isinstance(row, dict) or row.get("indicator") != indicator_id or "region" not in row \
                or "year" not in row or "gender" not in row:
            raise SotkanetError(f"indikaattori {indicator_id}: vastauksessa on vajaa rivi / incomplete row: "
                                f"{json.dumps(row)[:120]}")


def fetch(config: Config, client: SotkanetClient | None = None,
          progress: Callable[[str, int], None] | None = None) -> FetchReport:
    """Bring the cache up to date for every Sotkanet indicator of the plan."""
    client = client or SotkanetClient(config.sotkanet_url, timeout=config.sotkanet_timeout_s,
                                      retries=config.sotkanet_retries, backoff=config.sotkanet_backoff_s)
    cache = config.sotkanet_cache_dir
    report = FetchReport()
    regions_path = cache / "regions.json"
    try:
        if not regions_path.is_file() or time.time() - regions_path.stat().st_mtime > REGIONS_MAX_AGE_S:
            regions = client.get("regions", "alueluettelo / region list")
            if not isinstance(regions, list) or not regions:
                raise SotkanetError("alueluettelo / region list: tyhjä tai väärän muotoinen / empty or malformed")
            _write_atomic(regions_path, regions)
    except SotkanetError as exc:
        report.failed["regions"] = str(exc)

    first, last = config.sotkanet_years
    for ind in (i for i in config.indicators if i.source == "sotkanet"):
        what = f"indikaattori / indicator {ind.id}"
        meta_path, data_path = cache / "indicators" / f"{ind.id}.json", cache / "data" / f"{ind.id}.json"
        try:
            meta = client.get(f"indicators/{ind.id}", what)
            if not isinstance(meta, dict) or meta.get("id") != ind.id:
                raise SotkanetError(f"{what}: kuvailutiedot ovat vajaat / metadata incomplete")
            cached = _read(meta_path)
            if (isinstance(cached, dict) and cached.get("data-updated") == meta.get("data-updated")
                    and meta.get("data-updated") and data_path.is_file()):
                report.unchanged.append(ind.id)
                continue
            params = [("indicator", ind.id), *(("years", y) for y in range(first, last + 1)),
                      ("genders", "total"), ("genders", "male"), ("genders", "female")]
            rows = client.get("json", what, params)
            _check_rows(rows, ind.id)
            # Data first, metadata last: a stop in between leaves the old data-updated, so it is refetched.
            _write_atomic(data_path, rows)
            _write_atomic(meta_path, meta)
            report.downloaded.append(ind.id)
            if progress:
                progress(f"sotkanet {ind.id}", len(rows))
        except SotkanetError as exc:
            report.failed[ind.id] = str(exc)
    report.requests = client.requests
    return report
