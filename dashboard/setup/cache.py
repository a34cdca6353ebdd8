"""The public answers the setup screen reads (Sotkanet's region list, population and indicator catalogue,
Paavo's postal areas), cached for an hour: a coordinator clicking around asks each of them once.

Failures raise (SourceError, InitError) and are not cached: the next click tries again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import polars as pl
import streamlit as st

from data_pipeline.i18n import Message, msg
from data_pipeline.sources import paavo
from data_pipeline.inputs.districts import read_districts
from data_pipeline.init import districts as setup_districts
from data_pipeline.init.command import fetch_indicators
from data_pipeline.init.language import language_figures
from data_pipeline.init.package import DEFAULT_SOTKANET_URL
from data_pipeline.init.regions import age_shares, population_by_region
from data_pipeline.sources.http import HttpSession, JsonClient
from data_pipeline.sources.sotkanet import FetchReport

TTL_SECONDS = 3600
# A page waits for these: shorter than the refresh's patience, and one retry only.
TIMEOUT_SECONDS = 20.0


def sotkanet_url() -> str:
    return os.environ.get("HYTE_SOTKANET_URL") or DEFAULT_SOTKANET_URL


def paavo_url() -> str:
    return os.environ.get("HYTE_PAAVO_URL") or paavo.DEFAULT_PAAVO_URL


def _get(base_url: str, path: str, what: Message, params=None, service: str = "Sotkanet") -> object:
    with HttpSession(timeout=TIMEOUT_SECONDS, retries=1, backoff=0.5) as session:
        return JsonClient(base_url, session, service=service).get(path, what, params)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def region_list(base_url: str) -> list:
    """Sotkanet's /regions as it came (the package keeps a copy: sotkanet/regions.json)."""
    return _get(base_url, "regions", msg("sotkanet.region_list"))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def population(base_url: str) -> tuple[dict[int, int], int | None]:
    with HttpSession(timeout=TIMEOUT_SECONDS, retries=1, backoff=0.5) as session:
        return population_by_region(JsonClient(base_url, session))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def ages(base_url: str, year: int | None) -> dict[int, dict[int, float]]:
    """Every region's age shares (Sotkanet 1064, 1067, 1068) in the population year; empty if none came."""
    with HttpSession(timeout=TIMEOUT_SECONDS, retries=1, backoff=0.5) as session:
        return age_shares(JsonClient(base_url, session), year)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def languages(base_url: str, year: int | None) -> tuple[dict[int, float], dict[int, float]]:
    """Every region's Swedish speakers % (Sotkanet 2343) and other languages per 1,000 (187): the package's
    language is proposed from them, as `hyte init` does; empty if none came."""
    with HttpSession(timeout=TIMEOUT_SECONDS, retries=1, backoff=0.5) as session:
        return language_figures(JsonClient(base_url, session), year)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def catalogue(base_url: str) -> list:
    """Sotkanet's /indicators: every indicator's id and title in fi/sv/en."""
    return _get(base_url, "indicators", msg("sotkanet.indicator_list"))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def indicator_metadata(base_url: str, indicator_id: int) -> dict:
    return _get(base_url, f"indicators/{int(indicator_id)}", msg("sotkanet.indicator", id=int(indicator_id)))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def postal_areas(base_url: str, year: int, municipality_code: str) -> dict:
    """Paavo's postal areas of the municipality (GeoJSON, ETRS-TM35FIN), as `hyte init` fetches them."""
    with HttpSession(timeout=TIMEOUT_SECONDS, retries=1, backoff=0.5) as session:
        client = JsonClient(base_url, session, service=paavo.SERVICE)
        return setup_districts.fetch_postal_areas(client, year, municipality_code)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=8)
def postal_shapes(base_url: str, year: int, municipality_code: str) -> pl.DataFrame | None:
    """The postal areas as the refresh would read them (code, names, WGS84 geometry), None if unusable."""
    collection = postal_areas(base_url, year, municipality_code)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paavo.geojson"
        path.write_text(json.dumps(collection), encoding="utf-8")
        shapes, problems = read_districts(path, "postinumeroalue", "nimi", "namn")
    return None if problems else shapes


def fetch_package_indicators(config: Path) -> FetchReport | None:
    """The written package's indicators into its Sotkanet cache, as `hyte init` does (files only, no store)."""
    with HttpSession(timeout=TIMEOUT_SECONDS, retries=1, backoff=0.5) as session:
        return fetch_indicators(config, session)
