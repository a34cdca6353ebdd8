"""Sotkanet and Statistics Finland (Paavo) down, slow, refusing or cutting answers short, end to end.

What a coordinator gets: the refresh either completes from the response cache or fails with a message
naming the source and what happened; nothing already stored is lost; `hyte status` and the
data-status screen show the source as stale, with why. (The client's own retry and parse cases
are in test_sotkanet_client.py and test_paavo.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from support.store_rows import dump_store, table_frame
from dashboard.core.i18n import translate
from data_pipeline.store import schema
from data_pipeline.cli import main as hyte
from data_pipeline.load.refresh import refresh
from support.sotkanet_server import Fault

APP = Path(__file__).parents[2] / "dashboard" / "app.py"
CLOSED_PORT = "http://127.0.0.1:9/rest/1.1"  # the discard port: nothing listens, the connection is refused


def _point_at(config: Path, base_url: str) -> None:
    text = config.read_text(encoding="utf-8")
    start = text.index('base_url = "') + len('base_url = "')
    config.write_text(text[:start] + base_url + text[text.index('"', start):], encoding="utf-8")


def _freshness(url: str) -> dict[str, dict]:
    return {r["source"]: r for r in table_frame(url, schema.source_freshness).iter_rows(named=True)}


def _status_screen(url: str, monkeypatch) -> str:
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("../pages/data_status.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return "\n".join(str(e.value) for kind in ("markdown", "caption") for e in getattr(at, kind))


def test_sotkanet_down_loads_from_the_cache_and_every_view_says_stale(online_package, sqlite_url,  # noqa: F811
                                                                     monkeypatch, capsys):
    config, _ = online_package
    assert refresh(config, sqlite_url).status == "success"
    before = dump_store(sqlite_url)
    _point_at(config, CLOSED_PORT)
    result = refresh(config, sqlite_url)
    assert result.status == "success"
    assert "indikaattori 127" in result.message and "Sotkanet ei vastannut" in result.message
    assert dump_store(sqlite_url) == before
    stale = _freshness(sqlite_url)["sotkanet"]
    assert stale["status"] == "stale" and "Sotkanet ei vastannut" in stale["message"]

    capsys.readouterr()
    assert hyte(["status", "--db", sqlite_url]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.strip().startswith("sotkanet"))
    assert "stale" in line and "Sotkanet ei vastannut" in line

    shown = _status_screen(sqlite_url, monkeypatch)
    # The source by its name in the screen's language (it was the raw code "sotkanet" before the Kuusamo fix).
    assert f"**{translate('freshness.source.sotkanet', 'en')}**" in shown and translate("freshness.stale", "en") in shown
    assert "no answer from Sotkanet" in shown


def test_sotkanet_down_without_a_cache_fails_clearly_and_keeps_what_is_stored(online_package, sqlite_url):  # noqa: F811
    config, _ = online_package
    assert refresh(config, sqlite_url).status == "success"
    before = dump_store(sqlite_url)
    shutil.rmtree(config.parent / "sotkanet")  # e.g. a new machine, the cache not copied over
    _point_at(config, CLOSED_PORT)
    result = refresh(config, sqlite_url)
    assert result.status == "failed"
    assert "Sotkanet ei vastannut" in result.message and "127" in result.message
    assert dump_store(sqlite_url) == before
    assert _freshness(sqlite_url)["sotkanet"]["status"] == "stale"


@pytest.mark.parametrize("fault,expected,expected_en", [
    (Fault(status=403), "HTTP 403", "HTTP 403"),
    (Fault(status=500), "HTTP 500", "HTTP 500"),
    (Fault(delay_s=1.5), "ei vastannut", "no answer"),
    (Fault(truncate=True), "katkesi", "cut off"),
], ids=["403", "500", "timeout", "truncated"])
def test_paavo_fault_with_a_cache_loads_from_it_and_marks_districts_stale(paavo_package, sqlite_url,  # noqa: F811
                                                                        fault, expected, expected_en, monkeypatch):
    config, fake = paavo_package
    config.write_text(config.read_text(encoding="utf-8").replace(
        "offline = true", "offline = true\ntimeout_s = 1\nretries = 0"), encoding="utf-8")
    assert refresh(config, sqlite_url).status == "success"
    before = dump_store(sqlite_url)
    fake.faults["/wfs"] = fault
    result = refresh(config, sqlite_url)
    assert result.status == "success", result.message
    assert "Paavo 2024" in result.message and expected in result.message
    assert dump_store(sqlite_url) == before
    districts = _freshness(sqlite_url)["districts"]
    assert districts["status"] == "stale" and expected in districts["message"]
    shown = _status_screen(sqlite_url, monkeypatch)  # in English, whoever's language the refresh spoke
    assert f"**{translate('freshness.source.districts', 'en')}**" in shown and expected_en in shown

    # Once Paavo answers again, the districts are fresh again.
    fake.faults.clear()
    assert refresh(config, sqlite_url).ok
    assert _freshness(sqlite_url)["districts"]["status"] == "fresh"
