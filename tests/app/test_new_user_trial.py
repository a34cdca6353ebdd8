"""What a new coordinator stumbled on in the Kuusamo trial (issue 23: /setup → /plan → /registers in headless
Chromium at 1280×720, fi and sv): the empty screens of a fresh package sent them to CSV files and a terminal
command; they now name the screen where the thing is done."""

from __future__ import annotations

import pytest
from support.screen_helpers import open_screen, screen_text

from dashboard.core.i18n import translate
from data_pipeline.load.refresh import refresh


@pytest.fixture
def fresh_store(mini_package, tmp_path, monkeypatch) -> str:
    """A just-loaded package with no working groups (the mini package's registers)."""
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert refresh(mini_package, url, offline=True).ok
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    return url


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_empty_register_is_filled_on_the_registers_screen_not_in_a_csv_file(fresh_store, lang):
    overview = screen_text(open_screen(None, lang=lang))
    assert translate("wg.none", lang) in overview
    groups = screen_text(open_screen("working_groups.py", lang=lang))
    for text in (overview, groups):
        assert "hyte refresh" not in text and "working_groups.csv" not in text
    assert translate("page.registers", lang) in translate("wg.none", lang)
    assert translate("page.registers", lang) in translate("ngo.none_in_store", lang)
    assert ".csv" not in translate("ngo.none_in_store", lang) and "hyte" not in translate("ngo.none_in_store", lang)
