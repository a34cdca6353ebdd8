"""The published pages, each drawn from its screen's model (dashboard/<screen>/model.py) in one language:
the front page, a page per priority area and per indicator, participation, working groups, NGO
partnerships, and the list of embeds.

Only parts that may be public are drawn: the indicators, participation by district as the app shows it
(counts under five already suppressed by the store's reads), the working groups' structure, meetings and
topics, and NGO coverage. Never experiential notes, seat holders, partner lists, grants by partner,
meeting or event lists: `PUBLIC_SCREENS` and these functions are the whole of what reaches the folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import Engine

from dashboard.core import filters
from dashboard.core.cache import Store
from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import LANGUAGE_NAMES, translate
from dashboard.core.model import Chart, Message
from dashboard.indicators import model as indicators
from dashboard.outputs.briefing import Request, reach_map, resolve
from dashboard.overview import model as overview
from dashboard.participation import cache as part_cache
from dashboard.participation import model as participation
from dashboard.participation import queries as part_queries
from dashboard.participation import reach_map as participation_map
from dashboard.participation import view as part_view
from dashboard.partnerships import model as partnerships
from dashboard.partnerships.charts import DISTRICT_DATA
from dashboard.publish import html
from dashboard.publish.site import ICON, STYLESHEET, Site, link, page_path, plain_text
from dashboard.working_groups import model as working_groups

# The screens hyte.toml's [publish] may name (data_pipeline/inputs/config_schema.py), and each one's title.
PUBLIC_SCREENS = {"indicators": "page.indicators", "participation": "page.participation",
                  "working_groups": "page.working_groups", "partnerships": "page.partnerships"}
# The overview's headline tiles name their screen by its page file (dashboard/overview/model.py).
SCREEN_OF_PAGE = {"participation.py": "participation", "working_groups.py": "working_groups",
                  "partnerships.py": "partnerships"}
PUBLIC_GROUP_TILES = 2
SMALL_CHART = 560  # a priority area's status bar on the front page
# A city of hundreds or thousands of postal areas: a ranking of every district is a picture thousands of
# bars tall, and a map with every name and figure written on it is unreadable; each weighed megabytes on a
# resident's phone (3,000 districts: the participation page 4.8 MB with its pictures). Above this many
# districts a ranking pictures its ENDS first and ENDS last, the map its colours only; the files beside
# them (and the participation page's districts' table) still hold every district's figures.
MANY_DISTRICTS = 60
ENDS = 20
# The districts' table is about 100 bytes a district: more rows than this go on pages of their own, this many
# a page, in the table's (alphabetical) order, so no page outweighs issue 25's 200 KB.
TABLE_ROWS = 200


class Publisher:
    """One language's pages of the site."""

    def __init__(self, site: Site, store: Store, engine: Engine, f: filters.Filters, lang: str,
                 languages: tuple[str, ...], screens: tuple[str, ...], base_url: str) -> None:
        self.site, self.store, self.engine, self.f, self.lang = site, store, engine, f, lang
        self.languages, self.screens, self.base_url = languages, screens, base_url
        self.ov = overview.build(store, f, lang)
        self.ind = indicators.build(store, f, lang)
        self.name = self.ov.municipality or ""
        self.site_name = translate("publish.site", lang, municipality=_unmark(self.name))
        # The data date goes in as a placeholder: a page whose figures did not change keeps the date it
        # was written with (site.write), so a refresh that changed nothing rewrites nothing.
        self.data_date = site.date_placeholder(lang, self.ov.heading.data_date)
        self.sotkanet = self.ind.attribution
        self.registers = translate("publish.source.registers", lang, municipality=self.name)

    # --- the frame around every page -------------------------------------------------------------------

    def frame(self, path: str, kind: str, code: object = None, sources: tuple[str | None, ...] = ()) -> html.Frame:
        nav = [(translate("publish.home", self.lang), page_path(self.lang, "home"), kind == "home")]
        for screen in ("participation", "working_groups", "partnerships"):
            if screen in self.screens:
                nav.append((translate(PUBLIC_SCREENS[screen], self.lang), page_path(self.lang, screen), kind == screen))
        nav.append((translate("publish.embeds", self.lang), page_path(self.lang, "embeds"), kind == "embeds"))
        return html.Frame(
            lang=self.lang, site=self.site_name, home=link(path, page_path(self.lang, "home")),
            stylesheet=link(path, STYLESHEET), icon=link(path, ICON),
            nav=[(label, link(path, target), current) for label, target, current in nav],
            languages=[(other, link(path, page_path(other, kind, code))) for other in self.languages
                       if other != self.lang],
            footer=[self.data_date, *sources, translate("publish.footer", self.lang)])

    def lines(self, *sources: str | None) -> list[str]:
        """The source and data date under an embed."""
        return [line for line in (*sources, self.data_date) if line]

    # --- the pages ---------------------------------------------------------------------------------------

    def home(self) -> None:
        path = page_path(self.lang, "home")
        out = []
        if self.ov.plan:
            out.append(f'<p class="lead">{html.markdown(self.ov.plan)}</p>')
        elif self.ov.no_plan:
            out.append(_message(self.ov.no_plan))
        if "indicators" in self.screens:
            out.append(f"<h2>{html.text(self.ov.status_title)}</h2>")
            if self.ov.no_areas:
                out.append(_message(self.ov.no_areas))
            for area in self.ov.areas:
                target = link(path, page_path(self.lang, "area", area.code))
                out.append(f'<section class="area"><h3><a href="{html.text(target)}">{html.markdown(area.name)}</a></h3>')
                if area.bar is not None:
                    chart = Chart(area.bar, area.bar.get("description", ""), f"tila-{area.code}")
                    out.append(self.site.figure(path, self.lang, chart, _unmark(area.name), self.lines(self.sotkanet),
                                                self.site_name, SMALL_CHART, caption=False))
                out.extend(f"<p>{html.markdown(line)}</p>" for line in (area.line, area.comparison) if line)
                out.append(f"<p>{html.text(area.count_label)}: {html.text(area.count)}</p></section>")
            out.append(f"<h2>{html.text(self.ov.signals_title)}</h2>")
            if self.ov.no_signals:
                out.append(f"<p>{html.markdown(self.ov.no_signals)}</p>")
            items = [f'<li><a href="{html.text(link(path, page_path(self.lang, "indicator", s.indicator_id)))}">'
                     f"{html.markdown(s.text)}</a></li>" for s in self.ov.signals if s.indicator_id in self.ind.indicator_titles]
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
        # The other screens' headline tiles, each only when its screen is published.
        tiles = [(t, SCREEN_OF_PAGE[t.page]) for t in self.ov.tiles if SCREEN_OF_PAGE.get(t.page) in self.screens]
        if tiles:
            out.append(f"<h2>{html.text(self.ov.headlines_title)}</h2>")
            out.append(_tiles([t.tile for t, _ in tiles], [link(path, page_path(self.lang, s)) for _, s in tiles],
                              link_label=tiles[0][0].link_label))
        self.site.add_page(path, html.page(self.frame(path, "home", sources=(self.sotkanet, self.registers)),
                                           _unmark(self.name) or self.site_name, "\n".join(out)))

    def area(self, code: str) -> None:
        path = page_path(self.lang, "area", code)
        model = indicators.build(self.store, self.f, self.lang, area=code)
        title = _unmark(model.area_names.get(code, code))
        out = []
        if model.empty:
            out.append(_message(model.empty))
        for group in model.areas:
            out.extend(f"<p>{html.markdown(line)}</p>" for line in (group.line, group.comparison) if line)
            if model.compared_with:
                out.append(f"<p>{html.markdown(model.compared_with)}</p>")
            out.append('<ul class="cards">')
            for card in group.cards:
                target = link(path, page_path(self.lang, "indicator", card.id))
                rank = "".join(f"<p>{html.markdown(x)}</p>" for x in (card.ranks.badge, card.ranks.caption) if x)
                out.append(f'<li class="card"><h2><a href="{html.text(target)}">{html.markdown(card.title)}</a></h2>'
                           f'<p class="value"><span>{html.text(card.label)}</span> <strong>{html.markdown(card.value)}</strong></p>'
                           f'<p class="trend trend-{html.text(card.trend_colour)}">{html.text(card.trend)}</p>'
                           f"<p>{html.markdown(card.lines)}</p>{rank}</li>")
            out.append("</ul>")
        if model.rank_caption:
            out.append(f'<p class="note">{html.markdown(model.rank_caption)}</p>')
        if model.goals:
            out.append(f"<h2>{html.text(model.goals_title)}</h2>")
            out.extend(_goal(block) for block in model.goals)
        self.site.add_page(path, html.page(self.frame(path, "area", code, (self.sotkanet,)), title, "\n".join(out)))

    def indicator(self, indicator_id: int) -> None:
        path = page_path(self.lang, "indicator", indicator_id)
        d = indicators.build(self.store, self.f, self.lang, indicator=indicator_id).detail
        title = _unmark(d.title)
        lines = self.lines(d.attribution)
        out = [f'<p class="lead">{html.markdown(d.subtitle)}</p>',
               f"<h2>{html.text(d.regions_title)}</h2>",
               self.site.figure(path, self.lang, d.trend, f"{title}: {d.regions_title}", lines, title),
               f"<h2>{html.text(d.rank_title)}</h2>"]
        if d.ranks.badge:
            out.append(f'<p class="value"><strong>{html.markdown(d.ranks.badge)}</strong></p>')
        out.extend(f"<p>{html.markdown(x)}</p>" for x in (d.ranks.caption, d.rank_note) if x)
        out.append(f"<h2>{html.text(d.map.title)}</h2>")
        if d.map.chart is not None:
            out.append(self.site.figure(path, self.lang, d.map.chart, f"{title}: {d.map.title}", lines, title))
            if d.map.note:
                out.append(f'<p class="note">{html.markdown(d.map.note)}</p>')
        elif d.map.missing:
            out.append(_message(d.map.missing))
        out.append(f"<h2>{html.text(d.peer_title)}</h2>")
        if d.peer is not None:
            out.append(self.site.figure(path, self.lang, d.peer, f"{title}: {d.peer_title}", lines, title))
        else:
            out.append(f"<p>{html.markdown(d.peer_text)}</p>")
        out.append(f"<h2>{html.text(d.gender_title)}</h2>")
        if d.gender is not None:
            out.append(self.site.figure(path, self.lang, d.gender, f"{title}: {d.gender_title}", lines, title))
        else:
            out.append(f"<p>{html.markdown(d.no_gender)}</p>")
        for heading, body in d.texts:
            out.append(f"<h2>{html.text(heading)}</h2><p>{html.text(body)}</p>")
        self.site.add_page(path, html.page(self.frame(path, "indicator", indicator_id, (d.attribution,)), title,
                                           "\n".join(out)))

    def participation(self) -> None:
        path = page_path(self.lang, "participation")
        m = participation.build(self.store, self.f, self.lang)
        title = m.heading.title
        lines = self.lines(self.registers)
        out = [f'<p class="lead">{html.markdown(m.lead)}</p>', f"<p>{html.text(m.heading.filters or '')}</p>"]
        if m.no_events:
            out.append(_message(m.no_events))
        if m.figures:
            out.append(_tiles(m.figures))
        for message in (m.figures_warning, m.no_districts):
            if message:
                out.append(_message(message))
        if m.figures_note:
            out.append(f'<p class="note">{html.markdown(m.figures_note)}</p>')
        if m.reach_map is not None:
            out.append(f"<h2>{html.text(translate('publish.reach_map', self.lang))}</h2>")
            # The districts' table below holds the map's and the ranking's figures: one table, not three
            # (a municipality of hundreds of postal areas would carry each district three times).
            out.append(self.site.figure(path, self.lang, self._reach_map(), f"{title}: "
                                        f"{translate('publish.reach_map', self.lang)}", lines, title, None,
                                        table=m.districts is None))
        if m.ranking is not None:
            out.append(f"<h2>{html.text(m.ranking.title)}</h2>")
            chart, full = self._ends(m.ranking.chart, m.ranking.chart.spec["data"]["values"],
                                     lambda spec, rows: {**spec, "data": {**spec["data"], "values": rows}})
            out.append(self.site.figure(path, self.lang, chart, f"{title}: {m.ranking.title}", lines, title,
                                        table=m.districts is None, figures_of=full))
            if m.ranking.line:
                out.append(f"<p>{html.markdown(m.ranking.line)}</p>")
        if m.districts is not None:
            out.append(f"<h2>{html.text(m.districts.title)}</h2>")
            if m.districts.frame.height <= TABLE_ROWS:
                out.append(html.table(m.districts.frame, self.lang))
            else:
                out.append(self._district_pages(m.districts.title, m.districts.frame, title, path))
        for heading, chart in ((m.levels_title, m.levels), (m.types_title, m.types)):
            if chart is not None:
                out.append(f"<h2>{html.text(heading)}</h2>")
                out.append(self.site.figure(path, self.lang, chart, f"{title}: {heading}", lines, title))
        a = m.adoption
        out.append(f"<h2>{html.text(a.title)}</h2><p>{html.markdown(a.lead)}</p>")
        if a.empty:
            out.append(_message(a.empty))
        if a.line:
            out.append(f"<p>{html.markdown(a.line)}</p>")
        if a.chart is not None:
            out.append(self.site.figure(path, self.lang, a.chart, f"{title}: {a.title}", lines, title))
        self.site.add_page(path, html.page(self.frame(path, "participation", sources=(self.registers,)), title,
                                           "\n".join(out)))

    def _district_pages(self, heading: str, frame, screen_title: str, screen_path: str) -> str:
        """The districts' table on pages of TABLE_ROWS rows each; the participation page's list of them."""
        parts = [frame.slice(start, TABLE_ROWS) for start in range(0, frame.height, TABLE_ROWS)]
        paths = [page_path(self.lang, "districts", n) for n in range(1, len(parts) + 1)]
        names = [f"{part[0, 0]} – {part[-1, 0]}" for part in parts]
        for n, (part, path) in enumerate(zip(parts, paths)):
            links = " · ".join(
                f'<a href="{html.text(link(path, paths[n + step]))}" rel="{rel}">{html.text(translate(key, self.lang))}</a>'
                for key, step, rel in (("publish.previous", -1, "prev"), ("publish.next", 1, "next"))
                if 0 <= n + step < len(parts))
            back = translate("publish.embed.back", self.lang, title=screen_title)
            body = (f'<p><a href="{html.text(link(path, screen_path))}">{html.text(back)}</a></p>\n'
                    f"{html.table(part, self.lang)}\n<p class=\"pages\">{links}</p>")
            self.site.add_page(path, html.page(self.frame(path, "districts", n + 1, (self.registers,)),
                                               f"{heading}: {names[n]}", body))
        said = translate("publish.districts.pages", self.lang, total=fmt_number(frame.height, 0, self.lang),
                         size=fmt_number(TABLE_ROWS, 0, self.lang))
        items = "".join(f'<li><a href="{html.text(link(screen_path, target))}">{html.text(label)}</a></li>'
                        for target, label in zip(paths, names))
        return f"<p>{html.text(said)}</p>\n<ul class=\"district-pages\">{items}</ul>"

    def _ends(self, chart: Chart, rows: list[dict], with_rows) -> tuple[Chart, dict | None]:
        """A ranking of more than MANY_DISTRICTS districts as a picture of its ENDS first and ENDS last, its
        caption saying so; and the spec with every district (the figures), None when all are pictured."""
        if len(rows) <= MANY_DISTRICTS:
            return chart, None
        said = translate("publish.ranking.ends", self.lang, shown=fmt_number(ENDS, 0, self.lang),
                         total=fmt_number(len(rows), 0, self.lang))
        caption = f"{chart.caption} {said}" if chart.caption else said
        return replace(chart, spec=with_rows(chart.spec, rows[:ENDS] + rows[-ENDS:]), caption=caption), chart.spec

    def _reach_map(self) -> Chart:
        """The reach map as the briefing draws it (a Vega-Lite geoshape: the screen's map is a pydeck
        canvas, which needs a browser and a script), from the same suppressed figures."""
        b = resolve(self.engine, Request(lang=self.lang, start_year=self.f.start_year, end_year=self.f.end_year))
        view = part_cache.participation_reach(self.store, self.f.start_year, self.f.end_year, self.f.age_group)
        districts = view["districts"]
        chart = reach_map(part_queries.district_shapes(self.engine), districts,
                          participation_map.breaks_of(districts), b).to_dict(validate=False)
        frame = participation.participation_districts(self.store, self.f.start_year, self.f.end_year, None,
                                                      (), (), (), self.lang)["frame"]
        alt = part_view.map_alt(frame, self.lang)
        if len(districts) <= MANY_DISTRICTS:
            return Chart(chart, alt, "tavoittavuus-kartta")
        # The names and figures stay in the spec (the map's files), drawn nowhere: too many to read.
        geo = chart["vconcat"][0]
        labelled = [{**layer, "transform": [*layer.get("transform", ()), {"filter": "false"}]}
                    if layer.get("mark", {}).get("type") == "text" else layer for layer in geo["layer"]]
        chart = {**chart, "vconcat": [{**geo, "layer": labelled}, *chart["vconcat"][1:]]}
        said = translate("publish.map.colours_only", self.lang, total=fmt_number(len(districts), 0, self.lang))
        return Chart(chart, alt, "tavoittavuus-kartta", f"{alt} {said}")

    def working_groups(self) -> None:
        path = page_path(self.lang, "working_groups")
        act = working_groups.activity(self.store, self.f)
        judged = working_groups.judged_year(act["years"], self.f, dt.date.today()) if act["years"] else None
        m = working_groups.build(self.store, self.f, self.lang, judged[0] if judged else None)
        title = m.heading.title
        lines = self.lines(self.registers)
        out = [f'<p class="lead">{html.markdown(m.lead)}</p>']
        for message in (m.empty, m.no_meetings):
            if message:
                out.append(_message(message))
        if m.figures:
            # The model's tiles are groups on target, meetings held, attendance, vacant seats: the first two
            # are the public facts.
            out.append(_tiles(m.figures[:PUBLIC_GROUP_TILES]))
        if m.target:
            out.append(_message(m.target))
        # Public facts only: the groups, the meetings held and their topics (never seats or attendance).
        for section in (m.structure, m.meetings, m.history, m.topics):
            if section is None:
                continue
            out.append(f"<h2>{html.text(section.title)}</h2>")
            if section.chart is not None:
                out.append(self.site.figure(path, self.lang, section.chart, f"{title}: {section.title}", lines, title))
            elif section.empty:
                out.append(_message(section.empty))
            if section.note:
                out.append(f'<p class="note">{html.markdown(section.note)}</p>')
        self.site.add_page(path, html.page(self.frame(path, "working_groups", sources=(self.registers,)), title,
                                           "\n".join(out)))

    def partnerships(self) -> None:
        path = page_path(self.lang, "partnerships")
        m = partnerships.build(self.store, self.f, self.lang)
        title = m.heading.title
        lines = self.lines(self.registers)
        out = [f'<p class="lead">{html.markdown(m.lead)}</p>']
        for message in (m.empty, m.none_active):
            if message:
                out.append(_message(message))
        if m.figures:
            out.append(_tiles(m.figures))
        # Coverage only: which priority areas, age groups and districts have active partners.
        if m.coverage is not None:
            out.append(f"<h2>{html.text(m.coverage.title)}</h2>")
            if m.coverage.chart is not None:
                out.append(self.site.figure(path, self.lang, m.coverage.chart, f"{title}: {m.coverage.title}", lines,
                                            title))
            out.extend(f"<p>{html.markdown(x)}</p>" for x in (m.coverage.gaps, m.coverage.caption) if x)
        if m.districts is not None:
            out.append(f"<h2>{html.text(m.districts.title)}</h2>")
            if m.districts.chart is not None:
                spec = m.districts.chart.spec
                chart, full = self._ends(m.districts.chart, spec["datasets"][DISTRICT_DATA],
                                         lambda spec, rows: {**spec, "datasets": {**spec["datasets"], DISTRICT_DATA: rows}})
                # Many districts: their figures in the files only (a table of every one is the page's weight).
                out.append(self.site.figure(path, self.lang, chart, f"{title}: {m.districts.title}", lines,
                                            title, table=full is None, figures_of=full))
            out.extend(f"<p>{html.markdown(x)}</p>" for x in (*m.districts.lines, m.districts.caption,
                                                                m.districts.hidden) if x)
        self.site.add_page(path, html.page(self.frame(path, "partnerships", sources=(self.registers,)), title,
                                           "\n".join(out)))

    def embeds(self) -> None:
        """Every embed of this language with the <iframe> snippet to copy."""
        path = page_path(self.lang, "embeds")
        out = [f'<p class="lead">{html.text(translate("publish.embeds.lead", self.lang))}</p>']
        if not self.base_url:
            out.append(f'<p class="note">{html.text(translate("publish.embeds.no_base", self.lang))}</p>')
        for e in (e for e in self.site.embeds if e.lang == self.lang):
            snippet = (f'<iframe src="{html.text(self.base_url + e.path)}" title="{html.text(e.title)}" '
                       f'width="100%" height="{e.height + 160}" loading="lazy" style="border:0"></iframe>')
            out.append(f'<section class="embed-item"><h2><a href="{html.text(link(path, e.path))}">'
                       f"{html.text(e.title)}</a></h2><pre><code>{html.text(snippet)}</code></pre></section>")
        self.site.add_page(path, html.page(self.frame(path, "embeds"), translate("publish.embeds", self.lang),
                                           "\n".join(out)))


