"""The published site as files: where each page lives, how a chart is placed on a page (picture,
text alternative, figures table, embed, CSV and JSON), and the incremental write.

Paths name what a page shows, in its language (`fi/indikaattorit/288/index.html`,
`sv/indikatorer/288/…`, `en/indicators/288/…`), so links stay the same across publishes. Every link
is relative, so the folder works from any address and from `file://`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.core.i18n import translate
from dashboard.core.model import Chart
from dashboard.publish import figures, html

# A page is known by its kind and code; its folder is named in each language.
SEGMENTS = {
    "area": {"fi": "painopistealueet", "sv": "insatsomraden", "en": "priority-areas"},
    "indicator": {"fi": "indikaattorit", "sv": "indikatorer", "en": "indicators"},
    "participation": {"fi": "osallisuus", "sv": "delaktighet", "en": "participation"},
    # The participation page's districts' table, when it has more rows than one page should carry.
    "districts": {"fi": "osallisuus/alueet", "sv": "delaktighet/omraden", "en": "participation/districts"},
    "working_groups": {"fi": "tyoryhmat", "sv": "arbetsgrupper", "en": "working-groups"},
    "partnerships": {"fi": "jarjestoyhteistyo", "sv": "organisationssamarbete", "en": "ngo-partnerships"},
    "embeds": {"fi": "upotukset", "sv": "inbaddning", "en": "embeds"},
}
STYLESHEET, ICON = "style.css", "favicon.svg"
MANIFEST = ".hyte-publish.json"  # what the last publish wrote: files it no longer makes are removed
# The pictures the last publish drew, for the next one (figures.DiskCache): inside the folder, the one place
# the publish may write (deploy/hyte-publish.service), and hidden like every dot-file by the nginx site.
PICTURES = ".hyte-cache"
EMBED = "embed"
_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def page_path(lang: str, kind: str, code: object = None) -> str:
    """Where a page lives in the site, from its root."""
    if kind == "home":
        return f"{lang}/index.html"
    parts = [lang, SEGMENTS[kind][lang]] + ([str(code)] if code is not None else [])
    return "/".join(parts) + "/index.html"


def link(from_page: str, to: str) -> str:
    """A relative link from one file of the site to another (both from the site's root)."""
    return posixpath.relpath(to, posixpath.dirname(from_page) or ".")


@dataclass
class Embed:
    """A chart published on its own: where it is, its title and the page it belongs to."""

    slug: str
    lang: str
    title: str
    page: str
    height: int

    @property
    def path(self) -> str:
        return f"{EMBED}/{self.lang}/{self.slug}.html"


@dataclass
class Site:
    """The site being built: every file's bytes by its path, and the embeds made so far."""

    files: dict[str, bytes] = field(default_factory=dict)
    embeds: list[Embed] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)  # placeholder -> the data date line it stands for

    def date_placeholder(self, lang: str, line: str) -> str:
        """A stand-in for the data date line in `lang` (plain ASCII: it survives HTML and JSON escaping)."""
        placeholder = f"@@hyte-data-date-{lang}@@"
        self.dates[placeholder] = line
        return placeholder

    def put(self, path: str, content: bytes) -> None:
        self.files[path] = content

    def add_page(self, path: str, content: bytes) -> None:
        self.pages.append(path)
        self.put(path, content)

    def figure(self, page: str, lang: str, chart: Chart, title: str, lines: list[str], page_title: str,
               width: int | None = figures.chart_render.DEFAULT_WIDTH, caption: bool = True,
               table: bool = True, figures_of: dict | None = None) -> str:
        """The chart on `page` (picture, caption, figures table, files) and, beside it, its embed with
        `lines` (source, data date) under it; returns the page's HTML for it. `table=False`: the page
        shows the same figures in a table of its own (the files and the embed still carry them).
        `figures_of`: the spec whose rows are the figures, when the picture draws only some of them (its
        caption says which); default the chart's own."""
        slug = chart.file
        base = f"{EMBED}/{lang}/{slug}"
        picture = figures.svg(chart.spec, width)
        frame = figures.figures(figures_of if figures_of is not None else chart.spec)
        self.put(base + ".svg", picture)
        self.put(base + ".csv", figures.to_csv(frame))
        meta = {"title": title, "description": plain_text(chart.alt),
                "source": [plain_text(line) for line in lines if line], "page": page, "language": lang}
        self.put(base + ".json", figures.to_json(frame, meta))
        size = _SIZE.search(picture)
        w, h = (int(float(size.group(1))), int(float(size.group(2)))) if size else (720, 400)
        embed = Embed(slug, lang, title, page, h)
        self.embeds.append(embed)
        embed_img = _img(link(embed.path, base + ".svg"), chart.alt, w, h)
        # A picture of some of the figures says which under it in the embed too.
        shown_lines = [chart.caption, *lines] if figures_of is not None and chart.caption else lines
        self.put(embed.path, html.embed_page(lang, title, embed_img, shown_lines,
                                             (translate("publish.embed.back", lang, title=page_title),
                                              link(embed.path, page)),
                                             link(embed.path, STYLESHEET)))
        headers = figures.titles(chart.spec)
        shown = figures.readable(frame, headers)
        files = " · ".join(f'<a href="{html.text(link(page, path))}"{attrs}>{html.text(label)}</a>' for path, label, attrs in (
            (base + ".csv", translate("publish.figures.csv", lang), " download"),
            (base + ".json", translate("publish.figures.json", lang), ""),
            (embed.path, translate("publish.figures.embed", lang), "")))
        shown_table = (f"<details><summary>{html.text(translate('publish.figures.table', lang))}</summary>\n"
                       f"{html.table(shown, lang, headers)}</details>" if table and shown.width and shown.height else "")
        shown_caption = f"<figcaption>{html.markdown(chart.caption or chart.alt)}</figcaption>" if caption else ""
        return (f'<figure class="chart" id="{html.text(slug)}">\n{_img(link(page, base + ".svg"), chart.alt, w, h)}\n'
                f"{shown_caption}\n{shown_table}\n<p class=\"files\">{files}</p>\n</figure>")


