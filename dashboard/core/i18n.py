"""Every piece of UI text, in Finnish, Swedish and English, looked up with `t(key, **fmt)`.

The texts are the gettext catalogues, one per language (locales/{fi,sv,en}/LC_MESSAGES/hyte.po), which
the app, the pipeline's messages and the documents share: `data_pipeline.i18n` reads them, and this module
adds what the app needs on top, the session's language (`current_language`, `t`, `tn`). Finnish is the
reference: `missing_keys()` lists what the other languages lack (a test keeps that list empty, and
tests/i18n checks the catalogues themselves). The current language is the `lang` widget value, which
`dashboard.app` keeps in the URL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping

from data_pipeline import i18n as catalogues
from data_pipeline.i18n import DEFAULT_LANGUAGE, LANGUAGES, speaking, spoken

__all__ = ["CATALOG", "DEFAULT_LANGUAGE", "LANGUAGES", "LANGUAGE_NAMES", "LANG_KEY", "current_language",
           "localized", "missing_keys", "names", "source_text", "speaking", "t", "tn", "translate",
           "translate_n", "visitor_language"]

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
# The session-state key of the language selector, and the URL parameter it is kept in.
LANG_KEY = "lang"


class _Catalog(Mapping):
    """language -> {key: text}, read from the catalogues on first use. A text with plural forms is here
    in its general form ("{n} kokousta"); `translate_n` picks the form a count takes."""

    def __init__(self) -> None:
        self._texts: dict[str, dict[str, str]] = {}

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        if lang not in self._texts:
            self._texts[lang] = {key: entry if isinstance(entry, str) else entry[-1]
                                 for key, entry in catalogues.catalogue(lang).items()}
        return self._texts[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


CATALOG = _Catalog()


def current_language() -> str:
    """The language fixed by `speaking` (the deck PDF builds the slides in the language asked for, from
    the command line or inside a cached function), else the one picked in the selector, else the one in
    the URL, else Finnish."""
    fixed = spoken()
    if fixed is not None:
        return fixed
    # Streamlit is imported on use: the briefing (CLI) reads the catalogue without the app.
    import streamlit as st

    # The URL counts before the selector is drawn: the navigation is built first.
    from dashboard.core import url_params

    lang = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY)
    try:
        return url_params.parse(LANG_KEY, lang, LANGUAGES) if lang is not None else visitor_language(st.context.locale)
    except url_params.Refused:
        return visitor_language(st.context.locale)


def visitor_language(locale: str | None, package: tuple[str, ...] = ()) -> str:
    """The language a session opens in when its link names none: the browser's (`st.context.locale`,
    "sv-FI", "sv-SE" and "sv" are Swedish) if the app speaks it, else the package's first language (a
    Swedish-speaking municipality's app opens in Swedish for a German browser), else Finnish."""
    spoken_by_browser = (locale or "").replace("_", "-").split("-")[0].strip().lower()
    if spoken_by_browser in LANGUAGES:
        return spoken_by_browser
    return next((lang for lang in package if lang in LANGUAGES), DEFAULT_LANGUAGE)


def translate(key: str, lang: str, /, **fmt: object) -> str:
    """The text for `key` in `lang`, formatted with `fmt`; Finnish if the language lacks it (and the key
    itself, logged, if Finnish lacks it too: the projector should show a key rather than a traceback)."""
    return catalogues.translate(key, lang, **fmt)


def translate_n(key: str, n: int, lang: str, /, **fmt: object) -> str:
    """The form of `key` that the count `n` takes in `lang` ("1 kokous", "2 kokousta")."""
    return catalogues.translate_n(key, n, lang, **fmt)


def t(key: str, /, **fmt: object) -> str:
    """The text for `key` in the current language."""
    return translate(key, current_language(), **fmt)


def tn(key: str, n: int, /, **fmt: object) -> str:
    """The form of `key` for the count `n`, in the current language."""
    return translate_n(key, n, current_language(), **fmt)


def missing_keys() -> dict[str, set[str]]:
    """Keys each language lacks compared with Finnish (empty sets when complete)."""
    reference = set(CATALOG[DEFAULT_LANGUAGE])
    return {lang: reference - set(CATALOG[lang]) for lang in LANGUAGES}


def source_text(attribution: str, lang: str) -> str:
    """A stored attribution ("Lähde: THL, Sotkanet.fi, CC BY 4.0", as the pipeline writes it) with its
    "Lähde:" in `lang`; the source's own name stays as published."""
    head, sep, rest = attribution.partition(":")
    if sep and head.strip() == CATALOG[DEFAULT_LANGUAGE]["source.prefix"]:
        return f"{translate('source.prefix', lang)}:{rest}"
    return attribution


def localized(row: dict, prefix: str, lang: str) -> str:
    """A stored name in `lang` (`name_sv`, ...), falling back to Finnish, which is always present."""
    return row.get(f"{prefix}_{lang}") or row.get(f"{prefix}_fi") or ""


def names(rows: list[dict], lang: str, prefix: str = "name") -> list[str]:
    """Stored names in `lang`, one per row, Finnish where the language has none."""
    return [localized(row, prefix, lang) for row in rows]
