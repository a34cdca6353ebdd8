"""`hyte init` and the package's language: proposed from Sotkanet's share of Swedish speakers (2343) as the
Language Act reads (bilingual at 8 % or 3,000 people, Swedish where Swedish is the majority), `--lang`
first; a Swedish-speaking municipality gets a Swedish package, and peers that speak Swedish too."""

from __future__ import annotations

import tomllib

import pytest
from support.narpes_stand_in import OSTROBOTHNIA, narpes_paavo, narpes_sotkanet

from data_pipeline.cli import main as hyte
from data_pipeline.init.language import asked_first, propose_languages
from data_pipeline.init.regions import build_proposal, parse_regions
from support.sotkanet_server import serve


@pytest.fixture
def narpes(monkeypatch):
    s_url, s_stop = serve(narpes_sotkanet())
    p_url, p_stop = serve(narpes_paavo())
    monkeypatch.setenv("HYTE_SOTKANET_URL", s_url)
    monkeypatch.setenv("HYTE_PAAVO_URL", p_url.removesuffix("/rest/1.1") + "/wfs")
    monkeypatch.delenv("HYTE_LANG", raising=False)
    yield
    s_stop()
    p_stop()


# --- the proposal: the Language Act's rule on Sotkanet's figures -------------------------------------

def test_a_swedish_majority_is_a_swedish_package():
    narpes = propose_languages(78.0, 9_500, other_per_1000=160.0, year=2024)  # Finnish ~6 %, ~570 people
    assert (narpes.languages, narpes.reason) == (("sv",), "majority")
    assert "Svenskspråkiga är 78,0 % av invånarna (7 410; Sotkanet 2343, 2024): majoriteten" in narpes.why().text("sv")


def test_a_swedish_majority_with_a_large_finnish_minority_is_bilingual_swedish_first():
    raseborg = propose_languages(65.0, 27_000, other_per_1000=40.0, year=2024)  # Finnish ~31 %
    assert (raseborg.languages, raseborg.reason) == (("sv", "fi"), "majority_bilingual")
    assert "suomenkielisiä on noin 31,0 % (8 370)" in raseborg.why().text("fi")


def test_bilingual_by_the_share_finnish_first():
    porvoo = propose_languages(29.0, 51_000, year=2024)
    assert (porvoo.languages, porvoo.reason) == (("fi", "sv"), "share")
    small = propose_languages(8.0, 2_000)  # 160 people, but 8 %: the share alone makes it bilingual
    assert small.languages == ("fi", "sv")


def test_bilingual_by_the_count_under_eight_percent():
    lohja = propose_languages(4.0, 80_000, year=2024)  # 3 200 people
    assert (lohja.languages, lohja.reason) == (("fi", "sv"), "count")
    assert "Ruotsinkielisiä on 3 200 asukasta (4,0 %" in lohja.why().text("fi")
    assert propose_languages(3.7, 80_000).languages == ("fi",)  # 2 960: under both limits


def test_finnish_under_both_limits_and_when_sotkanet_says_nothing():
    assert propose_languages(0.3, 33_000).reason == "finnish" and propose_languages(0.3, 33_000).languages == ("fi",)
    unknown = propose_languages(None, 33_000)
    assert (unknown.languages, unknown.reason) == (("fi",), "unknown")
    assert "Sotkanet gav inte andelen svenskspråkiga" in unknown.why().text("sv")


def test_the_language_asked_for_comes_first_and_the_other_official_one_stays():
    assert asked_first(("fi", "sv"), "sv") == ("sv", "fi")
    assert asked_first(("sv",), "sv") == ("sv",)
    assert asked_first(("fi",), None) == ("fi",)
    assert asked_first(("sv",), "fi") == ("fi", "sv")


# --- hyte init ------------------------------------------------------------------------------------

