"""The legal analysis, table-tested against the Charter's logic.

Each test states a situation as typed facts and the outcome the law requires; its
docstring says why. None names a real operation: the situations are the law's own cases.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from pso_cli.law import Basis, LegalOutcome, analyse
from pso_cli.law.table import HIGH_SEAS, INPUTS, TERRITORY, decide
from pso_cli.model.proposal import Proposal

AS_OF = dt.date(2030, 1, 1)
LAWFUL_GOVT = {"status": "given", "given_by": "Prime Minister", "authority": "constitutional"}
AUTHORISED = {
    "number": 3001, "year": 2029, "chapter": "vii", "authorises_force": True,
    "for_this_situation": True,
}  # fmt: skip


def proposal(
    posture: str = "self-defence", op: str = "regional-assistance", **legal: Any
) -> Proposal:
    return Proposal.model_validate(
        {
            "pso_format": 2,
            "identity": {"name": "Test", "id": "test-op", "operation_type": op},
            "location": {"host": "Testland"},
            "legal_basis": {"use_of_force": posture, **legal},
        }
    )


def outcome(**kw: Any) -> LegalOutcome:
    return analyse(proposal(**kw), AS_OF).outcome


def test_consent_of_the_lawful_government_is_a_basis() -> None:
    """Intervention at the invitation of the lawful government needs no Council mandate."""
    a = analyse(proposal(host_consent=LAWFUL_GOVT, security_council=[]), AS_OF)
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.CONSENT)
    assert "lawful government of Testland consents" in a.reason


def test_host_invited_enforcement_needs_no_chapter_vii() -> None:
    """Force within the lawful government's consent is lawful without a resolution."""
    a = analyse(proposal("enforcement", "enforcement", host_consent=LAWFUL_GOVT), AS_OF)
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.CONSENT)


def test_chapter_vi_resolution_without_consent_is_unlawful() -> None:
    """Chapter VI rests on consent: with consent refused it authorises nothing."""
    a = analyse(
        proposal(
            host_consent={"status": "none"},
            security_council=[{"number": 2001, "year": 2029, "chapter": "vi"}],
        ),
        AS_OF,
    )
    assert a.outcome is LegalOutcome.UNLAWFUL
    assert any("Chapter VI" in n for n in a.notes)


def test_treaty_does_not_replace_withdrawn_consent() -> None:
    """Advance consent by treaty does not outlast the host's withdrawal of consent."""
    treaty = {"instrument": "Status treaty", "parties": ["Testland", "New Zealand"],
              "provides_for_deployment": True}  # fmt: skip
    assert outcome(host_consent={"status": "withdrawn"}, treaty=treaty, security_council=[]) is (
        LegalOutcome.UNLAWFUL
    )


def test_treaty_gives_consent_in_advance_when_current_consent_is_unstated() -> None:
    """A treaty the host is party to, providing for the deployment, is consent in advance."""
    treaty = {"instrument": "Peace treaty", "parties": ["Testland", "Otherland"],
              "provides_for_deployment": True}  # fmt: skip
    a = analyse(proposal(treaty=treaty), AS_OF)
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.TREATY)


@pytest.mark.parametrize("treaty", ["none", "No treaty applies", "Charter of the United Nations"])
def test_a_treaty_named_in_words_is_no_basis(treaty: str) -> None:
    """Only a treaty with stated parties, including the host, can supply consent."""
    assert outcome(host_consent={"status": "none"}, treaty=treaty, security_council=[]) is (
        LegalOutcome.UNLAWFUL
    )


def test_revived_authorisation_is_not_one_for_this_situation() -> None:
    """A resolution adopted for an earlier situation cannot be revived for a new one."""
    old = {"number": 678, "year": 1990, "chapter": "vii", "authorises_force": True,
           "for_this_situation": False}  # fmt: skip
    a = analyse(
        proposal("enforcement", "enforcement", host_consent={"status": "none"},
                 security_council=[old]),
        AS_OF,
    )  # fmt: skip
    assert a.outcome is LegalOutcome.UNLAWFUL
    assert any("earlier situation" in n for n in a.notes)


