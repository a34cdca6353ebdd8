"""`make test`'s test processes: a file's tests run in one process, so its module fixtures (a served app, a
browser, a published site) start once, and the longest files start first. Checked on two small files run
the way `make test` runs the suite (pytest-xdist, two processes, the hooks of tests/support/file_order.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

SUPPORT = Path(__file__).parents[1]
# The way `make test` runs pytest: its --dist mode, read from the Makefile.
DIST = re.search(r"-m pytest .*--dist (\w+)", (SUPPORT.parent / "Makefile").read_text()).group(1)

FILE = '''
import os
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def started():
    with open(Path(__file__).parent / "started.log", "a") as log:
        log.write(f"{{Path(__file__).name}} {{os.getpid()}}\\n")


@pytest.mark.{marker}
@pytest.mark.parametrize("n", range(8))
def test_{name}(started, n):
    pass
'''


def _run(folder: Path, processes: int) -> list[str]:
    """pytest as `make test` runs it, in `processes` test processes: which file's module fixture started, in order."""
    (folder / "started.log").unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", str(processes), "--dist", DIST, "-p", "no:cacheprovider", str(folder)],
        cwd=folder, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(SUPPORT), os.environ.get("PYTHONPATH", "")])})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return [line.split()[0] for line in (folder / "started.log").read_text().splitlines()]


def test_a_files_module_fixtures_start_once_and_the_slow_files_first(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "from support import file_order\n"
        "globals().update({k: v for k, v in vars(file_order).items() if k.startswith('pytest_')})\n"
        "def pytest_configure(config):\n"
        "    config.addinivalue_line('markers', 'browser: slow')\n"
        "    config.addinivalue_line('markers', 'quick: fast')\n")
    (tmp_path / "test_quick.py").write_text(FILE.format(marker="quick", name="quick"))
    (tmp_path / "test_served.py").write_text(FILE.format(marker="browser", name="served"))
    assert sorted(_run(tmp_path, 2)) == ["test_quick.py", "test_served.py"]  # each file's fixture started once
    # In one process, the file the markers say is slow (a served browser) goes first.
    assert _run(tmp_path, 1) == ["test_served.py", "test_quick.py"]


SHARED_CONFTEST = '''
import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def site():
    with open(Path(__file__).parents[2] / "started.log", "a") as log:
        log.write(f"site {os.getpid()}\\n")
'''

SHARED = '''
import pytest


@pytest.mark.parametrize("n", range(8))
def test_{name}(site, n):
    pass
'''


def test_the_published_sites_files_share_one_process_and_its_site(tmp_path: Path) -> None:
    """tests/publish's files run in one process: the session's published site is built once, not once per process."""
    (tmp_path / "conftest.py").write_text(
        "from support import file_order\n"
        "globals().update({k: v for k, v in vars(file_order).items() if k.startswith('pytest_')})\n")
    folder = tmp_path / "tests" / "publish"
    folder.mkdir(parents=True)
    (folder / "conftest.py").write_text(SHARED_CONFTEST)
    for name in ("site_pages", "site_files", "site_browser"):
        (folder / f"test_{name}.py").write_text(SHARED.format(name=name))
    assert _run(tmp_path, 2) == ["site"]
