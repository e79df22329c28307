"""The builder's inlined hot loop must agree with its generic, one-event-at-a-time path.

`_Builder.run` inlines plain scalars, keys and collections for speed and hands
everything else to `feed`; `feed` alone is the reference. Both must give the same data,
the same source map and the same located error for any text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pso_cli.errors import InputError
from pso_cli.loading.yaml_source import _Builder, _Loader, parse_yaml

ROOT = Path(__file__).resolve().parents[2]


def _is_text(path: Path) -> bool:
    """The reader refuses what is not UTF-8 before parsing; only text reaches the loader."""
    try:
        path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return True


SAMPLES = sorted(
    p
    for p in [
        *ROOT.glob("examples/**/*.yaml"),
        *ROOT.glob("tests/corpus/cases/*.yaml"),
        *ROOT.glob("tests/fixtures/*.yaml"),
        *ROOT.glob("tests/rules/cases/*/*.yaml"),
    ]
    if _is_text(p)
)


def _outcome(fn: Any) -> Any:
    try:
        data, smap = fn()
    except InputError as exc:
        return ("error", [(p.location.line, p.location.column, p.message) for p in exc.problems])
    return ("ok", repr(data), dict(smap._values), dict(smap._keys))


def _reference(text: str) -> Any:
    """The generic path: every event through `feed`, as before the loop was inlined."""

    def build() -> Any:
        builder = _Builder("f.yaml")
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
        if builder.documents == 0 or builder.root is None:
            raise builder.fail(None, "file is empty: no YAML document", "empty")
        return builder.root, builder.smap

    return build


def _agree(text: str) -> None:
    fast = _outcome(lambda: parse_yaml(text, "f.yaml"))
    try:
        slow = _outcome(_reference(text))
    except yaml.YAMLError:  # parse_yaml turns these into located errors; compare kinds only
        assert fast[0] == "error"
        return
    assert fast == slow


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_path_agrees_on_every_sample_file(path: Path) -> None:
    _agree(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a:\n  b: 1\n  b: 2\n",
        "<<: {a: 1}\n",
        "'<<': 1\n",
        "? [a]\n: 1\n",
        "a: &x 1\nb: *x\n",
        "a: !!int 3\nb: ! x\nc: !!str 4\n",
        "a: !custom 3\n",
        f"{'1' * 61}: x\n",
        f"'{'1' * 61}': x\n",
        f"a: {'9' * 61}\n",
        "a\u200b: 1\n",
        "- - - x\n",
        "[" * 70 + "]" * 70,
        "a: 1\n---\nb: 2\n",
        "",
        "# only a comment\n",
        "x\n",
        "a: [1, {b: null, c: ~, d: .inf}, 'no', no, 0x1F, 0o17]\n",
    ],
)
def test_fast_path_agrees_on_edge_cases(text: str) -> None:
    _agree(text)


_keys = st.sampled_from(["a", "b", "no", "<<", "1", "null", "c d", "a"])
_scalars = st.one_of(
    st.sampled_from(["1", "-2.5", "true", "no", "~", "''", "'x'", '"y"', ".nan", "0x1f", "a b"]),
    st.text(alphabet="abc019 .-", max_size=6),
)


@st.composite
def _documents(draw: st.DrawFn, depth: int = 0) -> str:
    """Block and flow YAML with repeated keys, odd scalars and nesting."""
    indent = "  " * depth
    if depth >= 3 or draw(st.booleans()):
        return draw(_scalars)
    if draw(st.booleans()):
        items = draw(st.lists(_scalars, max_size=3))
        return "[" + ", ".join(items) + "]"
    lines = []
    for key in draw(st.lists(_keys, min_size=1, max_size=4)):
        child = draw(_documents(depth + 1))
        if "\n" in child:
            lines.append(f"{indent}{key}:\n{child}")
        else:
            lines.append(f"{indent}{key}: {child}")
    if draw(st.booleans()):
        lines = [f"{indent}- {draw(_scalars)}", *lines[:1]] if depth else lines
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_fast_path_agrees_on_generated_documents(text: str) -> None:
    _agree(text)
