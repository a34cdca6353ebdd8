"""Findings of trying a real package as a new user would (issue 23 item 5, Kuusamo), each with a test that
failed before its fix."""

from __future__ import annotations

from data_pipeline.load.check import check_package


def events_with(mini_package, district: str) -> list[str]:
    events = mini_package.parent / "registers" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8")
                      + f"e9;Ilta;1.2.2026;{district};;;siv;workshop;planning;1;;\n", encoding="utf-8")
    return [str(p) for p in check_package(mini_package).problems]


def test_an_unknown_district_named_like_a_real_one_is_answered_with_that_one(mini_package):
    # "Ruka" for Rukatunturi (93830): the district's name, not its code.
    assert events_with(mini_package, "Saari") == [
        "events.csv:4: district: tuntematon alue 'Saari'; tarkoititko '02' (Saari)?"]


def test_an_unknown_district_lists_the_valid_ones(mini_package):
    assert events_with(mini_package, "Ruka") == [
        "events.csv:4: district: tuntematon alue 'Ruka'; käytössä: 01 Keskusta, 02 Saari"]


def test_html_entities_in_sotkanet_titles_are_decoded_on_setup_and_in_the_store(mini_package, sqlite_url):
    """/setup showed "BMI &#8805; 30" for an indicator's title."""
    import json

    from dashboard.setup import view as setup_view
    from data_pipeline.load.refresh import refresh
    from data_pipeline.store import schema
    from support.store_rows import table_frame

    entity = {"fi": "Lihavuus (BMI &#8805; 30), % aikuisista", "sv": "Fetma (BMI &#8805; 30)", "en": "Obesity (BMI &ge; 30)"}
    assert setup_view.catalogue_titles([{"id": 5, "title": entity}])[5]["fi"] == "Lihavuus (BMI ≥ 30), % aikuisista"
    assert setup_view.description({"title": entity, "description": {"fi": "A &amp; B"}}, "en")[:2] == \
        ("Obesity (BMI ≥ 30)", "A & B")

    meta = mini_package.parent / "sotkanet" / "indicators" / "127.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    data["title"] = entity
    meta.write_text(json.dumps(data), encoding="utf-8")
    assert refresh(mini_package, sqlite_url).ok
    titles = table_frame(sqlite_url, schema.indicator)
    row = titles.filter(titles["id"] == 127).to_dicts()[0]
    assert (row["title_fi"], row["title_sv"], row["title_en"]) == (
        "Lihavuus (BMI ≥ 30), % aikuisista", "Fetma (BMI ≥ 30)", "Obesity (BMI ≥ 30)")


def test_hyte_init_finds_a_misspelt_municipality():
    import pytest

    from data_pipeline.init.regions import InitError, Region, find_municipality

    towns = [Region(1, "KUNTA", "305", {"fi": "Kuusamo", "sv": "Kuusamo", "en": "Kuusamo"}),
             Region(2, "KUNTA", "205", {"fi": "Kajaani", "sv": "Kajana", "en": "Kajaani"}),
             Region(3, "KUNTA", "091", {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"})]
    for typo in ("Kusamo", "kuusammo", "Helsingfor"):
        with pytest.raises(InitError) as caught:
            find_municipality(towns, typo)
        assert len(caught.value.candidates) == 1, typo
        assert str(caught.value).startswith(f"kuntaa '{typo}' ei löydy; tarkoititko")
    with pytest.raises(InitError) as caught:
        find_municipality(towns, "Kusamo")
    assert caught.value.candidates[0].code == "305"


def test_ctrl_d_at_a_hyte_init_question_ends_without_a_traceback(tmp_path):
    from data_pipeline.cli import build_parser
    from data_pipeline.init import command

    said = []

    def ctrl_d(question: str) -> str:
        raise EOFError

    args = build_parser().parse_args(["init", "--out", str(tmp_path / "pkg")])
    code = command.run(args, command.Terminal(ctrl_d, said.append))

    assert code == command.EXIT_MISSING
    assert said[-1] == "\nhyte init: keskeytetty, mitään ei kirjoitettu"  # on a line of its own after the ^D
    assert not (tmp_path / "pkg").exists()


def test_the_finland_map_tells_the_real_cause_when_the_boundary_download_failed():
    """After adding `boundaries_year`, the map still asked for it when the download had failed."""
    import polars as pl

    from dashboard.indicators import view
    from data_pipeline.i18n import msg, stored

    shapes = pl.DataFrame(schema={"code": pl.Utf8, "name_fi": pl.Utf8, "geometry": pl.Utf8})
    values = pl.DataFrame()
    failed = stored(msg("source.no_answer", what="kunta1000k", service="Tilastokeskus"))
    said = view.finland_map_view(shapes, values, {"direction": "higher_better"}, "fi", failed=failed)["missing"]
    assert said.startswith("Suomen kartta puuttuu, koska kuntarajojen haku Tilastokeskukselta epäonnistui: ")
    assert "on jo kunnossa" in said and "lisää hyte.toml-tiedostoon" not in said
    never_asked = view.finland_map_view(shapes, values, {"direction": "higher_better"}, "fi")["missing"]
    assert "lisää hyte.toml-tiedostoon `[regions] boundaries_year = 2025`" in never_asked
