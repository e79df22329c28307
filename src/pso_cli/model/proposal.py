"""The proposal format, version 1: the contract every rule and report reads.

Every fact is optional unless a proposal cannot be identified without it: a fact the
file does not state stays `None` (or an empty list) and is reported as missing, never
scored as good or bad. Field descriptions become the JSON Schema's documentation.

Annotations here are evaluated as the classes are defined (no `from __future__ import
annotations`): pydantic then reads them as objects instead of evaluating each string
again while it builds the models, which start-up pays for.
"""

import datetime as dt
import unicodedata
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    model_validator,
)

from pso_cli.model import enums as e

FORMAT_VERSION = 1


def _choice(kind: type[e.Choice], doc: str, required: bool = False) -> Any:
    values = ", ".join(f"`{m.value}`" for m in kind)
    description = f"{doc} One of: {values} (case-insensitive; '_' or space for '-')."
    return Field(description=description) if required else Field(None, description=description)


OperationType = Annotated[e.OperationType, BeforeValidator(e.OperationType.normaliser())]
Region = Annotated[e.Region, BeforeValidator(e.Region.normaliser())]
Arrangement = Annotated[e.Arrangement, BeforeValidator(e.Arrangement.normaliser())]
Chapter = Annotated[e.Chapter, BeforeValidator(e.Chapter.normaliser())]
ConsentStatus = Annotated[e.ConsentStatus, BeforeValidator(e.ConsentStatus.normaliser())]
PeaceStatus = Annotated[e.PeaceStatus, BeforeValidator(e.PeaceStatus.normaliser())]
SofaStatus = Annotated[e.SofaStatus, BeforeValidator(e.SofaStatus.normaliser())]
ForcePosture = Annotated[e.ForcePosture, BeforeValidator(e.ForcePosture.normaliser())]
Effect = Annotated[e.Effect, BeforeValidator(e.Effect.normaliser())]
RelEffect = Annotated[e.RelationshipEffect, BeforeValidator(e.RelationshipEffect.normaliser())]
HumSeverity = Annotated[e.Severity, BeforeValidator(e.Severity.normaliser())]
Backing = Annotated[e.Backing, BeforeValidator(e.Backing.normaliser())]
Level = Annotated[e.Level, BeforeValidator(e.Level.normaliser())]
Trend = Annotated[e.Trend, BeforeValidator(e.Trend.normaliser())]
Adequacy = Annotated[e.Adequacy, BeforeValidator(e.Adequacy.normaliser())]
AltType = Annotated[e.AlternativeType, BeforeValidator(e.AlternativeType.normaliser())]
Feasibility = Annotated[e.Feasibility, BeforeValidator(e.Feasibility.normaliser())]
AltEffect = Annotated[e.AlternativeEffect, BeforeValidator(e.AlternativeEffect.normaliser())]
Decision = Annotated[e.Decision, BeforeValidator(e.Decision.normaliser())]

Text = Annotated[str, Field(min_length=1, max_length=4000)]
Name = Annotated[str, Field(min_length=1, max_length=200)]

# Whole answers that hold a place instead of stating a fact. Compared case-insensitively,
# with surrounding spaces and end punctuation ignored; text that merely contains one
# ("TBD after the Cabinet meeting on 3 May") is an answer and is kept.
PLACEHOLDERS = frozenset(
    {
        "tbd", "tbc", "tba", "todo", "to do", "to be determined", "to be decided",
        "to be confirmed", "to be advised", "to be agreed", "to follow", "unknown",
        "not known", "not yet known", "pending", "n/a", "na", "placeholder", "fill in",
        "xxx", "?", "??", "???", "-", "--", "...", "\u2026", "lorem ipsum",
    }
)  # fmt: skip


_LONGEST_PLACEHOLDER = max(map(len, PLACEHOLDERS))


def is_placeholder(text: str) -> bool:
    if len(text) > 2 * _LONGEST_PLACEHOLDER:  # most answers are sentences: no need to look
        return False
    if not text.isascii():  # full-width ＴＢＤ is TBD (NFKC), as a reader sees it
        text = unicodedata.normalize("NFKC", text)
    key = " ".join(text.split()).casefold()
    if key in PLACEHOLDERS:
        return True
    key = key.strip("()[]<>{}*_ ").rstrip(".:;!?").strip()  # "(TBD)", "TBD?", "*TBC*"
    return key in PLACEHOLDERS


def _unstated(value: Any) -> Any:
    """A placeholder states nothing: it becomes None, so the rules report the fact as
    missing, located at the placeholder's line, instead of counting it as an answer."""
    return None if isinstance(value, str) and is_placeholder(value) else value


def _without_placeholders(value: Any) -> Any:
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and is_placeholder(v))]
    return value


