"""Every page's URL parameters are inputs: hostile or unknown values fall back to the default, with a notice.

The demo store (every widget has something to offer), every page, every parameter it reads set at
once to an SQL fragment with a script tag, or to a 5,000-digit number. Each parameter must be named in
a warning, taken out of the URL, and the page must render its title with no exception; the script
tag reaches the screen only as escaped text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.i18n import translate

APP = Path(__file__).parents[2] / "dashboard" / "app.py"
COMMON = ("lang", "age", "district", "from", "to")
# page file -> (i18n key of its title, the parameters the page itself reads)
PAGES = {
    "overview.py": ("page.overview", ()),
    "indicators.py": ("page.indicators", ("area", "view", "indicator")),
    "participation.py": ("page.participation", ("ptype", "plevel", "pdept", "pevents", "pdistrict")),
    "working_groups.py": ("page.working_groups", ("wg_year",)),
    "partnerships.py": ("page.partnerships", ("kind", "ngo_area")),
    "data_status.py": ("page.data_status", ()),
}
HOSTILE = {
    "sql-and-script": "<script>alert(1)</script>' OR 1=1; DROP TABLE region;--",
    "huge-number": "9" * 5000,
}


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("page", PAGES)
def test_hostile_values_fall_back_with_a_notice(demo_store, monkeypatch, page, value):
    monkeypatch.setenv("HYTE_DATABASE_URL", demo_store)
    title, own = PAGES[page]
    params = (*COMMON, *own)
    at = AppTest.from_file(APP, default_timeout=60)
    # Parameters arrive with the link; the page's own are read when it runs after the switch.
    at.query_params.update({key: value for key in params})
    at.run()
    warnings = [w.value for w in at.warning]  # the shared filters and language: read on arrival
    if page != "overview.py":
        at.switch_page(f"../pages/{page}").run()
        warnings += [w.value for w in at.warning]
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.title] == [translate(title, "fi")]  # the default language, as the notice says
    for key in params:
        assert any(w.startswith(f"Linkin arvoa {key}=") for w in warnings), (key, warnings)
        assert key not in at.query_params, key
    shown = "\n".join(str(e.value) for kind in ("markdown", "warning", "caption") for e in getattr(at, kind))
    assert "<script>" not in shown


def test_a_hostile_search_is_only_text(demo_store, monkeypatch):
    """The partner search takes free text: a hostile one is searched for, shortened, and finds nothing."""
    monkeypatch.setenv("HYTE_DATABASE_URL", demo_store)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = HOSTILE["sql-and-script"] * 3
    at.run()
    at.switch_page("../pages/partnerships.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="q").value == (HOSTILE["sql-and-script"] * 3)[:80]
    assert "<script>" not in "\n".join(str(e.value) for e in at.markdown)
