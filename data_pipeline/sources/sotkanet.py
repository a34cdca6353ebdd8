"""Fetches the plan's indicators from Sotkanet's REST API 1.1 into the response cache, politely.

One indicator per data request, and incremental: an indicator whose metadata `data-updated` has not
changed since the cached copy is not downloaded again (the terms ask for no repeated bulk downloads).
A response is checked before it replaces the cached one. The HTTP manners (retries, circuit breaker,
atomic writes) are `sources.http`'s; reading the cache into frames is `sources.sotkanet_cache`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from data_pipeline.i18n import Message, joined, msg
from data_pipeline.inputs.config import Config
from data_pipeline.sources.http import (
    HttpSession,
    JsonClient,
    Outage,
    SourceError,
    cached_date,
    outage_line,
    read_json,
    session_for,
    write_atomic,
)

REGIONS_MAX_AGE_S = 7 * 24 * 3600  # the region list changes about once a decade


@dataclass
class FetchReport:
    requests: int = 0
    downloaded: list[int] = field(default_factory=list)   # indicators whose data was fetched
    unchanged: list[int] = field(default_factory=list)    # data-updated unchanged: not fetched
    failed: dict[int | str, Message] = field(default_factory=dict)  # indicator (or "regions") -> why
    kinds: dict[int | str, str | None] = field(default_factory=dict)  # indicator -> outage kind, if any
    outage: Outage | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


def summary(report: FetchReport, cache: Path) -> Message:
    """The failures of a Sotkanet fetch in one line: an outage grouped, other failures one by one."""
    def cached(key) -> Path:
        return cache / ("regions.json" if key == "regions" else f"data/{key}.json")

    if report.outage is None:
        return joined(list(report.failed.values()))
    down = [k for k in report.failed if report.kinds.get(k) == report.outage.kind]
    ids = ", ".join(str(k) for k in down[:5]) + (f", … ({len(down)})" if len(down) > 5 else "")
    line = outage_line(report.outage, cached_date([cached(k) for k in down]),
                       msg("source.indicators", ids=ids) if down else None)
    others = [m for k, m in report.failed.items() if k not in down]
    return joined([line, *others])


def _check_rows(rows: object, indicator_id: int) -> None:
    if not isinstance(rows, list):
        raise SourceError(msg("sotkanet.response_not_array", indicator=indicator_id))
    for row in rows:
        if not isinstance(row, dict) or row.get("indicator") != indicator_id or "region" not in row \
                or "year" not in row or "gender" not in row:
            raise SourceError(msg("sotkanet.incomplete_row", indicator=indicator_id, row=json.dumps(row)[:120]))


def fetch(config: Config, session: HttpSession | None = None,
          progress: Callable[[str, int], None] | None = None) -> FetchReport:
    """Bring the cache up to date for every Sotkanet indicator of the plan."""
    own = session is None
    session = session or session_for(config)
    try:
        return _fetch(config, JsonClient(config.sotkanet_url, session), progress)
    finally:
        if own:
            session.close()


def _fetch(config: Config, client: JsonClient, progress: Callable[[str, int], None] | None) -> FetchReport:
    cache = config.sotkanet_cache_dir
    report = FetchReport()
    regions_path = cache / "regions.json"
    try:
        if not regions_path.is_file() or time.time() - regions_path.stat().st_mtime > REGIONS_MAX_AGE_S:
            regions = client.get("regions", msg("sotkanet.region_list"))
            if not isinstance(regions, list) or not regions:
                raise SourceError(msg("sotkanet.region_list_malformed"))
            write_atomic(regions_path, regions)
    except SourceError as exc:
        report.failed["regions"] = exc.message
        report.kinds["regions"] = exc.kind

    first, last = config.sotkanet_years
    # The plan's indicators, then (with `[regions] profile`) every municipality's population and age structure.
    for ind_id in (*(i.id for i in config.indicators if i.source == "sotkanet"), *config.profile_ids):
        what = msg("sotkanet.indicator", id=ind_id)
        meta_path, data_path = cache / "indicators" / f"{ind_id}.json", cache / "data" / f"{ind_id}.json"
        try:
            meta = client.get(f"indicators/{ind_id}", what)
            if not isinstance(meta, dict) or meta.get("id") != ind_id:
                raise SourceError(msg("sotkanet.metadata_fetched_incomplete", what=what))
            cached = read_json(meta_path)
            if (isinstance(cached, dict) and cached.get("data-updated") == meta.get("data-updated")
                    and meta.get("data-updated") and data_path.is_file()):
                report.unchanged.append(ind_id)
                continue
            params = [("indicator", ind_id), *(("years", y) for y in range(first, last + 1)),
                      ("genders", "total"), ("genders", "male"), ("genders", "female")]
            rows = client.get("json", what, params)
            _check_rows(rows, ind_id)
            # Data first, metadata last: a stop in between leaves the old data-updated, so it is refetched.
            write_atomic(data_path, rows)
            write_atomic(meta_path, meta)
            report.downloaded.append(ind_id)
            if progress:
                progress(f"sotkanet {ind_id}", len(rows))
        except SourceError as exc:
            report.failed[ind_id] = exc.message
            report.kinds[ind_id] = exc.kind
    report.requests = client.requests
    report.outage = client.session.outage(client.base_url) or _connection_outage(report, client)
    return report


def _connection_outage(report: FetchReport, client: JsonClient) -> Outage | None:
    """A refused connection or an unresolved name is an outage even before the breaker opens (one indicator)."""
    kind = next((k for k in report.kinds.values() if k in ("dns", "refused", "timeout")), None)
    return Outage(client.service, client.base_url, kind) if kind else None
