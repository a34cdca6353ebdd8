"""What the data-status screen shows, in one language, as one value: the pipeline's runs, what the
last rejected load found, each source's freshness, rows per table and the change log.

Composed on each run from the cached reads (run log, freshness and rejections expire after a
minute; the change log is read fresh: a refused upload shows at once). The coordinators' forms
(upload, restore, refresh, public link) are widgets of their own (dashboard.data_status.widgets).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core import screen
from dashboard.core.cache import Store
from dashboard.core.formatting import fmt_datetime, plain
from dashboard.core.i18n import translate
from dashboard.core.model import INFO, Heading, Message, Table
from dashboard.data_status import cache
from dashboard.data_status import view


@dataclass(frozen=True)
class Source:
    """A source's freshness: its name and status word (Markdown-safe) and its notes as one line."""

    name: str
    status: str
    fresh: bool
    notes: str


@dataclass(frozen=True)
class DataStatusModel:
    heading: Heading
    runs_title: str
    runs: Table | None
    no_runs: Message | None
    rejected_title: str
    rejected_intro: str | None
    rejected: Table | None
    no_rejected: Message | None
    freshness_title: str
    no_sources: Message | None
    sources: tuple[Source, ...]
    counts_title: str
    counts: Table
    audit_title: str
    audit: Table | None
    no_audit: Message | None
    changes_title: str = ""
    changes: Table | None = None  # registers by their last change, newest first


def freshness(store: Store, lang: str) -> tuple[Source, ...]:
    """Each source: fresh or not, its status word, when it was last fetched and its attribution."""
    return tuple(Source(plain(s["source"]), s["status"], s["fresh"],
                        " · ".join(note for note in (s["last_success"], s["data_updated"], plain(s["message"]),
                                                     plain(s["attribution"])) if note))
                 for s in view.freshness(cache.source_freshness(store, cache.newest_run(store)), lang))


def build(store: Store, lang: str) -> DataStatusModel:
    runs_title = translate("status.runs", lang)
    newest = cache.newest_run(store)
    runs = cache.load_runs(store, newest)
    rejected_title = translate("status.rejected", lang)
    rejected_run = cache.latest_run(store, "rejected", newest).to_dicts()
    intro = rejected = None
    if rejected_run:
        run = rejected_run[0]
        intro = translate("status.rejected_intro", lang, when=fmt_datetime(run["started_at"], lang))
        rejected = Table(view.rejected(cache.rejected_inputs(store, run["id"]), lang), rejected_title, "hylatyt-rivit")
    sources = freshness(store, lang)
    counts_title, audit_title = translate("status.counts", lang), translate("audit.title", lang)
    changes = cache.audit_log(store)
    registers = cache.register_changes(store)
    return DataStatusModel(
        heading=screen.heading(store, "page.data_status", lang),
        runs_title=runs_title,
        runs=Table(view.runs(runs, lang), runs_title, "latausajot") if runs.height else None,
        no_runs=None if runs.height else Message(INFO, translate("status.no_runs", lang)),
        rejected_title=rejected_title, rejected_intro=intro, rejected=rejected,
        no_rejected=None if rejected_run else Message(INFO, translate("status.no_rejected", lang)),
        freshness_title=translate("status.freshness", lang),
        no_sources=None if sources else Message(INFO, translate("status.no_sources", lang)),
        sources=sources,
        counts_title=counts_title,
        counts=Table(view.row_counts(cache.row_counts(store), lang), counts_title, "rivimaarat"),
        audit_title=audit_title,
        audit=Table(view.audit(changes, lang), audit_title, "muutosloki") if changes.height else None,
        no_audit=None if changes.height else Message(INFO, translate("audit.none", lang)),
        changes_title=translate("status.changes", lang),
        changes=Table(view.register_changes(registers, lang, cache.package_files(store)),
                      translate("status.changes", lang), "rekisterimuutokset"))
