"""LEG-013 self-defence-reported: measures taken under Article 51 are reported to the Council.

Article 51 makes reporting a duty of the states acting, not a condition of the right: not
reporting does not make the action unlawful (Nicaragua v United States, ICJ 1986, para
200), but it weighs against a claim of self-defence, and it is an act New Zealand and its
partners can take. So it is a condition, never a score or a gate.
"""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.fields import NONE
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Finding, Reference, RuleContext, concern, missing, rule, supports
from pso_cli.rules.builtin.legality._shared import LEG

FIELD = "legal_basis.self_defence.council_informed"
CHARTER_CH7 = "https://www.un.org/en/about-us/un-charter/chapter-7"


@rule(
    code="LEG-013",
    name="self-defence-reported",
    consideration=LEG,
    title="Measures taken in self-defence are reported to the Security Council",
    rationale=(
        "Article 51 requires measures taken in self-defence to be reported at once to the "
        "Security Council. The report does not decide the law, but a claim of self-defence "
        "that was never reported is weaker, and reporting is for the states acting to do."
    ),
    reference=Reference(
        source="Charter of the United Nations, Article 51",
        passage="Measures taken by Members in the exercise of this right of self-defence shall "
        "be immediately reported to the Security Council",
        url=CHARTER_CH7,
    ),
    reads=("legal_basis.self_defence", FIELD),
    example="legal_basis:\n  self_defence: {kind: collective, council_informed: false}\n",
)
def self_defence_reported(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    lb = p.legal_basis
    sd = lb.self_defence if lb else None
    if sd is None or sd == NONE or isinstance(sd, str):
        return  # self-defence is not relied on
    if sd.council_informed is True:
        yield supports(FIELD, "The measures are reported to the Security Council (Art. 51).")
    elif sd.council_informed is False:
        yield concern(
            FIELD,
            "The measures taken in self-defence have not been reported to the Security Council.",
            condition=(
                "Report the measures to the Security Council at once, as Article 51 requires "
                f"({FIELD})."
            ),
        )
    else:
        yield missing(
            FIELD, "Whether the measures are reported to the Security Council is not stated."
        )


RULE = self_defence_reported
