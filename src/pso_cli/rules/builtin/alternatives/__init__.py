"""Alternative options: could New Zealand help the country in other ways?

The MFAT policy's fourth consideration asks whether deploying is necessary at all: a
contribution is better founded when non-deployment options (aid, diplomacy, funding,
sanctions, capacity building) and smaller or training contributions were assessed and
found not to meet the objective. These rules read only `alternatives`, the operation's
type and size, and the leadership arrangement; they never judge the alternatives' merits
beyond what the proposal itself states.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
