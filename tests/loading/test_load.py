"""load.py: bytes to a validated Proposal, or located, readable problems."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pso_cli.errors import InputError, Problem
from pso_cli.loading.load import load_proposal, proposal_from_bytes, validate_document

REPO = Path(__file__).resolve().parents[2]
HEAD = b"pso_format: 2\nidentity:\n  name: Test\n  id: test-id\n"


def problems(data: bytes, path: str = "f.yaml") -> list[Problem]:
    with pytest.raises(InputError) as info:
        proposal_from_bytes(data, path)
    for p in info.value.problems:
        assert p.location.path == path
        assert p.location.line >= 1 and p.location.column >= 1
    return info.value.problems


def one(data: bytes) -> Problem:
    (p,) = problems(data)
    return p


def at(p: Problem) -> tuple[int, int]:
    return (p.location.line, p.location.column)


def test_minimal_proposal_loads() -> None:
    loaded = proposal_from_bytes(HEAD, "f.yaml")
    assert loaded.proposal.identity.id == "test-id"
    assert loaded.path == "f.yaml"
    assert loaded.sha256 == hashlib.sha256(HEAD).hexdigest()
    assert loaded.source_map.value(("identity", "id")) == (4, 7)


def test_load_proposal_reads_the_file(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_bytes(HEAD)
    loaded = load_proposal(str(f))
    assert loaded.path == str(f)
    assert loaded.proposal.identity.name == "Test"


def test_top_level_list() -> None:
    p = one(b"- a\n- b\n")
    assert at(p) == (1, 1)
    assert p.message == "top level is a list; expected a mapping of fields"
    assert p.code == "not-mapping"


def test_top_level_list_after_a_comment_is_located_at_the_list() -> None:
    assert at(one(b"# a comment\n- a\n")) == (2, 1)


@pytest.mark.parametrize("text", [b"hello\n", b"42\n", b"true\n"])
def test_top_level_scalar(text: bytes) -> None:
    p = one(text)
    assert p.message.startswith("top level is a ")
    assert "expected a mapping of fields" in p.message


def test_wrong_type() -> None:
    p = one(HEAD + b"location:\n  duration_months: twelve\n")
    assert at(p) == (6, 20)
    assert p.location.field == "location.duration_months"
    assert "location.duration_months: expected a whole number (found 'twelve')" in p.message
    assert "(found 'twelve')" in p.message


def test_wrong_type_mapping_where_a_list_is_expected() -> None:
    p = one(HEAD + b"leadership:\n  partners:\n    Australia: 1\n")
    assert at(p) == (7, 5)
    assert p.location.field == "leadership.partners"


def test_unknown_enum_lists_allowed_values_and_suggests() -> None:
    p = one(HEAD + b"leadership:\n  arrangement: coalitoin\n")
    assert at(p) == (6, 16)
    assert "unknown value 'coalitoin'" in p.message
    assert "expected one of: un-led, regional-organisation, coalition, bilateral, nz-led" in (
        p.message
    )
    assert p.message.endswith("did you mean 'coalition'?")
    assert p.code == "enum"


def test_unknown_enum_without_a_close_spelling_has_no_suggestion() -> None:
    p = one(HEAD + b"leadership:\n  arrangement: zzzzzz\n")
    assert "expected one of:" in p.message
    assert "did you mean" not in p.message


def test_enum_spellings_are_normalised() -> None:
    loaded = proposal_from_bytes(
        HEAD + b"leadership:\n  arrangement: UN Led\nlegal_basis:\n  use_of_force: self_defense\n",
        "f.yaml",
    )
    assert loaded.proposal.leadership is not None
    assert loaded.proposal.leadership.arrangement == "un-led"
    assert loaded.proposal.legal_basis is not None
    assert loaded.proposal.legal_basis.use_of_force == "self-defence"


def test_unknown_key_located_at_the_key_with_suggestion() -> None:
    p = one(HEAD + b"leadership:\n  arangement: coalition\n")
    assert at(p) == (6, 3)
    assert p.message == "unknown key 'arangement'; did you mean 'arrangement'?"
    assert p.code == "extra_forbidden"


def test_unknown_top_level_key() -> None:
    p = one(HEAD + b"leadershp:\n  lead: X\n")
    assert at(p) == (5, 1)
    assert "did you mean 'leadership'?" in p.message


def test_unknown_key_without_a_close_spelling_lists_allowed_keys() -> None:
    p = one(HEAD + b"leadership:\n  qqqqqqq: 1\n")
    assert "allowed keys: arrangement, lead, partners" in p.message


def test_missing_required_field_located_at_the_parent_section_line() -> None:
    p = one(b"pso_format: 2\nidentity:\n  name: Test\n")
    assert at(p) == (2, 1)  # the `identity:` key, where the missing field belongs
    assert p.message == "missing required field 'id' in identity"
    assert p.location.field == "identity.id"


def test_missing_required_top_level_field_located_at_the_document() -> None:
    p = one(b"pso_format: 2\n")
    assert at(p) == (1, 1)
    assert p.message == "missing required field 'identity'"


def test_missing_field_inside_a_list_item() -> None:
    p = one(HEAD + b"alternatives:\n  - description: talk\n")
    assert at(p) == (6, 5)  # a list item has no key line: the item itself
    assert p.message == "missing required field 'type' in alternatives[0]"


def test_several_problems_are_sorted_in_file_order() -> None:
    data = (
        b"pso_format: 2\nidentity:\n  name: Test\n  id: BAD ID\n"
        b"location:\n  duration_months: 0\n  regoin: pacific\n"
    )
    ps = problems(data)
    assert [at(p) for p in ps] == sorted(at(p) for p in ps)
    assert len(ps) == 3
    assert [p.location.field for p in ps] == [
        "identity.id",
        "location.duration_months",
        "location.regoin",
    ]


def test_nan_where_a_number_is_expected() -> None:
    p = one(HEAD + b"contribution:\n  nzdf:\n    personnel: .nan\n")
    assert at(p) == (7, 16)
    assert "expected a whole number" in p.message


def test_infinite_money_refused() -> None:
    p = one(HEAD + b"contribution:\n  nzdf:\n    cost_nzd: .inf\n")
    assert p.location.field == "contribution.nzdf.cost_nzd"


def test_huge_integer() -> None:
    p = one(HEAD + b"contribution:\n  nzdf:\n    personnel: " + b"9" * 100 + b"\n")
    assert at(p) == (7, 16)
    assert "more than 60 digits" in p.message


def test_large_integer_over_the_field_limit() -> None:
    p = one(HEAD + b"contribution:\n  nzdf:\n    personnel: " + b"9" * 30 + b"\n")
    assert "expected at most 1000000" in p.message


def test_impossible_date() -> None:
    p = one(HEAD + b"location:\n  start_date: 2003-02-30\n")
    assert at(p) == (6, 15)
    assert p.location.field == "location.start_date"
    assert "2003-02-30" in p.message


def test_dates_are_parsed_by_the_model() -> None:
    loaded = proposal_from_bytes(HEAD + b"location:\n  start_date: 2003-07-24\n", "f.yaml")
    assert loaded.proposal.location is not None
    assert str(loaded.proposal.location.start_date) == "2003-07-24"


def test_no_as_a_string_value_stays_no() -> None:
    loaded = proposal_from_bytes(
        HEAD + b"location:\n  host: no\nleadership:\n  partners: [NO, yes, off]\n", "f.yaml"
    )
    assert loaded.proposal.location is not None
    assert loaded.proposal.location.host == "no"
    assert loaded.proposal.leadership is not None
    assert loaded.proposal.leadership.partners == ["NO", "yes", "off"]


def test_yes_and_no_are_never_guessed_to_be_booleans() -> None:
    """Booleans are true/false only: `no` is a string (YAML 1.2), and a string is not
    read as a boolean either, so a yes/no answer is a located error, never a guess."""
    data = HEAD + b"risk:\n  command:\n    national_command_retained: false\n"
    loaded = proposal_from_bytes(data, "f.yaml")
    assert loaded.proposal.risk is not None and loaded.proposal.risk.command is not None
    assert loaded.proposal.risk.command.national_command_retained is False
    for answer in (b"no", b"yes", b"0", b"on", b'"true"'):
        p = one(HEAD + b"risk:\n  command:\n    national_command_retained: " + answer + b"\n")
        assert p.location.field == "risk.command.national_command_retained"
        assert "expected true or false" in p.message


def test_format_2_is_current_and_loads_without_a_notice() -> None:
    loaded = proposal_from_bytes(HEAD, "f.yaml")
    assert loaded.proposal.pso_format == 2
    assert loaded.notices == ()


def test_format_1_still_loads_with_a_notice_to_migrate() -> None:
    loaded = proposal_from_bytes(HEAD.replace(b"pso_format: 2", b"pso_format: 1"), "f.yaml")
    assert loaded.proposal.pso_format == 2  # read as format 2
    assert loaded.proposal.identity.id == "test-id"
    assert loaded.notices == ("format 1 file read as format 2; `pso migrate f.yaml` rewrites it",)


def test_unsupported_format_version() -> None:
    p = one(b"pso_format: 3\nidentity:\n  name: Test\n  id: test-id\n")
    assert at(p) == (1, 13)
    assert p.message == (
        "pso_format: unsupported format version 3; expected 2 (or 1, which is still read)"
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"commitments_format: 1\ndeployments: []\n", "commitments file"),
        (b"profile_format: 1\nname: x\n", "criteria profile"),
    ],
)
def test_other_pso_documents_are_not_proposals(data: bytes, kind: str) -> None:
    p = one(data)
    assert at(p) == (1, 1)
    assert f"not a proposal: this is a {kind}" in p.message
    assert p.code == "not-proposal"


def test_validate_document_recognises_each_kind() -> None:
    assert validate_document(HEAD, "f.yaml") == "proposal"
    assert validate_document(b"profile_format: 1\nname: x\n", "p.yaml") == "profile"
    commitments = (REPO / "examples/commitments/nz-2016.yaml").read_bytes()
    assert validate_document(commitments, "c.yaml") == "commitments"


def test_validate_document_locates_profile_errors() -> None:
    with pytest.raises(InputError) as info:
        validate_document(b"profile_format: 1\nname: x\nweights:\n  strategic: -1\n", "p.yaml")
    (p,) = info.value.problems
    assert at(p) == (4, 14)
    assert p.location.field == "weights.strategic"


def test_text_fields_are_stripped_and_bounded() -> None:
    loaded = proposal_from_bytes(b"pso_format: 2\nidentity:\n  name: '  X  '\n  id: ab\n", "f")
    assert loaded.proposal.identity.name == "X"
    p = one(b"pso_format: 2\nidentity:\n  name: ''\n  id: ab\n")
    assert p.location.field == "identity.name"


def test_proposal_is_frozen() -> None:
    loaded = proposal_from_bytes(HEAD, "f.yaml")
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises ValidationError
        loaded.proposal.identity.name = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    "section",
    [b"contribution:\n  nzdf:\n    personnel: true\n", b"location:\n  duration_months: '12'\n"],
)
def test_numbers_are_numbers_not_booleans_or_quoted_text(section: bytes) -> None:
    p = one(HEAD + section)
    assert "expected a whole number" in p.message


def test_format_version_true_is_not_version_1() -> None:
    p = one(HEAD.replace(b"pso_format: 2", b"pso_format: true"))
    assert at(p) == (1, 13)
    assert p.message == (
        "pso_format: unsupported format version true; expected 2 (or 1, which is still read)"
    )


def test_format_version_1_0_is_not_version_1() -> None:
    p = one(HEAD.replace(b"pso_format: 2", b"pso_format: 1.0"))
    assert at(p) == (1, 13)
    assert p.message == (
        "pso_format: unsupported format version 1.0; expected the integer 2 "
        "(or 1, which is still read)"
    )


def test_a_source_id_used_twice_is_refused() -> None:
    section = b"sources:\n  - {id: S1, title: A}\n  - {id: S2, title: B}\n  - {id: S1, title: C}\n"
    p = one(HEAD + section)
    assert "source id 'S1' is used twice (sources[0] and sources[2])" in p.message
    assert p.location.field == "sources"
