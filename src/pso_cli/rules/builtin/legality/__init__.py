"""Legality rules: is the proposed mission and its mandate lawful under international law?

The MFAT policy asks New Zealand to weigh the "legality of the proposed mission and
mandate under international law" before it deploys. These rules encode the law that
question turns on: the UN Charter's prohibition on the use of force (Art. 2(4)) and its
exceptions (Security Council action under Chapter VII, host-state consent, regional
arrangements under Chapter VIII), the UN peacekeeping principles (consent,
impartiality, non-use of force except in self-defence and defence of the mandate), and
New Zealand's own domestic authority to deploy. LEG-001 is the non-compensatory gate:
a positively stated absence of any legal basis disqualifies the proposal.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
