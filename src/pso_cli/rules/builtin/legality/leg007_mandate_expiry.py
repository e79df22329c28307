"""LEG-007 mandate-expiry: NZ's mandate covers the whole proposed commitment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, missing, rate, rule
from pso_cli.rules.builtin.common import MFAT, period
from pso_cli.rules.builtin.legality._shared import LEG, MFAT_LEGALITY

FIELD = "legal_basis.nz_authority.mandate_expiry"
RENEW = "Seek renewal of the mandate to cover the full duration, or shorten the commitment."


class MandateExpiryOptions(BaseModel):
    """Days of shortfall between mandate expiry and the end of the commitment tolerated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tolerance_days: int = Field(0, ge=0, le=365)


@rule(
    code="LEG-007",
    name="mandate-expiry",
    consideration=LEG,
    title="NZ's mandate covers the whole proposed commitment",
    rationale=(
        "A mandate that lapses before the commitment ends leaves personnel deployed "
        "without authority; the commitment must be renewed or shortened in time."
    ),
    reference=Reference(source=MFAT, passage=MFAT_LEGALITY),
    attribute=Attribute(
        "Mandate coverage",
        (("expired", 0), ("lapses-before-end", 40), ("covers", 100)),
        (FIELD,),
    ),
    reads=(
        "legal_basis.nz_authority.mandate_expiry",
        "location.start_date",
        "location.duration_months",
    ),
    options=MandateExpiryOptions,
    example="location: {start_date: 2030-07-01, duration_months: 24}\n"
    "legal_basis:\n  nz_authority: {mandate_expiry: 2031-06-30}\n",
)
def mandate_expiry(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    assert isinstance(opts, MandateExpiryOptions)
    auth = p.legal_basis.nz_authority if p.legal_basis else None
    expiry = auth.mandate_expiry if auth else None
    if expiry is None:
        yield missing(FIELD, "The expiry date of NZ's mandate is not stated.")
        return
    if expiry < ctx.as_of:
        said = f"NZ's mandate expired on {expiry}, before {ctx.as_of}."
        yield rate(FIELD, "expired", said, "Seek renewal of the mandate before deployment.")
        return
    span = period(p)
    if span is None:
        yield missing(
            "location.duration_months",
            "The start date or duration is not stated, so mandate coverage cannot be checked.",
        )
        return
    end = span[1]
    if expiry + dt.timedelta(days=opts.tolerance_days) < end:
        said = f"NZ's mandate expires on {expiry}, before the commitment ends on {end}."
        yield rate(FIELD, "lapses-before-end", said, RENEW)
    else:
        yield rate(FIELD, "covers", f"NZ's mandate (to {expiry}) covers the commitment to {end}.")


RULE = mandate_expiry
