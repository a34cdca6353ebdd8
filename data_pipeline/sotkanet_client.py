"""Fetches the plan's indicators from Sotkanet's REST API 1.1 into the response cache, politely.

Polite: a descriptive User-Agent, one indicator per data request, retries with backoff only on
time-outs and 5xx, and incremental refresh: an indicator whose metadata `data-updated` has not changed
since the cached copy is not downloaded again (the terms ask for no repeated bulk downloads).
Quick to give up on an outage: a refused connection or a name that does not resolve fails at once
(no retry: asking again a second later gets the same answer), and after a few consecutive failures a
host is not asked again during the refresh (circuit breaker, `HttpSession`), so a machine without
network finishes in seconds and says in one line what to check.
Robust: a response is checked before it replaces the cached one (written to a temporary file and
renamed), so a truncated or malformed body never reaches the cache or the store.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import tenacity

from data_pipeline.config import Config

log = logging.getLogger(__name__)

USER_AGENT = "hyte-dashboard/0.2 (municipal wellbeing dashboard; +https://github.com/ ; python-httpx)"
REGIONS_MAX_AGE_S = 7 * 24 * 3600  # the region list changes about once a decade
MAX_CONSECUTIVE_FAILURES = 3        # then the host is not asked again during this refresh
CONNECT_TIMEOUT_S = 10.0            # a reachable host accepts a connection in well under a second

# Why a host did not answer, and what a coordinator should check (fi / en).
OUTAGE_HINTS = {
    "dns": ("nimeä ei löydy (DNS) – tarkista verkkoyhteys ja välityspalvelin",
            "name does not resolve (no network connection or DNS failure) — check the connection/proxy"),
    "refused": ("yhteys evätty – tarkista verkkoyhteys, välityspalvelin ja osoite",
                "connection refused — check the connection/proxy and the address"),
    "timeout": ("ei vastausta aikarajassa – palvelu voi olla ruuhkautunut; yritä myöhemmin tai tarkista välityspalvelin",
                "timed out — the service may be overloaded; try later or check the proxy"),
    "server": ("palvelu vastasi virheellä (5xx) – vika on palvelussa; yritä myöhemmin",
               "the service answered with server errors (5xx) — the fault is at the source; try later"),
}


class SotkanetError(Exception):
    """A request that failed (after retries where they make sense); says which indicator and what to check."""

    def __init__(self, message: str, status: int | None = None, kind: str | None = None):
        super().__init__(message)
        self.status = status
        self.kind = kind  # dns | refused | timeout | server (an outage of the host), or None (this answer)


class _Transient(Exception):
    """A time-out or a 5xx: worth asking again after a pause."""

    def __init__(self, kind: str, status: int | None, detail: str):
        super().__init__(detail)
        self.kind, self.status, self.detail = kind, status, detail


@dataclass
class Outage:
    """A host that failed MAX_CONSECUTIVE_FAILURES times in a row: why, and what was left unasked."""

    service: str
    base_url: str
    kind: str
    status: int | None = None  # the last HTTP status, for server errors
    skipped: int = 0


@dataclass
class FetchReport:
    requests: int = 0
    downloaded: list[int] = field(default_factory=list)   # indicators whose data was fetched
    unchanged: list[int] = field(default_factory=list)    # data-updated unchanged: not fetched
    failed: dict[int | str, str] = field(default_factory=dict)  # indicator (or "regions") -> message
    kinds: dict[int | str, str | None] = field(default_factory=dict)  # indicator -> outage kind, if any
    outage: Outage | None = None

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


def _connect_kind(exc: httpx.ConnectError) -> str:
    """'dns' when the name did not resolve, else 'refused' (nothing listens, or the route is down)."""
    seen, cause = set(), exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, socket.gaierror):
            return "dns"
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    text = str(exc).lower()
    return "dns" if ("name or service" in text or "name resolution" in text or "nodename" in text
                     or "getaddrinfo" in text) else "refused"


def _host(url: str) -> str:
    """The circuit breaker's key: host and port (two stand-ins on 127.0.0.1 are two hosts)."""
    parsed = httpx.URL(url)
    return f"{parsed.host}:{parsed.port or parsed.scheme}"


