"""Property tests: whatever bytes arrive, the loader ends in a Loaded or a located
InputError, and whatever a near-valid proposal says, the engine assesses it."""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pso_cli.errors import InputError
from pso_cli.loading.load import Loaded, proposal_from_bytes
from pso_cli.model.findings import Assessment, Verdict

# Bounded so the whole suite stays fast; `--hypothesis-profile=ci` selects the same.
CI = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", CI)

HERE = Path(__file__).resolve().parent
BASE_TEXT = (HERE.parent / "rules" / "base.yaml").read_text(encoding="utf-8")
BASE: dict[str, Any] = yaml.safe_load(BASE_TEXT)


def check_loads_or_located(data: bytes) -> Loaded | None:
    try:
        return proposal_from_bytes(data, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.location.path == "fuzz.yaml"
            assert p.location.line >= 1, p
            assert p.location.column >= 1, p
            assert p.message
        return None


YAMLISH = st.sampled_from(
    [
        *": -[]{}&*!|>'\"%@`#,?\n\t ",
        *(
            "pso_format: 2\n",
            "pso_format: 1\n",
            "identity:\n  name: x\n  id: xx\n",
            "<<",
            "---",
            "...",
            "~",
        ),
        *(".nan", "!!python/object:os.system", "\ufeff", "\x00", "\u2028", "é", "0x", "1e9999"),
    ]
)


@CI
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    check_loads_or_located(text.encode("utf-8", "surrogatepass"))


@CI
@given(st.binary(max_size=512))
def test_arbitrary_bytes(data: bytes) -> None:
    check_loads_or_located(data)


@CI
@given(st.lists(YAMLISH | st.text(max_size=5), max_size=40).map("".join))
def test_yaml_shaped_text(text: str) -> None:
    check_loads_or_located(text.encode("utf-8", "surrogatepass"))


@CI
@given(st.integers(0, len(BASE_TEXT)), st.text(max_size=8))
def test_base_with_a_splice(at: int, insert: str) -> None:
    """A valid file with a few characters inserted anywhere."""
    check_loads_or_located((BASE_TEXT[:at] + insert + BASE_TEXT[at:]).encode("utf-8", "replace"))


# --- near-valid proposals through load -> assess -------------------------------------

ENUM_WORDS = st.sampled_from(
    ["un-led", "UN Led", "coalition", "none", "given", "high", "adequate", "vii", "severe"]
) | st.text(max_size=12)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**7),
    st.floats(allow_nan=True, allow_infinity=True),
    ENUM_WORDS,
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)).map(dt.date.isoformat),
    st.just([]),
    st.just({}),
)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths_of(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths_of(v, (*prefix, i))
    return out


PATHS = [p for p in paths_of(BASE) if p[0] not in ("pso_format",)]


def parent_of(doc: Any, path: tuple[Any, ...]) -> Any:
    for seg in path[:-1]:
        doc = doc[seg]
    return doc


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 6))):
        path = draw(st.sampled_from(PATHS))
        try:
            parent = parent_of(doc, path)
            key = path[-1]
            if isinstance(parent, dict):
                if key not in parent:
                    continue
            elif not isinstance(parent, list) or not isinstance(key, int) or key >= len(parent):
                continue
        except (KeyError, IndexError, TypeError):
            continue
        action = draw(st.sampled_from(["drop", "replace", "unknown-key", "enum"]))
        if action == "drop":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
        elif action == "replace":
            parent[key] = draw(SCALARS)
        elif action == "unknown-key" and isinstance(parent[key], dict):
            parent[key][draw(st.text(min_size=1, max_size=10))] = draw(SCALARS)
        else:
            parent[key] = draw(ENUM_WORDS)
    return doc


@cache
def engine() -> Any:
    from pso_cli.api import build_engine

    return build_engine("nz-default", dt.date(2030, 6, 1))


@settings(CI, max_examples=120)  # each example runs all ~50 rules
@given(mutated())
def test_near_valid_proposals_load_and_assess(doc: dict[str, Any]) -> None:
    from pso_cli.engine.assess import assess_loaded

    data = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    loaded = check_loads_or_located(data)
    if loaded is None:
        return
    a = assess_loaded(engine(), loaded)
    assert isinstance(a, Assessment)
    assert isinstance(a.verdict, Verdict)
    assert 0.0 <= a.completeness <= 1.0  # completeness, the value model's confidence
    assert 0.0 <= a.score_low <= a.score_high <= 100.0
    if a.score is None:  # nothing scored is stated: no score, never a made-up number
        assert a.completeness == 0.0
    else:
        assert a.score_low <= a.score <= a.score_high
    assert not [f for f in a.findings if f.outcome == "error"], [
        f.message for f in a.findings if f.outcome == "error"
    ]
    for f in a.findings:
        assert f.line >= 1 and f.column >= 1
