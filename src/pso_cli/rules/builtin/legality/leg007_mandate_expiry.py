"""LEG-007 mandate-expiry: NZ's mandate covers the whole proposed commitment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.proposal import Proposal
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
from pso_cli.rules.builtin.common import MFAT, add_months
from pso_cli.rules.builtin.legality._shared import LEG, MFAT_LEGALITY


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
    severity=Severity.MAJOR,
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
    field = "legal_basis.nz_authority.mandate_expiry"
    if expiry is None:
        yield missing(field, "The expiry date of NZ's mandate is not stated.")
        return
    if expiry < ctx.as_of:
        yield concern(
            field,
            f"NZ's mandate expired on {expiry}, before {ctx.as_of}.",
            15,
            condition="Seek renewal of the mandate before deployment.",
        )
        return
    loc = p.location
    if loc is None or loc.start_date is None or loc.duration_months is None:
        yield missing(
            "location.start_date"
            if loc is None or loc.start_date is None
            else "location.duration_months",
            "Start date or duration is not stated, so mandate coverage cannot be checked.",
        )
        return
    end = add_months(loc.start_date, loc.duration_months) - dt.timedelta(days=1)
    if expiry + dt.timedelta(days=opts.tolerance_days) < end:
        yield concern(
            field,
            f"NZ's mandate expires on {expiry}, before the proposed commitment ends on {end}.",
            10,
            condition="Seek renewal of the mandate to cover the full proposed duration, or "
            "shorten the commitment.",
        )
    else:
        yield supports(field, f"NZ's mandate (to {expiry}) covers the commitment to {end}.", 3)


RULE = mandate_expiry
