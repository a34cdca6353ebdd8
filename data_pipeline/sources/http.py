"""HTTP for every outside source (Sotkanet, Statistics Finland): one session, retries, outages, atomic writes.

Polite: a descriptive User-Agent and retries with backoff only on time-outs and 5xx. Quick to give up
on an outage: a refused connection or a name that does not resolve fails at once (no retry: asking
again a second later gets the same answer), and after a few consecutive failures a host is not asked
again during the refresh (circuit breaker, `HttpSession`), so a machine without network finishes in
seconds and says in one line what to check. A response is written to a temporary file and renamed
(`write_atomic`), so a truncated or malformed body never replaces a good cached copy.
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
from dataclasses import dataclass
from pathlib import Path

import httpx
import tenacity

from data_pipeline.i18n import Message, msg, msg_n
from data_pipeline.inputs.config import Config

log = logging.getLogger(__name__)

USER_AGENT = "hyte-dashboard/0.2 (municipal wellbeing dashboard; +https://github.com/ ; python-httpx)"
MAX_CONSECUTIVE_FAILURES = 3        # then the host is not asked again during this refresh
CONNECT_TIMEOUT_S = 10.0            # a reachable host accepts a connection in well under a second

# Why a host did not answer, and what a coordinator should check.
OUTAGE_HINTS = {kind: msg(f"source.hint.{kind}") for kind in ("dns", "refused", "timeout", "server")}
# What was asked and of whom: a Message ("indicator 127", "Statistics Finland") or a name (Sotkanet).
Words = Message | str


class SourceError(Exception):
    """A request that failed (after retries where they make sense); says which indicator and what to check.
    `str()` of it is the message in the pipeline's language; `message` keeps it for another one."""

    def __init__(self, message: Message, status: int | None = None, kind: str | None = None):
        super().__init__(message)
        self.message = message
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

    service: Words
    base_url: str
    kind: str
    status: int | None = None  # the last HTTP status, for server errors
    skipped: int = 0


def _explain(status: int | None, what: Words, service: Words) -> Message:
    if status == 403:
        return msg("source.http_403", what=what, service=service)
    if status == 404:
        return msg("source.http_404", what=what, service=service)
    if status is None:
        return msg("source.no_answer", what=what, service=service)
    return msg("source.http_error", what=what, service=service, status=status)


def _detail(problem: Message, detail: Words) -> Message:
    return msg("source.detail", problem=problem, detail=detail)


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

    def _failed(self, host: str, kind: str, service: Words, base_url: str, status: int | None = None) -> None:
        self.failures[host] = self.failures.get(host, 0) + 1
        if self.failures[host] >= self.max_failures and host not in self.outages:
            log.warning("%s (%s): %d consecutive failures (%s); not asked again in this refresh",
                        service, base_url, self.failures[host], kind)
            self.outages[host] = Outage(service, base_url, kind, status)

    def get_json(self, url: str, what: Words, service: Words, base_url: str) -> object:
        """GET and parse JSON; retry time-outs and 5xx with backoff, fail fast on anything else."""
        host = _host(url)
        if host in self.outages:
            outage = self.outages[host]
            outage.skipped += 1
            raise SourceError(msg("source.not_asked", problem=_explain(None, what, service), count=self.max_failures),
                              None, outage.kind)

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
                raise SourceError(_detail(_explain(None, what, service), OUTAGE_HINTS[kind]), None, kind) from None
            except httpx.RemoteProtocolError as exc:
                # The body ended before its Content-Length: nothing of it is used.
                raise SourceError(msg("source.cut_off", what=what, error=str(exc))) from None
            except httpx.TransportError as exc:
                self._failed(host, "refused", service, base_url)
                raise SourceError(_detail(_explain(None, what, service), str(exc)), None, "refused") from None
            if response.status_code >= 500:
                raise _Transient("server", response.status_code, f"HTTP {response.status_code}")
            self.failures[host] = 0  # the host answered: a 4xx is about this request, not an outage
            if response.status_code >= 400:
                raise SourceError(_explain(response.status_code, what, service), response.status_code)
            try:
                return json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise SourceError(msg("source.malformed", what=what, error=str(exc))) from None

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
            explained = _explain(exc.status, what, service)
            if exc.kind == "timeout":
                explained = _detail(explained, OUTAGE_HINTS["timeout"])
            if self.retries:
                explained = msg_n("source.attempts", self.retries + 1, problem=explained)
            raise SourceError(explained, exc.status, exc.kind) from None


class JsonClient:
    """A JSON-over-HTTP client for one base address (Sotkanet, Statistics Finland's WFS) on a shared session."""

    def __init__(self, base_url: str, session: HttpSession | None = None, service: Words = "Sotkanet",
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

    def get(self, path: str, what: Words, params: list[tuple[str, object]] | None = None) -> object:
        """GET and parse JSON; raise SourceError with a clear message."""
        return self.session.get_json(self.url(path, params), what, self.service, self.base_url)


def session_for(config: Config) -> HttpSession:
    return HttpSession(timeout=config.sotkanet_timeout_s, retries=config.sotkanet_retries,
                       backoff=config.sotkanet_backoff_s)


def outage_line(outage: Outage, cached_from: dt.date | None, what: Message | None = None) -> Message:
    """The one line that ends a refresh when a source was down: which, why, what to check, what was used
    (`what`: the indicators left unasked, "indicator 127, 288").

    `cached_from` None: something asked for has no cached copy, so the refresh cannot complete.
    """
    hint = OUTAGE_HINTS[outage.kind]
    if outage.kind == "server" and outage.status:
        hint = msg("source.hint.status", status=outage.status, hint=hint)
    used = msg("source.cached_used", date=f"{cached_from:%d.%m.%Y}") if cached_from else msg("source.not_cached")
    key = "source.outage" if what is None else "source.outage.which"
    return msg(key, service=outage.service, url=outage.base_url, what=what or "", hint=hint, used=used)


def cached_date(paths: list[Path]) -> dt.date | None:
    """The oldest of the cached files' dates (what the stale values are as old as); None if one is missing."""
    if not paths or not all(p.is_file() for p in paths):
        return None
    return dt.datetime.fromtimestamp(min(p.stat().st_mtime for p in paths)).date()


def write_atomic(path: Path, payload: object) -> None:
    """Write `payload` as JSON beside `path` and rename it into place: readers see the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read_json(path: Path) -> object | None:
    """A cached JSON file, or None when it is missing or unreadable (it is then fetched again)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


