"""`hyte check`: a package validated as a refresh would, without the network or the store; and a missing
download that says why it is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data_pipeline.sources import paavo

from data_pipeline.sources import sotkanet
from data_pipeline.cli import main as hyte
from data_pipeline.demo import write_demo_package


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.fixture
def no_network_no_store(monkeypatch, tmp_path):
    """Any download or store use fails the test: a check needs neither."""
    def refuse(*args, **kwargs):
        raise AssertionError("hyte check must not download")

    monkeypatch.setattr(sotkanet, "fetch", refuse)
    monkeypatch.setattr(paavo, "fetch", refuse)
    store = tmp_path / "store-never-made" / "hyte.db"
    monkeypatch.setenv("HYTE_DATABASE_URL", f"sqlite:///{store}")
    yield
    assert not store.parent.exists(), "hyte check touched the store"


def check(config: Path, capsys) -> tuple[int, list[str]]:
    code = hyte(["check", "--config", str(config)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out.splitlines()


def test_a_good_package_passes_with_a_one_line_summary(mini_package, capsys, no_network_no_store):
    # Not offline, so that a refresh would download: the check reads the cache only.
    edit(mini_package, "offline = true", "offline = false")
    code, out = check(mini_package, capsys)
    assert code == 0
    assert out == ["hyte.toml: ei virheitä; rivejä tarkistettu: departments 2, "
                   "ngos 2, district_population 6, local_indicator_values 3, events 2; alueita 2; "
                   "indikaattoriarvoja 7"]


def test_the_demo_package_passes(tmp_path, capsys, no_network_no_store):
    config = write_demo_package(tmp_path / "demo")
    code, out = check(config, capsys)
    assert code == 0 and len(out) == 1 and "events 403" in out[0] and "alueita 12" in out[0]


def test_check_lists_the_same_problems_as_refresh(mini_package, sqlite_url, capsys, monkeypatch):
    events = mini_package.parent / "registers" / "events.csv"
    edit(events, "22.11.2025;01", "31.02.2025;99")
    edit(mini_package.parent / "registers" / "departments.csv", "siv", "siv2")
    code, out = check(mini_package, capsys)
    assert code == 1 and len(out) >= 3
    assert all(line.startswith(("events.csv:", "departments.csv:")) for line in out), out
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 1
    refreshed = [line for line in capsys.readouterr().err.splitlines() if line.endswith(tuple(out))]
    assert refreshed == out


def test_check_lists_every_config_problem(mini_package, capsys, no_network_no_store):
    edit(mini_package, "offline = true", "ofline = true")
    edit(mini_package, "demo = true", 'demo = "false"')
    code, out = check(mini_package, capsys)
    assert code == 1
    assert out == [
        f"hyte.toml:{line_of(mini_package, 'demo =')}: municipality.demo: pitää olla true tai false ilman "
        'lainausmerkkejä (nyt: "false")',
        f"hyte.toml:{line_of(mini_package, 'ofline')}: sotkanet.ofline: tuntematon avain; tarkoititko `offline`?"]


def test_a_missing_config_is_a_problem_not_a_traceback(tmp_path, capsys, no_network_no_store):
    code, out = check(tmp_path / "nowhere" / "hyte.toml", capsys)
    assert code == 1
    assert out == [f"hyte.toml:1: -: asetustiedostoa ei löydy: {tmp_path / 'nowhere' / 'hyte.toml'}"]


# Issue 15: from `hyte demo --out demo`, edited, the demo's `offline = true` gave only
# `sotkanet/regions.json:: -: file is missing`, with no word of `offline` (and no line number).

def test_an_offline_package_without_its_cache_says_how_to_download(mini_package, sqlite_url, capsys):
    (mini_package.parent / "sotkanet" / "regions.json").unlink()
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 1
    line, url = line_of(mini_package, "offline = true"), line_of(mini_package, "base_url")
    assert [p for p in capsys.readouterr().err.splitlines() if p.startswith("sotkanet/")] == [
        "sotkanet/regions.json:1: -: tiedosto puuttuu: paketti on asetettu offline = true "
        f"(hyte.toml rivi {line}); aseta offline = false, niin tiedot haetaan Sotkanetista (ja base_url, rivi {url}: "
        "https://sotkanet.fi/rest/1.1)"]


def test_the_demo_edited_as_the_readme_says_tells_how_to_download(tmp_path, sqlite_url, capsys):
    # The README's path: `hyte demo --out demo`, then edit hyte.toml for your own municipality.
    config = write_demo_package(tmp_path / "demo")
    edit(config, 'code = "999"', 'code = "211"')
    for path in (tmp_path / "demo" / "sotkanet").rglob("*.json"):  # as if recorded for another town
        path.unlink()
    assert hyte(["refresh", "--config", str(config), "--db", sqlite_url, "-q"]) == 1
    err = capsys.readouterr().err
    assert "sotkanet/regions.json:1: -: tiedosto puuttuu: " in err
    assert f"paketti on asetettu offline = true (hyte.toml rivi {line_of(config, 'offline = true')}); " \
           f"aseta offline = false, niin tiedot haetaan Sotkanetista (ja base_url, rivi {line_of(config, 'base_url')}: " \
           "https://sotkanet.fi/rest/1.1)" in err


def test_refresh_offline_without_the_cache_says_to_run_without_offline(mini_package, sqlite_url, capsys):
    edit(mini_package, "offline = true", "offline = false")
    (mini_package.parent / "sotkanet" / "indicators" / "127.json").unlink()
    assert hyte(["refresh", "--offline", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 1
    assert [p for p in capsys.readouterr().err.splitlines() if p.startswith("sotkanet/")] == [
        "sotkanet/indicators/127.json:1: -: tiedosto puuttuu: aja hyte refresh ilman --offline"]


def test_check_without_the_cache_says_refresh_downloads_it(mini_package, capsys, no_network_no_store):
    edit(mini_package, "offline = true", "offline = false")
    (mini_package.parent / "sotkanet" / "regions.json").unlink()
    code, out = check(mini_package, capsys)
    # Not a problem in a package that downloads (what `hyte init` leaves before the first refresh):
    # named, with what to do, and the check passes.
    assert code == 0
    assert out[-1].startswith("hyte.toml: ei virheitä tarkistetuissa tiedostoissa")
    assert out[:-1] == ["sotkanet/regions.json:1: -: tiedosto puuttuu: hyte check ei hae mitään; aja "
                   "hyte refresh, niin tiedot haetaan Sotkanetista"]


@pytest.fixture
def paavo_package(mini_package):
    """The mini package with Paavo postal areas as districts, their download already in the cache."""
    from support.sotkanet_server import postal_area

    edit(mini_package, 'file = "districts.geojson"\nid_property = "code"\nname_property = "name"',
         'source = "paavo"\npaavo_year = 2024')
    regs = mini_package.parent / "registers"
    (regs / "district_population.csv").write_text("district,age_group,year,population\n", encoding="utf-8")
    for name in ("events", "local_indicator_values", "ngos"):  # they name the fixture's own districts
        (regs / f"{name}.csv").unlink()
    cache = mini_package.parent / "districts" / "paavo_2024.geojson"
    cache.parent.mkdir()
    cache.write_text(json.dumps({"type": "FeatureCollection",
                                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}},
                                 "features": [postal_area("99100", "Keskusta", 220_000, {})]}), encoding="utf-8")
    return mini_package


def test_paavo_package_checks_from_its_cache(paavo_package, capsys, no_network_no_store):
    code, out = check(paavo_package, capsys)
    assert code == 0 and "alueita 1;" in out[0]


def test_an_age_group_paavo_cannot_build_is_named_at_its_line(paavo_package, capsys, no_network_no_store):
    edit(paavo_package, "max_age = 17", "max_age = 14")
    code, out = check(paavo_package, capsys)
    assert code == 1
    assert out == [f"hyte.toml:{line_of(paavo_package, 'min_age = 0')}: age_groups.min_age: ikäryhmää young 0–14 ei voi "
                   "koota Paavon ikäluokista; käytä rajoja "
                   "0, 3, 7, 13, 16, 18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85"]


def test_check_without_the_paavo_download_says_refresh_downloads_it(paavo_package, capsys, no_network_no_store):
    (paavo_package.parent / "districts" / "paavo_2024.geojson").unlink()
    code, out = check(paavo_package, capsys)
    # Not a problem in a package that downloads (what `hyte init` leaves before the first refresh):
    # named, with what to do, and the check passes.
    assert code == 0
    assert out[-1].startswith("hyte.toml: ei virheitä tarkistetuissa tiedostoissa")
    assert out[:-1] == ["districts/paavo_2024.geojson:1: -: Paavo-alueita ei ole vielä haettu; hyte check ei hae mitään: "
                   "aja hyte refresh"]


def test_a_region_code_sotkanet_does_not_know_is_named_at_its_hyte_toml_line(mini_package, capsys,
                                                                              no_network_no_store):
    edit(mini_package, "[regions]\n", '[regions]\npeers = ["123"]\n')
    code, out = check(mini_package, capsys)
    assert code == 1
    assert out == [f"hyte.toml:{line_of(mini_package, 'peers')}: regions.peers: alue KUNTA 123 puuttuu Sotkanetin "
                   "aluelistasta (sotkanet/regions.json); tarkista koodi"]


def test_a_missing_district_file_is_named_at_its_hyte_toml_line(mini_package, capsys, no_network_no_store):
    edit(mini_package, 'file = "districts.geojson"', 'file = "district.geojson"')
    code, out = check(mini_package, capsys)
    assert code == 1
    assert out[0] == (f"hyte.toml:{line_of(mini_package, 'district.geojson')}: districts.file: aluetiedostoa "
                      "district.geojson ei löydy")


def test_districts_without_population_are_a_warning_in_check_and_refresh(mini_package, sqlite_url, capsys,
                                                                          monkeypatch):
    """A package without Paavo and with an empty population register loads (events can be counted), but
    says that reach cannot be computed and what to fill (issue 15: it passed silently)."""
    population = mini_package.parent / "registers" / "district_population.csv"
    population.write_text("district,age_group,year,population\n", encoding="utf-8")
    want = ("registers/district_population.csv:1: district: osallistumisen tavoittavuutta ei voi laskea 2/2 "
            "alueelle")
    code = hyte(["check", "--config", str(mini_package)])
    err = capsys.readouterr().err
    assert code == 0 and want in err and "koska asukasluku puuttuu" in err
    assert '[districts] source = "paavo"' in err
    assert hyte(["refresh", "--config", str(mini_package), "--db", sqlite_url, "-q"]) == 0
    assert want in capsys.readouterr().err


def test_a_package_with_population_has_no_warning(mini_package, capsys, no_network_no_store):
    assert hyte(["check", "--config", str(mini_package)]) == 0
    assert "district_population" not in capsys.readouterr().err
