"""Finds the line of each key and table in a TOML text, which tomllib does not report.

A problem in hyte.toml is reported at the line a coordinator has to edit. The scan knows TOML's
line structure only (tables, arrays of tables, `key = value`, dotted keys, multi-line strings and
arrays); the values themselves are tomllib's business, and the text has already parsed when this runs.
"""

from __future__ import annotations

import re

Path = tuple  # ("indicators", 2, "target"): table names and keys, the index of an [[array]] entry

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?")
_KEY = re.compile(rf"^\s*({_DOTTED})\s*=(.*)$")
_PART = re.compile(_BARE_OR_QUOTED)


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p[1:-1] if p[0] in "\"'" else p for p in _PART.findall(dotted))


def _open_brackets(value: str) -> tuple[int, str | None]:
    """Bracket depth left open at the end of a value, and an unclosed multi-line string's quotes."""
    depth, i = 0, 0
    while i < len(value):
        c = value[i]
        if value.startswith(('"""', "'''"), i):
            quote = value[i:i + 3]
            end = value.find(quote, i + 3)
            if end < 0:
                return depth, quote
            i = end + 3
            continue
        if c in "\"'":
            end = i + 1
            while end < len(value) and value[end] != c:
                end += 2 if c == '"' and value[end] == "\\" else 1
            i = end + 1
            continue
        if c == "#":
            break
        depth += (c in "[{") - (c in "]}")
        i += 1
    return depth, None


def key_lines(text: str) -> dict[Path, int]:
    """Every table and key of a TOML text with its 1-based line; the first occurrence wins."""
    lines: dict[Path, int] = {}
    arrays: dict[tuple[str, ...], int] = {}
    table: Path = ()
    depth, in_string = 0, None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if in_string in line:
                depth, in_string = _open_brackets(line[line.index(in_string) + 3:])
            continue
        if depth > 0:
            more, in_string = _open_brackets(line)
            depth += more
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = _parts(header.group(2))
            if header.group(1) == "[[":
                arrays[names] = arrays.get(names, -1) + 1
                lines.setdefault(names, number)
                table = (*names, arrays[names])
            else:
                table = names
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, *_parts(key.group(1)))
            for end in range(len(table) + 1, len(path) + 1):
                lines.setdefault(path[:end], number)
            depth, in_string = _open_brackets(key.group(2))
    return lines


def line_of(lines: dict[Path, int], path: Path) -> int:
    """The line of `path`, else of the nearest enclosing key or table found (a missing key: its table);
    line 1 when even the table is missing."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1
