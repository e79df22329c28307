"""inputs.py: command-line paths to a stable list of proposal files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pso_cli.loading.inputs import STDIN, expand


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for rel in (
        "b.yaml",
        "a.yml",
        "notes.txt",
        "sub/z.yaml",
        "sub/deeper/y.yaml",
        ".hidden/h.yaml",
        "sub/.git/config.yaml",
    ):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("a: 1\n")
    return tmp_path


def rel(paths: list[str], base: Path) -> list[str]:
    return [os.path.relpath(p, base) for p in paths]


def test_directory_recursion_is_sorted_and_skips_hidden(tree: Path) -> None:
    assert rel(expand([str(tree)]), tree) == [
        "a.yml",
        "b.yaml",
        "sub/z.yaml",
        "sub/deeper/y.yaml",
    ]


def test_files_are_kept_in_the_given_order(tree: Path) -> None:
    got = expand([str(tree / "b.yaml"), str(tree / "a.yml")])
    assert rel(got, tree) == ["b.yaml", "a.yml"]


def test_missing_files_pass_through_to_be_reported(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    assert expand([missing]) == [missing]


def test_explicit_non_yaml_file_is_kept(tree: Path) -> None:
    assert expand([str(tree / "notes.txt")]) == [str(tree / "notes.txt")]


def test_directory_named_like_yaml_passes_through_as_a_file(tmp_path: Path) -> None:
    d = tmp_path / "x.yaml"
    d.mkdir()
    (d / "inner.yaml").write_text("a: 1\n")
    assert expand([str(d)]) == [str(d)]
    assert expand([str(d) + "/"]) == [str(d) + "/"]


def test_directory_named_like_yaml_inside_a_tree_is_reported_not_searched_silently(
    tmp_path: Path,
) -> None:
    (tmp_path / "x.yaml").mkdir()
    assert str(tmp_path / "x.yaml") in expand([str(tmp_path)])


def test_globs(tree: Path) -> None:
    got = expand([str(tree / "**" / "*.yaml")])
    assert rel(got, tree) == sorted(rel(got, tree))
    assert "sub/deeper/y.yaml" in rel(got, tree)
    assert "a.yml" not in rel(got, tree)


def test_existing_file_with_glob_characters_is_not_globbed(tmp_path: Path) -> None:
    odd = tmp_path / "[x].yaml"
    odd.write_text("a: 1\n")
    assert expand([str(odd)]) == [str(odd)]


def test_exclude_by_basename_and_path(tree: Path) -> None:
    got = rel(expand([str(tree)], exclude=["b.yaml", "*/deeper"]), tree)
    assert got == ["a.yml", "sub/z.yaml"]


def test_duplicates_dropped_first_kept(tree: Path) -> None:
    b = str(tree / "b.yaml")
    got = expand([b, str(tree), b])
    assert got[0] == b
    assert got.count(b) == 1


def test_stdin_marker_passes_through() -> None:
    assert expand([STDIN]) == ["-"]


def test_empty_directory_gives_nothing(tmp_path: Path) -> None:
    assert expand([str(tmp_path)]) == []
