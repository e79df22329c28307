"""ALT-002 best-alternative: could New Zealand help the country in other ways?

The worst level any alternative sets (`level_of`, `span`). Folds ALT-010.
"None meets" from no alternative, or from alternatives none of which states the basis of
its assessment, is not shown: it is missing, not the level that favours deploying most."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import AlternativeEffect, AlternativeType, Feasibility
from pso_cli.model.proposal import Alternative, Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.alternatives._shared import ALT, VIABLE, at, label
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

TAIL = {  # level (worst first) -> what the alternative that sets it means for the proposal
    "feasible-alternative-meets": ", so deploying may not be needed",
    "feasible-smaller-meets": ", so the contribution proposed is larger than the objective needs",
    "alternative-partly-meets": ", and no feasible alternative meets it in full",
    "unlikely-alternative-meets": ", so it is unlikely to do instead of deploying",
}
LEVELS = tuple(zip([*TAIL, "none-meets"], (0.0, 25.0, 55.0, 75.0, 100.0), strict=True))
RANK = {name: i for i, (name, _) in enumerate(LEVELS)}


@rule(
    code="ALT-002",
    name="best-alternative",
    consideration=ALT,
    title="No feasible alternative would meet the objective instead of deploying",
    rationale=(
        "Deploying is justified only if New Zealand cannot help as well in other ways: a feasible"
        " alternative that meets the objective (force is a last resort), or a feasible smaller"
        " contribution that does (proportional means), leaves it unjustified."
    ),
    reference=Reference(
        MFAT,
        "alternative options and whether New Zealand can help the fragile or post-conflict"
        " country in other ways",
        MFAT_URL,
    ),
    reads=("alternatives[].type", "alternatives[].feasibility", "alternatives[].expected_effect"),
    example="alternatives:\n  - {type: diplomacy, feasibility: high, expected_effect: meets}",
    attribute=Attribute("The best alternative to deploying", LEVELS, ("alternatives",)),
)
def best_alternative(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    if (alts := p.alternatives) is None:
        yield missing("alternatives", "Which alternatives to deploying were assessed is unstated.")
        return
    spans = [span(a) for a in alts]
    best = min((hi for _, hi in spans), default=RANK["none-meets"])  # the best it can be
    gaps = [(i, a) for i, a in enumerate(alts) if spans[i][0] < best]
    for i, a in gaps:
        leaf = "expected_effect" if a.expected_effect is None else "feasibility"
        yield missing(at(i, leaf), f"The {leaf.replace('_', ' ')} of {label(a)} is unstated.")
    if gaps:
        return
    level = LEVELS[best][0]
    if level == "none-meets" and not any(a.rationale for a in alts):
        # "No other way would do" is the level that favours deploying most: a list of
        # alternatives dismissed without a basis (a straw man) does not show it.
        yield missing(
            "alternatives",
            "No alternative's assessment states its basis (rationale), so the proposal does "
            "not show that New Zealand could not help in other ways.",
        )
        return
    if level == "none-meets":
        kinds = ", ".join(sorted({f"'{a.type}'" for a in alts})) or "none was considered"
        yield rate("alternatives", level, f"No alternative assessed meets the objective ({kinds}).")
        return
    i, a = next((i, a) for i, a in enumerate(alts) if spans[i] == (best, best))
    verb = "meet" if a.expected_effect is AlternativeEffect.MEETS else "partly meet"
    text = f"{label(a, True)} would {verb} the objective with '{a.feasibility}' feasibility"
    condition = f"Explain why {label(a)} would not do instead of deploying, or choose it."
    yield rate(at(i, "expected_effect"), level, text + TAIL[level] + ".", condition)


def level_of(kind: AlternativeType, feasibility: Feasibility, effect: AlternativeEffect) -> str:
    """The level set by an alternative of this kind, feasibility and expected effect."""
    if effect is AlternativeEffect.DOES_NOT:
        return "none-meets"
    if feasibility not in VIABLE:
        return "unlikely-alternative-meets"
    if effect is AlternativeEffect.PARTLY:
        return "alternative-partly-meets"
    smaller = kind is AlternativeType.SMALLER_CONTRIBUTION
    return "feasible-smaller-meets" if smaller else "feasible-alternative-meets"


def span(a: Alternative) -> tuple[int, int]:
    """The ranks of the worst and best levels `a` could set once its facts are stated: equal
    unless it turns on an unstated fact (a does-not is none-meets whatever its feasibility)."""
    effects = [a.expected_effect] if a.expected_effect else list(AlternativeEffect)
    feasibilities = [a.feasibility] if a.feasibility else list(Feasibility)
    ranks = [RANK[level_of(a.type, f, e)] for e in effects for f in feasibilities]
    return min(ranks), max(ranks)


RULE = best_alternative
