"""One rule, three rows: STR-002, STR-006 and STR-008 rate an interest of New Zealand's.

Each reads one `Rated` entry of the strategic section (`nz_security`, `rules_based_order`,
`economic_interests`) and rates its attribute at the effect stated: harms, neutral or
advances; an effect left out is missing, never a level. The rows differ only in data: the
entry, the words naming the interest, and the attribute's title. Each rule module builds
its row with `Interest(...)` and passes `row.attribute`, `row.reads` and `row.check` to
the `@rule` decorator.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pso_cli.model.enums import Effect
from pso_cli.model.proposal import Proposal, Rated
from pso_cli.rules.api import Attribute, Finding, RuleContext, missing, rate

LEVELS = (("harms", 0.0), ("neutral", 50.0), ("advances", 100.0))
SAYS = {
    Effect.HARMS: "The operation is assessed to harm {what}.",
    Effect.NEUTRAL: "The operation is assessed to be neutral for {what}.",
    Effect.ADVANCES: "The operation is assessed to advance {what}.",
}


@dataclass(frozen=True, slots=True)
class Interest:
    """One row: `strategic.<entry>`, named `what` in messages."""

    entry: str
    what: str
    title: str

    @property
    def field(self) -> str:
        return f"strategic.{self.entry}"

    @property
    def attribute(self) -> Attribute:
        return Attribute(self.title, LEVELS, (self.field,))

    @property
    def reads(self) -> tuple[str, ...]:
        return (self.field,)

    def check(self, p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
        rated: Rated | None = getattr(p.strategic, self.entry) if p.strategic else None
        field = f"{self.field}.effect"
        if rated is None or rated.effect is None:
            yield missing(field, f"How the operation affects {self.what} is not stated.")
            return
        yield rate(field, rated.effect.value, SAYS[rated.effect].format(what=self.what))
