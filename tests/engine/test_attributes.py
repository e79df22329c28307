"""A rule pack moves the score only through an attribute the profile weighs: fail closed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from pso_cli.criteria.profile import load_profile
from pso_cli.engine.attributes import attribute_models
from pso_cli.errors import ConfigError
from pso_cli.model.findings import Consideration, Finding
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Reference, Rule, RuleContext, rate
from pso_cli.rules.registry import build_registry

BUILTIN = [r for r in build_registry(use_plugins=False).rules.values()]


def check(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    yield rate("identity.summary", "stated", "A summary is stated.")


def plugin(owns: tuple[str, ...] = ("identity.summary",)) -> Rule:
    return Rule(
        code="XPK-001", name="summary-stated", consideration=Consideration.STRATEGIC,
        title="A summary is stated", rationale="r", reference=Reference("s"), check=check,
        attribute=Attribute("Summary", (("absent", 0), ("stated", 100)), owns),
    )  # fmt: skip


def profile(tmp_path: Path, body: str = "") -> str:
    f = tmp_path / "p.yaml"
    f.write_text(f"profile_format: 1\nname: t\nextends: nz-default\n{body}")
    return str(f)


def test_the_default_profile_weighs_every_built_in_attribute() -> None:
    models = attribute_models(load_profile(), BUILTIN)
    assert {m.code for m in models} == {r.code for r in BUILTIN if r.attribute}


def test_a_plugin_attribute_without_a_weight_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match=r"XPK-001 .* has no swing weight"):
        attribute_models(load_profile(), [*BUILTIN, plugin()])


def test_a_profile_that_weighs_it_lets_it_score(tmp_path: Path) -> None:
    prof = load_profile(profile(tmp_path, "attributes:\n  XPK-001: {weight: 5}\n"))
    models = attribute_models(prof, [*BUILTIN, plugin()])
    mine = next(m for m in models if m.code == "XPK-001")
    assert (mine.weight, dict(mine.values)) == (5.0, {"absent": 0, "stated": 100})


def test_a_plugin_claiming_a_fact_a_built_in_weighs_is_refused(tmp_path: Path) -> None:
    prof = load_profile(profile(tmp_path, "attributes:\n  XPK-001: {weight: 5}\n"))
    with pytest.raises(ConfigError, match="each fact may belong to one attribute"):
        attribute_models(prof, [*BUILTIN, plugin(("risk.threat_level",))])


@pytest.mark.parametrize(
    ("values", "wanted"),
    [
        ("{absent: 0}", "exactly once"),
        ("{absent: 10, stated: 100}", "from 0"),
        ("{absent: 0, stated: 90}", "to 100"),
    ],
)
def test_a_value_function_that_does_not_fit_is_located(
    tmp_path: Path, values: str, wanted: str
) -> None:
    prof = load_profile(
        profile(tmp_path, f"attributes:\n  XPK-001: {{weight: 5, values: {values}}}\n")
    )
    with pytest.raises(ConfigError) as err:
        attribute_models(prof, [*BUILTIN, plugin()])
    assert wanted in err.value.problems[0].message
    assert err.value.problems[0].location.line == 5


def test_a_weight_for_no_scoring_rule_is_refused(tmp_path: Path) -> None:
    prof = load_profile(profile(tmp_path, "attributes:\n  STR-001: {weight: 5}\n"))  # a gate
    with pytest.raises(ConfigError, match="no scoring rule 'STR-001'"):
        attribute_models(prof, BUILTIN)


def test_a_rule_cannot_declare_a_scale_that_runs_backwards() -> None:
    with pytest.raises(ValueError, match="worst to best"):
        Attribute("x", (("good", 100), ("bad", 0)), ("identity.summary",))
    assert dataclasses.is_dataclass(Attribute)
