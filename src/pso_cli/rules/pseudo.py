"""The checks pso reports under its own codes, beside the rules: the verdict itself, a
fragile verdict, an accepted concern that took no effect, an input that could not be
read. They appear in SARIF, JUnit and GitHub annotations like rules, so `pso explain`
explains them too; they are not in the catalogue (`pso rules`), since no profile can
switch them off or weigh them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pseudo:
    code: str
    name: str
    title: str
    lines: tuple[str, ...]  # the explanation, one paragraph or list item a line


VERDICT = Pseudo(
    "PSO-VERDICT",
    "verdict",
    "The overall verdict on a proposal",
    (
        "One result per proposal assessed: an error where the verdict reaches --fail-on "
        "(default do-not-recommend), otherwise a note. The verdict is reached in this order; "
        "the first that applies decides:",
        "1. do-not-recommend: a gate is not met (the legal basis is unlawful where the "
        "operation acts, or it is neither UN-led nor with coalition partners), or a "
        "do-not-recommend veto of the profile applies (duty of care, national command).",
        "2. further-analysis: a rule could not run; the legal basis is contested (without "
        "legal advice that it is lawful) or unknown; a further-analysis veto applies until "
        "the gap is closed; a must-have fact of the profile is unknown; a gate cannot be "
        "decided; too little is known (the profile's completeness floors, none by "
        "default).",
        "3. The score (the value model: each attribute's value, weighted within its "
        "consideration, the considerations weighted by the profile) and its range (every "
        "unknown fact at its worst and at its best level) decide the rest: the whole range "
        "below {with_conditions:g}: do-not-recommend; a range that straddles "
        "{with_conditions:g}: further-analysis (the unknown facts decide it); otherwise "
        "recommend-with-conditions when the score is below {recommend:g}, a condition or a "
        "significant concern remains, or the range reaches below {recommend:g}; and "
        "recommend when none of these holds.",
        "The thresholds shown are the profile's ({profile}); pso criteria show prints them.",
    ),
)
FRAGILE = Pseudo(
    "PSO-FRAGILE",
    "fragile-verdict",
    "The verdict flips with a small change of weights",
    (
        "Reported with --sensitivity (and --fail-on-fragile, which exits 1 when it is): a "
        "change of one consideration's weight smaller than the margin (0.05 by default, the "
        "others rescaled) would change the verdict.",
        "The sensitivity analysis also samples weights within ±50% of the profile's and the "
        "value functions within each attribute's band (seeded, --samples, --seed), and "
        "reports the share of samples that keep the verdict; a fragile verdict is a minor "
        "concern, never a change of the verdict itself.",
    ),
)
ACCEPTANCE = Pseudo(
    "PSO-ACCEPTANCE",
    "acceptance-not-applied",
    "An accepted concern was not applied",
    (
        "An entry of the proposal's accepted_concerns that took no effect, reported at the "
        "entry: it expired before the date the proposal is judged at, names an unknown "
        "rule or a retired one, is refused because the rule's finding is a blocker (a "
        "blocker cannot be accepted), or is unused (the rule raised no concern to accept). "
        "Unused is a note, the others a warning.",
        "An accepted concern that applies removes the concern's condition and its weight "
        "as a significant concern; the fact keeps its value. Every report lists each "
        "acceptance, applied or not, and why.",
    ),
)
INPUT = Pseudo(
    "PSO-INPUT",
    "invalid-input",
    "The input file is unreadable or invalid",
    (
        "A file that cannot be read, parsed or validated against the proposal format is "
        "not assessed: each problem is reported at its line and column, and the run exits "
        "3. pso validate checks files without assessing them.",
    ),
)
PSEUDO = {p.code: p for p in (VERDICT, FRAGILE, ACCEPTANCE, INPUT)}


def find(key: str) -> Pseudo | None:
    """A pseudo-rule by code (any case) or name."""
    return PSEUDO.get(key.upper()) or next((p for p in PSEUDO.values() if p.name == key), None)
