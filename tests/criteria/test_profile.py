"""criteria/profile.py: profiles by name or path, `extends:`, located errors (exit 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pso_cli.criteria.profile import (
    DEFAULT_PROFILE,
    MAX_EXTENDS,
    Weights,
    available,
    load_profile,
    locate,
    packaged_dir,
)
from pso_cli.errors import ConfigError
from pso_cli.exitcodes import ExitCode
from pso_cli.model.findings import Consideration


def config_error(ref: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_profile(ref)
    assert info.value.exit_code == ExitCode.CONFIG
    return info.value


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_packaged_profiles_are_available() -> None:
    assert packaged_dir() is not None
    assert {"nz-default", "humanitarian-priority"} <= set(available())
    assert DEFAULT_PROFILE == "nz-default"


def test_every_packaged_profile_loads() -> None:
    for name in available():
        p = load_profile(name)
        assert p.name == name
        assert len(p.sha256) == 64
        assert p.thresholds.recommend >= p.thresholds.with_conditions


def test_default_profile_weights_follow_the_policy() -> None:
    p = load_profile()
    w = p.weights
    assert sum(w.of(c) for c in Consideration) == pytest.approx(1.0)
    assert all(w.of(c) > 0 for c in Consideration)  # all four considerations count


def test_extends_merges_parent_and_child() -> None:
    child = load_profile("humanitarian-priority")
    parent = load_profile("nz-default")
    assert child.weights.strategic == 0.40
    assert child.thresholds.with_conditions == 45
    assert child.thresholds.recommend == parent.thresholds.recommend
    assert child.sha256 != parent.sha256
    assert "extends" not in child.data


def test_profile_by_path_with_relative_extends(tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", "profile_format: 1\nname: base\nthresholds:\n  recommend: 80\n")
    ref = write(
        tmp_path / "child.yaml",
        "profile_format: 1\nname: child\nextends: base.yaml\nweights:\n  strategic: 0.5\n",
    )
    p = load_profile(ref)
    assert p.name == "child"
    assert p.thresholds.recommend == 80
    assert p.weights.strategic == 0.5
    assert p.origin == ref


def test_rule_settings_remember_their_lines(tmp_path: Path) -> None:
    ref = write(
        tmp_path / "p.yaml",
        "profile_format: 1\nname: x\nrules:\n  LEG-007:\n    severity: minor\n",
    )
    p = load_profile(ref)
    assert p.rule_lines["LEG-007"] == (ref, 4, 3)
    assert p.rules["LEG-007"].severity == "minor"


def test_unknown_profile_name_lists_the_available_ones() -> None:
    err = config_error("no-such")
    (problem,) = err.problems
    assert "no profile named 'no-such'" in problem.message
    assert "nz-default" in problem.message


def test_missing_profile_file(tmp_path: Path) -> None:
    err = config_error(str(tmp_path / "missing.yaml"))
    assert err.problems[0].message == "file not found"


def test_profile_yaml_errors_are_config_errors(tmp_path: Path) -> None:
    ref = write(tmp_path / "p.yaml", "profile_format: 1\nname: x\nname: y\n")
    (problem,) = config_error(ref).problems
    assert (problem.location.line, problem.location.column) == (3, 1)
    assert "duplicate key" in problem.message


def test_profile_validation_errors_are_located(tmp_path: Path) -> None:
    ref = write(
        tmp_path / "p.yaml",
        "profile_format: 1\nname: x\nthresholds:\n  recomend: 80\nweights:\n  legality: 200\n",
    )
    problems = config_error(ref).problems
    assert [(p.location.line, p.location.column) for p in problems] == [(4, 3), (6, 13)]
    assert "did you mean 'recommend'?" in problems[0].message


def test_profile_format_is_required(tmp_path: Path) -> None:
    ref = write(tmp_path / "p.yaml", "name: x\n")
    assert "missing required field 'profile_format'" in config_error(ref).problems[0].message


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "profile_format: 1\nname: a\nextends: b.yaml\n")
    write(tmp_path / "b.yaml", "profile_format: 1\nname: b\nextends: a.yaml\n")
    (problem,) = config_error(str(tmp_path / "a.yaml")).problems
    assert "makes a cycle or a chain too long" in problem.message
    assert (problem.location.line, problem.location.column) == (3, 10)


def test_self_extension_is_refused(tmp_path: Path) -> None:
    ref = write(tmp_path / "a.yaml", "profile_format: 1\nname: a\nextends: a\n")
    assert "cycle" in config_error(ref).problems[0].message


def test_extends_chain_too_long(tmp_path: Path) -> None:
    n = MAX_EXTENDS + 3
    for i in range(n):
        parent = f"extends: p{i + 1}.yaml\n" if i + 1 < n else ""
        write(tmp_path / f"p{i}.yaml", f"profile_format: 1\nname: p{i}\n{parent}")
    assert "too long" in config_error(str(tmp_path / "p0.yaml")).problems[0].message


def test_extends_unknown_parent(tmp_path: Path) -> None:
    ref = write(tmp_path / "a.yaml", "profile_format: 1\nname: a\nextends: nowhere\n")
    assert "no profile named 'nowhere'" in config_error(ref).problems[0].message


def test_locate_by_name_and_path(tmp_path: Path) -> None:
    assert locate("nz-default").name == "nz-default.yaml"
    assert locate("./x.yaml") == Path("./x.yaml")
    assert locate("x.yml", relative_to=tmp_path) == tmp_path / "x.yml"


def test_weights_of() -> None:
    w = Weights(strategic=1, legality=2, agencies=3, alternatives=4)
    assert [w.of(c) for c in Consideration] == [1, 2, 3, 4]


def test_profile_sha256_is_stable() -> None:
    assert load_profile("nz-default").sha256 == load_profile("nz-default").sha256


def test_extends_reads_the_parent_beside_the_profile_not_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`extends: base.yaml` was read from the working directory first: the verdict then
    depended on where pso ran."""
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "base.yaml").write_text(
        "profile_format: 1\nname: base\nweights: {strategic: 0.9, legality: 0.05, "
        "agencies: 0.03, alternatives: 0.02}\n"
    )
    (tmp_path / "team" / "child.yaml").write_text(
        "profile_format: 1\nname: child\nextends: base.yaml\n"
    )
    (tmp_path / "base.yaml").write_text(  # a decoy in the working directory
        "profile_format: 1\nname: decoy\nweights: {strategic: 0.01, legality: 0.01, "
        "agencies: 0.01, alternatives: 0.97}\n"
    )
    monkeypatch.chdir(tmp_path)
    assert load_profile("team/child.yaml").weights.strategic == 0.9
    monkeypatch.chdir(tmp_path / "team")
    assert load_profile("child.yaml").weights.strategic == 0.9


def _refused(tmp_path: Path, text: str) -> tuple[tuple[int, int], str]:
    path = tmp_path / "p.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_profile(str(path))
    [problem] = info.value.problems
    return (problem.location.line, problem.location.column), problem.message


def test_all_zero_weights_are_refused_located(tmp_path: Path) -> None:
    where, message = _refused(
        tmp_path,
        "profile_format: 1\nname: z\n"
        "weights: {strategic: 0, legality: 0, agencies: 0, alternatives: 0}\n",
    )
    assert where == (3, 10)
    assert "every weight is zero" in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("profile_format: 1\nname: o\nthresholds: {recommend: 30, with_conditions: 90}\n", (3, 13)),
        # each file alone is fine; merged over nz-default's with_conditions (50) it is not
        ("profile_format: 1\nname: o\nextends: nz-default\nthresholds: {recommend: 40}\n", (4, 13)),
    ],
)
def test_thresholds_out_of_order_are_refused_located(
    tmp_path: Path, text: str, where: tuple[int, int]
) -> None:
    got, message = _refused(tmp_path, text)
    assert got == where
    assert "thresholds out of order: recommend" in message
