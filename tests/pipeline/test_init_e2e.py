"""A coordinator's whole first path, as a new user runs it: `hyte init` → (`hyte check`) → `hyte refresh` → app.

Against loopback stand-ins for Sotkanet and Statistics Finland's Paavo serving Kangasala (211) in the
real formats (tests/kangasala_stand_in.py); the commands run as their own processes with no stdin, as
from a script or a timer. The seconds each path takes are printed (`pytest -s`) for the report, not
asserted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import polars as pl
import pytest
from openpyxl import load_workbook
from support.kangasala_stand_in import AREAS, PEERS_EXPECTED, expected_population, fake_paavo, fake_sotkanet, \
    nameless_districts
from support.screen_helpers import APP, screen_text
from streamlit.testing.v1 import AppTest

from support.store_rows import table_frame
from data_pipeline.store import schema

HYTE = [sys.executable, "-m", "data_pipeline.cli"]
PAGES = ("overview.py", "indicators.py", "participation.py", "working_groups.py", "partnerships.py",
         "data_status.py", "accessibility.py")


@pytest.fixture(scope="module")
def stand_ins():
    from support.sotkanet_server import serve

    sotkanet, paavo = fake_sotkanet(), fake_paavo()
    s_url, s_stop = serve(sotkanet)
    p_url, p_stop = serve(paavo)
    env = {**os.environ, "HYTE_SOTKANET_URL": s_url,
           "HYTE_PAAVO_URL": p_url.removesuffix("/rest/1.1") + "/wfs",
           # init writes boundaries_year: the map's boundaries are asked of nothing that listens (no internet)
           "HYTE_BOUNDARIES_URL": "http://127.0.0.1:9/wfs"}
    yield env, sotkanet, paavo
    s_stop()
    p_stop()


def hyte(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*HYTE, *args], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300)


def has_check_command(env: dict) -> bool:
    return "check" in hyte(env, "--help").stdout


def run_path(env: dict, out: Path, url: str, *init_args: str) -> dict[str, float]:
    seconds = {}
    started = time.perf_counter()
    init = hyte(env, "init", "--municipality", "211", "--out", str(out), *init_args)
    seconds["init"] = time.perf_counter() - started
    assert init.returncode == 0, init.stderr
    if has_check_command(env):  # `hyte check` comes with the config schema (another branch)
        started = time.perf_counter()
        check = hyte(env, "check", "--config", str(out / "hyte.toml"))
        seconds["check"] = time.perf_counter() - started
        assert check.returncode == 0, check.stdout + check.stderr
    started = time.perf_counter()
    refreshed = hyte(env, "refresh", "--config", str(out / "hyte.toml"), "--db", url, "--quiet")
    seconds["refresh"] = time.perf_counter() - started
    assert refreshed.returncode == 0, refreshed.stderr
    return seconds


def assert_kangasala_store(url: str) -> None:
    town = table_frame(url, schema.municipality).row(0, named=True)
    assert (town["code"], town["name_fi"]) == ("211", "Kangasala")
    regions = {r["role"]: r for r in table_frame(url, schema.region).iter_rows(named=True) if r["role"] != "peer"}
    assert regions["county"]["name_fi"] == "Pirkanmaan hyvinvointialue" and regions["country"]["code"] == "358"
    peers = sorted(r["code"] for r in table_frame(url, schema.region).iter_rows(named=True) if r["role"] == "peer")
    assert peers == sorted(PEERS_EXPECTED)
    districts = table_frame(url, schema.district).sort("code")
    assert districts["code"].to_list() == [code for code, _ in AREAS]
    assert districts["name_fi"].to_list() == [name for _, name in AREAS]
    population = {(r["district_code"], r["age_group_code"]): r["population"]
                  for r in table_frame(url, schema.district_population).iter_rows(named=True)}
    for index, (code, _) in enumerate(AREAS):
        for group, count in expected_population(index).items():
            assert population[(code, group)] == count, (code, group)


def assert_every_screen_names_kangasala(url: str, monkeypatch) -> float:
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    started = time.perf_counter()
    for page in PAGES:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        if page != "overview.py":
            at.switch_page(f"../pages/{page}").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert "Kangasala" in screen_text(at) + "\n".join(str(e.value) for e in at.sidebar.markdown), page
    return time.perf_counter() - started


def test_init_refresh_and_app_with_paavo_postal_areas(stand_ins, tmp_path, monkeypatch, capsys):
    env, sotkanet, _ = stand_ins
    url = f"sqlite:///{tmp_path / 'hyte.db'}"
    seconds = run_path(env, tmp_path / "kangasala", url)
    assert_kangasala_store(url)
    seconds["screens"] = assert_every_screen_names_kangasala(url, monkeypatch)
    with capsys.disabled():
        print(f"\nhyte init → refresh → {len(PAGES)} screens (Paavo districts): "
              + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()))


def test_init_with_a_district_file_without_names(stand_ins, tmp_path, monkeypatch, capsys):
    env, _, _ = stand_ins
    url = f"sqlite:///{tmp_path / 'hyte.db'}"
    geojson = nameless_districts(tmp_path / "postinumeroalueet.geojson")  # kunta + postinumeroalue only
    seconds = run_path(env, tmp_path / "kangasala", url, "--districts", str(geojson))
    config = (tmp_path / "kangasala" / "hyte.toml").read_text(encoding="utf-8")
    assert 'id_property = "postinumeroalue"' in config  # the 5-digit code, not `kunta`
    assert_kangasala_store(url)  # names and population by age group from Paavo for the postal codes
    seconds["screens"] = assert_every_screen_names_kangasala(url, monkeypatch)
    with capsys.disabled():
        print(f"\nhyte init --districts → refresh → {len(PAGES)} screens: "
              + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()))


EXAMPLE = Path(__file__).parents[2] / "examples" / "kangasala"


def test_kangasala_example_is_what_init_writes_plus_the_groups_and_loads(stand_ins, tmp_path, monkeypatch):
    env, _, _ = stand_ins
    assert hyte(env, "init", "--municipality", "211", "--out", str(tmp_path / "init")).returncode == 0
    written = tomllib.loads((tmp_path / "init" / "hyte.toml").read_text(encoding="utf-8"))
    example = tomllib.loads((EXAMPLE / "hyte.toml").read_text(encoding="utf-8"))
    # The peers depend on the day's population figures and the years run to the current one.
    for config in (written, example):
        config["regions"].pop("peers")
        config["sotkanet"].pop("years")
    assert example == written
    # init writes each register once, as an Excel template (both CSV and XLSX would be refused).
    registers = sorted(p.name for p in (EXAMPLE / "registers").glob("*.csv"))
    templates = tmp_path / "init" / "registers"
    assert [Path(n).stem for n in registers] == sorted(p.stem for p in templates.glob("*.xlsx"))
    assert not list(templates.glob("*.csv"))
    for name in registers:  # same columns as the templates
        example_header = (EXAMPLE / "registers" / name).read_text(encoding="utf-8-sig").splitlines()[0]
        sheet = load_workbook(templates / f"{Path(name).stem}.xlsx").worksheets[0]
        assert example_header.split(";") == [c for c in next(sheet.iter_rows(max_row=1, values_only=True)) if c], name
    # Structure only: no meetings, events, participants or NGOs in a real town's example.
    for name in ("meetings", "events", "meeting_topics", "ngos", "partnerships", "forums", "adoption"):
        assert len((EXAMPLE / "registers" / f"{name}.csv").read_text(encoding="utf-8-sig").splitlines()) == 1

    package = tmp_path / "kangasala"
    shutil.copytree(EXAMPLE, package, ignore=shutil.ignore_patterns("sotkanet", "districts"))
    text = (package / "hyte.toml").read_text(encoding="utf-8")
    start = text.index("peers = [")
    text = text[:start] + "peers = [" + ", ".join(f'"{p}"' for p in PEERS_EXPECTED) + "]" + \
        text[text.index("\n", start):]  # the stand-in's region list has its own towns
    (package / "hyte.toml").write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'hyte.db'}"
    refreshed = hyte(env, "refresh", "--config", str(package / "hyte.toml"), "--db", url, "--quiet")
    assert refreshed.returncode == 0, refreshed.stderr
    groups = table_frame(url, schema.working_group)
    assert groups.height == 8
    parents = dict(zip(groups["code"], groups["parent_code"], strict=True))
    assert parents["perhekeskus"] == parents["opiskeluhuolto"] == "lapset_nuoret"
    assert parents["ehkaiseva_paihdetyo"] == "hyvinvointiryhma"
    seats = table_frame(url, schema.group_seat).filter(pl.col("group_code") == "tyoikaiset")
    assert sorted(zip(seats["seat_type"], seats["seats_required"], strict=True)) == [
        ("entrepreneur", 1), ("ngo", 2), ("parish", 1)]
    assert table_frame(url, schema.meeting).height == 0
    monkeypatch.setenv("HYTE_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("../pages/working_groups.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = screen_text(at)
    assert "**Kangasala**" in shown and "19/19" in shown and "meetings.csv" in shown  # seats, no meetings yet

