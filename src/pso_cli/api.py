"""The façade a notebook or another program calls: data in, data out, no printing."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pso_cli.errors import InputError, Problem
from pso_cli.escape import one_line
from pso_cli.loading.inputs import STDIN, expand
from pso_cli.loading.load import Loaded, load_proposal, proposal_from_bytes
from pso_cli.loading.reader import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from pso_cli.engine.assess import Analysis, Engine
    from pso_cli.model.run import Item, RunInfo, RunResult

# pso_cli.model.run (results, and the findings they hold) is imported where a result is
# built: `pso validate` never builds one and so never pays for those classes.

__all__ = [
    "Loaded",
    "ValidationResult",
    "assess_one",
    "build_engine",
    "exit_code_for",
    "load_input",
    "load_proposal",
    "run_assessment",
    "run_info",
    "validate_paths",
]


@dataclass(frozen=True, slots=True)
class ValidationResult:
    path: str
    problems: tuple[Problem, ...]
    kind: str = "proposal"


_STDIN_CHUNK = 1 << 16


def read_stdin(max_bytes: int, name: str) -> bytes:
    """Standard input up to max_bytes, read in chunks: asking for max_bytes + 1 at once
    would allocate that much whatever arrives (--max-bytes 99999999999: MemoryError)."""
    data = bytearray()
    try:
        stream = sys.stdin.buffer
        while len(data) <= max_bytes:
            chunk = stream.read(min(_STDIN_CHUNK, max_bytes + 1 - len(data)))
            if not chunk:
                break
            data += chunk
    except (OSError, ValueError, AttributeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is closed"
        message = f"cannot read standard input: {reason}"
        raise InputError.at(name, 1, 1, message, "unreadable") from None
    if len(data) > max_bytes:
        raise InputError.at(name, 1, 1, f"input over the {max_bytes}-byte limit", "too-large")
    return bytes(data)


def shown_name(path: str, stdin_filename: str = "<stdin>") -> str:
    """The name an input is reported by, in every format: the path as given (or the
    stdin name for '-'), with control characters, line breaks and bytes that are not
    UTF-8 escaped (`\\n`, `\\x1b`, `\\xe9`), so no name can break a line, forge a
    workflow command, drive the terminal or fail an encoder."""
    return one_line(stdin_filename if path == STDIN else path)


def load_input(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> Loaded:
    """Load a path, or standard input for '-'; reported under shown_name()."""
    name = shown_name(path, stdin_filename)
    if path == STDIN:
        return proposal_from_bytes(read_stdin(max_bytes, name), name)
    return load_proposal(path, max_bytes, name)


def validate_one(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> ValidationResult:
    """Validate a proposal, or a commitments file or profile recognised by its format key."""
    from pso_cli.loading.load import validate_document
    from pso_cli.loading.reader import read_bytes

    name = shown_name(path, stdin_filename)
    try:
        data = read_stdin(max_bytes, name) if path == STDIN else read_bytes(path, max_bytes, name)
        kind = validate_document(data, name)
    except InputError as exc:
        return ValidationResult(name, tuple(exc.problems))
    return ValidationResult(name, (), kind=kind)


def validate_paths(
    paths: Sequence[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin_filename: str = "<stdin>",
    exclude: Sequence[str] = (),
) -> list[ValidationResult]:
    """Validate every file named by `paths` (expanded as the CLI does)."""
    files = expand(paths, exclude)
    if not files:
        raise InputError.at(", ".join(paths) or ".", 1, 1, "no proposal files found", "no-input")
    return [validate_one(p, max_bytes, stdin_filename) for p in files]


def build_engine(
    profile: str = "nz-default",
    as_of: dt.date | None = None,
    rules_files: Sequence[str] = (),
    commitments: str | None = None,
    analysis: Analysis | None = None,
) -> Engine:
    """Registry, profile and active rules, built once for a batch."""
    import dataclasses
    import os

    from pso_cli.criteria.profile import load_profile
    from pso_cli.engine.assess import Analysis, Engine
    from pso_cli.engine.commitments import load_commitments
    from pso_cli.rules.registry import build_registry

    prof = load_profile(profile)
    registry = build_registry(tuple(rules_files))
    source = commitments
    if source is None and prof.commitments:
        source = os.path.join(os.path.dirname(prof.origin), prof.commitments)
    deployments = load_commitments(source) if source else ()
    engine = Engine.build(registry, prof, as_of or dt.date.today(), deployments, source)
    return dataclasses.replace(engine, analysis=analysis or Analysis())


def run_info(
    engine: Engine, fail_on: str = "do-not-recommend", timestamp: str | None = None
) -> RunInfo:
    """The audit block of a run."""
    from pso_cli import __version__
    from pso_cli.model.run import PackInfo, RuleInfo, RunInfo

    packs = tuple(
        PackInfo(p.name, p.version, p.origin, len(p.rules)) for p in engine.registry.packs
    )
    rules = tuple(
        RuleInfo(
            code=a.rule.code,
            name=a.rule.name,
            consideration=a.rule.consideration.value,
            title=a.rule.title,
            rationale=a.rule.rationale,
            reference=str(a.rule.reference),
            url=a.rule.reference.url,
            severity=a.severity.value,
            gate=a.rule.gate,
        )
        for a in engine.rules
    )
    prof = engine.profile
    return RunInfo(
        tool_version=__version__,
        profile_name=prof.name,
        profile_sha256=prof.sha256,
        profile_origin=prof.origin,
        as_of=engine.as_of.isoformat(),
        packs=packs,
        rules=rules,
        fail_on=fail_on,
        commitments=engine.commitments_source,
        timestamp=timestamp,
    )


def assess_one(
    engine: Engine, path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> Item:
    """Load and assess one input; an unreadable or invalid file becomes an Invalid item."""
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.model.run import Invalid

    try:
        loaded = load_input(path, max_bytes, stdin_filename)
    except InputError as exc:
        return Invalid(shown_name(path, stdin_filename), tuple(exc.problems))
    return assess_loaded(engine, loaded)


def assess_bytes(engine: Engine, data: bytes, stdin_filename: str = "<stdin>") -> Item:
    """Assess standard input already read (a worker process gets the parent's bytes)."""
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.model.run import Invalid

    name = shown_name(STDIN, stdin_filename)
    try:
        loaded = proposal_from_bytes(data, name)
    except InputError as exc:
        return Invalid(name, tuple(exc.problems))
    return assess_loaded(engine, loaded)


def run_assessment(
    paths: Sequence[str],
    profile: str = "nz-default",
    as_of: dt.date | None = None,
    fail_on: str = "do-not-recommend",
    rules_files: Sequence[str] = (),
    commitments: str | None = None,
) -> RunResult:
    """Assess every file named by `paths` sequentially; the simplest whole-run call."""
    from pso_cli.model.run import RunResult

    engine = build_engine(profile, as_of, rules_files, commitments)
    items = tuple(assess_one(engine, p) for p in expand(paths))
    return RunResult(run_info(engine, fail_on), items, exit_code_for(items, fail_on))


def exit_code_for(items: Sequence[Item], fail_on: str) -> int:
    """70 if a file could not be assessed (its worker died), else 3 if any input is
    invalid, else 1 if any verdict reached `fail_on`, else 0."""
    from pso_cli.exitcodes import ExitCode
    from pso_cli.model.findings import Verdict
    from pso_cli.model.run import Invalid

    if any(isinstance(i, Invalid) and i.failed for i in items):
        return ExitCode.INTERNAL  # a worker died: those files could not be assessed
    if any(isinstance(i, Invalid) for i in items):
        return ExitCode.INVALID_INPUT
    if fail_on == "never":
        return ExitCode.OK
    threshold = Verdict(fail_on).rank
    if any(i.verdict.rank >= threshold for i in items if not isinstance(i, Invalid)):
        return ExitCode.VERDICT_FAILED
    return ExitCode.OK
