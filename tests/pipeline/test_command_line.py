"""`hyte` finds the commands other parts of the product add (hyte.commands: briefing, report, publish) by the
command a line asks for, not by any word on it: `hyte report --out export` once said "invalid choice:
'report'" because `export` is also one of hyte's own commands. A line asking for one of hyte's own commands
still starts without loading them (every upload from the app is such a process)."""

from __future__ import annotations

import pytest

from data_pipeline.cli import build_parser


@pytest.mark.parametrize("argv, command", [
    (["report", "--kind", "annual", "--out", "export"], "report"),
    (["publish", "--out", "status"], "publish"),
    (["--lang", "sv", "briefing", "--out", "check"], "briefing"),
    (["-v", "report-text", "--kind", "annual", "--year", "2025", "--lang", "fi", "--section", "plan",
      "--file", "text.txt", "--actor", "maija"], "report-text"),
])
def test_a_command_of_the_app_is_found_whatever_its_values_are_called(argv, command):
    assert build_parser(argv).parse_args(argv).command == command


def test_a_builtin_command_line_does_not_load_the_apps_commands():
    with pytest.raises(SystemExit):
        build_parser(["status"]).parse_args(["report", "--out", "x"])
