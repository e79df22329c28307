"""STR-008 economic-and-trade-interests: effect on New Zealand's economic and trade
interests.

A row of the rated-interest family (`_rated.py`), with STR-002 and STR-006: the level is
the effect stated at `strategic.economic_interests.effect` (harms, neutral, advances).
Protecting economic and trade interests is the third reason the policy gives for taking
part; it is not among the strategic implications the policy lists (security,
relationships, the humanitarian situation), so the default profile weighs it least of
the three rows (criteria/nz-default.yaml).
"""

from __future__ import annotations

from pso_cli.rules.api import Reference, Severity, rule
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._rated import Interest
from pso_cli.rules.builtin.strategic._shared import S

ROW = Interest(
    "economic_interests",
    "New Zealand's economic and trade interests",
    "Effect on New Zealand's economic and trade interests",
)

RULE = rule(
    code="STR-008",
    name="economic-and-trade-interests",
    consideration=S,
    title="Effect on New Zealand's economic and trade interests",
    rationale=(
        "Protecting New Zealand's economic and trade interests is one of the reasons the "
        "policy gives for taking part. It weighs less than security or the international "
        "order, so its effect here is small."
    ),
    reference=Reference(
        source=MFAT, passage="protect our economic and trade interests", url=MFAT_URL
    ),
    severity=Severity.MINOR,
    attribute=ROW.attribute,
    reads=ROW.reads,
    example="strategic: {economic_interests: {effect: harms}}",
)(ROW.check)
