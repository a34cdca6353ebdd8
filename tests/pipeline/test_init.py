"""`hyte init`'s choices on their own: the municipality by number or name, the county (old and new ids),
similar municipalities, district properties, and the rule that nothing waits for input without a terminal."""

from __future__ import annotations

import argparse
import tomllib

import pytest
from support.kangasala_stand_in import PEERS_BY_SIZE, PEERS_EXPECTED, fake_paavo, fake_sotkanet, nameless_districts, paavo_collection

from data_pipeline.cli import build_parser
from data_pipeline.cli import main as hyte
from data_pipeline.inputs.config import load_config
from data_pipeline.init.command import Terminal, run
from data_pipeline.init.districts import detect_properties
from data_pipeline.init.presets import COUNTIES, INDICATOR_PRESETS, OLD_COUNTY_IDS
from data_pipeline.init.regions import InitError, Region, county_of, find_municipality, parse_regions
from support.sotkanet_server import serve


@pytest.fixture
def stand_ins(monkeypatch):
    s_url, s_stop = serve(fake_sotkanet())
    p_url, p_stop = serve(fake_paavo())
    monkeypatch.setenv("HYTE_SOTKANET_URL", s_url)
    monkeypatch.setenv("HYTE_PAAVO_URL", p_url.removesuffix("/rest/1.1") + "/wfs")
    yield
    s_stop()
    p_stop()


def _regions() -> list[Region]:
    return parse_regions(fake_sotkanet().regions)


@pytest.mark.parametrize("query", ["211", "Kangasala", "kangasala", "KANGASALA "])
def test_municipality_by_number_or_name_in_any_case(query):
    assert find_municipality(_regions(), query).code == "211"


def test_swedish_name_finds_the_municipality():
    assert find_municipality(_regions(), "s:t karins").code == "202"


def test_a_partial_name_lists_the_candidates():
    with pytest.raises(InitError) as caught:
        find_municipality(_regions(), "kangas")
    assert sorted(r.code for r in caught.value.candidates) == ["211", "213"]


def test_old_county_id_in_member_of_maps_to_todays_county():
    kangasala = find_municipality(_regions(), "211")
    assert 890 in kangasala.member_of  # Pirkanmaa's id before 2023
    county = county_of(_regions(), kangasala)
    assert (county.id, county.code, county.names["fi"]) == (970, "8", "Pirkanmaan hyvinvointialue")
    # Without the county in the list, the built-in table still names it (today's code).
    alone = [r for r in _regions() if r.category != "HYVINVOINTIALUE"]
    assert (county_of(alone, kangasala).code, county_of(alone, kangasala).id) == ("8", 970)


def test_every_old_county_id_maps_to_a_current_one():
    assert len(COUNTIES) == 23 and set(range(956, 979)) == set(COUNTIES)
    assert set(OLD_COUNTY_IDS) == set(range(877, 899))
    assert {new for new, _ in OLD_COUNTY_IDS.values()} == set(COUNTIES) - {956}  # Åland had no old id
    assert COUNTIES[OLD_COUNTY_IDS[896][0]] == ("6", "Satakunnan hyvinvointialue")


def test_district_properties_detected_code_not_the_municipality_name(tmp_path):
    found = detect_properties(paavo_collection())
    assert (found.id_property, found.name_property) == ("postinumeroalue", "nimi")
    import json

    nameless = json.loads(nameless_districts(tmp_path / "d.geojson").read_text(encoding="utf-8"))
    found = detect_properties(nameless)
    # `kunta` is text, but the same on every feature: not a district name.
    assert (found.id_property, found.name_property, found.postal_codes) == ("postinumeroalue", None, True)


def _args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["init", *argv])


def test_without_a_terminal_missing_flags_exit_2_without_waiting(capsys):
    # pytest's stdin is not a terminal: nothing may be asked.
    assert hyte(["init", "--municipality", "211"]) == 2
    err = capsys.readouterr().err
    assert "--out" in err and "ei päätettä" in err


