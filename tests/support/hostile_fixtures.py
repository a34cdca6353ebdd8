"""A package whose every stored name is hostile: Markdown, HTML, an image, links and a bidi override.

The mini package plus the working-group and partnership registers, with each name replaced by
`PAYLOAD` and a tag saying which field it is (`KUNTA`, `ALUE-env`, …), loaded by the real pipeline.
Every screen must show these texts as typed: no heading, bold, image or link made from them, no
request to 127.0.0.1:9, no bidi control in the page.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from support.store_rows import FIXTURES
from support.partnerships_fixtures import REGISTERS as NGO_REGISTERS
from support.working_groups_fixtures import REGISTERS as GROUP_REGISTERS

from data_pipeline.load.refresh import refresh

PIXEL_HOST = "127.0.0.1:9"
# "# " first: a caption that starts with a name would make it a heading.
PAYLOAD = ("# HEAD **BOLD** <h1>HTMLH</h1><img src=x onerror=alert(1)> "
           f"![x](http://{PIXEL_HOST}/px.png) [click](http://evil.example) "
           "https://evil.example www.evil.example abc\u202edef")
# What the page must show, character for character, wherever one of the names is shown as text.
LITERAL = ("**BOLD**", "[click](http://evil.example)", f"![x](http://{PIXEL_HOST}/px.png)", "abcdef")
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def hostile(tag: str) -> str:
    return f"{PAYLOAD} {tag}"


def _toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \u escapes is a TOML basic string


def _csv_names(text: str, column: int, tag: str, *, sep: str = ",", skip: set[str] = frozenset()) -> str:
    """Every data row's `column` replaced by a hostile name tagged with `tag` and the row's first cell."""
    lines = text.strip("\n").split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        cells = _split(line, sep)
        if cells[0] not in skip:
            cells[column] = hostile(f"{tag}-{cells[0]}")
        out.append(sep.join(f'"{c}"' if sep in c else c for c in cells))
    return "\n".join(out) + "\n"


def _split(line: str, sep: str) -> list[str]:
    cells, current, quoted = [], "", False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            cells.append(current)
            current = ""
        else:
            current += ch
    return [*cells, current]


def write_hostile_package(folder: Path) -> Path:
    """The hostile package in `folder/mini`; returns its hyte.toml."""
    package = folder / "mini"
    shutil.copytree(FIXTURES / "mini", package)
    registers = package / "registers"
    for name, text in {**NGO_REGISTERS, **GROUP_REGISTERS}.items():  # the groups' own group list
        (registers / name).write_text(text.replace("hyte_nuoret", "kids"), encoding="utf-8")

    toml = (package / "hyte.toml").read_text(encoding="utf-8")
    toml = re.sub(r'^(name_(?:fi|sv|en)) = "Testi.*"$', lambda m: f"{m[1]} = {_toml_string(hostile('KUNTA'))}",
                  toml, flags=re.M)
    toml = toml.replace('name_fi = "Hyvinvointisuunnitelma 2025–2028"', f"name_fi = {_toml_string(hostile('SUUNNITELMA'))}")
    for code, name in (("young", "Lapset ja nuoret"), ("adult", "Työikäiset"), ("old", "Ikääntyneet"),
                       ("env", "Elinympäristö"), ("life", "Elintavat")):
        toml = toml.replace(f'name_fi = "{name}"', f"name_fi = {_toml_string(hostile(f'NIMI-{code}'))}")
    toml = toml.replace('title_fi = "Asukasillan osallistujat / 1000 asukasta"',
                        f"title_fi = {_toml_string(hostile('INDIKAATTORI'))}")
    toml = toml.replace('unit = "/ 1000"', f"unit = {_toml_string(hostile('YKSIKKÖ'))}")
    (package / "hyte.toml").write_text(toml, encoding="utf-8")

    districts = json.loads((package / "districts.geojson").read_text(encoding="utf-8"))
    for feature in districts["features"]:
        feature["properties"]["name"] = hostile(f"ALUE-{feature['properties']['code']}")
    (package / "districts.geojson").write_text(json.dumps(districts), encoding="utf-8")

    sotkanet = package / "sotkanet" / "indicators" / "127.json"
    indicator = json.loads(sotkanet.read_text(encoding="utf-8"))
    indicator["title"] = {lang: hostile(f"SOTKANET-{lang}") for lang in ("fi", "sv", "en")}
    indicator["organization"]["title"] = {lang: hostile(f"LÄHDE-{lang}") for lang in ("fi", "sv", "en")}
    sotkanet.write_text(json.dumps(indicator), encoding="utf-8")

    for name, column, tag in (("departments.csv", 1, "TOIMIALA"), ("ngos.csv", 1, "JÄRJESTÖ"),
                              ("working_groups.csv", 1, "RYHMÄ"), ("forums.csv", 2, "FOORUMI")):
        path = registers / name
        path.write_text(_csv_names(path.read_text(encoding="utf-8"), column, tag), encoding="utf-8")
    events = registers / "events.csv"
    events.write_text(_csv_names(events.read_text(encoding="utf-8"), 1, "TAPAHTUMA", sep=";"), encoding="utf-8")
    return package / "hyte.toml"


def build_hostile_store(folder: Path) -> str:
    """The hostile package loaded by the real pipeline into SQLite in `folder`; returns the store URL."""
    url = f"sqlite:///{folder / 'hostile.db'}"
    result = refresh(write_hostile_package(folder), url)
    assert result.ok, result
    return url
