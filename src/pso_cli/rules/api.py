"""The rule contract shared by built-in rules and third-party rule packs.

A rule pack is a module (registered under the entry-point group `pso_cli.rules`, or
given with `--rules PATH`) exposing `RULES: list[Rule]` and optionally `PACK_NAME`
and `PACK_VERSION`. A rule is metadata plus a pure function from the proposal and a
context to findings. Rules name fields by model path (`legal_basis.host_consent.status`);
they never see YAML. The engine stamps the rule id and effective severity.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from pso_cli.model.findings import Consideration, Finding, Outcome, Severity
from pso_cli.model.legal_analysis import LegalAnalysis
from pso_cli.model.proposal import Proposal

__all__ = [
    "Attribute",
    "Consideration",
    "Finding",
    "NoOptions",
    "Outcome",
    "Reference",
    "Rule",
    "RuleContext",
    "Severity",
    "blocker",
    "concern",
    "info",
    "missing",
    "rate",
    "rule",
    "supports",
]

CODE_PATTERN = re.compile(r"^[A-Z]{2,5}-[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]{2,60}$")


class NoOptions(BaseModel):
    """Options model for a rule that takes none."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Reference:
    """What a rule rests on: a quoted policy passage or a named legal source."""

    source: str
    passage: str = ""
    url: str | None = None

    def __str__(self) -> str:
        return f'{self.source}: "{self.passage}"' if self.passage else self.source


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may know besides the proposal."""

    options: BaseModel
    as_of: dt.date
    commitments: Sequence[Any] = ()
    profile: Mapping[str, Any] = field(default_factory=dict)
    law: LegalAnalysis | None = None  # the legal analysis of this proposal (pso_cli.law)


Check = Callable[[Proposal, RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Attribute:
    """What a scoring rule rates: the attribute's levels, worst first, each with its
    default value (0 = worst plausible, 100 = best plausible), and the proposal fields it
    owns. No two attributes may own a field: that is how each fact counts once. The
    criteria profile gives the attribute its swing weight and may change the values."""

    title: str
    levels: tuple[tuple[str, float], ...]
    owns: tuple[str, ...]

    def __post_init__(self) -> None:
        values = [v for _, v in self.levels]
        if len(values) < 2 or values != sorted(values) or values[0] != 0 or values[-1] != 100:
            raise ValueError(
                f"attribute {self.title!r}: levels go worst to best, from 0 to 100, never down"
            )


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    consideration: Consideration
    title: str
    rationale: str
    reference: Reference
    check: Check
    severity: Severity = Severity.MAJOR
    reads: tuple[str, ...] = ()
    options: type[BaseModel] = NoOptions
    gate: bool = False
    example: str = ""
    attribute: Attribute | None = None

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"rule code {self.code!r} must look like ABC-123")
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be lower-case-with-hyphens")


def rule(
    *,
    code: str,
    name: str,
    consideration: Consideration,
    title: str,
    rationale: str,
    reference: Reference,
    severity: Severity = Severity.MAJOR,
    reads: Sequence[str] = (),
    options: type[BaseModel] = NoOptions,
    gate: bool = False,
    example: str = "",
    attribute: Attribute | None = None,
) -> Callable[[Check], Rule]:
    """Decorator turning a check function into a `Rule`."""

    def wrap(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            consideration=consideration,
            title=title,
            rationale=rationale,
            reference=reference,
            check=check,
            severity=severity,
            reads=tuple(reads),
            options=options,
            gate=gate,
            example=example,
            attribute=attribute,
        )

    return wrap


def _setter(name: str) -> Callable[[Finding, Any], None]:
    setter: Callable[[Finding, Any], None] = getattr(Finding, name).__set__
    return setter


_new = object.__new__
_outcome, _message, _field, _effect = map(_setter, ("outcome", "message", "field", "effect"))
_condition, _rule, _rule_name = map(_setter, ("condition", "rule", "rule_name"))
_consideration, _severity, _line = map(_setter, ("consideration", "severity", "line"))
_column, _accepted, _level = map(_setter, ("column", "accepted", "level"))
_SUPPORTS, _CONCERN, _BLOCKER = Outcome.SUPPORTS, Outcome.CONCERN, Outcome.BLOCKER
_MISSING, _INFO, _NO_SEVERITY = Outcome.MISSING, Outcome.INFO, Severity.INFO


def new_finding(
    outcome: Outcome,
    message: str,
    field: str,
    effect: float = 0.0,
    condition: str | None = None,
    rule: str = "",
    rule_name: str = "",
    consideration: Consideration | None = None,
    severity: Severity = _NO_SEVERITY,
    line: int = 1,
    column: int = 1,
    accepted: bool = False,
    level: str | None = None,
) -> Finding:
    """The same Finding as `Finding(...)`, made at about half the cost.

    A frozen dataclass's __init__ sets each field through object.__setattr__, which
    finds the field's slot again every time; a batch makes two findings per finding a
    rule reports (the rule's, then the stamped one), so this sets the slots directly.
    Finding has no __post_init__ to skip (a test keeps it that way).
    """
    f = _new(Finding)
    _outcome(f, outcome)
    _message(f, message)
    _field(f, field)
    _effect(f, effect)
    _condition(f, condition)
    _rule(f, rule)
    _rule_name(f, rule_name)
    _consideration(f, consideration)
    _severity(f, severity)
    _line(f, line)
    _column(f, column)
    _accepted(f, accepted)
    _level(f, level)
    return f


def rate(field: str, level: str, message: str, condition: str | None = None) -> Finding:
    """The level of the rule's attribute, from the fact at `field`. The engine makes it a
    concern when the level's value is below 50, else support; `condition` is what would
    raise a low level, if anything."""
    return new_finding(_SUPPORTS, message, field, 0.0, condition, level=level)


def supports(field: str, message: str, effect: float = 0.0) -> Finding:
    """A fact in favour, reported. It moves no score: only `rate` does. (`effect`, from
    pso 0.1's point model, is accepted and ignored.)"""
    return new_finding(_SUPPORTS, message, field)


def concern(field: str, message: str, effect: float = 0.0, condition: str | None = None) -> Finding:
    """A fact against, reported, with `condition`: the action that would resolve it, if
    any. It moves no score: only `rate` does (`effect` is accepted and ignored)."""
    return new_finding(_CONCERN, message, field, 0.0, condition)


def blocker(field: str, message: str, effect: float = 0.0) -> Finding:
    """A disqualifier: the verdict becomes do-not-recommend whatever the score."""
    return new_finding(_BLOCKER, message, field)


def missing(field: str, message: str) -> Finding:
    """A fact the rule needs and the proposal does not state: lowers confidence only."""
    return new_finding(_MISSING, message, field)


def info(field: str, message: str) -> Finding:
    """Context worth reporting that moves no score."""
    return new_finding(_INFO, message, field)