def _unstated_list(value: Any) -> Any:
    """Placeholder items dropped; a list of nothing but placeholders is unstated, not an
    empty list (which the format reads as "none")."""
    kept = _without_placeholders(value)
    return None if isinstance(value, list) and value and not kept else kept


def _required(value: Any) -> Any:
    """Where the field cannot be left out, a placeholder is an error, not an answer."""
    if isinstance(value, str) and is_placeholder(value):
        raise ValueError(
            f"'{value.strip()}' is a placeholder; this field needs a real answer "
            "(or leave out what it belongs to until it is known)"
        )
    return value


def _unique_source_ids(sources: list[Any]) -> list[Any]:
    """Facts cite sources by id; two sources with one id make a citation ambiguous."""
    first: dict[str, int] = {}
    for i, source in enumerate(sources):
        if source.id is None:
            continue
        if source.id in first:
            raise ValueError(
                f"source id '{source.id}' is used twice (sources[{first[source.id]}] and "
                f"sources[{i}]); give each source its own id"
            )
        first[source.id] = i
    return sources


def _not_a_bool(value: Any) -> Any:
    """The format version is the integer 1: `true` and `1.0` equal 1 to Python, but as a
    format version they are a mistake, not a version."""
    if isinstance(value, bool):
        raise ValueError(f"unsupported format version {str(value).lower()}; expected 1")
    if isinstance(value, float):
        raise ValueError(f"unsupported format version {value}; expected the integer 1")
    return value


Answer = Annotated[Text | None, BeforeValidator(_unstated)]
Answers = Annotated[list[Text], BeforeValidator(_without_placeholders)]
NameAnswer = Annotated[Name | None, BeforeValidator(_unstated)]
Names = Annotated[list[Name], BeforeValidator(_without_placeholders)]
NamesOrUnknown = Annotated[list[Name] | None, BeforeValidator(_unstated_list)]
RequiredText = Annotated[Text, BeforeValidator(_required)]
RequiredName = Annotated[Name, BeforeValidator(_required)]
Count = Annotated[int, Strict(), Field(ge=0, le=1_000_000)]
Money = Annotated[float, Strict(), Field(ge=0, le=1e12, allow_inf_nan=False)]


def empty_list() -> list[Any]:
    """A fresh empty list: the default of list fields. Equivalent to `list`, but pydantic
    reads a Python function's signature directly, where for the builtin `list` it parses a
    text signature with the tokenizer (about 1 ms per field when the models are built)."""
    return []


class Base(BaseModel):
    """Strict, frozen, unknown keys refused (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Rated(Base):
    """An effect on one of New Zealand's interests, with the reason for it."""

    effect: Effect | None = _choice(e.Effect, "Effect on this interest.")
    rationale: Answer = Field(None, description="Why, in a sentence or two.")


class Identity(Base):
    name: Name = Field(description="Full name of the operation or proposed mission.")
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{1,47}$",
        description="Short identifier: lower-case letters, digits and hyphens (2-48).",
    )
    operation_type: OperationType | None = _choice(e.OperationType, "Kind of operation.")
    summary: Answer = Field(None, description="What the operation would do, briefly.")


class Location(Base):
    host: NameAnswer = Field(None, description="Host country or territory.")
    region: Region | None = _choice(e.Region, "Region; the Pacific is its own region.")
    start_date: dt.date | None = Field(None, description="Proposed start (YYYY-MM-DD).")
    duration_months: Annotated[int, Strict(), Field(ge=1, le=600)] | None = Field(
        None, description="Proposed duration of NZ's commitment in months."
    )
    review_dates: list[dt.date] = Field(
        default_factory=empty_list, description="Dates at which the commitment is reviewed."
    )


class Leadership(Base):
    arrangement: Arrangement | None = _choice(e.Arrangement, "Who leads the operation.")
    lead: NameAnswer = Field(None, description="Lead organisation or nation.")
    partners: NamesOrUnknown = Field(
        None,
        description="Partner nations contributing besides NZ; [] states there are none, "
        "leaving it out leaves it unknown.",
    )


class Resolution(Base):
    number: Annotated[int, Strict(), Field(ge=1, le=100_000)] = Field(
        description="UNSC resolution number."
    )
    year: Annotated[int, Strict(), Field(ge=1946, le=2100)] | None = Field(
        None, description="Year adopted."
    )
    chapter: Chapter | None = _choice(e.Chapter, "UN Charter chapter the resolution acts under.")
    authorises_force: StrictBool | None = Field(
        None, description="Does it authorise 'all necessary measures' (use of force)?"
    )


class HostConsent(Base):
    status: ConsentStatus | None = _choice(e.ConsentStatus, "State of host-state consent.")
    given_by: NameAnswer = Field(None, description="Who gave (or refused) consent.")
    instrument: Answer = Field(None, description="Instrument: letter, invitation, treaty.")
    date: dt.date | None = Field(None, description="Date of the instrument.")


