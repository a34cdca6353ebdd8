"""hyte.toml as a coordinator edits it: every problem at its line and key, no traceback, a reference that cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data_pipeline.cli import main as hyte
from data_pipeline.i18n import LANGUAGES, translate
from data_pipeline.inputs.config import load_config, read_config
from data_pipeline.inputs.config_reference import EXAMPLE, reference_markdown
from data_pipeline.inputs.config_schema import HyteToml
from data_pipeline.inputs.toml_lines import key_lines

ROOT = Path(__file__).parents[2]
PROBLEM_LINE = re.compile(r"^hyte\.toml:\d+: [\w.-]+: \S.*$")


def edit(config: Path, *changes: tuple[str, str]) -> None:
    text = config.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    config.write_text(text, encoding="utf-8")


def line_of(config: Path, text: str) -> int:
    """The 1-based line of the first line containing `text`."""
    return next(i for i, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def refresh_problems(config: Path, url: str, capsys) -> tuple[int, list[str]]:
    """`hyte refresh` as typed: its exit code and the hyte.toml problem lines it printed."""
    code = hyte(["refresh", "--config", str(config), "--db", url, "-q"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, [line for line in err.splitlines() if line.startswith("hyte.toml:")]


def test_unknown_keys_are_problems_with_a_suggestion(mini_package, sqlite_url, capsys):
    # Found in issue 16: `ofline` and `targt` were ignored silently and the target was dropped.
    edit(mini_package, ("offline = true", "ofline = true"), ("target = 110.0", "targt = 110.0"))
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1
    assert lines == [
        f"hyte.toml:{line_of(mini_package, 'ofline')}: sotkanet.ofline: tuntematon avain; tarkoititko `offline`?",
        f"hyte.toml:{line_of(mini_package, 'targt')}: indicators.targt: tuntematon avain; tarkoititko `target`?",
    ]


def test_an_unknown_key_with_no_close_match_lists_the_known_ones(mini_package, sqlite_url, capsys):
    edit(mini_package, ("[registers]\n", "[registers]\ncolour = \"blue\"\n"))
    _, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert lines == [f"hyte.toml:{line_of(mini_package, 'colour')}: registers.colour: "
                     "tuntematon avain; tunnetut: dir"]


WRONG_VALUES = [  # (found as, written as, key, message)
    pytest.param("min_age = 18", 'min_age = "eighteen"', "age_groups.min_age",
                 'pitää olla kokonaisluku ilman lainausmerkkejä (nyt: "eighteen")', id="text-for-a-number"),
    pytest.param("years = [2020, 2025]", "years = [2012]", "sotkanet.years",
                 "pitää olla vuosipari [alku, loppu], esim. [2012, 2024] (nyt: [2012])", id="one-year-for-a-pair"),
    pytest.param("years = [2020, 2025]", 'years = "2012"', "sotkanet.years",
                 'pitää olla vuosipari [alku, loppu], esim. [2012, 2024] (nyt: "2012")', id="a-string-for-a-pair"),
    pytest.param("demo = true", 'demo = "false"', "municipality.demo",
                 'pitää olla true tai false ilman lainausmerkkejä (nyt: "false")', id="a-string-for-a-flag"),
    pytest.param("target = 110.0", 'target = "ten"', "indicators.target",
                 'pitää olla luku ilman lainausmerkkejä (nyt: "ten")', id="text-for-a-target"),
    pytest.param("target = 110.0", "target = nan", "indicators.target",
                 "pitää olla äärellinen luku (nyt: nan)", id="nan-target"),
    pytest.param('county = { category = "HYVINVOINTIALUE", code = "6" }', 'county = "6"', "regions.county",
                 "pitää olla taulukko ([nimi] tai { … }) (nyt: \"6\")",
                 id="text-for-a-table"),
    pytest.param('code = "999"', 'code = "99"', "municipality.code",
                 "ei ole kolminumeroinen kuntanumero; kirjoita lainausmerkeissä, esim. \"091\" (nyt: \"99\")",
                 id="short-code"),
    pytest.param('direction = "higher_better"\ntarget', 'direction = "up"\ntarget', "indicators.direction",
                 "pitää olla jokin näistä: 'higher_better', 'lower_better' (nyt: \"up\")",
                 id="unknown-choice"),
]


@pytest.mark.parametrize(("old", "new", "key", "message"), WRONG_VALUES)
def test_a_wrong_value_is_named_at_its_line(mini_package, sqlite_url, capsys, old, new, key, message):
    # Found in issue 16: 'eighteen' was a ValueError traceback, [2012] an IndexError; "2012" silently
    # loaded 14 values as years 2 to 0; "false" set the demo flag.
    edit(mini_package, (old, new))
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1
    assert lines == [f"hyte.toml:{line_of(mini_package, new.splitlines()[0])}: {key}: {message}"]


def test_every_problem_is_listed_at_once(mini_package, sqlite_url, capsys):
    edit(mini_package, ('demo = true', 'demo = "false"'), ("min_age = 18", 'min_age = "eighteen"'),
         ("years = [2020, 2025]", "years = [2012]"), ("offline = true", "ofline = true"),
         ("target = 110.0", "targt = 110.0"), ('priority_area = "life"', 'priority_area = "lifestyle"'))
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1
    assert [line.split(": ")[0:2] for line in lines] == [
        [f"hyte.toml:{line_of(mini_package, text)}", key] for text, key in (
            ("demo =", "municipality.demo"), ("eighteen", "age_groups.min_age"), ("years =", "sotkanet.years"),
            ("ofline", "sotkanet.ofline"), ("targt", "indicators.targt"), ("lifestyle", "indicators.priority_area"))]
    assert lines[-1].endswith("tuntematon 'lifestyle'; [[priority_areas]]: env, life")


def test_a_missing_key_points_at_its_table(mini_package, sqlite_url, capsys):
    edit(mini_package, ('id = 127\npriority_area = "env"\ndirection = "higher_better"\n', 'id = 127\npriority_area = "env"\n'))
    _, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert lines == [f"hyte.toml:{line_of(mini_package, '[[indicators]]')}: indicators.direction: puuttuu"]


def test_rules_between_keys(mini_package, sqlite_url, capsys):
    edit(mini_package, ('code = "adult"', 'code = "young"'), ("max_age = 64", "max_age = 12"),
         ('age_group = "young"', 'age_group = "teen"'))
    _, lines = refresh_problems(mini_package, sqlite_url, capsys)
    second_group = line_of(mini_package, "min_age = 18") - 2
    assert lines == [
        f"hyte.toml:{second_group}: age_groups.code: 'young' esiintyy kahdesti",
        f"hyte.toml:{line_of(mini_package, 'max_age = 12')}: age_groups.max_age: pienempi kuin min_age 18",
        f"hyte.toml:{line_of(mini_package, 'teen')}: indicators.age_group: tuntematon 'teen'; "
        "[[age_groups]]: old, young",
    ]


def test_a_toml_syntax_error_names_its_line(mini_package, sqlite_url, capsys):
    edit(mini_package, ("[regions]", "[regions"))
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1
    assert lines == [f"hyte.toml:{line_of(mini_package, '[regions')}: -: TOML-syntaksivirhe, "
                     "sarake 9: Expected ']' at the end of a table declaration"]


MALFORMED = {
    "empty": "",
    "a number for a table": "municipality = 5\n",
    "an array of municipalities": '[[municipality]]\ncode = "999"\n',
    "a table for a list": '[age_groups]\ncode = "x"\n',
    "numbers for indicators": "indicators = [1, 2]\n",
    "a huge value": 'sotkanet.years = ["' + "9" * 5000 + '", 1]\n',
    "years backwards": "[sotkanet]\nyears = [2024, 2012]\n",
    "dotted keys": 'municipality.code = "x1x"\nmunicipality.demo = 1\n',
    "nested 100 000 deep": "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "an unclosed string": '[municipality]\nname_fi = "Pori\n',
}


@pytest.mark.parametrize("text", MALFORMED.values(), ids=MALFORMED.keys())
def test_no_malformed_hyte_toml_ends_in_a_traceback(mini_package, sqlite_url, capsys, text):
    mini_package.write_text(text, encoding="utf-8")
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1 and lines
    for line in lines:
        assert PROBLEM_LINE.match(line) and len(line) < 400, line


HOSTILE_VALUES = ['"eighteen"', '""', "-1", "0", "1e999", "nan", "true", "[]", "[2012]", '["a", 1]', "{}",
                  '{ x = 1 }', "2026-12-01", '"' + "x" * 3000 + '"', '"<script>"', "[[1], [2]]"]


def test_any_value_in_any_key_is_a_located_problem_or_valid(tmp_path):
    """Every value of the fixture's hyte.toml replaced in turn by each hostile value: never an exception,
    and every problem names a line of the file and a key."""
    source = (ROOT / "tests" / "fixtures" / "mini" / "hyte.toml").read_text(encoding="utf-8").splitlines()
    config = tmp_path / "hyte.toml"
    tried = 0
    for number, line in enumerate(source):
        if "=" not in line or line.lstrip().startswith("#"):
            continue
        key = line.split("=", 1)[0]
        for value in HOSTILE_VALUES:
            config.write_text("\n".join([*source[:number], f"{key}= {value}", *source[number + 1:]]) + "\n",
                              encoding="utf-8")
            loaded, problems = read_config(config)
            tried += 1
            assert (loaded is None) == bool(problems)
            for problem in problems:
                assert 1 <= problem.line <= len(source) and PROBLEM_LINE.match(str(problem)), str(problem)
                assert len(str(problem)) < 400
    assert tried > 500


def test_a_file_that_is_not_utf8_is_one_problem(mini_package, sqlite_url, capsys):
    mini_package.write_bytes('[municipality]\nname_fi = "Hyvinkää"\n'.encode("latin-1"))
    _, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert lines == ["hyte.toml:2: -: ei UTF-8-tekstiä; tallenna UTF-8-muodossa"]


def test_an_empty_optional_text_is_absent_and_peers_are_municipality_codes(mini_package, sqlite_url, capsys):
    edit(mini_package, ('name_sv = "Testby"', 'name_sv = ""'), ("[regions]\n", '[regions]\npeers = ["179", "83"]\n'))
    _, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert lines == [f"hyte.toml:{line_of(mini_package, 'peers')}: regions.peers: ei ole kolminumeroinen "
                     "kuntanumero; kirjoita lainausmerkeissä, esim. \"091\" (nyt: \"83\")"]
    edit(mini_package, ('"83"', '"837"'))
    config, problems = read_config(mini_package)
    assert problems == [] and config.municipality_name["sv"] is None and config.peers == ("179", "837")


def test_key_lines_follow_toml_structure():
    text = '\n'.join([
        'title = "a [b] = c # d"',            # 1
        '[regions]',                           # 2
        'peers = [',                           # 3
        '  "179", # [x',                       # 4
        '  "837",',                            # 5
        ']',                                   # 6
        'county = { category = "X", code = "6" }',  # 7
        'note = """',                          # 8
        'years = [1, 2]',                      # 9: inside a string, not a key
        '"""',                                 # 10
        '[[indicators]]  # first',             # 11
        'id = 1',                              # 12
        '[[indicators]]',                      # 13
        '"id" = 2',                            # 14
        'sotkanet.offline = true',             # 15: a dotted key inside [[indicators]] #2
    ])
    lines = key_lines(text)
    assert lines[("title",)] == 1 and lines[("regions",)] == 2 and lines[("regions", "peers")] == 3
    assert lines[("regions", "county")] == 7 and ("regions", "years") not in lines and ("years",) not in lines
    assert lines[("indicators",)] == 11 and lines[("indicators", 0, "id")] == 12
    assert lines[("indicators", 1)] == 13 and lines[("indicators", 1, "id")] == 14
    assert lines[("indicators", 1, "sotkanet", "offline")] == 15


