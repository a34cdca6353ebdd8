"""A problem found in an input file, reported as `file:line: column: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: str
    message: str

    def __str__(self) -> str:
        # A problem with a whole file points at its first line: an empty `file::` reads as a glitch,
        # and editors and `file:line:` parsers need a number.
        line = 1 if self.line is None else self.line
        return f"{self.file}:{line}: {self.column or '-'}: {self.message}"


class RejectedInput(Exception):
    """Input that cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column, p.message))
        super().__init__(f"{len(self.problems)} problem(s) in the input")
