"""Presentation mode (`?present=1`) through AppTest: each screen's key message and number, the filters
and data date shown small, no filter widgets, stepping with the controls, and the statement page."""

from __future__ import annotations

from datetime import datetime

import pytest
from screen_helpers import open_screen, screen_text
from participation_fixtures import participation_store  # noqa: F401 - fixtures used by name below
from partnerships_fixtures import ngo_store  # noqa: F401
from working_groups_fixtures import TODAY, groups_url  # noqa: F401

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


def figure(at) -> str:
    """The slide's key figure, as the projector shows it (non-breaking spaces as spaces)."""
    (box,) = [c for c in at.main.children.values() if getattr(c, "key", None) == "present-figure"] or [None]
    assert box is not None, "no key figure on the slide"
    return box.markdown[0].value.replace(NBSP, " ")


def label(at) -> str:
    """What the key figure says, as read (stored names reach Markdown escaped)."""
    (box,) = [c for c in at.main.children.values() if getattr(c, "key", None) == "present-label"]
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
    assert "Stale: sotkanet" in screen_text(at)


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
    monkeypatch.setattr("dashboard.working_groups.widgets.today", lambda: TODAY)
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
