"""engine.diff: field walk, single-edit attribution with its residual, findings keyed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pso_cli.api import build_engine, load_input
from pso_cli.engine.assess import Engine
from pso_cli.engine.diff import ABSENT, Diff, apply_change, diff, walk
from pso_cli.model.findings import Consideration, Outcome, Verdict

BASE = (Path(__file__).parents[1] / "rules" / "base.yaml").read_text(encoding="utf-8")
C = Consideration


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(as_of=dt.date(2026, 11, 28))


def version(tmp_path: Path, name: str, *edits: tuple[str, str]) -> str:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(engine: Engine, old: str, new: str) -> Diff:
    return diff(engine, load_input(old), load_input(new))


SOFA_NEGOTIATING = ("status: signed", "status: negotiating")
FP_PARTIAL = ("adequacy: adequate\n    provided_by", "adequacy: partial\n    provided_by")
FP_INADEQUATE = ("adequacy: adequate\n    provided_by", "adequacy: inadequate\n    provided_by")
THREAT_HIGH = ("threat_level: moderate", "threat_level: high")
THREAT_EXTREME = ("threat_level: moderate", "threat_level: extreme")
DETERIORATING = ("threat_trend: stable", "threat_trend: deteriorating")


# ----------------------------------------------------------------------------- walk


def test_walk_dicts_by_key_lists_by_index_and_whole_sections() -> None:
    old = {"a": {"b": 1, "c": [1, 2, 3]}, "d": None, "e": {"f": 1}}
    new = {"a": {"b": 2, "c": [1, 5]}, "d": {"x": 1}, "e": None}
    assert list(walk(old, new)) == [
        (("a", "b"), 1, 2),
        (("a", "c", 1), 2, 5),
        (("a", "c", 2), 3, ABSENT),
        (("d",), None, {"x": 1}),
        (("e",), {"f": 1}, None),
    ]


def test_walk_identical_gives_nothing() -> None:
    data = {"a": [{"b": 1}], "c": None}
    assert list(walk(data, data)) == []


def test_apply_change_sets_drops_and_appends_without_touching_the_original() -> None:
    data = {"a": {"b": [1, 2]}}
    assert apply_change(data, ("a", "b", 0), 9) == {"a": {"b": [9, 2]}}
    assert apply_change(data, ("a", "b", 1), ABSENT) == {"a": {"b": [1]}}
    assert apply_change(data, ("a", "b", 3), 4) == {"a": {"b": [1, 2, 4]}}
    assert apply_change(data, ("a", "b"), ABSENT) == {"a": {"b": None}}
    assert data == {"a": {"b": [1, 2]}}


# ----------------------------------------------------------------------------- attribution


def test_each_edit_is_attributed_to_the_consideration_it_moves(
    tmp_path: Path, engine: Engine
) -> None:
    old = version(tmp_path, "old.yaml", SOFA_NEGOTIATING, FP_PARTIAL)
    new = version(tmp_path, "new.yaml", THREAT_HIGH, FP_PARTIAL)
    d = run(engine, old, new)
    by_field = {f.field: f for f in d.fields}
    assert list(by_field) == ["legal_basis.status_of_forces.status", "risk.threat_level"]

    sofa = by_field["legal_basis.status_of_forces.status"]
    assert (sofa.kind, sofa.old, sofa.new) == ("changed", "negotiating", "signed")
    assert sofa.alone is not None
    assert [c for c, _ in sofa.alone.considerations] == [C.LEGALITY]
    assert sofa.alone.considerations[0][1] > 0
    assert sofa.alone.score_delta > 0

    threat = by_field["risk.threat_level"]
    assert threat.alone is not None
    assert [c for c, _ in threat.alone.considerations] == [C.AGENCIES]
    assert threat.alone.considerations[0][1] < 0  # partial protection against a high threat
    assert threat.alone.score_delta < 0

    # the two edits do not interact: the parts sum to the total
    assert d.interaction_score == 0
    assert all(v == 0 for _, v in d.interaction)
    total = {s.consideration: s.delta for s in d.considerations}
    assert total[C.LEGALITY] == sofa.alone.considerations[0][1]
    assert total[C.AGENCIES] == threat.alone.considerations[0][1]


def test_changed_fields_are_located_in_the_new_file(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml", SOFA_NEGOTIATING)
    new = version(tmp_path, "new.yaml", THREAT_HIGH)
    d = run(engine, old, new)
    lines = Path(new).read_text(encoding="utf-8").splitlines()
    for f in d.fields:
        assert f.new in lines[f.line - 1][f.column - 1 :], (f.field, f.line, f.column)


def test_interacting_edits_leave_a_residual(tmp_path: Path, engine: Engine) -> None:
    """The threat and its force protection are one attribute (AGY-005, the residual risk):
    alone, an extreme threat takes a moderate, protected one from 85 to 40, and inadequate
    protection takes it to 30 (moderate-unprotected); together they make it
    extreme-unprotected (0), a drop of 85, less than the two single drops (100) add up to,
    so the parts do not sum: the residual is 15 value points at AGY-005's weight."""
    old = version(tmp_path, "old.yaml")
    new = version(tmp_path, "new.yaml", THREAT_EXTREME, FP_INADEQUATE)
    d = run(engine, old, new)
    by_field = {f.field: f.alone for f in d.fields}
    threat, fp = by_field["risk.threat_level"], by_field["risk.force_protection.adequacy"]
    assert threat is not None and fp is not None
    alone = dict(threat.considerations)[C.AGENCIES] + dict(fp.considerations)[C.AGENCIES]
    total = {s.consideration: s.delta for s in d.considerations}[C.AGENCIES]
    assert total is not None and alone < total < 0
    models = {m.code: m for m in engine.attributes if m.consideration is C.AGENCIES}
    applies = {x.code for x in d.old.attributes if x.consideration is C.AGENCIES}
    swing = sum(m.weight for code, m in models.items() if code in applies)
    residual = round(15 * models["AGY-005"].weight / swing, 1)
    assert dict(d.interaction)[C.AGENCIES] == residual > 0
    assert abs(residual - (total - alone)) <= 0.15  # the parts are rounded, the residual not
    assert d.interaction_score is not None and d.interaction_score > 0


