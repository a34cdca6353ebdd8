"""Run `hyte refresh` with a pause inside the write transaction, so a test can kill it there for certain.

Usage: python tests/killable_refresh.py TABLE_INDEX hyte-args...
Before writing the TABLE_INDEX-th data table the load prints `paused inside the transaction` to stderr and
sleeps; everything else is the real CLI. A random-time kill alone cannot promise to land mid-load on a
fast machine (the demo's whole write can take under 50 ms), this can.
"""

from __future__ import annotations

import sys
import time

from data_pipeline.store import writer
from data_pipeline.cli import main

pause_at = int(sys.argv[1])
real_ingest = writer._ingest
calls = 0


def _ingest_with_pause(cur, table, frame, sqlite):
    global calls
    if calls == pause_at:
        sys.stderr.write("paused inside the transaction\n")
        sys.stderr.flush()
        time.sleep(60)
    calls += 1
    real_ingest(cur, table, frame, sqlite)


writer._ingest = _ingest_with_pause
sys.exit(main(sys.argv[2:]))
