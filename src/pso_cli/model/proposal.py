"""The proposal format, version 2: the contract every rule and report reads.

Every fact is optional unless a proposal cannot be identified without it: a fact the
file does not state stays `None` (or an empty list) and is reported as missing, never
scored as good or bad. Field descriptions become the JSON Schema's documentation.
Format-1 files are upgraded to this model when they load (model/migrate.py).

Annotations here are evaluated as the classes are defined (no `from __future__ import
annotations`): pydantic then reads them as objects instead of evaluating each string
again while it builds the models, which start-up pays for.
"""

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, Strict, StrictBool, model_validator

from pso_cli.model import enums as e
from pso_cli.model.fields import (
    Adequacy,
    AltEffect,
    AltType,
    Answer,
    AnswerOrNone,
    Answers,
    Arrangement,
    Backing,
    Base,
    Count,
    Decision,
    Effect,
    Feasibility,
    HumSeverity,
    Level,
    Money,
    Name,
    NameAnswer,
    Names,
    NamesOrUnknown,
    OperationType,
    Region,
    RelEffect,
    RequiredName,
    RequiredText,
    Text,
    Trend,
    choice,
    empty_list,
    is_placeholder,
    none_list,
)
from pso_cli.model.legal import LegalBasis

FORMAT_VERSION = 2
FORMATS = (1, 2)  # versions that load; format 1 is upgraded on the way in

__all__ = ["FORMATS", "FORMAT_VERSION", "Proposal", "is_placeholder"]


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


_STILL = "2 (or 1, which is still read)"  # as model.diagnostics says of any other version


def _not_a_bool(value: Any) -> Any:
    """The format version is an integer: `true` and `2.0` equal 1 and 2 to Python, but as
    a format version they are a mistake, not a version."""
    if isinstance(value, bool):
        raise ValueError(f"unsupported format version {str(value).lower()}; expected {_STILL}")
    if isinstance(value, float):
        raise ValueError(f"unsupported format version {value}; expected the integer {_STILL}")
    return value


class Rated(Base):
    """An effect on one of New Zealand's interests, with the reason for it."""

    effect: Effect | None = choice(e.Effect, "Effect on this interest.")
    rationale: Answer = Field(None, description="Why, in a sentence or two.")


class Identity(Base):
    name: Name = Field(description="Full name of the operation or proposed mission.")
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{1,47}$",
        description="Short identifier: lower-case letters, digits and hyphens (2-48).",
    )
    operation_type: OperationType | None = choice(e.OperationType, "Kind of operation.")
    summary: Answer = Field(None, description="What the operation would do, briefly.")
    decision_date: dt.date | None = Field(
        None,
        description="When the decision is to be taken: dates (mandates, resolutions) are "
        "judged as at this day unless --as-of is given.",
    )


class Location(Base):
    host: NameAnswer = Field(None, description="Host country or territory.")
    region: Region | None = choice(e.Region, "Region; the Pacific is its own region.")
    start_date: dt.date | None = Field(None, description="Proposed start (YYYY-MM-DD).")
    duration_months: Annotated[int, Strict(), Field(ge=1, le=600)] | None = Field(
        None, description="Proposed duration of NZ's commitment in months."
    )
    review_dates: Annotated[list[dt.date] | None, BeforeValidator(none_list)] = Field(
        None,
        description="Dates at which the commitment is reviewed; `none` or [] states there are "
        "none, leaving it out leaves it unknown.",
    )


class Leadership(Base):
    arrangement: Arrangement | None = choice(e.Arrangement, "Who leads the operation.")
    lead: NameAnswer = Field(None, description="Lead organisation or nation.")
    partners: NamesOrUnknown = Field(
        None,
        description="Partner nations contributing besides NZ; [] states there are none, "
        "leaving it out leaves it unknown.",
    )


class Relationship(Base):
    party: RequiredName = Field(description="Country or organisation.")
    effect: RelEffect | None = choice(e.RelationshipEffect, "Effect on the relationship.")
    why: Answer = Field(None, description="Why.")


class Humanitarian(Base):
    severity: HumSeverity | None = choice(e.Severity, "Severity of the humanitarian situation.")
    people_in_need: Annotated[int, Strict(), Field(ge=0, le=2_000_000_000)] | None = Field(
        None, description="People in need of assistance."
    )
    civilians_at_risk: StrictBool | None = Field(
        None, description="Are civilians at risk of violence?"
    )
    rationale: Answer = Field(None, description="Basis for the assessment.")


class RegionalBacking(Base):
    level: Backing | None = choice(e.Backing, "Backing from regional states and bodies.")
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
    end_state: AnswerOrNone = Field(
        None, description="The end state that ends the mission, or `none` if none is defined."
    )
    exit_strategy: AnswerOrNone = Field(
        None, description="How and when NZ would withdraw, or `none` if there is no plan."
    )


class AgencyContribution(Base):
    personnel: Count | None = Field(None, description="Personnel deployed at any one time.")
    roles: Names = Field(default_factory=empty_list, description="Roles or tasks.")
    rotation_months: Annotated[int, Strict(), Field(ge=1, le=60)] | None = Field(
        None, description="Length of one rotation in months."
    )
    assets: Names = Field(default_factory=empty_list, description="Key assets (ships, aircraft).")
    cost_nzd: Money | None = Field(None, description="Estimated cost in NZD over the duration.")
    funding_source: AnswerOrNone = Field(
        None, description="Where the money comes from, or `none` if it is not funded."
    )


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
    adequacy: Adequacy | None = choice(e.Adequacy, "Force protection against the threat.")
    provided_by: NameAnswer = Field(None, description="Who provides it.")
    rationale: Answer = Field(None, description="Basis for the assessment.")
    mitigation: AnswerOrNone = Field(
        None,
        description=(
            "Where protection falls short: how the gap is closed before deployment "
            "(`none`: no plan)."
        ),
    )


class MedicalEvacuation(Base):
    adequacy: Adequacy | None = choice(e.Adequacy, "Medical care and evacuation.")
    description: Answer = Field(None, description="Arrangements (role 2, aeromedical).")
    mitigation: AnswerOrNone = Field(
        None,
        description=(
            "Where care falls short: how the gap is closed before deployment (`none`: no plan)."
        ),
    )


class Command(Base):
    national_command_retained: StrictBool | None = Field(
        None, description="Does NZ keep national command of its personnel?"
    )
    caveats: Answers = Field(default_factory=empty_list, description="National caveats.")


class Risk(Base):
    threat_level: Level | None = choice(e.Level, "Threat to deployed personnel.")
    threat_trend: Trend | None = choice(e.Trend, "Direction of the threat.")
    force_protection: ForceProtection | None = Field(None, description="Force protection.")
    medical_evacuation: MedicalEvacuation | None = Field(None, description="Medical/evacuation.")
    command: Command | None = Field(None, description="Command and control.")


class Alternative(Base):
    type: AltType = choice(e.AlternativeType, "Kind of alternative.", required=True)
    description: Answer = Field(None, description="What it would involve.")
    feasibility: Feasibility | None = choice(e.Feasibility, "How feasible it is.")
    expected_effect: AltEffect | None = choice(
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

    decision: Decision = choice(e.Decision, "What NZ actually decided.", required=True)
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

    pso_format: Annotated[Literal[2], BeforeValidator(_not_a_bool)] = Field(
        description="Proposal format version: 2 (files in format 1 are still read)."
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
