"""Every municipality from Sotkanet's responses: the Pori example refreshed from loopback stand-ins.

The stand-ins serve responses in the real formats, generated from a seeded random generator: a
/regions list of the whole country (300+ municipalities, the wellbeing services counties, the
country, regions of other categories), /json data for every region, Paavo's postal areas and the
kunta1000k municipality layer.
"""

from __future__ import annotations

import math
import random
import shutil
import statistics
from pathlib import Path

import polars as pl
import pytest

from support.store_rows import table_frame
from dashboard.indicators.queries import indicator_values
from data_pipeline.store import schema
from data_pipeline.inputs.config import Config, RegionRef, load_config
from data_pipeline.load.refresh import refresh
from data_pipeline.sources.sotkanet_cache import COUNTY_IDS, parse_data_rows, select_regions
from data_pipeline.store.engine import make_engine
from support.sotkanet_server import FakeSotkanet, serve

ROOT = Path(__file__).resolve().parents[2]
PORI_ID, SATAKUNTA, SATAKUNTA_OLD, PIRKANMAA, PIRKANMAA_OLD = 292, 976, 896, 970, 890
PEERS = {"684": 10_684, "285": 10_285, "272": 10_272, "405": 10_405}
YEARS = range(2021, 2025)
OTHER_MUNICIPALITIES = 310


def national_regions(rng: random.Random) -> list[dict]:
    """A /regions response: the country, every county, other categories, 315 municipalities."""
    def region(rid, category, code, name, member_of=()):
        return {"id": rid, "code": code, "category": category, "memberOf": list(member_of), "uri": None,
                "title": {"fi": name, "sv": f"{name} (sv)", "en": f"{name} (en)"}}

    regions = [region(658, "MAA", "358", "Koko maa"),
               region(490, "MAAKUNTA", "04", "Satakunta"), region(6, "MAAKUNTA", "6", "Etelä-Savo"),
               region(838, "ALUEHALLINTOVIRASTO", "6", "Lapin AVIn alue")]
    regions += [region(rid, "HYVINVOINTIALUE", code, f"Hyvinvointialue {code}", [658])
                for rid, (_old, code, _old_code) in COUNTY_IDS.items()]
    # Pori's memberOf names Satakunta by its old id: it must resolve to the current one.
    regions.append(region(PORI_ID, "KUNTA", "609", "Pori", [SATAKUNTA_OLD, 490, 658]))
    regions += [region(rid, "KUNTA", code, f"Kunta {code}", [SATAKUNTA, 658]) for code, rid in PEERS.items()]
    taken = {"609", *PEERS}
    codes = rng.sample([f"{n:03d}" for n in range(1, 1000) if f"{n:03d}" not in taken], OTHER_MUNICIPALITIES)
    county_ids = list(COUNTY_IDS)
    for i, code in enumerate(codes):
        county = rng.choice(county_ids)
        old = COUNTY_IDS[county][0]
        member = old if old is not None and rng.random() < 0.3 else county
        regions.append(region(20_000 + i, "KUNTA", code, f"Kunta {code}", [member, 658]))
    return regions


def national_rows(indicator: int, regions: list[dict], rng: random.Random) -> list[dict]:
    """A /json response: every region, some rows absent, some values null (suppressed), Pirkanmaa's rows
    partly under its old id."""
    rows = []
    for r in regions:
        for year in YEARS:
            for gender in ("total", "male", "female"):
                if rng.random() < 0.03:
                    continue
                value = None if rng.random() < 0.03 else round(rng.uniform(0, 60), rng.choice((0, 1, 2)))
                rows.append({"indicator": indicator, "region": r["id"], "year": year, "gender": gender,
                             "value": value, "absValue": None if value is None else rng.randint(0, 900)})
    for year in (2021, 2022):
        for row in [r for r in rows if r["region"] == PIRKANMAA and r["year"] == year]:
            if year == 2021:
                row["region"] = PIRKANMAA_OLD  # only under the old id: kept under the current one
            else:
                rows.append({**row, "region": PIRKANMAA_OLD, "value": -1.0})  # both: the current one wins
    return rows


PROFILE_IDS = (127, 1064, 1067, 1068)