def test_the_config_the_pipeline_uses_is_unchanged():
    pori = load_config(ROOT / "examples" / "pori" / "hyte.toml")
    assert pori.municipality_code == "609" and pori.municipality_name["sv"] == "Björneborg"
    assert pori.sotkanet_years == (2012, 2025) and pori.sotkanet_offline is False
    assert pori.districts_source == "paavo" and pori.district_id_property == "postinumeroalue"
    assert pori.districts_file == pori.base_dir / "districts" / "paavo_2024.geojson"
    assert pori.peers == ("684", "285", "272", "405") and pori.county.code == "6"
    assert [g.max_age for g in pori.age_groups] == [17, 64, None]
    mini = load_config(ROOT / "tests" / "fixtures" / "mini" / "hyte.toml")
    assert mini.is_demo is True and mini.indicators[0].target == 110.0 and mini.indicators[1].decimals == 1
    assert mini.line_of("sotkanet", "offline") == 47 and mini.line_of("sotkanet", "nothing") == 43


def test_the_reference_is_generated_from_the_schema(capsys):
    # docs/hyte-toml.md is what `hyte config-reference` prints: regenerate it when the schema changes.
    assert hyte(["config-reference"]) == 0
    printed = capsys.readouterr().out
    assert printed == reference_markdown()
    assert (ROOT / "docs" / "hyte-toml.md").read_text(encoding="utf-8") == printed, \
        "run: hyte config-reference > docs/hyte-toml.md"
    for name, info in HyteToml.model_fields.items():
        args = getattr(info.annotation, "__args__", ())
        model = args[0] if getattr(info.annotation, "__name__", "") == "list" else info.annotation
        fields = model.model_fields.items() if isinstance(model, type) else [(name, info)]
        for key, field in fields:  # every key, its description in Finnish, Swedish and English
            assert f"| `{key}` |" in printed
            assert all(translate(field.description, lang) in printed for lang in LANGUAGES), key


