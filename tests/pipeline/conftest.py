"""Fixtures of the pipeline tests: packages served by loopback stand-ins of Sotkanet and Paavo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.sotkanet_server import FakePaavo, FakeSotkanet, postal_area, serve


@pytest.fixture
def online_package(mini_package: Path):
    """The mini package turned into an online one: its recorded responses are served, its cache is emptied."""
    cache = mini_package.parent / "sotkanet"
    fake = FakeSotkanet(
        regions=json.loads((cache / "regions.json").read_text(encoding="utf-8")),
        metadata={127: json.loads((cache / "indicators" / "127.json").read_text(encoding="utf-8"))},
        data={127: json.loads((cache / "data" / "127.json").read_text(encoding="utf-8"))},
    )
    # A missing value, as Sotkanet sends it for a suppressed cell.
    fake.data[127].append({"indicator": 127, "region": 9999, "year": 2022, "gender": "female", "value": None,
                           "absValue": None})
    shutil.rmtree(cache)
    base_url, stop = serve(fake)
    text = mini_package.read_text(encoding="utf-8")
    text = text.replace('base_url = "http://127.0.0.1:9/none"', f'base_url = "{base_url}"')
    text = text.replace("offline = true", "timeout_s = 1\nretries = 2\nbackoff_s = 0.01")
    mini_package.write_text(text, encoding="utf-8")
    yield mini_package, fake
    stop()


@pytest.fixture
def paavo_package(mini_package):
    collection = {"type": "FeatureCollection",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}},
                  "features": [postal_area("99100", "Keskusta", 220_000, {"he_85_": 7}),
                               postal_area("99120", "Saari", 222_000, {"he_65_69": None})]}
    fake = FakePaavo(collections={(2024, "999"): collection})
    base_url, stop = serve(fake)
    text = mini_package.read_text(encoding="utf-8").replace(
        'file = "districts.geojson"\nid_property = "code"\nname_property = "name"',
        f'source = "paavo"\npaavo_year = 2024\npaavo_url = "{base_url}/wfs"')
    mini_package.write_text(text, encoding="utf-8")
    regs = mini_package.parent / "registers"
    (regs / "district_population.csv").write_text("district,age_group,year,population\n", encoding="utf-8")
    for name in ("events", "local_indicator_values", "ngos"):  # they name the old districts
        (regs / f"{name}.csv").unlink()
    yield mini_package, fake
    stop()
