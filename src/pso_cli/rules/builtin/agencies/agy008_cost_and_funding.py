"""AGY-008 cost-and-funding: the cost to each agency is estimated and funded."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model.fields import NONE
from pso_cli.model.findings import Severity
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.agencies._shared import AGY, AgencyOptions, all_agencies, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

OWNS = ("contribution.*.cost_nzd", "contribution.*.funding_source")


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
    reads=(*OWNS, "contribution.*.personnel", "contribution.*.assets"),
    options=CostOptions,
    example="contribution: {nzdf: {cost_nzd: 40000000, funding_source: none}}",
    attribute=Attribute(
        "Cost estimated and funded",
        (("unfunded", 0), ("above-ceiling", 50), ("funded", 100)),
        OWNS,
    ),
)
def cost_and_funding(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if p.contribution is None:
        yield missing("contribution", "The contribution by agency, and so its cost, is not stated.")
        return
    priced: list[tuple[str, float]] = []  # (field, cost) of each share with a funding source
    unknown: list[Finding] = []
    for label, path, a in all_agencies(p):
        cost, source = a.cost_nzd, (a.funding_source or "").strip().casefold()
        if cost is None and (a.personnel != 0 or a.assets):
            msg = f"The cost of the {label} contribution is not stated."
            unknown.append(missing(f"{path}.cost_nzd", msg))
        elif cost is not None and cost > 0 and source == NONE:
            msg = f"The {label} contribution costs NZD {cost:,.0f} and has no funding source."
            cond = f"Identify the funding source for the {label} contribution."
            yield rate(f"{path}.funding_source", "unfunded", msg, cond)
            return
        elif cost is not None and cost > 0 and not source:
            msg = f"The funding source of the {label} contribution (NZD {cost:,.0f}) is not stated."
            unknown.append(missing(f"{path}.funding_source", msg))
        elif cost is not None:
            priced.append((f"{path}.cost_nzd", cost))
    yield from unknown
    if unknown or not priced:
        return
    limit = opts(ctx, CostOptions).max_total_cost_nzd
    total = sum(cost for _, cost in priced)
    field = max(priced, key=lambda x: x[1])[0]  # the largest share
    msg = f"The estimated cost is NZD {total:,.0f} across agencies"
    if total > limit:
        msg += f", above NZD {limit:,.0f}, though each agency's share has a funding source."
        cond = "Confirm Cabinet agreement to the total cost and how it will be met."
        yield rate(field, "above-ceiling", msg, cond)
    else:
        yield rate(field, "funded", msg + ", and each agency's share has a funding source.")


RULE = cost_and_funding