def test_ambiguous_name_without_a_terminal_lists_candidates(stand_ins, tmp_path, capsys):
    assert hyte(["init", "--municipality", "kangas", "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "211  Kangasala (211)" in err and "213  Kangasniemi (213)" in err
    assert not (tmp_path / "x").exists()


def test_on_a_terminal_init_asks_for_what_flags_did_not_give(stand_ins, tmp_path):
    answers = iter(["kangas", "1", str(tmp_path / "pkg"), "empty", "minimal"])
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    assert run(_args(), Terminal(ask, lambda _: None)) == 0
    assert len(asked) == 5 and asked[1].startswith("Numero listalta")
    config = load_config(tmp_path / "pkg" / "hyte.toml")
    assert config.municipality_code == "211"  # candidate 1 of "kangas"
    assert [a.code for a in config.priority_areas] == ["plan"]
    assert [i.id for i in config.indicators] == [i.id for i in INDICATOR_PRESETS["minimal"]]
    assert {i.priority_area for i in config.indicators} == {"plan"}


def test_written_package_loads_and_explains_the_peers(stand_ins, tmp_path):
    assert hyte(["init", "--municipality", "Kangasala", "--out", str(tmp_path / "k")]) == 0
    text = (tmp_path / "k" / "hyte.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    assert raw["regions"]["peers"] == PEERS_EXPECTED and 4 <= len(raw["regions"]["peers"]) <= 8
    # Why: the own figures and each peer's beside them, as the coordinator reads hyte.toml.
    assert "väkiluvultaan ja ikärakenteeltaan lähintä kuntaa" in text
    assert "# Kangasala: 33 000 asukasta, 0–14 v. 17,5 %, 65+ 20,0 %" in text
    assert "#   257 Kirkkonummi: 41 000, 0–14 v. 20,0 %, 65+ 16,0 % (etäisyys 1,03)" in text
    assert raw["regions"]["profile"] is True  # the refresh keeps every municipality's profile for the screen
    config = load_config(tmp_path / "k" / "hyte.toml")
    assert (config.municipality_name["fi"], config.county.code, config.country.code) == ("Kangasala", "8", "358")
    assert [g.code for g in config.age_groups] == ["children_youth", "working_age", "older"]
    assert [i.id for i in config.indicators] == [i.id for i in INDICATOR_PRESETS["pori"]]
    assert all(i.direction in ("lower_better", "higher_better") for i in config.indicators)
    assert config.districts_source == "paavo" and (tmp_path / "k" / "districts" / "paavo_2024.geojson").is_file()
    # One template a register, in Excel (a register there as both CSV and XLSX is refused).
    assert (tmp_path / "k" / "registers" / "events.xlsx").is_file()
    assert not (tmp_path / "k" / "registers" / "events.csv").exists()
    assert "Kangasala" in (tmp_path / "k" / "INSTRUCTIONS.md").read_text(encoding="utf-8")
    # An existing package is not overwritten without --force.
    assert hyte(["init", "--municipality", "211", "--out", str(tmp_path / "k")]) == 2


def test_district_file_without_an_id_says_which_flag_to_use(stand_ins, tmp_path, capsys):
    path = tmp_path / "areas.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
                    '{"alue": "Keskusta"}, "geometry": null}, {"type": "Feature", "properties": '
                    '{"alue": "Kirkonkylä"}, "geometry": null}]}', encoding="utf-8")
    assert hyte(["init", "--municipality", "211", "--out", str(tmp_path / "k"), "--districts", str(path)]) == 2
    err = capsys.readouterr().err
    assert "areas.geojson:1: id_property:" in err and "--district-id-property" in err and "alue" in err


def test_on_a_terminal_detected_district_properties_are_confirmed(stand_ins, tmp_path):
    geojson = nameless_districts(tmp_path / "alueet.geojson")
    answers = iter(["", ""])  # Enter, Enter: keep what was detected
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    args = _args("--municipality", "211", "--out", str(tmp_path / "k"), "--areas", "pori", "--indicators", "pori",
                 "--districts", str(geojson))
    assert run(args, Terminal(ask, lambda _: None)) == 0
    assert asked == ["Tunnuksen ominaisuus (postinumeroalue): ", "Nimen ominaisuus (ei nimeä): "]
    config = load_config(tmp_path / "k" / "hyte.toml")
    assert (config.district_id_property, config.district_name_property) == ("postinumeroalue", "name")


def test_the_old_peer_of_the_same_size_gives_way_to_a_young_one_of_another_size(stand_ins, tmp_path):
    """By size alone Raisio (24 000, 65+ 27 %) would be proposed; by size and age Kirkkonummi (41 000, young as
    Kangasala) is, though it is outside Kangasala's size class."""
    assert "680" in PEERS_BY_SIZE and "257" not in PEERS_BY_SIZE
    assert hyte(["init", "--municipality", "211", "--out", str(tmp_path / "k")]) == 0
    peers = tomllib.loads((tmp_path / "k" / "hyte.toml").read_text(encoding="utf-8"))["regions"]["peers"]
    assert "257" in peers and "680" not in peers


def test_without_the_age_structure_the_peers_go_by_population_within_the_size_class(tmp_path, monkeypatch):
    sotkanet = fake_sotkanet()
    for indicator in (1064, 1067, 1068):
        del sotkanet.data[indicator]  # Sotkanet answers nothing for them
    s_url, s_stop = serve(sotkanet)
    p_url, p_stop = serve(fake_paavo())
    monkeypatch.setenv("HYTE_SOTKANET_URL", s_url)
    monkeypatch.setenv("HYTE_PAAVO_URL", p_url.removesuffix("/rest/1.1") + "/wfs")
    try:
        assert hyte(["init", "--municipality", "211", "--out", str(tmp_path / "k")]) == 0
    finally:
        s_stop()
        p_stop()
    text = (tmp_path / "k" / "hyte.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["regions"]["peers"] == PEERS_BY_SIZE
    assert "kokoluokka 20 000–39 999" in text and "Kangasala (33 000" in text and "ei saatu ikärakennetta" in text


def test_init_in_swedish_writes_the_package_and_says_everything_in_swedish(stand_ins, tmp_path, capsys):
    assert hyte(["init", "--lang", "sv", "--municipality", "Kangasala", "--out", str(tmp_path / "k")]) == 0
    said = capsys.readouterr().err
    assert "Kommun: Kangasala (211); välfärdsområde: " in said and "Nästa steg: fyll i " in said
    text = (tmp_path / "k" / "hyte.toml").read_text(encoding="utf-8")
    assert "# Kangasala (211): skrivet av `hyte init` " in text
    assert "# Kangasala: 33 000 invånare, 0–14 år 17,5 %, 65+ 20,0 %. Ändra fritt:" in text
    instructions = (tmp_path / "k" / "INSTRUCTIONS.md").read_text(encoding="utf-8")
    assert instructions.startswith("# Kangasala – HYTE-datapaket\n")
    for step in ("1. **Kontrollera `hyte.toml`**", "3. **Granska**: `hyte check --config hyte.toml`",
                 "5. **Starta**: `streamlit run dashboard/app.py`"):  # every step, in Swedish
        assert step in instructions
    assert "Tarkista" not in instructions and "Check" not in instructions


def test_own_priority_areas_from_the_command_line_and_check_passes_at_once(stand_ins, tmp_path, capsys):
    # Issue 23 (Kuusamo): init offered only Pori's areas or one called "… (nimeä)" with no way to name it.
    assert hyte(["init", "--municipality", "Kangasala", "--out", str(tmp_path / "k"),
                 "--area", "Osallisuus ja yhteisöllisyys|Delaktighet och gemenskap|Participation and community",
                 "--area", "Liikkuminen ja luonto", "--area", "Turvallinen arki"]) == 0
    config = load_config(tmp_path / "k" / "hyte.toml")
    assert [(a.code, a.name_fi, a.name_sv) for a in config.priority_areas] == [
        ("osallisuus_ja", "Osallisuus ja yhteisöllisyys", "Delaktighet och gemenskap"),
        ("liikkuminen_ja_luonto", "Liikkuminen ja luonto", None),
        ("turvallinen_arki", "Turvallinen arki", None)]
    by_id = {i.id: i.priority_area for i in config.indicators}
    assert set(by_id.values()) <= {a.code for a in config.priority_areas}  # never an area that is not there
    # Suggested by name: exercise to "Liikkuminen…", taking part to "Osallisuus…", the rest to the first.
    assert (by_id[3905], by_id[4446], by_id[4292], by_id[3076]) == (
        "liikkuminen_ja_luonto", "liikkuminen_ja_luonto", "osallisuus_ja", "osallisuus_ja")
    capsys.readouterr()
    assert hyte(["check", "--config", str(tmp_path / "k" / "hyte.toml")]) == 0, capsys.readouterr()
