"""STR-006 rules-based-order: contribution to a rules-based international order.

A row of the rated-interest family (`_rated.py`), with STR-002 and STR-008.
"""

from __future__ import annotations

from pso_cli.rules.api import Severity, rule
from pso_cli.rules.builtin.strategic._rated import rated_check
from pso_cli.rules.builtin.strategic._shared import RBO, S

RULE = rule(
    code="STR-006",
    name="rules-based-order",
    consideration=S,
    title="Contribution to a rules-based international order",
    rationale=(
        "Supporting the maintenance of a rules-based international order is the first reason "
        "the policy gives for taking part in peace support operations."
    ),
    reference=RBO,
    severity=Severity.MAJOR,
    reads=("strategic.rules_based_order.effect",),
    example="strategic: {rules_based_order: {effect: harms}}",
)(rated_check("rules_based_order", "the rules-based international order", (3, 15)))
