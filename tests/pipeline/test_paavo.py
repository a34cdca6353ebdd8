"""Statistics Finland's Paavo postal areas as districts, fetched from a local WFS stand-in."""

from __future__ import annotations


from support.store_rows import table_frame
from data_pipeline.store import schema
from data_pipeline.load.refresh import refresh
from support.sotkanet_server import Fault

def test_paavo_areas_become_districts_with_population_by_age_group(paavo_package, sqlite_url):
    config, fake = paavo_package
    result = refresh(config, sqlite_url)
    assert result.status == "success", (result.message, result.problems)
    districts = table_frame(sqlite_url, schema.district).sort("code")
    assert districts.select("code", "name_fi", "name_sv").rows() == [
        ("99100", "Keskusta", "Keskusta sv"), ("99120", "Saari", "Saari sv")]
    assert 21.0 < districts["centroid_lon"][0] < 22.0  # reprojected from TM35FIN
    population = {(r["district_code"], r["age_group_code"]): r["population"]
                  for r in table_frame(sqlite_url, schema.district_population).iter_rows(named=True)}
    # young 0-17: five bands of 10; adult 18-64: ten bands of 10; old 65+: four bands of 10 + he_85_ 7.
    assert population[("99100", "young")] == 50
    assert population[("99100", "adult")] == 100
    assert population[("99100", "old")] == 47
    # A protected (left out) band means no figure for that group, never a made-up zero.
    assert ("99120", "old") not in population and population[("99120", "young")] == 50
    # Offline, the cached response is used and no request is made.
    fake.requests.clear()
    assert refresh(config, sqlite_url, offline=True).ok and fake.requests == []


def test_age_band_that_paavo_cannot_build_is_refused_with_usable_boundaries(paavo_package, sqlite_url):
    config, _ = paavo_package
    config.write_text(config.read_text(encoding="utf-8").replace("max_age = 17", "max_age = 14")
                      .replace("min_age = 18", "min_age = 15"), encoding="utf-8")
    result = refresh(config, sqlite_url)
    assert result.status == "rejected"
    assert "ei voi koota Paavon ikäluokista; käytä rajoja 0, 3, 7, 13, 16, 18, 20" in str(result.problems[0])


def test_paavo_down_without_a_cache_fails_clearly_and_marks_districts_stale(paavo_package, sqlite_url):
    config, fake = paavo_package
    fake.faults["/wfs"] = Fault(status=503)
    config.write_text(config.read_text(encoding="utf-8").replace("offline = true", "offline = true\nretries = 0"),
                      encoding="utf-8")
    result = refresh(config, sqlite_url)
    assert result.status == "failed" and "HTTP 503" in result.message and "Tilastokeskus" in result.message
    freshness = table_frame(sqlite_url, schema.source_freshness).row(0, named=True)
    assert (freshness["source"], freshness["status"]) == ("districts", "stale")
