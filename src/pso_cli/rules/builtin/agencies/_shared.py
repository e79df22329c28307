"""What several agency rules share: sources, option bases, and accessors of each
agency's contribution and of current deployments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from pso_cli.model.commitments import Deployment
from pso_cli.model.proposal import AgencyContribution, Proposal
from pso_cli.rules.api import Consideration, Finding, RuleContext, missing
from pso_cli.rules.builtin.common import period

IMPLICATIONS = (
    "potential implications for New Zealand agencies involved in the proposed peacekeeping "
    "operation"
)
AGY = Consideration.AGENCIES
CEILED = ("nzdf", "police")
LABEL = {"nzdf": "NZDF", "police": "NZ Police", "mfat": "MFAT"}
T = TypeVar("T", bound=BaseModel)


class AgencyOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ceilings(AgencyOptions):
    """Deployable ceilings: personnel each agency can sustain offshore at one time.

    Defaults are planning figures consistent with public reporting: the NZDF has sustained
    roughly 800 personnel offshore at its recent peaks, and NZ Police's international
    deployment group roughly 100 officers.
    """

    nzdf_deployable_ceiling: int = 800
    police_deployable_ceiling: int = 100

    def ceiling(self, agency: str) -> int:
        return self.nzdf_deployable_ceiling if agency == "nzdf" else self.police_deployable_ceiling


def opts(ctx: RuleContext, kind: type[T]) -> T:
    assert isinstance(ctx.options, kind)
    return ctx.options


def agency(p: Proposal, key: str) -> AgencyContribution | None:
    c = p.contribution
    if c is None:
        return None
    found: AgencyContribution | None = getattr(c, key)
    return found


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


def deploying(p: Proposal) -> Iterator[tuple[str, AgencyContribution, int]]:
    """NZDF and Police contributions with a stated, non-zero number of personnel."""
    for key in CEILED:
        a = agency(p, key)
        if a is not None and a.personnel:
            yield key, a, a.personnel


def _deployments(ctx: RuleContext) -> list[Deployment]:
    return [
        d if isinstance(d, Deployment) else Deployment.model_validate(d) for d in ctx.commitments
    ]


def concurrent(ctx: RuleContext, p: Proposal, agency: str) -> int | None:
    """Personnel of the agency's current deployments overlapping the proposal period."""
    span = period(p)
    if not ctx.commitments or span is None:
        return None
    return sum(d.personnel for d in _deployments(ctx) if d.agency == agency and d.overlaps(*span))


def missing_period(p: Proposal) -> Iterator[Finding]:
    loc = p.location
    if loc is None or loc.start_date is None:
        yield missing("location.start_date", "The start date is not stated.")
    if loc is None or loc.duration_months is None:
        yield missing("location.duration_months", "The duration is not stated.")


def pct(share: float) -> str:
    return f"{share:.0%}"
