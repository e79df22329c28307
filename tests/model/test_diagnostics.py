"""diagnostics.py: pydantic errors as located, readable problems in file order."""

from __future__ import annotations

from enum import StrEnum

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from pso_cli.errors import Location, Problem
from pso_cli.loading.yaml_source import parse_yaml
from pso_cli.model import enums
from pso_cli.model.diagnostics import enum_at, model_at, problems_from
from pso_cli.model.legal import Resolution
from pso_cli.model.proposal import Alternative, Identity, Leadership, Proposal


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    colour: Colour | None = None
    size: int = 0


class Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    inner: Inner | None = None
    items: list[Inner] = []


def run(text: str, model: type[BaseModel] = Outer) -> list[Problem]:
    value, smap = parse_yaml(text, "t.yaml")
    with pytest.raises(ValidationError) as info:
        model.model_validate(value)
    return problems_from(info.value, smap, model)


def test_model_at_walks_nested_models_and_skips_indexes() -> None:
    assert model_at(Proposal, ()) is Proposal
    assert model_at(Proposal, ("identity",)) is Identity
    assert model_at(Proposal, ("leadership",)) is Leadership
    assert model_at(Proposal, ("legal_basis", "security_council", 0)) is Resolution
    assert model_at(Proposal, ("alternatives", 3)) is Alternative
    assert model_at(Proposal, ("nope",)) is None
    assert model_at(Proposal, ("identity", "name")) is None


def test_enum_at_finds_the_enum_of_a_field() -> None:
    assert enum_at(Proposal, ("leadership", "arrangement")) is enums.Arrangement
    assert enum_at(Proposal, ("alternatives", 0, "type")) is enums.AlternativeType
    assert enum_at(Proposal, ("identity", "name")) is None
    assert enum_at(Proposal, ()) is None
    assert enum_at(Proposal, ("leadership", 0)) is None


def test_problem_str_is_path_line_column_message() -> None:
    p = Problem(Location("a/b.yaml", 3, 7, "x.y"), "bad thing")
    assert str(p) == "a/b.yaml:3:7: bad thing"


def test_missing_message_names_the_parent() -> None:
    (p,) = run("inner: {size: 1}\n")
    assert p.message == "missing required field 'title'"
    assert (p.location.line, p.location.column) == (1, 1)
    assert p.code == "missing"


def test_extra_key_suggests_a_close_spelling() -> None:
    (p,) = run("title: t\ninner:\n  colr: red\n")
    assert p.message == "unknown key 'colr'; did you mean 'colour'?"
    assert (p.location.line, p.location.column) == (3, 3)


def test_extra_key_suggestion_is_case_insensitive() -> None:
    (p,) = run("title: t\ninner:\n  COLOUR: red\n")
    assert "did you mean 'colour'?" in p.message


def test_extra_key_without_suggestion_lists_allowed() -> None:
    (p,) = run("title: t\nzzzz: 1\n")
    assert p.message == "unknown key 'zzzz'; allowed keys: inner, items, title"


def test_enum_lists_values_and_suggests() -> None:
    (p,) = run("title: t\nitems:\n  - colour: gren\n")
    assert p.message == (
        "items[0].colour: unknown value 'gren'; expected one of: red, green; did you mean 'green'?"
    )
    assert (p.location.line, p.location.column) == (3, 13)
    assert p.location.field == "items[0].colour"


def test_enum_non_string_input_has_no_suggestion() -> None:
    (p,) = run("title: t\ninner: {colour: 3}\n")
    assert p.message.startswith("inner.colour: unknown value 3; expected one of: red, green")
    assert "did you mean" not in p.message


def test_generic_message_shows_what_was_found() -> None:
    (p,) = run("title: t\ninner: {size: big}\n")
    assert p.message.startswith("inner.size: expected a whole number")
    assert p.message.endswith("(found 'big')")


def test_long_inputs_are_shortened() -> None:
    (p,) = run("title: t\ninner: {size: " + "x" * 200 + "}\n")
    found = p.message.split("(found ", 1)[1]
    assert len(found) <= 62
    assert found.endswith("...)")


def test_problems_come_in_file_order() -> None:
    text = "zzzz: 1\ntitle: t\nitems:\n  - {size: a}\n  - {colour: blue}\ninner: {qq: 1}\n"
    ps = run(text)
    positions = [(p.location.line, p.location.column) for p in ps]
    assert positions == sorted(positions)
    assert [p.location.field for p in ps] == [
        "zzzz",
        "items[0].size",
        "items[1].colour",
        "inner.qq",
    ]


def test_problems_on_the_same_line_sort_by_column_then_message() -> None:
    ps = run("title: t\nitems: [{size: a}, {size: b}]\n")
    assert [p.location.column for p in ps] == sorted(p.location.column for p in ps)
    assert [p.location.field for p in ps] == ["items[0].size", "items[1].size"]