def test_authorisation_of_unstated_situation_is_unknown_not_lawful() -> None:
    """Whether a resolution was adopted for this situation decides it: never assumed."""
    res = {**AUTHORISED, "for_this_situation": None}
    a = analyse(
        proposal("enforcement", host_consent={"status": "none"}, security_council=[res]), AS_OF
    )
    assert a.outcome is LegalOutcome.UNKNOWN
    assert any("for_this_situation" in q for q in a.questions)


def test_chapter_vii_authorisation_permits_force_without_consent() -> None:
    """Arts 42 and 48: a Council authorisation for this situation needs no consent."""
    a = analyse(
        proposal("enforcement", "enforcement", host_consent={"status": "none"},
                 security_council=[AUTHORISED]),
        AS_OF,
    )  # fmt: skip
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.CHAPTER_VII)


def test_humanitarian_intervention_without_the_council_is_unlawful() -> None:
    """Force without consent, Council authorisation or Art. 51, whatever the motive."""
    assert outcome(
        posture="enforcement", op="enforcement", host_consent={"status": "none"},
        security_council=[], self_defence="none",
    ) is LegalOutcome.UNLAWFUL  # fmt: skip


def test_chapter_vii_without_force_for_a_presence_without_consent_is_contested() -> None:
    """A Chapter VII resolution authorising no force is not clearly a basis for presence."""
    res = {**AUTHORISED, "authorises_force": False}
    assert outcome(host_consent={"status": "none"}, security_council=[res]) is (
        LegalOutcome.CONTESTED
    )


@pytest.mark.parametrize("authority", ["de-facto", "deposed", "contested"])
def test_consent_from_an_authority_not_entitled_is_contested(authority: str) -> None:
    """Consent must come from an authority entitled to give it."""
    hc = {**LAWFUL_GOVT, "authority": authority}
    a = analyse(proposal(host_consent=hc, security_council=[]), AS_OF)
    assert a.outcome is LegalOutcome.CONTESTED
    assert any("entitled to consent" in q for q in a.questions)


def test_chapter_vii_settles_consent_from_an_interim_authority() -> None:
    """Where a Council authorisation applies, doubtful consent no longer decides it."""
    hc = {**LAWFUL_GOVT, "authority": "de-facto"}
    a = analyse(proposal(host_consent=hc, security_council=[AUTHORISED]), AS_OF)
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.CHAPTER_VII)


def test_partial_consent_with_a_regional_decision_is_contested() -> None:
    """A regional body adds no legal basis beyond the host's own consent."""
    a = analyse(
        proposal(
            host_consent={"status": "partial"},
            regional_arrangement={"organisation": "Regional Forum"},
            security_council=[],
        ),
        AS_OF,
    )
    assert a.outcome is LegalOutcome.CONTESTED
    assert any("not itself a legal basis" in n for n in a.notes)


def test_regional_enforcement_without_the_council_is_unlawful() -> None:
    """Art. 53(1): no enforcement under regional arrangements without the Council."""
    a = analyse(
        proposal(
            "enforcement", "enforcement", host_consent={"status": "none"},
            regional_arrangement={"organisation": "Regional Forum"}, security_council=[],
        ),
        AS_OF,
    )  # fmt: skip
    assert a.outcome is LegalOutcome.UNLAWFUL
    assert any("Art. 53(1)" in n for n in a.notes)


def test_regional_decision_with_consent_is_endorsement_not_basis() -> None:
    a = analyse(
        proposal(host_consent=LAWFUL_GOVT, regional_arrangement={"organisation": "Forum"}),
        AS_OF,
    )
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.CONSENT)
    assert any("endorsement, not a legal basis" in n for n in a.notes)


def sd(**kw: Any) -> dict[str, Any]:
    base = {"kind": "collective", "state_attacked": "Testland", "armed_attack": "occurred",
            "attacker": "state", "request": True, "council_informed": True}  # fmt: skip
    return {**base, **kw}


def test_collective_self_defence_at_the_request_of_the_state_attacked_is_lawful() -> None:
    """Article 51, collective, at the attacked state's request (Nicaragua, para 199)."""
    a = analyse(proposal("enforcement", "combat-support", self_defence=sd()), AS_OF)
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.SELF_DEFENCE)


