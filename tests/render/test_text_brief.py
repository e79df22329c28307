"""The brief: one screen at 80 columns, every element a decision-maker needs, in order,
plain text, nothing cut, no line ending in a space."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pso_cli.api import build_engine
from pso_cli.engine.assess import Analysis, Engine, assess_loaded
from pso_cli.loading.load import load_proposal
from pso_cli.model.findings import Assessment
from pso_cli.render.brief import HEIGHT, brief_lines
from pso_cli.render.text import BRIEF, make_console, print_item

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    p.relative_to(ROOT)
    for p in (*ROOT.glob("examples/*.yaml"), *ROOT.glob("examples/history/*.yaml"))
    if p.name != "commitments.yaml"
)  # fmt: skip
LOCATION = re.compile(r"([^\s(]+\.yaml):(\d+)")


@pytest.fixture(scope="module")
def engine() -> Engine:
    """As `pso assess FILE` runs it: each file at its own decision date, what-if on."""
    return build_engine(analysis=Analysis(what_if=True))


def brief_of(engine: Engine, path: Path | str, width: int = 80) -> tuple[Assessment, str]:
    a = assess_loaded(engine, load_proposal(str(path)))
    buf = io.StringIO()
    print_item(make_console(buf, width, color=False), a, BRIEF)
    return a, buf.getvalue()


@pytest.fixture(scope="module")
def ramsi(engine: Engine, in_repo_module: None) -> tuple[Assessment, str]:
    return brief_of(engine, "examples/ramsi-2003.yaml")


@pytest.fixture(scope="module")
def in_repo_module() -> Iterator[None]:
    """Paths relative to the repository root, as a user in a checkout types them."""
    with contextlib.chdir(ROOT):
        yield


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_bundled_brief_is_one_screen(
    engine: Engine, in_repo_module: None, path: Path
) -> None:
    a, text = brief_of(engine, path)
    lines = text.splitlines()
    assert len(lines) <= HEIGHT, f"{len(lines)} lines:\n{text}"
    assert all(len(line) <= 80 for line in lines), "wrapped at 80 columns"
    assert not [line for line in lines if line != line.rstrip()], "no line ends in a space"
    assert "…" not in text and "\x1b" not in text, "nothing cut, no control codes"
    for where, line in LOCATION.findall(text):
        assert where == str(path), "every location names the whole file"
        assert 1 <= int(line) <= len((ROOT / path).read_text().splitlines())
    assert text.splitlines()[-1].startswith("Score "), "the score and its range close it"
    assert a.verdict.value.replace("-", " ").split()[0].upper() in text


def test_the_ramsi_brief_has_every_element_in_order(ramsi: tuple[Assessment, str]) -> None:
    """RAMSI at its decision date (2003-07-24): lawful on consent, every gate and veto met,
    a recommendation; what it rests on, what is unknown, what would change it."""
    a, text = ramsi
    order = [
        "Regional Assistance Mission to Solomon Islands (RAMSI) (ramsi-2003)",
        "examples/ramsi-2003.yaml, judged at 2003-07-24",  # its own decision date
        "RECOMMEND",
        a.reason,
        "Law: lawful on the host's consent (examples/ramsi-2003.yaml:32)",
        "Gates and vetoes: all 8 met (LEG-001, STR-001 and 6 vetoes)",
        "What decides it, in points of the overall score",
        "Conditions: none",
        "Facts to gather first",
        "The verdict depends on",
        "if host consent were 'partial' rather than 'given', pso would advise further analysis"
        " (legal_basis.host_consent.status)",
        "Score 89 (range 87–89; completeness 98%; 3 facts unknown)",
    ]
    flat = " ".join(text.split())
    at = [flat.find(" ".join(x.split())) for x in order]
    assert -1 not in at, [x for x, i in zip(order, at, strict=True) if i < 0]
    assert at == sorted(at), "in the order of the brief"
    assert "To strengthen this proposal" not in text, "nothing to strengthen in a recommendation"


def test_the_ramsi_reasons_have_points_level_and_location(ramsi: tuple[Assessment, str]) -> None:
    _, text = ramsi
    flat = " ".join(text.split())
    assert "+ 15.0 A basis in international law: lawful (examples/ramsi-2003.yaml:32)" in flat
    assert "The best alternative to deploying: alternative-partly-meets" in flat
    reasons = re.findall(r"^  [+−] *\d+\.\d", text, re.M)
    assert 3 <= len(reasons) <= 5


@pytest.fixture(scope="module")
def later(engine: Engine, in_repo_module: None) -> tuple[Assessment, str]:
    """RAMSI judged at 2026-11-28 (--as-of): its mandate, to 2004-07-31, has expired."""
    engine = build_engine(as_of=dt.date(2026, 11, 28), analysis=Analysis(what_if=True))
    return brief_of(engine, "examples/ramsi-2003.yaml")


def test_a_recommendation_with_conditions_lists_them_numbered(
    later: tuple[Assessment, str],
) -> None:
    a, text = later
    assert a.verdict.value == "recommend-with-conditions"
    flat = " ".join(text.split())
    assert "examples/ramsi-2003.yaml, judged at 2026-11-28" in flat
    assert "Conditions 1. " in flat and "2. " in flat
    assert "− " in text, "the largest shortfall is listed against"
    assert "NZ's mandate" in flat or "Mandate coverage" in flat


def test_actions_are_imperatives_and_the_world_is_a_condition(
    engine: Engine, in_repo_module: None
) -> None:
    """The training mission: a SOFA under negotiation is something to do; host consent
    and the relationship with Russia are facts the verdict depends on, never actions."""
    _, text = brief_of(engine, "examples/training-mission.yaml")
    flat = " ".join(text.split())
    assert (
        "• Bring status-of-forces protection to 'signed' (legal_basis.status_of_forces.status):"
        " pso would recommend it"
    ) in flat
    assert "if host consent were 'partial' rather than 'given', pso would advise further" in flat
    strengthen = flat.split("To strengthen this proposal")[1].split("The verdict depends on")[0]
    assert "relationship" not in strengthen and "humanitarian" not in strengthen
    assert "Russia" not in strengthen


def test_facts_to_gather_say_how_much_they_widen_the_range(
    ramsi: tuple[Assessment, str],
) -> None:
    flat = " ".join(ramsi[1].split())
    assert "The cost of the NZDF contribution is not stated (and 2 more like it): widens" in flat
    assert "(examples/ramsi-2003.yaml:114)" in flat


def test_must_have_facts_come_first(engine: Engine, in_repo_module: None) -> None:
    _, text = brief_of(engine, "examples/early-stage.yaml")
    facts = text.split("Facts to gather first")[1]
    assert facts.split("•")[1].strip().startswith("Host consent (legal_basis.host_consent.status)")
    assert "pso must know it to advise" in facts


def test_a_narrow_terminal_wraps_and_never_cuts(engine: Engine, in_repo_module: None) -> None:
    a, text = brief_of(engine, "examples/unmiss-staff-officers.yaml", width=40)
    assert "…" not in text
    (gate, *_) = [g for g in a.gates if g.status != "passed"]
    assert f"examples/unmiss-staff-officers.yaml:{gate.line}" in text, "a location stays whole"
    assert all(len(x) <= 40 or " " not in x.strip() for x in text.splitlines())


def test_wide_terminal_uses_the_width(engine: Engine, in_repo_module: None) -> None:
    _, narrow = brief_of(engine, "examples/ramsi-2003.yaml", 80)
    _, wide = brief_of(engine, "examples/ramsi-2003.yaml", 120)
    assert len(wide.splitlines()) < len(narrow.splitlines())


def test_brief_lines_respect_a_smaller_height(engine: Engine, in_repo_module: None) -> None:
    a = assess_loaded(engine, load_proposal("examples/ramsi-2003.yaml"))
    lines = brief_lines(a, 80, 30)
    assert len(lines) <= 30
    assert any("shown)" in x.plain for x in lines), "a shortened list says so"
    assert "more: --detail" in lines[-1].plain or "--detail" in lines[-1].plain


def test_the_brief_says_whether_the_verdict_is_fragile(in_repo_module: None) -> None:
    engine = build_engine(analysis=Analysis(what_if=True, sensitivity=True, samples=200))
    a, text = brief_of(engine, "examples/tonga-2006.yaml")
    assert a.sensitivity is not None
    label = "FRAGILE: " if a.sensitivity.fragile else "Robust: "
    assert label in text and "weight samples agree" in text
    assert len(text.splitlines()) <= HEIGHT
