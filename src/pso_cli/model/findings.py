"""What rules produce and what the engine returns: findings and assessments."""

from __future__ import annotations

from dataclasses import dataclass, field

from pso_cli.model.kinds import Consideration as Consideration
from pso_cli.model.kinds import Outcome as Outcome
from pso_cli.model.kinds import Severity as Severity
from pso_cli.model.kinds import Verdict as Verdict
from pso_cli.model.legal_analysis import LegalAnalysis


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation by one rule about one field of the proposal.

    Rules create findings with `rule` empty; the engine stamps `rule`, `rule_name`,
    `consideration` and `severity`. A scoring rule's finding that carries `level` rates
    the rule's attribute; its `effect` is that attribute's contribution, in points of the
    consideration's 0-100 score (the contributions add up to the score). Other findings
    have no effect: only levels move scores.
    """

    outcome: Outcome
    message: str
    field: str
    effect: float = 0.0
    condition: str | None = None
    rule: str = ""
    rule_name: str = ""
    consideration: Consideration | None = None
    severity: Severity = Severity.INFO
    line: int = 1
    column: int = 1
    accepted: bool = False
    level: str | None = None  # the attribute level this finding rates (scoring rules)


@dataclass(frozen=True, slots=True)
class AcceptedConcernUse:
    """How a proposal's accepted concern was applied."""

    rule: str
    approver: str
    justification: str
    expires: str | None
    status: str  # applied | expired | refused-blocker | unused | unknown-rule | retired
    line: int
    column: int
    written_as: str = ""  # a retired code the acceptance named, now read as `rule`


@dataclass(frozen=True, slots=True)
class AttributeValue:
    """One attribute of the value model for one proposal: its level, value and share."""

    code: str  # the rule that rates it
    consideration: Consideration
    title: str
    level: str | None  # None: unknown
    value: float | None  # 0..100 on its value function; None when unknown
    weight: float  # swing weight within the consideration
    contribution: float  # points of the consideration's score (0 when unknown)
    field: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class ConsiderationResult:
    """A consideration's score on the stated facts, its range and completeness."""

    consideration: Consideration
    score: float | None  # None: nothing it weighs is stated
    completeness: float  # share of its swing weight whose facts are stated
    weight: float
    contributions: tuple[tuple[str, float], ...]  # (rule code, points of the score)
    low: float = 0.0  # the score with every unknown at its worst level
    high: float = 100.0  # ... and at its best


@dataclass(frozen=True, slots=True)
class Gate:
    """A non-compensatory check: one of the two policy gates (a rule) or a profile veto."""

    rule: str  # the gate rule's code, or the veto's id
    title: str
    status: str  # passed | failed | contested | unknown
    field: str
    line: int
    column: int
    kind: str = "gate"  # gate | veto
    verdict: str = "do-not-recommend"  # what a failed gate or veto forces


@dataclass(frozen=True, slots=True)
class StabilityInterval:
    """The range of one consideration's weight (others rescaled) keeping the verdict."""

    consideration: Consideration
    weight: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Sensitivity:
    intervals: tuple[StabilityInterval, ...]
    samples: int
    same_verdict_share: float  # weights sampled within +/-50% of the profile's
    seed: int
    margin: float
    fragile: bool
    reason: str
    values_share: float = 1.0  # value functions varied within their bands
    combined_share: float = 1.0  # both at once


@dataclass(frozen=True, slots=True)
class Change:
    """A single edit to one field that would move the verdict."""

    field: str
    line: int
    column: int
    current: str | None
    value: str
    verdict: Verdict
    score: float
    rule: str
    outcome: Outcome
    jointly: bool = False  # the verdict moves only with the other joint changes listed
    control: str = "world"  # action (the authors can make it) | world (model/controls.py)


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the renderers need about one proposal, and nothing they must compute."""

    path: str
    sha256: str
    proposal_id: str
    name: str
    host: str | None
    lead: str | None
    verdict: Verdict
    reason: str
    score: float | None  # on the stated facts; None when nothing scored is stated
    completeness: float  # share of the swing weight whose facts are stated
    considerations: tuple[ConsiderationResult, ...]
    gates: tuple[Gate, ...]
    findings: tuple[Finding, ...]
    conditions: tuple[str, ...]
    accepted: tuple[AcceptedConcernUse, ...] = ()
    alternatives: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    sensitivity: Sensitivity | None = None
    changes: tuple[Change, ...] | None = None  # None: not computed; (): nothing changes it
    reversals: tuple[Change, ...] = ()  # facts of the world whose change would worsen it
    legal: LegalAnalysis | None = None
    missing_facts: tuple[tuple[str, int, int], ...] = ()  # must-have facts unknown
    notices: tuple[str, ...] = ()  # about reading the file (e.g. an older format)
    score_low: float = 0.0  # the overall score with every unknown at its worst level
    score_high: float = 100.0  # ... and at its best
    attributes: tuple[AttributeValue, ...] = ()
    as_of: str = ""  # the date it was judged at (YYYY-MM-DD)
    # Wall time spent loading and assessing the file (JUnit's time); never compared, so
    # the same file assessed twice gives equal assessments.
    seconds: float = field(default=0.0, compare=False)