def test_proposal_format_version_message() -> None:
    ps = run("pso_format: 3\nidentity: {name: n, id: ab}\n", Proposal)
    assert [p.message for p in ps] == [
        "pso_format: unsupported format version 3; expected 2 (or 1, which is still read)"
    ]


def test_proposal_enum_with_alias_lists_canonical_values() -> None:
    (p,) = run(
        "pso_format: 2\nidentity: {name: n, id: ab, operation_type: peacekeepin}\n", Proposal
    )
    assert "expected one of: un-peacekeeping, regional-assistance" in p.message
    assert "did you mean" in p.message


def test_an_acceptance_cannot_expire_before_it_was_given() -> None:
    from pso_cli.errors import InputError
    from pso_cli.loading.load import proposal_from_bytes

    data = (
        b"pso_format: 1\nidentity: {name: X, id: ab}\naccepted_concerns:\n"
        b"  - {rule: LEG-005, justification: j, approver: a, date: 2030-01-02,"
        b" expires: 2030-01-01}\n"
    )
    with pytest.raises(InputError) as err:
        proposal_from_bytes(data, "p.yaml")
    (p,) = err.value.problems
    assert (p.location.line, p.location.column) == (4, 5)
    assert p.message == (
        "accepted_concerns[0]: expires (2030-01-01) is before the acceptance date (2030-01-02)"
    )


def proposal_problem(body: str) -> str:
    (p,) = run(f"pso_format: 2\nidentity: {{name: n, id: ab}}\n{body}\n", Proposal)
    return p.message


@pytest.mark.parametrize(
    ("body", "hint"),
    [
        ("risk: {threat_level: medium}", "did you mean 'moderate'?"),
        ("risk: {threat_trend: worsening}", "did you mean 'deteriorating'?"),
        ("strategic: {humanitarian: {severity: extreme}}", "did you mean 'catastrophic'?"),
        ("legal_basis: {host_consent: {status: refused}}", "did you mean 'none'?"),
        ("risk: {force_protection: {adequacy: sufficient}}", "did you mean 'adequate'?"),
    ],
)
def test_a_synonym_suggests_the_value_the_format_takes(body: str, hint: str) -> None:
    """Suggested, never read as the value: an alias that changes meaning is how a
    proposal silently says something else."""
    assert proposal_problem(body).endswith(hint)


@pytest.mark.parametrize("chapter", ["7", "'7'", "'Chapter VII'", "'chapter 7'"])
def test_a_chapter_written_as_a_number_suggests_the_roman_numeral(chapter: str) -> None:
    said = proposal_problem(
        f"legal_basis: {{security_council: [{{number: 1, chapter: {chapter}}}]}}"
    )
    assert said.endswith("write 'vii' (chapters are written in Roman numerals)")


def test_a_resolution_number_alone_says_how_to_write_it() -> None:
    said = proposal_problem("legal_basis: {security_council: [2699]}")
    assert said.startswith("legal_basis.security_council[0]: expected a mapping")
    assert said.endswith("; write {number: 2699}")
    said = proposal_problem("legal_basis: {security_council: 2699}")
    assert said.endswith("; write [{number: 2699}]")
    assert proposal_problem("alternatives: [diplomacy]").endswith("; write {type: diplomacy}")


@pytest.mark.parametrize(
    ("body", "hint"),
    [
        ("risk: {exit_strategy: Leave by 2027}", "did you mean strategic.exit_strategy?"),
        ("risk: {exit_stratgy: x}", "did you mean strategic.exit_strategy?"),
        ("threat_level: high", "did you mean risk.threat_level?"),
        (
            "risk: {mitigation: x}",
            "did you mean risk.force_protection.mitigation or risk.medical_evacuation.mitigation?",
        ),
    ],
)
def test_a_key_in_the_wrong_section_names_where_it_belongs(body: str, hint: str) -> None:
    assert proposal_problem(body).endswith(hint)


def test_a_key_that_belongs_in_many_places_lists_the_allowed_keys() -> None:
    said = proposal_problem("risk: {date: 2030-01-01}")
    assert "allowed keys: command, force_protection" in said


def test_every_synonym_names_a_value_of_the_format() -> None:
    from pso_cli.model.suggest import SYNONYMS

    kinds = [k for k in vars(enums).values() if isinstance(k, type) and issubclass(k, enums.Choice)]
    values = {str(m.value) for kind in kinds for m in kind}
    for word, targets in SYNONYMS.items():
        assert set(targets) <= values, word


