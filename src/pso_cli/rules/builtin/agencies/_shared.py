"""What several agency rules share: sources, option bases, and accessors of each
agency's contribution."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from pso_cli.model.proposal import AgencyContribution, Proposal
from pso_cli.rules.api import Consideration, RuleContext

AGY = Consideration.AGENCIES
CEILED = ("nzdf", "police")
LABEL = {"nzdf": "NZDF", "police": "NZ Police", "mfat": "MFAT"}
T = TypeVar("T", bound=BaseModel)


class AgencyOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def opts(ctx: RuleContext, kind: type[T]) -> T:
    assert isinstance(ctx.options, kind)
    return ctx.options


def agency(p: Proposal, key: str) -> AgencyContribution | None:
    c = p.contribution
    if c is None:
        return None
    found: AgencyContribution | None = getattr(c, key)
    return found


def contributes(p: Proposal, key: str) -> bool:
    """Is the agency in the contribution with personnel that are not stated to be none?"""
    a = agency(p, key)
    return a is not None and a.personnel != 0


def all_agencies(p: Proposal) -> list[tuple[str, str, AgencyContribution]]:
    """(label, field path, contribution) for every agency named in the proposal."""
    out: list[tuple[str, str, AgencyContribution]] = []
    for key, label in LABEL.items():
        a = agency(p, key)
        if a is not None:
            out.append((label, f"contribution.{key}", a))
    if p.contribution is not None:
        for i, o in enumerate(p.contribution.other):
            out.append((o.agency, f"contribution.other[{i}]", o))
    return out


def deploying(p: Proposal) -> Iterator[tuple[str, AgencyContribution]]:
    """NZDF and Police contributions whose personnel are not stated to be none."""
    for key in CEILED:
        a = agency(p, key)
        if a is not None and a.personnel != 0:
            yield key, a


def pct(share: float) -> str:
    return f"{share:.0%}"
