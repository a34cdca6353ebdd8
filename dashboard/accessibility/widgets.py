"""What every screen needs for WCAG 2.1 AA that Streamlit's defaults lack (the page language, caption
contrast, a visible keyboard focus). What the accessibility statement says is in model.py.

Only static text of our own goes into the HTML here; the one variable, the language, is one of
`i18n.LANGUAGES`, never user input.
"""

from __future__ import annotations

import streamlit as st

from dashboard.core.i18n import LANGUAGES

# Streamlit draws captions in its text colour at 60 % opacity: 4.48:1 on white, just under the
# 4.5:1 of WCAG 1.4.3. Opaque and in a grey of the same hue they are 8.7:1 and still look quieter.
CAPTION_COLOR = "#4A4A55"
FOCUS_COLOR = "#005A8C"

_CSS = f"""<style>
[data-testid="stCaptionContainer"] {{ opacity: 1; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: {CAPTION_COLOR}; }}
/* WCAG 2.4.7: a keyboard user must see where the focus is; some of Streamlit's widgets show
   nothing, others only a faint ring. Mouse clicks (no :focus-visible) keep the quiet look. */
:focus-visible {{ outline: 3px solid {FOCUS_COLOR} !important; outline-offset: 2px !important; }}
/* Elements that only carry a script (marked span.hyte-script) are empty: they must add no gap. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > span.hyte-script) {{ display: none; }}
</style>"""


def apply(lang: str) -> None:
    """Style the page and say its language (WCAG 3.1.1): Streamlit's page says lang="en" whatever is shown."""
    if lang not in LANGUAGES:
        raise ValueError(f"not a UI language: {lang!r}")
    st.html(_CSS)
    # A screen reader reads Finnish text with English rules unless <html lang> says otherwise. The
    # marker span lets the CSS above hide this element's container.
    st.html(f'<span class="hyte-script"></span><script>document.documentElement.lang = "{lang}";</script>',
            unsafe_allow_javascript=True)
