"""STR-006 rules-based-order: contribution to a rules-based international order.

A row of the rated-interest family (`_rated.py`), with STR-002 and STR-008: the level is
the effect stated at `strategic.rules_based_order.effect` (harms, neutral, advances).
This is the one place the order's fact is rated. Whether the operation is lawful is the
legal analysis's (LEG-001) and who leads it is STR-001's gate; a lawful, host-invited
bilateral or NZ-led deployment does not erode the rules-based order, which is why the old
STR-007 (unauthorised-unilateral-action), which penalised such deployments, is retired.
"""

from __future__ import annotations

from pso_cli.rules.api import Severity, rule
from pso_cli.rules.builtin.strategic._rated import Interest
from pso_cli.rules.builtin.strategic._shared import RBO, S

ROW = Interest(
    "rules_based_order",
    "the rules-based international order",
    "Contribution to a rules-based international order",
)

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
    attribute=ROW.attribute,
    reads=ROW.reads,
    example="strategic: {rules_based_order: {effect: harms}}",
)(ROW.check)
