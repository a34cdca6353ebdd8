"""The overview's plan status and the indicator screen, on a store the real pipeline loaded from known data."""

from __future__ import annotations

import io
import json

import polars as pl
import pytest
from support.screen_helpers import open_screen, screen_text
from streamlit.testing.v1 import AppTest

from dashboard.core import theme
from dashboard.indicators import charts as indicator_charts



def open_page(page: str | None, **params: str) -> AppTest:
    return open_screen(page, **{"from": "2020", **params})


def shown(at: AppTest) -> str:
    # What the user reads: values with a stored unit reach Markdown escaped (plain()).
    return screen_text(at)


EXPECTED = {
    "fi": {"latest127": "Viimeisin (2024): 105", "latest288": "Viimeisin (2024): 10,5\u00a0%",
           "up": "Paranee", "down": "Heikkenee", "change127": "Muutos vuodesta 2023: +5",
           "target288": "Tavoite 8,0\u00a0% (2028): ei vielä saavutettu ✗", "target127": "Tavoite 110 (2028): ei vielä",
           "country288": "Koko maa 9,0\u00a0% (me heikommin)", "signal": "kääntyi heikompaan suuntaan vuoden 2023 jälkeen: +1,5",
           "summary_life": "0 paranee · 0 ennallaan · 1 heikkenee · 1 ei tietoa · tavoite saavutettu 0/1"},
    "sv": {"latest127": "Senaste (2024): 105", "latest288": "Senaste (2024): 10,5\u00a0%", "up": "Förbättras",
           "down": "Försämras", "change127": "Förändring från 2023: +5",
           "target288": "Mål 8,0\u00a0% (2028): ännu inte uppnått ✗", "target127": "Mål 110 (2028): ännu inte",
           "country288": "Hela landet 9,0\u00a0% (vi sämre)", "signal": "vände till det sämre efter 2023: +1,5",
           "summary_life": "0 förbättras · 0 oförändrade · 1 försämras · 1 utan uppgifter · mål uppnått 0/1"},
    "en": {"latest127": "Latest (2024): 105", "latest288": "Latest (2024): 10.5\u00a0%", "up": "Improving",
           "down": "Worsening", "change127": "Change since 2023: +5",
           "target288": "Target 8.0\u00a0% (2028): not yet met ✗", "target127": "Target 110 (2028): not yet met",
           "country288": "Whole country 9.0\u00a0% (we are worse)", "signal": "turned worse after 2023: +1.5",
           "summary_life": "0 improving · 0 holding · 1 worsening · 1 no data · target met 0/1"},
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_indicator_cards_show_value_trend_target_and_comparison(indicator_store, lang):
    at = open_page("indicators.py", lang=lang)
    text, want = shown(at), EXPECTED[lang]
    for key in ("latest127", "latest288", "change127", "target288", "target127", "country288", "summary_life"):
        assert want[key] in text, (key, text)
    badges = [m.value for m in at.markdown if "badge[" in m.value]
    assert any(want["up"] in b and b.startswith(":blue-badge") for b in badges)  # good is blue
    assert any(want["down"] in b and b.startswith(":orange-badge") for b in badges)  # bad is orange
    assert "THL, Sotkanet.fi, CC BY 4.0" in text


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_overview_ranks_the_weak_signal_and_counts_by_area(indicator_store, lang):
    at = open_page(None, lang=lang)
    text = shown(at)
    assert EXPECTED[lang]["summary_life"] in text
    links = [el for el in _all(at) if type(el).__name__ == "PageLink"]
    # Labels are Markdown with stored text escaped; what the user reads has no backslashes.
    signal_labels = [el.label.replace("\\", "") for el in links if el.label.startswith("**")]
    assert len(signal_labels) == 1 and EXPECTED[lang]["signal"] in signal_labels[0]
    assert signal_labels[0].startswith("**Tupakoi") or signal_labels[0].startswith("**R") or \
        signal_labels[0].startswith("**Smokes")


def _all(at: AppTest):
    stack = list(at.main.children.values())
    while stack:
        el = stack.pop(0)
        yield el
        stack.extend(getattr(el, "children", {}).values() if hasattr(el, "children") else [])


def test_age_filter_narrows_and_detail_shows_regions_and_genders(indicator_store):
    at = open_page("indicators.py", age="young", indicator="288")
    text = shown(at)
    assert "Viimeisin (2024): 105" not in text  # 127 has no age group: filtered out
    assert "Viimeisin (2024): 10,5\u00a0%" in text
    assert [s.value for s in at.subheader][0].startswith("Tupakoi päivittäin")
    charts = at.get("vega_lite_chart")
    assert charts, "the detail draws its charts"
    assert "Testilä 10,5\u00a0% vuonna 2024, suunta heikkenee." in text  # the charts' text alternative


def test_table_view_and_downloads_carry_filters_and_source(indicator_store):
    at = open_page("indicators.py", view="table")
    frame = at.dataframe[0].value
    assert list(frame["Indikaattori"]) == ["Väestö 31.12.", "Asukasillan osallistujat / 1000 asukasta",
                                           "Tupakoi päivittäin, % 8. ja 9. luokan oppilaista"]
    assert list(frame["Suunta"]) == ["Paranee", "Ei tietoa", "Heikkenee"]
    from dashboard.core import spreadsheet

    import polars as pl
    data = spreadsheet.csv_bytes(pl.DataFrame({"a": ["=cmd|' /C calc'!A0", "ok"]}), ["Rajaukset: x", "Lähde: THL"])
    text = data.decode("utf-8-sig")
    assert text.startswith("# Rajaukset: x\n# Lähde: THL\n") and "'=cmd" in text


def test_district_filter_says_which_indicators_have_district_figures(indicator_store):
    at = open_page("indicators.py", district="02")
    text = shown(at)
    assert "Aluekohtaisia lukuja on vain paikallisilla indikaattoreilla" in text
    assert "Alue Saari: 3,5\u00a0/ 1000 (2024)" in text  # the local indicator's district figure
    assert "Alue Saari: ei aluekohtaista tietoa" in text  # Sotkanet's do not have one


@pytest.mark.parametrize("lang, county, compared", [
    ("fi", "Satakunnan hyvinvointialue", "Vertailualueet: Satakunnan hyvinvointialue, Koko maa."),
    ("sv", "Satakunta välfärdsområde", "Jämförelseområden: Satakunta välfärdsområde, Hela landet."),
    ("en", "Satakunta wellbeing services county", "Compared with: Satakunta wellbeing services county, Whole country."),
])
def test_the_county_and_the_country_are_named(indicator_store, lang, county, compared):
    """The county was never named on the indicators screen, only "Hyvinvointialue" (issue 15)."""
    text = shown(open_page("indicators.py", lang=lang))
    assert compared in text
    assert any(line.startswith(f"{county} ") and "·" in line for line in text.splitlines()), text


def sparklines_shown(at: AppTest) -> list[dict]:
    """The cards' sparkline specs as the browser gets them: rows Streamlit sends as Arrow put back inline."""
    out = []
    for el in at.get("vega_lite_chart"):
        spec = json.loads(el.proto.spec)
        if spec.get("height") != 56:
            continue  # the detail's charts
        rows = [pl.read_ipc_stream(io.BytesIO(d.data.data)).to_dicts() for d in el.proto.datasets]
        if el.proto.HasField("data"):
            rows.append(pl.read_ipc_stream(io.BytesIO(el.proto.data.data)).to_dicts())
        assert len(rows) == 1
        out.append({"description": spec["description"], "rows": rows[0],
                    "colour": spec["layer"][0]["mark"]["color"], "latest": spec["layer"][1]["data"]["values"]})
    return out


def test_card_sparklines_draw_the_municipalitys_series(indicator_store):
    at = open_page("indicators.py", lang="en")
    lines = {line["description"].split(":")[0]: line for line in sparklines_shown(at)}
    smokes = next(line for title, line in lines.items() if title.startswith("Smokes daily"))
    assert smokes["rows"] == [{"year": y, "value": v} for y, v in
                              ((2020, 12.0), (2021, 11.0), (2022, 10.0), (2023, 9.0), (2024, 10.5))]
    assert smokes["latest"] == [{"year": 2024, "value": 10.5}]
    assert smokes["colour"] == theme.BAD  # worsening
    assert "10.5\u00a0%" in smokes["description"] and "2024" in smokes["description"]
    assert len(lines) == 2


def test_a_rerun_of_the_indicator_screen_builds_no_sparkline_again(indicator_store, monkeypatch):
    """Each new visitor's run reused the cards' charts: built once per data version, filters and language."""
    built = []
    original = indicator_charts.sparkline
    monkeypatch.setattr(indicator_charts, "sparkline", lambda *a, **k: built.append(1) or original(*a, **k))
    at = open_page("indicators.py", lang="fi")
    first = len(built)
    assert first == 2
    at.run()
    assert len(built) == first and len(sparklines_shown(at)) == 2
    open_page("indicators.py", lang="sv")  # another language: its own descriptions
    assert len(built) == first + 2


def test_a_cards_small_lines_are_one_caption_in_their_order(indicator_store):
    """The change, the target and the comparison under a card's badge, a line each in one caption:
    every element is a message to each new visitor, and the screen draws a card per indicator."""
    at = open_page("indicators.py", lang="fi")
    want = EXPECTED["fi"]
    card = next(c.value.replace("\\", "") for c in at.caption if want["target288"] in c.value.replace("\\", ""))
    assert card.index(want["target288"]) < card.index(want["country288"])
    assert "  \n" in card
    change = next(c.value.replace("\\", "") for c in at.caption if want["change127"] in c.value)
    assert change.index(want["change127"]) < change.index(want["target127"])


def test_the_plans_goals_are_one_block_each_and_not_rebuilt_on_a_rerun(demo_url, monkeypatch):
    """A goal, its priority area and its measures as one Markdown block (a bold line, then a list),
    made once per data version, area and language rather than from the plan's rows on every run."""
    from dashboard.indicators import view as ind_view

    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    built = []
    original = ind_view.goal_blocks
    monkeypatch.setattr(ind_view, "goal_blocks", lambda *a, **k: built.append(1) or original(*a, **k))
    at = open_page("indicators.py", lang="fi")
    goals = [m.value.replace("\\", "") for e in at.expander for m in e.markdown if m.value.startswith("**")]
    assert len(goals) >= 2, goals
    assert all(" · " in g.split("\n")[0] for g in goals)
    assert any("\n- " in g and "vastuu:" in g for g in goals)
    assert not [m.value for e in at.expander for m in e.markdown if m.value.startswith("- ")]
    at.run()
    assert len(built) == 1


def test_a_rerun_of_the_detail_view_builds_no_chart_again(indicator_store, monkeypatch):
    """The trend, the peers' band and the genders are Vega-Lite dicts made once per data version, filters,
    indicator and language: Altair validated each spec on every rerun (half the detail view's run)."""
    built = []
    for name in ("trend_chart", "peer_band_chart", "gender_chart"):
        original = getattr(indicator_charts, name)
        monkeypatch.setattr(indicator_charts, name,
                            lambda *a, _o=original, _n=name, **k: built.append(_n) or _o(*a, **k))
    at = open_page("indicators.py", lang="fi", indicator="288")
    first = sorted(built)
    assert "trend_chart" in first and len(at.get("vega_lite_chart")) >= 3
    at.run()
    assert sorted(built) == first
    assert not at.exception
