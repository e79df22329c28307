"""AGY-012 review-intervals: the commitment is reviewed at regular intervals."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    concern,
    info,
    rule,
    supports,
)
from pso_cli.rules.builtin.agencies._shared import AGY, AgencyOptions, missing_period, opts
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, period


class ReviewOptions(AgencyOptions):
    """Longest acceptable interval between reviews of the commitment, in months."""

    max_review_interval_months: int = 12


@rule(
    code="AGY-012",
    name="review-intervals",
    consideration=AGY,
    title="The commitment is reviewed at regular intervals",
    rationale=(
        "A commitment that runs without review drifts from its purpose and wears out the "
        "agencies; regular reviews let NZ adjust, rotate or withdraw."
    ),
    reference=Reference(
        MFAT,
        "New Zealand is working to take a more proactive and strategic approach to our "
        "peacekeeping activities.",
        MFAT_URL,
    ),
    severity=Severity.MINOR,
    reads=("location.start_date", "location.duration_months", "location.review_dates"),
    options=ReviewOptions,
    example="location: {duration_months: 36, review_dates: []}",
)
def review_intervals(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if p.location is None or not p.location.review_dates:
        return  # no reviews at all is STR-014's concern; counting it here would count it twice
    o = opts(ctx, ReviewOptions)
    span = period(p)
    if span is None:
        yield from missing_period(p)
        return
    start, end = span
    reviews = sorted(p.location.review_dates)
    outside = [d for d in reviews if not start <= d <= end]
    if outside:
        dates = ", ".join(d.isoformat() for d in outside)
        yield info("location.review_dates", f"Review dates outside the commitment period: {dates}.")
    points = [start, *[d for d in reviews if start <= d <= end], end]
    gap = max((b - a).days for a, b in itertools.pairwise(points))
    months = gap / (365.25 / 12)
    msg = f"The longest interval without a review is about {months:.0f} months."
    if months > o.max_review_interval_months + 0.5:
        yield concern(
            "location.review_dates",
            msg,
            -5,
            f"Schedule reviews at least every {o.max_review_interval_months} months.",
        )
    else:
        yield supports("location.review_dates", msg, 2)


RULE = review_intervals
