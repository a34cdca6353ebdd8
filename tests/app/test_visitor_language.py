"""The app opens in the visitor's language: the link's `lang`, else the browser's (st.context.locale), else
the package's first language, else Finnish; the language stays when moving between screens."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from dashboard.core.i18n import translate, visitor_language
from data_pipeline.store import schema
from data_pipeline.store.engine import make_engine

APP = Path(__file__).parents[2] / "dashboard" / "app.py"


def package_language(url: str, languages: str | None) -> None:
    """The loaded package's `language`, as a load of it stores it (the same data version: cached reads go)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(update(schema.municipality).values(languages=languages))
    engine.dispose()
    st.cache_data.clear()


def open_app(url: str, monkeypatch, locale: str | None = None, **params: str) -> AppTest:
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    if locale is not None:
        at.context = {"locale": locale}
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("locale,package,expected", [
    ("sv-FI", (), "sv"), ("sv-SE", ("fi",), "sv"), ("sv", (), "sv"), ("fi-FI", ("sv",), "fi"),
    ("en-GB", ("sv", "fi"), "en"), ("de-DE", ("sv", "fi"), "sv"), ("de-DE", (), "fi"), (None, ("sv",), "sv"),
    (None, (), "fi"), ("", ("fi", "sv"), "fi"), ("sv_FI", (), "sv"),
])
def test_the_browser_first_then_the_package_then_finnish(locale, package, expected):
    assert visitor_language(locale, package) == expected


def test_a_swedish_browser_without_lang_in_the_link_gets_swedish_and_keeps_it(demo_store, monkeypatch):
    package_language(demo_store, None)
    at = open_app(demo_store, monkeypatch, locale="sv-FI")
    assert [t.value for t in at.title] == [translate("page.overview", "sv")]
    assert "lang" not in at.query_params  # the visitor's own language: the link needs none
    at.switch_page("../pages/working_groups.py").run()
    assert [t.value for t in at.title] == [translate("page.working_groups", "sv")]
    at.switch_page("../pages/data_status.py").run()
    assert [t.value for t in at.title] == [translate("page.data_status", "sv")]


def test_the_link_s_language_wins_over_the_browser(demo_store, monkeypatch):
    package_language(demo_store, None)
    at = open_app(demo_store, monkeypatch, locale="sv-FI", lang="fi")
    assert [t.value for t in at.title] == [translate("page.overview", "fi")]
    assert at.query_params.get("lang") == "fi"  # not the visitor's language: kept in the link
    at.switch_page("../pages/indicators.py").run()
    assert [t.value for t in at.title] == [translate("page.indicators", "fi")]


def test_a_swedish_package_opens_in_swedish_for_a_browser_the_app_does_not_speak(demo_store, monkeypatch):
    package_language(demo_store, "sv")
    at = open_app(demo_store, monkeypatch, locale="de-DE")
    assert [t.value for t in at.title] == [translate("page.overview", "sv")]
    at = open_app(demo_store, monkeypatch)  # no browser language at all
    assert [t.value for t in at.title] == [translate("page.overview", "sv")]
    package_language(demo_store, None)
    assert [t.value for t in open_app(demo_store, monkeypatch, locale="de-DE").title] == [
        translate("page.overview", "fi")]


def test_choosing_another_language_puts_it_in_the_link(demo_store, monkeypatch):
    package_language(demo_store, None)
    at = open_app(demo_store, monkeypatch, locale="sv-FI")
    at.button_group(key="lang").set_value("fi").run()
    assert [t.value for t in at.title] == [translate("page.overview", "fi")]
    assert at.query_params.get("lang") == "fi"
    at.button_group(key="lang").set_value("sv").run()
    assert "lang" not in at.query_params
