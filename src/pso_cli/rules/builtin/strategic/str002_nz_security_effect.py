"""STR-002 nz-security-effect: effect of the operation on New Zealand's security.

A row of the rated-interest family (`_rated.py`), with STR-006 and STR-008.
"""

from __future__ import annotations

from pso_cli.rules.api import Reference, Severity, rule
from pso_cli.rules.builtin.common import MFAT, MFAT_URL
from pso_cli.rules.builtin.strategic._rated import rated_check
from pso_cli.rules.builtin.strategic._shared import S

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
    reads=("strategic.nz_security.effect",),
    example="strategic: {nz_security: {effect: harms}}",
)(rated_check("nz_security", "New Zealand's security", (5, 15)))
