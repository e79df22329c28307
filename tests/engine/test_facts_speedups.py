"""The faster forms in engine.facts give the answers of the plain definitions."""

from __future__ import annotations

import itertools

from pso_cli.engine import facts
from pso_cli.loading.load import proposal_from_bytes
from pso_cli.model.findings import Consideration, Finding, Outcome
from pso_cli.rules import api

PATHS = ["", ".", "[", "a", "ab", "a.", ".a", "a[", "a[0]", "a[0].b", "a.b", "a.bc", "a.b[1]"]


def plain_named(field: str, fact: str) -> bool:
    return (
        field == fact
        or field.startswith(fact + ".")
        or field.startswith(fact + "[")
        or fact.startswith(field + ".")
    )


def test_named_matches_its_plain_definition() -> None:
    for field, fact in itertools.product(PATHS, repeat=2):
        assert facts._named(field, fact) == plain_named(field, fact), (field, fact)


def test_a_shared_memo_changes_no_rule_facts() -> None:
    loaded = proposal_from_bytes(b"pso_format: 1\nidentity:\n  name: Test\n  id: test-id\n", "t")
    reads = ("identity.name", "identity.operation_type", "location.start_date")
    rule = api.Rule(
        code="TST-001",
        name="tst-rule",
        consideration=Consideration.STRATEGIC,
        title="t",
        rationale="r",
        reference=api.Reference("s"),
        check=lambda p, ctx: [],
        reads=reads,
    )
    mine = [Finding(Outcome.MISSING, "m", "location", rule="TST-001")]
    memo: dict[str, bool] = {}
    first = facts.facts_of(rule, loaded.proposal, mine, memo)
    again = facts.facts_of(rule, loaded.proposal, mine, memo)
    assert first == again == facts.facts_of(rule, loaded.proposal, mine)
    assert first is not None and (first.facts, first.known) == (3, 1.0)
    assert memo == {"identity.name": True, "identity.operation_type": False}
