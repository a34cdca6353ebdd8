"""Presentation mode (`?present=1`) through AppTest: each screen's key message and number, the filters
and data date shown small, no filter widgets, stepping with the controls, and the statement page."""

from __future__ import annotations

from datetime import datetime

import pytest
from support.screen_helpers import open_deck_builder, open_screen, screen_text
from support.working_groups_fixtures import TODAY

from dashboard.core.formatting import DASH, NBSP, fmt_datetime
from dashboard.core.i18n import LANGUAGES, translate

# page file -> (url path, i18n key of the title)
PAGES = {
    "overview.py": ("overview", "page.overview"),
    "indicators.py": ("indicators", "page.indicators"),
    "participation.py": ("participation", "page.participation"),
    "working_groups.py": ("working-groups", "page.working_groups"),
    "partnerships.py": ("partnerships", "page.partnerships"),
    "data_status.py": ("data-status", "page.data_status"),
    "accessibility.py": ("accessibility", "page.accessibility"),
}
WIDGETS = ("selectbox", "multiselect", "radio", "segmented_control", "text_input", "checkbox", "toggle")


def present(page: str, **params: str):
    return open_screen(None if page == "overview.py" else page, present="1", **params)


def keyed(node, key: str) -> list:
    """The containers keyed `key` anywhere under `node` (the figure sits in the slide's text column)."""
    found = [node] if getattr(node, "key", None) == key else []
    for child in getattr(node, "children", {}).values():
        found += keyed(child, key)
    return found


def figure(at) -> str:
    """The slide's key figure, as the projector shows it (non-breaking spaces as spaces)."""
    (box,) = keyed(at.main, "present-figure") or [None]
    assert box is not None, "no key figure on the slide"
    return box.markdown[0].value.replace(NBSP, " ")


def label(at) -> str:
    """What the key figure says, as read (stored names reach Markdown escaped)."""
    (box,) = keyed(at.main, "present-label")
    return box.markdown[0].value.replace("\\", "")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_screen_presents_without_sidebar_or_filter_widgets(fixture_store, page, lang):
    at = present(page, lang=lang, age="older")
    # The overview's slide names the municipality (in the language shown).
    named = f": {('Testikylä', 'Testby', 'Testikylä')[LANGUAGES.index(lang)]}" if page == "overview.py" else ""
    assert [t.value for t in at.title] == [translate(PAGES[page][1], lang) + named]
    assert len(at.sidebar) == 0
    for kind in WIDGETS:
        assert not at.get(kind), f"{kind} on the {page} slide"
    assert "DEMO DATA" in screen_text(at)  # invented figures are labelled on the projector too
    older = ("Ikääntyneet", "Äldre", "Older people")[LANGUAGES.index(lang)]
    filters_line = translate("filters.active", lang, age=older, district=translate("filters.all_districts", lang),
                             period="2020–2028")
    when = translate("data_date", lang, when=fmt_datetime(datetime(2026, 11, 20, 10, 5), lang))
    assert [c.value for c in at.caption] == [f"{filters_line} · {when}"]
    assert [b.label for b in at.button] == [translate(k, lang) for k in
                                            ("present.previous", "present.next", "present.exit")]
    assert not at.error and not at.warning


def test_a_screen_without_data_shows_a_dash_and_says_why(fixture_store):
    at = present("participation.py")
    assert figure(at) == DASH
    assert label(at) == translate("tile.reach", "fi")
    assert translate("part.headline.none", "fi") in screen_text(at)


def test_data_status_slide_counts_fresh_sources(fixture_store):
    at = present("data_status.py", lang="en")
    assert figure(at) == "1/2" and label(at) == "data sources up to date"
    assert "Stale: Sotkanet indicators" in screen_text(at)  # the source by its name, not as stored (issue 23)


