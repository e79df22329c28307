"""STR-002 nz-security-effect: effect of the operation on New Zealand's security.

A row of the rated-interest family (`_rated.py`), with STR-006 and STR-008: the level is
the effect stated at `strategic.nz_security.effect` (harms, neutral, advances). The
policy gives New Zealand's own security as one of its three reasons for taking part, and
its effect on our security as the first of the strategic implications it weighs, so
the default profile weighs this row most of the three (criteria/nz-default.yaml).
STR-015 reports, without scoring, how a distant conflict's security case is made.
"""

from __future__ import annotations

from pso_cli.rules.api import Reference, Severity, rule
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._rated import Interest
from pso_cli.rules.builtin.strategic._shared import S

ROW = Interest("nz_security", "New Zealand's security", "Effect on New Zealand's security")

RULE = rule(
    code="STR-002",
    name="nz-security-effect",
    consideration=S,
    title="Effect of the operation on New Zealand's security",
    rationale=(
        "Advancing New Zealand's own security and the safety of New Zealanders is one of the "
        "three reasons the policy gives for taking part. An operation that harms it weighs "
        "heavily against."
    ),
    reference=Reference(
        source=MFAT,
        passage="advance our own security interests and the safety of New Zealanders",
        url=MFAT_URL,
    ),
    severity=Severity.MAJOR,
    attribute=ROW.attribute,
    reads=ROW.reads,
    example="strategic: {nz_security: {effect: harms}}",
)(ROW.check)
