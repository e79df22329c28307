"""Conditions fit the facts, and sentences end in one full stop.

A condition asks for something not already done: with the region's backing stated as
strong, no condition asks to seek a regional endorsement. Reasons and conditions are
joined from parts (a table's full sentence, a proposal's own text), and a part's stop
never doubles the joiner's.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from pso_cli.api import build_engine, load_input
from pso_cli.engine.assess import Engine, assess_loaded
from pso_cli.model.findings import Assessment
from pso_cli.sentences import clause, sentence, single_stop

BASE = Path(__file__).parents[1] / "rules" / "base.yaml"
SEEK = "Seek the endorsement of the regional organisation"
DOUBLED = re.compile(r"[\w)\]]\.\.(\s|$)")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(as_of=dt.date(2030, 6, 20))


def assess(engine: Engine, tmp_path: Path, edit: Any) -> Assessment:
    doc = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    edit(doc)
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return assess_loaded(engine, load_input(str(path)))


def _coalition(backing: str) -> Any:
    def edit(doc: dict[str, Any]) -> None:
        doc["leadership"]["arrangement"] = "coalition"
        doc["legal_basis"]["regional_arrangement"] = "none"
        doc["strategic"]["regional_backing"]["level"] = backing

    return edit


def test_no_endorsement_is_sought_when_the_region_backs_it_strongly(
    engine: Engine, tmp_path: Path
) -> None:
    a = assess(engine, tmp_path, _coalition("strong"))
    assert not [c for c in a.conditions if c.startswith(SEEK)]
    str011 = [f for f in a.findings if f.rule == "STR-011"]
    assert [f.level for f in str011] == ["no-regional-role"]  # still rated: no decision
    assert all(f.condition is None for f in str011)


@pytest.mark.parametrize("backing", ["some", "none"])
def test_an_endorsement_is_sought_when_the_backing_is_not_strong(
    engine: Engine, tmp_path: Path, backing: str
) -> None:
    a = assess(engine, tmp_path, _coalition(backing))
    assert [c for c in a.conditions if c.startswith(SEEK)]


def test_a_table_sentence_in_the_legal_reason_ends_in_one_stop(
    engine: Engine, tmp_path: Path
) -> None:
    """Enforcement on the high seas is contested, the table's reason ending "...for legal
    advice." inside a sentence pso ends itself: it read "for legal advice.."."""

    def edit(doc: dict[str, Any]) -> None:
        lb = doc["legal_basis"]
        lb.update(use_of_force="enforcement", security_council=[], self_defence="none")
        lb["area_of_operations"] = [{"kind": "international-waters"}]

    a = assess(engine, tmp_path, edit)
    assert a.legal is not None and a.legal.reason.endswith("is for legal advice.")
    texts = [a.reason, a.legal.reason, *a.conditions, *(f.message for f in a.findings)]
    texts += [f.condition for f in a.findings if f.condition]
    assert [t for t in texts if DOUBLED.search(t)] == []


def test_every_example_reads_with_single_stops(engine: Engine) -> None:
    root = Path(__file__).parents[2] / "examples"
    for path in sorted([*root.glob("*.yaml"), *root.glob("history/*.yaml")]):
        a = assess_loaded(engine, load_input(str(path)))
        texts = [a.reason, *a.conditions, *(f.message for f in a.findings)]
        texts += [f.condition for f in a.findings if f.condition]
        texts += [a.legal.reason] if a.legal else []
        assert [t for t in texts if DOUBLED.search(t)] == [], path


@pytest.mark.parametrize(
    ("text", "ended", "embedded"),
    [
        ("for legal advice", "for legal advice.", "for legal advice"),
        ("for legal advice.", "for legal advice.", "for legal advice"),
        ("for legal advice..", "for legal advice.", "for legal advice"),
        ("is it lawful?", "is it lawful?", "is it lawful?"),
        ("and so on...", "and so on...", "and so on..."),
        ("", "", ""),
    ],
)
def test_sentence_and_clause(text: str, ended: str, embedded: str) -> None:
    assert sentence(text) == ended
    assert clause(text) == embedded


def test_single_stop_leaves_ellipses_and_paths() -> None:
    assert single_stop("Caveats: no offensive operations..") == "Caveats: no offensive operations."
    assert single_stop("(Ops manual).. Next") == "(Ops manual). Next"
    assert single_stop("and so on... next") == "and so on... next"
    assert single_stop("see ../profiles") == "see ../profiles"
