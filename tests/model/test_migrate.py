"""Format 1 keeps loading, read as format 2, and `pso migrate` rewrites it in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from pso_cli.loading.load import proposal_from_bytes
from pso_cli.model.fields import NONE
from pso_cli.model.migrate import upgrade

V1 = b"""\
# a comment that must survive
pso_format: 1
identity:
  name: Test mission
  id: test-mission
  operation_type: peacekeeping   # format 1 read this as un-peacekeeping
location: {host: Testland}
legal_basis:
  security_council: []
  regional_authorisation:        # renamed in format 2
    organisation: Regional Forum
    decision: Communique of 1 May
  treaty: Status of forces treaty (1 May)
"""


def test_format_1_loads_as_format_2_with_a_notice() -> None:
    loaded = proposal_from_bytes(V1, "old.yaml")
    lb = loaded.proposal.legal_basis
    assert loaded.proposal.pso_format == 2
    assert lb is not None and not isinstance(lb.regional_arrangement, str)
    assert lb.regional_arrangement is not None
    assert lb.regional_arrangement.organisation == "Regional Forum"
    assert loaded.proposal.identity.operation_type == "un-peacekeeping"
    (notice,) = loaded.notices
    assert "format 1 file read as format 2" in notice and "pso migrate old.yaml" in notice
    assert "'peacekeeping' read as 'un-peacekeeping'" in notice


def test_renamed_key_keeps_its_lines() -> None:
    """Findings on the renamed section still point at the line the file has."""
    loaded = proposal_from_bytes(V1, "old.yaml")
    assert loaded.source_map.value(("legal_basis", "regional_arrangement", "decision")) == (12, 15)


def test_format_1_treaty_text_names_an_instrument_and_nothing_more() -> None:
    """A treaty in words is not a basis: its parties are unknown until stated."""
    lb = proposal_from_bytes(V1, "old.yaml").proposal.legal_basis
    assert lb is not None and lb.treaty is not None and not isinstance(lb.treaty, str)
    assert (lb.treaty.instrument, lb.treaty.parties) == ("Status of forces treaty (1 May)", None)


@pytest.mark.parametrize("word", ["none", "None", "NONE"])
def test_none_states_absence(word: str) -> None:
    doc = V1.replace(b"Status of forces treaty (1 May)", word.encode())
    lb = proposal_from_bytes(doc, "old.yaml").proposal.legal_basis
    assert lb is not None and lb.treaty == NONE


def test_format_2_refuses_the_spellings_that_changed_meaning() -> None:
    from pso_cli.errors import InputError

    doc = V1.replace(b"pso_format: 1", b"pso_format: 2").replace(
        b"regional_authorisation", b"regional_arrangement"
    )
    with pytest.raises(InputError, match="peacekeeping"):
        proposal_from_bytes(doc, "new.yaml")


def test_stabilisation_is_its_own_type_now() -> None:
    doc = V1.replace(b"peacekeeping ", b"stabilisation")
    p = proposal_from_bytes(doc, "old.yaml")
    assert p.proposal.identity.operation_type == "stabilisation"
    assert "format 1 read it as 'regional-assistance'" in p.notices[0]


def test_upgrade_leaves_the_parsed_data_alone() -> None:
    data = {"pso_format": 1, "legal_basis": {"regional_authorisation": {"organisation": "F"}}}
    upgrade(data)
    assert data == {
        "pso_format": 1,
        "legal_basis": {"regional_authorisation": {"organisation": "F"}},
    }


def test_migrate_rewrites_in_place_keeping_comments(pso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "old.yaml"
    f.write_bytes(V1)
    ran = pso("migrate", str(f))
    assert ran.exit_code == 0, ran.stderr
    text = f.read_text()
    assert "# a comment that must survive" in text
    assert "pso_format: 2" in text and "regional_arrangement:        # renamed" in text
    assert "operation_type: un-peacekeeping   # format 1" in text
    assert proposal_from_bytes(text.encode(), str(f)).notices == ()
    assert "host_consent.authority" in ran.stderr


def test_migrate_check_changes_nothing_and_exits_1(pso, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "old.yaml"
    f.write_bytes(V1)
    assert pso("migrate", "--check", str(f)).exit_code == 1
    assert f.read_bytes() == V1
    pso("migrate", str(f))
    ran = pso("migrate", "--check", str(f))
    assert ran.exit_code == 0 and "already format 2" in ran.stderr


def test_migrate_every_bundled_format_1_file_loads_unchanged_in_meaning(
    pso, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The rewritten file reads exactly as the format-1 file was read."""
    repo = Path(__file__).resolve().parents[2]
    files = [*(repo / "examples").glob("*.yaml"), *(repo / "examples/history").glob("*.yaml")]
    for src in sorted(files):
        data = src.read_bytes()
        if b"\npso_format: 1" not in data:
            continue
        before = proposal_from_bytes(data, "x.yaml").proposal
        f = tmp_path / src.name
        f.write_bytes(data)
        assert pso("migrate", str(f)).exit_code == 0
        assert proposal_from_bytes(f.read_bytes(), "x.yaml").proposal == before
