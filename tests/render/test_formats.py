"""One registry of assess formats (pso_cli.render.FORMATS); everything else reads it."""

from __future__ import annotations

import importlib

import pytest

from pso_cli.render import BY_SUFFIX, FORMAT_NAMES, FORMATS


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_every_format_has_its_renderer(name: str) -> None:
    module = importlib.import_module(FORMATS[name].module)
    assert callable(getattr(module, "render_line" if name == "jsonl" else "render"))


def test_suffixes_name_one_format_each() -> None:
    suffixes = [s for f in FORMATS.values() for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes)) == len(BY_SUFFIX)
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)


def test_settings_and_the_format_option_read_the_registry() -> None:
    from pso_cli.cli import assess_cmd
    from pso_cli.config import _CHOICES

    assert _CHOICES["format"] == FORMAT_NAMES
    assert ", ".join(FORMAT_NAMES) == assess_cmd.FORMAT_NAMES
