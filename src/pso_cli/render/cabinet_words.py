"""Words for the Cabinet-paper draft: enumerations as prose, lists, dates and money.

A Cabinet paper never shows a value as the proposal format spells it (`does-not`,
`regional-organisation`) or a field's internal name (`risk.threat_level`): each
enumeration here has the phrase an officer would write, and a field named in an
engine message ("... before deployment (risk.force_protection.mitigation).") is
lifted out of the sentence to become its footnote instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import Enum

from pso_cli.model import enums as e
from pso_cli.model.findings import Verdict
from pso_cli.model.legal_analysis import LegalOutcome
from pso_cli.model.proposal import Proposal

CLASSIFICATION = "[IN CONFIDENCE — draft for officials]"
NOT_STATED = "not stated"
NOT_ASSESSED = "not assessed"

VERDICT_PHRASES = {
    Verdict.RECOMMEND: "officials recommend the contribution",
    Verdict.WITH_CONDITIONS: "officials recommend the contribution, subject to conditions",
    Verdict.FURTHER_ANALYSIS: "officials cannot yet advise on the contribution",
    Verdict.DO_NOT_RECOMMEND: "officials do not recommend the contribution",
}
VERDICT_SHORT = {
    Verdict.RECOMMEND: "Recommended",
    Verdict.WITH_CONDITIONS: "Recommended, with conditions",
    Verdict.FURTHER_ANALYSIS: "Further analysis needed",
    Verdict.DO_NOT_RECOMMEND: "Not recommended",
}
LEGAL_PHRASES = {
    LegalOutcome.LAWFUL: "lawful",
    LegalOutcome.CONTESTED: "contested",
    LegalOutcome.UNLAWFUL: "no lawful basis",
    LegalOutcome.UNKNOWN: "not yet established",
}
LEGAL_FINDINGS = {
    LegalOutcome.LAWFUL: "finds a basis in international law for the contribution",
    LegalOutcome.CONTESTED: "finds the legal basis for the contribution contested",
    LegalOutcome.UNLAWFUL: "finds no basis in international law for the contribution",
    LegalOutcome.UNKNOWN: "cannot yet establish a legal basis for the contribution",
}
ADVISERS = "For confirmation by legal advisers."
GATE_STATUS = {
    "passed": "met",
    "failed": "not met",
    "contested": "contested",
    "unknown": "not yet known",
}

_PHRASES: dict[Enum, str] = {
    e.Arrangement.UN_LED: "a United Nations-led operation",
    e.Arrangement.REGIONAL_ORGANISATION: "a regional mission",
    e.Arrangement.COALITION: "a coalition operation",
    e.Arrangement.BILATERAL: "a bilateral arrangement",
    e.Arrangement.NZ_LED: "a New Zealand-led operation",
    e.Region.PACIFIC: "the Pacific",
    e.Region.ASIA: "Asia",
    e.Region.MIDDLE_EAST: "the Middle East",
    e.Region.AFRICA: "Africa",
    e.Region.EUROPE: "Europe",
    e.Region.AMERICAS: "the Americas",
    e.OperationType.UN_PEACEKEEPING: "a United Nations peacekeeping operation",
    e.OperationType.REGIONAL_ASSISTANCE: "a regional assistance mission",
    e.OperationType.STABILISATION: "a stabilisation operation",
    e.OperationType.TRUCE_MONITORING: "a truce-monitoring mission",
    e.OperationType.OBSERVER_MISSION: "an observer mission",
    e.OperationType.POLICE_ASSISTANCE: "a police assistance mission",
    e.OperationType.TRAINING: "a training mission",
    e.OperationType.HUMANITARIAN: "a humanitarian operation",
    e.OperationType.RECONSTRUCTION: "a reconstruction mission",
    e.OperationType.MARITIME_SECURITY: "a maritime security operation",
    e.OperationType.COMBAT_SUPPORT: "a combat-support operation",
    e.OperationType.ENFORCEMENT: "an enforcement operation",
    e.AlternativeEffect.MEETS: "would meet the objective",
    e.AlternativeEffect.PARTLY: "would partly meet the objective",
    e.AlternativeEffect.DOES_NOT: "would not meet the objective",
    e.Effect.ADVANCES: "advances",
    e.Effect.NEUTRAL: "is neutral for",
    e.Effect.HARMS: "harms",
    e.SofaStatus.EXCHANGE_OF_NOTES: "in an exchange of notes",
    e.SofaStatus.NEGOTIATING: "under negotiation",
    e.SofaStatus.NONE: "none",
    e.ForcePosture.SELF_DEFENCE: "self-defence only",
    e.ForcePosture.DEFENCE_OF_MANDATE: "self-defence and defence of the mandate",
    e.ForcePosture.ENFORCEMENT: "enforcement",
    e.LegalConclusion.CONTESTED: "that the question remains contested",
    e.LegalConclusion.LAWFUL: "that there is a lawful basis",
    e.LegalConclusion.UNLAWFUL: "that there is no lawful basis",
}


LED = {  # an arrangement followed by "led by <lead>" (no "United Nations-led ... led by")
    e.Arrangement.UN_LED: "a United Nations operation",
    e.Arrangement.NZ_LED: "an operation",
}
BACKING = {
    e.Backing.STRONG: "Regional backing is strong",
    e.Backing.SOME: "There is some regional backing",
    e.Backing.NONE: "There is no regional backing",
    e.Backing.OPPOSED: "Regional states or bodies oppose the operation",
}


def phrase(value: Enum | None) -> str:
    """An enumeration value as prose; a value without a phrase reads as its words."""
    if value is None:
        return NOT_STATED
    found = _PHRASES.get(value)
    return found if found is not None else str(value.value).replace("-", " ")


def clean(text: str) -> str:
    """Text from the file on one line: newlines and tabs cannot start markup or a line."""
    return " ".join(text.split())


def one_line(text: str) -> str:
    """Whitespace runs (newlines, tabs) as one space, keeping a space at either edge."""
    return re.sub(r"\s+", " ", text)


def sentence(text: str) -> str:
    """Capitalised, with one full stop at the end (never two)."""
    text = clean(text)
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", ".)")) else text + "."


def follow_on(text: str) -> str:
    """Text to follow on in a sentence: 'A gate is ...' -> 'a gate is ...' (not 'NZ ...')."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


