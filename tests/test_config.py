"""config.py: settings from pso.toml or [tool.pso], with the source of every value."""

from __future__ import annotations

from pathlib import Path

import pytest

from pso_cli.config import DEFAULTS, find_config, resolve_settings, resolve_with_sources
from pso_cli.errors import ConfigError


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_a_file(cwd: Path) -> None:
    values, sources = resolve_with_sources()
    assert values == DEFAULTS
    assert set(sources.values()) == {"default"}


def test_pso_toml_found_upwards(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (cwd / "pso.toml").write_text('fail_on = "further-analysis"\n')
    (cwd / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(cwd / "a" / "b")
    assert find_config(Path.cwd()) == cwd / "pso.toml"
    values, sources = resolve_with_sources()
    assert values["fail_on"] == "further-analysis"
    assert sources["fail_on"] == f"{cwd / 'pso.toml'}:1"  # file:line


def test_pyproject_only_with_a_tool_pso_table(cwd: Path) -> None:
    (cwd / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(cwd) is None
    (cwd / "pyproject.toml").write_text('[tool.pso]\nformat = "json"\n')
    assert find_config(cwd) == cwd / "pyproject.toml"
    assert resolve_settings()["format"] == "json"


def test_pso_toml_wins_over_pyproject_in_the_same_folder(cwd: Path) -> None:
    (cwd / "pyproject.toml").write_text('[tool.pso]\nformat = "json"\n')
    (cwd / "pso.toml").write_text('format = "sarif"\n')
    assert resolve_settings()["format"] == "sarif"


def test_flags_override_the_file(cwd: Path) -> None:
    (cwd / "pso.toml").write_text('format = "json"\nexclude = ["a"]\n')
    values, sources = resolve_with_sources(flags={"format": "text", "exclude": [], "profile": None})
    assert values["format"] == "text"
    assert sources["format"] == "--format"
    assert values["exclude"] == ["a"]  # an empty list flag does not override
    assert sources["profile"] == "default"


def test_paths_are_relative_to_the_file(cwd: Path) -> None:
    (cwd / "conf").mkdir()
    (cwd / "conf" / "pso.toml").write_text(
        'profile = "team.yaml"\ncommitments = "c.yaml"\nrules = ["r.py"]\n'
    )
    values, _ = resolve_with_sources(config=str(cwd / "conf" / "pso.toml"), allow_config_rules=True)
    assert values["profile"] == str(cwd / "conf" / "team.yaml")
    assert values["commitments"] == str(cwd / "conf" / "c.yaml")
    assert values["rules"] == [str(cwd / "conf" / "r.py")]


def test_profile_names_stay_names(cwd: Path) -> None:
    (cwd / "pso.toml").write_text('profile = "humanitarian-priority"\n')
    assert resolve_settings()["profile"] == "humanitarian-priority"


def test_no_config_ignores_files(cwd: Path) -> None:
    (cwd / "pso.toml").write_text('format = "json"\n')
    assert resolve_settings(no_config=True)["format"] == "text"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("colour = 'red'\n", "unknown setting 'colour'"),
        ("format = 3\n", "setting 'format' must be a string"),
        ("exclude = 'a'\n", "setting 'exclude' must be a list of strings"),
        ("rules = [1]\n", "setting 'rules' must be a list of strings"),
        ("format = \n", "cannot read settings"),
    ],
)
def test_bad_settings_fail_closed(cwd: Path, text: str, fragment: str) -> None:
    (cwd / "pso.toml").write_text(text)
    with pytest.raises(ConfigError) as info:
        resolve_settings()
    assert info.value.exit_code == 4
    assert fragment in info.value.problems[0].message
    assert info.value.problems[0].location.path == str(cwd / "pso.toml")


def test_tool_pso_must_be_a_table(cwd: Path) -> None:
    (cwd / "pyproject.toml").write_text('[tool]\npso = "x"\n')
    with pytest.raises(ConfigError, match="must be a table"):
        resolve_settings()


def test_explicit_config_file_missing(cwd: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        resolve_settings(config=str(cwd / "nope.toml"))


def test_pso_toml_may_hold_a_tool_pso_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pso_cli.config import resolve_with_sources

    (tmp_path / "pso.toml").write_text('[tool.pso]\nfail_on = "further-analysis"\n')
    monkeypatch.chdir(tmp_path)
    values, sources = resolve_with_sources()
    assert values["fail_on"] == "further-analysis"
    assert sources["fail_on"].endswith("pso.toml:2")


def test_a_bad_value_in_settings_is_the_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pso_cli.config import resolve_with_sources
    from pso_cli.errors import ConfigError

    (tmp_path / "pso.toml").write_text('fail_on = "maybe"\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="setting 'fail_on' is 'maybe'"):
        resolve_with_sources()


# --- trust: a discovered settings file never names code --------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("pso.toml", 'format = "json"\nrules = ["evil.py"]\n', 2),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.pso]\nrules = ["evil.py"]\n', 5),
        ("pyproject.toml", 'tool.pso.rules = ["evil.py"]\n', 1),
    ],
)
@pytest.mark.parametrize("depth", [0, 2])
def test_discovered_rules_are_refused_located(
    cwd: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, line: int, depth: int
) -> None:
    (cwd / name).write_text(text)
    below = cwd.joinpath(*["sub"] * depth)
    below.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(below)
    with pytest.raises(ConfigError) as info:
        resolve_with_sources()
    [problem] = info.value.problems
    assert info.value.exit_code == 4
    assert (problem.location.path, problem.location.line) == (str(cwd / name), line)
    assert "discovered configuration cannot load code" in problem.message
    assert "--allow-config-rules" in problem.message and "PSO_ALLOW_CONFIG_RULES" in problem.message
    # even an explicit opt-in does not let a discovered file load code
    with pytest.raises(ConfigError):
        resolve_with_sources(allow_config_rules=True)


def test_explicit_config_loads_rules_only_with_the_opt_in(cwd: Path) -> None:
    (cwd / "team.toml").write_text('rules = ["ours.py"]\n')
    with pytest.raises(ConfigError, match="cannot load code without --allow-config-rules"):
        resolve_with_sources(config="team.toml")
    values, sources = resolve_with_sources(config="team.toml", allow_config_rules=True)
    assert values["rules"] == ["ours.py"]
    assert sources["rules"] == "team.toml:1"


def test_discovered_options_without_code_still_apply(cwd: Path) -> None:
    (cwd / "pso.toml").write_text('format = "json"\nrules = []\n')
    assert resolve_settings()["format"] == "json"


@pytest.mark.parametrize(
    ("name", "data", "where", "fragment"),
    [
        ("pyproject.toml", b"x = 1\ntool = 5\n", (2, 1), "'tool' must be a table"),
        ("pso.toml", b"tool = 5\n", (1, 1), "'tool' must be a table"),
        ("pso.toml", b'format = "json"\nprofile = "\xff"\n', (2, 12), "not valid UTF-8"),
        ("pyproject.toml", b"[tool.pso]\n\xfe = 1\n", (2, 1), "not valid UTF-8 (byte 0xfe)"),
        ("pso.toml", b'\n\nformat = "json"\nfail_on = 3\n', (4, 1), "must be a string"),
        ("pso.toml", b"\n[tool.pso]\ncolour = 1\n", (3, 1), "unknown setting 'colour'"),
        ("pso.toml", b"a = 1\nb = = 2\n", (2, 5), "cannot read settings: Invalid value"),
    ],
)
def test_a_malformed_settings_file_is_a_located_config_error(
    cwd: Path, name: str, data: bytes, where: tuple[int, int], fragment: str
) -> None:
    (cwd / name).write_bytes(data)
    with pytest.raises(ConfigError) as info:
        resolve_with_sources()
    [problem] = info.value.problems
    assert (problem.location.line, problem.location.column) == where, problem.message
    assert fragment in problem.message


@pytest.mark.parametrize("kind", ["huge", "fifo"])
def test_a_planted_settings_file_cannot_stall_the_run(cwd: Path, kind: str) -> None:
    """Discovery reads files a checkout can plant: bounded, and never a FIFO read."""
    path = cwd / "pyproject.toml"
    if kind == "huge":
        with path.open("wb") as fh:
            fh.truncate(2 * 1024 * 1024 * 1024)  # sparse: 2 GiB would have been read whole
        with pytest.raises(ConfigError, match="cannot read settings: file is 2147483648 bytes"):
            resolve_with_sources()
    else:
        import os

        os.mkfifo(path)  # not a regular file: not a settings file at all
        assert resolve_with_sources()[1]["format"] == "default"
