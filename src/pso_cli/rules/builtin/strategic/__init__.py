"""Strategic rules: the first consideration of the MFAT policy text.

Before engaging, New Zealand weighs "strategic implications of the operation, including
its effect on our security, our relationships with other countries, and the humanitarian
situation", against the reasons it gives for taking part at all (a rules-based order,
security, trade) and its regional focus. These rules turn each of those into a located,
explained finding. STR-001 is a gate: the policy takes part only in operations led by the
United Nations or involving a group of coalition partners.

Scoring follows the shared conventions: supports +3..+5, minor concern -5, major -10..-15,
blocker -50 for the gate only; a fact the proposal does not state is reported as missing
and never scored.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
