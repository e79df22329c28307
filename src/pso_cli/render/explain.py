"""What a report says of an assessment, as plain sentences: the reasons with their points,
the facts to gather, the actions to take and the facts of the world the verdict depends on.

Renderers style and lay these out; nothing here knows about terminals. Points are points
of the overall score: an attribute's contribution is its share of the score (the
contributions add up to the score), its shortfall what it costs against its best level.
"""

from __future__ import annotations

from dataclasses import dataclass

from pso_cli.model.controls import Control, lever
from pso_cli.model.findings import (
    AcceptedConcernUse,
    Assessment,
    AttributeValue,
    Change,
    Finding,
    Outcome,
    Verdict,
)
from pso_cli.model.legal_analysis import Basis, LegalOutcome

VERDICT_WORDS = {
    Verdict.RECOMMEND: "recommend it",
    Verdict.WITH_CONDITIONS: "recommend it with conditions",
    Verdict.FURTHER_ANALYSIS: "advise further analysis",
    Verdict.DO_NOT_RECOMMEND: "not recommend it",
}
BASIS_WORDS = {
    Basis.CONSENT: "on the host's consent",
    Basis.CHAPTER_VII: "on a Chapter VII authorisation",
    Basis.SELF_DEFENCE: "on self-defence (Article 51)",
    Basis.TREATY: "on a treaty",
    Basis.HIGH_SEAS: "on the freedom of the high seas",
    Basis.NONE: "",
}
STATED = "(stated)"


