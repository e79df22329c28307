"""Alternative options: could New Zealand help the country in other ways?

The MFAT policy's fourth consideration asks whether deploying is necessary at all. One
rule scores it: ALT-002 rates the best alternative to deploying (the worst level any
listed alternative sets), so listing alternatives can only lower the score and a straw
man never raises it. ALT-001 asks for alternatives to be assessed at all; the others
only inform, naming kinds of option that were not assessed (a smaller contribution,
training partner forces, a regional mechanism, peaceful means before enforcement,
humanitarian funding) or that could complement the deployment. They read only
`alternatives`, the operation's type and size and its leadership, and never judge an
alternative's merits beyond what the proposal itself states.
"""

from pso_cli.rules.builtin import rules_in

RULES = rules_in(__name__)
