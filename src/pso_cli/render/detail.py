"""The full report (`pso assess --detail`): every finding, grouped by consideration, with
each attribute's level, value, weight and contribution, so that the score adds up; the
alternatives, every accepted concern in every status, the sensitivity and the references.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from pso_cli.model.findings import (
    Assessment,
    Consideration,
    ConsiderationResult,
    Finding,
    Outcome,
)
from pso_cli.render import brief as b
from pso_cli.render import explain as ex
from pso_cli.render.labels import OUTCOME_LABEL
from pso_cli.render.layout import Section, bullet, styled, wrap

MAX_BULLETS = 100  # lines of one list on a terminal; the JSON report has them all
_ATTENTION = (Outcome.BLOCKER, Outcome.ERROR, Outcome.CONCERN, Outcome.MISSING)
_SHOWN_FIRST = (
    Outcome.BLOCKER,
    Outcome.ERROR,
    Outcome.CONCERN,
    Outcome.MISSING,
    Outcome.SUPPORTS,
    Outcome.INFO,
)


def _heading(text: str, width: int) -> list[Text]:
    return wrap(styled((text, "bold underline")), width)


def _gates(a: Assessment, width: int) -> Section:
    items = [b._gate(a, g, width) for g in a.gates]
    return Section(_heading("Gates and vetoes (not compensated by points)", width), items)


def _attributes(a: Assessment, r: ConsiderationResult, width: int) -> list[list[Text]]:
    mine = [x for x in a.attributes if x.consideration == r.consideration]
    known = sum(x.weight for x in mine if x.value is not None)
    out = []
    for x in mine:
        if x.value is None:
            said = f"{x.code} {x.title}: unknown (weight {x.weight:g}; not counted: it widens "
            said += "the range)"
        else:
            said = (f"{x.code} {x.title}: {x.level}, value {x.value:g} × weight "
                    f"{x.weight:g}/{known:g} = {x.contribution:.1f}")  # fmt: skip
        out.append(wrap(f"{said} ({ex.where(a, x.line)})", width, "    ", "      "))
    if mine and r.score is not None:
        out.append(wrap(f"= {r.score:.1f}, the consideration's score", width, "    "))
    return out


def _consideration(a: Assessment, c: Consideration, width: int) -> Section | None:
    r = next((x for x in a.considerations if x.consideration == c), None)
    mine = [f for f in a.findings if f.consideration == c]
    if r is None and not mine:
        return None
    head = _heading(c.title, width)
    if r is not None:
        score = "no score (nothing stated)" if r.score is None else f"score {r.score:.0f}"
        head += wrap(f"Weight {r.weight:g}; {score} (range {r.low:.0f}–{r.high:.0f}); "
                     f"completeness {r.completeness:.0%}", width)  # fmt: skip
    items = []
    if r is not None and any(x.consideration == c for x in a.attributes):
        items.append(wrap("Attributes (level, value × weight = contribution):", width, "  "))
        items += _attributes(a, r, width)
    mine.sort(key=lambda f: _SHOWN_FIRST.index(f.outcome))
    if mine:
        items.append(wrap("Findings:", width, "  "))
    mine, hidden = _bounded(mine)
    for f in mine:
        label = styled((OUTCOME_LABEL[f.outcome], f"outcome.{f.outcome.value}"))
        tail = " [accepted]" if f.accepted else ""
        text = f" {f.rule} ({f.severity.value}): {f.message}{tail} ({ex.where(a, f.line)})"
        items.append(wrap(styled(label, text), width, "    ", "      "))
    if hidden:
        more = f"… and {hidden} more supporting or informational findings"
        more += " (--format json lists them all)"
        items.append(wrap(styled((more, "muted")), width, "    ", "      "))
    return Section(head, items)


def _bounded(findings: list[Finding]) -> tuple[list[Finding], int]:
    """Every blocker, error, concern and missing fact, and at most MAX_BULLETS of the
    rest (500 alternatives are 1,000 findings nobody reads on a terminal)."""
    keep = [f for f in findings if f.outcome in _ATTENTION]
    rest = [f for f in findings if f.outcome not in _ATTENTION]
    return keep + rest[:MAX_BULLETS], max(0, len(rest) - MAX_BULLETS)


def _accepted(a: Assessment, width: int) -> Section | None:
    """Every accepted concern, in every status: applied, or not and why."""
    if not a.accepted:
        return None
    items = []
    for u in a.accepted:
        why = ex.NOT_APPLIED.get(u.status, u.status)
        status = "applied" if u.status == "applied" else f"NOT APPLIED ({why})"
        until = f", expires {u.expires}" if u.expires else ""
        text = f"{ex.named(u)}: {status}. {ex.sentence(u.justification)} ({u.approver}{until}; "
        items.append(bullet(text + f"{ex.where(a, u.line)})", width))
    return Section(_heading("Accepted concerns", width), items)


def _listed(title: str, lines: Iterable[str], width: int) -> Section | None:
    """A list, at most MAX_BULLETS long, with a count of the rest."""
    shown = list(lines)
    items = [bullet(x, width) for x in shown[:MAX_BULLETS]]
    if len(shown) > MAX_BULLETS:
        more = f"… and {len(shown) - MAX_BULLETS} more (--format json lists them all)"
        items.append(wrap(styled((more, "muted")), width, "  "))
    return Section(_heading(title, width), items) if items else None


def _sensitivity(a: Assessment, width: int) -> Section | None:
    s = a.sensitivity
    if s is None:
        return None
    items = [
        wrap(
            f"{i.consideration.title}: weight {i.weight:.2f}; the verdict holds for "
            f"{i.low:.3f}–{i.high:.3f}",
            width,
            "  ",
        )
        for i in s.intervals
    ]
    label = "FRAGILE" if s.fragile else "Robust"
    items.append(wrap(f"{label}: {s.reason} {s.same_verdict_share:.0%} of {s.samples} weight "
                      f"vectors within ±50% of the profile's give the same verdict; value "
                      f"functions varied: {s.values_share:.0%}; both: {s.combined_share:.0%} "
                      f"(seed {s.seed}).", width, "  "))  # fmt: skip
    return Section(_heading("Sensitivity", width), items)


def _law(a: Assessment, width: int) -> Section | None:
    law = a.legal
    if law is None:
        return None
    lines = [f"{law.outcome.value}: {ex.sentence(law.reason)}"]
    lines += [f"Basis: {x}" for x in law.bases]
    lines += [f"Question: {ex.sentence(q)}" for q in law.questions]
    lines += [f"Note: {ex.sentence(n)}" for n in law.notes]
    lines += [f"Advice relied on: {law.advice}"] if law.advice else []
    return _listed("The legal analysis", lines, width)


def detail_lines(a: Assessment, width: int = 100) -> list[Text]:
    """Every section of the full report, blank-line separated."""
    sections: list[Section | None] = [b.header(a, width, lead=True), b.verdict(a, width)]
    sections += [b.score(a, width)]
    sections += [_law(a, width), _gates(a, width)]
    sections += [_consideration(a, c, width) for c in Consideration]
    sections += [b.conditions(a, width), b.gather(a, width)]
    sections += [b.strengthen(a, width), b.depends(a, width), _accepted(a, width)]
    sections += [_listed("Alternatives considered", a.alternatives or ["none stated"], width)]
    sections += [_sensitivity(a, width), _listed("References", a.references, width)]
    out: list[Text] = []
    for s in sections:
        if s is None:
            continue
        if out:
            out.append(Text(""))
        out += s.lines()
    return out
