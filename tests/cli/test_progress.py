"""The progress bar shows only on a terminal, for long batches, away from a live report."""

from __future__ import annotations

import io
import sys

import pytest

from pso_cli.cli import progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_never_in_piped_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not progress.wanted(1000, report_on_terminal=False)


def test_on_a_terminal_for_long_batches_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", Tty())
    assert progress.wanted(progress.MIN_FILES, report_on_terminal=False)
    assert not progress.wanted(progress.MIN_FILES - 1, report_on_terminal=False)
    assert not progress.wanted(1000, report_on_terminal=True)


def test_tracking_passes_items_through_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", Tty())
    assert list(progress.tracked(iter(range(25)), 25, enabled=True)) == list(range(25))
    assert list(progress.tracked(iter(range(3)), 3, enabled=False)) == [0, 1, 2]