def test_the_reference_example_is_a_valid_file(tmp_path):
    (tmp_path / "hyte.toml").write_text(EXAMPLE, encoding="utf-8")
    config, problems = read_config(tmp_path / "hyte.toml")
    assert problems == [] and config.indicators[0].target == 5.0


# --- issue 23 (Kuusamo): targets typed the way a Finn types them, and target years outside the plan ----

def test_a_decimal_comma_says_toml_wants_a_decimal_point(mini_package, sqlite_url, capsys):
    # Found setting up Kuusamo: `target = 8,5` gave "TOML syntax error … column 11" and nothing more.
    edit(mini_package, ("target = 110.0", "target = 8,5"))
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1
    assert lines == [f"hyte.toml:{line_of(mini_package, 'target = 8,5')}: target: "
                     "TOML vaatii desimaalipisteen: kirjoita target = 8.5 (ei 8,5)"]


def test_a_target_year_before_the_plan_starts_is_refused(mini_package, sqlite_url, capsys):
    # Found setting up Kuusamo: `target_year = 2020` in a plan starting 2025 passed silently.
    edit(mini_package, ("target_year = 2028", "target_year = 2020"))
    code, lines = refresh_problems(mini_package, sqlite_url, capsys)
    assert code == 1
    assert lines == [f"hyte.toml:{line_of(mini_package, 'target_year = 2020')}: indicators.target_year: "
                     "tavoitevuosi 2020 on ennen suunnitelman alkua (2025–2028): valitse vuosi "
                     "suunnitelmakaudelta tai muuta suunnitelman vuosia"]


def test_a_target_year_after_the_plan_and_staleness_limits_are_checked(mini_package):
    edit(mini_package, ("target_year = 2028", "target_year = 2031"),
         ("start_year = 2025", "start_year = 2025\nmeasure_flag_days = 90\nmeasure_stale_days = 30"))
    _config, problems = read_config(mini_package)
    assert [(p.column, str(p.message)) for p in problems] == [
        ("plan.measure_stale_days", "oltava suurempi kuin measure_flag_days (90)"),
        ("indicators.target_year", "tavoitevuosi 2031 on suunnitelman päättymisen jälkeen (2025–2028): "
                                   "valitse vuosi suunnitelmakaudelta tai muuta suunnitelman vuosia"),
    ]


def test_staleness_limits_default_to_60_and_180_days(mini_package):
    config = load_config(mini_package)
    assert (config.measure_flag_days, config.measure_stale_days) == (60, 180)
