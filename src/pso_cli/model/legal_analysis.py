"""What the legal analysis (pso_cli.law) returns: an outcome, the basis relied on, and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LegalOutcome(StrEnum):
    LAWFUL = "lawful"  # a basis in international law is established on the stated facts
    CONTESTED = "contested"  # the stated facts leave the law unclear: legal advice decides
    UNLAWFUL = "unlawful"  # no basis permits the operation where it acts
    UNKNOWN = "unknown"  # facts that would decide it are not stated

    @property
    def rank(self) -> int:
        """Worse outcomes rank higher; the operation is as lawful as its worst place."""
        return _RANK[self]


_RANK = {
    LegalOutcome.LAWFUL: 0,
    LegalOutcome.UNKNOWN: 1,
    LegalOutcome.CONTESTED: 2,
    LegalOutcome.UNLAWFUL: 3,
}


class Basis(StrEnum):
    """The kinds of basis the Charter allows for a foreign force's presence or force."""

    CONSENT = "consent"  # of the lawful government of the state where the operation acts
    CHAPTER_VII = "chapter-vii"  # a Security Council authorisation adopted for this situation
    SELF_DEFENCE = "self-defence"  # Article 51, individual or collective
    TREATY = "treaty"  # consent given in advance by a treaty the state is party to
    HIGH_SEAS = "high-seas"  # freedom of navigation outside any state's territory
    NONE = "none"


class Status(StrEnum):
    """How one kind of basis stands on the facts, for one place (the table's inputs)."""

    VALID = "valid"
    DOUBTFUL = "doubtful"  # stated, but its validity is contested in law
    PRESENCE_ONLY = "presence-only"  # a Chapter VII resolution that authorises no force
    ABSENT = "absent"  # stated not to exist, or refused
    UNCLEAR = "unclear"  # stated, but a fact that decides it is not
    UNKNOWN = "unknown"  # not stated at all
    NONE = "none"  # not relied on


@dataclass(frozen=True, slots=True)
class Reading:
    """One basis as it stands: the status, a clause for the reason, and its field."""

    status: Status
    clause: str
    field: str
    question: str = ""  # a fact to state (unclear) or a question for legal advice (doubtful)


@dataclass(frozen=True, slots=True)
class Place:
    """The analysis for one place where the operation acts."""

    where: str  # "the territory of Solomon Islands", "international waters"
    outcome: LegalOutcome
    basis: Basis
    reason: str
    field: str
    row: int  # the decision-table row that decided it


@dataclass(frozen=True, slots=True)
class LegalAnalysis:
    outcome: LegalOutcome
    basis: Basis  # the basis relied on (NONE unless lawful, or lawful on advice)
    bases: tuple[str, ...]  # every valid basis, described, strongest first
    reason: str  # one sentence: the outcome and why
    field: str  # the field whose fact decided it, for the report's location
    questions: tuple[str, ...]  # legal questions (contested) or facts to state (unknown)
    notes: tuple[str, ...]  # what does not count as a basis, and why
    places: tuple[Place, ...]
    advice: str = ""  # legal advice relied on for a contested outcome, if any
    resolutions: tuple[str, ...] = ()  # how each resolution stated was read, in order

    @property
    def advised_lawful(self) -> bool:
        """Contested in law, but legal advisers have concluded there is a basis."""
        return self.outcome is LegalOutcome.CONTESTED and bool(self.advice)
