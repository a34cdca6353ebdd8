"""How `make test` shares the suite between its test processes (pytest-xdist): a file's tests run in one
process, so its module fixtures (served apps, browsers, published sites) start once, and the files that
take longest start first, so the processes finish together. tests/conftest.py takes these hooks.
"""

from __future__ import annotations

# `make test` runs the suite in two processes (pytest-xdist, a file at a time per process). The files
# that take longest start first, so the two finish together: each run records every file's seconds in
# pytest's cache (.pytest_cache, not committed) and the next run orders by them. A fresh clone has no
# record yet and goes by the files' markers (a served browser is slow, a unit test is not).
FILE_SECONDS = "hyte/file-seconds"
MARKER_SECONDS = {"oidc": 60.0, "browser": 20.0, "write_safety": 15.0, "postgres": 2.0}


def _test_file(item_or_report) -> str:
    return item_or_report.nodeid.split("::", 1)[0]


# Files whose tests share nothing module-wide: their tests may run in either process (each of the
# write-safety file's two long tests took a third of the suite's critical path when kept together).
SPLIT_FILES = {"tests/pipeline/test_write_safety.py", "tests/app/test_data_status_writes.py"}
# Folders whose files run in one process, together: they share what a process builds once. The published
# site's files share the session's published demo site (about 30 CPU-seconds to build) and the pictures
# drawn in the process (a chart drawn for one site is not drawn again for the next).
SHARED_FOLDERS = ("tests/publish/",)


def pytest_collection_modifyitems(session, config, items):
    cache = getattr(config, "cache", None)  # None with -p no:cacheprovider
    recorded = cache.get(FILE_SECONDS, {}) if cache is not None else {}
    guessed: dict[str, float] = {}
    for item in items:
        seconds = max((MARKER_SECONDS.get(mark.name, 0.0) for mark in item.iter_markers()), default=0.0)
        guessed[_test_file(item)] = guessed.get(_test_file(item), 0.0) + max(seconds, 0.2)
    weight = {file: recorded.get(file, guess) for file, guess in guessed.items()}
    items.sort(key=lambda item: -weight[_test_file(item)])  # stable: a file's tests keep their order


def pytest_xdist_make_scheduler(config, log):
    """A file's tests run in one process, so its module fixtures (served apps, browsers, sites) start once
    (a shared folder's files all in one process: SHARED_FOLDERS); the files longest first, as sorted above (pytest-xdist's own reordering by test count is off).

    Not `--dist loadgroup` with an `xdist_group` mark per file: pytest-xdist 3.8 names a group by
    rewriting `item._nodeid`, which pytest 9 no longer reads, so every file was split over both
    processes and its module fixtures built in each (the published site twice per file, ~45 s each)."""
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = nodeid.split("::", 1)[0]
            if file in SPLIT_FILES:
                return nodeid
            return next((folder for folder in SHARED_FOLDERS if file.startswith(folder)), file)

    config.option.loadscopereorder = False
    return ByFile(config, log)


_measured: dict[str, float] = {}


def pytest_runtest_logreport(report):
    _measured[_test_file(report)] = _measured.get(_test_file(report), 0.0) + report.duration


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    cache = getattr(config, "cache", None)
    if hasattr(config, "workerinput") or cache is None or not _measured:
        return  # a worker's own reports reach the controller, which keeps the record
    cache.set(FILE_SECONDS, {**cache.get(FILE_SECONDS, {}), **_measured})