def test_participation_slide_is_the_overview_tiles_reach(participation_store):  # noqa: F811
    at = present("participation.py", **{"from": "2025", "to": "2025"})
    assert figure(at) == "57,5 / 1 000"
    assert "1 alue heikosti tavoitettu" in screen_text(at)
    at = present("participation.py", district="01", **{"from": "2025", "to": "2025"})
    assert figure(at) == "22,0 / 1 000"
    text = screen_text(at)
    assert "Keskusta: sija 2/3" in text and "Rajaukset: Kaikki ikäryhmät · Keskusta · 2025" in text


def test_working_group_slide_counts_groups_on_target(groups_url, monkeypatch):  # noqa: F811
    monkeypatch.setenv("HYTE_DATABASE_URL", groups_url)
    monkeypatch.setattr("dashboard.working_groups.model.today", lambda: TODAY)
    at = present("working_groups.py", lang="en", **{"from": "2025", "to": "2026"})
    assert figure(at) == "4/5"
    assert label(at) == translate("wg.tile.value_note", "en", year=2025) + (
        " Working-age wellbeing group: 3 meetings in 2025, target 5–6")


def test_partnership_slide_counts_covered_cells(ngo_store):  # noqa: F811
    at = present("partnerships.py", **{"from": "2024", "to": "2026"})
    assert figure(at) == "5/6"
    assert label(at) == translate("present.ngo.figure", "fi")


def test_overview_and_indicator_slides_count_indicators(participation_store):  # noqa: F811
    # The mini package: one indicator improving in Elinympäristö, one without data in Elintavat.
    at = present("overview.py")
    assert [t_.value for t_ in at.title] == [translate("page.overview", "fi") + ": Testilä"]  # names the municipality
    assert figure(at) == "1/1"  # out of the indicators that have a trend
    assert "Yksikään indikaattori ei heikkene." in screen_text(at)
    at = present("indicators.py")
    assert figure(at) == "0/1" and label(at) == translate("present.ind.figure", "fi")
    assert "Elinympäristö: 1 paranee · 0 ennallaan · 0 heikkenee · 0 ei tietoa · tavoite saavutettu 0/1" in (
        screen_text(at))


def test_next_and_previous_keep_the_filters(fixture_store):
    at = present("overview.py", lang="sv", age="older")
    at.button(key="present-next").click().run()
    assert [t.value for t in at.title] == [translate("page.indicators", "sv")]
    assert at.query_params["present"] == "1" and at.query_params["age"] == "older"
    assert at.query_params["lang"] == "sv"
    at.button(key="present-previous").click().run()
    at.button(key="present-previous").click().run()
    assert [t.value for t in at.title] == [translate("page.partnerships", "sv")]  # wraps around


def test_leaving_returns_to_the_screen_with_its_filters(fixture_store):
    at = present("participation.py", age="older", rotate="30")
    at.button(key="present-exit").click().run()
    assert [t.value for t in at.title] == [translate("page.participation", "fi")]
    assert "present" not in at.query_params and "rotate" not in at.query_params
    assert at.query_params["age"] == "older"
    assert at.sidebar.selectbox  # the filters are back


def test_a_wrong_rotation_value_is_said_and_ignored(fixture_store):
    at = present("overview.py", rotate="1")
    assert [w.value for w in at.warning] == [translate("present.bad_rotate", "fi", value="1", low=3, high=3600)]
    assert "present-pause" not in {b.key for b in at.button}


@pytest.mark.parametrize("rotate", ["²", "٣٠", "３０", "9" * 5000, "1" + "0" * 4299])
def test_a_rotation_value_of_other_digits_or_thousands_of_them_is_said_not_a_traceback(fixture_store, rotate):
    """Seen in the attack run: str.isdigit takes '²' (int() then fails) and int() refuses 5,000 digits."""
    at = present("overview.py", rotate=rotate)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.warning) == 1 and "3" in at.warning[0].value and "3600" in at.warning[0].value
    assert "present-pause" not in {b.key for b in at.button}


