"""The legal basis, stated as data: each basis in international law a proposal relies on.

Format 2 states the law as typed facts, so that the legal analysis (pso_cli.law) can
decide lawful / contested / unlawful / unknown from them instead of from prose: Security
Council resolutions with their chapter, force and situation; host consent with the
authority that gives it; Article 51 self-defence; a Chapter VIII regional arrangement; a
treaty with its parties; the consent of the main parties to a conflict; and the area of
operations, so that consent is judged where the operation acts. Each of these may be left
out (unknown) or, where its absence is a fact, stated as `none`.
"""

import datetime as dt
from typing import Annotated, Any, Self

from pydantic import BeforeValidator, Field, StrictBool, model_validator

from pso_cli.model import enums as e
from pso_cli.model.fields import (
    NONE,
    Answer,
    AreaKind,
    ArmedAttack,
    Attacker,
    Authority,
    Base,
    Chapter,
    Conclusion,
    ConsentForm,
    ConsentStatus,
    DefenceKind,
    ForcePosture,
    NameAnswer,
    NamesOrUnknown,
    NoneOrList,
    NoneWord,
    PeaceStatus,
    Purpose,
    RequiredName,
    RequiredText,
    SofaStatus,
    choice,
    empty_list,
    none_list,
    none_word,
)
from pso_cli.model.located import FieldError

Year = Annotated[int, Field(ge=1946, le=2100, strict=True)]


class Resolution(Base):
    number: Annotated[int, Field(ge=1, le=100_000, strict=True)] = Field(
        description="UNSC resolution number."
    )
    year: Year | None = Field(None, description="Year adopted.")
    chapter: Chapter | None = choice(e.Chapter, "UN Charter chapter the resolution acts under.")
    authorises_force: StrictBool | None = Field(
        None, description="Does it authorise 'all necessary measures' (use of force)?"
    )
    for_this_situation: StrictBool | None = Field(
        None,
        description="Was it adopted for the situation this operation responds to? A "
        "resolution adopted for an earlier situation authorises nothing for this one.",
    )

    @model_validator(mode="after")
    def _no_force_under_chapter_vi(self) -> Self:
        if self.chapter is e.Chapter.VI and self.authorises_force is True:
            raise FieldError(
                "a Chapter VI resolution authorises no force (Chapter VI is the peaceful"
                " settlement of disputes; force is authorised under Chapter VII): write"
                " chapter: vii if it authorises force, or authorises_force: false",
                at=("authorises_force",),
            )
        return self


_ANSWERS = ("year", "chapter", "authorises_force", "for_this_situation")


