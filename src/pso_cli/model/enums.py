"""Enumerations of the proposal format and the spellings each accepts.

A value is matched case-insensitively, with '_' and spaces read as '-', against the
canonical spellings and the listed aliases (model/choice.py). Nothing else is guessed.
"""

from __future__ import annotations

from pso_cli.model.choice import Choice as Choice  # the base, re-exported


class OperationType(Choice):
    UN_PEACEKEEPING = "un-peacekeeping"
    REGIONAL_ASSISTANCE = "regional-assistance"
    STABILISATION = "stabilisation"
    TRUCE_MONITORING = "truce-monitoring"
    OBSERVER_MISSION = "observer-mission"
    POLICE_ASSISTANCE = "police-assistance"
    TRAINING = "training"
    HUMANITARIAN = "humanitarian"
    RECONSTRUCTION = "reconstruction"
    MARITIME_SECURITY = "maritime-security"
    COMBAT_SUPPORT = "combat-support"
    ENFORCEMENT = "enforcement"


# Only spellings that mean the same thing. Format 1 also read "peacekeeping",
# "capacity-building" and "combat" as other values; model/migrate.py keeps that reading
# for format-1 files, with a notice, and format 2 refuses them.
OperationType._aliases = {  # type: ignore[attr-defined]
    "stabilization": "stabilisation",
    "peace-monitoring": "truce-monitoring",
    "disaster-relief": "humanitarian",
    "disaster-support": "humanitarian",
}


class Region(Choice):
    PACIFIC = "pacific"
    ASIA = "asia"
    MIDDLE_EAST = "middle-east"
    AFRICA = "africa"
    EUROPE = "europe"
    AMERICAS = "americas"


class Arrangement(Choice):
    UN_LED = "un-led"
    REGIONAL_ORGANISATION = "regional-organisation"
    COALITION = "coalition"
    BILATERAL = "bilateral"
    NZ_LED = "nz-led"


Arrangement._aliases = {  # type: ignore[attr-defined]
    "multinational-coalition": "coalition",
    "regional-organization": "regional-organisation",
}


class Chapter(Choice):
    """The Charter chapter a Security Council resolution acts under."""

    VI = "vi"
    VII = "vii"
    VIII = "viii"


class ConsentStatus(Choice):
    GIVEN = "given"
    PARTIAL = "partial"
    CONTESTED = "contested"
    WITHDRAWN = "withdrawn"
    NONE = "none"


class ConsentAuthority(Choice):
    """Is the authority that gives consent entitled to give it for the state?"""

    CONSTITUTIONAL = "constitutional"  # the lawful government, under the state's constitution
    CONTESTED = "contested"  # its claim to govern is disputed (rival governments)
    DE_FACTO = "de-facto"  # in control, but not the constitutional government
    DEPOSED = "deposed"  # removed from power (e.g. by a coup), still claiming to govern


ConsentAuthority._aliases = {  # type: ignore[attr-defined]
    "lawful-government": "constitutional",
    "de-facto-authority": "de-facto",
}


class ConsentForm(Choice):
    WRITTEN = "written"
    ORAL = "oral"


class SelfDefenceKind(Choice):
    """Article 51: New Zealand's own defence, or another state's at its request."""

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


class ArmedAttack(Choice):
    """Has the state relying on Article 51 suffered an armed attack?"""

    OCCURRED = "occurred"  # an armed attack has occurred or is under way
    IMMINENT = "imminent"  # anticipatory self-defence: contested in law
    NONE = "none"


class Attacker(Choice):
    STATE = "state"
    NON_STATE = "non-state"


class AreaKind(Choice):
    """Where the operation acts, for consent: a state's territory or the high seas."""

    TERRITORY = "territory"  # land and the airspace above it
    TERRITORIAL_WATERS = "territorial-waters"
    INTERNATIONAL_WATERS = "international-waters"


