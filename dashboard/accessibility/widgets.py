"""What every screen needs for WCAG 2.1 AA that Streamlit's defaults lack (the page language, caption
contrast, a visible keyboard focus). What the accessibility statement says is in model.py.

Only static text of our own goes into the HTML here; the one variable, the language, is one of
`i18n.LANGUAGES`, never user input.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.core.i18n import LANGUAGES, translate

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
    st.html(f'<span class="hyte-script"></span><script>document.documentElement.lang = "{lang}";'
            f'{_framework_texts(lang)}</script>', unsafe_allow_javascript=True)


# Streamlit 1.67 prints a few texts of its own in English whatever the page's language, with no option
# to change them: the keyboard's "Skip to main content" link and the file uploader's button and size
# limit. A watcher puts ours in their place (text nodes only, so React's own updates still land).
_FRAMEWORK_KEYS = {"skip": "st.skip_to_content", "upload": "st.upload", "per_file": "st.per_file",
                   "drop": "st.drop_file"}
_FRAMEWORK_JS = """
window.hyteTexts = %s;
if (!window.hyteTextsWatch) {
  const fix = () => {
    const t = window.hyteTexts;
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skip.textContent !== t.skip) skip.textContent = t.skip;
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"]').forEach((zone) => {
      const walker = document.createTreeWalker(zone, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue;
        let next = text === "Upload" ? t.upload : text.replace("per file", t.per_file);
        next = next.replace(/^Drag and drop (a )?files? here$/, t.drop);
        if (next !== text) node.nodeValue = next;
      }
    });
  };
  window.hyteTextsWatch = new MutationObserver(fix);
  window.hyteTextsWatch.observe(document.body, {childList: true, subtree: true, characterData: true});
  window.hyteTextsFix = fix;
}
window.hyteTextsFix();
"""


def _framework_texts(lang: str) -> str:
    texts = {name: translate(key, lang) for name, key in _FRAMEWORK_KEYS.items()}
    # json.dumps of catalogue texts (ours, not stored or user text); </ cannot end the script early.
    return _FRAMEWORK_JS % json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
