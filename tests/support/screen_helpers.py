"""Shared AppTest helpers: open a screen the way a user arrives at it, and read what it shows."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.core.formatting import WORD_JOINER

APP = Path(__file__).parents[2] / "dashboard" / "app.py"
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success")


def open_screen(page: str | None, **params: str) -> AppTest:
    """Run the app with `params` in the URL, then switch to pages/`page` (None: stay on the overview)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(f"../pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_deck_builder(at: AppTest) -> AppTest:
    """Open the sidebar's deck builder, as the visitor does (closed, it is not drawn)."""
    from dashboard.outputs.presenting import BUILDER_KEY

    at.session_state[BUILDER_KEY] = True
    return at.run()


def screen_text(at: AppTest, unescape: bool = True) -> str:
    """Every text element and metric on screen, one a line.

    Stored text reaches Markdown escaped; with `unescape` the backslashes are dropped, giving what
    the user reads.
    """
    parts = [e.value for kind in TEXT_KINDS for e in getattr(at, kind)]
    parts += [f"{m.label}: {m.value}" for m in at.metric]
    text = "\n".join(str(p) for p in parts)
    # The invisible word joiners plain() puts into "https://", "www." and "a@b" are no change either.
    return text.replace("\\", "").replace(WORD_JOINER, "") if unescape else text
