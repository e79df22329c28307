"""Which files a command takes: pso recognises its own kinds of document.

A proposal has the top-level key `pso_format`, a commitments file `commitments_format`,
a criteria profile `profile_format`. The key is looked for in the text, without parsing
the file, so an unrelated YAML file (`.pre-commit-config.yaml`, a GitHub workflow, a
GitLab file full of anchors and merge keys that pso's strict loader refuses) is
recognised as not pso's whatever it holds.

A file found by a directory scan or a glob that is not of a kind the command takes is
skipped with a one-line note; a file named on the command line is always read, and is
an error when it is not of that kind. `--skip-other-yaml` (what the pre-commit hooks
pass, as ruff's hook passes `--force-exclude`) treats named files as found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from pso_cli.escape import one_line
from pso_cli.loading.inputs import STDIN, expand_found
from pso_cli.loading.reader import DEFAULT_MAX_BYTES, UTF8_BOM, read_head

PROPOSAL, COMMITMENTS, PROFILE = "proposal", "commitments", "profile"
PSO_KINDS = frozenset({PROPOSAL, COMMITMENTS, PROFILE})
_KEYS = {b"pso_format": PROPOSAL, b"commitments_format": COMMITMENTS, b"profile_format": PROFILE}
# A format key at the start of a line (a block mapping's top level), first in a flow
# mapping that opens a line (`{pso_format: 2, ...}`), or first in an item of a top-level
# list (a proposal written as a list by mistake: pso's file, to be reported); bare or
# quoted.
_KEY = re.compile(
    rb"^(?:\{\s*|-[ \t]+)?[\"']?(pso_format|commitments_format|profile_format)[\"']?[ \t]*:",
    re.M,
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_WHY = {
    COMMITMENTS: "a commitments file, not a proposal (use it with --commitments)",
    PROFILE: "a criteria profile, not a proposal (use it with --profile)",
    None: "not a pso document (no pso_format, commitments_format or profile_format key)",
}


def sniff(data: bytes) -> str | None:
    """The kind of pso document these bytes hold, or None if none. As the loader does,
    `pso_format` wins over the other keys."""
    if data.startswith(_UTF16_BOMS):  # pso refuses UTF-16, but it is still pso's file
        data = data.decode("utf-16", "replace").encode("utf-8")
    found = {_KEYS[m.group(1)] for m in _KEY.finditer(data.removeprefix(UTF8_BOM))}
    return next((k for k in (PROPOSAL, COMMITMENTS, PROFILE) if k in found), None)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    kind: str | None  # None: not a pso document

    def note(self) -> str:
        return f"pso: skipped {one_line(self.path)}: {_WHY[self.kind]}"


@dataclass(frozen=True)
class Policy:
    """How named files are treated, and who hears of skipped ones (the CLI: stderr)."""

    named_as_found: bool = False
    report: Callable[[Skipped], None] | None = None


_POLICY: ContextVar[Policy] = ContextVar("pso_kinds_policy", default=Policy())  # noqa: B039


def current() -> Policy:
    return _POLICY.get()


@contextmanager
def using(policy: Policy) -> Iterator[None]:
    token = _POLICY.set(policy)
    try:
        yield
    finally:
        _POLICY.reset(token)


@dataclass
class Selection:
    files: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def empty_by_choice(self) -> bool:
        """Nothing left because every file was another kind, and named files were to be
        treated as found (a hook given only other YAML): nothing to do, not an error."""
        return not self.files and current().named_as_found


def select(
    paths: Sequence[str],
    accept: frozenset[str],
    exclude: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Selection:
    """The files `paths` name that the command should read, and those it skips."""
    policy = current()
    out = Selection()
    for path, found in expand_found(paths, exclude):
        kind = _kind_of(path, max_bytes) if (found or policy.named_as_found) else _NAMED
        if kind in accept or kind in _KEEP:
            out.files.append(path)
            continue
        skipped = Skipped(path, kind)
        out.skipped.append(skipped)
        if policy.report is not None:
            policy.report(skipped)
    return out


_NAMED = "named"  # named on the command line: read whatever it is
_UNREADABLE = "unreadable"
_KEEP = frozenset({_NAMED, _UNREADABLE})


def _kind_of(path: str, max_bytes: int) -> str | None:
    """The file's kind; `_UNREADABLE` (kept, so the loader reports why) for standard
    input or a file that cannot be read as a regular file."""
    if path == STDIN:
        return _UNREADABLE
    head = read_head(path, max_bytes)
    return _UNREADABLE if head is None else sniff(head)