def _show(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _one_answer_each(resolutions: list[Resolution] | None) -> None:
    """A resolution listed twice must give the same answers: which one would count?"""
    first: dict[int, int] = {}
    for j, r in enumerate(resolutions or []):
        i = first.setdefault(r.number, j)
        if i == j:
            continue
        earlier = (resolutions or [])[i]
        for answer in _ANSWERS:
            a, b = getattr(earlier, answer), getattr(r, answer)
            if a is not None and b is not None and a != b:
                raise FieldError(
                    f"resolution {r.number} is listed twice with different answers: {{0}}"
                    f" says {answer} {_show(a)}, {{1}} says {answer} {_show(b)}; list each"
                    " resolution once, with the answer that is right",
                    at=("security_council", j, answer),
                    refs=(("security_council", i), ("security_council", j)),
                )


class HostConsent(Base):
    status: ConsentStatus | None = choice(e.ConsentStatus, "State of host-state consent.")
    given_by: NameAnswer = Field(None, description="Who gave (or refused) consent.")
    authority: Authority | None = choice(
        e.ConsentAuthority,
        "Is whoever gave consent the lawful government, entitled to consent for the state?",
    )
    form: ConsentForm | None = choice(e.ConsentForm, "Form of the consent.")
    instrument: Answer = Field(None, description="Instrument: letter, invitation, treaty.")
    date: dt.date | None = Field(None, description="Date of the instrument.")


class SelfDefence(Base):
    """Article 51: individual self-defence, or collective at the attacked state's request."""

    kind: DefenceKind = choice(e.SelfDefenceKind, "Individual or collective.", required=True)
    state_attacked: NameAnswer = Field(None, description="The state that was attacked.")
    armed_attack: ArmedAttack | None = choice(
        e.ArmedAttack, "Has that state suffered an armed attack?"
    )
    attacker: Attacker | None = choice(e.Attacker, "Who carried out the armed attack.")
    request: StrictBool | None = Field(
        None, description="Collective self-defence: has the state attacked asked for help?"
    )
    council_informed: StrictBool | None = Field(
        None, description="Have the measures been reported to the Security Council (Art. 51)?"
    )


class RegionalArrangement(Base):
    """A regional organisation's decision (Charter Chapter VIII). It adds no legal basis
    beyond the host's consent, and enforcement by it needs the Security Council (Art. 53)."""

    organisation: RequiredName = Field(
        description="Regional organisation, e.g. Pacific Islands Forum."
    )
    decision: Answer = Field(None, description="The decision or communique.")
    framework: NameAnswer = Field(None, description="Framework, e.g. Biketawa Declaration.")
    date: dt.date | None = Field(None, description="Date of the decision.")
    acts_with_host_consent: StrictBool | None = Field(
        None, description="Does the regional mission act with the host state's consent?"
    )


def _treaty_shorthand(value: Any) -> Any:
    """`treaty: <text>` (format 1's form) names the instrument and states nothing else."""
    value = none_word(value)
    if isinstance(value, str) and value != NONE:
        return {"instrument": value}
    return value


class Treaty(Base):
    instrument: RequiredText = Field(description="The treaty's name, place and date.")
    parties: NamesOrUnknown = Field(None, description="States party to it.")
    provides_for_deployment: StrictBool | None = Field(
        None, description="Does it provide for this deployment on the host's territory?"
    )


class PeaceAgreement(Base):
    status: PeaceStatus | None = choice(e.PeaceStatus, "Is there a peace to keep?")
    name: NameAnswer = Field(None, description="Agreement or ceasefire name.")
    date: dt.date | None = Field(None, description="Date signed or declared.")
    parties_committed: StrictBool | None = Field(
        None, description="Do the main parties remain committed to it?"
    )


class MainParty(Base):
    """A main party to the conflict, for the peacekeeping principle of consent."""

    name: RequiredName = Field(description="The party: a government, movement or armed group.")
    non_state: StrictBool | None = Field(None, description="Is it a non-state party?")
    consents: StrictBool | None = Field(None, description="Does it consent to the operation?")


_WATERS = (e.AreaKind.TERRITORY, e.AreaKind.TERRITORIAL_WATERS)


class Area(Base):
    """One place where the operation acts."""

    kind: AreaKind = choice(e.AreaKind, "Territory, territorial waters or the high seas.", True)
    state: NameAnswer = Field(None, description="The coastal or territorial state.")
    consent: ConsentStatus | None = choice(
        e.ConsentStatus,
        "That state's consent, where it is not the host (the host's is host_consent).",
    )

    @model_validator(mode="after")
    def _state_named(self) -> Self:
        if self.kind in _WATERS and self.state is None:
            raise ValueError(f"name the state whose {self.kind} the operation acts in (state:)")
        return self


class StatusOfForces(Base):
    status: SofaStatus | None = choice(e.SofaStatus, "Legal protections for NZ personnel.")
    instrument: Answer = Field(None, description="The agreement or exchange of notes.")


class NzAuthority(Base):
    statutory_basis: Answer = Field(None, description="Statutory basis, e.g. Defence Act 1990 s5.")
    statutory_purposes: list[Purpose] = Field(
        default_factory=empty_list,
        description="The statutory purposes relied on: Defence Act 1990 s5 for the Defence "
        "Force, Policing Act 2008 s9(g) for Police.",
    )
    cabinet_decision: Answer = Field(
        None, description="The Cabinet decision sought, or its minute reference once taken."
    )
    mandate_expiry: dt.date | None = Field(None, description="When NZ's mandate expires.")


class LegalAdvice(Base):
    """Advice from legal advisers on a question the legal analysis leaves contested."""

    by: RequiredName = Field(description="Who advised, e.g. MFAT Legal Division.")
    date: dt.date = Field(description="Date of the advice.")
    conclusion: Conclusion = choice(e.LegalConclusion, "What the advice concluded.", True)
    summary: Answer = Field(None, description="The advice in a sentence or two.")


class LegalBasis(Base):
    security_council: Annotated[list[Resolution] | None, BeforeValidator(none_list), NoneOrList] = (
        Field(
            None,
            description="UN Security Council resolutions relied on; `none` or [] states there "
            "are none, leaving it out leaves it unknown.",
        )
    )
    host_consent: HostConsent | None = Field(None, description="Host-state consent.")
    self_defence: Annotated[SelfDefence | NoneWord | None, BeforeValidator(none_word)] = Field(
        None, description="Self-defence under Article 51 relied on, or `none`."
    )
    regional_arrangement: Annotated[
        RegionalArrangement | NoneWord | None, BeforeValidator(none_word)
    ] = Field(None, description="A regional organisation's decision (Chapter VIII), or `none`.")
    treaty: Annotated[Treaty | NoneWord | None, BeforeValidator(_treaty_shorthand)] = Field(
        None, description="A treaty providing for the deployment, or `none`."
    )
    peace_agreement: PeaceAgreement | None = Field(
        None, description="Peace agreement or ceasefire."
    )
    main_parties: Annotated[list[MainParty] | None, BeforeValidator(none_list), NoneOrList] = Field(
        None,
        description="The main parties to the conflict and whether each consents (for a "
        "peacekeeping-type mission); `none` where there is no conflict.",
    )
    area_of_operations: list[Area] | None = Field(
        None,
        description="Where the operation acts, if not only the host's territory: consent is "
        "judged where force is used.",
    )
    status_of_forces: StatusOfForces | None = Field(None, description="SOFA or equivalent.")
    use_of_force: ForcePosture | None = choice(e.ForcePosture, "Use-of-force posture.")
    nz_authority: NzAuthority | None = Field(None, description="NZ domestic authority.")
    legal_advice: list[LegalAdvice] = Field(
        default_factory=empty_list, description="Legal advice obtained on the questions raised."
    )

    @model_validator(mode="after")
    def _resolutions_agree(self) -> Self:
        _one_answer_each(self.security_council)
        return self


__all__ = [
    "Area",
    "HostConsent",
    "LegalAdvice",
    "LegalBasis",
    "MainParty",
    "NzAuthority",
    "PeaceAgreement",
    "RegionalArrangement",
    "Resolution",
    "SelfDefence",
    "StatusOfForces",
    "Treaty",
]
