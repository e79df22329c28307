"""Phrases every report format shares, so the formats say the same thing the same way.

The score with its range and completeness, the legal analysis in one line, what each
accepted-concern status means, and what a gate or a veto is called. Plain text
only: each renderer escapes what it takes from here for its own markup.
"""

from __future__ import annotations

from pso_cli.model.findings import AcceptedConcernUse, Assessment, Gate
from pso_cli.rules.retired import successor

__all__ = [
    "ACCEPTANCE_STATUSES",
    "GATE_STATUSES",
    "acceptance_note",
    "gate_kind",
    "legal_line",
    "overall_sum",
    "range_text",
    "score_text",
    "unknown_count",
]

ACCEPTANCE_STATUSES = ("applied", "expired", "refused-blocker", "unused", "unknown-rule", "retired")
GATE_STATUSES = ("passed", "failed", "contested", "unknown")

_NOT_APPLIED = {
    "refused-blocker": "not applied: a blocker cannot be accepted",
    "unused": "not applied: the rule raised no concern to accept",
    "unknown-rule": "not applied: no rule has this code or name",
}


def acceptance_note(u: AcceptedConcernUse) -> str:
    """What happened to an accepted concern, in a few words."""
    if u.written_as:
        why = successor(u.written_as)
        moved = f"written as {u.written_as}, a retired code" + (f" ({why[1]})" if why else "")
        return f"{moved}, read as {u.rule}: {_plain(u)}"
    return _plain(u)


def _plain(u: AcceptedConcernUse) -> str:
    if u.status == "applied":
        return "applied: the concern stays counted but sets no condition"
    if u.status == "expired":
        return f"not applied: the acceptance expired on {u.expires}"
    if u.status == "retired":
        why = successor(u.rule)
        return "not applied: the rule is retired" + (f" ({why[1]})" if why else "")
    return _NOT_APPLIED.get(u.status, f"not applied: {u.status}")


def unknown_count(a: Assessment) -> int:
    """How many attributes that apply to this proposal have an unknown level."""
    return sum(1 for x in a.attributes if x.level is None)


def range_text(low: float, high: float) -> str:
    return f"{low:.1f}–{high:.1f}"


def score_text(a: Assessment) -> str:
    """'62.0 (range 48.0–77.0; 4 facts unknown; completeness 75%)'."""
    n = unknown_count(a)
    unknown = f"{n} fact{'s' * (n != 1)} unknown" if n else "every fact stated"
    tail = f"range {range_text(a.score_low, a.score_high)}; {unknown}; completeness "
    tail += f"{a.completeness:.0%}"
    if a.score is None:
        return f"not scored: nothing it weighs is stated ({tail})"
    return f"{a.score:.1f} ({tail})"


def legal_line(a: Assessment) -> str | None:
    """The analysis's one-sentence reason (it names the outcome), then the basis relied on
    and any advice; None without an analysis."""
    law = a.legal
    if law is None:
        return None
    text = law.reason
    if law.basis.value != "none":
        text += f" Basis relied on: {law.basis.value}."
    if law.advised_lawful:
        text += f" Lawful on the legal advice given: {law.advice}"
    return text


def overall_sum(a: Assessment) -> str | None:
    """'(0.30 × 97.6 + 0.30 × 100.0) / 0.60 = 98.8': the overall score from the
    considerations scored; None when nothing is scored."""
    scored = [c for c in a.considerations if c.score is not None and c.weight > 0]
    if a.score is None or not scored:
        return None
    parts = " + ".join(f"{c.weight:.2f} × {c.score:.1f}" for c in scored)
    total = sum(c.weight for c in scored)
    return f"({parts}) / {total:.2f} = {a.score:.1f}"


def gate_kind(g: Gate) -> str:
    return "Veto" if g.kind == "veto" else "Gate"
