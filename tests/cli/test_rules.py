"""`pso rules`, `pso explain`, `pso criteria list|show`, `pso config show`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest


def test_rules_text_lists_at_least_40(pso: Any) -> None:
    r = pso("rules")
    assert r.exit_code == 0
    for code in ("LEG-001", "STR-001", "AGY-001", "ALT-001"):
        assert code in r.stdout
    title = re.search(r"(\d+) rules", r.stdout)
    assert title and int(title.group(1)) >= 40


def test_rules_json(pso: Any) -> None:
    r = pso("rules", "--format", "json")
    assert r.exit_code == 0
    rules = json.loads(r.stdout)
    assert len(rules) >= 40
    codes = [x["code"] for x in rules]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert {x["consideration"] for x in rules} == {
        "strategic",
        "legality",
        "agencies",
        "alternatives",
    }
    gates = {x["code"] for x in rules if x["gate"]}
    assert "LEG-001" in gates
    for x in rules:
        assert set(x) == {"code", "name", "consideration", "severity", "gate", "title"}


def test_rules_with_a_local_pack(pso: Any, tmp_path: Path) -> None:
    pack = tmp_path / "mypack.py"
    pack.write_text(
        "from pso_cli.rules.api import Consideration, Reference, rule, info\n"
        "@rule(code='LOC-001', name='local-rule', consideration=Consideration.AGENCIES,\n"
        "      title='A local rule', rationale='Because.', reference=Reference('Local'))\n"
        "def local(p, ctx):\n"
        "    yield info('identity', 'hello')\n"
        "RULES = [local]\n"
    )
    r = pso("rules", "-f", "json", "--rules", str(pack))
    assert "LOC-001" in [x["code"] for x in json.loads(r.stdout)]
    r = pso("explain", "local-rule", "--rules", str(pack))
    assert r.exit_code == 0
    assert r.stdout.startswith("LOC-001  local-rule\n")


def test_explain_known_code(pso: Any) -> None:
    r = pso("explain", "LEG-001")
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith("LEG-001  legal-basis  (gate)\n")
    for section in ("Why:", "Rests on:", "Fields read:", "Options:", "Consideration:"):
        assert section in out
    assert "legal_basis.host_consent.status" in out


@pytest.mark.parametrize("key", ["leg-001", "legal-basis"])
def test_explain_by_name_or_lower_case(pso: Any, key: str) -> None:
    r = pso("explain", key)
    assert r.exit_code == 0
    assert r.stdout.startswith("LEG-001")


def test_explain_unknown_code_exits_2_with_suggestion(pso: Any) -> None:
    r = pso("explain", "LEG-0011")
    assert r.exit_code == 2
    assert "no rule 'LEG-0011'" in r.stderr
    assert re.search(r"did you mean LEG-0\d\d\?", r.stderr)
    assert r.stdout == ""


def test_explain_unknown_code_without_suggestion(pso: Any) -> None:
    r = pso("explain", "qqqq")
    assert r.exit_code == 2
    assert "see `pso rules`" in r.stderr


def test_explain_a_veto_of_the_profile(pso: Any) -> None:
    r = pso("explain", "duty-of-care-protection-gap", "--width", "200")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert out.startswith(
        "duty-of-care-protection-gap  (a veto of the profile nz-default, not a rule of the"
        " catalogue)\nA partial force-protection gap against a high or extreme threat is closed\n"
    )
    assert "Forces: further-analysis, whatever the score" in out
    assert "Rests on:\n  Health and Safety at Work Act 2015, s 36;" in out
    assert "  risk.threat_level is high or extreme\n" in out
    assert "  risk.force_protection.adequacy is partial\n" in out
    assert "  and risk.force_protection.mitigation is not stated\n" in out
    assert "To lift it:\n  State how the force-protection gap is closed before deployment" in out


def test_explain_a_veto_without_a_condition_says_which_fact_lifts_it(pso: Any) -> None:
    r = pso("explain", "duty-of-care-protection", "--width", "200")
    assert r.exit_code == 0, r.stderr
    assert "Forces: do-not-recommend" in r.stdout
    assert "once risk.force_protection.adequacy is other than inadequate." in r.stdout


def test_explain_a_rule_name_that_is_also_a_veto_explains_both(pso: Any) -> None:
    r = pso("explain", "national-command", "--width", "200")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("AGY-007  national-command")
    assert "national-command is also a veto of the profile:" in r.stdout
    assert "once risk.command.national_command_retained is true." in r.stdout


def test_explain_a_must_have_fact(pso: Any) -> None:
    r = pso("explain", "risk.threat_level", "--width", "200")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("risk.threat_level  (a must-have fact of the profile nz-default")
    assert "Forces: further-analysis while it is unknown" in r.stdout
    assert "AGY-005" in r.stdout and "duty-of-care-protection-gap" in r.stdout


def test_explain_a_veto_of_another_profile(pso: Any, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "profile_format: 1\nname: p\nextends: nz-default\n"
        "vetoes:\n  duty-of-care-protection-gap: {enabled: false}\n",
        encoding="utf-8",
    )
    r = pso("explain", "duty-of-care-protection-gap", "--profile", str(profile))
    assert r.exit_code == 2
    assert "nor a veto or must-have fact of" in r.stderr


def test_explain_suggests_a_veto_id(pso: Any) -> None:
    r = pso("explain", "duty-of-care-protection-ga")
    assert r.exit_code == 2
    assert "did you mean duty-of-care-protection-gap?" in r.stderr


def test_explain_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """Every rule explains itself (the command function called directly, for speed)."""
    from pso_cli.cli.rules_cmd import explain
    from pso_cli.rules.registry import build_registry

    for code in build_registry().rules:
        explain(code, None)
        out = capsys.readouterr().out
        assert out.startswith(code), code
        assert "Example that makes it fire:" in out, code


def test_criteria_list(pso: Any) -> None:
    r = pso("criteria", "list")
    assert r.exit_code == 0
    names = [line.split("\t")[0] for line in r.stdout.splitlines()]
    assert "nz-default" in names
    assert "humanitarian-priority" in names
    assert all("\t" in line and line.split("\t")[1] for line in r.stdout.splitlines())


def test_criteria_show_default(pso: Any) -> None:
    r = pso("criteria", "show")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["name"] == "nz-default"
    assert sum(doc["weights"].values()) == pytest.approx(1.0)
    assert doc["thresholds"]["recommend"] > doc["thresholds"]["with_conditions"]


def test_criteria_show_resolves_extends(pso: Any) -> None:
    doc = json.loads(pso("criteria", "show", "humanitarian-priority").stdout)
    base = json.loads(pso("criteria", "show", "nz-default").stdout)
    assert doc["name"] == "humanitarian-priority"
    assert doc["weights"]["strategic"] == 0.40
    assert doc["thresholds"]["with_conditions"] == 45
    inherited = ("recommend", "min_completeness", "min_consideration_completeness")
    assert {k: doc["thresholds"][k] for k in inherited} == {
        k: base["thresholds"][k] for k in inherited
    }  # completeness was confidence before the value model
    assert doc["attributes"] == base["attributes"]  # swing weights and values, inherited
    assert doc["sha256"] != base["sha256"]


def test_criteria_show_has_each_attribute_its_vetoes_and_must_haves(pso: Any) -> None:
    """Issue 15: each attribute's swing weight and value function is shown by
    `pso criteria show`, as are the vetoes and the facts pso must have."""
    doc = json.loads(pso("criteria", "show").stdout)
    from pso_cli.rules.registry import build_registry

    rules = build_registry(use_plugins=False).rules.values()
    scoring = {r.code for r in rules if r.attribute is not None}
    assert set(doc["attributes"]) == scoring
    assert doc["attributes"]["AGY-013"] == {
        "weight": 5.0,
        "values": {"deteriorating": 0.0, "stable": 60.0, "improving": 100.0},
    }
    assert doc["vetoes"]["national-command"]["verdict"] == "do-not-recommend"
    assert "risk.threat_level" in doc["must_have"]


def test_criteria_show_unknown_exits_4(pso: Any) -> None:
    r = pso("criteria", "show", "nope")
    assert r.exit_code == 4
    assert "no profile named 'nope'" in r.stderr


def test_config_show_defaults(pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    doc = json.loads(pso("config", "show", "--no-config").stdout)
    assert doc["profile"] == {"value": "nz-default", "source": "default"}
    assert doc["fail_on"]["value"] == "do-not-recommend"


def test_config_show_with_pso_toml(
    pso: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "pso.toml"
    cfg.write_text('profile = "humanitarian-priority"\nexclude = ["drafts/*"]\nrules = ["r.py"]\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # found from the working directory upwards
    r = pso("config", "show")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["profile"] == {"value": "humanitarian-priority", "source": f"{cfg}:1"}
    assert doc["exclude"]["value"] == ["drafts/*"]
    assert doc["rules"]["value"] == [str(tmp_path / "r.py")]
    assert doc["format"]["source"] == "default"


def test_config_show_explicit_file_missing(pso: Any, tmp_path: Path) -> None:
    r = pso("config", "show", "--config", str(tmp_path / "nope.toml"))
    assert r.exit_code == 4
    assert "settings file not found" in r.stderr


def test_rules_text_reads_at_80_columns(pso: Any) -> None:
    """Every rule, grouped by consideration, with no line wider than the terminal and no
    name or code broken across lines."""
    r = pso("rules", "--width", "80")
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    doc = json.loads(pso("rules", "--format", "json").stdout)
    for rule in doc:
        assert rule["code"] in r.stdout
        assert rule["name"] in r.stdout
    for title in ("Strategic implications", "Legality", "Implications for NZ agencies"):
        assert title in r.stdout
    gate_lines = [line for line in r.stdout.splitlines() if "(gate)" in line]
    assert {code for line in gate_lines for code in re.findall(r"[A-Z]{3}-\d{3}", line)} == {
        x["code"] for x in doc if x["gate"]
    }


def test_rules_refuses_an_unknown_format(pso: Any) -> None:
    r = pso("rules", "--format", "xml")
    assert r.exit_code == 2
    assert "'xml' is not one of: text, json" in r.stderr


def test_explain_wraps_prose_at_the_width_and_keeps_the_example_whole(pso: Any) -> None:
    r = pso("explain", "LEG-005", "--width", "60")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    example = lines.index("Example that makes it fire:")
    prose = [line for line in lines[:example] if not line.strip().startswith("http")]
    assert max(len(line) for line in prose) <= 60
    assert "  legal_basis:" in lines[example:]
    why = lines.index("Why:")
    assert lines[why + 1].startswith("  ") and lines[why + 2].startswith("  ")  # hanging indent


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("PSO-VERDICT", "the first that applies decides"),
        ("PSO-FRAGILE", "--sensitivity"),
        ("pso-fragile", "--sensitivity"),
        ("fragile-verdict", "--sensitivity"),
        ("PSO-INPUT", "pso validate"),
        ("PSO-ACCEPTANCE", "a blocker cannot be accepted"),
    ],
)
def test_explain_knows_the_checks_pso_reports_under_its_own_codes(
    pso: Any, code: str, said: str
) -> None:
    """PSO-VERDICT, PSO-FRAGILE and PSO-ACCEPTANCE appear in SARIF and annotations: `pso
    explain` used to answer "no rule" for them."""
    from pso_cli.rules.pseudo import PSEUDO

    r = pso("explain", code, "--width", "80")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.split()[0] in PSEUDO
    assert said in " ".join(r.stdout.split())
    assert all(len(x) <= 80 for x in r.stdout.splitlines())


def test_the_verdict_explanation_gives_the_profile_thresholds(pso: Any) -> None:
    text = " ".join(pso("explain", "PSO-VERDICT").stdout.split())
    assert "below 50: do-not-recommend" in text and "below 70" in text


def test_a_near_miss_of_a_pseudo_code_is_suggested(pso: Any) -> None:
    r = pso("explain", "PSO-FRAGLE")
    assert r.exit_code == 2
    assert "did you mean PSO-FRAGILE?" in r.stderr


def test_the_rule_list_has_no_trailing_spaces(pso: Any) -> None:
    out = pso("rules", "--width", "80").stdout
    assert "Strategic implications (" in out
    assert [x for x in out.splitlines() if x != x.rstrip()] == []
