"""pso recognises its own kinds of file (issue 17): by the format key, without parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pso_cli.loading import kinds
from pso_cli.loading.kinds import COMMITMENTS, PROFILE, PROPOSAL, PSO_KINDS, Policy, select

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (b"pso_format: 2\nidentity: {}\n", PROPOSAL),
        (b"# a comment\n\n'pso_format': 2\n", PROPOSAL),
        (b'{"pso_format": 2, "identity": {}}', PROPOSAL),
        (b"{\n  pso_format: 2\n}\n", PROPOSAL),
        (b"- pso_format: 2\n", PROPOSAL),  # a proposal written as a list: reported, not skipped
        (b"\xef\xbb\xbfpso_format: 2\n", PROPOSAL),
        ("pso_format: 2\n".encode("utf-16"), PROPOSAL),  # UTF-16: pso's, reported as such
        (b"pso_format: 1\nname: Op\xe9ration\n", PROPOSAL),  # not UTF-8: still pso's
        (b"commitments_format: 1\ndeployments: []\n", COMMITMENTS),
        (b"profile_format: 1\nname: x\n", PROFILE),
        (b"commitments_format: 1\npso_format: 2\n", PROPOSAL),  # as the loader: pso_format wins
        (b"repos:\n- repo: local\n  hooks: []\n", None),  # .pre-commit-config.yaml
        (b"a: &x {b: 1}\nc:\n  <<: *x\n", None),  # GitLab-style merge keys: never parsed
        (b"on: push\njobs:\n  x:\n    pso_format: 2\n", None),  # only nested: not a format key
        (b"# pso_format: 2\n", None),
        (b"", None),
        (b"\x00\x01binary", None),
    ],
)
def test_sniff(text: bytes, kind: str | None) -> None:
    assert kinds.sniff(text) == kind


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "p.yaml").write_bytes(b"pso_format: 2\n")
    (tmp_path / "c.yaml").write_bytes(b"commitments_format: 1\n")
    (tmp_path / "prof.yml").write_bytes(b"profile_format: 1\n")
    (tmp_path / ".pre-commit-config.yaml").write_bytes(b"repos: []\n")
    (tmp_path / "broken.yaml").write_bytes(b"pso_format: 2\nidentity: [\n")
    return tmp_path


def _names(paths: list[str]) -> list[str]:
    return [Path(p).name for p in paths]


def test_a_scan_keeps_the_kinds_the_command_reads(tree: Path) -> None:
    assess = select([str(tree)], frozenset({PROPOSAL}))
    assert _names(assess.files) == ["broken.yaml", "p.yaml"]
    skipped = {Path(s.path).name: s.kind for s in assess.skipped}
    assert skipped == {".pre-commit-config.yaml": None, "c.yaml": COMMITMENTS, "prof.yml": PROFILE}
    validate = select([str(tree)], PSO_KINDS)
    assert _names(validate.files) == ["broken.yaml", "c.yaml", "p.yaml", "prof.yml"]
    assert [Path(s.path).name for s in validate.skipped] == [".pre-commit-config.yaml"]


def test_a_glob_is_a_scan(tree: Path) -> None:
    chosen = select([f"{tree}/*.yaml"], frozenset({PROPOSAL}))
    assert _names(chosen.files) == ["broken.yaml", "p.yaml"]


def test_a_named_file_is_always_read(tree: Path) -> None:
    named = [str(tree / n) for n in (".pre-commit-config.yaml", "c.yaml", "p.yaml")]
    chosen = select(named, frozenset({PROPOSAL}))
    assert chosen.files == named and not chosen.skipped


def test_named_also_by_a_scan_counts_as_named(tree: Path) -> None:
    chosen = select([str(tree), str(tree / "c.yaml")], frozenset({PROPOSAL}))
    assert "c.yaml" in _names(chosen.files)


def test_named_as_found_skips_named_files_and_reports_each(tree: Path) -> None:
    heard: list[str] = []
    named = [str(tree / n) for n in (".pre-commit-config.yaml", "c.yaml", "p.yaml")]
    with kinds.using(Policy(named_as_found=True, report=lambda s: heard.append(s.note()))):
        chosen = select(named, frozenset({PROPOSAL}))
        only_other = select(named[:2], frozenset({PROPOSAL}))
        assert only_other.empty_by_choice
    assert chosen.files == [named[2]]
    assert heard[:2] == [
        f"pso: skipped {named[0]}: not a pso document (no pso_format, commitments_format or "
        "profile_format key)",
        f"pso: skipped {named[1]}: a commitments file, not a proposal (use it with --commitments)",
    ]
    assert not select(named[:2], frozenset({PROPOSAL})).empty_by_choice  # policy restored


def test_what_cannot_be_read_is_kept_for_the_loader_to_report(tree: Path) -> None:
    (tree / "dir.yaml").mkdir()
    (tree / "gone.yaml").symlink_to(tree / "nowhere")
    with kinds.using(Policy(named_as_found=True)):
        chosen = select([str(tree / "dir.yaml"), str(tree / "gone.yaml"), "-"], PSO_KINDS)
    assert _names(chosen.files) == ["dir.yaml", "gone.yaml", "-"]


def test_a_large_file_is_judged_by_its_head(tree: Path) -> None:
    (tree / "big.yaml").write_bytes(b"pso_format: 2\n" + b"# padding\n" * 1000)
    (tree / "other.yaml").write_bytes(b"x: 1\n" * 1000 + b"pso_format: 2\n")
    chosen = select([str(tree)], frozenset({PROPOSAL}), max_bytes=100)
    assert "big.yaml" in _names(chosen.files)  # pso's: the loader says it is too large
    assert "other.yaml" not in _names(chosen.files)


def test_the_bundled_examples_scan_to_proposals_and_one_commitments_file() -> None:
    chosen = select([str(REPO / "examples")], frozenset({PROPOSAL}))
    assert [(Path(s.path).name, s.kind) for s in chosen.skipped] == [("nz-2016.yaml", COMMITMENTS)]
    assert len(chosen.files) >= 20
