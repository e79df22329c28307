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


def test_990_nested_directories_are_walked_without_recursion(tmp_path: Path) -> None:
    """Each level was a generator frame: 990 levels ran into Python's recursion limit."""
    levels = [tmp_path]
    for _ in range(990):  # not mkdir(parents=True): that recurses itself
        levels.append(levels[-1] / "d")
        os.mkdir(levels[-1])
    deepest = levels[-1]
    (deepest / "x.yaml").write_text("a: 1\n")
    (tmp_path / "top.yaml").write_text("a: 1\n")
    try:
        assert expand([str(tmp_path)]) == [str(tmp_path / "top.yaml"), str(deepest / "x.yaml")]
    finally:  # shutil.rmtree, as pytest cleans up, recurses as deep as the tree
        (deepest / "x.yaml").unlink()
        for level in reversed(levels[1:]):
            level.rmdir()


def test_walk_order_is_unchanged_by_the_iterative_walk(tmp_path: Path) -> None:
    for rel in ("b/z.yaml", "a/y.yaml", "a/c/x.yaml", "a/b.yaml", "m.yaml", "a/c2/w.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("a: 1\n")
    got = [os.path.relpath(p, tmp_path) for p in expand([str(tmp_path)])]
    assert got == ["m.yaml", "a/b.yaml", "a/y.yaml", "a/c/x.yaml", "a/c2/w.yaml", "b/z.yaml"]


def test_an_unreadable_directory_in_a_scan_is_listed_to_be_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text("a: 1\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "bad.yaml").write_text("a: 1\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with the power to read any directory")
        assert expand([str(tmp_path)]) == [str(tmp_path / "ok.yaml"), str(locked)]
    finally:
        locked.chmod(0o755)
