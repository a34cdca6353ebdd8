"""Stored text is shown as typed: plain() for Markdown, no bidi controls anywhere, every screen checked.

The browser test (tests/browser/test_hostile_text.py) shows what Chromium makes of it; these check
what the app hands to Streamlit, screen by screen, in a second or two each.
"""

from __future__ import annotations

import re

import polars as pl
import pytest
from support.hostile_fixtures import BIDI, build_hostile_store
from support.screen_helpers import open_screen

from dashboard.core.formatting import WORD_JOINER, plain, text_only, text_only_frames

# What a Markdown renderer would turn into a heading, bold, an image, a link or HTML if it got it raw
# (an escaped "https\://" or "www\." still becomes a link: plain() puts a word joiner in them).
RAW = re.compile(r"(?<!\\)#\s*HEAD|(?<!\\)\*BOLD|(?<!\\)!\[x|(?<!\\)\[click|https?\\?://evil|www\\?\.evil"
                 r"|(?<!\\)<(h1|img)")


@pytest.mark.parametrize("payload, shown", [
    ("**b** # h", r"\*\*b\*\* \# h"),
    ("<h1>x</h1>", r"\<h1\>x\</h1\>"),
    ("![x](http://127.0.0.1:9/px.png)", "\\!\\[x\\]\\(http\\:\u2060//127\\.0\\.0\\.1\\:\u20609/px\\.png\\)"),
    ("[click](http://evil.example)", "\\[click\\]\\(http\\:\u2060//evil\\.example\\)"),
    ("www.evil.example", "www\u2060\\.evil\\.example"),
    ("WWW.evil.example", "WWW\u2060\\.evil\\.example"),
    ("a@evil.example", "a@\u2060evil\\.example"),
    (":material/close: :red[x]", "\\:\u2060material/close\\: \\:\u2060red\\[x\\]"),
    ("&amp; $x$", r"\&amp; \$x\$"),
    ("abc\u202edef \u2067x\u2069 \u200fy\u200e \u061cz", "abcdef x y z"),
    (None, ""),
])
def test_plain_escapes_every_payload_kind(payload, shown):
    assert plain(payload) == shown


def test_plain_leaves_ordinary_text_readable():
    # What the user reads once Markdown has dropped the backslashes (and the joiners, which are invisible).
    text = "Keskusta: Alueen tapahtumat 12.5. klo 14:05 (ks. https://kunta.fi)"
    assert plain(text).replace("\\", "").replace(WORD_JOINER, "") == text


def test_text_only_removes_bidi_controls_and_nothing_else():
    assert text_only("**a** <b>\u202e" + "".join(BIDI) + "Ääkköset") == "**a** <b>Ääkköset"


def test_every_cached_query_result_loses_its_bidi_controls():
    frame = pl.DataFrame({"name": ["a\u202eb", None], "value": [1, 2]})
    board = text_only_frames({"cards": frame, "areas": [frame], "title": "x\u2066y"})
    assert board["cards"]["name"].to_list() == ["ab", None] and board["cards"]["value"].to_list() == [1, 2]
    assert board["areas"][0]["name"].to_list() == ["ab", None] and board["title"] == "xy"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> str:
    return build_hostile_store(tmp_path_factory.mktemp("hostile"))


def _markdown_texts(at) -> list[str]:
    """What the screen hands to Streamlit's Markdown renderer: text elements, labels and radio options."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                                  "success", "error") for e in getattr(at, kind)]
    texts += [str(m.label) for m in at.metric] + [str(m.value) for m in at.metric]
    texts += [e.label for e in at.expander] + [e.label for e in at.tabs]
    for radio in at.radio:
        texts += [radio.label, *radio.options]
    return [str(text) for text in texts]


@pytest.mark.parametrize("page, params", [
    (None, {"district": "01", "from": "2024", "to": "2026"}),
    ("indicators.py", {"indicator": "900001", "district": "01"}),
    ("indicators.py", {"indicator": "127", "age": "young"}),
    ("participation.py", {"district": "01", "from": "2025", "to": "2025"}),
    ("working_groups.py", {"from": "2025", "to": "2026"}),
    ("partnerships.py", {"from": "2024", "to": "2026", "district": "01"}),
    ("data_status.py", {}),
    ("indicators.py", {"present": "1", "indicator": "900001", "district": "01"}),
    ("partnerships.py", {"present": "1", "from": "2024", "to": "2026"}),
    (None, {"present": "1", "district": "01"}),
    ("participation.py", {"present": "1", "district": "01", "from": "2025", "to": "2025"}),
    ("working_groups.py", {"present": "1", "from": "2025", "to": "2026"}),
], ids=["overview", "indicators-local", "indicators-sotkanet", "participation", "working-groups", "partnerships",
        "data-status", "present-indicators", "present-partnerships", "present-overview", "present-participation",
        "present-working-groups"])
def test_no_screen_hands_stored_text_to_markdown_raw(hostile_url, monkeypatch, page, params):
    monkeypatch.setenv("HYTE_DATABASE_URL", hostile_url)
    at = open_screen(page, **params)
    texts = _markdown_texts(at)
    assert any("BOLD" in text for text in texts), "the hostile names are on this screen"
    raw = [text[:120] for text in texts if RAW.search(text)]
    assert raw == []
    options = [str(o) for box in (*at.selectbox, *at.multiselect) for o in box.options]
    assert not set("".join(texts + options)) & set(BIDI)


def _filters_line_script():
    import streamlit as st

    from dashboard.core import cache, filters

    store = cache.open_store()
    f = filters.render_sidebar(store, widgets=False)
    st.text(filters.describe(f, store, markdown=False))  # a download's header line
    st.caption(filters.describe(f, store))


def test_the_filters_line_is_escaped_on_screen_and_as_typed_in_a_file_header(hostile_url, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("HYTE_DATABASE_URL", hostile_url)
    at = AppTest.from_function(_filters_line_script, default_timeout=60)
    at.query_params.update({"district": "01", "age": "young"})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    in_file, on_screen = at.text[0].value, at.caption[0].value
    assert "# HEAD **BOLD**" in in_file and "abcdef ALUE-01" in in_file and "\\" not in in_file
    assert not RAW.search(on_screen) and "\\*\\*BOLD\\*\\*" in on_screen
