"""The façade a notebook or another program calls: data in, data out, no printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pso_cli.engine.build import assess_one, build_engine
from pso_cli.errors import InputError, Problem
from pso_cli.loading.inputs import STDIN
from pso_cli.loading.kinds import PROPOSAL, PSO_KINDS, select
from pso_cli.loading.load import Loaded, load_input, load_proposal, read_stdin, shown_name
from pso_cli.loading.reader import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from pso_cli.engine.assess import Engine
    from pso_cli.model.run import Item, Origin, RunInfo, RunResult

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
    warnings: tuple[Problem, ...] = ()  # valid, but something will not work as written


def validate_one(
    path: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin_filename: str = "<stdin>",
    rules_files: Sequence[str] = (),
) -> ValidationResult:
    """Validate a proposal, or a commitments file or profile recognised by its format key;
    warn about what is valid but will not work as written (an accepted concern naming no
    rule, or a retired one)."""
    from pso_cli.loading.load import check_document
    from pso_cli.loading.reader import read_bytes

    name = shown_name(path, stdin_filename)
    try:
        data = read_stdin(max_bytes, name) if path == STDIN else read_bytes(path, max_bytes, name)
        kind, loaded = check_document(data, name)
    except InputError as exc:
        return ValidationResult(name, tuple(exc.problems))
    warnings = _warnings(loaded, rules_files) if loaded is not None else ()
    return ValidationResult(name, (), kind=kind, warnings=warnings)


def _warnings(loaded: Loaded, rules_files: Sequence[str]) -> tuple[Problem, ...]:
    """Only a file with accepted concerns pays for the rule registry."""
    if not loaded.proposal.accepted_concerns:
        return ()
    import datetime as dt

    from pso_cli.engine.accept import acceptance_warnings
    from pso_cli.rules.registry import build_registry

    as_of = loaded.proposal.identity.decision_date or dt.date.today()
    return tuple(acceptance_warnings(loaded, build_registry(tuple(rules_files)), as_of))


def validate_paths(
    paths: Sequence[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin_filename: str = "<stdin>",
    exclude: Sequence[str] = (),
    rules_files: Sequence[str] = (),
) -> list[ValidationResult]:
    """Validate every pso document `paths` name (expanded as the CLI does); YAML that is
    not one is skipped when found by a scan (see pso_cli.loading.kinds)."""
    chosen = select(paths, PSO_KINDS, exclude, max_bytes)
    if not chosen.files and not chosen.empty_by_choice:
        raise InputError.at(", ".join(paths) or ".", 1, 1, "no proposal files found", "no-input")
    return [validate_one(p, max_bytes, stdin_filename, rules_files) for p in chosen.files]


def run_info(
    engine: Engine,
    fail_on: str = "do-not-recommend",
    timestamp: str | None = None,
    started: dt.datetime | None = None,
) -> RunInfo:
    """The audit block of a run, with where and when it started (`started`, default now)."""
    from pso_cli import __version__
    from pso_cli.model.run import PackInfo, RuleInfo, RunInfo, VetoInfo

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
    vetoes = tuple(
        VetoInfo(key, v.title, v.source, v.verdict, v.condition) for key, v in prof.vetoes.items()
    )
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
        vetoes=vetoes,
        origin=origin(started),
        tool_url=documentation_url(),
    )


def origin(started: dt.datetime | None = None) -> Origin:
    """Where and when a run happens: its start (UTC, whole seconds, no zone, as Ant's JUnit
    schema has it), the working directory and the host's name."""
    import os
    import socket

    from pso_cli.model.run import Origin

    when = (started or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    stamp = when.replace(microsecond=0, tzinfo=None).isoformat()
    return Origin(stamp, os.getcwd(), socket.gethostname() or "localhost")


def documentation_url() -> str | None:
    """pso's documentation address from its installed metadata ([project.urls] in
    pyproject.toml: Documentation, else Homepage, Repository or Source), or None while
    the project declares none, so that no address is ever made up."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("pso-cli").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    return next(
        (urls[k] for k in ("documentation", "homepage", "repository", "source") if urls.get(k)),
        None,
    )


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
    items = tuple(assess_one(engine, p) for p in select(paths, frozenset({PROPOSAL})).files)
    return RunResult(run_info(engine, fail_on), items, exit_code_for(items, fail_on))


def exit_code_for(items: Sequence[Item], fail_on: str) -> int:
    """70 if a file could not be assessed (its worker died), else 3 if any input is
    invalid, else 1 if any verdict reached `fail_on`, else 0."""
    from pso_cli.model.run import exit_code, failed, verdicts

    return exit_code(verdicts(items), fail_on, failed=failed(items))
