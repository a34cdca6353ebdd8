"""`hyte publish`'s work: the whole site from the store, in the languages asked for, written incrementally.

The pages read the screens' models through their Streamlit caches in Streamlit's bare mode (a plain
in-memory cache, no session), with the language fixed by `speaking`, as the meeting deck's PDF does:
the published figures are the ones the app shows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine

from dashboard.core import cache, filters
from dashboard.core.i18n import speaking, translate
from dashboard.publish import figures, pages
from dashboard.publish.site import ICON, PICTURES, STYLESHEET, Site, Written, write
from data_pipeline.inputs.config_schema import DEFAULT_PUBLISHED
from data_pipeline.store import engine as store_module


class NothingToPublish(Exception):
    """The store holds no successful load."""


@dataclass(frozen=True)
class Published:
    """What was published and what the write did."""

    written: Written
    languages: tuple[str, ...]
    screens: tuple[str, ...]
    indicators: int
    seconds: float


def build(url: str, out: Path, languages: tuple[str, ...], screens: tuple[str, ...] = DEFAULT_PUBLISHED,
          base_url: str = "", engine: Engine | None = None) -> Published:
    """Publish the store at `url` into `out`: the `screens` hyte.toml's [publish] allows, in `languages`."""
    started = time.perf_counter()
    engine = engine if engine is not None else store_module.make_engine(url)
    version = store_module.data_version(engine)
    if version == 0:
        raise NothingToPublish(url)
    store = cache.Store(url, version)
    offer = filters.choices(store)
    # The view a link without parameters shows: all ages, the whole municipality, the plan's period.
    f = filters.Filters(None, None, *offer.default_period)
    base = base_url if not base_url or base_url.endswith("/") else base_url + "/"
    site = Site()
    with figures.disk_cache(out / PICTURES):
        names, count = _pages(site, store, engine, f, languages, screens, base)
    site.put("index.html", pages.root_page(names, languages))
    site.put(STYLESHEET, resources.files("dashboard.publish").joinpath("static", "site.css").read_bytes())
    site.put(ICON, resources.files("dashboard").joinpath("static", "favicon.svg").read_bytes())
    written = write(site, out)
    return Published(written, languages, screens, count, time.perf_counter() - started)


def _pages(site: Site, store: cache.Store, engine: Engine, f: filters.Filters, languages: tuple[str, ...],
           screens: tuple[str, ...], base: str) -> tuple[dict[str, str], int]:
    """Every page of every language into `site`; the site's name in each language and the indicators' count."""
    names, count = {}, 0
    for lang in languages:
        with speaking(lang):
            p = pages.Publisher(site, store, engine, f, lang, languages, screens, base)
            names[lang] = p.site_name
            p.home()
            if "indicators" in screens:
                for code in p.ind.area_names:
                    p.area(code)
                for indicator_id in p.ind.indicator_titles:
                    p.indicator(indicator_id)
                count = len(p.ind.indicator_titles)
            for screen in ("participation", "working_groups", "partnerships"):
                if screen in screens:
                    getattr(p, screen)()
            p.embeds()
    return names, count


def screen_names(screens: tuple[str, ...], lang: str) -> str:
    return ", ".join(translate(pages.PUBLIC_SCREENS[s], lang) for s in screens)
