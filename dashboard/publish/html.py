"""The published site's HTML, written by hand: a page's frame, its text, tables and figures.

Every stored or computed text goes through `text()` (escaped); the models' Markdown-safe lines
(`**bold**`, backslash-escaped names, hard line breaks) become the same emphasis in HTML. No scripts,
no inline styles: one stylesheet, so the site's Content-Security-Policy can forbid both.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

import polars as pl

from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import LANGUAGE_NAMES, translate

_BOLD = re.compile(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*", re.S)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>:$])")
_OPEN, _CLOSE, _BREAK = "\x00", "\x01", "\x02"


def text(value: object) -> str:
    """Plain text, escaped for HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def markdown(value: str | None) -> str:
    """A model's Markdown-safe line as HTML: bold, hard line breaks, the names' escapes undone."""
    if not value:
        return ""
    marked = _BOLD.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", value).replace("  \n", _BREAK)
    shown = html.escape(_ESCAPED.sub(r"\1", marked), quote=False)
    return shown.replace(_OPEN, "<strong>").replace(_CLOSE, "</strong>").replace(_BREAK, "<br>\n")


def cell(value: object, lang: str) -> str:
    """A figure as a reader reads it: numbers in the language's format, yes/no in words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return text(translate("publish.yes" if value else "publish.no", lang))
    if isinstance(value, int):
        return text(fmt_number(value, 0, lang))
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        # As many decimals as the figure has, at most two (a share of 0.333… is 0,33).
        return text(fmt_number(value, 0 if value == int(value) else 1 if round(value, 1) == value else 2, lang))
    return text(value)


def table(frame: pl.DataFrame, lang: str, headers: dict[str, str] | None = None, caption: str | None = None) -> str:
    """A frame as an HTML table with column headers (`headers`: a column's title, else its name)."""
    headers = headers or {}
    out = ['<div class="table"><table>']
    if caption:
        out.append(f"<caption>{text(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{text(headers.get(c, c))}</th>' for c in frame.columns)
               + "</tr></thead><tbody>")
    for row in frame.iter_rows():
        out.append("<tr>" + "".join(f"<td>{cell(v, lang)}</td>" for v in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


@dataclass
class Frame:
    """What every page has around its content: site name, navigation, language links, footer lines."""

    lang: str
    site: str
    home: str
    stylesheet: str
    icon: str
    nav: list[tuple[str, str, bool]] = field(default_factory=list)  # label, href, current
    languages: list[tuple[str, str]] = field(default_factory=list)  # language, href
    footer: list[str] = field(default_factory=list)  # Markdown-safe lines


def page(frame: Frame, title: str, body: str) -> bytes:
    """A whole page: head, header with navigation and language switch, main content, footer."""
    current_page = ' aria-current="page"'
    nav = "".join(f'<li><a href="{text(href)}"{current_page if current else ""}>{text(label)}</a></li>'
                  for label, href, current in frame.nav)
    langs = "".join(f'<li><a href="{text(href)}" lang="{code}" hreflang="{code}">{text(LANGUAGE_NAMES[code])}</a></li>'
                    for code, href in frame.languages)
    alternates = "".join(f'\n<link rel="alternate" hreflang="{code}" href="{text(href)}">'
                         for code, href in frame.languages)
    footer = "".join(f"<p>{markdown(line)}</p>" for line in frame.footer if line)
    lang_nav = (f'<nav class="langs" aria-label="{text(translate("publish.languages", frame.lang))}"><ul>{langs}</ul></nav>'
                if langs else "")
    return f"""<!doctype html>
<html lang="{frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(title)} – {text(frame.site)}</title>
<link rel="stylesheet" href="{text(frame.stylesheet)}">
<link rel="icon" href="{text(frame.icon)}" type="image/svg+xml">{alternates}
</head>
<body>
<header>
<p class="site"><a href="{text(frame.home)}">{text(frame.site)}</a></p>
<nav aria-label="{text(translate("publish.nav", frame.lang))}"><ul>{nav}</ul></nav>
{lang_nav}
</header>
<main>
<h1>{text(title)}</h1>
{body}
</main>
<footer>{footer}</footer>
</body>
</html>
""".encode("utf-8")


def embed_page(lang: str, title: str, picture: str, lines: list[str], back: tuple[str, str], stylesheet: str) -> bytes:
    """An embed: the chart, its title, source line and a link back to its page, nothing else."""
    footer = "".join(f"<p>{markdown(line)}</p>" for line in lines if line)
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(title)}</title>
<link rel="stylesheet" href="{text(stylesheet)}">
</head>
<body class="embed">
<main>
<h1>{text(title)}</h1>
{picture}
<footer>{footer}<p><a href="{text(back[1])}" target="_top">{text(back[0])}</a></p></footer>
</main>
</body>
</html>
""".encode("utf-8")
