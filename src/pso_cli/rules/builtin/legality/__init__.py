"""Legality rules: is the proposed mission and its mandate lawful under international law?

The MFAT policy asks New Zealand to weigh the "legality of the proposed mission and
mandate under international law". The law itself is decided once, by the legal analysis
(pso_cli.law), from the typed facts of `legal_basis`; LEG-001 is its gate and attribute
(unlawful: do-not-recommend; contested or unknown: further analysis). The other rules
weigh what the analysis does not: status-of-forces protection, New Zealand's own
statutory authority, the mandate's expiry and the timing of consent. The UN peacekeeping
principles are doctrine, not law: they are weighed under strategic implications.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
