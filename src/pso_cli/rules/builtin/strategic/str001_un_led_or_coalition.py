"""STR-001 un-led-or-coalition: the operation is UN-led or involves coalition partners.
A gate, not an attribute: its blocker makes the verdict do-not-recommend; no score."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.enums import Arrangement
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Finding,
    Reference,
    RuleContext,
    Severity,
    blocker,
    missing,
    rule,
    supports,
)
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._shared import S, arrangement, partner_nations

FIELD = "leadership.partners"
MIN = (
    "Partner nations needed besides NZ. One suffices: NZ and one partner already form a "
    "coalition, and the policy counts joint two-nation deployments among its operations."
)


class PartnersOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_partners: int = Field(1, ge=1, le=50, description=MIN)


@rule(
    code="STR-001",
    name="un-led-or-coalition",
    consideration=S,
    title="The operation is UN-led or involves a group of coalition partners",
    rationale=(
        "New Zealand policy is to take part only in operations led by the United Nations or "
        "involving a group of coalition partners. An operation that is neither is outside "
        "policy, whatever its other merits."
    ),
    reference=Reference(
        source=MFAT,
        passage=(
            "All operations we take part in are either led by the United Nations or "
            "involve a group of coalition partners"
        ),
        url=MFAT_URL,
    ),
    severity=Severity.CRITICAL,
    reads=("leadership.arrangement", FIELD, "location.host"),
    options=PartnersOptions,
    gate=True,
    example="leadership: {arrangement: nz-led, partners: []}",
)
def un_led_or_coalition(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    need = ctx.options.min_partners if isinstance(ctx.options, PartnersOptions) else 1
    arr = arrangement(p)
    if arr is None:
        yield missing("leadership.arrangement", "The proposal does not say who leads it.")
    elif arr is Arrangement.UN_LED:
        yield supports("leadership.arrangement", "The operation is led by the United Nations.")
    elif (partners := partner_nations(p)) is None:
        yield missing(FIELD, f"The operation is '{arr}' but its partner nations are not stated.")
    elif len(partners) >= need:
        yield supports(
            FIELD, f"The operation is '{arr}' with partner nations: {', '.join(partners)}."
        )
    else:
        listed = ", ".join(partners) or "none"
        yield blocker(
            FIELD,
            f"The operation is '{arr}' with partner nations: {listed}; policy requires UN "
            f"leadership or a group of coalition partners (at least {need} besides NZ).",
        )


RULE = un_led_or_coalition
