"""The result of one `pso assess` run: what every renderer receives."""

from __future__ import annotations

from dataclasses import dataclass, field

from pso_cli.errors import Problem
from pso_cli.model.findings import Assessment, Verdict


@dataclass(frozen=True, slots=True)
class Invalid:
    """An input that could not be assessed (unreadable or invalid): exit 3."""

    path: str
    problems: tuple[Problem, ...]
    sha256: str | None = None
    failed: bool = False  # pso could not assess it (its worker process died): exit 70


Item = Assessment | Invalid


@dataclass(frozen=True, slots=True)
class PackInfo:
    name: str
    version: str
    origin: str
    rules: int


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Rule metadata renderers need (SARIF driver rules, reference lists)."""

    code: str
    name: str
    consideration: str
    title: str
    rationale: str
    reference: str
    url: str | None
    severity: str
    gate: bool


@dataclass(frozen=True, slots=True)
class RunInfo:
    """The audit block: enough to reproduce the run."""

    tool_version: str
    profile_name: str
    profile_sha256: str
    profile_origin: str
    as_of: str
    packs: tuple[PackInfo, ...]
    rules: tuple[RuleInfo, ...]
    fail_on: str = "do-not-recommend"
    commitments: str | None = None
    timestamp: str | None = None  # only with --timestamp


@dataclass(frozen=True, slots=True)
class RunResult:
    info: RunInfo
    items: tuple[Item, ...]
    exit_code: int = 0
    extras: dict[str, object] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = {v.value: 0 for v in Verdict} | {"invalid": 0}
        for item in self.items:
            out["invalid" if isinstance(item, Invalid) else item.verdict.value] += 1
        return out
