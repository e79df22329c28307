"""The enum validators' fast path answers exactly as the general normalisation does."""

from __future__ import annotations

from typing import Any

import pytest

from pso_cli.model import enums as e
from pso_cli.model.commitments import Agency

CHOICES: list[type[e.Choice]] = [*e.Choice.__subclasses__(), Agency]


def _spellings(kind: type[e.Choice]) -> list[Any]:
    words: list[Any] = []
    for text in [m.value for m in kind] + list(getattr(kind, "_aliases", {})):
        words += [text, text.upper(), f" {text} ", text.replace("-", "_"), text.replace("-", " ")]
    return [*words, "", "  ", "nonsense", "Un Led", 7, 1.5, True, None, [], {}, ["vi"]]


@pytest.mark.parametrize("kind", CHOICES, ids=lambda k: k.__name__)
def test_normaliser_matches_normalise(kind: type[e.Choice]) -> None:
    fast = kind.normaliser()
    for value in _spellings(kind):
        assert fast(value) == kind.normalise(value), value
        assert type(fast(value)) is type(kind.normalise(value)), value


def test_every_choice_is_covered() -> None:
    assert len(CHOICES) >= 20
