"""The result of one `pso assess` run: what every renderer receives."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pso_cli.errors import Problem
from pso_cli.exitcodes import ExitCode
from pso_cli.model.findings import Assessment, Verdict


@dataclass(frozen=True, slots=True)
class Invalid:
    """An input that could not be assessed (unreadable or invalid): exit 3."""

    path: str
    problems: tuple[Problem, ...]
    sha256: str | None = None
    failed: bool = False  # pso could not assess it (its worker process died): exit 70
    seconds: float = field(default=0.0, compare=False)  # spent loading it (JUnit's time)


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
class VetoInfo:
    """A profile veto as renderers describe it (SARIF driver rules, JUnit, reports)."""

    id: str
    title: str
    source: str
    verdict: str  # what it forces when it fails: do-not-recommend | further-analysis
    condition: str | None = None  # what lifts it (further-analysis vetoes)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where and when a run happened, for the formats whose consumers read it: JUnit's
    timestamp and hostname, and the working directory SARIF needs to tell which inputs
    lie under %SRCROOT% (it never writes it). Nothing else in machine output depends on
    it."""

    started: str  # UTC, YYYY-MM-DDTHH:MM:SS: the form Ant's JUnit schema takes (no zone)
    cwd: str  # the absolute working directory, which relative input paths start from
    hostname: str  # 'localhost' when the system names none (as Ant's schema asks)


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
    vetoes: tuple[VetoInfo, ...] = ()  # the profile's enabled vetoes, by id
    # Where and when; None in a run built by hand. Never compared: two runs of the same
    # inputs are equal wherever and whenever they ran.
    origin: Origin | None = field(default=None, compare=False)
    tool_url: str | None = None  # pso's documentation address ([project.urls]), if any


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


def reached_fail_on(verdict: Verdict, fail_on: str) -> bool:
    """Whether a verdict reaches the run's --fail-on threshold ("never" never does)."""
    if fail_on == "never":
        return False
    return verdict.rank >= Verdict(fail_on).rank


def exit_code(
    verdicts: Iterable[Verdict | None], fail_on: str, fragile: bool = False, failed: bool = False
) -> int:
    """The exit code of a run, from its verdicts (None for an invalid input): 70 if a file
    could not be assessed (`failed`: its worker died), else 3 if any input is invalid,
    else 1 if a verdict reached `fail_on` or `fragile` (a fragile verdict under
    --fail-on-fragile), else 0. The one place this is decided."""
    if failed:
        return ExitCode.INTERNAL
    seen = list(verdicts)
    if any(v is None for v in seen):
        return ExitCode.INVALID_INPUT
    if fragile or any(reached_fail_on(v, fail_on) for v in seen if v is not None):
        return ExitCode.VERDICT_FAILED
    return ExitCode.OK


def failed(items: Iterable[Item]) -> bool:
    """Whether any file could not be assessed at all (its worker process died)."""
    return any(isinstance(i, Invalid) and i.failed for i in items)


def verdicts(items: Iterable[Item]) -> list[Verdict | None]:
    """Each item's verdict, None for an invalid input: what `exit_code` reads."""
    return [None if isinstance(i, Invalid) else i.verdict for i in items]
