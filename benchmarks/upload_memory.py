"""The app process's memory during a flooded upload on the data-status screen (issue 16 part 3).

Plays the app in this process with Streamlit's AppTest on a copy of the tests' mini package: uploads
an events file of N bad rows (each with an unknown district: one problem a row), then makes the full
problem list for download. The writes and the list are made by child processes (data_pipeline.load.worker);
this process's peak RSS (VmHWM) is printed before and after each step, with the wall time.

    .venv/bin/python benchmarks/upload_memory.py                 # 100 000 bad rows
    .venv/bin/python benchmarks/upload_memory.py --rows 20000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
HEADER = ("id;title;date;district;lon;lat;department;event_type;level;participants_young;"
          "participants_adult;participants_old\n")


def vm(field: str) -> int:
    """A /proc/self/status figure in MiB (VmHWM: the peak resident set so far; VmRSS: now)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    raise KeyError(field)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--every-column", action="store_true",
                        help="every column of a row wrong (several problems a row, as in the issue's 900 000)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hyte-upload-memory-"))
    try:
        shutil.copytree(ROOT / "tests" / "fixtures" / "mini", work / "mini")
        config, url = work / "mini" / "hyte.toml", f"sqlite:///{work / 'hyte.db'}"
        from data_pipeline.load import worker

        assert worker.refresh(url, config, "benchmark").ok
        os.environ.update(HYTE_DATABASE_URL=url, HYTE_PACKAGE_CONFIG=str(config))
        from support.screen_helpers import open_screen

        from dashboard.core.i18n import translate
        from dashboard.data_status import widgets

        row = ("b{i};;32.13.2025;99;x;y;zzz;nope;nope;-1;a;b\n" if args.every_column
               else "b{i};Tapahtuma {i};1.2.2025;99;;;siv;workshop;planning;1;2;3\n")
        content = (HEADER + "".join(row.format(i=i) for i in range(args.rows))).encode()
        at = open_screen("data_status.py")
        base = vm("VmHWM")
        print(f"screen open: peak {base} MiB; file {len(content) / 2**20:.1f} MiB, {args.rows:,} bad rows")

        started = time.perf_counter()
        at.selectbox(key="upload.register").set_value("events")
        at.file_uploader[0].set_value(("tulva.csv", content, "text/csv"))
        next(b for b in at.button if b.label == translate("up.button", "fi")).click().run(timeout=600)
        assert not at.exception, [e.value for e in at.exception]
        after_upload = vm("VmHWM")
        print(f"upload refused in {time.perf_counter() - started:.1f} s: {at.error[0].value[:90]}…; "
              f"{len(at.code[0].value.splitlines())} lines listed; peak {after_upload} MiB "
              f"(+{after_upload - base} MiB)")

        started = time.perf_counter()
        next(b for b in at.button if b.label == translate("up.all.button", "fi")).click().run(timeout=900)
        assert not at.exception, [e.value for e in at.exception]
        name, data, lines = at.session_state[widgets.FULL_LIST_KEY]
        after_list = vm("VmHWM")
        print(f"full list made in {time.perf_counter() - started:.1f} s: {name}, {lines:,} lines, "
              f"{len(data) / 2**20:.1f} MiB to download; peak {after_list} MiB (+{after_list - base} MiB "
              f"since the screen opened); now {vm('VmRSS')} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
