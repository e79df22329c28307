"""Consent, treaty and self-defence, each read for one state where the operation acts.

Consent must come from an authority entitled to give it: the state's constitutional
government. Consent from a de facto, deposed or rival authority, or consent that is only
partial, is contested in law. A treaty gives consent in advance only for a state that is
party to it and only for what it provides. Article 51 permits force against an armed
attack that has occurred, collectively only at the request of the state attacked
(Nicaragua v United States, ICJ 1986, para 199); against a non-state group on another
state's territory without that state's consent it is contested.
"""

from __future__ import annotations

import datetime as dt
import re

from pso_cli.model.enums import ArmedAttack, Attacker, ConsentAuthority, ConsentStatus
from pso_cli.model.enums import SelfDefenceKind as Kind
from pso_cli.model.fields import NONE
from pso_cli.model.legal import Area, LegalBasis
from pso_cli.model.legal_analysis import Reading, Status

CONSENT = "legal_basis.host_consent"
TREATY = "legal_basis.treaty"
DEFENCE = "legal_basis.self_defence"

_CONSENTING = frozenset({ConsentStatus.GIVEN, ConsentStatus.PARTIAL, ConsentStatus.CONTESTED})

_AUTHORITY_WORDS = {
    ConsentAuthority.CONTESTED: "whose authority to govern is contested",
    ConsentAuthority.DE_FACTO: "a de facto authority, not the constitutional government",
    ConsentAuthority.DEPOSED: "a deposed government",
}


def same_state(a: str | None, b: str | None) -> bool:
    """One state named two ways: case, "the", spacing and a bracketed locality ignored
    ("Egypt (Sinai)" is Egypt)."""

    def key(name: str) -> str:
        bare = re.sub(r"\s*\([^)]*\)", "", name).casefold().removeprefix("the ")
        return " ".join(bare.split())

    return a is not None and b is not None and key(a) == key(b)


def _given(lb: LegalBasis, state: str) -> Reading:
    hc = lb.host_consent
    assert hc is not None
    who = hc.given_by or "an authority the proposal does not name"
    if hc.authority is ConsentAuthority.CONSTITUTIONAL:
        return Reading(
            Status.VALID, f"the lawful government of {state} consents ({who})", f"{CONSENT}.status"
        )
    if hc.authority is None:
        return Reading(
            Status.UNCLEAR,
            f"consent is given by {who}, but not whether that is the constitutional government",
            f"{CONSENT}.authority",
            f"state whether {who} is the constitutional government of {state} "
            f"({CONSENT}.authority)",
        )
    return Reading(
        Status.DOUBTFUL,
        f"consent comes from {who}, {_AUTHORITY_WORDS[hc.authority]}",
        f"{CONSENT}.authority",
        f"whether {who} is entitled to consent for {state}",
    )


def host_consent(lb: LegalBasis, state: str, as_of: dt.date | None = None) -> Reading:
    """The host's consent as at `as_of`: consent dated later is not yet given (it must
    exist when the act it permits is decided; ILC Articles on State Responsibility, Art. 20
    and its commentary), as a resolution adopted later does not exist yet."""
    hc = lb.host_consent
    status = hc.status if hc else None
    field = f"{CONSENT}.status"
    if status is None:
        return Reading(
            Status.UNKNOWN, f"whether {state} consents is not stated", field,
            f"state the host's consent ({field})",
        )  # fmt: skip
    dated = hc.date if hc else None
    if as_of is not None and dated is not None and dated > as_of and status in _CONSENTING:
        return Reading(
            Status.UNCLEAR,
            f"{state}'s consent is dated {dated.isoformat()}, after {as_of.isoformat()}, "
            "and is not yet given at that date",
            f"{CONSENT}.date",
            f"obtain {state}'s consent before the decision, or judge the proposal at a date "
            f"on or after {dated.isoformat()} ({CONSENT}.date)",
        )
    if status is ConsentStatus.GIVEN:
        return _given(lb, state)
    if status is ConsentStatus.PARTIAL:
        return Reading(
            Status.DOUBTFUL, f"{state}'s consent is only partial", field,
            f"whether the partial consent of {state} covers the whole operation where it acts",
        )  # fmt: skip
    if status is ConsentStatus.CONTESTED:
        return Reading(
            Status.DOUBTFUL, f"{state}'s consent is disputed by a rival authority", field,
            f"whether the consent given for {state} is valid while a rival authority disputes it",
        )  # fmt: skip
    refused = (
        "has withdrawn its consent" if status is ConsentStatus.WITHDRAWN else "does not consent"
    )
    return Reading(Status.ABSENT, f"{state} {refused}", field)