def profile_rows(regions: list[dict], rng: random.Random) -> dict[int, list[dict]]:
    """/json responses of population (127) and the age shares (1064, 1067, 1068) for every region, 2024 and
    2023, totals only as asked; a few municipalities lack a share (suppressed)."""
    out: dict[int, list[dict]] = {i: [] for i in PROFILE_IDS}
    for r in regions:
        population = 84_000 if r["id"] == PORI_ID else round(rng.lognormvariate(8.7, 1.1))
        young, old = round(rng.uniform(9, 22), 1), round(rng.uniform(15, 40), 1)
        if r["id"] == PORI_ID:
            young, old = 13.0, 27.0
        for year in (2023, 2024):
            figures = {127: float(population - (2024 - year) * 100), 1064: young, 1068: old,
                       1067: round(100 - young - old, 1)}
            for indicator, value in figures.items():
                if indicator != 127 and r["id"] != PORI_ID and rng.random() < 0.01:
                    value = None
                out[indicator].append({"indicator": indicator, "region": r["id"], "year": year, "gender": "total",
                                       "value": value, "absValue": None})
    return out


def metadata(indicator: int) -> dict:
    title = f"Indikaattori {indicator}"
    return {"id": indicator, "data-updated": "2026-09-01", "range": {"start": 2021, "end": 2024},
            "title": {"fi": title, "sv": title, "en": title}, "decimals": 1,
            "primaryValueType": {"code": "PROS", "title": {"fi": "prosentti", "sv": "procent", "en": "percent"}},
            "organization": {"id": 2, "title": {"fi": "THL"}}}


def square(x: float, y: float, side: float) -> list:
    return [[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]]


class FakeServices(FakeSotkanet):
    """Sotkanet under /rest/1.1, and Statistics Finland's WFS (Paavo, kunta1000k) under /wfs."""

    def __init__(self, regions, metadata_, data, paavo, municipalities):
        super().__init__(regions=regions, metadata=metadata_, data=data)
        self.paavo, self.municipalities = paavo, municipalities

    def route(self, path, query):
        if path == "/wfs":
            layer = query.get("typeNames", [""])[0]
            return {"postialue:pno_tilasto_2024": self.paavo,
                    "tilastointialueet:kunta1000k_2025": self.municipalities}.get(layer)
        return super().route(path, query)


def paavo_areas() -> dict:
    bands = ["he_0_2", "he_3_6", "he_7_12", "he_13_15", "he_16_17", "he_18_19", "he_20_24", "he_25_29", "he_30_34",
             "he_35_39", "he_40_44", "he_45_49", "he_50_54", "he_55_59", "he_60_64", "he_65_69", "he_70_74",
             "he_75_79", "he_80_84", "he_85_"]
    return {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}},
            "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": square(x, 6_830_000, 1_000)},
                          "properties": {"postinumeroalue": code, "nimi": f"Pori {code}", "namn": f"Björneborg {code}",
                                         "kunta": "609", **{b: 20 for b in bands}}}
                         for code, x in (("28100", 220_000), ("28120", 221_000))]}


