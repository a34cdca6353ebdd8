"""The client's policy when a source is down: fail fast on connection and DNS errors, retry only time-outs
and 5xx, stop asking a host after three consecutive failures, and end with one line saying what to check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from data_pipeline.inputs.config import load_config
from data_pipeline.load.refresh import refresh
from data_pipeline.sources.http import MAX_CONSECUTIVE_FAILURES
from data_pipeline.sources.sotkanet import fetch
from support.sotkanet_server import Fault, FakeSotkanet, serve

EXTRA = (288, 289, 3906, 3905, 1514, 333)  # six more Sotkanet indicators: eight requests' worth of work


def _with_indicators(config: Path, base_url: str) -> Path:
    text = config.read_text(encoding="utf-8").replace('base_url = "http://127.0.0.1:9/none"',
                                                      f'base_url = "{base_url}"')
    text = text.replace("offline = true", "timeout_s = 2\nretries = 2\nbackoff_s = 0.01")
    for ind in EXTRA:
        text += f'\n[[indicators]]\nid = {ind}\npriority_area = "env"\ndirection = "lower_better"\n'
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize("base_url,kind", [
    ("http://127.0.0.1:9/rest/1.1", "yhteys evätty"),      # the discard port: nothing listens
    ("http://sotkanet.invalid/rest/1.1", "nimeä ei löydy"),  # .invalid never resolves (RFC 2606)
], ids=["refused", "dns"])
def test_unreachable_host_is_asked_at_most_three_times_and_never_retried(mini_package, base_url, kind):
    config = load_config(_with_indicators(mini_package, base_url))
    shutil.rmtree(config.sotkanet_cache_dir / "data")  # nothing cached: every indicator would be asked
    report = fetch(config)
    # Regions are cached (fresh); three indicators fail at once, the other four are not asked at all.
    assert report.requests == MAX_CONSECUTIVE_FAILURES
    assert len(report.failed) == 1 + len(EXTRA)  # 127 and the six
    assert report.outage is not None and report.outage.skipped == len(report.failed) - MAX_CONSECUTIVE_FAILURES
    assert all(kind in message or "ei kysytty" in message for message in report.failed.values())


def test_refresh_without_network_ends_with_one_line_saying_what_to_check(mini_package, sqlite_url):
    config = _with_indicators(mini_package, "http://sotkanet.invalid/rest/1.1")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\n".join(f"\n[[indicators]]\nid = {i}\npriority_area = \"env\"\n"
                                             "direction = \"lower_better\"" for i in EXTRA), ""),
                      encoding="utf-8")  # only the cached indicator 127: the load goes on from the cache
    assert "id = 288" not in config.read_text(encoding="utf-8")
    result = refresh(config, sqlite_url)
    assert result.status == "success", result.message
    assert "\n" not in result.message
    assert result.message.startswith("Sotkanet ei vastannut (http://sotkanet.invalid")
    assert "tarkista verkkoyhteys ja välityspalvelin" in result.message
    assert "(indikaattori 127)" in result.message and "välimuistin arvoja" in result.message


def test_server_errors_are_retried_then_the_host_is_left_alone(mini_package, sqlite_url):
    cache = mini_package.parent / "sotkanet"
    fake = FakeSotkanet(regions=json.loads((cache / "regions.json").read_text(encoding="utf-8")),
                        metadata={}, data={})
    base_url, stop = serve(fake)
    try:
        config = load_config(_with_indicators(mini_package, base_url))
        fake.faults = {f"/indicators/{i}": Fault(status=503) for i in (127, *EXTRA)}
        report = fetch(config)
    finally:
        stop()
    asked = [path for path, _, _ in fake.requests]
    # Regions are cached (fresh): three indicators are each asked three times (retries = 2), then no more.
    assert asked == [f"/indicators/{i}" for i in (127, 288, 289) for _ in range(3)]
    assert report.outage is not None and report.outage.kind == "server"
    assert "HTTP 503" in report.failed[127] and "ei kysytty" in report.failed[3906]
