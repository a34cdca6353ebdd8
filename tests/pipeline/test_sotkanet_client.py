"""The Sotkanet client against a local server on 127.0.0.1 that answers in Sotkanet's real format."""

from __future__ import annotations


import pytest

from support.store_rows import dump_store, table_frame
from data_pipeline.store import schema
from data_pipeline.load.refresh import refresh
from data_pipeline.sources.http import USER_AGENT
from support.sotkanet_server import Fault


def test_full_refresh_fetches_maps_regions_and_loads(online_package, sqlite_url):
    config, fake = online_package
    result = refresh(config, sqlite_url)
    assert result.status == "success", (result.message, result.problems)
    paths = [p for p, _, _ in fake.requests]
    assert paths == ["/regions", "/indicators/127", "/json"]
    _, query, agent = fake.requests[2]
    assert query["indicator"] == ["127"]
    assert query["years"] == [str(y) for y in range(2020, 2026)]  # every year of the configured range
    assert query["genders"] == ["total", "male", "female"]
    assert agent == USER_AGENT and "hyte-dashboard" in agent

    values = table_frame(sqlite_url, schema.indicator_value)
    regions = table_frame(sqlite_url, schema.region)
    # Region ids are Sotkanet's internal ones; the configured regions and every other municipality
    # (Pori, 292) are kept, other categories (MAAKUNTA 6) are not.
    assert set(values["region_id"].to_list()) <= set(regions["id"].to_list())
    assert 292 in values["region_id"].to_list() and 6 not in values["region_id"].to_list()
    missing = values.filter((values["year"] == 2022) & (values["gender"] == "female"))
    assert missing["value"].to_list() == [None]


def test_unchanged_second_refresh_makes_no_data_requests(online_package, sqlite_url):
    config, fake = online_package
    assert refresh(config, sqlite_url).status == "success"
    fake.requests.clear()
    second = refresh(config, sqlite_url)
    assert second.status == "unchanged"
    assert [p for p, _, _ in fake.requests] == ["/indicators/127"]  # metadata only; regions cached
    # New data at the source: its data-updated moves, and only then is the data fetched again.
    fake.metadata[127]["data-updated"] = "2026-03-01"
    fake.data[127].append({"indicator": 127, "region": 9999, "year": 2025, "gender": "total", "value": 108.0,
                           "absValue": None})
    fake.requests.clear()
    third = refresh(config, sqlite_url)
    assert third.status == "success"
    assert fake.data_requests() == 1
    assert 108.0 in table_frame(sqlite_url, schema.indicator_value)["value"].to_list()


def test_offline_refresh_makes_no_requests(online_package, sqlite_url):
    config, fake = online_package
    assert refresh(config, sqlite_url).ok
    fake.requests.clear()
    assert refresh(config, sqlite_url, offline=True).ok
    assert fake.requests == []


def test_403_says_what_to_check_and_keeps_nothing_half_loaded(online_package, sqlite_url):
    config, fake = online_package
    fake.faults["/indicators/127"] = Fault(status=403)
    result = refresh(config, sqlite_url)
    assert result.status == "failed"
    assert "indikaattori 127" in result.message and "HTTP 403" in result.message
    assert "User-Agent" in result.message and "proxy" in result.message
    assert fake.data_requests() == 0
    freshness = table_frame(sqlite_url, schema.source_freshness).row(0, named=True)
    assert (freshness["source"], freshness["status"]) == ("sotkanet", "stale")
    assert all(len(rows) == 0 for rows in dump_store(sqlite_url).values())


def test_500_is_retried_then_succeeds(online_package, sqlite_url):
    config, fake = online_package
    fake.faults["/json"] = Fault(status=503, times=2)
    assert refresh(config, sqlite_url).status == "success"
    assert fake.data_requests() == 3


@pytest.mark.parametrize("fault,expected", [
    (Fault(status=500), "HTTP 500"),
    (Fault(delay_s=1.5), "Sotkanet ei vastannut"),
    (Fault(truncate=True), "vastaus katkesi"),
    (Fault(malformed=True), "vastaus on rikki tai katkennut"),
], ids=["500", "timeout", "truncated", "malformed"])
def test_failure_keeps_previous_values_and_marks_source_stale(online_package, sqlite_url, fault, expected):
    config, fake = online_package
    assert refresh(config, sqlite_url).status == "success"
    before = dump_store(sqlite_url)
    cached = (config.parent / "sotkanet" / "data" / "127.json").read_bytes()
    fake.metadata[127]["data-updated"] = "2026-03-01"  # new data announced, so the data is requested
    fake.faults["/json"] = fault
    result = refresh(config, sqlite_url)
    # The earlier response is still in the cache: the load goes on from it, flagged stale.
    assert result.status == "success"
    assert "indikaattori 127" in result.message and expected in result.message
    assert dump_store(sqlite_url) == before
    assert (config.parent / "sotkanet" / "data" / "127.json").read_bytes() == cached
    freshness = {r["source"]: r for r in table_frame(sqlite_url, schema.source_freshness).iter_rows(named=True)}
    assert freshness["sotkanet"]["status"] == "stale" and expected in freshness["sotkanet"]["message"]


def test_environment_overrides_the_configured_url(online_package, sqlite_url, monkeypatch):
    config, fake = online_package
    real = config.read_text(encoding="utf-8")
    config.write_text(real.replace("base_url = \"http://127.0.0.1", "base_url = \"http://127.0.0.2"),
                      encoding="utf-8")
    from support.sotkanet_server import serve as serve_again

    url, stop = serve_again(fake)
    monkeypatch.setenv("HYTE_SOTKANET_URL", url)
    try:
        assert refresh(config, sqlite_url).status == "success"
    finally:
        stop()
