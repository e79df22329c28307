"""Terminal ergonomics (issue 17): readable argument names in usage and help, and shell
completion of option values, driven as a shell drives it (Click's completion protocol:
_PSO_COMPLETE, COMP_WORDS, COMP_CWORD)."""

from __future__ import annotations

from typing import Any

import pytest

from pso_cli.cli.commands import COMMANDS
from pso_cli.config_keys import FAIL_ON
from pso_cli.render import FORMATS

USAGE = {
    ("assess",): "pso assess [OPTIONS] PATH...",
    ("validate",): "pso validate [OPTIONS] PATH...",
    ("compare",): "pso compare [OPTIONS] PATH...",
    ("diff",): "pso diff [OPTIONS] OLD NEW",
    ("explain",): "pso explain [OPTIONS] CODE",
    ("init",): "pso init [OPTIONS] [FILE]",
    ("migrate",): "pso migrate [OPTIONS] FILES...",
    ("calibrate",): "pso calibrate [OPTIONS] [PATH...]",
    ("config", "show"): "pso config show [OPTIONS] [PATH...]",
    ("criteria", "show"): "pso criteria show [OPTIONS] [NAME|PATH]",
}


@pytest.mark.parametrize("command", list(USAGE), ids=" ".join)
def test_usage_names_arguments_readably(pso: Any, command: tuple[str, ...]) -> None:
    r = pso(*command, "--help")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == f"Usage: {USAGE[command]}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_shows_no_type_names(pso: Any, command: str) -> None:
    shown = pso(command, "--help").stdout
    for artefact in ("{", "<list", "<str>", "<int", "<float"):
        assert artefact not in shown, (command, artefact)


def complete(pso: Any, line: str) -> list[str]:
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_PSO_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}
    r = pso(env=env)
    assert r.exit_code == 0, r.stderr
    return r.stdout.split()


def test_format_values_complete(pso: Any) -> None:
    assert complete(pso, "pso assess --format ") == list(FORMATS)
    assert complete(pso, "pso assess -f s") == ["sarif"]


def test_fail_on_values_complete(pso: Any) -> None:
    assert complete(pso, "pso assess --fail-on ") == list(FAIL_ON)
    assert complete(pso, "pso assess --fail-on do") == ["do-not-recommend"]


def test_profile_names_complete(pso: Any) -> None:
    from pso_cli.criteria.profile import available

    assert complete(pso, "pso assess --profile ") == available()
    assert complete(pso, "pso assess -p nz") == ["nz-default"]


def test_rule_codes_complete_for_explain(pso: Any) -> None:
    codes = complete(pso, "pso explain LEG-00")
    assert "LEG-001" in codes and all(c.startswith("LEG-00") for c in codes)
    assert len(complete(pso, "pso explain ")) >= 40


def test_veto_ids_and_must_have_facts_complete_for_explain(pso: Any) -> None:
    assert complete(pso, "pso explain duty-of-care-protection") == [
        "duty-of-care-protection",
        "duty-of-care-protection-gap",
    ]
    assert "risk.threat_level" in complete(pso, "pso explain risk.")


def test_zsh_completion_carries_each_rules_title(pso: Any) -> None:
    env = {"_PSO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "pso explain LEG-001"}
    r = pso(env=env)
    assert '"LEG-001":"The mission has a basis in international law' in r.stdout
