"""The council report's fixtures and readers: the demo store, Pori refreshed from a Sotkanet stand-in, each report
built once, and what the tests read back (the store's figures by plain SQL, a PDF's words)."""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from support.demo_copy import demo_copy
from support.report_dates import TODAY, YEAR  # noqa: F401 - the tests take them from here too

from dashboard.outputs import report
from data_pipeline.store.engine import make_engine

THL_ORDER = {"fi": ["Tiivistelmä", "Tausta", "Nykytila", "Vahvuudet ja kehittämiskohteet", "Suunnitelma", "Liitteet"],
             "sv": ["Sammanfattning", "Bakgrund", "Nuläge", "Styrkor och utvecklingsområden", "Plan", "Bilagor"]}


@pytest.fixture(scope="session")
def report_store(tmp_path_factory) -> str:
    """The demo municipality loaded by `hyte demo` into SQLite, once per session (read only: copy to change it)."""
    return demo_copy(tmp_path_factory.mktemp("report-store"))


@pytest.fixture
def store_copy(report_store, tmp_path) -> str:
    """A copy of the demo store a test may change."""
    target = tmp_path / "copy.db"
    shutil.copy(report_store.removeprefix("sqlite:///"), target)
    return f"sqlite:///{target}"


_BUILT: dict = {}


@pytest.fixture(scope="session")
def built(report_store):
    """(kind, lang) -> (Report, {format: bytes}): each report built and rendered once per session."""
    def get(kind: str, lang: str):
        if (kind, lang) not in _BUILT:
            doc = report.build(make_engine(report_store), report.Request(kind=kind, year=YEAR, lang=lang), today=TODAY)
            _BUILT[kind, lang] = doc, {fmt: report.render(doc, fmt) for fmt in report.FORMATS}
        return _BUILT[kind, lang]
    return get


# --- Pori: the real-municipality example, refreshed against a local Sotkanet stand-in -------------------

ROOT = Path(__file__).resolve().parents[2]
PORI_REGIONS = [{"id": 658, "code": "358", "category": "MAA", "title": {"fi": "Koko maa", "sv": "Hela landet"},
                 "memberOf": []},
                {"id": 976, "code": "6", "category": "HYVINVOINTIALUE",
                 "title": {"fi": "Satakunnan hyvinvointialue", "sv": "Satakunta välfärdsområde"}, "memberOf": [658]}]
PORI_REGIONS += [{"id": 10_000 + int(code), "code": code, "category": "KUNTA", "title": {"fi": name, "sv": sv},
                  "memberOf": [976 if code in ("609", "684") else 658, 658]}
                 for code, name, sv in (("609", "Pori", "Björneborg"), ("684", "Rauma", "Raumo"), ("285", "Kotka", "Kotka"),
                                        ("272", "Kokkola", "Karleby"), ("405", "Lappeenranta", "Villmanstrand"))]
PORI_REGIONS += [{"id": 100 + i, "code": str(700 + i), "category": "KUNTA", "title": {"fi": f"Kunta {i}"},
                  "memberOf": [976 if i % 10 == 0 else 958, 658]} for i in range(1, 60)]
PAAVO_BANDS = ["he_0_2", "he_3_6", "he_7_12", "he_13_15", "he_16_17", "he_18_19", "he_20_24", "he_25_29", "he_30_34",
               "he_35_39", "he_40_44", "he_45_49", "he_50_54", "he_55_59", "he_60_64", "he_65_69", "he_70_74",
               "he_75_79", "he_80_84", "he_85_"]
# TEAviisari's strategic management score, added to the example's plan for the report's own section.
TEA_INDICATOR = '''
[[indicators]]  # TEAviisari: kuntajohto
id = 4072
priority_area = "participation"
direction = "higher_better"
'''


