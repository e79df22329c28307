"""The legal analysis: typed bases in international law in, one decision out.

`analyse(proposal, as_of)` decides, for the operation as proposed and where it acts,
whether it is lawful, contested, unlawful or unknown, names the basis relied on and says
why in one sentence. It is decided here once; rules read the result and never re-derive
it. The decision table it applies is data (law/table.py), documented by `pso explain
LEG-001` and in README "How pso reads the law".
"""

from pso_cli.law.analysis import analyse
from pso_cli.model.legal_analysis import Basis, LegalAnalysis, LegalOutcome, Place

__all__ = ["Basis", "LegalAnalysis", "LegalOutcome", "Place", "analyse"]
