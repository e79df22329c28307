"""STR-001 un-led-or-coalition.

The operation is UN-led or involves a group of coalition partners. A gate: its blocker
makes the verdict do-not-recommend.
"""

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
from pso_cli.rules.builtin.strategic._shared import S, arrangement, same_party

NZ_NAMES = {"new zealand", "nz", "aotearoa", "aotearoa new zealand"}


class PartnersOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_partners: int = Field(
        1,
        ge=1,
        le=50,
        description="Partner nations needed besides NZ. One suffices: NZ and one partner "
        "already form a coalition, and the policy counts joint two-nation deployments "
        "among the operations it has taken part in.",
    )


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
    reads=("leadership.arrangement", "leadership.partners"),
    options=PartnersOptions,
    gate=True,
    example="leadership: {arrangement: nz-led, partners: []}",
)
def un_led_or_coalition(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    opts = ctx.options
    assert isinstance(opts, PartnersOptions)
    arr = arrangement(p)
    if arr is None:
        yield missing("leadership.arrangement", "The proposal does not say who leads it.")
        return
    if arr is Arrangement.UN_LED:
        yield supports("leadership.arrangement", "The operation is led by the United Nations.", 3)
        return
    partners = _partners(p)
    multilateral = arr in (Arrangement.COALITION, Arrangement.REGIONAL_ORGANISATION)
    stated = p.leadership is not None and p.leadership.partners is not None
    if multilateral and not stated:
        yield missing(
            "leadership.partners",
            f"The operation is '{arr.value}' but lists no partner nations; "
            "the coalition cannot be confirmed.",
        )
    elif len(partners) >= opts.min_partners:
        yield supports(
            "leadership.partners",
            f"The operation is '{arr.value}' with {len(partners)} partner nations.",
            3,
        )
    else:
        yield _few_partners(arr, partners, opts.min_partners)


def _partners(p: Proposal) -> list[str]:
    """Distinct partner nations; New Zealand and the host itself are not partners."""
    if p.leadership is None:
        return []
    host = p.location.host if p.location else None
    seen: dict[str, str] = {}
    for name in p.leadership.partners or []:
        key = " ".join(name.lower().split())
        if key not in NZ_NAMES and not (host and same_party(name, host)):
            seen.setdefault(key, name)
    return list(seen.values())


def _few_partners(arr: Arrangement, partners: list[str], need: int) -> Finding:
    listed = ", ".join(partners) if partners else "none"
    return blocker(
        "leadership.partners",
        f"The operation is '{arr.value}' with {len(partners)} partner nation(s) listed "
        f"({listed}); policy requires UN leadership or a group of coalition partners "
        f"(at least {need}).",
    )


RULE = un_led_or_coalition