class RegionalAuthorisation(Base):
    organisation: RequiredName = Field(
        description="Regional organisation, e.g. Pacific Islands Forum."
    )
    decision: Answer = Field(None, description="The decision or communique authorising.")
    framework: NameAnswer = Field(None, description="Framework, e.g. Biketawa Declaration.")
    date: dt.date | None = Field(None, description="Date of the decision.")


class PeaceAgreement(Base):
    status: PeaceStatus | None = _choice(e.PeaceStatus, "Is there a peace to keep?")
    name: NameAnswer = Field(None, description="Agreement or ceasefire name.")
    date: dt.date | None = Field(None, description="Date signed or declared.")
    parties_committed: StrictBool | None = Field(
        None, description="Do the main parties remain committed to it?"
    )


class StatusOfForces(Base):
    status: SofaStatus | None = _choice(e.SofaStatus, "Legal protections for NZ personnel.")
    instrument: Answer = Field(None, description="The agreement or exchange of notes.")


class NzAuthority(Base):
    statutory_basis: Answer = Field(None, description="Statutory basis, e.g. Defence Act 1990 s5.")
    cabinet_decision: Answer = Field(None, description="Cabinet minute or decision reference.")
    mandate_expiry: dt.date | None = Field(None, description="When NZ's mandate expires.")


class LegalBasis(Base):
    security_council: list[Resolution] | None = Field(
        None,
        description="UN Security Council resolutions relied on; [] states there are none, "
        "leaving it out leaves it unknown.",
    )
    host_consent: HostConsent | None = Field(None, description="Host-state consent.")
    regional_authorisation: RegionalAuthorisation | None = Field(
        None, description="Regional organisation's authorisation (UN Charter Chapter VIII)."
    )
    treaty: Answer = Field(None, description="A treaty between the parties providing a basis.")
    peace_agreement: PeaceAgreement | None = Field(
        None, description="Peace agreement or ceasefire."
    )
    status_of_forces: StatusOfForces | None = Field(None, description="SOFA or equivalent.")
    use_of_force: ForcePosture | None = _choice(e.ForcePosture, "Use-of-force posture.")
    nz_authority: NzAuthority | None = Field(None, description="NZ domestic authority.")


class Relationship(Base):
    party: RequiredName = Field(description="Country or organisation.")
    effect: RelEffect | None = _choice(e.RelationshipEffect, "Effect on the relationship.")
    why: Answer = Field(None, description="Why.")


class Humanitarian(Base):
    severity: HumSeverity | None = _choice(e.Severity, "Severity of the humanitarian situation.")
    people_in_need: Annotated[int, Strict(), Field(ge=0, le=2_000_000_000)] | None = Field(
        None, description="People in need of assistance."
    )
    civilians_at_risk: StrictBool | None = Field(
        None, description="Are civilians at risk of violence?"
    )
    rationale: Answer = Field(None, description="Basis for the assessment.")


class RegionalBacking(Base):
    level: Backing | None = _choice(e.Backing, "Backing from regional states and bodies.")
    bodies: Names = Field(default_factory=empty_list, description="Bodies or states backing it.")
    rationale: Answer = Field(None, description="Basis for the assessment.")


class Strategic(Base):
    nz_security: Rated | None = Field(None, description="Effect on NZ's security interests.")
    relationships: list[Relationship] = Field(
        default_factory=empty_list, description="Effect on relationships with other countries."
    )
    humanitarian: Humanitarian | None = Field(None, description="The humanitarian situation.")
    rules_based_order: Rated | None = Field(
        None, description="Contribution to a rules-based international order."
    )
    economic_interests: Rated | None = Field(None, description="Economic and trade interests.")
    regional_backing: RegionalBacking | None = Field(None, description="Regional backing.")
    objectives: Answers = Field(default_factory=empty_list, description="What NZ aims to achieve.")
    end_state: Answer = Field(None, description="The end state that ends the mission.")
    exit_strategy: Answer = Field(None, description="How and when NZ would withdraw.")


class AgencyContribution(Base):
    personnel: Count | None = Field(None, description="Personnel deployed at any one time.")
    roles: Names = Field(default_factory=empty_list, description="Roles or tasks.")
    rotation_months: Annotated[int, Strict(), Field(ge=1, le=60)] | None = Field(
        None, description="Length of one rotation in months."
    )
    assets: Names = Field(default_factory=empty_list, description="Key assets (ships, aircraft).")
    cost_nzd: Money | None = Field(None, description="Estimated cost in NZD over the duration.")
    funding_source: Answer = Field(None, description="Where the money comes from.")


class OtherAgency(AgencyContribution):
    agency: Name = Field(description="Agency name, e.g. Corrections, Customs.")


