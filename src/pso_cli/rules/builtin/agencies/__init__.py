"""Rules for the third consideration: implications for the NZ agencies involved.

The MFAT policy asks about "potential implications for New Zealand agencies involved in
the proposed peacekeeping operation", and notes that the NZDF and Police "do much of the
work on the ground". These rules judge whether the agencies can carry the proposed load
(people, rotations, concurrent deployments, the Pacific reserve), whether the people sent
are protected, treated and commanded properly, and whether the contribution is funded and
organised. Capacity figures are profile options with plausible public defaults, stated in
each options model; a profile should replace them with current figures.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