def test_init_narpes_in_swedish_writes_a_swedish_package_that_checks(narpes, tmp_path, capsys):
    out = tmp_path / "narpes"
    assert hyte(["init", "--municipality", "Närpes", "--lang", "sv", "--out", str(out)]) == 0
    said = capsys.readouterr().err
    assert "Kommun: Närpes / Närpiö (545); välfärdsområde: Österbottens välfärdsområde" in said, said
    assert "Paketets språk: svenska. Svenskspråkiga är 78,0 % av invånarna" in said
    assert "Kunta" not in said and "Närpiö / Närpes" not in said
    text = (out / "hyte.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    assert config["language"] == "sv"
    assert "# Paketets språk: namn och texter krävs på dessa språk" in text
    assert config["regions"]["boundaries_year"] == 2025  # the population's year-end 2024: the 2025 division
    instructions = (out / "INSTRUCTIONS.md").read_text(encoding="utf-8")
    assert instructions.startswith("# Närpes – HYTE-datapaket\n") and "Tarkista" not in instructions
    capsys.readouterr()
    assert hyte(["check", "--config", str(out / "hyte.toml")]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith("hyte.toml: inga fel")


def test_init_without_lang_proposes_swedish_for_narpes_and_speaks_it(narpes, tmp_path, capsys):
    assert hyte(["init", "--municipality", "545", "--out", str(tmp_path / "n")]) == 0
    said = capsys.readouterr().err
    assert "Paketets språk: svenska." in said and "Nästa steg: fyll i " in said
    assert tomllib.loads((tmp_path / "n" / "hyte.toml").read_text(encoding="utf-8"))["language"] == "sv"


def test_a_finnish_municipality_stays_finnish(narpes, tmp_path, capsys):
    assert hyte(["init", "--municipality", "Kangasala", "--out", str(tmp_path / "k")]) == 0
    said = capsys.readouterr().err
    assert "Paketin kieli: suomi. Ruotsinkielisiä on 0,3 % asukkaista (99; Sotkanet 2343, 2024)" in said, said
    text = (tmp_path / "k" / "hyte.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["language"] == "fi"


def test_swedish_speaking_peers_for_narpes_with_the_share_as_a_reason(narpes, tmp_path, capsys):
    assert hyte(["init", "--municipality", "Närpes", "--lang", "sv", "--out", str(tmp_path / "n")]) == 0
    text = (tmp_path / "n" / "hyte.toml").read_text(encoding="utf-8")
    peers = tomllib.loads(text)["regions"]["peers"]
    ostrobothnia = {code for _, code, *_ in OSTROBOTHNIA}
    # The five Swedish-speaking neighbours first; by size and age alone the Finnish look-alikes would lead.
    assert set(peers[:5]) <= ostrobothnia and peers[5] == "214", peers
    assert "svenskspråkiga 78,0 %" in text, text  # the own share, shown like the age shares
    assert "Kristinestad" in text and "svenskspråkiga 54,0 %" in text


def test_without_language_as_a_measure_narpes_would_get_finnish_look_alikes():
    fake = narpes_sotkanet()
    regions = parse_regions(fake.regions)
    population = {r["region"]: int(r["value"]) for r in fake.data[127]}
    ages = {ind: {r["region"]: r["value"] for r in fake.data[ind]} for ind in (1064, 1067, 1068)}
    narpes = next(r for r in regions if r.code == "545")
    by_age = build_proposal(regions, population, 2024, narpes, 6, ages)
    assert {"214", "010", "233", "581"} <= {p.region.code for p in by_age.peers[:4]}
    swedish = {r["region"]: r["value"] for r in fake.data[2343]}
    others = {r["region"]: r["value"] for r in fake.data[187]}
    by_language = build_proposal(regions, population, 2024, narpes, 6, ages, (swedish, others))
    assert by_language.by_language and by_language.own_swedish == 78.0
    assert [p.region.code for p in by_language.peers][:5] == ["946", "475", "499", "280", "287"]
