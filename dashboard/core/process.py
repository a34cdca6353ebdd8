"""Process-wide tuning of the app's Python process (no Streamlit, no store).

Python's cyclic garbage collector, in its full (oldest-generation) collections, walks every object the
process holds: in the app that is some 200,000 objects of Streamlit, polars, Altair, pandas and pydeck
modules, none of them ever garbage. A cold script run at national scale builds enough objects (3,000
district outlines and tooltips, chart rows) to set off such a collection, which took ~130 ms of a
~700 ms run (benchmarks/README.md). Once a screen has run, its modules are imported: moving what the
process holds then into the permanent generation (`gc.freeze`) leaves the later collections only the
objects made since. Garbage is collected first, so nothing unreachable is kept.
"""

from __future__ import annotations

import gc
import threading

_frozen: set[str] = set()
_lock = threading.Lock()


def freeze_after_first_run(screen: str) -> bool:
    """After `screen`'s first run in this process: collect, then freeze what the process holds.

    Once per screen (each imports its own modules on its first run); True when it froze now.
    """
    with _lock:
        if screen in _frozen:
            return False
        _frozen.add(screen)
    gc.collect()
    gc.freeze()
    return True
