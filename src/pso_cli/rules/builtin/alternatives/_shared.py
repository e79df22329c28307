"""What several alternatives rules share: sources, the size option, and accessors of
the alternatives and of personnel."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from pso_cli.model import enums as e
from pso_cli.model.proposal import AgencyContribution, Alternative, Proposal
from pso_cli.rules.api import Consideration, RuleContext

ALT = Consideration.ALTERNATIVES
ICISS = (
    "ICISS, The Responsibility to Protect (2001), precautionary principles: right intention,"
    " last resort, proportional means, reasonable prospects"
)
NON_DEPLOYMENT = frozenset(
    {
        e.AlternativeType.DEVELOPMENT_ASSISTANCE,
        e.AlternativeType.HUMANITARIAN_FUNDING,
        e.AlternativeType.DIPLOMACY,
        e.AlternativeType.FUNDING_MECHANISMS,
        e.AlternativeType.SANCTIONS,
        e.AlternativeType.POLICE_CAPACITY_BUILDING,
    }
)
VIABLE = frozenset({e.Feasibility.HIGH, e.Feasibility.MEDIUM})


class SizeOptions(BaseModel):
    """When a contribution counts as large (total personnel at any one time)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    large_contribution_personnel: int = 100


def agencies(p: Proposal) -> list[AgencyContribution]:
    c = p.contribution
    if c is None:
        return []
    named = [a for a in (c.nzdf, c.police, c.mfat) if a is not None]
    return [*named, *c.other]


def personnel(p: Proposal) -> int | None:
    counts = [a.personnel for a in agencies(p) if a.personnel is not None]
    return sum(counts) if counts else None


def is_large(p: Proposal, ctx: RuleContext) -> bool:
    opts = ctx.options
    assert isinstance(opts, SizeOptions)
    total = personnel(p)
    return total is not None and total > opts.large_contribution_personnel


def indexed(p: Proposal) -> list[tuple[int, Alternative]]:
    return list(enumerate(p.alternatives or []))


def first_of(p: Proposal, kind: e.AlternativeType) -> tuple[int, Alternative] | None:
    return next(((i, a) for i, a in indexed(p) if a.type == kind), None)


def viable_meets(alt: Alternative) -> bool:
    return alt.expected_effect == e.AlternativeEffect.MEETS and alt.feasibility in VIABLE


def at(i: int, leaf: str = "") -> str:
    return f"alternatives[{i}]" + (f".{leaf}" if leaf else "")