def root_page(site_names: dict[str, str], languages: tuple[str, ...]) -> bytes:
    """The site's front door: the home page in each language."""
    first = languages[0]
    items = "".join(f'<li><a href="{page_path(lang, "home")}" lang="{lang}" hreflang="{lang}">'
                    f"{html.text(site_names[lang])} – {html.text(LANGUAGE_NAMES[lang])}</a></li>" for lang in languages)
    frame = html.Frame(lang=first, site=site_names[first], home="index.html", stylesheet=STYLESHEET, icon=ICON,
                       footer=[translate("publish.footer", first)])
    return html.page(frame, site_names[first], f'<ul class="languages">{items}</ul>')


def _unmark(markdown_safe: str) -> str:
    return plain_text(markdown_safe)


def _message(message: Message) -> str:
    return f'<p class="message message-{html.text(message.kind)}">{html.markdown(message.text)}</p>'


def _tiles(tiles, links: list[str] | None = None, link_label: str | None = None) -> str:
    out = ['<dl class="tiles">']
    for i, tile in enumerate(tiles):
        more = (f'<dd><a href="{html.text(links[i])}">{html.text(link_label)}<span class="visually-hidden">: '
                f"{html.text(tile.title)}</span></a></dd>" if links else "")
        note = f"<dd>{html.markdown(tile.note)}</dd>" if tile.note else ""
        out.append(f'<div><dt>{html.text(tile.title)}</dt><dd class="value">{html.markdown(tile.value)}</dd>{note}{more}</div>')
    out.append("</dl>")
    return "".join(out)


def _goal(block: str) -> str:
    """A goal's Markdown block (its name in bold, its measures as "- " lines) as HTML."""
    lines = block.split("\n")
    items = [line[2:] for line in lines[1:] if line.startswith("- ")]
    measures = ("<ul>" + "".join(f"<li>{html.markdown(item)}</li>" for item in items) + "</ul>") if items else ""
    return f'<div class="goal"><p>{html.markdown(lines[0])}</p>{measures}</div>'