def test_collective_self_defence_without_a_request_is_no_basis() -> None:
    assert outcome(
        posture="enforcement", host_consent={"status": "none"}, security_council=[],
        self_defence=sd(request=False, state_attacked="Otherland"),
    ) is LegalOutcome.UNLAWFUL  # fmt: skip


def test_anticipatory_self_defence_is_contested() -> None:
    assert outcome(
        posture="enforcement", host_consent={"status": "none"}, security_council=[],
        self_defence=sd(armed_attack="imminent", state_attacked="Otherland"),
    ) is LegalOutcome.CONTESTED  # fmt: skip


def test_self_defence_against_non_state_group_on_non_consenting_territory_is_contested() -> None:
    """The 'unwilling or unable' claim is contested in international law."""
    a = analyse(
        proposal("enforcement", host_consent={"status": "none"}, security_council=[],
                 self_defence=sd(attacker="non-state", state_attacked="Otherland")),
        AS_OF,
    )  # fmt: skip
    assert a.outcome is LegalOutcome.CONTESTED


def test_self_defence_not_reported_to_the_council_is_noted() -> None:
    a = analyse(proposal(self_defence=sd(council_informed=None)), AS_OF)
    assert a.outcome is LegalOutcome.LAWFUL
    assert any("reported at once to the Security Council" in n for n in a.notes)


def test_consent_is_judged_where_the_operation_acts() -> None:
    """Consent of a headquarters host does not cover another state's waters."""
    area = [
        {"kind": "territory", "state": "Testland"},
        {"kind": "territorial-waters", "state": "Otherland", "consent": "none"},
    ]
    a = analyse(
        proposal(host_consent=LAWFUL_GOVT, security_council=[], area_of_operations=area), AS_OF
    )
    assert a.outcome is LegalOutcome.UNLAWFUL
    assert "Otherland" in a.reason
    assert [p.outcome for p in a.places] == [LegalOutcome.LAWFUL, LegalOutcome.UNLAWFUL]


def test_high_seas_presence_needs_no_consent() -> None:
    area = [{"kind": "international-waters"}]
    a = analyse(proposal(security_council=[], area_of_operations=area), AS_OF)
    assert (a.outcome, a.basis) == (LegalOutcome.LAWFUL, Basis.HIGH_SEAS)


def test_high_seas_enforcement_without_authority_is_contested() -> None:
    area = [{"kind": "international-waters"}]
    assert outcome(
        posture="enforcement", op="maritime-security", security_council=[],
        area_of_operations=area,
    ) is LegalOutcome.CONTESTED  # fmt: skip


def test_consent_with_unstated_authority_is_unknown() -> None:
    """Who consented must be shown to be entitled to: a fact to state, not assumed."""
    a = analyse(proposal(host_consent={"status": "given", "given_by": "Minister"}), AS_OF)
    assert a.outcome is LegalOutcome.UNKNOWN
    assert any("host_consent.authority" in q for q in a.questions)


def test_no_legal_basis_section_is_unknown() -> None:
    p = Proposal.model_validate({"pso_format": 2, "identity": {"name": "T", "id": "t-op"}})
    assert analyse(p, AS_OF).outcome is LegalOutcome.UNKNOWN


def test_unstated_council_without_consent_is_unknown() -> None:
    """Without consent, whether the Council has acted decides it: it must be stated."""
    assert outcome(host_consent={"status": "none"}) is LegalOutcome.UNKNOWN


def test_resolution_adopted_after_the_decision_date_does_not_count() -> None:
    res = {**AUTHORISED, "year": 2031}
    a = analyse(
        proposal("enforcement", host_consent={"status": "none"}, security_council=[res]), AS_OF
    )
    assert a.outcome is LegalOutcome.UNLAWFUL
    assert any("after 2030-01-01" in n for n in a.notes)


def advice(conclusion: str, date: str = "2029-12-01") -> list[dict[str, Any]]:
    return [{"by": "Legal Division", "date": date, "conclusion": conclusion}]


def test_legal_advice_can_settle_a_contested_question() -> None:
    hc = {**LAWFUL_GOVT, "authority": "de-facto"}
    a = analyse(
        proposal(host_consent=hc, security_council=[], legal_advice=advice("lawful")), AS_OF
    )
    assert a.outcome is LegalOutcome.CONTESTED and a.advised_lawful
    assert "Legal Division (2029-12-01)" in a.reason