@pytest.fixture(scope="session")
def pori_store(tmp_path_factory) -> str:
    """examples/pori (plus TEAviisari 4072) refreshed from a stand-in Sotkanet with invented values."""
    from support.sotkanet_server import FakeSotkanet, serve

    from data_pipeline.inputs.config import load_config
    from data_pipeline.load.refresh import refresh

    folder = tmp_path_factory.mktemp("pori")
    package = folder / "pori"
    shutil.copytree(ROOT / "examples" / "pori", package)
    config_path = package / "hyte.toml"
    text = config_path.read_text(encoding="utf-8").replace("boundaries_year = 2025\n", "").replace(
        "profile = true\n", "profile = false\n")
    config_path.write_text(text + TEA_INDICATOR, encoding="utf-8")
    config = load_config(config_path)
    first, last = config.sotkanet_years
    rng = random.Random(609)
    fake = FakeSotkanet(regions=PORI_REGIONS, metadata={}, data={})
    paavo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[21.7 + i * .1, 61.4], [21.8 + i * .1, 61.4],
                                                                             [21.8 + i * .1, 61.5], [21.7 + i * .1, 61.5],
                                                                             [21.7 + i * .1, 61.4]]]},
         "properties": {"postinumeroalue": f"281{i}0", "nimi": f"Pori {i}", "namn": f"Björneborg {i}", "kunta": "609",
                        **{band: 40 + 10 * i for band in PAAVO_BANDS}}} for i in range(3)]}

    def route(path, query, _route=fake.route):
        return paavo if path == "/wfs" else _route(path, query)

    fake.route = route
    for ind in config.indicators:
        title = "TEAviisari: kuntajohto" if ind.id == 4072 else f"Indikaattori {ind.id}"
        fake.metadata[ind.id] = {"id": ind.id, "data-updated": "2025-09-01", "range": {"start": 2000, "end": 2024},
                                 "title": {"fi": title, "sv": title.replace("Indikaattori", "Indikator")},
                                 "primaryValueType": {"code": "PROS"}, "decimals": 1,
                                 "organization": {"id": 2, "title": {"fi": "THL"}}}
        fake.data[ind.id] = [{"indicator": ind.id, "region": r["id"], "year": y, "gender": "total",
                              "value": round(rng.uniform(1, 99), 1), "absValue": None}
                             for r in PORI_REGIONS for y in range(first, last + 1)]
    base_url, stop = serve(fake)
    previous = os.environ.get("HYTE_PAAVO_URL")
    os.environ["HYTE_PAAVO_URL"] = f"{base_url}/wfs"
    config_path.write_text(config_path.read_text(encoding="utf-8").replace("https://sotkanet.fi/rest/1.1", base_url),
                           encoding="utf-8")
    url = f"sqlite:///{folder / 'pori.db'}"
    try:
        result = refresh(config_path, url)
        assert result.ok, [str(p) for p in result.problems] or result.message
    finally:
        stop()
        if previous is None:
            os.environ.pop("HYTE_PAAVO_URL", None)
        else:
            os.environ["HYTE_PAAVO_URL"] = previous
    return url
# --- reading back -------------------------------------------------------------------------------------

def store_latest(url: str, up_to: int) -> dict[int, tuple[float, int]]:
    """Indicator id -> (value, year): the municipality's newest total value up to `up_to`, read with plain SQL."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        rows = db.execute(
            "SELECT v.indicator_id, v.year, v.value FROM indicator_value v JOIN region r ON r.id = v.region_id "
            "WHERE r.role = 'municipality' AND v.gender = 'total' AND v.value IS NOT NULL AND v.year <= ? "
            "ORDER BY v.indicator_id, v.year", (up_to,)).fetchall()
    latest = {}
    for indicator, year, value in rows:
        latest[indicator] = (value, year)
    return latest


def indicator_meta(url: str) -> dict[int, dict]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        db.row_factory = sqlite3.Row
        return {r["id"]: dict(r) for r in db.execute("SELECT * FROM indicator")}
_WORD = re.compile(r"[^\w\-/%]+")
def words(text: str) -> set[str]:
    return {w for w in (_WORD.sub(" ", text)).split() if w}


def report_words(doc) -> set[str]:
    texts = [doc.title, doc.subtitle, doc.municipality, doc.contents_title, doc.proposed_note, doc.figure_word,
             doc.table_word, *doc.cover_lines]
    for s in doc.walk():
        texts.append(s.title)
        for b in s.blocks:
            if isinstance(b, report.document.Table):
                texts += [b.caption, *b.header, *(v for row in b.rows for v in row)]
            elif isinstance(b, report.document.Figure):
                texts.append(b.caption)
            elif isinstance(b, report.document.Bullets):
                texts += b.items
            else:
                texts.append(b.text)
    return set().union(*(words(t) for t in texts))


def broken_words(text: str, known: set[str]) -> list[str]:
    """The words of extracted `text` that are not words of the document, after joining the ones broken at a
    line's end after a hyphen: "Heikke-" + "nee", "Hyvin-" + "vointia-" + "lue", "64-" + "vuotiaat"."""
    # Typst marks a hyphenation point it broke a line at as a soft hyphen (U+00AD) in paragraphs.
    tokens = _WORD.sub(" ", text.replace("\xad", "-")).split()
    broken, i = [], 0
    while i < len(tokens):
        forms = {tokens[i]}
        while not forms & known and any(f.endswith("-") for f in forms) and i + 1 < len(tokens):
            i += 1
            forms = {f[:-1] + tokens[i] for f in forms if f.endswith("-")} | {f + tokens[i] for f in forms if f.endswith("-")}
        if not forms & known and not tokens[i].isdigit():
            broken.append(min(forms))
        i += 1
    return broken
