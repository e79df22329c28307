"""Enumerations of the proposal format and the spellings each accepts.

A value is matched case-insensitively, with '_' and spaces read as '-', against the
canonical spellings and the listed aliases. Nothing else is guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any


class Choice(StrEnum):
    """Base for proposal enumerations; `_aliases` (set after the class) maps extra
    spellings to members."""

    @classmethod
    def normalise(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        key = value.strip().lower().replace("_", "-").replace(" ", "-")
        aliases: dict[str, str] = getattr(cls, "_aliases", {})
        found = aliases.get(key, key)
        # Not a spelling of any member: hand back what the file says, so the error
        # quotes it as written ('TBD', not 'tbd').
        return found if found in cls._value2member_map_ else value

    @classmethod
    def normaliser(cls) -> Callable[[Any], Any]:
        """`normalise` as a validator, with a fast path for the usual case: a value
        written exactly as a canonical spelling or an alias is answered by one dict
        lookup; anything else takes `normalise`, so results and errors are the same."""
        exact = {m.value: m.value for m in cls} | getattr(cls, "_aliases", {})
        slow = cls.normalise

        def normalise(value: Any) -> Any:
            try:
                return exact[value]
            except (KeyError, TypeError):  # another spelling, or not a str (unhashable)
                return slow(value)

        return normalise


class OperationType(Choice):
    UN_PEACEKEEPING = "un-peacekeeping"
    REGIONAL_ASSISTANCE = "regional-assistance"
    TRUCE_MONITORING = "truce-monitoring"
    OBSERVER_MISSION = "observer-mission"
    POLICE_ASSISTANCE = "police-assistance"
    TRAINING = "training"
    HUMANITARIAN = "humanitarian"
    MARITIME_SECURITY = "maritime-security"
    ENFORCEMENT = "enforcement"


OperationType._aliases = {  # type: ignore[attr-defined]
    "peacekeeping": "un-peacekeeping",
    "regional-stabilisation": "regional-assistance",
    "stabilisation": "regional-assistance",
    "peace-monitoring": "truce-monitoring",
    "capacity-building": "training",
    "disaster-support": "humanitarian",
    "combat": "enforcement",
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
    VI = "vi"
    VII = "vii"
    VIII = "viii"


class ConsentStatus(Choice):
    GIVEN = "given"
    PARTIAL = "partial"
    CONTESTED = "contested"
    WITHDRAWN = "withdrawn"
    NONE = "none"


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