def where(a: Assessment, line: int, column: int | None = None) -> str:
    return f"{a.path}:{line}" + (f":{column}" if column else "")


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """The text ending in one full stop (never '..' or '.).')."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


@dataclass(frozen=True, slots=True)
class Reason:
    """An attribute that decides the score: for it (points it earns) or against (points
    it costs against its best level)."""

    attribute: AttributeValue
    points: float  # > 0 for, < 0 against

    def text(self, a: Assessment) -> str:
        x = self.attribute
        return f"{x.title}: {x.level} ({where(a, x.line)})"


def _shares(a: Assessment) -> dict[str, tuple[float, float]]:
    """Per known attribute: (points of the overall score it earns, points it costs)."""
    scored = [c for c in a.considerations if c.score is not None and c.weight > 0]
    total = sum(c.weight for c in scored) or 1.0
    weight = {c.consideration: c.weight / total for c in scored}
    known = {c.consideration: 0.0 for c in scored}
    for x in a.attributes:
        if x.value is not None and x.consideration in known:
            known[x.consideration] += x.weight
    out = {}
    for x in a.attributes:
        w = weight.get(x.consideration)
        if x.value is None or w is None or not known[x.consideration]:
            continue
        share = w * x.weight / known[x.consideration]
        out[x.code] = (share * x.value, share * (100 - x.value))
    return out


def reasons(a: Assessment, most: int = 5, against_most: int = 3) -> list[Reason]:
    """The largest contributions and the largest shortfalls: each attribute on one side
    (its value at least 50: for; below: against), at most `most` in all."""
    pro: list[Reason] = []
    con: list[Reason] = []
    shares = _shares(a)
    for x in a.attributes:
        if x.code in shares and x.value is not None:
            won, lost = shares[x.code]
            (pro if x.value >= 50 else con).append(Reason(x, won if x.value >= 50 else -lost))
    con = sorted(con, key=lambda r: (r.points, r.attribute.code))[:against_most]
    pro = sorted(pro, key=lambda r: (-r.points, r.attribute.code))[: max(most - len(con), 2)]
    return [*pro, *con]


def unknown_count(a: Assessment) -> int:
    """Facts unknown: every field a rule reported missing, and every must-have unknown."""
    fields = {f.field for f in a.findings if f.outcome == Outcome.MISSING}
    return len(fields | {m[0] for m in a.missing_facts})


def score_line(a: Assessment) -> str:
    n = unknown_count(a)
    facts = f"{n} fact{'s' * (n != 1)} unknown"
    if a.score is None:
        return f"No score: nothing it weighs is stated (completeness {a.completeness:.0%}; {facts})"
    return (
        f"Score {a.score:.0f} (range {a.score_low:.0f}–{a.score_high:.0f}; completeness "
        f"{a.completeness:.0%}; {facts})"
    )


def law_line(a: Assessment, short: bool = False) -> str:
    """The legal analysis in one line, without a final full stop: outcome, basis, and
    the first question (`short`: without the reason, which the verdict's already gives)."""
    law = a.legal
    if law is None:
        return "Law: not analysed"
    basis = BASIS_WORDS.get(law.basis, "")
    if law.outcome is LegalOutcome.LAWFUL:
        return f"Law: lawful {basis}".rstrip()
    if law.advised_lawful:
        return f"Law: contested, lawful on legal advice ({law.advice}) {basis}".rstrip()
    reason = sentence(law.reason)[:-1]
    why = ", for the reason above" if short else f": {reason}"
    question = f"; first question: {sentence(law.questions[0])[:-1]}" if law.questions else ""
    if law.outcome is LegalOutcome.UNLAWFUL:
        question = ""
    if not short and reason.casefold().startswith(f"{law.outcome.value} "):
        return f"Law: {reason[:1].lower()}{reason[1:]}{question}"  # not "unknown: Unknown in"
    return f"Law: {law.outcome.value}{why}{question}"


def range_widening(a: Assessment) -> dict[str, float]:
    """Per unknown attribute: the points of the overall range it opens (worst to best)."""
    total = sum(c.weight for c in a.considerations if c.weight > 0) or 1.0
    out = {}
    for c in a.considerations:
        mine = [x for x in a.attributes if x.consideration == c.consideration]
        swing = sum(x.weight for x in mine) or 1.0
        for x in mine:
            if x.value is None:
                out[x.code] = c.weight / total * x.weight / swing * 100
    return out


@dataclass(frozen=True, slots=True)
class Fact:
    text: str
    line: int


def facts_to_gather(a: Assessment) -> list[Fact]:
    """Must-have facts unknown first, then the unknowns that widen the range most, then
    any other fact a rule reported missing."""
    out: list[Fact] = []
    seen: set[str] = set()
    for field, line, _ in a.missing_facts:
        lev = lever(field)
        noun = first_upper(lev.noun) if lev else field
        out.append(Fact(f"{noun} ({field}): pso must know it to advise", line))
        seen.add(field)
    missing = [f for f in a.findings if f.outcome == Outcome.MISSING]
    widen = range_widening(a)
    for code in sorted(widen, key=lambda c: (-widen[c], c)):
        mine = [f for f in missing if f.rule == code and f.field not in seen]
        if not mine:
            continue
        seen.update(f.field for f in mine)
        more = f" (and {len(mine) - 1} more like it)" if len(mine) > 1 else ""
        out.append(
            Fact(
                f"{sentence(mine[0].message)[:-1]}{more}: widens the range by "
                f"{widen[code]:.1f} points",
                mine[0].line,
            )
        )
    for f in missing:
        if f.field not in seen:
            seen.add(f.field)
            out.append(Fact(sentence(f.message)[:-1], f.line))
    return out


def _value(c: Change) -> str:
    return "stated" if c.value == STATED else f"'{c.value}'"


def _at(field: str, line: int | None) -> str:
    return f"({field}, line {line})" if line else f"({field})"


def action_text(c: Change, line: int | None = None) -> str:
    """'Conclude a status-of-forces agreement (legal_basis.status_of_forces.status)'."""
    lev = lever(c.field)
    if lev is None or lev.control is not Control.ACTION:
        return f"Set {c.field} to {_value(c)} {_at(c.field, line)}"
    act = lev.state if c.current is None and lev.state else lev.act
    value = "" if c.value == STATED else c.value
    return f"{act.format(value=value)} {_at(c.field, line)}".replace("  ", " ")


def _clause(c: Change) -> str:
    lev = lever(c.field)
    noun = lev.noun if lev else c.field
    if lev is not None and lev.yes and c.value in ("true", "false"):
        said = lev.yes if c.value == "true" else lev.no
        return said + (" (not stated now)" if c.current is None else "")
    if c.value == STATED:
        return f"{noun} were stated"
    if c.current is None:
        return f"{noun}, not stated now, were '{c.value}'"
    return f"{noun} were '{c.value}' rather than '{c.current}'"


def world_text(c: Change, line: int | None = None) -> str:
    """'if the threat were 'moderate' rather than 'high', pso would recommend it with
    conditions (risk.threat_level)'."""
    return f"if {_clause(c)}, pso would {VERDICT_WORDS[c.verdict]} {_at(c.field, line)}"


def actions(a: Assessment) -> tuple[list[Change], list[Change]]:
    """(single actions that move the verdict, actions that do only together)."""
    mine = [c for c in a.changes or () if c.control == Control.ACTION.value]
    return [c for c in mine if not c.jointly], [c for c in mine if c.jointly]


def depends_on(a: Assessment) -> list[Change]:
    """Facts of the world that would move the verdict: worse first, then better."""
    better = [c for c in a.changes or () if c.control == Control.WORLD.value and not c.jointly]
    return [*a.reversals, *better]


def significant_concerns(a: Assessment) -> list[Finding]:
    """The concerns a recommendation with conditions weighs when it lists no condition."""
    return [
        f for f in a.findings
        if f.outcome == Outcome.CONCERN and not f.accepted and f.severity.rank >= 2
    ]  # fmt: skip


NOT_APPLIED = {
    "expired": "expired",
    "refused-blocker": "a blocker cannot be accepted",
    "unused": "no concern to accept",
    "unknown-rule": "no such rule",
    "retired": "the rule is retired",
}


def named(u: AcceptedConcernUse) -> str:
    """The rule an acceptance applies to, and the retired code it was written with."""
    return f"{u.rule} (written as {u.written_as})" if u.written_as else u.rule


def _as(u: AcceptedConcernUse) -> str:
    return f"written as {u.written_as}; " if u.written_as else ""


def acceptances(a: Assessment) -> str:
    """The proposal's accepted concerns in one sentence: those applied, and each one
    that was not, with why ('' if there are none)."""
    if not a.accepted:
        return ""
    applied = [f"{named(u)} ({u.approver})" for u in a.accepted if u.status == "applied"]
    bad = [
        f"{u.rule} ({_as(u)}{NOT_APPLIED.get(u.status, u.status)}, line {u.line})"
        for u in a.accepted
        if u.status != "applied"
    ]
    parts = [f"applied: {', '.join(applied)}"] if applied else []
    parts += [f"not applied: {'; '.join(bad)}"] if bad else []
    return f"Accepted concerns {'; '.join(parts)}"