def test_rotation_can_be_stopped(fixture_store):
    at = present("overview.py", rotate="20")
    assert translate("present.rotating", "fi", seconds=20) in screen_text(at)
    at.button(key="present-pause").click().run()
    assert "rotate" not in at.query_params and at.query_params["present"] == "1"
    assert "present-pause" not in {b.key for b in at.button}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_has_the_required_parts(fixture_store, monkeypatch, lang):
    at = open_screen("accessibility.py", lang=lang)
    headers = [h.value for h in at.header]
    assert headers == [translate(k, lang) for k in
                       ("a11y.status.title", "a11y.issues.title", "a11y.feedback.title", "a11y.enforcement.title")]
    text = screen_text(at)
    assert "306/2019" in text and "WCAG 2.1" in text and "Traficom" in text
    assert translate("a11y.contact_placeholder", lang) in text  # until the municipality sets its channel
    monkeypatch.setenv("HYTE_ACCESSIBILITY_CONTACT", "saavutettavuus@merilahti.example")
    assert "saavutettavuus@merilahti.example" in screen_text(open_screen("accessibility.py", lang=lang))


# --- a meeting deck in the URL, the deck builder, drilling in -----------------------------------------

def position(at) -> str:
    (box,) = keyed(at.main, "present-position") or [None]
    return box.markdown[0].value if box is not None else ""


def titles(at) -> list[str]:
    # A slide's title may name more than its screen: "Overview: Testilä" names the town too.
    return [t.value.split(": ")[0] for t in at.title]


def test_a_deck_url_shows_its_slides_in_order_with_their_focus(participation_store):  # noqa: F811
    deck = "overview,participation:01,indicators"
    at = present("overview.py", deck=deck, lang="en", **{"from": "2025", "to": "2025"})
    assert titles(at) == ["Overview"] and position(at) == "1 / 3"
    at.button(key="present-next").click().run()
    assert titles(at) == ["Participation"] and position(at) == "2 / 3"
    assert at.query_params["slide"] == "2" and at.query_params["deck"] == deck and at.query_params["lang"] == "en"
    assert figure(at) == "22.0 / 1 000" and "Keskusta: rank 2 of 3" in screen_text(at)  # the district in focus
    at.button(key="present-next").click().run()
    assert titles(at) == ["Indicators"] and position(at) == "3 / 3"
    at.button(key="present-next").click().run()
    assert titles(at) == ["Overview"] and position(at) == "1 / 3"  # round to the start
    at.button(key="present-previous").click().run()
    assert titles(at) == ["Indicators"] and position(at) == "3 / 3"


def test_the_same_screen_twice_in_a_deck_keeps_each_slides_focus(participation_store):  # noqa: F811
    at = present("overview.py", deck="overview,participation:01,participation:02", **{"from": "2025", "to": "2025"})
    at.button(key="present-next").click().run()
    assert position(at) == "2 / 3" and "Keskusta: sija" in screen_text(at)
    at.button(key="present-next").click().run()
    assert position(at) == "3 / 3" and "Saari: sija 1/3" in screen_text(at)


def test_unknown_slides_are_named_on_screen_and_skipped(participation_store):  # noqa: F811
    at = present("overview.py", deck="overview,budget,indicators:999999,,participation:zz")
    assert not at.exception
    (warning,) = at.warning
    assert "budget" in warning.value and "indicators:999999" not in warning.value
    assert position(at) == "1 / 3"
    at.button(key="present-next").click().run()
    assert titles(at) == [translate("page.indicators", "fi")] and position(at) == "2 / 3"
    assert translate("present.focus_unknown", "fi", focus="999999") in screen_text(at)
    at.button(key="present-next").click().run()
    assert translate("present.focus_unknown", "fi", focus="zz") in screen_text(at)


def test_a_deck_of_nothing_known_falls_back_to_every_screen(participation_store):  # noqa: F811
    at = present("overview.py", deck="nope")
    assert "nope" in at.warning[0].value and position(at) == "1 / 5"


