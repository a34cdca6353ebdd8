"""The app process freezes what it holds once per screen, after the screen's first run (dashboard.core.process)."""

from __future__ import annotations

import gc

from dashboard.core import process


def test_each_screen_freezes_once_and_keeps_no_garbage():
    class Cycle:
        pass

    garbage = Cycle()
    garbage.me = garbage  # unreachable once deleted: a cycle only the collector frees
    del garbage
    try:
        assert process.freeze_after_first_run("test-screen-a")
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert not any(type(o) is Cycle and getattr(o, "me", None) is o for o in gc.get_objects())
        assert not process.freeze_after_first_run("test-screen-a")  # not again for the same screen
        assert gc.get_freeze_count() == frozen
        assert process.freeze_after_first_run("test-screen-b")
    finally:
        gc.unfreeze()
