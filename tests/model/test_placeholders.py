"""A placeholder ('TBD', 'to be confirmed', 'n/a') is not an answer: the fact stays unstated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pso_cli.api import assess_one, build_engine
from pso_cli.model.proposal import Proposal, is_placeholder

ROOT = Path(__file__).resolve().parents[2]
BASE = {"pso_format": 2, "identity": {"id": "t-1", "name": "Test", "operation_type": "training"}}


@pytest.mark.parametrize(
    "text",
    ["TBD", "tbd.", " To be confirmed ", "TO  BE  DETERMINED", "n/a", "N/A", "?", "...", "Unknown"],
)
def test_placeholders_are_recognised(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text",
    ["TBD after the Cabinet meeting on 3 May", "None", "No police", "Withdraw by 2027", "NA NA"],
)
def test_answers_that_mention_a_placeholder_are_kept(text: str) -> None:
    assert not is_placeholder(text)


def test_a_placeholder_answer_is_unstated() -> None:
    p = Proposal.model_validate({**BASE, "strategic": {"end_state": "TBC", "exit_strategy": "Go"}})
    assert p.strategic is not None
    assert p.strategic.end_state is None
    assert p.strategic.exit_strategy == "Go"


def test_placeholder_items_are_dropped_from_lists() -> None:
    p = Proposal.model_validate({**BASE, "strategic": {"objectives": ["TBD", "Train staff", "?"]}})
    assert p.strategic is not None
    assert p.strategic.objectives == ["Train staff"]


def test_a_placeholder_is_reported_missing_at_its_own_line(tmp_path: Path) -> None:
    """The same finding as for an absent end state, but located at the placeholder."""
    text = (ROOT / "examples" / "ramsi-2003.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    (n,) = [i for i, line in enumerate(lines) if line.startswith("  end_state:")]
    lines[n] = "  end_state: TBD"
    path = tmp_path / "draft.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = build_engine("nz-default", dt.date(2026, 11, 28))
    draft = assess_one(engine, str(path))
    original = assess_one(engine, str(ROOT / "examples" / "ramsi-2003.yaml"))
    about_end_state = [f for f in draft.findings if f.field.endswith("end_state")]  # type: ignore[union-attr]
    assert about_end_state, "the unstated end state is reported"
    assert all(f.line == n + 1 for f in about_end_state)
    # Unknown is unknown: the score stays, completeness falls and the range widens.
    assert draft.completeness < original.completeness  # type: ignore[union-attr]
    assert draft.score_low <= original.score_low  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["TBD?", "(TBD)", "*TBC*", "[to be confirmed]"])
def test_decorated_placeholders_are_recognised(text: str) -> None:
    assert is_placeholder(text)


def test_placeholder_partners_are_unknown_not_a_coalition() -> None:
    """`partners: [TBD, ?]` names no nation: the coalition gate must not pass on it."""
    data = {**BASE, "leadership": {"arrangement": "coalition", "partners": ["TBD", "?"]}}
    assert Proposal.model_validate(data).leadership.partners is None  # type: ignore[union-attr]
    data = {**BASE, "leadership": {"arrangement": "coalition", "partners": ["Fiji", "TBC"]}}
    assert Proposal.model_validate(data).leadership.partners == ["Fiji"]  # type: ignore[union-attr]


def test_placeholder_names_are_unstated() -> None:
    data = {**BASE, "legal_basis": {"host_consent": {"status": "given", "given_by": "TBC"}}}
    consent = Proposal.model_validate(data).legal_basis.host_consent  # type: ignore[union-attr]
    assert consent is not None and consent.given_by is None


@pytest.mark.parametrize("field", ["justification", "approver"])
def test_an_acceptance_needs_a_real_justification_and_approver(field: str) -> None:
    from pydantic import ValidationError

    accepted = {"rule": "LEG-005", "justification": "SOFA on arrival", "approver": "DSG"}
    accepted[field] = "TBD"
    with pytest.raises(ValidationError, match="placeholder"):
        Proposal.model_validate({**BASE, "accepted_concerns": [accepted]})


@pytest.mark.parametrize("text", ["ＴＢＤ", "（ｔｂｃ）", "Ｎ／Ａ", "ＴＢＤ？"])
def test_full_width_placeholders_are_placeholders(text: str) -> None:
    """NFKC first: a full-width ＴＢＤ reads as TBD to anyone, and was an answer."""
    assert is_placeholder(text)


def test_a_full_width_placeholder_leaves_the_fact_unstated() -> None:
    from pso_cli.model.proposal import Proposal

    p = Proposal.model_validate(
        {"pso_format": 2, "identity": {"name": "X", "id": "x-case"}, "location": {"host": "ＴＢＤ"}}
    )
    assert p.location is not None and p.location.host is None


@pytest.mark.parametrize("version", [1.0, True])
def test_the_format_version_is_the_integer_1(version: object) -> None:
    from pydantic import ValidationError

    from pso_cli.model.proposal import Proposal

    with pytest.raises(ValidationError, match="unsupported format version"):
        Proposal.model_validate({"pso_format": version, "identity": {"name": "X", "id": "x-y"}})
