"""Which of the facts a rule reads does a proposal state? The basis of confidence.

A rule applies to a proposal when it produced any finding. For an applicable rule,
every field it declares in `reads` is a fact; a fact is known when the proposal states
it (not None, not an empty list) and no missing-information finding of the rule
names it. A rule that failed knows nothing. Rules that did not apply are left out,
so facts irrelevant to this kind of operation do not lower confidence.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from pso_cli.engine.aggregate import RuleFacts
from pso_cli.model.findings import Consideration, Finding, Outcome
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Rule

_ERROR, _MISSING = Outcome.ERROR, Outcome.MISSING  # enum attribute lookups are slow in 3.11
_SEQUENCES = (list, tuple)  # a tuple of types: isinstance is slower with `list | tuple`
_EMPTIABLE = (list, tuple, str)


def stated(obj: Any, dotted: str) -> bool:
    """Does `obj` hold a non-empty value at a dotted path?

    Lists: any element does. A `*` segment stands for any field of a model
    (`contribution.*.personnel`: any agency's personnel).
    """
    name, rest = _step(dotted)
    if name == "*":
        fields = type(obj).model_fields if hasattr(type(obj), "model_fields") else {}
        values = [getattr(obj, f) for f in fields]
        items = [x for v in values if _present(v) for x in (v if isinstance(v, list) else [v])]
        return any(stated(x, rest) if rest else True for x in items)
    value = getattr(obj, name, None) if name else obj
    if not _present(value):
        return False
    if not rest:
        return True
    if isinstance(value, _SEQUENCES):
        return any(stated(v, rest) for v in value)
    return stated(value, rest)


@functools.lru_cache(maxsize=1024)
def _step(dotted: str) -> tuple[str, str]:
    """'a[].b.c' -> ('a', 'b.c'): the first field's name and the rest of the path."""
    head, _, rest = dotted.partition(".")
    return head.split("[", 1)[0], rest


def _stated(proposal: Proposal, fact: str, memo: dict[str, bool] | None) -> bool:
    if memo is None:
        return stated(proposal, fact)
    found = memo.get(fact)
    if found is None:
        found = memo[fact] = stated(proposal, fact)
    return found


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, _EMPTIABLE) and len(value) == 0)


@functools.lru_cache(maxsize=4096)
def _unnamed(reads: tuple[str, ...], missing: tuple[str, ...]) -> tuple[str, ...]:
    """The facts in `reads` that no missing field names (see _named), in order.

    A pure function of the rule's reads and its missing fields, which repeat from one
    proposal to the next; only whether the remaining facts are stated varies.
    """
    return tuple(fact for fact in reads if not any(_named(m, fact) for m in missing))


def _named(field: str, fact: str) -> bool:
    """Does a missing `field` name `fact`, a part of it, or the whole it belongs to?

    `field == fact`, or `field` starts with `fact.` or `fact[`, or `fact` starts with
    `field.`; written without building those prefixes, as this runs per pair.
    """
    if field == fact:
        return True
    if field.startswith(fact):
        return field[len(fact)] in ".["
    return fact.startswith(field) and fact[len(field)] == "."


def by_rule(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by rule code, each group in the order given."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        group = groups.get(f.rule)
        if group is None:
            groups[f.rule] = [f]
        else:
            group.append(f)
    return groups


def rule_facts(rule: Rule, proposal: Proposal, findings: Sequence[Finding]) -> RuleFacts | None:
    return facts_of(rule, proposal, [f for f in findings if f.rule == rule.code])


def facts_of(
    rule: Rule, proposal: Proposal, mine: Sequence[Finding], memo: dict[str, bool] | None = None
) -> RuleFacts | None:
    """rule_facts given the rule's own findings (see by_rule), for a whole batch's speed.

    `memo` remembers, for one proposal, which facts it states: many rules read the
    same facts (`identity.operation_type` is read by ten).
    """
    if not mine:
        return None
    facts = len(rule.reads) or 1  # a rule that declares no reads counts as one fact
    missing = []
    for f in mine:
        outcome = f.outcome
        if outcome == _ERROR:
            return _facts(rule.code, rule.consideration, facts, 0.0)
        if outcome == _MISSING:
            missing.append(f.field)
    if not missing:  # the rule had every fact it needed; facts it did not need don't count
        return _facts(rule.code, rule.consideration, facts, float(facts))
    if not rule.reads:
        return _facts(rule.code, rule.consideration, 1, 0.0)
    known = sum(1 for fact in _unnamed(rule.reads, tuple(missing)) if _stated(proposal, fact, memo))
    if known == facts:
        known -= 1  # a sub-fact is missing even though its parent is stated
    return RuleFacts(rule.code, rule.consideration, facts, float(known))


@functools.lru_cache(maxsize=1024)
def _facts(code: str, consideration: Consideration, facts: int, known: float) -> RuleFacts:
    """The proposal-independent RuleFacts (all known, or none), shared across a batch."""
    return RuleFacts(code, consideration, facts, known)
