"""Who can change a fact: the proposal's authors (an action) or nobody (the world).

"To strengthen this proposal" lists only actions, in the imperative: what the authors can
do (conclude a status-of-forces agreement, close a force-protection gap, define an exit
strategy, seek partners). A fact of the world (the threat, the effect on a relationship,
the humanitarian situation, the host's consent, the Security Council's action) is never
something to do: the verdict may depend on it, and the brief says how, but pso never
proposes that the authors restate it.

`LEVERS` is the classification, as data: a dotted field path (list items as `[]`, any
agency as `contribution.*`) to a `Lever`. A field takes the entry of its longest
classified prefix, so an entry for a section covers the fields inside it unless one of
them has its own. A test checks that every field a rule, a veto or a must-have reads is
classified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Control(StrEnum):
    ACTION = "action"  # the proposal's authors control it
    WORLD = "world"  # a fact of the world: stated as it is, never wished otherwise


@dataclass(frozen=True, slots=True)
class Lever:
    """How one field reads in the brief.

    `act` (actions) is the imperative for the edit that would help; `{value}` is the new
    value as the file would spell it; `state` the imperative when the fact is unknown, if
    the value pso tried is only one of several that would do. `noun` names the fact; for
    a yes/no fact of the world, `yes` and `no` are clauses ("civilians were at risk").
    `fixed`: the fact says which operation this is (its host, region, kind, who leads
    it): pso never varies it. `need`: more of it is a worse world (a graver humanitarian
    situation), so pso never says the verdict would improve if it grew.
    """

    control: Control
    noun: str
    act: str = ""
    yes: str = ""
    no: str = ""
    state: str = ""
    fixed: bool = False
    need: bool = False


def _do(noun: str, act: str, state: str = "") -> Lever:
    return Lever(Control.ACTION, noun, act, state=state)


def _is(noun: str, yes: str = "", no: str = "", *, need: bool = False) -> Lever:
    return Lever(Control.WORLD, noun, yes=yes, no=no, need=need)


def _fixed(noun: str) -> Lever:
    return Lever(Control.WORLD, noun, fixed=True)


_AGENCY = "contribution.*"
LEVERS: dict[str, Lever] = {
    # identity, location and leadership
    "identity.operation_type": _fixed("the kind of operation"),
    "identity.summary": _fixed("the operation's purpose"),
    "identity.decision_date": _fixed("the date of the decision"),
    "location.host": _fixed("the host state"),
    "location.region": _fixed("the region"),
    "location.start_date": _do("the start date", "Start the deployment on {value}"),
    "location.duration_months": _do(
        "the commitment's length", "Limit the commitment to {value} months"
    ),
    "location.review_dates": _do("the review dates", "Schedule reviews of the commitment"),
    "leadership.arrangement": _fixed("who leads the operation"),
    "leadership.lead": _fixed("the lead nation or organisation"),
    "leadership.partners": _do(
        "the partners", "Seek coalition partners to contribute alongside NZ"
    ),
    # the law: the facts of the law are the world's; what NZ arranges is an action
    "legal_basis": _is("the legal basis"),
    "legal_basis.security_council": _is("the Security Council's action"),
    "legal_basis.security_council[].authorises_force": _is(
        "the resolution's authority",
        "the resolution authorised force",
        "the resolution authorised no force",
    ),
    "legal_basis.security_council[].for_this_situation": _is(
        "the resolution's situation",
        "the resolution was adopted for this situation",
        "the resolution was adopted for another situation",
    ),
    "legal_basis.host_consent": _is("host consent"),
    "legal_basis.host_consent.status": _is("host consent"),
    "legal_basis.host_consent.authority": _is("the authority that consents"),
    "legal_basis.host_consent.form": _do(
        "the form of consent", "Obtain the host's consent in {value} form"
    ),
    "legal_basis.host_consent.instrument": _do(
        "the instrument of consent", "Record the instrument by which the host consents"
    ),
    "legal_basis.self_defence": _is("self-defence under Article 51"),
    "legal_basis.self_defence.request": _is(
        "a request for help",
        "the state attacked had asked for help",
        "the state attacked had not asked for help",
    ),
    "legal_basis.self_defence.council_informed": _is(
        "the report to the Council",
        "the Council had been informed",
        "the Council had not been informed",
    ),
    "legal_basis.regional_arrangement": _is("the regional organisation's decision"),
    "legal_basis.regional_arrangement.acts_with_host_consent": _is(
        "the regional mission's consent",
        "the regional mission acted with the host's consent",
        "the regional mission acted without the host's consent",
    ),
    "legal_basis.treaty": _is("the treaty"),
    "legal_basis.treaty.provides_for_deployment": _is(
        "the treaty's provision",
        "the treaty provided for this deployment",
        "the treaty did not provide for this deployment",
    ),
    "legal_basis.peace_agreement": _is("the peace agreement"),
    "legal_basis.peace_agreement.status": _is("the peace to keep"),
    "legal_basis.peace_agreement.parties_committed": _is(
        "the parties' commitment to the peace",
        "the main parties kept to the peace agreement",
        "the main parties no longer kept to the peace agreement",
    ),
    "legal_basis.main_parties": _is("the consent of the main parties"),
    "legal_basis.main_parties[].consents": _is(
        "a main party's consent", "that main party consented", "that main party refused its consent"
    ),
    "legal_basis.area_of_operations": _is("where the operation acts"),
    "legal_basis.status_of_forces": _do(
        "status-of-forces protection", "Conclude a status-of-forces agreement"
    ),
    "legal_basis.status_of_forces.status": _do(
        "status-of-forces protection", "Bring status-of-forces protection to '{value}'"
    ),
    "legal_basis.use_of_force": _do(
        "the use-of-force posture", "Set NZ's use-of-force posture to '{value}'"
    ),
    "legal_basis.nz_authority": _do(
        "NZ's domestic authority", "Set out NZ's domestic authority to deploy"
    ),
    "legal_basis.nz_authority.statutory_basis": _do(
        "the statutory basis", "State the statutory basis for each deploying agency"
    ),
    "legal_basis.nz_authority.statutory_purposes": _do(
        "the statutory purposes",
        "Rely on the statutory purpose '{value}'",
        "State the statutory purpose each deploying agency relies on",
    ),
    "legal_basis.nz_authority.cabinet_decision": _do(
        "the Cabinet decision", "Seek the Cabinet decision"
    ),
    "legal_basis.nz_authority.mandate_expiry": _do(
        "NZ's mandate", "Extend NZ's mandate to cover the whole commitment"
    ),
    "legal_basis.legal_advice": _do("legal advice", "Obtain legal advice on the questions raised"),
    # strategic: the effects are the world's; the plan is the authors'
    "strategic.nz_security": _is("the effect on NZ's security"),
    "strategic.relationships": _is("the effect on a relationship"),
    "strategic.humanitarian": _is("the humanitarian situation", need=True),
    "strategic.humanitarian.civilians_at_risk": _is(
        "the risk to civilians", "civilians were at risk", "civilians were not at risk", need=True
    ),
    "strategic.rules_based_order": _is("the effect on the rules-based order"),
    "strategic.economic_interests": _is("the effect on NZ's economic interests"),
    "strategic.regional_backing": _is("regional backing"),
    "strategic.objectives": _do("the objectives", "State the objectives NZ aims to achieve"),
    "strategic.end_state": _do("the end state", "Define the end state that ends the mission"),
    "strategic.exit_strategy": _do("the exit strategy", "Agree an exit strategy"),
    # the contribution: entirely the authors'
    "contribution": _do("the contribution", "Set out NZ's contribution by agency"),
    "contribution.police": _do("the Police contribution", "Include NZ Police in the contribution"),
    "contribution.mfat": _do("the MFAT contribution", "Include MFAT to lead the political track"),
    "contribution.other": _do(
        "other agencies' contributions", "Set out other agencies' contributions"
    ),
    f"{_AGENCY}.personnel": _do(
        "the contribution's size", "Reduce the contribution to {value} personnel"
    ),
    f"{_AGENCY}.roles": _do("the roles", "Define each agency's roles"),
    f"{_AGENCY}.rotation_months": _do("the rotation length", "Set rotations of {value} months"),
    f"{_AGENCY}.assets": _do("the assets", "List the key assets to deploy"),
    f"{_AGENCY}.cost_nzd": _do("the cost", "Estimate the cost of each agency's contribution"),
    f"{_AGENCY}.funding_source": _do("the funding", "Identify the funding source for each agency"),
    # risk: the threat is the world's; protection, evacuation and command are arranged
    "risk.threat_level": _is("the threat"),
    "risk.threat_trend": _is("the threat's trend"),
    "risk.force_protection": _do(
        "force protection", "Arrange force protection adequate to the threat"
    ),
    "risk.force_protection.adequacy": _do("force protection", "Make force protection {value}"),
    "risk.force_protection.mitigation": _do(
        "the force-protection gap", "State how the force-protection gap is closed before deployment"
    ),
    "risk.medical_evacuation": _do(
        "medical care and evacuation", "Arrange medical care and evacuation adequate to the threat"
    ),
    "risk.medical_evacuation.adequacy": _do(
        "medical care and evacuation", "Make medical care and evacuation {value}"
    ),
    "risk.medical_evacuation.mitigation": _do(
        "the medical-evacuation gap",
        "State how the medical-evacuation gap is closed before deployment",
    ),
    "risk.command": _do("national command", "Keep national command of NZ personnel"),
    "risk.command.national_command_retained": _do(
        "national command", "Keep national command of NZ personnel"
    ),
    "risk.command.caveats": _do("national caveats", "State NZ's national caveats"),
    # alternatives: assessing them is an action; how well each would work is the world's
    "alternatives": _do("the alternatives", "Assess the alternatives to deploying"),
    "alternatives[].type": _do("the alternatives", "Assess the alternatives to deploying"),
    "alternatives[].description": _do("an alternative", "Describe each alternative assessed"),
    "alternatives[].rationale": _do(
        "the basis of an assessment", "State the basis for each alternative's assessment"
    ),
    "alternatives[].feasibility": _is("an alternative's feasibility"),
    "alternatives[].expected_effect": _is("what an alternative would achieve"),
}

_INDEX = re.compile(r"\[\d+\]")
_AGENCY_PATH = re.compile(r"^contribution\.(?:nzdf|police|mfat|other\[\])\.")


def normalised(field: str) -> str:
    """`contribution.nzdf.roles[2]` -> `contribution.nzdf.roles[]`."""
    return _INDEX.sub("[]", field)


def lever(field: str) -> Lever | None:
    """The classification of a field: its own entry or its longest classified prefix,
    an agency's field also matching the entry for any agency (`contribution.*`)."""
    path = normalised(field)
    own = _longest(path)
    anyone = _longest(_AGENCY_PATH.sub(_AGENCY + ".", path))
    best = max((m for m in (own, anyone) if m is not None), default=None, key=lambda m: m[0])
    return best[1] if best else None


def _longest(path: str) -> tuple[int, Lever] | None:
    """(length of the matched prefix, its lever), for the longest classified prefix."""
    while path:
        hit = LEVERS.get(path) or LEVERS.get(path.removesuffix("[]"))
        if hit is not None:
            return len(path), hit
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def control(field: str) -> Control | None:
    found = lever(field)
    return found.control if found else None


def is_action(field: str) -> bool:
    return control(field) is Control.ACTION
