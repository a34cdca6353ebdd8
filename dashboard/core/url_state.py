"""Keeps a widget's value in a URL query parameter, so a copied link reproduces the view.

Why not the widgets' own `bind="query-params"` (Streamlit 1.67)? A bound selectbox writes its
*displayed label* into the URL, so `?age=Lapset ja nuoret` would change with the language and break
links, and a bound widget drops an unknown value silently where we must tell the user. So: the URL
seeds the widget once per session (the key is then in session state), and after that the widget
is the truth and is written back to the URL on every run (which also restores the parameters after
a page switch).
"""

from __future__ import annotations

from typing import Callable, TypeVar

import streamlit as st

from dashboard.core.formatting import plain
from dashboard.core.i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, current_language, t, visitor_language

T = TypeVar("T")
# Longest piece of a rejected URL value echoed back to the user.
_ECHO_LIMIT = 40


def seed_from_url(key: str, parse: Callable[[str], T]) -> str | None:
    """Set session state `key` from the URL on first use; return the raw value if it was unusable.

    `parse` returns the widget value or raises ValueError. An unusable value is removed from the
    URL and the widget keeps its default.
    """
    if key in st.session_state:
        return None
    raw = st.query_params.get(key)
    if raw is None:
        return None
    try:
        st.session_state[key] = parse(raw)
    except ValueError:
        del st.query_params[key]
        return raw[:_ECHO_LIMIT] + ("…" if len(raw) > _ECHO_LIMIT else "")
    return None


def seed_or_warn(key: str, parse: Callable[[str], T], default_label: str) -> None:
    """seed_from_url, and an unusable value is named on screen with the default shown instead.

    A link someone edited or mistyped must not silently show something else than it says.
    """
    rejected = seed_from_url(key, parse)
    if rejected is not None:
        st.warning(t("filters.invalid", param=key, value=plain(rejected), default=plain(default_label)),
                   icon=":material/link_off:")


def write_to_url(key: str, value: object, default: object) -> None:
    """Put `value` in the URL, or take the parameter out when it is the default (cleaner links)."""
    wanted = None if value == default else str(value)
    present = st.query_params.get(key)
    if wanted is None:
        if present is not None:
            del st.query_params[key]
    elif wanted != present:
        st.query_params[key] = wanted


def one_of(allowed: tuple[str, ...]) -> Callable[[str], str]:
    """A `parse` for seed_from_url that accepts only the given codes."""
    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(f"{raw!r} is not one of {allowed}")
        return raw

    return parse


OPENING_KEY = "lang.opening"  # the language the session opened in (the URL leaves it out)
_REJECTED_KEY = "lang.rejected"


def _parse_language(raw: str) -> str:
    if raw not in LANGUAGES:
        raise ValueError(f"unknown language {raw!r}")
    return raw


def seed_language(package: Callable[[], tuple[str, ...]]) -> str:
    """The session's language, fixed on its first run: the link's `lang`, else the browser's
    (`st.context.locale`), else the package's first language (`package()`, read only then), else
    Finnish. Later runs keep it, so it stays when moving between screens. Draws nothing."""
    if OPENING_KEY not in st.session_state:
        st.session_state[OPENING_KEY] = visitor_language(st.context.locale,
                                                         () if LANG_KEY in st.query_params else package())
        st.session_state[_REJECTED_KEY] = seed_from_url(LANG_KEY, _parse_language)
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
    rejected = st.session_state.pop(_REJECTED_KEY, None) or seed_from_url(LANG_KEY, _parse_language)
    opening = st.session_state[OPENING_KEY]
    st.session_state.setdefault(LANG_KEY, opening)
    if rejected is not None:
        st.warning(t("filters.invalid", param=LANG_KEY, value=plain(rejected),
                     default=LANGUAGE_NAMES[opening]), icon=":material/link_off:")
    if widget:
        st.sidebar.segmented_control(t("lang.label"), LANGUAGES, key=LANG_KEY,
                                     format_func=LANGUAGE_NAMES.get, required=True)
    write_to_url(LANG_KEY, st.session_state[LANG_KEY], opening)
    return current_language()
