"""`hyte check`: validates a whole package exactly as a refresh does, without downloading or loading it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from data_pipeline.config import read_config
from data_pipeline.package import validate_package
from data_pipeline.problems import Problem


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    register_rows: dict[str, int] = field(default_factory=dict)  # rows per register file checked
    districts: int = 0
    indicator_values: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_package(config_path: str | Path) -> CheckResult:
    """Every problem in the package at `config_path`, as `hyte refresh` would report them.

    Reads only the package's files (hyte.toml, districts, the Sotkanet and Paavo caches, registers):
    never the network and never the store, so it can run before anything is set up.
    """
    config, problems = read_config(config_path)
    if config is None:
        return CheckResult(problems)
    package, problems = validate_package(config, command="check")
    if package is None:
        return CheckResult(problems)
    return CheckResult([], dict(package.register_rows), package.tables["district"].height,
                       package.tables["indicator_value"].height)
