"""STR-014 review-dates: the commitment is reviewed at set dates within its duration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, RuleContext, Severity, concern, missing, rule, supports
from pso_cli.rules.builtin.common import add_months
from pso_cli.rules.builtin.strategic._shared import BRAHIMI, S


class ReviewOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_interval_months: int = Field(
        12, ge=1, le=120, description="Longest acceptable time between reviews."
    )


@rule(
    code="STR-014",
    name="review-dates",
    consideration=S,
    title="The commitment is reviewed at set dates within its duration",
    rationale=(
        "Set review dates let New Zealand check progress against objectives and decide "
        "whether to continue, adjust or withdraw, instead of drifting into an open-ended "
        "commitment."
    ),
    reference=BRAHIMI,
    severity=Severity.MINOR,
    reads=("location.review_dates", "location.start_date", "location.duration_months"),
    options=ReviewOptions,
    example="location: {start_date: 2030-07-01, duration_months: 24, review_dates: []}",
)
def review_dates(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    assert isinstance(opts, ReviewOptions)
    loc = p.location
    field = "location.review_dates"
    if loc is None or not loc.review_dates:
        yield concern(
            field,
            "The proposal sets no dates at which the commitment is reviewed.",
            5,
            condition="Set review dates within the commitment period before deployment.",
        )
        return
    if loc.start_date is None or loc.duration_months is None:
        gap = "location.start_date" if loc.start_date is None else "location.duration_months"
        yield missing(gap, "Review dates cannot be checked without a start date and duration.")
        return
    end = add_months(loc.start_date, loc.duration_months)
    problems = _review_problems(
        loc.start_date, end, list(loc.review_dates), opts.max_interval_months
    )
    if problems:
        yield concern(
            field,
            "Review dates do not cover the commitment: " + "; ".join(problems) + ".",
            5,
            condition="Set review dates within the commitment period before deployment.",
        )
    else:
        yield supports(
            field, f"{len(loc.review_dates)} review date(s) fall within the commitment.", 3
        )


def _review_problems(start: dt.date, end: dt.date, dates: list[dt.date], gap: int) -> list[str]:
    problems = [f"{d} is after the commitment ends on {end}" for d in dates if d > end]
    problems += [f"{d} is before the start on {start}" for d in dates if d < start]
    inside = sorted(d for d in dates if start <= d <= end)
    points = [start, *inside]
    for a, b in zip(points, [*inside, end], strict=True):
        if b > add_months(a, gap):
            problems.append(f"{a} to {b} passes with no review (longer than {gap} months)")
    return problems


RULE = review_dates