class HttpSession:
    """One pooled HTTP client for a whole refresh, with the retry policy and a per-host circuit breaker.

    Sotkanet and Statistics Finland share it: one connection pool, one count of consecutive failures
    per host. `close()` it at the end (or use it as a context manager).
    """

    def __init__(self, timeout: float = 30.0, retries: int = 3, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep, max_failures: int = MAX_CONSECUTIVE_FAILURES):
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.max_failures = max_failures
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT_S)),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"}, follow_redirects=True)
        self.failures: dict[str, int] = {}
        self.outages: dict[str, Outage] = {}
        self.requests = 0

    def __enter__(self) -> HttpSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def outage(self, base_url: str) -> Outage | None:
        return self.outages.get(_host(base_url))

    def _failed(self, host: str, kind: str, service: str, base_url: str, status: int | None = None) -> None:
        self.failures[host] = self.failures.get(host, 0) + 1
        if self.failures[host] >= self.max_failures and host not in self.outages:
            log.warning("%s (%s): %d consecutive failures (%s); not asked again in this refresh",
                        service, base_url, self.failures[host], kind)
            self.outages[host] = Outage(service, base_url, kind, status)

    def get_json(self, url: str, what: str, service: str, base_url: str) -> object:
        """GET and parse JSON; retry time-outs and 5xx with backoff, fail fast on anything else."""
        host = _host(url)
        if host in self.outages:
            outage = self.outages[host]
            outage.skipped += 1
            raise SotkanetError(f"{_explain(None, what, service)} – ei kysytty, {self.max_failures} epäonnistumista "
                                f"peräkkäin / not asked, {self.max_failures} failures in a row", None, outage.kind)

        def attempt() -> object:
            self.requests += 1
            try:
                response = self.client.get(url)
                body = response.content
            except httpx.TimeoutException as exc:
                raise _Transient("timeout", None, f"{type(exc).__name__}") from None
            except httpx.ConnectError as exc:
                kind = _connect_kind(exc)
                self._failed(host, kind, service, base_url)
                raise SotkanetError(f"{_explain(None, what, service)}: {OUTAGE_HINTS[kind][1]}", None, kind) from None
            except httpx.RemoteProtocolError as exc:
                # The body ended before its Content-Length: nothing of it is used.
                raise SotkanetError(f"{what}: vastaus katkesi / response was cut off ({exc}); "
                                    "tietoja ei muutettu / nothing was changed") from None
            except httpx.TransportError as exc:
                self._failed(host, "refused", service, base_url)
                raise SotkanetError(f"{_explain(None, what, service)}: {exc}", None, "refused") from None
            if response.status_code >= 500:
                raise _Transient("server", response.status_code, f"HTTP {response.status_code}")
            self.failures[host] = 0  # the host answered: a 4xx is about this request, not an outage
            if response.status_code >= 400:
                raise SotkanetError(_explain(response.status_code, what, service), response.status_code)
            try:
                return json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise SotkanetError(f"{what}: vastaus on rikki tai katkennut / malformed or truncated response: "
                                    f"{exc}") from None

        def note(state: tenacity.RetryCallState) -> None:
            exc = state.outcome.exception()
            log.warning("%s: %s from %s (attempt %d), retrying", what, exc, url, state.attempt_number)

        def give_up(state: tenacity.RetryCallState) -> bool:
            # The circuit breaker ends the retries too: no more asking a host that is down.
            return state.attempt_number > self.retries or host in self.outages

        try:
            return tenacity.Retrying(
                retry=tenacity.retry_if_exception_type(_Transient), stop=give_up,
                wait=tenacity.wait_exponential(multiplier=self.backoff, max=60), sleep=self.sleep,
                before_sleep=note, reraise=True)(attempt)
        except _Transient as exc:
            self._failed(host, exc.kind, service, base_url, exc.status)
            attempts = f" ({self.retries + 1} yritystä / attempts)" if self.retries else ""
            explained = _explain(exc.status, what, service)
            if exc.kind == "timeout":
                explained += f": {OUTAGE_HINTS['timeout'][1]}"
            raise SotkanetError(explained + attempts, exc.status, exc.kind) from None


class SotkanetClient:
    """A JSON-over-HTTP client with Sotkanet's manners; also used for Statistics Finland's WFS."""

    def __init__(self, base_url: str, session: HttpSession | None = None, service: str = "Sotkanet",
                 timeout: float = 30.0, retries: int = 3, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep):
        self.service = service
        self.base_url = base_url.rstrip("/")
        self.session = session or HttpSession(timeout=timeout, retries=retries, backoff=backoff, sleep=sleep)
        self._first = self.session.requests

    @property
    def requests(self) -> int:
        return self.session.requests - self._first

    def url(self, path: str, params: list[tuple[str, object]] | None = None) -> str:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return f"{self.base_url}/{path.lstrip('/')}{query}" if path else f"{self.base_url}{query}"

    def get(self, path: str, what: str, params: list[tuple[str, object]] | None = None) -> object:
        """GET and parse JSON; raise SotkanetError with a clear message."""
        return self.session.get_json(self.url(path, params), what, self.service, self.base_url)


