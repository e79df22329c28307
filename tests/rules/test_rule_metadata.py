"""Rule metadata: every rule explains itself and rests on a cited source.

And "encode the policy, never an example": no rule module names a real operation or
country, except inside a quoted MFAT policy passage.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import CODE_PATTERN, NAME_PATTERN, Rule
from pso_cli.rules.registry import build_registry

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
POLICY = REPO.parent / "shared" / "policy" / "mfat-peace-support-operations.txt"
REGISTRY = build_registry(use_plugins=False)
RULES = list(REGISTRY.rules.values())
IDS = [r.code for r in RULES]
DENYLIST = re.compile(
    r"\b(Solomon|Bougainville|Timor|Tonga|Fiji|Iraq|Libya|Sinai|Afghanistan|RAMSI|"
    r"South\s+Sudan|Korea|Kosovo|Bosnia|Cambodia|Somalia|Rwanda|Egypt|Israel|Taji)",
    re.IGNORECASE,
)
QUOTED = re.compile(r"\"([^\"]{8,})\"|“([^”]{8,})”|'([^']{20,})'")


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def policy() -> str:
    if not POLICY.is_file():
        pytest.skip(f"policy text not found at {POLICY}")
    return squash(POLICY.read_text(encoding="utf-8"))


def test_there_are_at_least_40_rules() -> None:
    assert len(RULES) >= 40


@pytest.mark.parametrize("r", RULES, ids=IDS)
def test_rule_explains_itself(r: Rule) -> None:
    assert CODE_PATTERN.match(r.code)
    assert NAME_PATTERN.match(r.name)
    assert r.title.strip()
    assert len(r.rationale.strip()) >= 40, "rationale too thin to justify the rule"
    assert r.reference.source.strip()
    assert str(r.reference).strip()
    assert r.reads, "a rule must declare the fields it reads"
    assert r.example.strip(), "a rule must show an example that makes it fire"


@pytest.mark.parametrize("r", RULES, ids=IDS)
def test_rule_example_is_valid_yaml_patch(r: Rule) -> None:
    patch = yaml.safe_load(r.example)
    assert isinstance(patch, dict) and patch


def _field_exists(model: typing.Any, dotted: str) -> bool:
    """Does a reads path ('a.b[].c', '*' for any field) name fields of the model?"""
    if not dotted:
        return True
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return False
    part, _, rest = dotted.partition(".")
    name = part.split("[", 1)[0]
    if name == "*":
        return any(
            _field_exists(_inner_model(info.annotation), rest)
            for info in model.model_fields.values()
        )
    info = model.model_fields.get(name)
    if info is None:
        return False
    return not rest or _field_exists(_inner_model(info.annotation), rest)


def _inner_model(tp: typing.Any) -> typing.Any:
    origin = typing.get_origin(tp)
    if origin is None:
        return tp
    for arg in typing.get_args(tp):
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return None


@pytest.mark.parametrize("r", RULES, ids=IDS)
def test_rule_reads_real_fields(r: Rule) -> None:
    unknown = [f for f in r.reads if not _field_exists(Proposal, f)]
    assert unknown == []


def test_every_rule_has_a_test_case() -> None:
    cases = "\n".join(p.read_text(encoding="utf-8") for p in (HERE / "cases").glob("*/*.yaml"))
    untested = [r.code for r in RULES if f"rule: {r.code}" not in cases]
    assert untested == []


def test_gates_are_critical() -> None:
    gates = [r for r in RULES if r.gate]
    assert {r.code for r in gates} >= {"LEG-001", "STR-001"}
    assert all(r.severity == "critical" for r in gates)


MFAT_RULES = [r for r in RULES if r.reference.source.startswith("MFAT")]


def test_some_rules_rest_on_the_mfat_policy() -> None:
    assert len(MFAT_RULES) >= 10


@pytest.mark.parametrize("r", MFAT_RULES, ids=[r.code for r in MFAT_RULES])
def test_mfat_passages_are_quoted_verbatim(r: Rule, policy: str) -> None:
    assert r.reference.passage.strip(), "an MFAT reference must quote the passage"
    assert squash(r.reference.passage) in policy


def _strip_policy_quotes(text: str, policy: str) -> str:
    """Remove quoted passages that appear verbatim in the MFAT policy text."""

    def drop(m: re.Match[str]) -> str:
        inner = next(g for g in m.groups() if g is not None)
        return "" if squash(inner) in policy else m.group(0)

    return QUOTED.sub(drop, text)


def _module_texts(path: Path, policy: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal, comment and name, policy quotes removed."""
    source = path.read_text(encoding="utf-8")
    out: list[tuple[int, str]] = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING:
            try:
                value = ast.literal_eval(tok.string)
            except (ValueError, SyntaxError):  # f-strings and the like: check them raw
                value = tok.string
            text = str(value)
            if squash(text) and squash(text) in policy:
                continue
            out.append((tok.start[0], _strip_policy_quotes(text, policy)))
        elif tok.type in (tokenize.COMMENT, tokenize.NAME):
            out.append((tok.start[0], _strip_policy_quotes(tok.string, policy)))
        elif getattr(tokenize, "FSTRING_MIDDLE", None) == tok.type:
            out.append((tok.start[0], tok.string))
    return out


BUILTIN = REPO / "src" / "pso_cli" / "rules" / "builtin"
RULE_FILES = sorted(BUILTIN.rglob("*.py"))


@pytest.mark.parametrize("path", RULE_FILES, ids=[str(p.relative_to(BUILTIN)) for p in RULE_FILES])
def test_rule_modules_name_no_real_operation_or_country(path: Path, policy: str) -> None:
    hits = [
        f"{path.name}:{line}: {m.group(0)}"
        for line, text in _module_texts(path, policy)
        for m in DENYLIST.finditer(text)
    ]
    assert hits == [], "rules must encode the policy, never an example"


def test_the_denylist_check_catches_names_and_spares_policy_quotes(
    policy: str, tmp_path: Path
) -> None:
    sample = (
        '"""Like RAMSI."""\n'
        'PASSAGE = "such as the Regional Assistance Mission to Solomon Islands (RAMSI)"\n'
        "# our Sinai case, unquoted\n"
        'DOC = """The policy: "including Afghanistan, Sinai, South Korea, and South Sudan"."""\n'
        "if host == 'Fiji':\n    pass\n"
    )
    probe = tmp_path / "probe.py"
    probe.write_text(sample, encoding="utf-8")
    found = [m.group(0) for _, t in _module_texts(probe, policy) for m in DENYLIST.finditer(t)]
    assert found == ["RAMSI", "Sinai", "Fiji"]


WILDCARD_READS = sorted({f for r in RULES for f in r.reads if "*" in f})


@pytest.mark.parametrize("fact", WILDCARD_READS or ["(none)"])
def test_wildcard_reads_name_facts_of_the_format(fact: str) -> None:
    from pso_cli.engine.facts import stated

    base = Proposal.model_validate(yaml.safe_load((HERE / "base.yaml").read_text()))
    assert stated(base, fact)