def test_problems_are_bounded_per_file() -> None:
    """A file of 99,000 unknown keys took 80 s to report: the first 50, then a count."""
    from pso_cli.errors import InputError
    from pso_cli.loading.load import proposal_from_bytes
    from pso_cli.model.diagnostics import MAX_PROBLEMS

    keys = "".join(f"  k{i}: v\n" for i in range(MAX_PROBLEMS + 30))
    text = f"pso_format: 1\nidentity:\n  name: X\n  id: x-case\nlocation:\n{keys}"
    try:
        proposal_from_bytes(text.encode(), "k.yaml")
    except InputError as exc:
        problems = exc.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message.startswith("and 30 more problems in this file")
    assert (problems[-1].location.line, problems[-1].location.column) == (6 + MAX_PROBLEMS, 3)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "legal_basis: {regional_arrangement: {organisation: TBD}}",
            "legal_basis.regional_arrangement.organisation: 'TBD' is a placeholder",
        ),
        (
            "legal_basis: {treaty: {parties: [A]}}",
            "missing required field 'instrument' in legal_basis.treaty",
        ),
        (
            "legal_basis: {self_defence: {kind: bogus}}",
            "legal_basis.self_defence.kind: unknown value 'bogus'; expected one of: individual, "
            "collective",
        ),
    ],
)
def test_a_section_or_none_field_reports_the_section_written(body: str, said: str) -> None:
    """Fields that take a section or the word `none` used to print pydantic's union tags
    as if they were fields ('regional_arrangement.RegionalArrangement.organisation'), an
    empty list of values, and a second error that the section is not the word 'none'."""
    (p,) = run(f"pso_format: 2\nidentity: {{name: n, id: ab}}\n{body}\n", Proposal)
    assert p.message.startswith(said)
    assert "literal" not in p.message and "RegionalArrangement" not in p.location.field


def test_neither_a_section_nor_none_says_either_would_do() -> None:
    said = proposal_problem("legal_basis: {self_defence: 7}")
    assert "expected a mapping of fields (indented 'key: value' lines), or the word none" in said
    assert "write {" not in said, "no suggestion that would fail again"


def test_a_capitalised_key_is_a_key_not_a_union_tag() -> None:
    assert (
        proposal_problem("Risk: {threat_level: high}") == "unknown key 'Risk'; did you mean 'risk'?"
    )


# ----------------------------------------------------------------------------- legal facts


def _resolutions(*entries: dict[str, object]) -> dict[str, object]:
    return {
        "pso_format": 2,
        "identity": {"id": "contradiction", "name": "Contradiction"},
        "legal_basis": {"security_council": list(entries)},
    }


def test_chapter_vi_with_force_is_an_error_at_authorises_force() -> None:
    doc = _resolutions({"number": 2001, "chapter": "vi", "authorises_force": True})
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(doc)
    (err,) = caught.value.errors()
    assert err["loc"] == ("legal_basis", "security_council", 0)
    assert "write chapter: vii if it authorises force, or authorises_force: false" in err["msg"]
    for fine in ({"chapter": "vi", "authorises_force": False}, {"chapter": "vii"}):
        Proposal.model_validate(_resolutions({"number": 2001, "authorises_force": True} | fine))


def test_one_resolution_with_two_answers_names_both_entries() -> None:
    twice = _resolutions(
        {"number": 2001, "for_this_situation": True},
        {"number": 2001, "for_this_situation": False},
    )
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(twice)
    (err,) = caught.value.errors()
    assert (
        "resolution 2001 is listed twice with different answers: security_council[0] says"
        " for_this_situation true, security_council[1] says for_this_situation false"
    ) in err["msg"]
    # the same answers, or one left unstated, contradict nothing
    Proposal.model_validate(_resolutions({"number": 2001, "chapter": "vii"}, {"number": 2001}))
    Proposal.model_validate(
        _resolutions({"number": 2001, "chapter": "vii"}, {"number": 2001, "chapter": "vii"})
    )


def test_contradictory_legal_facts_are_located_in_the_file() -> None:
    from pso_cli.errors import InputError
    from pso_cli.loading.load import proposal_from_bytes

    text = (
        "pso_format: 2\n"
        "identity: {id: contradiction, name: Contradiction}\n"
        "legal_basis:\n"
        "  security_council:\n"
        "    - {number: 2001, chapter: vii}\n"
        "    - number: 2001\n"
        "      chapter: viii\n"
    )
    with pytest.raises(InputError) as caught:
        proposal_from_bytes(text.encode(), "x.yaml")
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.location.column) == (7, 16)
    assert problem.location.field == "legal_basis.security_council[1].chapter"
    assert problem.message == (
        "legal_basis.security_council[1].chapter: resolution 2001 is listed twice with different"
        " answers: legal_basis.security_council[0] (line 5) says chapter vii,"
        " legal_basis.security_council[1] (line 6) says chapter viii; list each resolution"
        " once, with the answer that is right"
    )