def session_for(config: Config) -> HttpSession:
    return HttpSession(timeout=config.sotkanet_timeout_s, retries=config.sotkanet_retries,
                       backoff=config.sotkanet_backoff_s)


def outage_line(outage: Outage, cached_from: dt.date | None, what: str = "") -> str:
    """The one line that ends a refresh when a source was down: which, why, what to check, what was used.

    `cached_from` None: something asked for has no cached copy, so the refresh cannot complete.
    """
    fi, en = OUTAGE_HINTS[outage.kind]
    if outage.kind == "server" and outage.status:
        fi, en = f"HTTP {outage.status}: {fi}", f"HTTP {outage.status}: {en}"
    used = (f"välimuistin arvoja {cached_from:%d.%m.%Y} käytettiin / cached values from {cached_from:%d.%m.%Y} "
            "were used" if cached_from else
            "välimuistissa ei ole kaikkia arvoja / not everything needed is cached")
    return (f"{outage.service} ei vastannut / no answer from {outage.service} ({outage.base_url}){what}: "
            f"{fi} / {en}; {used}")


def cached_date(paths: list[Path]) -> dt.date | None:
    """The oldest of the cached files' dates (what the stale values are as old as); None if one is missing."""
    if not paths or not all(p.is_file() for p in paths):
        return None
    return dt.datetime.fromtimestamp(min(p.stat().st_mtime for p in paths)).date()


def summary(report: FetchReport, cache: Path) -> str:
    """The failures of a Sotkanet fetch in one line: an outage grouped, other failures one by one."""
    def cached(key) -> Path:
        return cache / ("regions.json" if key == "regions" else f"data/{key}.json")

    if report.outage is None:
        return "; ".join(report.failed.values())
    down = [k for k in report.failed if report.kinds.get(k) == report.outage.kind]
    ids = ", ".join(str(k) for k in down[:5]) + (f", … ({len(down)})" if len(down) > 5 else "")
    line = outage_line(report.outage, cached_date([cached(k) for k in down]),
                       f" (indikaattori / indicator {ids})" if down else "")
    others = [m for k, m in report.failed.items() if k not in down]
    return "; ".join([line, *others])


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


def fetch(config: Config, session: HttpSession | None = None,
          progress: Callable[[str, int], None] | None = None) -> FetchReport:
    """Bring the cache up to date for every Sotkanet indicator of the plan."""
    own = session is None
    session = session or session_for(config)
    try:
        return _fetch(config, SotkanetClient(config.sotkanet_url, session), progress)
    finally:
        if own:
            session.close()


def _fetch(config: Config, client: SotkanetClient, progress: Callable[[str, int], None] | None) -> FetchReport:
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
        report.kinds["regions"] = exc.kind

    first, last = config.sotkanet_years
    # The plan's indicators, then (with `[regions] profile`) every municipality's population and age structure.
    for ind_id in (*(i.id for i in config.indicators if i.source == "sotkanet"), *config.profile_ids):
        what = f"indikaattori / indicator {ind_id}"
        meta_path, data_path = cache / "indicators" / f"{ind_id}.json", cache / "data" / f"{ind_id}.json"
        try:
            meta = client.get(f"indicators/{ind_id}", what)
            if not isinstance(meta, dict) or meta.get("id") != ind_id:
                raise SotkanetError(f"{what}: kuvailutiedot ovat vajaat / metadata incomplete")
            cached = _read(meta_path)
            if (isinstance(cached, dict) and cached.get("data-updated") == meta.get("data-updated")
                    and meta.get("data-updated") and data_path.is_file()):
                report.unchanged.append(ind_id)
                continue
            params = [("indicator", ind_id), *(("years", y) for y in range(first, last + 1)),
                      ("genders", "total"), ("genders", "male"), ("genders", "female")]
            rows = client.get("json", what, params)
            _check_rows(rows, ind_id)
            # Data first, metadata last: a stop in between leaves the old data-updated, so it is refetched.
            _write_atomic(data_path, rows)
            _write_atomic(meta_path, meta)
            report.downloaded.append(ind_id)
            if progress:
                progress(f"sotkanet {ind_id}", len(rows))
        except SotkanetError as exc:
            report.failed[ind_id] = str(exc)
            report.kinds[ind_id] = exc.kind
    report.requests = client.requests
    report.outage = client.session.outage(client.base_url) or _connection_outage(report, client)
    return report


def _connection_outage(report: FetchReport, client: SotkanetClient) -> Outage | None:
    """A refused connection or an unresolved name is an outage even before the breaker opens (one indicator)."""
    kind = next((k for k in report.kinds.values() if k in ("dns", "refused", "timeout")), None)
    return Outage(client.service, client.base_url, kind) if kind else None