_THE = (
    "United Nations", "United States", "United Kingdom", "European Union", "African Union",
    "Pacific Islands Forum", "Multinational", "Government of", "Republic of", "Commonwealth",
    "Intergovernmental", "International", "Security Council",
)  # fmt: skip


def with_the(name: str) -> str:
    """A name to follow on in a sentence: 'A coalition of ...' -> 'a coalition of ...',
    'United Nations' -> 'the United Nations', 'Australia' unchanged."""
    first, _, rest = name.partition(" ")
    if rest and first in ("A", "An", "The"):
        return f"{first.lower()} {rest}"
    return f"the {name}" if name.startswith(_THE) else name


def bare(name: str) -> str:
    """A name without its bracketed asides, to compare: 'Kaimoana Islands (fictional)'."""
    return clean(re.sub(r"\([^)]*\)", " ", name)).casefold()


def join(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = [clean(i) for i in items if clean(i)]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def date(day: dt.date | None) -> str:
    """New Zealand style: 24 July 2003."""
    if day is None:
        return NOT_STATED
    return f"{day.day} {day:%B %Y}"


def money(amount: float | None) -> str:
    if amount is None:
        return NOT_STATED
    if amount >= 1_000_000:
        millions = f"{amount / 1_000_000:,.2f}".rstrip("0").rstrip(".")
        return f"${millions} million"
    return f"${amount:,.0f}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


# A field path in parentheses: dotted (`risk.force_protection.mitigation`), indexed
# (`alternatives[0]`) or a top-level section (`legal_basis`) of the proposal format,
# never a word in brackets such as "(fictional)" or "(Government of Tonga)".
_FIELD = re.compile(r"\s*\(([a-z][a-z_0-9]*)((?:\[\d+\])?(?:\.[a-z_0-9]+(?:\[\d+\])?)*)\)")


def lift_fields(text: str) -> tuple[str, tuple[str, ...]]:
    """The sentence without the field paths it names in parentheses, and those paths."""
    fields: list[str] = []

    def lift(m: re.Match[str]) -> str:
        head, rest = m.group(1), m.group(2)
        if head not in Proposal.model_fields or not (rest or "_" in head):
            return m.group(0)
        fields.append(head + rest)
        return ""

    return clean(_FIELD.sub(lift, text)), tuple(fields)
