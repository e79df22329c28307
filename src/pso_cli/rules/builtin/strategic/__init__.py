"""Strategic rules: the first consideration of the MFAT policy text.

Before engaging, New Zealand weighs "strategic implications of the operation, including
its effect on our security, our relationships with other countries, and the humanitarian
situation", against the reasons it gives for taking part at all (a rules-based order,
security, trade) and its regional focus. STR-001 is a gate: the policy takes part only in
operations led by the United Nations or involving a group of coalition partners.

Every other rule but STR-015 (information) rates one attribute of the value model: a
level of its own fields, or missing when the fact is not stated (never a low level).
STR-016..018 weigh UN peacekeeping doctrine for peacekeeping-type missions; doctrine,
not law, so they sit here and not under legality.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
