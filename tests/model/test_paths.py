"""model/paths.py: dotted field paths and their segments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pso_cli.model.paths import format_dotted, parse_dotted


@pytest.mark.parametrize(
    ("dotted", "path"),
    [
        ("", ()),
        ("a", ("a",)),
        ("a.b.c", ("a", "b", "c")),
        ("a[0]", ("a", 0)),
        ("a.b[2].c", ("a", "b", 2, "c")),
        ("m[1][0]", ("m", 1, 0)),
        (
            "legal_basis.security_council[0].chapter",
            ("legal_basis", "security_council", 0, "chapter"),
        ),
    ],
)
def test_parse_and_format_dotted(dotted: str, path: tuple[str | int, ...]) -> None:
    assert parse_dotted(dotted) == path
    assert format_dotted(path) == dotted


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
paths = st.tuples(names, st.lists(st.one_of(names, st.integers(0, 999)), max_size=5)).map(
    lambda t: [t[0], *t[1]]
)


@settings(max_examples=100, deadline=None)
@given(paths)
def test_dotted_round_trip(path: list[str | int]) -> None:
    assert parse_dotted(format_dotted(path)) == tuple(path)
