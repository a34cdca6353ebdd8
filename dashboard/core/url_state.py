"""Keeps a widget's value in a URL query parameter, so a copied link reproduces the view.

Why not the widgets' own `bind="query-params"` (Streamlit 1.67)? A bound selectbox writes its
*displayed label* into the URL, so `?age=Lapset ja nuoret` would change with the language and break
links, and a bound widget drops an unknown value silently where we must tell the user. So: the URL
seeds the widget once per session (the key is then in session state), and after that the widget
is the truth and is written back to the URL on every run (which also restores the parameters after
a page switch).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import streamlit as st

from dashboard.core import url_params
from dashboard.core.formatting import plain
from dashboard.core.i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, current_language, t, visitor_language

# Longest piece of a rejected URL value echoed back to the user.
_ECHO_LIMIT = 40


def seed_from_url(key: str, allowed: Collection | None = None) -> str | None:
    """Set session state `key` from the URL on first use; return the raw value (shortened) if it was unusable.

    The value is read by the app's one parser (dashboard/core/url_params.py) against what the screen
    offers (`allowed`). An unusable value is removed from the URL and the widget keeps its default.
    """
    url_params.PARAMS[key]  # KeyError for a parameter not declared there: every test of the screen fails
    if key in st.session_state:
        return None
    raw = st.query_params.get(key)
    if raw is None:
        return None
    try:
        st.session_state[key] = url_params.parse(key, raw, allowed)
    except url_params.Refused:
        del st.query_params[key]
        return url_params.echo(raw, _ECHO_LIMIT)
    return None


def seed_or_warn(key: str, allowed: Collection | None, default_label: str) -> None:
    """seed_from_url, and an unusable value is named on screen with the default shown instead.

    A link someone edited or mistyped must not silently show something else than it says.
    """
    rejected = seed_from_url(key, allowed)
    if rejected is not None:
        warn_refused(key, rejected, default_label)


def warn_refused(key: str, shown: str, default_label: str) -> None:
    """The warning for a link's unusable value: which parameter, what it said, what is shown instead."""
    st.warning(t("filters.invalid", param=key, value=plain(shown), default=plain(default_label)),
               icon=":material/link_off:")


def read(key: str, allowed: Collection | None = None):
    """The URL's value for `key` read by the one parser, None when absent or unusable (not kept in session
    state: for parameters that are the state themselves, like the slide's place in a deck)."""
    return read_or_refused(key, allowed)[0]


def read_or_refused(key: str, allowed: Collection | None = None) -> tuple[object, str | None]:
    """(the value, None), or (None, the refused value shortened for showing), or (None, None) when absent."""
    url_params.PARAMS[key]  # KeyError for a parameter not declared there
    raw = st.query_params.get(key)
    if raw is None:
        return None, None
    try:
        return url_params.parse(key, raw, allowed), None
    except url_params.Refused:
        return None, url_params.echo(raw, _ECHO_LIMIT)


def write_to_url(key: str, value: object, default: object) -> None:
    """Put `value` in the URL, or take the parameter out when it is the default (cleaner links)."""
    wanted = None if value == default else str(value)
    present = st.query_params.get(key)
    if wanted is None:
        if present is not None:
            del st.query_params[key]
    elif wanted != present:
        st.query_params[key] = wanted


OPENING_KEY = "lang.opening"  # the language the session opened in (the URL leaves it out)
_REJECTED_KEY = "lang.rejected"


def seed_language(package: Callable[[], tuple[str, ...]]) -> str:
    """The session's language, fixed on its first run: the link's `lang`, else the browser's
    (`st.context.locale`), else the package's first language (`package()`, read only then), else
    Finnish. Later runs keep it, so it stays when moving between screens. Draws nothing."""
    if OPENING_KEY not in st.session_state:
        st.session_state[OPENING_KEY] = visitor_language(st.context.locale,
                                                         () if LANG_KEY in st.query_params else package())
        st.session_state[_REJECTED_KEY] = seed_from_url(LANG_KEY, LANGUAGES)
        st.session_state.setdefault(LANG_KEY, st.session_state[OPENING_KEY])
    return current_language()


def language_selector(*, widget: bool = True, package: Callable[[], tuple[str, ...]] = tuple) -> str:
    """Draw the language choice in the sidebar, kept in the URL as `lang`; return the language.

    The URL carries `lang` only when it differs from the language the session opened in (the browser's
    or the package's): a link then opens in the visitor's own language unless someone chose another.
    Without `widget` (presentation mode) there is no choice to draw.
    """
    seed_language(package)
    # The widget's key is dropped after a run that did not draw it (presentation mode): the URL, which
    # still says the language, seeds it again, as on the first run.
    rejected = st.session_state.pop(_REJECTED_KEY, None) or seed_from_url(LANG_KEY, LANGUAGES)
    opening = st.session_state[OPENING_KEY]
    st.session_state.setdefault(LANG_KEY, opening)
    if rejected is not None:
        warn_refused(LANG_KEY, rejected, LANGUAGE_NAMES[opening])
    if widget:
        st.sidebar.segmented_control(t("lang.label"), LANGUAGES, key=LANG_KEY,
                                     format_func=LANGUAGE_NAMES.get, required=True)
    write_to_url(LANG_KEY, st.session_state[LANG_KEY], opening)
    return current_language()