class Contribution(Base):
    nzdf: AgencyContribution | None = Field(None, description="New Zealand Defence Force.")
    police: AgencyContribution | None = Field(None, description="New Zealand Police.")
    mfat: AgencyContribution | None = Field(
        None, description="Ministry of Foreign Affairs and Trade."
    )
    other: list[OtherAgency] = Field(default_factory=empty_list, description="Other agencies.")


class ForceProtection(Base):
    adequacy: Adequacy | None = _choice(e.Adequacy, "Force protection against the threat.")
    provided_by: NameAnswer = Field(None, description="Who provides it.")
    rationale: Answer = Field(None, description="Basis for the assessment.")


class MedicalEvacuation(Base):
    adequacy: Adequacy | None = _choice(e.Adequacy, "Medical care and evacuation.")
    description: Answer = Field(None, description="Arrangements (role 2, aeromedical).")


class Command(Base):
    national_command_retained: StrictBool | None = Field(
        None, description="Does NZ keep national command of its personnel?"
    )
    caveats: Answers = Field(default_factory=empty_list, description="National caveats.")


class Risk(Base):
    threat_level: Level | None = _choice(e.Level, "Threat to deployed personnel.")
    threat_trend: Trend | None = _choice(e.Trend, "Direction of the threat.")
    force_protection: ForceProtection | None = Field(None, description="Force protection.")
    medical_evacuation: MedicalEvacuation | None = Field(None, description="Medical/evacuation.")
    command: Command | None = Field(None, description="Command and control.")


class Alternative(Base):
    type: AltType = _choice(e.AlternativeType, "Kind of alternative.", required=True)
    description: Answer = Field(None, description="What it would involve.")
    feasibility: Feasibility | None = _choice(e.Feasibility, "How feasible it is.")
    expected_effect: AltEffect | None = _choice(
        e.AlternativeEffect, "Would it meet the objective instead of deploying?"
    )
    rationale: Answer = Field(None, description="Basis for the assessment.")


class Source(Base):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")] | None = Field(
        None, description="Short id to cite the source from comments."
    )
    title: Text = Field(description="Title of the document.")
    publisher: NameAnswer = Field(None, description="Who published it.")
    date: dt.date | None = Field(None, description="Date of the document.")
    url: Annotated[str, Field(max_length=2000)] | None = Field(None, description="Address.")


class AcceptedConcern(Base):
    rule: Annotated[str, Field(min_length=1, max_length=80)] = Field(
        description="Code (e.g. LEG-005) or name of the rule whose concern is accepted."
    )
    justification: RequiredText = Field(description="Why the concern is accepted.")
    approver: RequiredName = Field(description="Who accepted it.")
    date: dt.date = Field(description="When it was accepted.")
    expires: dt.date | None = Field(None, description="When the acceptance lapses.")

    @model_validator(mode="after")
    def _expires_after_acceptance(self) -> Self:
        if self.expires is not None and self.expires < self.date:
            raise ValueError(
                f"expires ({self.expires}) is before the acceptance date ({self.date})"
            )
        return self


class HistoricalRecord(Base):
    """What actually happened. pso never reads this for scoring."""

    decision: Decision = _choice(e.Decision, "What NZ actually decided.", required=True)
    summary: Answer = Field(None, description="What happened.")
    sources: list[Name] = Field(
        default_factory=empty_list, description="Source ids for the record."
    )
    calibration_note: Answer = Field(
        None,
        description="Why pso's verdict differs from the decision, if it does; documentation "
        "only, never read for scoring.",
    )


class Proposal(Base):
    """A proposed New Zealand contribution to a peace support operation."""

    pso_format: Annotated[Literal[1], BeforeValidator(_not_a_bool)] = Field(
        description="Proposal format version; must be 1."
    )
    identity: Identity = Field(description="What the operation is.")
    location: Location | None = Field(None, description="Where and when.")
    leadership: Leadership | None = Field(None, description="Who leads it, with whom.")
    legal_basis: LegalBasis | None = Field(None, description="Legality under international law.")
    strategic: Strategic | None = Field(None, description="Strategic implications.")
    contribution: Contribution | None = Field(None, description="NZ's contribution by agency.")
    risk: Risk | None = Field(None, description="Risk to NZ personnel and its management.")
    alternatives: list[Alternative] | None = Field(
        None, description="Alternatives considered; an empty list says none were."
    )
    sources: Annotated[list[Source], AfterValidator(_unique_source_ids)] = Field(
        default_factory=empty_list, description="Sources for the facts."
    )
    accepted_concerns: list[AcceptedConcern] = Field(
        default_factory=empty_list, description="Concerns accepted by an approver, with expiry."
    )
    historical_record: HistoricalRecord | None = Field(
        None, description="For past cases: the actual decision. Never read for scoring."
    )