def test_legal_advice_that_it_is_unlawful_makes_it_unlawful() -> None:
    hc = {**LAWFUL_GOVT, "authority": "de-facto"}
    a = analyse(
        proposal(host_consent=hc, security_council=[], legal_advice=advice("unlawful")), AS_OF
    )
    assert a.outcome is LegalOutcome.UNLAWFUL


def test_legal_advice_never_makes_unlawful_lawful() -> None:
    """Advice cannot supply a basis the facts exclude: the facts must change."""
    a = analyse(
        proposal(
            host_consent={"status": "none"}, security_council=[], legal_advice=advice("lawful")
        ),
        AS_OF,
    )
    assert a.outcome is LegalOutcome.UNLAWFUL and not a.advised_lawful


def test_legal_advice_dated_after_the_decision_is_not_counted() -> None:
    hc = {**LAWFUL_GOVT, "authority": "de-facto"}
    a = analyse(
        proposal(host_consent=hc, security_council=[], legal_advice=advice("lawful", "2031-01-01")),
        AS_OF,
    )
    assert not a.advised_lawful


def test_every_combination_of_inputs_reaches_a_row() -> None:
    """The decision table is complete: no facts leave the analysis without a decision."""
    names = ("consent", "council", "defence", "treaty")
    for values in itertools.product(*(INPUTS[n] for n in names)):
        decide(TERRITORY, dict(zip(names, values, strict=True)))
    for values in itertools.product(*(INPUTS[n] for n in ("council", "defence", "force"))):
        decide(HIGH_SEAS, dict(zip(("council", "defence", "force"), values, strict=True)))


def test_no_row_is_unreachable() -> None:
    """Every row decides some combination (no dead rows hiding behind earlier ones)."""
    names = ("consent", "council", "defence", "treaty")
    hit = {
        decide(TERRITORY, dict(zip(names, v, strict=True))).number
        for v in itertools.product(*(INPUTS[n] for n in names))
    }
    hs = ("council", "defence", "force")
    hit |= {
        decide(HIGH_SEAS, dict(zip(hs, v, strict=True))).number
        for v in itertools.product(*(INPUTS[n] for n in hs))
    }
    assert hit == {r.number for r in (*TERRITORY, *HIGH_SEAS)}


def test_a_resolution_authorising_no_force_is_no_basis_for_force_without_consent() -> None:
    """Force against a state's will needs an authorisation of force: a Chapter VII
    resolution that authorises none leaves an enforcement operation unlawful."""
    res = {**AUTHORISED, "authorises_force": False}
    assert outcome(
        posture="enforcement", op="enforcement", host_consent={"status": "none"},
        security_council=[res],
    ) is LegalOutcome.UNLAWFUL  # fmt: skip
    unstated_chapter = {"number": 1, "year": 2029, "authorises_force": False,
                        "for_this_situation": True}  # fmt: skip
    assert (
        outcome(
            posture="enforcement",
            host_consent={"status": "none"},
            security_council=[unstated_chapter],
        )
        is LegalOutcome.UNLAWFUL
    )  # the chapter cannot matter when no force is authorised


def test_a_presence_only_resolution_with_the_posture_unstated_is_unknown() -> None:
    res = {**AUTHORISED, "authorises_force": False}
    a = analyse(
        Proposal.model_validate(
            {"pso_format": 2, "identity": {"name": "T", "id": "t-op"},
             "location": {"host": "Testland"},
             "legal_basis": {"host_consent": {"status": "none"}, "security_council": [res]}}
        ),
        AS_OF,
    )  # fmt: skip
    assert a.outcome is LegalOutcome.UNKNOWN
    assert any("use_of_force" in q for q in a.questions)


def test_a_state_named_with_a_locality_is_the_same_state() -> None:
    treaty = {"instrument": "Peace treaty", "parties": ["Testland", "Otherland"],
              "provides_for_deployment": True}  # fmt: skip
    p = Proposal.model_validate(
        {"pso_format": 2, "identity": {"name": "T", "id": "t-op"},
         "location": {"host": "Testland (northern province)"},
         "legal_basis": {"use_of_force": "unarmed", "treaty": treaty}}
    )  # fmt: skip
    assert analyse(p, AS_OF).basis is Basis.TREATY
