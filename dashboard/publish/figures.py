"""A chart's figures and pictures for the published site: the rows a Vega-Lite spec draws, as a table,
CSV and JSON, and the chart as a compact SVG.

The figures are read from the spec itself (its inline rows), so the table beside a chart, its `.csv`
and the picture can never disagree. No Streamlit here.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import itertools
import json
import os
import re
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import vl_convert

from dashboard.core import chart_render
from dashboard.core.formatting import text_only

# Drawn coordinates to a tenth of a pixel: a map's outlines are most of its SVG's bytes, and a tenth
# of a pixel is below what a screen shows.
_CLIP = re.compile(r"\bclip\d+\b")
_COORDINATE = re.compile(r"-?\d+\.\d{2,}")
_PATH = re.compile(r'(\sd|\stransform|\spoints)="([^"]*)"')
# Vega writes each mark's ARIA label and role: an <img>'s SVG exposes none of them (its alt text and the
# figures table say it all), and on a map they are half its bytes.
_MARK_ATTRIBUTES = re.compile(r'\s(?:aria-label|aria-roledescription|aria-hidden|role|class)="[^"]*"'
                              r'|\stransform="translate\(0,0\)"')
# Columns that draw a chart but say nothing to a reader (GeoJSON's parts, colours, stroke widths).
_NOT_FIGURES = {"type", "geometry", "fill", "line", "width", "stroke", "colour", "color", "i", "cls", "at"}


# Pictures already drawn in this process, by their spec: drawing is most of a publish (about 85 % of a
# re-publish of the demo), and a re-publish or a second language draws many of the same charts again. The
# same spec always gives the same bytes (clip ids are renumbered below), so a kept picture is exact.
_DRAWN: OrderedDict[tuple[str, int | None], bytes] = OrderedDict()
_DRAWN_BYTES = [0]
DRAWN_LIMIT = 64 * 2**20

# And between processes (the nightly publish is a new one): each picture drawn is kept in a folder as
# <sha256 of what draws it>.svg (DiskCache, set by build). What draws it is the spec, the width, vl-convert's
# version and this module's and chart_render's code, so a change to any of them draws afresh.
_CODE = hashlib.sha256(Path(chart_render.__file__).read_bytes() + Path(__file__).read_bytes() +
                       vl_convert.__version__.encode()).hexdigest()
_SVG_END = b"</svg>"


class DiskCache:
    """The pictures of the last publish into a folder, kept for the next one.

    A picture is written to a temporary file and renamed into place, so a publish killed mid-write leaves
    no half picture under its name; one that does not end as an SVG ends is drawn again. `prune` removes
    what this publish did not use (a chart no longer published, a spec that changed): the folder never
    holds more than one site's pictures.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0

    def path(self, key: tuple[str, int | None]) -> Path:
        name = hashlib.sha256(f"{_CODE}\n{key[1]}\n{key[0]}".encode()).hexdigest() + ".svg"
        self.used.add(name)
        return self.folder / name

    def get(self, key: tuple[str, int | None]) -> bytes | None:
        try:
            picture = self.path(key).read_bytes()
        except OSError:
            return None
        if not picture.rstrip().endswith(_SVG_END):
            return None
        self.hits += 1
        return picture

    def put(self, key: tuple[str, int | None], picture: bytes) -> None:
        target = self.path(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_bytes(picture)
            temporary.replace(target)
        except OSError:  # a cache that cannot be written only makes the next publish slower
            return

    def keep(self, key: tuple[str, int | None], picture: bytes) -> None:
        """`picture`, drawn already, kept for the next publish unless it is."""
        if not self.path(key).is_file():
            self.put(key, picture)

    def prune(self) -> int:
        """Remove every file this publish did not use; returns how many."""
        removed = 0
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                if path.name not in self.used and path.is_file():
                    path.unlink()
                    removed += 1
        return removed


_DISK: list[DiskCache | None] = [None]


@contextlib.contextmanager
def disk_cache(folder: Path | None) -> Iterator[DiskCache | None]:
    """Pictures drawn while the block runs are kept in (and read from) `folder`; pruned when it ends well."""
    cache = DiskCache(folder) if folder is not None else None
    _DISK[0] = cache
    try:
        yield cache
        if cache is not None:
            cache.prune()
    finally:
        _DISK[0] = None


def svg(spec: dict, width: int | None = chart_render.DEFAULT_WIDTH) -> bytes:
    """The chart as SVG, its drawn coordinates rounded to a tenth of a pixel."""
    key = (json.dumps(spec, sort_keys=True, default=str), width)
    disk = _DISK[0]
    if key in _DRAWN:
        _DRAWN.move_to_end(key)
        if disk is not None:
            disk.keep(key, _DRAWN[key])  # drawn for another folder earlier in this process: kept here too
        return _DRAWN[key]
    picture = disk.get(key) if disk is not None else None
    if picture is None:
        picture = _draw(spec, width)
        if disk is not None:
            disk.put(key, picture)
    _DRAWN[key] = picture
    _DRAWN_BYTES[0] += len(picture) + len(key[0])
    while _DRAWN_BYTES[0] > DRAWN_LIMIT and _DRAWN:
        (spec_text, _), dropped = _DRAWN.popitem(last=False)
        _DRAWN_BYTES[0] -= len(dropped) + len(spec_text)
    return picture


def _draw(spec: dict, width: int | None) -> bytes:
    # A name in a label with a bidi control would turn the rest of the label around: shown as typed.
    text = text_only(_MARK_ATTRIBUTES.sub("", chart_render.svg(spec, width).decode("utf-8")))
    rounded = _PATH.sub(lambda m: f'{m.group(1)}="{_COORDINATE.sub(_tenth, m.group(2))}"', text)
    return _shared_strokes(_renumber_clips(rounded)).encode("utf-8")


# A map's shapes, one after another, each with the same outline: `<path d=… fill=… stroke=… stroke-width=…/>`.
_SHAPE = r'<path d="[^"]*" fill="#[0-9A-Fa-f]{3,8}" stroke="(#[0-9A-Fa-f]{3,8})" stroke-width="([\d.]+)"/>'
_SHAPES = re.compile(rf"(?:{_SHAPE}){{2,}}")
_STROKE = re.compile(r' stroke="#[0-9A-Fa-f]{3,8}" stroke-width="[\d.]+"/>')


def _shared_strokes(text: str) -> str:
    """Consecutive shapes with the same outline inside one group that gives it (stroke attributes are
    inherited: the same picture, drawn in the same order): a third of a 3,000-district map's bytes."""

    def group(run: re.Match) -> str:
        out = []
        for (stroke, width), same in itertools.groupby(re.finditer(_SHAPE, run.group(0)), key=lambda m: m.groups()):
            shapes = "".join(m.group(0) for m in same)
            out.append(f'<g stroke="{stroke}" stroke-width="{width}">{_STROKE.sub("/>", shapes)}</g>'
                       if shapes.count("<path") > 1 else shapes)
        return "".join(out)

    return _SHAPES.sub(group, text)


def _renumber_clips(text: str) -> str:
    """Clip-path ids numbered within the picture: Vega counts them across a process's renders, which would
    make the same chart's bytes differ between two publishes."""
    seen: dict[str, str] = {}
    return _CLIP.sub(lambda m: seen.setdefault(m.group(0), f"clip{len(seen) + 1}"), text)


def _tenth(match: re.Match) -> str:
    value = round(float(match.group(0)), 1)
    return f"{value:g}" if value != int(value) else str(int(value))


def _rows_of(spec: dict, data: dict | None) -> list[dict] | None:
    if not data:
        return None
    if "values" in data and isinstance(data["values"], list):
        return data["values"]
    if "name" in data:
        found = spec.get("datasets", {}).get(data["name"])
        return found if isinstance(found, list) else None
    return None


def _all_rows(spec: dict, root: dict) -> list[list[dict]]:
    """Every inline row set in the spec and its layers and concatenated views."""
    out = []
    rows = _rows_of(root, spec.get("data"))
    if rows:
        out.append(rows)
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for part in spec.get(key, ()):
            out.extend(_all_rows(part, root))
    if isinstance(spec.get("spec"), dict):
        out.extend(_all_rows(spec["spec"], root))
    return out


def _flat(row: dict) -> dict:
    """A row's figures: GeoJSON properties lifted, drawing-only columns and nested values left out."""
    if isinstance(row.get("properties"), dict):
        row = {**row["properties"]}
    return {k: v for k, v in row.items()
            if k not in _NOT_FIGURES and (v is None or isinstance(v, (str, int, float, bool)))}


def figures(spec: dict) -> pl.DataFrame:
    """The chart's figures: the largest row set it draws with readable columns (the data; the other
    sets are its marks' helpers, such as a target line), as a frame of those columns."""
    best: tuple[list[dict], list[str]] = ([], [])
    for rows in _all_rows(spec, spec):
        rows = [_flat(r) for r in rows if isinstance(r, dict)]
        columns: list[str] = []
        for row in rows:
            columns.extend(k for k in row if k not in columns)
        columns = [c for c in columns if any(row.get(c) is not None for row in rows)]
        # The most rows with something to read (a map's shapes say less than its labels).
        if columns and (len(rows), len(columns)) > (len(best[0]), len(best[1])):
            best = (rows, columns)
    rows, columns = best
    return pl.DataFrame([{c: row.get(c) for c in columns} for row in rows], infer_schema_length=None) \
        if rows else pl.DataFrame()


def readable(frame: pl.DataFrame, headers: dict[str, str]) -> pl.DataFrame:
    """The figures a reader reads in the page's table: the columns the chart names (an axis, legend or tooltip
    title, in the page's language), each title once: the last column of a title, which is the figure a
    reader reads where a chart names two alike (a bar's start and its count, a share and its "1/5 · 20 %").
    The others are the drawing's helpers (a colour key such as `role`, a position, a sort order, a code);
    the CSV and JSON keep every column."""
    last = {headers[c]: c for c in frame.columns if headers.get(c)}
    return frame.select([c for c in frame.columns if headers.get(c) and last[headers[c]] == c])


def to_csv(frame: pl.DataFrame) -> bytes:
    """UTF-8 CSV with a header, as Excel and every statistics tool reads it (dot decimals)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.iter_rows():
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")


def to_json(frame: pl.DataFrame, meta: dict) -> bytes:
    """The figures with what they are (title, source, data date, the page they come from)."""
    return (json.dumps({**meta, "columns": frame.columns, "rows": frame.rows(named=True)}, ensure_ascii=False,
                       indent=1, default=str) + "\n").encode("utf-8")


def titles(spec: dict) -> dict[str, str]:
    """Each figure column's title as the chart names it (its axis, legend or tooltip title)."""
    out: dict[str, str] = {}

    def visit(node) -> None:
        if isinstance(node, dict):
            name, title = node.get("field"), node.get("title")
            if isinstance(name, str) and isinstance(title, str) and title:
                out.setdefault(name.removeprefix("properties."), title)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for key in ("encoding", "layer", "vconcat", "hconcat", "concat", "spec"):
        visit(spec.get(key))
    return out
