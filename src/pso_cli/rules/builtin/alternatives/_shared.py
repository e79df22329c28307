"""What several alternatives rules share: the size option, and accessors of the
alternatives and of personnel."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from pso_cli.model import enums as e
from pso_cli.model.proposal import AgencyContribution, Alternative, Proposal
from pso_cli.rules.api import Consideration, RuleContext

ALT = Consideration.ALTERNATIVES
T = e.AlternativeType
NON_DEPLOYMENT = frozenset(
    {
        T.DEVELOPMENT_ASSISTANCE,
        T.HUMANITARIAN_FUNDING,
        T.DIPLOMACY,
        T.FUNDING_MECHANISMS,
        T.SANCTIONS,
        T.POLICE_CAPACITY_BUILDING,
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


def assessed(p: Proposal, kinds: frozenset[e.AlternativeType]) -> bool:
    """Is an alternative of one of these kinds listed with its expected effect? A kind
    listed without one was named, not assessed."""
    return any(a.type in kinds and a.expected_effect is not None for a in p.alternatives or [])


def label(alt: Alternative, start: bool = False) -> str:
    """How a message names an alternative: "the 'diplomacy' option 'Envoys mediate'" (its
    kind, and its description when stated); `start` for the start of a sentence."""
    text = (alt.description or "").strip().rstrip(".")
    name = f"the '{alt.type}' option" + (f" '{text}'" if text else "")
    return name[:1].upper() + name[1:] if start else name


def at(i: int, leaf: str = "") -> str:
    return f"alternatives[{i}]" + (f".{leaf}" if leaf else "")
