"""A package in the municipality's language: names are required in the package's language(s), not always
in Finnish; a Swedish-only package passes `hyte check`, its mistakes are told in Swedish, and a screen in
another language shows the name that exists (the Swedish one) rather than nothing."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from data_pipeline.cli import main as hyte
from data_pipeline.demo import write_demo_package
from data_pipeline.inputs import registers as R
from data_pipeline.store import schema as S

NAME_COLUMN = re.compile(r"^(name|text|title)_(fi|sv|en)$")


def keep_languages(config: Path, keep: tuple[str, ...], language: str) -> None:
    """The demo package with names only in `keep`: other name columns dropped from every register, other
    `name_xx` keys from hyte.toml, and `language = ...` on top."""
    for path in (config.parent / "registers").glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        wanted = [i for i, column in enumerate(rows[0])
                  if not (NAME_COLUMN.match(column) and column.rsplit("_", 1)[1] not in keep)]
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([[row[i] for i in wanted if i < len(row)] for row in rows])
    lines = [line for line in config.read_text(encoding="utf-8").splitlines()
             if not (m := re.match(r"^(name|title)_(fi|sv|en) = ", line)) or m.group(2) in keep]
    config.write_text(f"language = {language}\n" + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def swedish_package(tmp_path) -> Path:
    config = write_demo_package(tmp_path / "narpes")
    keep_languages(config, ("sv",), '"sv"')
    return config


def test_a_register_with_swedish_names_only_passes_the_check(swedish_package, capsys):
    assert "name_fi" not in (swedish_package.parent / "registers" / "departments.csv").read_text(encoding="utf-8")
    assert hyte(["check", "--config", str(swedish_package)]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert out.startswith("hyte.toml: inga fel;"), out  # and told in the package's language


def test_a_swedish_package_missing_a_swedish_name_is_told_so_in_swedish(swedish_package, capsys):
    departments = swedish_package.parent / "registers" / "departments.csv"
    text = departments.read_text(encoding="utf-8")
    departments.write_text(text.replace("Bildningssektorn", ""), encoding="utf-8")
    assert hyte(["check", "--config", str(swedish_package)]) != 0
    out = capsys.readouterr().out
    assert "departments.csv:2: name_sv: obligatoriskt värde saknas" in out, out
    assert "puuttuu" not in out and "missing" not in out
    config = swedish_package.read_text(encoding="utf-8")
    swedish_package.write_text(config.replace('name_sv = "Äldre"\n', ""), encoding="utf-8")
    assert hyte(["check", "--config", str(swedish_package)]) != 0
    out = capsys.readouterr().out
    assert "age_groups.name_sv: namnet saknas på svenska: det är paketets språk (language)" in out, out


def test_a_finnish_name_is_not_required_but_a_swedish_one_is(swedish_package):
    columns = {c.name: c.required for c in R.register_columns("working_groups", (), ("sv",))}
    assert (columns["name_fi"], columns["name_sv"], columns["name_en"]) == (False, True, False)
    both = {c.name: c.required for c in R.register_columns("goals", (), ("sv", "fi"))}
    assert (both["text_fi"], both["text_sv"], both["text_en"]) == (True, True, False)
    finnish = {c.name: c.required for c in R.register_columns("annual_clock")}  # no language: Finnish, as before
    assert (finnish["title_fi"], finnish["title_sv"]) == (True, False)


def test_a_bilingual_package_needs_both_names(tmp_path, capsys):
    config = write_demo_package(tmp_path / "vasa")
    keep_languages(config, ("sv",), '["sv", "fi"]')
    assert hyte(["check", "--config", str(config)]) != 0
    out = capsys.readouterr().out
    assert "hyte.toml:15: age_groups.name_fi: namnet saknas på finska: det är paketets språk (language)" in out, out
    assert "municipality.name_fi" in out and "priority_areas.name_fi" in out and "name_sv" not in out


def test_a_finnish_screen_shows_the_swedish_name_where_there_is_no_finnish_one(swedish_package, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert hyte(["refresh", "--config", str(swedish_package), "--db", url, "--offline"]) == 0, capsys.readouterr()
    engine = create_engine(url)
    with engine.connect() as conn:
        departments = dict(conn.execute(select(S.department.c.code, S.department.c.name_fi)).all())
        areas = dict(conn.execute(select(S.priority_area.c.code, S.priority_area.c.name_fi)).all())
        goal = conn.execute(select(S.goal.c.text_fi, S.goal.c.text_sv).where(S.goal.c.code == "T1")).one()
        languages = conn.execute(select(S.municipality.c.languages)).scalar()
    engine.dispose()
    assert languages == "sv"  # the app opens in it when neither the link nor the browser names a language
    assert departments["sivistys"] == "Bildningssektorn"
    assert areas["environment"] == "En trivsam och trygg livsmiljö"
    assert goal.text_fi == goal.text_sv == "Bostadsområdena är trivsamma och trygga för alla åldrar"
