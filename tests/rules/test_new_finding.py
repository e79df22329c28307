"""api.new_finding makes exactly the Finding that Finding(...) makes."""

from __future__ import annotations

import dataclasses

from pso_cli.model.findings import Consideration, Finding, Outcome, Severity
from pso_cli.rules import api


def test_every_field_is_set_as_the_constructor_sets_it() -> None:
    values = (
        Outcome.CONCERN, "msg", "a.b[1]", -2.5, "cond", "TST-001", "tst-rule",
        Consideration.LEGALITY, Severity.CRITICAL, 7, 9, True, "signed",
    )  # fmt: skip
    made, expected = api.new_finding(*values), Finding(*values)
    assert made == expected
    assert dataclasses.astuple(made) == values
    assert len(dataclasses.fields(Finding)) == len(values)


def test_defaults_match_the_dataclass() -> None:
    assert api.new_finding(Outcome.INFO, "m", "f") == Finding(Outcome.INFO, "m", "f")
    assert api.missing("f", "m") == Finding(Outcome.MISSING, "m", "f")
    # Effects given by a rule pack written for pso 0.1 are accepted and ignored: only an
    # attribute's level moves a score.
    assert api.supports("f", "m", -3) == Finding(Outcome.SUPPORTS, "m", "f")
    assert api.concern("f", "m", 4, "c") == Finding(Outcome.CONCERN, "m", "f", 0.0, "c")
    assert api.blocker("f", "m") == Finding(Outcome.BLOCKER, "m", "f")
    assert api.rate("f", "signed", "m", "c") == Finding(
        Outcome.SUPPORTS, "m", "f", 0.0, "c", level="signed"
    )
    assert api.info("f", "m") == Finding(Outcome.INFO, "m", "f")


def test_finding_stays_a_plain_frozen_dataclass() -> None:
    """new_finding skips __init__; it would also skip any __post_init__ added later."""
    assert not hasattr(Finding, "__post_init__")
    params = Finding.__dataclass_params__  # type: ignore[attr-defined]
    assert params.frozen
