"""A problem found in an input file, reported as `file:line: column: message`.

The message is a key and its parameters (`data_pipeline.i18n.Message`), put into words when the problem
is shown: in the language of the package, of `--lang` or of the person who uploaded the file, which may
be known only after the problem was found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from data_pipeline.i18n import Message, grouped, msg_n

# At most this many problems are listed per file; the rest are counted. A file of 100 000 bad rows
# once listed 900 000 problems (73 s, 2.4 GB of app memory); the first 200 say what is wrong just as well.
MAX_LISTED_PER_FILE = 200
# Checking a file's rows stops after this many problems in it (unless the full list is being written):
# by then the file is clearly the wrong one, and 100 000 bad rows would otherwise cost half a minute of
# raising and formatting errors nobody reads. The count shown then says "at least".
STOP_AFTER_PER_FILE = 1_000


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: str
    message: Message
    # A summary line stands for this many further problems of its file that are not listed
    # (`at_least`: checking the file stopped early, so there may be more).
    more: int = field(default=0, compare=False)
    at_least: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        # A problem with a whole file points at its first line: an empty `file::` reads as a glitch,
        # and editors and `file:line:` parsers need a number.
        return self.text()

    def text(self, lang: str | None = None) -> str:
        """The problem line in `lang` (the pipeline's language if none)."""
        line = 1 if self.line is None else self.line
        return f"{self.file}:{line}: {self.column or '-'}: {self.message.text(lang)}"


def count(problems: Iterable[Problem]) -> int:
    """How many problems a (capped) list stands for: its summary lines count for what they replace."""
    return sum(p.more or 1 for p in problems)


def count_is_lower_bound(problems: Iterable[Problem]) -> bool:
    """Whether checking stopped early somewhere, so that `count` is "at least"."""
    return any(p.at_least for p in problems)


class ProblemList(list):
    """Problems, keeping at most `limit` per file and only counting the rest, so a file of 100 000 bad
    rows costs 200 objects, not 900 000. Every problem also goes to `sink` when one is given (the full
    list, written as it is found). `finished()` is the listed ones plus a summary line per capped file."""

    def __init__(self, limit: int | None = MAX_LISTED_PER_FILE, sink: Callable[[Problem], None] | None = None):
        super().__init__()
        self.limit = limit
        self.sink = sink
        self.counts: Counter[str] = Counter()
        self.stopped: dict[str, tuple[int, int]] = {}  # file -> (line where checking stopped, last line)

    def append(self, problem: Problem) -> None:
        self.counts[problem.file] += 1
        if self.sink is not None:
            self.sink(problem)
        if self.limit is None or self.counts[problem.file] <= self.limit:
            super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def should_stop(self, file: str) -> bool:
        """Whether checking `file` can stop here (enough problems found, and no full list wanted)."""
        return self.sink is None and self.limit is not None and self.counts[file] >= max(STOP_AFTER_PER_FILE,
                                                                                         self.limit)

    def stop(self, file: str, line: int, last_line: int) -> None:
        self.stopped[file] = (line, last_line)

    def finished(self) -> list[Problem]:
        out = list(self)
        for file, found in sorted(self.counts.items()):
            more = found - (self.limit or 0) if self.limit is not None else 0
            if more <= 0:
                continue
            if file in self.stopped:
                line, last = self.stopped[file]
                out.append(Problem(file, None, "-", msg_n("problems.more_stopped", more, line=grouped(line),
                                                          last=grouped(last), listed=grouped(self.limit)),
                                   more=more, at_least=True))
            else:
                out.append(Problem(file, None, "-", msg_n("problems.more_in_file", more, listed=grouped(self.limit),
                                                          found=grouped(found)), more=more))
        return out


class RejectedInput(Exception):
    """Input that cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column, str(p.message)))
        super().__init__(f"{len(self.problems)} problem(s) in the input")
