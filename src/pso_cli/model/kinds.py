"""The enumerations of results: considerations, outcomes, severities and verdicts.

Kept apart from the result classes in findings.py (which re-exports them) so that a
module needing only these, such as the profile model, does not pay for building those
dataclasses at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Consideration(StrEnum):
    """The four considerations of the MFAT policy text, in its order."""

    STRATEGIC = "strategic"
    LEGALITY = "legality"
    AGENCIES = "agencies"
    ALTERNATIVES = "alternatives"

    @property
    def title(self) -> str:  # type: ignore[override]  # a label, not str.title()
        return _TITLES[self]


_TITLES = {
    Consideration.STRATEGIC: "Strategic implications",
    Consideration.LEGALITY: "Legality under international law",
    Consideration.AGENCIES: "Implications for NZ agencies",
    Consideration.ALTERNATIVES: "Alternative options",
}


class Outcome(StrEnum):
    SUPPORTS = "supports"
    CONCERN = "concern"
    BLOCKER = "blocker"
    MISSING = "missing-information"
    INFO = "info"
    ERROR = "error"  # the rule itself failed; never hidden


class Severity(StrEnum):
    """How much a finding matters; profiles may override a rule's default."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Verdict(StrEnum):
    RECOMMEND = "recommend"
    WITH_CONDITIONS = "recommend-with-conditions"
    FURTHER_ANALYSIS = "further-analysis"
    DO_NOT_RECOMMEND = "do-not-recommend"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)