def _img(src: str, alt: str, width: int, height: int) -> str:
    return (f'<img src="{html.text(src)}" alt="{html.text(plain_text(alt))}" width="{width}" height="{height}" '
            f'decoding="async">')


def plain_text(markdown_safe: str) -> str:
    """A Markdown-safe line as plain text (for alt attributes and JSON)."""
    return re.sub(r"<[^>]+>", "", html.markdown(markdown_safe)).replace("&amp;", "&").replace("&lt;", "<") \
        .replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")


@dataclass(frozen=True)
class Written:
    """What a publish did to the folder."""

    written: int
    unchanged: int
    removed: int
    pages: int
    files: int
    changed: tuple[str, ...] = ()  # the files written, from the folder's root


def write(site: Site, out: Path) -> Written:
    """Write the site into `out`, touching only files whose content changed; files the previous publish
    made and this one does not (a screen no longer published) are removed.

    A file's content is compared without its data date (the placeholder, site.dates): the date of the
    last load changes with every refresh, the figures do not. A file whose figures are unchanged keeps
    the date it was written with, i.e. the load that last changed what it shows. The manifest keeps each
    file's digest with the placeholder and as written (a file edited or deleted on disk is written again).
    """
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    before = _read_manifest(manifest)
    written = unchanged = removed = 0
    changed: list[str] = []
    after: dict[str, list[str]] = {}
    for rel, content in sorted(site.files.items()):
        target = out / rel
        template = _digest(content)
        known = before.get(rel)
        if known and known[0] == template and target.is_file() and _digest(target.read_bytes()) == known[1]:
            after[rel] = known
            unchanged += 1
            continue
        for placeholder, line in site.dates.items():
            content = content.replace(placeholder.encode(), line.encode("utf-8"))
        if not (target.is_file() and target.read_bytes() == content):
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_bytes(content)
            temporary.replace(target)  # a reader (nginx) never sees half a file
            written += 1
            changed.append(rel)
        else:
            unchanged += 1
        after[rel] = [template, _digest(content)]
    root = out.resolve()
    for rel in sorted(set(before) - set(site.files)):
        gone = (out / rel).resolve()
        # Only files inside the folder: the manifest is a file anyone with the folder could edit.
        if gone.is_relative_to(root) and gone.is_file():
            gone.unlink()
            removed += 1
    manifest.write_text(json.dumps(after, indent=0, sort_keys=True) + "\n", "utf-8")
    return Written(written, unchanged, removed, len(site.pages), len(site.files), tuple(changed))


def _read_manifest(path: Path) -> dict[str, list[str]]:
    try:
        known = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    # A manifest of another shape (an older publish) only makes every file compared afresh.
    return {k: v for k, v in known.items() if isinstance(v, list) and len(v) == 2} if isinstance(known, dict) else {}


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
