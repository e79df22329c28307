"""Configuration like ruff's (issue 17): either key spelling, located errors with a
suggestion, the PSO_* environment layer, `pso config show` with assess's options, and
discovery that stops at the repository root."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pso_cli.config import resolve_with_sources
from pso_cli.config_keys import ENV, EnvSettingError
from pso_cli.errors import ConfigError


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for variable in ENV.values():
        monkeypatch.delenv(variable, raising=False)
    (tmp_path / ".git").mkdir()  # a repository root: nothing above it is read
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("table", ["", "[tool.pso]\n"])
@pytest.mark.parametrize("key", ["fail-on", "fail_on"])
def test_the_flag_spelling_and_snake_case_are_one_setting(cwd: Path, table: str, key: str) -> None:
    (cwd / "pso.toml").write_text(f'{table}{key} = "never"\n')
    values, sources = resolve_with_sources()
    assert values["fail_on"] == "never"
    assert sources["fail_on"] == f"{cwd / 'pso.toml'}:{1 + bool(table)}"


def test_pyproject_takes_the_flag_spelling(cwd: Path) -> None:
    (cwd / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.pso]\nfail-on = "never"\n')
    assert resolve_with_sources()[1]["fail_on"] == f"{cwd / 'pyproject.toml'}:5"


def test_a_setting_given_in_both_spellings_is_an_error_at_the_second(cwd: Path) -> None:
    (cwd / "pso.toml").write_text('fail_on = "never"\nformat = "json"\nfail-on = "recommend"\n')
    with pytest.raises(ConfigError) as info:
        resolve_with_sources()
    [problem] = info.value.problems
    assert (problem.location.line, problem.location.column) == (3, 1)
    assert problem.message == "setting 'fail-on' is also set as 'fail_on' (line 1)"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            'profile = "nz-default"\nfail-onn = "never"\n',
            2,
            "unknown setting 'fail-onn'; did you mean 'fail-on'? (known: profile, fail-on, "
            "format, exclude, rules, commitments)",
        ),
        (
            '[tool.pso]\n\n  fail_onn = "never"\n',
            3,
            "unknown setting 'fail_onn'; did you mean 'fail_on'? (known: profile, fail_on, "
            "format, exclude, rules, commitments)",
        ),
        ('formt = "json"\n', 1, "unknown setting 'formt'; did you mean 'format'?"),
        ('colour = "red"\n', 1, "unknown setting 'colour' (known:"),
    ],
)
def test_a_bad_key_is_located_with_a_suggestion(
    cwd: Path, text: str, line: int, message: str
) -> None:
    (cwd / "pso.toml").write_text(text)
    with pytest.raises(ConfigError) as info:
        resolve_with_sources()
    [problem] = info.value.problems
    assert problem.location.line == line
    assert problem.message.startswith(message)


# --- the environment layer: flags > PSO_* > settings file > defaults -------------------


def test_env_overrides_the_file_and_flags_override_env(cwd: Path) -> None:
    (cwd / "pso.toml").write_text('fail-on = "recommend"\nformat = "json"\n')
    env = {"PSO_FAIL_ON": "never", "PSO_EXCLUDE": "drafts/*, old/*", "PSO_FORMAT": "sarif"}
    values, sources = resolve_with_sources(environ=env, flags={"format": "junit"})
    assert (values["fail_on"], sources["fail_on"]) == ("never", "env PSO_FAIL_ON")
    assert (values["exclude"], sources["exclude"]) == (["drafts/*", "old/*"], "env PSO_EXCLUDE")
    assert (values["format"], sources["format"]) == ("junit", "--format")
    assert sources["profile"] == "default"


def test_an_empty_variable_sets_nothing(cwd: Path) -> None:
    assert resolve_with_sources(environ={"PSO_FAIL_ON": ""})[1]["fail_on"] == "default"


def test_a_bad_variable_names_itself(cwd: Path) -> None:
    with pytest.raises(EnvSettingError) as info:
        resolve_with_sources(environ={"PSO_FAIL_ON": "maybe"})
    assert info.value.variable == "PSO_FAIL_ON"
    assert "PSO_FAIL_ON is 'maybe'; expected one of:" in info.value.message


def test_no_variable_names_rule_packs(cwd: Path) -> None:
    """Rule packs are code: only --rules, an entry point, or a named file with the opt-in."""
    assert "rules" not in ENV
    values, sources = resolve_with_sources(environ={"PSO_RULES": "evil.py"})
    assert values["rules"] == [] and sources["rules"] == "default"


def test_assess_reads_the_environment(pso: Any, cwd: Path) -> None:
    (cwd / "p.yaml").write_text("pso_format: 2\n")
    r = pso("assess", "p.yaml", env={"PSO_FAIL_ON": "maybe"})
    assert r.exit_code == 2
    assert "environment variable PSO_FAIL_ON" in r.stderr


# --- pso config show -------------------------------------------------------------------


def test_config_show_takes_assess_options_and_names_each_source(pso: Any, cwd: Path) -> None:
    (cwd / "pso.toml").write_text('profile = "humanitarian-priority"\nfail-on = "recommend"\n')
    r = pso(
        "config", "show", "-f", "sarif", "--exclude", "a/*", "--jobs", "2", "--as-of",
        "2030-01-01", "--skip-other-yaml", "proposals/",
        env={"PSO_FAIL_ON": "never"},
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["profile"] == {"value": "humanitarian-priority", "source": f"{cwd}/pso.toml:1"}
    assert doc["fail_on"] == {"value": "never", "source": "env PSO_FAIL_ON"}
    assert doc["format"] == {"value": "sarif", "source": "--format"}
    assert doc["exclude"] == {"value": ["a/*"], "source": "--exclude"}
    assert doc["commitments"] == {"value": None, "source": "default"}


def test_config_show_help_lists_assess_options(pso: Any) -> None:
    shown = pso("config", "show", "--help").stdout
    for flag in ("--fail-on", "--profile", "--format", "--config", "--no-config", "--jobs"):
        assert flag in shown


def test_config_show_still_reports_refused_rules(pso: Any, cwd: Path) -> None:
    (cwd / "pso.toml").write_text('rules = ["pack.py"]\n')
    doc = json.loads(pso("config", "show").stdout)
    assert "discovered configuration cannot load code" in doc["rules"]["refused"]


# --- discovery stops at the repository root --------------------------------------------


@pytest.mark.parametrize("marker", ["dir", "file"])
def test_discovery_never_walks_past_a_nested_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: str
) -> None:
    (tmp_path / "pso.toml").write_text('format = "json"\n')  # the outer folder's settings
    inner = tmp_path / "vendor" / "checkout"
    (inner / "sub").mkdir(parents=True)
    if marker == "dir":
        (inner / ".git").mkdir()
    else:
        (inner / ".git").write_text("gitdir: /elsewhere/.git/worktrees/checkout\n")
    monkeypatch.chdir(inner / "sub")
    assert resolve_with_sources()[1]["format"] == "default"
    monkeypatch.chdir(tmp_path / "vendor")  # outside the nested repository: found
    assert resolve_with_sources()[1]["format"] == f"{tmp_path / 'pso.toml'}:1"


def test_the_repository_roots_own_settings_are_found(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (cwd / "pso.toml").write_text('format = "json"\n')
    (cwd / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(cwd / "a" / "b")
    assert resolve_with_sources()[0]["format"] == "json"