def test_edits_to_two_attributes_do_not_interact(tmp_path: Path, engine: Engine) -> None:
    """The threat's trend is its own attribute (AGY-013), no longer a step up of the
    threat in AGY-005: a higher threat and a deteriorating trend add up, in one
    consideration, with no residual (not even a tenth from rounding)."""
    old = version(tmp_path, "old.yaml")
    new = version(tmp_path, "new.yaml", THREAT_HIGH, DETERIORATING)
    d = run(engine, old, new)
    by_field = {f.field: f.alone for f in d.fields}
    threat, trend = by_field["risk.threat_level"], by_field["risk.threat_trend"]
    assert threat is not None and trend is not None
    assert [c for c, _ in threat.considerations] == [C.AGENCIES]
    assert [c for c, _ in trend.considerations] == [C.AGENCIES]
    assert d.interaction_score == 0
    assert dict(d.interaction)[C.AGENCIES] == 0
    changed = {x.code: (x.old, x.new) for x in d.attributes}
    assert set(changed) == {"AGY-005", "AGY-013"}
    assert changed["AGY-005"][1] is not None and changed["AGY-005"][1].level == "high-protected"
    assert changed["AGY-013"][1] is not None and changed["AGY-013"][1].level == "deteriorating"


def test_verdict_each_edit_would_give_alone(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml", SOFA_NEGOTIATING)
    new = version(tmp_path, "new.yaml")
    d = run(engine, old, new)
    assert (d.old.verdict, d.new.verdict) == (Verdict.WITH_CONDITIONS, Verdict.RECOMMEND)
    (only,) = d.fields
    assert only.alone is not None and only.alone.verdict == Verdict.RECOMMEND


def test_removed_and_added_fields(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml")
    new = version(
        tmp_path,
        "new.yaml",
        ("  main_parties: none\n", ""),
        (
            "partners: [Australia, Fiji, Papua New Guinea, Samoa, Tonga]",
            "partners: [Australia, Fiji, Papua New Guinea, Samoa, Tonga, Vanuatu]",
        ),
    )
    d = run(engine, old, new)
    by_field = {f.field: f for f in d.fields}
    assert by_field["legal_basis.main_parties"].kind == "removed"
    assert by_field["legal_basis.main_parties"].new is None
    added = by_field["leadership.partners[5]"]
    assert (added.kind, added.old, added.new) == ("added", None, "Vanuatu")
    assert all(f.alone is not None for f in d.fields)


def test_identical_versions(tmp_path: Path, engine: Engine) -> None:
    path = version(tmp_path, "same.yaml")
    d = run(engine, path, path)
    assert d.fields == () and d.findings == ()
    assert all(s.delta == 0 for s in d.considerations)
    assert d.interaction_score == 0


# ----------------------------------------------------------------------------- findings


def test_findings_keyed_by_rule_field_and_outcome(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml", SOFA_NEGOTIATING)
    new = version(tmp_path, "new.yaml", THREAT_HIGH)
    d = run(engine, old, new)
    changes = {(c.rule, c.outcome, c.status) for c in d.findings}
    assert ("LEG-005", Outcome.CONCERN, "removed") in changes
    assert ("LEG-005", Outcome.SUPPORTS, "added") in changes
    sofa = [c for c in d.findings if c.rule == "LEG-005"]
    assert all(c.field == "legal_basis.status_of_forces.status" for c in sofa)
    removed = next(c for c in sofa if c.status == "removed")
    assert removed.old is not None and removed.new is None
    # a message that changes with the threat, same rule, field and outcome: "changed"
    changed = [c for c in d.findings if c.status == "changed"]
    assert changed and all(c.old and c.new and c.old.message != c.new.message for c in changed)


# ----------------------------------------------------------------------------- the model


def test_attribute_level_changes(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml", SOFA_NEGOTIATING)
    new = version(tmp_path, "new.yaml", THREAT_HIGH)
    d = run(engine, old, new)
    changed = {a.code: a for a in d.attributes}
    assert set(changed) == {"LEG-005", "AGY-005"}
    sofa = changed["LEG-005"]
    assert sofa.old is not None and sofa.new is not None
    assert (sofa.old.level, sofa.new.level) == ("negotiating", "signed")
    assert sofa.contribution_delta > 0
    threat = changed["AGY-005"]
    assert threat.new is not None and threat.new.level == "high-protected"
    assert threat.contribution_delta < 0


def test_score_range_and_completeness_deltas(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml")
    evacuation = ("    adequacy: adequate\n    description: Role 2", "    description: Role 2")
    new = version(tmp_path, "new.yaml", evacuation)
    d = run(engine, old, new)
    assert d.completeness_delta < 0
    low, high = d.range_delta
    assert low < 0 and high >= 0
    assert d.score_delta is not None
    unknown = {a.code: a for a in d.attributes}["AGY-006"]
    assert unknown.new is not None and unknown.new.level is None and unknown.new.value is None
    agencies = next(s for s in d.considerations if s.consideration == C.AGENCIES)
    assert agencies.new_completeness < agencies.old_completeness == 1.0


def test_removing_a_stated_fact_is_credited_with_the_re_weighting(
    tmp_path: Path, engine: Engine
) -> None:
    """The weighted mean renormalises over the stated facts, so a bad fact made unknown
    raises the score though its own contribution stays 0: the removal is credited with
    that, and the points add up to the consideration's and the overall score's change."""
    harms = (
        "effect: advances\n    rationale: Consent-based",
        "effect: harms\n    rationale: Consent-based",
    )
    old = version(tmp_path, "old.yaml", harms)
    gone = (
        "  rules_based_order:\n    effect: advances\n"
        "    rationale: Consent-based, regionally authorised response.\n",
        "",
    )
    new = version(tmp_path, "new.yaml", gone)
    d = run(engine, old, new)
    (change,) = d.attributes
    assert change.code == "STR-006" and change.reweights
    assert change.contribution_delta == 0.0  # harms earns nothing, unknown earns nothing
    strategic = next(s for s in d.considerations if s.consideration == C.STRATEGIC)
    assert strategic.delta is not None and strategic.delta > 0
    assert change.points == pytest.approx(strategic.delta, abs=0.06)
    assert d.score_delta is not None and d.score_delta > 0
    assert change.overall == pytest.approx(d.score_delta, abs=0.06)


def test_level_changes_points_add_up_per_consideration(tmp_path: Path, engine: Engine) -> None:
    old = version(tmp_path, "old.yaml")
    evacuation = ("    adequacy: adequate\n    description: Role 2", "    description: Role 2")
    new = version(tmp_path, "new.yaml", evacuation, THREAT_HIGH, SOFA_NEGOTIATING)
    d = run(engine, old, new)
    for s in d.considerations:
        mine = [a.points for a in d.attributes if a.consideration == s.consideration]
        assert s.delta is not None
        assert sum(mine) == pytest.approx(s.delta, abs=0.06), s.consideration
    assert d.score_delta is not None
    assert sum(a.overall or 0.0 for a in d.attributes) == pytest.approx(d.score_delta, abs=0.06)
