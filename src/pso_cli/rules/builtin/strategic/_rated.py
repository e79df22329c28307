"""One rule, three rows: STR-002, STR-006 and STR-008 judge a rated interest.

Each reads one `Rated` entry of the strategic section (`nz_security`,
`rules_based_order`, `economic_interests`): an operation that advances the interest
supports, one that harms it is a concern, a neutral one is reported, an unstated one is
missing. The rows differ only in the entry, the words naming the interest and the points
(support, concern); each rule module passes its row to `rated_check`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import Effect
from pso_cli.model.proposal import Proposal, Rated
from pso_cli.rules.api import Check, Finding, RuleContext, concern, info, missing, supports
from pso_cli.rules.builtin.strategic._shared import strategic


def rated_check(interest: str, what: str, points: tuple[float, float]) -> Check:
    """The check of `strategic.<interest>.effect`, named `what` in messages."""
    field = f"strategic.{interest}.effect"

    def check(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
        s = strategic(p)
        rated: Rated | None = getattr(s, interest) if s else None
        yield from _rated_check(field, _rated_effect(rated), what, points)

    return check


def _rated_effect(rated: Rated | None) -> Effect | None:
    return rated.effect if rated is not None else None


def _rated_check(
    field: str,
    effect: Effect | None,
    what: str,
    points: tuple[float, float],
    condition: str | None = None,
) -> Iterator[Finding]:
    """Shared judgement of a Rated interest: advances supports, harms is a concern."""
    good, bad = points
    if effect is None:
        yield missing(field, f"The proposal does not say how the operation affects {what}.")
    elif effect is Effect.ADVANCES:
        yield supports(field, f"The operation is assessed to advance {what}.", good)
    elif effect is Effect.HARMS:
        yield concern(field, f"The operation is assessed to harm {what}.", bad, condition)
    else:
        yield info(field, f"The operation is assessed to be neutral for {what}.")