def test_parse_deck():
    from dashboard.outputs.deck import DeckSlide, deck_url, parse_deck

    known = ("overview", "indicators", "participation")
    slides, unknown = parse_deck(" overview , indicators:288,x,participation:03:4,", known)
    assert slides == [DeckSlide("overview"), DeckSlide("indicators", "288"), DeckSlide("participation", "03:4")]
    assert unknown == ["x"]
    assert deck_url(slides) == "overview,indicators:288,participation:03:4"
    assert parse_deck(None, known)[0] == [DeckSlide(p) for p in known]


def test_deck_builder_gives_the_decks_link(participation_store):  # noqa: F811
    at = open_screen(None, lang="sv")
    assert not at.sidebar.code  # closed, the builder is not drawn
    (code,) = open_deck_builder(at).sidebar.code
    assert "/overview?" in code.value and "present=1" in code.value and "lang=sv" in code.value
    assert "deck=overview,indicators,participation,working-groups,partnerships" in code.value
    at.sidebar.multiselect(key="present-builder").set_value(["participation", "overview"]).run()
    at.sidebar.text_input(key="present-builder-participation").set_value("01").run()
    (code,) = at.sidebar.code
    assert "/participation?" in code.value and "deck=participation:01,overview" in code.value
    at.sidebar.button(key="present-builder-open").click().run()
    assert titles(at) == [translate("page.participation", "sv")] and position(at) == "1 / 2"
    assert "Keskusta:" in screen_text(at)


def test_a_clicked_district_is_in_focus_until_esc(participation_store):  # noqa: F811
    # The map's click sets `drill` (dashboard.outputs.presenting._drill_district); AppTest cannot click a map.
    at = present("participation.py", drill="01", **{"from": "2025", "to": "2025"})
    assert "Keskusta: sija 2/3" in screen_text(at) and figure(at) == "22,0 / 1 000"
    assert [b.key for b in at.button] == ["present-previous", "present-next", "present-back"]
    at.button(key="present-back").click().run()
    assert "drill" not in at.query_params and "Keskusta: sija" not in screen_text(at)
    assert "present-exit" in [b.key for b in at.button]


# --- the overview for executives: each area's status is its card's picture ---------------------------

def test_overview_cards_show_each_areas_status_as_a_bar(participation_store):  # noqa: F811
    import json

    at = open_screen(None, lang="en")
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    bars = [s for s in specs if s.get("height") == 44 and s["layer"][0]["mark"]["type"] == "bar"]
    # The mini package: one indicator improving in Elinympäristö, one without data (and no target) in
    # Elintavat; each bar's text alternative says it in numbers, and an area without targets where to set them.
    assert [s["description"] for s in bars] == [
        "Elinympäristö: 1 improving · 0 holding · 0 worsening · 0 no data · target met 0/1",
        "Elintavat: 0 improving · 0 holding · 0 worsening · 1 no data · no targets set (set them on the Plan screen)"]
    assert bars[0]["layer"][0]["encoding"]["color"]["scale"]["domain"][0] == "Improving"
    # The number of indicators is still on the card, small, beside the bar.
    assert translate("overview.indicator_count", "en") in [m.label for m in at.metric]


@pytest.mark.parametrize("path", ["plan", "registers"])
def test_an_editing_screen_presented_says_it_has_no_slide_not_another_screens_message(demo_url, monkeypatch, path):
    """Presenting /plan showed the accessibility statement's conformance message on the projector."""
    from dashboard.core.pages import SCREENS
    from support.screen_helpers import APP
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"present": "1"})
    at.run()
    at.switch_page(f"../pages/{next(s.file for s in SCREENS if s.url_path == path)}").run()
    shown = [m.value for m in at.markdown]
    assert not at.exception
    assert translate("present.no_slide", "fi") in shown
    assert translate("present.a11y.message", "fi") not in shown
