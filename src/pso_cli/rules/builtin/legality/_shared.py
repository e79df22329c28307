"""What several legality rules share: the policy passage and the Charter's addresses."""

from __future__ import annotations

from pso_cli.rules.api import Consideration

LEG = Consideration.LEGALITY
MFAT_LEGALITY = "legality of the proposed mission and mandate under international law"
CHARTER_CH1 = "https://www.un.org/en/about-us/un-charter/chapter-1"
