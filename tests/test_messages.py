"""Every message pso writes reads as a sentence: no doubled full stops ("…its markets.."),
no ".)." after quoted text, no placeholder or Python value printed as prose, no state
called a regional organisation. Checked on every bundled example and history case, and on
each with every free-text answer ending in a full stop (the usual way such defects come)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from pso_cli.api import build_engine
from pso_cli.engine.assess import Analysis, Engine, assess_loaded
from pso_cli.loading.load import Loaded, load_proposal
from pso_cli.model.findings import Assessment
from pso_cli.model.proposal import Proposal

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(
    p for p in (*ROOT.glob("examples/*.yaml"), *ROOT.glob("examples/history/*.yaml"))
    if p.name != "commitments.yaml"
)  # fmt: skip
BAD = {
    "a doubled full stop": re.compile(r"(?<!\.)\.\.(?!\.)"),
    "a full stop after a closing bracket after a full stop": re.compile(r"[.!?][)'\"]\."),
    "punctuation before a full stop": re.compile(r"[,;:]\.|[?!]\.(?!\.)"),
    "a space before punctuation": re.compile(r" [.,;:](?!\.)"),
    "a doubled space": re.compile(r"\S  \S"),
    "a placeholder": re.compile(r"\{[a-z_]+\}|<[a-z_ ]+>|\bNone\b|\bTrue\b|\bFalse\b|\bnan\b"),
    "a placeholder answer": re.compile(r"\b(TBD|TBC|TODO)\b"),
    "a fact quoted as the one who gives consent": re.compile(r"given by (No|None|Not)\b"),
    "a state called a regional organisation": re.compile(r"regional organisation \(Australia"),
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(analysis=Analysis(what_if=True))


def texts(a: Assessment) -> Iterator[tuple[str, str]]:
    yield "reason", a.reason
    yield from (("condition", c) for c in a.conditions)
    for f in a.findings:
        yield f"{f.rule} message", f.message
        if f.condition:
            yield f"{f.rule} condition", f.condition
    if a.legal is not None:
        yield "legal reason", a.legal.reason
        yield from (("legal question", q) for q in a.legal.questions)
        yield from (("legal note", n) for n in a.legal.notes)
        yield from (("legal basis", b) for b in a.legal.bases)


def problems(a: Assessment) -> list[str]:
    return [
        f"{where}: {what}: {text!r}"
        for where, text in texts(a)
        for what, pattern in BAD.items()
        if pattern.search(text)
    ]


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_messages_read_as_sentences(engine: Engine, path: Path) -> None:
    assert problems(assess_loaded(engine, load_proposal(str(path)))) == []


def _prose(model: type[BaseModel], name: str) -> bool:
    """A free-text answer (Text, up to 4000 characters), not a name or a value."""
    return "max_length=4000" in repr(model.model_fields[name].annotation)


def _stopped(value: Any, prose: bool = False) -> Any:
    """Every free-text answer ending in a full stop, as people write them."""
    if isinstance(value, BaseModel):
        kind = type(value)
        return {k: _stopped(getattr(value, k), _prose(kind, k)) for k in kind.model_fields}
    if isinstance(value, list):
        return [_stopped(v, prose) for v in value]
    if prose and isinstance(value, str) and value != "none" and not value.endswith("."):
        return value + "."
    return value


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_answers_ending_in_a_full_stop_make_no_doubled_punctuation(
    engine: Engine, path: Path
) -> None:
    loaded = load_proposal(str(path))
    data = _stopped(loaded.proposal)
    data["sources"] = []  # ids and addresses, not prose
    proposal = Proposal.model_validate(data)
    stopped = Loaded(loaded.path, loaded.sha256, proposal, loaded.source_map, loaded.notices)
    assert problems(assess_loaded(engine, stopped)) == []
