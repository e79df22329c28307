"""What several legality rules share: sources, consent and Chapter VII."""

from __future__ import annotations

from pso_cli.model.enums import Chapter, ConsentStatus, OperationType
from pso_cli.model.proposal import LegalBasis
from pso_cli.rules.api import Consideration

LEG = Consideration.LEGALITY
MFAT_LEGALITY = "legality of the proposed mission and mandate under international law"
CAPSTONE = (
    "UN peacekeeping principles: consent of the parties, impartiality, non-use of force "
    "except in self-defence and defence of the mandate (United Nations Peacekeeping "
    "Operations: Principles and Guidelines, 2008)"
)
CAPSTONE_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"
PEACEKEEPING = frozenset(
    {OperationType.UN_PEACEKEEPING, OperationType.TRUCE_MONITORING, OperationType.OBSERVER_MISSION}
)


def consent(lb: LegalBasis | None) -> ConsentStatus | None:
    return lb.host_consent.status if lb and lb.host_consent else None


def chapter_vii_force(lb: LegalBasis | None) -> bool:
    if lb is None:
        return False
    return any(r.chapter == Chapter.VII and r.authorises_force for r in lb.security_council or [])
