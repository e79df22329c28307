"""STR-014 review-dates: the commitment is reviewed at regular intervals within it.

`review_dates: none` (or []) states there are none: the low level. Otherwise the longest
gap between the start, the reviews within the commitment and its end is measured against
`max_review_interval_months` (AGY-012's option and interval logic, which this rule now
owns: review dates count once). Dates left out are unknown, never low.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, RuleContext, Severity, info, missing, rate, rule
from pso_cli.rules.builtin.common import period
from pso_cli.rules.builtin.strategic._shared import BRAHIMI, S

FIELD = "location.review_dates"
LEVELS = (("none", 0), ("irregular", 50), ("regular", 100))
MONTH = 365.25 / 12  # days


class ReviewOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_review_interval_months: int = Field(
        12, ge=1, le=120, description="Longest acceptable interval between reviews, in months."
    )


@rule(
    code="STR-014",
    name="review-dates",
    consideration=S,
    title="The commitment is reviewed at regular intervals",
    rationale=(
        "Set review dates let New Zealand check progress against objectives and decide "
        "whether to continue, adjust, rotate or withdraw, instead of drifting into an "
        "open-ended commitment that wears out the agencies."
    ),
    reference=BRAHIMI,
    severity=Severity.MINOR,
    attribute=Attribute("Reviews of the commitment", LEVELS, (FIELD,)),
    reads=(FIELD, "location.start_date", "location.duration_months"),
    options=ReviewOptions,
    example="location: {review_dates: none}",
)
def review_dates(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    o = ctx.options
    assert isinstance(o, ReviewOptions)
    every = f"Schedule reviews at least every {o.max_review_interval_months} months."
    dates = p.location.review_dates if p.location else None
    span = period(p)
    if dates is None:
        yield missing(FIELD, "The proposal does not say when the commitment is reviewed.")
    elif not dates:
        yield rate(FIELD, "none", "The proposal sets no dates to review the commitment.", every)
    elif span is None:
        yield missing(
            "location.duration_months"
            if p.location and p.location.start_date
            else "location.start_date",
            "The review dates cannot be checked without the start date and duration.",
        )
    else:
        start, end = span
        outside = sorted(d for d in dates if not start <= d <= end)
        if outside:
            listed = ", ".join(d.isoformat() for d in outside)
            yield info(FIELD, f"Review dates outside the commitment period: {listed}.")
        points = [start, *sorted(d for d in dates if start <= d <= end), end]
        months = max((b - a).days for a, b in itertools.pairwise(points)) / MONTH
        n = round(months)
        said = f"The longest interval without a review is about {n} month{'s' * (n != 1)}."
        regular = months <= o.max_review_interval_months + 0.5
        yield rate(FIELD, "regular" if regular else "irregular", said, None if regular else every)


RULE = review_dates
