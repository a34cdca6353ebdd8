"""The demo package generator: deterministic, in the documented formats, and carrying its built-in patterns."""

from __future__ import annotations

import csv
import inspect
import itertools
import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from data_pipeline.compute.similar import PROFILE_INDICATORS
from data_pipeline import demo
from data_pipeline.inputs import registers as R
from data_pipeline.inputs.config import load_config

LIFECYCLE_GROUPS = ("hyte_lapset_nuoret", "hyte_tyoikaiset", "hyte_ikaantyneet")


@pytest.fixture(scope="module", params=[2026, 11], ids=lambda seed: f"seed{seed}")
def package(request, tmp_path_factory) -> Path:
    """A generated package; the default seed and one other, since the patterns must not depend on luck."""
    toml = demo.write_demo_package(tmp_path_factory.mktemp("demo"), seed=request.param)
    assert toml.name == "hyte.toml" and toml.is_file()
    return toml.parent


@pytest.fixture
def config(package, monkeypatch):
    monkeypatch.delenv("HYTE_SOTKANET_URL", raising=False)
    return load_config(package / "hyte.toml")


def read(package: Path, register: str) -> list[dict[str, str]]:
    with (package / "registers" / f"{register}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def sotkanet_series(package: Path, indicator: int, region: int) -> dict[int, float]:
    rows = json.loads((package / "sotkanet" / "data" / f"{indicator}.json").read_text(encoding="utf-8"))
    return {r["year"]: r["value"] for r in rows if r["region"] == region and r["gender"] == "total"}


def participants(event: dict[str, str]) -> int:
    return sum(int(event[f"participants_{code}"] or 0) for code in demo.AGE_CODES)


def districts(package: Path) -> dict[str, object]:
    features = json.loads((package / "districts.geojson").read_text(encoding="utf-8"))["features"]
    return {f["properties"]["code"]: shape(f["geometry"]) for f in features}


# --- Determinism ----------------------------------------------------------------------------------


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_writes_byte_identical_files(tmp_path):
    demo.write_demo_package(tmp_path / "a")
    demo.write_demo_package(tmp_path / "b", seed=2026)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert sorted(first) == sorted(second)
    # toml, districts geojson, regions, the boundaries copy for the map of Finland, the plan's indicators and the
    # municipalities' profile (population and three age shares), each as metadata + data, the registers
    assert len(first) == 2 + 1 + 1 + 2 * len(demo.INDICATORS) + 2 * len(PROFILE_INDICATORS) + len(R.REGISTERS)
    for name in first:
        assert first[name] == second[name], name


def test_another_seed_changes_the_data_but_not_the_layout(tmp_path):
    a = _files(demo.write_demo_package(tmp_path / "a", seed=1).parent)
    b = _files(demo.write_demo_package(tmp_path / "b", seed=2).parent)
    assert sorted(a) == sorted(b)
    assert a["registers/events.csv"] != b["registers/events.csv"]
    assert a["hyte.toml"] == b["hyte.toml"]  # the plan and its indicators are the town's, not the dice's


# --- Config ---------------------------------------------------------------------------------------


def test_config_parses_and_describes_the_demo_town(config, package):
    assert config.municipality_code == "999" and config.is_demo
    assert config.municipality_name == {"fi": "Merilahti", "sv": "Havsvik", "en": "Merilahti"}
    assert config.plan_name["fi"] == "Hyvinvointisuunnitelma 2025–2028"
    assert (config.plan_start_year, config.plan_end_year) == (2025, 2028)
    assert [(g.code, g.min_age, g.max_age) for g in config.age_groups] == [
        ("children_youth", 0, 17), ("working_age", 18, 64), ("older", 65, None)]
    assert [a.code for a in config.priority_areas] == ["environment", "participation", "lifestyles"]
    assert all(a.name_sv and a.name_en for a in config.priority_areas)
    assert (config.county.category, config.county.code) == ("HYVINVOINTIALUE", "6")
    assert (config.country.category, config.country.code) == ("MAA", "358")
    assert config.peers == ("998", "997")
    assert config.sotkanet_url == "http://127.0.0.1:9/offline-demo"
    assert config.sotkanet_years == (2012, 2025)
    assert config.sotkanet_cache_dir == package / "sotkanet"
    assert config.districts_file == package / "districts.geojson" and config.districts_file.is_file()
    assert config.district_name_sv_property == "name_sv"
    assert config.registers_dir == package / "registers" and config.registers_dir.is_dir()


def test_config_indicators_cover_every_area_and_age_group(config):
    indicators = config.indicators
    assert len(indicators) >= 24
    local = {i.id: i for i in indicators if i.source == "local"}
    assert set(local) == {900001, 900002}
    assert all(i.title_fi and i.title_sv and i.title_en and i.unit and i.decimals == 1 for i in local.values())
    by_group = Counter(i.age_group for i in indicators)
    assert all(by_group[code] >= 6 for code in config.age_group_codes), by_group
    by_area = Counter(i.priority_area for i in indicators)
    assert all(by_area[a.code] >= 8 for a in config.priority_areas), by_area
    assert {i.direction for i in indicators} == {"higher_better", "lower_better"}
    with_target = [i for i in indicators if i.target is not None]
    assert len(with_target) > len(indicators) * 0.75
    assert all(i.target_year == 2028 for i in with_target)


# --- Registers: columns, formats, references ------------------------------------------------------


def test_every_register_has_exactly_the_spec_columns_in_order(package, config):
    for name in R.REGISTERS:
        with (package / "registers" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        expected = [c.name for c in R.register_columns(name, config.age_group_codes)]
        assert rows[0] == expected, name
        assert len(rows) > 1, f"{name} is empty"
        assert all(len(row) == len(expected) for row in rows[1:]), name


def _check_cell(col: R.ColumnSpec, text: str) -> None:
    if col.type == R.INT:
        value = int(text)
    elif col.type == R.FLOAT:
        assert "," not in text
        value = float(text)
    elif col.type == R.DATE:
        value = None
        assert date.fromisoformat(text).isoformat() == text  # ISO YYYY-MM-DD, nothing else
    elif col.type == R.BOOL:
        value = None
        assert text in ("kyllä", "ei")
    else:
        value = None
    if col.choices:
        assert text in col.choices
    if value is not None and col.min_value is not None:
        assert value >= col.min_value
    if value is not None and col.max_value is not None:
        assert value <= col.max_value


def test_every_cell_is_in_the_documented_format(package, config):
    for name in R.REGISTERS:
        spec_columns = R.register_columns(name, config.age_group_codes)
        rows = read(package, name)
        for line, row in enumerate(rows, start=2):
            for col in spec_columns:
                text = row[col.name]
                if text == "":
                    assert not col.required, f"{name}:{line}: {col.name} is required"
                    continue
                try:
                    _check_cell(col, text)
                except (AssertionError, ValueError) as exc:
                    raise AssertionError(f"{name}:{line}: {col.name}: {text!r}") from exc
        keys = [tuple(row[k] for k in R.REGISTERS[name].key) for row in rows]
        assert len(keys) == len(set(keys)), f"{name}: duplicate keys"


def test_every_reference_resolves(package, config):
    known = {
        R.REF_DISTRICT: set(districts(package)),
        R.REF_AGE_GROUP: set(config.age_group_codes),
        R.REF_PRIORITY_AREA: {a.code for a in config.priority_areas},
        R.REF_INDICATOR: {str(i.id) for i in config.indicators if i.source == "local"},
    }
    for name in R.REGISTER_ORDER:  # providers come before their users
        spec = R.REGISTERS[name]
        rows = read(package, name)
        if spec.provides:
            known[spec.provides] = {row[spec.key[0]] for row in rows}
        for col in R.register_columns(name, config.age_group_codes):
            if not col.ref:
                continue
            for row in rows:
                values = row[col.name].split(",") if col.type == R.CODE_LIST else [row[col.name]]
                for value in filter(None, values):
                    assert value in known[col.ref], f"{name}.{col.name}: unknown {col.ref} {value!r}"


def test_no_register_date_lies_after_the_demo_today(package, config):
    for name in R.REGISTERS:
        for col in R.register_columns(name, config.age_group_codes):
            if col.type == R.DATE:
                dates = [date.fromisoformat(row[col.name]) for row in read(package, name) if row[col.name]]
                assert all(d <= demo.TODAY for d in dates if col.name not in ("end_date", "due_date")), f"{name}.{col.name}"


# --- Districts and population ---------------------------------------------------------------------


def test_districts_tile_a_coastal_town_without_overlap(package):
    raw = json.loads((package / "districts.geojson").read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection"
    props = [f["properties"] for f in raw["features"]]
    assert [p["code"] for p in props] == [f"{i:02d}" for i in range(1, 13)]
    assert all(p["name"] and p["name_sv"] for p in props)
    geoms = districts(package)
    assert all(g.is_valid and not g.is_empty for g in geoms.values())
    for (a, ga), (b, gb) in itertools.combinations(geoms.items(), 2):
        assert ga.intersection(gb).area < 1e-10, f"districts {a} and {b} overlap"
    assert any(g.geom_type == "MultiPolygon" for g in geoms.values())
    assert any(g.geom_type == "Polygon" and len(g.interiors) > 0 for g in geoms.values())
    for g in geoms.values():
        minx, miny, maxx, maxy = g.bounds
        assert 21.4 < minx < maxx < 22.2 and 61.3 < miny < maxy < 61.7


def test_population_covers_every_district_age_group_and_year(package, config):
    rows = read(package, "district_population")
    cells = {(r["district"], r["age_group"], int(r["year"])) for r in rows}
    assert cells == set(itertools.product(districts(package), config.age_group_codes, range(2020, 2027)))
    total_2026 = sum(int(r["population"]) for r in rows if r["year"] == "2026")
    assert 40_000 < total_2026 < 50_000


def test_local_indicator_values_have_town_and_district_rows(package):
    rows = read(package, "local_indicator_values")
    for indicator in ("900001", "900002"):
        mine = [r for r in rows if r["indicator"] == indicator]
        assert {int(r["year"]) for r in mine} == set(range(2019, 2026))
        assert sum(1 for r in mine if r["district"] == "") == 7  # one whole-town row a year
        assert {r["district"] for r in mine if r["district"]} == set(districts(package))


# --- Participation --------------------------------------------------------------------------------


def test_events_span_two_years_with_every_type_and_level(package):
    events = read(package, "events")
    assert 350 <= len(events) <= 450
    assert {e["event_type"] for e in events} == set(R.EVENT_TYPES)
    assert {e["level"] for e in events} == set(R.PARTICIPATION_LEVELS)
    dates = [date.fromisoformat(e["date"]) for e in events]
    assert min(dates) >= date(2025, 1, 1) and max(dates) <= date(2026, 11, 15)
    assert {d.year for d in dates} == {2025, 2026}
    assert len({e["department"] for e in events}) >= 5


def test_events_lie_inside_their_district_or_are_municipality_wide(package):
    geoms = districts(package)
    events = read(package, "events")
    town_wide = [e for e in events if not e["district"]]
    assert len(town_wide) >= 10
    assert all(e["lon"] == "" and e["lat"] == "" for e in town_wide)
    for e in events:
        if e["district"]:
            assert geoms[e["district"]].contains(Point(float(e["lon"]), float(e["lat"]))), e["id"]


def test_some_district_age_group_counts_are_small_enough_to_suppress(package):
    small = [e for e in read(package, "events") if e["district"]
             for code in demo.AGE_CODES if 0 < int(e[f"participants_{code}"]) < 5]
    assert len(small) >= 10


def test_adoption_per_department_and_year(package):
    rows = read(package, "adoption")
    departments = {r["code"] for r in read(package, "departments")}
    assert {(r["department"], int(r["year"])) for r in rows} == set(itertools.product(departments, (2024, 2025, 2026)))
    assert all(int(r["units_using_model"]) <= int(r["units_total"]) for r in rows)


# --- Working groups -------------------------------------------------------------------------------


def test_group_hierarchy_and_resident_seats(package):
    groups = {g["code"]: g for g in read(package, "working_groups")}
    assert Counter(g["kind"] for g in groups.values()) == {"leadership": 1, "steering": 1, "lifecycle": 3,
                                                          "subgroup": 3}
    steering = next(c for c, g in groups.items() if g["kind"] == "steering")
    assert groups[steering]["parent"] == next(c for c, g in groups.items() if g["kind"] == "leadership")
    for code in LIFECYCLE_GROUPS:
        assert groups[code]["parent"] == steering and groups[code]["age_group"]
        assert (groups[code]["target_meetings_min"], groups[code]["target_meetings_max"]) == ("5", "6")
    assert all(groups[g["parent"]]["kind"] == "lifecycle" for g in groups.values() if g["kind"] == "subgroup")
    seats = {(s["group"], s["seat_type"]): s for s in read(package, "seats")}
    for code in LIFECYCLE_GROUPS:
        required = {t: int(seats[code, t]["seats_required"]) for t in ("entrepreneur", "parish", "ngo")}
        assert required == {"entrepreneur": 1, "parish": 1, "ngo": 2}
    vacancies = [k for k, s in seats.items() if int(s["seats_filled"]) < int(s["seats_required"])]
    assert vacancies == [("hyte_ikaantyneet", "ngo")]


def test_meetings_have_topics_and_joint_meetings(package):
    meetings = read(package, "meetings")
    assert {date.fromisoformat(m["date"]).year for m in meetings} == set(range(2022, 2027))
    assert all(int(m["present"]) <= int(m["invited"]) for m in meetings)
    per_year = Counter((m["group"], m["date"][:4]) for m in meetings)
    assert all(9 <= per_year["johtoryhma", str(y)] <= 11 for y in range(2022, 2026))
    joint = Counter((m["group"], m["date"][:4]) for m in meetings if m["joint"] == "kyllä")
    assert all(1 <= joint[g, str(y)] <= 2 for g in LIFECYCLE_GROUPS for y in range(2022, 2026))
    topics = read(package, "meeting_topics")
    assert {t["meeting"] for t in topics} == {m["id"] for m in meetings}


def test_annual_clock_is_done_before_november(package):
    items = read(package, "annual_clock")
    assert len(items) >= 8 and {i["year"] for i in items} == {"2026"}
    assert all(i["status"] == ("done" if int(i["month"]) < 11 else "planned") for i in items)


# --- NGOs -----------------------------------------------------------------------------------------


def test_ngos_partnerships_forums_and_notes(package):
    ngos = read(package, "ngos")
    assert 55 <= len(ngos) <= 65
    assert {n["type"] for n in ngos} == set(R.NGO_TYPES)
    assert any(n["whole_municipality"] == "kyllä" for n in ngos)
    assert all(1 <= len(n["districts"].split(",")) <= 3 for n in ngos if n["whole_municipality"] == "ei")
    partnerships = read(package, "partnerships")
    assert {p["kind"] for p in partnerships} == set(R.PARTNERSHIP_KINDS)
    assert all(float(p["grant_eur"]) > 0 for p in partnerships if p["kind"] == "grant")
    assert {p["group"] for p in partnerships if p["kind"] == "seat"} == set(LIFECYCLE_GROUPS)
    forums = read(package, "forums")
    assert all(3 <= n <= 4 for n in Counter(f["date"][:4] for f in forums).values())
    assert all(f["ngos"] for f in forums)
    notes = read(package, "experiential_notes")
    assert 35 <= len(notes) <= 45 and len({n["note"] for n in notes}) == len(notes)
    assert {n["priority_area"] for n in notes} == {"environment", "participation", "lifestyles"}


# --- Sotkanet cache -------------------------------------------------------------------------------


def test_regions_json_is_in_the_sotkanet_format_with_extra_regions(package):
    regions = json.loads((package / "sotkanet" / "regions.json").read_text(encoding="utf-8"))
    assert all(set(r) == {"id", "code", "category", "title", "memberOf", "uri"} for r in regions)
    assert all(set(r["title"]) == {"fi", "sv", "en"} for r in regions)
    keys = {(r["category"], r["code"]): r["id"] for r in regions}
    assert keys["KUNTA", "999"] == demo.MUNICIPALITY_REGION_ID
    assert {("KUNTA", "998"), ("KUNTA", "997"), ("HYVINVOINTIALUE", "6"), ("MAA", "358")} <= set(keys)
    assert keys["HYVINVOINTIALUE", "6"] == 976 and keys["MAA", "358"] == 658
    assert len(regions) > 5  # unconfigured regions the loader must filter out
    codes = Counter(r["code"] for r in regions)
    assert codes["6"] >= 2  # a code that repeats across categories


def test_every_sotkanet_indicator_has_metadata_and_data(package, config):
    region_ids = {r["id"] for r in json.loads((package / "sotkanet" / "regions.json").read_text(encoding="utf-8"))}
    for ind in (i for i in config.indicators if i.source == "sotkanet"):
        meta = json.loads((package / "sotkanet" / "indicators" / f"{ind.id}.json").read_text(encoding="utf-8"))
        assert meta["id"] == ind.id and meta["title"]["fi"] and meta["title"]["sv"] and meta["title"]["en"]
        assert date.fromisoformat(meta["data-updated"]) <= demo.TODAY
        assert meta["primaryValueType"]["code"] in ("PROS", "PER1000", "PER10000")
        for key in ("range", "description", "interpretation", "decimals", "organization", "sources"):
            assert key in meta, (ind.id, key)
        rows = json.loads((package / "sotkanet" / "data" / f"{ind.id}.json").read_text(encoding="utf-8"))
        assert all(set(r) == {"indicator", "region", "year", "gender", "value", "absValue"} for r in rows)
        assert all(r["indicator"] == ind.id and 2012 <= r["year"] <= 2025 for r in rows)
        assert {r["gender"] for r in rows} == {"total", "male", "female"}
        assert {r["region"] for r in rows} == region_ids
        assert all(isinstance(r["value"], float) and r["value"] >= 0 for r in rows)


def test_some_sotkanet_rows_are_missing_as_in_the_real_api(package):
    rows = json.loads((package / "sotkanet" / "data" / "4447.json").read_text(encoding="utf-8"))
    assert 2016 not in sotkanet_series(package, 4447, demo.MUNICIPALITY_REGION_ID)
    regions = json.loads((package / "sotkanet" / "regions.json").read_text(encoding="utf-8"))
    assert len(rows) < len(regions) * 14 * 3  # every region, year and gender would be more
    turnout_years = {r["year"] for r in json.loads((package / "sotkanet" / "data" / "3076.json").read_text())}
    assert turnout_years == {2012, 2017, 2021, 2025}  # municipal election years only


def test_county_and_country_are_smoother_than_the_municipality(package):
    def roughness(series: dict[int, float]) -> float:
        years = sorted(series)
        return sum(abs(series[b] - series[a]) for a, b in zip(years, years[1:]))

    rough = {"town": 0.0, "county": 0.0, "country": 0.0}
    for ind in demo.INDICATORS:
        rough["town"] += roughness(sotkanet_series(package, ind.id, demo.MUNICIPALITY_REGION_ID))
        rough["county"] += roughness(sotkanet_series(package, ind.id, 976))
        rough["country"] += roughness(sotkanet_series(package, ind.id, 658))
    assert rough["town"] > rough["county"] > rough["country"]


# --- Built-in patterns (see the docstring of data_pipeline/demo/) -------------------------------


def test_pattern_a_participation_barely_reaches_metsala(package):
    residents = defaultdict(int)
    for r in read(package, "district_population"):
        if r["year"] == "2026":
            residents[r["district"]] += int(r["population"])
    for year in ("2025", "2026"):
        events = [e for e in read(package, "events") if e["date"].startswith(year) and e["district"]]
        sparse = [e for e in events if e["district"] == demo.SPARSE_DISTRICT]
        assert 1 <= len(sparse) <= 2
        assert all(participants(e) < 10 for e in sparse)
        reach = defaultdict(int)
        for e in events:
            reach[e["district"]] += participants(e)
        share = {d: reach[d] / residents[d] for d in residents}
        others = min(v for d, v in share.items() if d != demo.SPARSE_DISTRICT)
        assert share[demo.SPARSE_DISTRICT] * 5 < others, share


def test_pattern_b_working_age_group_met_three_times_in_2025(package):
    groups = {g["code"]: g for g in read(package, "working_groups")}
    assert groups[demo.QUIET_GROUP]["age_group"] == "working_age"
    per_group = Counter(m["group"] for m in read(package, "meetings") if m["date"].startswith("2025"))
    assert per_group[demo.QUIET_GROUP] == 3 < int(groups[demo.QUIET_GROUP]["target_meetings_min"])
    assert all(5 <= per_group[g] <= 6 for g in LIFECYCLE_GROUPS if g != demo.QUIET_GROUP)


def test_pattern_c_no_ngo_activity_for_older_people_in_two_districts(package):
    ngos = {n["id"]: n for n in read(package, "ngos")}
    all_districts = set(districts(package))
    served = {i: all_districts if n["whole_municipality"] == "kyllä" else set(n["districts"].split(","))
              for i, n in ngos.items()}
    coverage = defaultdict(set)  # district -> age groups with NGO partner activity there
    for a in read(package, "ngo_activities"):
        for district in served[a["ngo"]]:
            coverage[district].add(a["age_group"])
    for district in demo.OLDER_GAP_DISTRICTS:
        assert "older" not in coverage[district]
        assert {"children_youth", "working_age"} <= coverage[district]
    covered_for_older = [d for d in all_districts if "older" in coverage[d]]
    assert len(covered_for_older) >= 6
    gap = set(demo.OLDER_GAP_DISTRICTS)
    older_notes = [n for n in read(package, "experiential_notes") if n["age_group"] == "older"]
    assert older_notes and not any(served[n["ngo"]] & gap for n in older_notes)


def test_pattern_d_youth_smoking_worsens_after_years_of_improvement(config, package):
    ind = next(i for i in config.indicators if i.id == demo.WORSENING_INDICATOR)
    assert (ind.direction, ind.age_group) == ("lower_better", "children_youth")
    town = sotkanet_series(package, demo.WORSENING_INDICATOR, demo.MUNICIPALITY_REGION_ID)
    country = sotkanet_series(package, demo.WORSENING_INDICATOR, 658)
    assert min(town, key=town.get) == 2022 and town[2012] > town[2022]
    assert town[2022] < town[2023] < town[2024] < town[2025]
    assert country[2025] < country[2022]  # the rest of the country keeps improving


def test_youth_unemployment_crossed_the_country_level_in_2024(package):
    town = sotkanet_series(package, demo.CROSSING_INDICATOR, demo.MUNICIPALITY_REGION_ID)
    country = sotkanet_series(package, demo.CROSSING_INDICATOR, 658)
    assert all(town[y] > country[y] for y in range(2012, 2024))
    assert town[2024] < country[2024] and town[2025] < country[2025]


def test_generator_never_reads_the_clock():
    """Output must not change with the run date: the generator's "today" is the fixed demo.TODAY."""
    source = inspect.getsource(demo)
    for clock in ("today()", "now(", "utcnow(", "time.time", "import time"):
        assert clock not in source
    assert demo.TODAY == date(2026, 11, 22)
