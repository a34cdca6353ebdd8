"""Validating a whole package: the step `hyte refresh` runs before it writes, and all that `hyte check` runs.

`validate_package` is that one step (so both report the same problems); `check_package` runs it
without downloading anything or opening the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from data_pipeline.i18n import Message, msg
from data_pipeline.inputs.config import DEFAULT_SOTKANET_URL, Config, read_config
from data_pipeline.inputs.problems import Problem
from data_pipeline.load.package import Package, build_package, population_warnings
from data_pipeline.sources import paavo
from data_pipeline.sources import sotkanet_cache as sotkanet


def validate_package(config: Config, command: str = "refresh", offline: bool = False
                     ) -> tuple[Package | None, list[Problem]]:
    """The one validate-everything step of `hyte refresh` and `hyte check`: `build_package`, with a
    missing download explained by why it was not downloaded (`command` is "refresh" or "check", which
    downloads nothing; `offline` is refresh's --offline)."""
    package, problems = build_package(config)
    hint = _not_downloaded_hint(config, command, offline)
    problems = [_explain_missing(p, config, hint) for p in problems]
    if config.districts_source == "paavo" and not paavo.cache_path(config).is_file():
        # Its district file is the Paavo download: "districts file not found" would send one looking for it.
        cache = _rel(paavo.cache_path(config), config)
        problems = [p for p in problems if p.file != cache and p.column != "districts.file"]
        problems.insert(0, Problem(cache, 1, "-", msg("check.paavo_not_fetched" if command == "check"
                                                      else "check.paavo_not_fetched_offline")))
    return package, problems


def _rel(path: Path, config: Config) -> str:
    return str(path.relative_to(config.base_dir)) if path.is_relative_to(config.base_dir) else str(path)


def _not_downloaded_hint(config: Config, command: str, offline: bool) -> Message | None:
    if config.sotkanet_offline:
        where = {"file": config.path.name, "line": config.line_of("sotkanet", "offline")}
        if config.sotkanet_url != DEFAULT_SOTKANET_URL:  # the demo's is a dead address, so it never fetches
            where.update(url_line=config.line_of("sotkanet", "base_url"), url=DEFAULT_SOTKANET_URL)
            return msg("check.hint.offline_package_url_then_online" if offline else "check.hint.offline_package_url",
                       **where)
        return msg("check.hint.offline_package_then_online" if offline else "check.hint.offline_package", **where)
    if offline:
        return msg("check.hint.offline")
    if command == "check":
        return msg("check.hint.check_downloads_nothing")
    return None


def _explain_missing(problem: Problem, config: Config, hint: Message | None) -> Problem:
    # Only the Sotkanet cache reader says MISSING: every such file is a download that did not happen.
    if hint is None or problem.message != sotkanet.MISSING:
        return problem
    return Problem(problem.file, problem.line or 1, problem.column, msg("check.file_missing_because", hint=hint))


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    register_rows: dict[str, int] = field(default_factory=dict)  # rows per register file checked
    districts: int = 0
    indicator_values: int = 0
    # Downloads `hyte refresh` will make (a package set up but not refreshed yet): not problems.
    pending: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # not errors: what a screen will not be able to show

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
        pending = [p for p in problems if _pending_download(p, config)]
        return CheckResult([p for p in problems if p not in pending], pending=pending)
    return CheckResult([], dict(package.register_rows), package.tables["district"].height,
                       package.tables["indicator_value"].height, warnings=population_warnings(config, package))


def _pending_download(problem: Problem, config: Config) -> bool:
    """A file that the first `hyte refresh` downloads (Sotkanet responses, Paavo areas) in a package that
    may download: what `hyte init` leaves before the first refresh. Offline, a missing file is a problem."""
    if config.sotkanet_offline and problem.file.startswith(_rel(config.sotkanet_cache_dir, config)):
        return False
    if problem.message == sotkanet.MISSING or problem.message.key == "check.file_missing_because":
        return True
    return config.districts_source == "paavo" and problem.file == _rel(paavo.cache_path(config), config)
