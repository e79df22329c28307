"""AGY-008 cost-and-funding: the cost to each agency is estimated and funded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pso_cli.model.proposal import AgencyContribution, Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.agencies._shared import AGY, AgencyOptions, all_agencies, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL


class CostOptions(AgencyOptions):
    """Total cost across agencies above which new funding needs explicit scrutiny.

    Default NZD 150 million over the commitment: above the cost of most past NZ peace
    support contributions, which typically ran at tens of millions a year.
    """

    max_total_cost_nzd: float = 150_000_000


@rule(
    code="AGY-008",
    name="cost-and-funding",
    consideration=AGY,
    title="The cost to each agency is estimated and funded",
    rationale=(
        "Advice to government on how NZ could best contribute must say what it costs and "
        "who pays; an unfunded contribution comes out of the agency's other work."
    ),
    reference=Reference(
        MFAT,
        "We advise our government on how New Zealand could best contribute to peace support "
        "operations.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=(
        "contribution.nzdf.cost_nzd",
        "contribution.nzdf.funding_source",
        "contribution.police.cost_nzd",
        "contribution.police.funding_source",
        "contribution.mfat.cost_nzd",
        "contribution.mfat.funding_source",
        "contribution.other",
    ),
    options=CostOptions,
    example="contribution: {nzdf: {cost_nzd: 40000000, funding_source: null}}",
)
def cost_and_funding(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    o = opts(ctx, CostOptions)
    agencies = all_agencies(p)
    if not agencies:
        return
    findings = [f for label, path, a in agencies for f in _agency_cost(label, path, a)]
    yield from findings
    total = sum(a.cost_nzd or 0 for _, _, a in agencies)
    msg = f"Total estimated cost across agencies is NZD {total:,.0f}."
    if total > o.max_total_cost_nzd:
        yield concern(
            "contribution",
            msg + f" That is above NZD {o.max_total_cost_nzd:,.0f}.",
            -5,
            "Confirm Cabinet agreement to the total cost and how it will be met.",
        )
    elif not findings and total > 0:
        yield supports("contribution", msg + " Every agency's cost has a funding source.", 3)


def _agency_cost(label: str, path: str, a: AgencyContribution) -> Iterator[Finding]:
    if a.cost_nzd is None:
        if a.personnel or a.assets:
            yield missing(
                f"{path}.cost_nzd", f"The cost of the {label} contribution is not stated."
            )
    elif a.cost_nzd > 0 and a.funding_source is None:
        yield concern(
            f"{path}.cost_nzd",
            f"The {label} contribution costs NZD {a.cost_nzd:,.0f} with no funding source.",
            -5,
            f"Identify the funding source for the {label} contribution.",
        )


RULE = cost_and_funding