def municipality_layer(regions: list[dict]) -> dict:
    kunta = [r for r in regions if r["category"] == "KUNTA"]
    return {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}},
            "features": [{"type": "Feature", "id": f"kunta1000k_2025.{i}", "geometry_name": "geom",
                          "geometry": {"type": "MultiPolygon",
                                       "coordinates": [square(100_000 + (i % 20) * 10_000,
                                                              6_700_000 + (i // 20) * 10_000, 10_000)]},
                          "properties": {"id": i, "kunta": r["code"], "vuosi": 2025, "nimi": r["title"]["fi"],
                                         "namn": r["title"]["sv"], "name": r["title"]["en"]}}
                         for i, r in enumerate(kunta)]}


@pytest.fixture
def pori(tmp_path, monkeypatch):
    """The Pori example as published, pointed at the stand-ins; returns (config path, stand-in)."""
    package = tmp_path / "pori"
    package.mkdir()
    shutil.copy(ROOT / "examples" / "pori" / "hyte.toml", package / "hyte.toml")
    rng = random.Random(609)
    regions = national_regions(rng)
    config = load_config(package / "hyte.toml")
    data = {ind.id: national_rows(ind.id, regions, rng) for ind in config.indicators}
    data.update(profile_rows(regions, random.Random(127)))
    fake = FakeServices(regions, {i: metadata(i) for i in data}, data, paavo_areas(), municipality_layer(regions))
    base_url, stop = serve(fake)
    monkeypatch.setenv("HYTE_SOTKANET_URL", base_url)
    monkeypatch.setenv("HYTE_PAAVO_URL", base_url.removesuffix("/rest/1.1") + "/wfs")
    monkeypatch.setenv("HYTE_BOUNDARIES_URL", base_url.removesuffix("/rest/1.1") + "/wfs")
    yield package / "hyte.toml", fake
    stop()


def expected_values(fake: FakeServices) -> pl.DataFrame:
    """What the store must hold: the served rows of municipalities, counties and the country, exactly."""
    kept = {r["id"] for r in fake.regions if r["category"] in ("KUNTA", "HYVINVOINTIALUE", "MAA")}
    rows = [{"indicator_id": r["indicator"], "region_id": PIRKANMAA if r["region"] == PIRKANMAA_OLD else r["region"],
             "year": r["year"], "gender": r["gender"], "value": r["value"], "abs_value": r["absValue"],
             "old_id": r["region"] == PIRKANMAA_OLD}
            for indicator, rows in fake.data.items() if indicator not in PROFILE_IDS
            for r in rows if r["region"] in kept | {PIRKANMAA_OLD}]
    frame = pl.DataFrame(rows, schema={"indicator_id": pl.Int64, "region_id": pl.Int64, "year": pl.Int64,
                                       "gender": pl.Utf8, "value": pl.Float64, "abs_value": pl.Float64,
                                       "old_id": pl.Boolean})
    key = ["indicator_id", "region_id", "year", "gender"]
    return (frame.sort("old_id").unique(subset=key, keep="first").drop("old_id").sort(key))


def test_pori_keeps_every_municipality_with_values_equal_to_the_source_and_ranks(pori):
    config, fake = pori
    url = f"sqlite:///{config.parent / 'store.db'}"
    result = refresh(config, url)
    assert result.status == "success", (result.message, result.problems)

    regions = table_frame(url, schema.region)
    municipalities = regions.filter(pl.col("category") == "KUNTA")
    assert municipalities.height == 1 + len(PEERS) + OTHER_MUNICIPALITIES >= 300
    assert regions.filter(pl.col("category") == "HYVINVOINTIALUE").height == 23
    assert set(regions["category"]) == {"KUNTA", "HYVINVOINTIALUE", "MAA"}
    roles = dict(zip(regions["id"], regions["role"]))
    assert (roles[PORI_ID], roles[SATAKUNTA], roles[658]) == ("municipality", "county", "country")
    assert {roles[rid] for rid in PEERS.values()} == {"peer"}
    assert regions.filter(~pl.col("role").is_in(schema.COMPARISON_ROLES))["role"].unique().to_list() == ["other"]
    pori_row = regions.filter(pl.col("id") == PORI_ID).row(0, named=True)
    assert (pori_row["name_fi"], pori_row["name_sv"], pori_row["name_en"]) == ("Pori", "Pori (sv)", "Pori (en)")
    assert pori_row["county_id"] == SATAKUNTA, "memberOf's old county id resolves to the current one"
    served_county = {r["id"]: r["memberOf"][0] for r in fake.regions if r["category"] == "KUNTA"}
    stored_county = dict(zip(municipalities["id"], municipalities["county_id"]))
    assert all(stored_county[rid] == {old: new for new, (old, *_) in COUNTY_IDS.items()}.get(c, c)
               for rid, c in served_county.items())

    # Every value exactly as the source gave it: nothing rounded, nothing lost, nothing invented.
    stored = table_frame(url, schema.indicator_value).sort("indicator_id", "region_id", "year", "gender")
    expected = expected_values(fake)
    assert stored.height == expected.height
    assert stored.select(expected.columns).equals(expected)
    per_indicator = stored.filter(pl.col("region_id").is_in(municipalities["id"].implode())).group_by(
        "indicator_id").agg(pl.col("region_id").n_unique())
    assert per_indicator.height == len(fake.data) - len(PROFILE_IDS) and per_indicator["region_id"].min() >= 300

    # Pori's rank N/M for every indicator in the latest year, nationally and within Satakunta.
    ind = load_config(config)
    directions = {i.id: i.direction for i in ind.indicators}
    ranks = table_frame(url, schema.indicator_rank)
    latest = expected.filter((pl.col("year") == 2024) & (pl.col("gender") == "total") & pl.col("value").is_not_null()
                             & pl.col("region_id").is_in(municipalities["id"].implode()))
    satakunta = municipalities.filter(pl.col("county_id") == SATAKUNTA)["id"]
    for indicator, direction in directions.items():
        values = latest.filter(pl.col("indicator_id") == indicator)
        own = values.filter(pl.col("region_id") == PORI_ID)["value"]
        for scope, pool in (("country", values), ("county", values.filter(pl.col("region_id").is_in(satakunta.implode())))):
            row = ranks.filter((pl.col("indicator_id") == indicator) & (pl.col("year") == 2024)
                               & (pl.col("scope") == scope) & (pl.col("region_id") == PORI_ID))
            if own.is_empty() or own[0] is None:
                assert row.is_empty()
                continue
            better = pool.filter(pl.col("value") > own[0] if direction == "higher_better" else pl.col("value") < own[0])
            assert row.select("rank", "count").row(0) == (1 + better.height, pool.height), (indicator, scope)
    pori_ranks = ranks.filter((pl.col("region_id") == PORI_ID) & (pl.col("year") == 2024) & (pl.col("scope") == "country"))
    assert pori_ranks.height >= len(directions) - 2 and pori_ranks["count"].min() >= 280

    # The comparison lines still read only the configured regions.
    shown = indicator_values(make_engine(url), 2012, 2025)
    assert set(shown["region_id"]) == {PORI_ID, SATAKUNTA, 658, *PEERS.values()}

    shapes = table_frame(url, schema.municipality_shape)
    assert shapes.height == municipalities.height and "609" in shapes["code"].to_list()

    assert_profiles_equal_the_source(url, fake)

    fake.requests.clear()
    assert refresh(config, url).status == "unchanged"
    assert fake.data_requests() == 0
    assert not any(q.get("typeNames") == ["tilastointialueet:kunta1000k_2025"] for _, q, _ in fake.requests)


def assert_profiles_equal_the_source(url: str, fake: FakeServices) -> None:
    """Every municipality's population and age shares of the latest year exactly as served, and the
    similarity ranks in the order of a distance counted again here from the served figures."""
    stored = table_frame(url, schema.municipality_profile)
    kunta = {r["id"] for r in fake.regions if r["category"] == "KUNTA"}
    served = {(r["indicator"], r["region"]): r["value"] for i in PROFILE_IDS for r in fake.data[i] if r["year"] == 2024}
    assert stored.height == len(kunta) >= 300 and set(stored["year"]) == {2024}
    for row in stored.iter_rows(named=True):
        assert (row["population"], row["share_0_14"], row["share_15_64"], row["share_65_plus"]) == tuple(
            served[(i, row["region_id"])] for i in PROFILE_IDS), row["region_id"]
    complete = stored.drop_nulls(["population", "share_0_14", "share_65_plus"])
    # z-scores of log population, 0–14 % and 65+ % over the complete profiles; Euclidean distance from Pori.
    columns = {"population": [math.log(v) for v in complete["population"]], "share_0_14": complete["share_0_14"].to_list(),
               "share_65_plus": complete["share_65_plus"].to_list()}
    z = {c: [(v - statistics.fmean(vs)) / statistics.stdev(vs) for v in vs] for c, vs in columns.items()}
    ids = complete["region_id"].to_list()
    own = ids.index(PORI_ID)
    distance = {rid: math.dist([z[c][own] for c in z], [z[c][k] for c in z]) for k, rid in enumerate(ids) if rid != PORI_ID}
    ranked = stored.filter(pl.col("similarity_rank").is_not_null()).sort("similarity_rank")
    assert ranked["region_id"].to_list() == sorted(distance, key=distance.get)  # random figures: no ties
    assert ranked["distance"].to_list() == pytest.approx(sorted(distance.values()))
    assert ranked["similarity_rank"].to_list() == list(range(1, len(distance) + 1))
    pori = stored.filter(pl.col("region_id") == PORI_ID).row(0, named=True)
    assert pori["similarity_rank"] is None and pori["distance"] is None
    assert stored.filter(pl.col("share_0_14").is_null() | pl.col("share_65_plus").is_null())["similarity_rank"] \
        .is_null().all()


def mini_config(tmp_path: Path) -> Config:
    (tmp_path / "hyte.toml").write_text("", encoding="utf-8")
    return Config(path=tmp_path / "hyte.toml", municipality_code="609", municipality_name={"fi": "Pori"},
                  is_demo=False, plan_name={}, plan_start_year=None, plan_end_year=None, age_groups=(),
                  priority_areas=(), county=RegionRef("HYVINVOINTIALUE", "6"), country=None, peers=(),
                  sotkanet_url="", sotkanet_cache_dir=tmp_path, sotkanet_years=(2020, 2025), sotkanet_offline=True,
                  sotkanet_timeout_s=1, sotkanet_retries=0, sotkanet_backoff_s=0, districts_file=None,
                  district_id_property="code", district_name_property="name", district_name_sv_property=None,
                  districts_source="file", paavo_year=2024, paavo_url=None, registers_dir=tmp_path)


def test_a_region_list_with_the_old_county_ids_resolves_to_the_current_ones(tmp_path):
    old_list = [{"id": 896, "code": "2", "category": "HYVINVOINTIALUE", "title": {"fi": "Satakunnan hyvinvointialue"}},
                {"id": 890, "code": "4", "category": "HYVINVOINTIALUE", "title": {"fi": "Pirkanmaan hyvinvointialue"}},
                {"id": 292, "code": "609", "category": "KUNTA", "title": {"fi": "Pori"}, "memberOf": [896]},
                {"id": 97, "code": "211", "category": "KUNTA", "title": {"fi": "Kangasala"}, "memberOf": [970]}]
    regions, problems = select_regions(old_list, mini_config(tmp_path), "regions.json")
    assert problems == []
    assert regions.select("id", "category", "code", "role", "county_id").sort("id").rows() == [
        (97, "KUNTA", "211", "other", 970), (292, "KUNTA", "609", "municipality", 976),
        (970, "HYVINVOINTIALUE", "8", "other", None), (976, "HYVINVOINTIALUE", "6", "county", None)]
    # Listed under both ids: the current entry is kept, once.
    both, problems = select_regions(old_list + [{"id": 976, "code": "6", "category": "HYVINVOINTIALUE",
                                                 "title": {"fi": "Satakunta (uusi)"}}], mini_config(tmp_path), "r")
    assert problems == [] and both.filter(pl.col("id") == 976)["name_fi"].to_list() == ["Satakunta (uusi)"]


@pytest.mark.parametrize("bad_row, column", [
    ({"indicator": 5, "region": 1, "year": 2024, "gender": "total", "value": "abc"}, "value"),
    ({"indicator": 5, "region": 1, "year": 2024, "gender": "x", "value": 1.0}, "gender"),
    ({"indicator": 6, "region": 1, "year": 2024, "gender": "total", "value": 1.0}, "indicator"),
    ({"indicator": 5, "region": 1, "year": 2024, "gender": "total"}, "-"),
    ({"indicator": 5, "region": 1, "year": 2024, "gender": "total", "value": float("inf")}, "value"),
    ({"indicator": 5, "region": None, "year": 2024, "gender": "total", "value": 1.0}, "value"),
])
def test_a_malformed_row_among_thousands_is_named_by_its_number(bad_row, column):
    rows = [{"indicator": 5, "region": r, "year": 2024, "gender": "total", "value": r / 3, "absValue": None}
            for r in range(1, 3001)]
    rows.insert(1234, bad_row)
    frame, problems = parse_data_rows(rows, 5, set(range(1, 3001)), (2020, 2025), "data/5.json")
    assert frame is None and [(p.line, p.column) for p in problems] == [(1235, column)]


def test_clean_rows_keep_their_exact_values_and_integers_read_as_numbers():
    rows = [{"indicator": 5, "region": 1, "year": 2024, "gender": "total", "value": 0.1 + 0.2, "absValue": 7},
            {"indicator": 5, "region": 2, "year": 2024, "gender": "male", "value": 12, "absValue": None},
            {"indicator": 5, "region": 3, "year": 2019, "gender": "total", "value": 1.0, "absValue": None},
            {"indicator": 5, "region": 890, "year": 2024, "gender": "total", "value": None, "absValue": None}]
    frame, problems = parse_data_rows(rows, 5, {1, 2, 970}, (2020, 2025), "data/5.json")
    assert problems == []
    assert frame.rows() == [(5, 1, 2024, "total", 0.1 + 0.2, 7.0), (5, 2, 2024, "male", 12.0, None),
                            (5, 970, 2024, "total", None, None)]
