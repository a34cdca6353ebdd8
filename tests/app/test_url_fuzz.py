"""Arbitrary text in every URL parameter the app reads, on every page, in normal and presentation mode.

The parameters come from the app's one parser (dashboard/core/url_params.py), so a parameter added
there is thrown at here too; a screen that reads one not declared there fails every test that opens
it. Whatever a link says, a page renders its title with no exception and no error box.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest
from support.screen_helpers import APP

from dashboard.core import url_params
from dashboard.core.i18n import LANGUAGES, translate
from dashboard.core.pages import SCREENS
from dashboard.outputs.deck import SEQUENCE, DeckSlide, position

# Text as links carry it: any character (superscript and Arabic-Indic digits, controls, RTL marks, …).
TEXT = st.text(max_size=60)
# Near misses of valid values find more than random text alone: digits in other scripts, signs, spaces.
NUMBERISH = st.sampled_from(["²", "²⁰²⁵", "٣", "１２", "-1", "+3", " 3", "3 ", "0", "99999999999", "1e3", "3.0"])
VALUE = st.one_of(TEXT, NUMBERISH, st.sampled_from(["", ",", ",,", "all", "1", "fi", "sv", "288", "overview"]))
PARAMS = st.fixed_dictionaries({key: VALUE for key in url_params.PARAMS})
# Pages on a store: the setup page reads no parameter and writes a package, it has its own tests.
PAGES = [s for s in SCREENS if s.store]
EXAMPLES_PER_PAGE = 4


@given(key=st.sampled_from(sorted(url_params.PARAMS)), raw=VALUE,
       allowed=st.sampled_from([None, ("a", "b"), (2024, 2025), tuple(range(1, 300))]))
@settings(max_examples=600, deadline=None)
def test_the_parser_gives_a_value_or_refuses_never_anything_else(key, raw, allowed):
    try:
        value = url_params.parse(key, raw, allowed)
    except url_params.Refused:
        return
    param = url_params.PARAMS[key]
    if param.kind == url_params.NUMBER:
        assert isinstance(value, int) and param.low <= value <= param.high and raw.isascii()
    if param.kind == url_params.TEXT:
        assert value.isprintable() and len(value) <= param.max_length


@pytest.mark.parametrize("raw", ["²", "²⁰²⁵", "٣", "１", "-1", " 1", "0", "101", "9" * 5000])
def test_a_slide_number_is_ascii_digits_within_the_deck(raw):
    """`?present=1&slide=²` crashed the slide: str.isdigit() takes '²', int() refuses it."""
    with pytest.raises(url_params.Refused):
        url_params.parse("slide", raw)
    deck = [DeckSlide(p) for p in SEQUENCE]
    assert position("indicators", deck, None).index == 1  # unreadable: the screen's own place in the deck
    assert url_params.parse("slide", "2") == 2 and position("indicators", deck, 2).index == 1


def test_every_parameter_a_screen_reads_is_declared(demo_store, monkeypatch):
    """An undeclared parameter is an error where it is read, not a silent hole in this test's list."""
    from dashboard.core import url_state

    with pytest.raises(KeyError):
        url_state.read("not-declared")


def _open(page, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page.url_path != SCREENS[0].url_path and not at.exception:
        at.switch_page(f"../pages/{page.file}").run()
    return at


@pytest.mark.parametrize("present", [False, True], ids=["screen", "presented"])
@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_no_link_breaks_a_page(demo_store, monkeypatch, page, present):
    monkeypatch.setenv("HYTE_DATABASE_URL", demo_store)

    @given(params=PARAMS, lang=st.sampled_from(LANGUAGES))
    @settings(max_examples=EXAMPLES_PER_PAGE, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    def check(params, lang):
        # The mode and the language valid (else the page is simply the default one); the rest arbitrary.
        params = {**params, "lang": lang, **({"present": "1"} if present else {})}
        at = _open(page, params)
        assert not at.exception, (params, [e.value for e in at.exception])
        assert not at.error, (params, [e.value for e in at.error])
        assert [h.value for h in at.title][:1] == [translate(page.title_key, lang)] or present, params

    check()


@pytest.mark.parametrize("raw", ["²", "²⁰²⁵", "9" * 5000])
def test_a_presented_slide_with_a_superscript_number_shows_the_slide(demo_store, monkeypatch, raw):
    """The finding: `?present=1&slide=²` gave the visitor an error box (ValueError in deck.position)."""
    monkeypatch.setenv("HYTE_DATABASE_URL", demo_store)
    page = next(s for s in SCREENS if s.url_path == "indicators")
    at = _open(page, {"present": "1", "slide": raw, "deck": "overview,indicators"})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
