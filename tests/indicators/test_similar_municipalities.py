"""Why these peers: every municipality by size and age structure on the indicator detail view, the proposal
computed at load time, the configured peers that are not among the most similar named (data_pipeline/compute/similar.py)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from support.rank_fixtures import build_rank_store
from support.screen_helpers import open_screen, screen_text
from sqlalchemy import func, select

from dashboard.indicators import queries, view
from data_pipeline.store import schema
from data_pipeline.demo import WORSENING_INDICATOR
from data_pipeline.compute.similar import PROPOSED
from data_pipeline.store.engine import make_engine

TITLE = {"fi": "Miksi nämä vertailukunnat?", "sv": "Varför dessa jämförelsekommuner?", "en": "Why these peers?"}


def stored_profiles(url: str, lang: str = "fi") -> pl.DataFrame:
    m, r = schema.municipality_profile, schema.region
    with make_engine(url).connect() as conn:
        rows = conn.execute(select(func.coalesce(r.c[f"name_{lang}"], r.c.name_fi), r.c.role, m.c.population, m.c.share_0_14, m.c.share_65_plus,
                                   m.c.similarity_rank).join(r, r.c.id == m.c.region_id)).all()
    return pl.DataFrame(rows, schema=["name", "role", "population", "young", "old", "rank"], orient="row")


@pytest.fixture
def demo_screen(demo_url, monkeypatch):
    monkeypatch.setenv("HYTE_DATABASE_URL", demo_url)
    return demo_url


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_detail_view_says_why_the_peers_with_the_stores_figures(demo_screen, lang):
    at = open_screen("indicators.py", lang=lang, indicator=str(WORSENING_INDICATOR))
    assert any(m.value.startswith(f"**{TITLE[lang]}") for m in at.markdown)  # in view, not behind a click
    profiles = stored_profiles(demo_screen, lang)
    own = profiles.filter(pl.col("role") == "municipality").row(0, named=True)
    proposed = profiles.filter(pl.col("rank") <= PROPOSED).sort("rank")
    table = next(d.value for d in at.dataframe if d.value.shape[1] == 7)
    names = table.iloc[:, 0].tolist()
    # The own one first, then the configured peers and the proposed, nearest first.
    assert names[0] == own["name"] and names[1:] == proposed["name"].to_list()
    population = table.iloc[0, 3]
    assert population.replace("\u202f", " ").replace("\xa0", " ").replace(",", " ") == \
        f"{int(own['population']):,}".replace(",", " ")
    text = screen_text(at)
    count = profiles.filter(pl.col("rank").is_not_null()).height + 1
    assert str(count) in text and "hyte.toml" in text
    # The demo's peers (Kivikoski, Tuulimaa) are among the most similar: the table says so.
    peers = set(profiles.filter(pl.col("role") == "peer")["name"])
    choice = dict(zip(table.iloc[:, 0], table.iloc[:, 1]))
    assert {choice[p] for p in peers} == {view.translate("similar.group.peer_proposed", lang)}


def test_a_package_without_profiles_says_how_to_get_them(mini_package: Path, tmp_path, monkeypatch):
    url = build_rank_store(mini_package, tmp_path)
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = open_screen("indicators.py", lang="fi", indicator="127", **{"from": "2020"})
    assert any(m.value.startswith(f"**{TITLE['fi']}") for m in at.markdown)
    assert "profile = true" in screen_text(at)


def hand_made(peer_rank: int | None) -> pl.DataFrame:
    """Own town, one configured peer at `peer_rank` and seven others ranked around it."""
    rows = [("609", "Pori", "municipality", 84_000.0, 13.0, 27.0, None, None)]
    others = [r for r in range(1, 9) if r != peer_rank]
    if peer_rank is not None:
        rows.append(("684", "Rauma", "peer", 39_000.0, 14.0, 26.0, peer_rank * 0.1, peer_rank))
    else:
        rows.append(("684", "Rauma", "peer", 39_000.0, None, 26.0, None, None))
    rows += [(f"{100 + r}", f"Kunta {r}", "other", 20_000.0 + r, 14.0, 25.0, r * 0.1, r) for r in others]
    return pl.DataFrame(
        [dict(zip(queries.PROFILE_SCHEMA, (code, name, name, name, role, 2024, pop, young, 100 - young - old
                                            if young is not None else None, old, dist, rank)))
         for code, name, role, pop, young, old, dist, rank in rows], schema=queries.PROFILE_SCHEMA)


def test_a_configured_peer_outside_the_proposal_is_named_with_its_rank():
    shown = view.similar_view(hand_made(8), "fi", "Pori")
    assert shown["notes"] == ["Rauma on vertailukunta, mutta koon ja ikärakenteen perusteella vasta 8. samankaltaisin."]
    choices = dict(zip(shown["table"]["Kunta"], shown["table"]["Valinta"]))
    assert choices["Rauma"] == "vertailukunta" and choices["Kunta 1"] == "ehdotettu" and "Kunta 7" not in choices
    assert view.similar_view(hand_made(2), "en", "Pori")["notes"] == ["Every peer is among the proposed."]
    missing = view.similar_view(hand_made(None), "en", "Pori")["notes"]
    assert missing == ["Rauma is a peer but its population or age structure is missing for 2024."]


def test_similar_chart_colours_the_choice_and_names_only_the_chosen():
    shown = view.similar_view(hand_made(8), "en", "Pori")
    spec = shown["spec"]
    points, text_layer = spec["data"]["values"], spec["layer"][1]
    assert spec["layer"][0]["encoding"]["x"]["scale"] == {"type": "log"}
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "other municipality", "proposed", "peer", "peer, proposed", "own municipality"]
    labelled = {p["name"] for p in points if p["label"]}
    assert labelled == {"Pori", "Rauma"}  # the own one and the peer; the proposed are coloured, the table names them
    assert {p["group"] for p in points if p["name"] == "Kunta 1"} == {"proposed"}
    assert text_layer["transform"] == [{"filter": "datum.label != ''"}]
    assert spec["description"] == shown["alt"] and "Pori: 84,000 residents" in shown["alt"]
    assert shown["alt"].endswith("Proposed: Kunta 1, Kunta 2, Kunta 3, Kunta 4, Kunta 5, Kunta 6.")