def area_consent(area: Area, i: int) -> Reading:
    """Consent of a state, other than the host, in whose territory or waters it acts."""
    state = area.state or "the state"
    field = f"legal_basis.area_of_operations[{i}].consent"
    if area.consent is ConsentStatus.GIVEN:
        return Reading(Status.VALID, f"{state} consents", field)
    if area.consent is None:
        return Reading(
            Status.UNKNOWN, f"whether {state} consents is not stated", field,
            f"state whether {state} consents ({field})",
        )  # fmt: skip
    if area.consent in (ConsentStatus.PARTIAL, ConsentStatus.CONTESTED):
        return Reading(
            Status.DOUBTFUL, f"{state}'s consent is {area.consent}", field,
            f"whether {state}'s {area.consent} consent covers the operation",
        )  # fmt: skip
    return Reading(Status.ABSENT, f"{state} does not consent", field)


def treaty(lb: LegalBasis, state: str) -> Reading:
    t = lb.treaty
    if t is None or t == NONE:
        return Reading(Status.NONE, "", TREATY)
    assert not isinstance(t, str)
    name = t.instrument if len(t.instrument) <= 80 else "the treaty"
    if t.parties is None:
        return Reading(
            Status.UNCLEAR, f"the parties to {name} are not stated", f"{TREATY}.parties",
            f"state the parties to the treaty ({TREATY}.parties)",
        )  # fmt: skip
    if not any(same_state(p, state) for p in t.parties):
        return Reading(Status.ABSENT, f"{state} is not a party to {name}", f"{TREATY}.parties")
    if t.provides_for_deployment is None:
        return Reading(
            Status.UNCLEAR, f"whether {name} provides for this deployment is not stated",
            f"{TREATY}.provides_for_deployment",
            f"state whether the treaty provides for this deployment "
            f"({TREATY}.provides_for_deployment)",
        )  # fmt: skip
    if not t.provides_for_deployment:
        return Reading(
            Status.ABSENT, f"{name} does not provide for this deployment",
            f"{TREATY}.provides_for_deployment",
        )  # fmt: skip
    return Reading(Status.VALID, f"{name}, to which {state} is party, provides for it", TREATY)


def _attack(lb: LegalBasis) -> Reading | None:
    """Why Article 51 does not (yet) apply, or None when its conditions are met."""
    sd = lb.self_defence
    assert sd is not None and not isinstance(sd, str)
    attacked = sd.state_attacked or "the state attacked"
    if sd.armed_attack is None:
        return Reading(
            Status.UNCLEAR, f"whether {attacked} has suffered an armed attack is not stated",
            f"{DEFENCE}.armed_attack",
            f"state whether an armed attack occurred ({DEFENCE}.armed_attack)",
        )  # fmt: skip
    if sd.armed_attack is ArmedAttack.NONE:
        return Reading(
            Status.ABSENT, "no armed attack has occurred, so Article 51 does not apply",
            f"{DEFENCE}.armed_attack",
        )  # fmt: skip
    if sd.kind is Kind.COLLECTIVE and sd.request is not True:
        if sd.request is None:
            return Reading(
                Status.UNCLEAR, f"whether {attacked} has asked for help is not stated",
                f"{DEFENCE}.request",
                f"state whether {attacked} has requested help ({DEFENCE}.request)",
            )  # fmt: skip
        return Reading(
            Status.ABSENT,
            "collective self-defence needs the request of the state attacked; "
            f"{attacked} made none",
            f"{DEFENCE}.request",
        )
    if sd.armed_attack is ArmedAttack.IMMINENT:
        return Reading(
            Status.DOUBTFUL, "force against an attack that has not yet occurred is contested",
            f"{DEFENCE}.armed_attack",
            "whether Article 51 permits force against an armed attack that has not yet occurred",
        )  # fmt: skip
    return None


def self_defence(lb: LegalBasis, state: str | None) -> Reading:
    """Article 51, for force used in `state`'s territory or waters (None: the high seas)."""
    sd = lb.self_defence
    if sd is None or sd == NONE:
        return Reading(Status.NONE, "", DEFENCE)
    assert not isinstance(sd, str)
    problem = _attack(lb)
    if problem is not None:
        return problem
    attacked = sd.state_attacked or "the state attacked"
    how = (
        "collective self-defence at the request of"
        if sd.kind is Kind.COLLECTIVE
        else "self-defence of"
    )
    if state is None or same_state(state, sd.state_attacked) or sd.attacker is Attacker.STATE:
        return Reading(Status.VALID, f"Article 51 ({how} {attacked})", DEFENCE)
    if sd.attacker is None:
        return Reading(
            Status.UNCLEAR, "who carried out the armed attack is not stated", f"{DEFENCE}.attacker",
            f"state who carried out the armed attack ({DEFENCE}.attacker)",
        )  # fmt: skip
    return Reading(
        Status.DOUBTFUL,
        f"self-defence against a non-state group in {state}, which has not consented, is contested",
        f"{DEFENCE}.attacker",
        f"whether Article 51 permits force against a non-state group in {state} "
        "without its consent",
    )
