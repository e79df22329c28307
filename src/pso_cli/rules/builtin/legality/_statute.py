"""New Zealand's statutory purposes for deploying overseas, and what each needs."""

from __future__ import annotations

import datetime as dt

from pso_cli.model.enums import Arrangement, OperationType, Severity, StatutoryPurpose
from pso_cli.model.fields import NONE
from pso_cli.model.proposal import Proposal

P = StatutoryPurpose
DEFENCE_ACT = frozenset(set(P) - {P.POLICING_OVERSEAS})  # Defence Act 1990 s5(a)-(f)
EMERGENCY = frozenset({Severity.SEVERE, Severity.CATASTROPHIC})
POLICING_ACT = dt.date(2008, 10, 1)  # the Policing Act 2008 came into force (s 2)


def deploying(p: Proposal) -> list[str]:
    """The agencies (nzdf, police) with personnel, or personnel unstated, in the proposal."""
    c = p.contribution
    if c is None:
        return []
    return [
        k for k in ("nzdf", "police") if getattr(c, k) is not None and getattr(c, k).personnel != 0
    ]


def _arranged(p: Proposal) -> bool:
    """A treaty, agreement or arrangement for collective security (s5(c))."""
    lb = p.legal_basis
    if lb is not None and (
        lb.treaty not in (None, NONE) or lb.regional_arrangement not in (None, NONE)
    ):
        return True
    return p.leadership is not None and p.leadership.arrangement is Arrangement.COALITION


def _emergency(p: Proposal) -> bool:
    """A time of emergency, for assistance to the civil power (s5(e))."""
    hum = p.strategic.humanitarian if p.strategic else None
    return p.identity.operation_type is OperationType.HUMANITARIAN or (
        hum is not None and hum.severity in EMERGENCY
    )


def misfits(p: Proposal, purposes: set[StatutoryPurpose], as_of: dt.date) -> list[str]:
    """Why the stated purposes do not authorise the deployment as proposed (empty: they
    do). Before the Policing Act 2008 came into force the Police Act 1958 applied, which
    has no purpose to check: a stated statutory basis is then taken as it stands."""
    out = []
    agencies = deploying(p)
    if "nzdf" in agencies and not purposes & DEFENCE_ACT:
        out.append("no Defence Act 1990 s5 purpose is stated for the Defence Force")
    police_act = as_of >= POLICING_ACT
    if "police" in agencies and police_act and P.POLICING_OVERSEAS not in purposes:
        out.append("Police deploy without the Policing Act 2008 s9(g) function")
    only = purposes & DEFENCE_ACT
    if only == {P.COLLECTIVE_SECURITY} and not _arranged(p):
        out.append("s5(c) collective security needs a treaty, agreement or arrangement")
    if only == {P.CIVIL_POWER} and not _emergency(p):
        out.append("s5(e) assistance to the civil power is for a time of emergency")
    return out