class StatutoryPurpose(Choice):
    """Purposes in New Zealand law for which the deploying agency may act overseas:
    Defence Act 1990 s5 for the Defence Force, Policing Act 2008 s9(g) for Police."""

    DEFENCE_OF_NZ = "defence-of-new-zealand"  # Defence Act 1990 s5(a)
    NZ_INTERESTS = "protection-of-nz-interests"  # s5(b)
    COLLECTIVE_SECURITY = "collective-security"  # s5(c): under a treaty, agreement or arrangement
    UN_OR_ASSOCIATED = "un-or-associated"  # s5(d): for the UN, or with others per the Charter
    CIVIL_POWER = "assistance-to-civil-power"  # s5(e): in time of emergency
    PUBLIC_SERVICE = "public-service"  # s5(f)
    POLICING_OVERSEAS = "policing-outside-nz"  # Policing Act 2008 s9(g)


class LegalConclusion(Choice):
    """What legal advisers concluded."""

    LAWFUL = "lawful"
    CONTESTED = "contested"
    UNLAWFUL = "unlawful"


class PeaceStatus(Choice):
    AGREEMENT = "agreement"
    CEASEFIRE = "ceasefire"
    NEGOTIATING = "negotiating"
    NONE = "none"


PeaceStatus._aliases = {"signed": "agreement", "peace-agreement": "agreement"}  # type: ignore[attr-defined]


class SofaStatus(Choice):
    SIGNED = "signed"
    EXCHANGE_OF_NOTES = "exchange-of-notes"
    NEGOTIATING = "negotiating"
    NONE = "none"


SofaStatus._aliases = {"in-force": "signed", "un-sofa": "signed"}  # type: ignore[attr-defined]


class ForcePosture(Choice):
    UNARMED = "unarmed"
    SELF_DEFENCE = "self-defence"
    DEFENCE_OF_MANDATE = "defence-of-mandate"
    ENFORCEMENT = "enforcement"


ForcePosture._aliases = {"self-defense": "self-defence", "defense-of-mandate": "defence-of-mandate"}  # type: ignore[attr-defined]


class Effect(Choice):
    """Effect of the operation on an interest of New Zealand's."""

    ADVANCES = "advances"
    NEUTRAL = "neutral"
    HARMS = "harms"


class RelationshipEffect(Choice):
    STRENGTHENS = "strengthens"
    NEUTRAL = "neutral"
    STRAINS = "strains"


class Severity(Choice):
    """Humanitarian severity."""

    LOW = "low"
    MODERATE = "moderate"
    SEVERE = "severe"
    CATASTROPHIC = "catastrophic"


class Backing(Choice):
    STRONG = "strong"
    SOME = "some"
    NONE = "none"
    OPPOSED = "opposed"


class Level(Choice):
    """Threat level."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    EXTREME = "extreme"


class Trend(Choice):
    IMPROVING = "improving"
    STABLE = "stable"
    DETERIORATING = "deteriorating"


class Adequacy(Choice):
    ADEQUATE = "adequate"
    PARTIAL = "partial"
    INADEQUATE = "inadequate"


class AlternativeType(Choice):
    DEVELOPMENT_ASSISTANCE = "development-assistance"
    HUMANITARIAN_FUNDING = "humanitarian-funding"
    DIPLOMACY = "diplomacy"
    TRAINING_PARTNER_FORCES = "training-partner-forces"
    FUNDING_MECHANISMS = "funding-mechanisms"
    SANCTIONS = "sanctions"
    POLICE_CAPACITY_BUILDING = "police-capacity-building"
    SMALLER_CONTRIBUTION = "smaller-contribution"


AlternativeType._aliases = {  # type: ignore[attr-defined]
    "mediation": "diplomacy",
    "diplomatic-support": "diplomacy",
    "niche-contribution": "smaller-contribution",
    "aid": "development-assistance",
}


class Feasibility(Choice):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class AlternativeEffect(Choice):
    """Would the alternative meet the operation's objective?"""

    MEETS = "meets"
    PARTLY = "partly"
    DOES_NOT = "does-not"


class Decision(Choice):
    """Historical record only: never read for scoring."""

    JOINED = "joined"
    LIMITED = "limited"
    DECLINED = "declined"
