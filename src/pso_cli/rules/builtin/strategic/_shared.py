"""What several strategic rules share: sources, the section and the leader."""

from __future__ import annotations

from pso_cli.model.enums import Arrangement
from pso_cli.model.proposal import Proposal, Strategic
from pso_cli.rules.api import Consideration, Reference
from pso_cli.rules.builtin.common import MFAT, MFAT_URL

BRAHIMI = Reference(
    source=(
        "Report of the Panel on United Nations Peace Operations (Brahimi report, 2000): "
        "clear, credible and achievable mandates"
    ),
    url="https://peacekeeping.un.org/en/report-of-panel-united-nations-peace-operations",
)
STRATEGIC_PASSAGE = (
    "strategic implications of the operation, including its effect on our security, "
    "our relationships with other countries, and the humanitarian situation"
)
S = Consideration.STRATEGIC
RBO = Reference(
    source=MFAT,
    passage="support the maintenance of a rules-based international order",
    url=MFAT_URL,
)
REGIONAL = Reference(
    source=MFAT,
    passage="Regional solutions to conflict situations are often the most effective",
    url=MFAT_URL,
)


def strategic(p: Proposal) -> Strategic | None:
    return p.strategic


def arrangement(p: Proposal) -> Arrangement | None:
    return p.leadership.arrangement if p.leadership is not None else None


def same_party(a: str, b: str) -> bool:
    x, y = " ".join(a.lower().split()), " ".join(b.lower().split())
    return x == y or x in y or y in x
