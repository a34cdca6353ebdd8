"""The package's language proposed from the municipality's languages, as the Language Act (423/2003) reads.

A municipality is bilingual when its linguistic minority is at least 8 % of the residents or at least
3,000 people (§ 5); otherwise it is unilingual in its majority's language. Sotkanet carries the share
of Swedish speakers (indicator 2343, Statistics Finland's population by language) and the speakers of
other languages than Finnish, Swedish or Sami per 1,000 residents (187): Finnish speakers are what
remains. So Närpes (mostly Swedish, with many speakers of other languages and few Finnish ones) is
Swedish, Porvoo (a third Swedish) bilingual with Finnish first, Raseborg (two thirds Swedish, most of
the rest Finnish) bilingual with Swedish first, Lohja (4 %, but more than 3,000 people) bilingual by the
count, Kangasala Finnish.

The proposal is a starting point, written into hyte.toml with its reason; `hyte init --lang` and the
setup screen's choice put the language asked for first.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_pipeline.i18n import LANGUAGES, Decimal, Message, grouped, msg
from data_pipeline.sources.http import JsonClient, SourceError

SWEDISH_SHARE = 2343  # Swedish-speaking population, % of the population 31.12.
OTHER_LANGUAGES = 187  # other than Finnish, Swedish or Sami as mother tongue, per 1,000 residents
BILINGUAL_SHARE = 8.0  # % of the residents (Language Act 423/2003 § 5)
BILINGUAL_COUNT = 3_000  # residents


@dataclass(frozen=True)
class LanguageProposal:
    languages: tuple[str, ...]  # primary first
    reason: str  # majority, majority_bilingual, share, count, finnish, unknown
    year: int | None = None
    swedish_share: float | None = None  # % of the residents
    swedish_speakers: int | None = None
    finnish_share: float | None = None  # estimated: what Swedish and other languages leave
    finnish_speakers: int | None = None

    def why(self) -> Message:
        """The reason in words (the hyte.toml comment, what `hyte init` and the setup screen say)."""
        if self.reason == "unknown":
            return msg("language.reason.unknown", indicator=SWEDISH_SHARE)
        return msg(f"language.reason.{self.reason}", share=Decimal(self.swedish_share or 0.0),
                   speakers=grouped(self.swedish_speakers or 0), year=self.year, indicator=SWEDISH_SHARE,
                   finnish_share=Decimal(self.finnish_share or 0.0), finnish=grouped(self.finnish_speakers or 0))


def _bilingual(share: float, speakers: int) -> bool:
    return share >= BILINGUAL_SHARE or speakers >= BILINGUAL_COUNT


def propose_languages(swedish_share: float | None, population: int | None, other_per_1000: float | None = None,
                      year: int | None = None) -> LanguageProposal:
    """The languages of a municipality with `swedish_share` % Swedish speakers among `population`
    residents (`other_per_1000`: speakers of other languages, for the Finnish share where Swedish is
    the majority)."""
    if swedish_share is None or population is None:
        return LanguageProposal(("fi",), "unknown", year)
    speakers = round(population * swedish_share / 100)
    base = {"year": year, "swedish_share": swedish_share, "swedish_speakers": speakers}
    if swedish_share > 50:
        if other_per_1000 is None:  # the Finnish minority is not known: Swedish, as the majority speaks
            return LanguageProposal(("sv",), "majority", **base)
        finnish = max(0.0, 100 - swedish_share - other_per_1000 / 10)
        finnish_speakers = round(population * finnish / 100)
        both = _bilingual(finnish, finnish_speakers)
        return LanguageProposal(("sv", "fi") if both else ("sv",), "majority_bilingual" if both else "majority",
                                **base, finnish_share=finnish, finnish_speakers=finnish_speakers)
    if swedish_share >= BILINGUAL_SHARE:
        return LanguageProposal(("fi", "sv"), "share", **base)
    if speakers >= BILINGUAL_COUNT:
        return LanguageProposal(("fi", "sv"), "count", **base)
    return LanguageProposal(("fi",), "finnish", **base)


def asked_first(proposed: tuple[str, ...], asked: str | None) -> tuple[str, ...]:
    """The package's languages when a language was asked for (`--lang sv`, the setup screen's choice): it
    comes first, the municipality's other official language stays beside it."""
    if asked is None or asked not in LANGUAGES:
        return proposed
    return (asked, *(lang for lang in proposed if lang != asked))


def language_figures(client: JsonClient, year: int | None) -> tuple[dict[int, float], dict[int, float]]:
    """Swedish speakers % (2343) and other languages per 1,000 (187) for every region in `year`, as
    region id -> value; empty when Sotkanet does not answer (the proposal is then Finnish, and says why)."""
    if year is None:
        return {}, {}
    out: list[dict[int, float]] = []
    for indicator in (SWEDISH_SHARE, OTHER_LANGUAGES):
        try:
            rows = client.get("json", msg("init.what.languages", indicator=indicator),
                              [("indicator", indicator), ("years", year - 1), ("years", year), ("genders", "total")])
        except SourceError:
            rows = []
        by_region: dict[int, tuple[int, float]] = {}
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and row.get("value") is not None and row.get("gender", "total") == "total":
                rid, row_year = int(row["region"]), int(row["year"])
                if rid not in by_region or by_region[rid][0] < row_year:  # the latest of the two years
                    by_region[rid] = (row_year, float(row["value"]))
        out.append({rid: value for rid, (_, value) in by_region.items()})
    return out[0], out[1]
