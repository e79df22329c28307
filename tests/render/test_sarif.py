"""SARIF: valid against the 2.1.0 schema, stable, levels and rule indexes right."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import check_golden, with_fail_on

from pso_cli.model.run import RunResult
from pso_cli.render import sarif

SCHEMA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


def _doc(run: RunResult) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(sarif.render(run))
    return doc


def _results(run: RunResult) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = _doc(run)["runs"][0]["results"]
    return out


def test_golden(golden_run: RunResult) -> None:
    check_golden("report.sarif", sarif.render(golden_run))


def test_deterministic(golden_run: RunResult) -> None:
    assert sarif.render(golden_run) == sarif.render(golden_run)


@pytest.mark.parametrize("fail_on", ["do-not-recommend", "recommend", "never"])
def test_validates_against_sarif_schema(golden_run: RunResult, fail_on: str) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (shared schemas are not checked out)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_doc(with_fail_on(golden_run, fail_on)), schema)


def test_rule_indexes_point_at_their_rules(golden_run: RunResult) -> None:
    run = _doc(golden_run)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert {"PSO-VERDICT", "PSO-INPUT"} <= set(ids)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_levels(golden_run: RunResult) -> None:
    results = _results(golden_run)
    outcomes = {r["properties"].get("outcome") for r in results} - {None}
    assert outcomes <= {"concern", "blocker", "missing-information", "error"}
    by_rule = {(r["ruleId"], r["properties"].get("outcome")): r["level"] for r in results}
    assert by_rule[("LEG-001", "blocker")] == "error"
    assert by_rule[("STR-008", "missing-information")] == "note"
    assert by_rule[("AGY-005", "concern")] == "error"  # major (accepted: suppressed)
    inputs = [r for r in results if r["ruleId"] == "PSO-INPUT"]
    assert len(inputs) == 2 and all(r["level"] == "error" for r in inputs)


def test_verdict_level_follows_fail_on(golden_run: RunResult) -> None:
    def verdicts(fail_on: str) -> list[str]:
        results = _results(with_fail_on(golden_run, fail_on))
        return [r["level"] for r in results if r["ruleId"] == "PSO-VERDICT"]

    assert verdicts("do-not-recommend") == ["note", "error"]
    assert verdicts("recommend") == ["error", "error"]
    assert verdicts("never") == ["note", "note"]


def test_locations_relative_forward_slashes(golden_run: RunResult) -> None:
    for result in _results(golden_run):
        loc = result["locations"][0]["physicalLocation"]
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1


def test_accepted_concern_is_suppressed(golden_run: RunResult) -> None:
    accepted = [r for r in _results(golden_run) if "suppressions" in r]
    # AGY-005 rates the residual threat low and names the protection gap on the same
    # field: one concern (engine/scoring.py), so one suppressed result.
    assert [r["ruleId"] for r in accepted] == ["AGY-005"]
    assert accepted[0]["suppressions"][0]["status"] == "accepted"


def test_invocation_records_exit_code(golden_run: RunResult) -> None:
    inv = _doc(golden_run)["runs"][0]["invocations"][0]
    assert inv["exitCode"] == golden_run.exit_code == 3
    assert inv["executionSuccessful"] is False


def test_uri_escapes() -> None:
    assert sarif.uri("dir/my file.yaml") == "dir/my%20file.yaml"
    assert sarif.uri("tests/a-b_c.yaml") == "tests/a-b_c.yaml"
    # a backslash separates directories only where the system says so
    expected = "dir%5Cmy.yaml" if os.sep == "/" else "dir/my.yaml"
    assert sarif.uri("dir\\my.yaml") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("javascript:alert(1).yaml", "javascript%3Aalert(1).yaml"),
        ("data:text/html,x.yaml", "data%3Atext/html,x.yaml"),
        ("sub/c:d.yaml", "sub/c%3Ad.yaml"),
        ("caf\\xe9.yaml", "caf%5Cxe9.yaml"),  # how a name that is not UTF-8 is shown
    ],
)
def test_uri_is_a_relative_reference_never_a_scheme(name: str, expected: str) -> None:
    """RFC 3986: a relative reference whose first segment holds ':' reads as a scheme."""
    from urllib.parse import urlsplit

    got = sarif.uri(name)
    assert got == expected
    assert urlsplit(got).scheme == ""


def _rules(run: RunResult) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in _doc(run)["runs"][0]["tool"]["driver"]["rules"]}


def test_every_veto_is_a_driver_rule_with_its_title_and_source(golden_run: RunResult) -> None:
    rules = _rules(golden_run)
    assert golden_run.info.vetoes
    for v in golden_run.info.vetoes:
        r = rules[v.id]
        assert r["shortDescription"]["text"] == v.title
        assert v.source in r["fullDescription"]["text"]
        assert r["properties"] == {"kind": "veto", "verdict": v.verdict, "source": v.source}
        level = "error" if v.verdict == "do-not-recommend" else "warning"
        assert r["defaultConfiguration"]["level"] == level


def test_a_failed_veto_is_a_result_at_its_fact(golden_run: RunResult) -> None:
    vetoes = [r for r in _results(golden_run) if r["properties"].get("kind") == "veto"]
    assert [r["ruleId"] for r in vetoes] == ["duty-of-care-protection-gap"]
    (gap,) = vetoes
    assert gap["level"] == "warning"  # it forces further analysis
    region = gap["locations"][0]["physicalLocation"]["region"]
    field = gap["properties"]["field"]
    assert (region["startLine"], field) == (87, "risk.force_protection.adequacy")
    assert "To lift it: State how the force-protection gap is closed" in gap["message"]["text"]


def test_contested_and_unknown_legal_basis_are_warnings(tmp_path: Path) -> None:
    from conftest import assess

    run = assess(
        ("examples/history/basra-engineers-2003.yaml", "examples/history/afghanistan-sas-2001.yaml")
    )
    legal = [r for r in _results(run) if r["ruleId"] == "LEG-001"]
    assert [r["properties"]["gateStatus"] for r in legal] == ["contested", "unknown"]
    assert [r["properties"]["legalOutcome"] for r in legal] == ["contested", "unknown"]
    assert all(r["level"] == "warning" and r["properties"]["legalQuestions"] for r in legal)


def test_acceptances_not_applied_are_results(golden_run: RunResult) -> None:
    results = [r for r in _results(golden_run) if r["ruleId"] == "PSO-ACCEPTANCE"]
    statuses = [r["properties"]["status"] for r in results]
    assert statuses == ["unused", "expired", "refused-blocker", "retired", "unknown-rule"]
    assert [r["level"] for r in results] == ["note", *["warning"] * 4]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    text = (Path(__file__).parent / "fixtures" / "concerns.yaml").read_text(encoding="utf-8")
    rows = text.splitlines()
    for line, r in zip(lines, results, strict=True):
        assert rows[line - 1].strip().startswith("- rule:"), r


def test_verdict_properties_use_completeness(golden_run: RunResult) -> None:
    verdicts = [r for r in _results(golden_run) if r["ruleId"] == "PSO-VERDICT"]
    props = verdicts[1]["properties"]
    assert "confidence" not in props
    item = golden_run.items[1]
    assert props["completeness"] == item.completeness  # type: ignore[union-attr]
    assert (props["scoreLow"], props["scoreHigh"]) == (
        item.score_low,  # type: ignore[union-attr]
        item.score_high,  # type: ignore[union-attr]
    )
    assert props["legalOutcome"] == "unlawful" and props["asOf"] == "2030-06-01"
    run = _doc(golden_run)["runs"][0]
    bags = [run["properties"], *(r.get("properties", {}) for r in run["results"])]
    assert all("confidence" not in bag for bag in bags)


def test_every_bundled_example_validates() -> None:
    """Every example and history case, including the invalid ones, as one SARIF log."""
    from conftest import REPO, assess

    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    root = REPO / "examples"
    files = [*root.glob("*.yaml"), *(root / "history").glob("*.yaml")]
    files += (root / "invalid").glob("*.yaml")
    paths = sorted(str(p.relative_to(REPO)) for p in files if p.name != "commitments.yaml")
    run = assess(tuple(paths))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = _doc(run)
    jsonschema.validate(doc, schema)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    for result in doc["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


# GitHub code scanning (SARIF support for code scanning): help.text is required of each
# reportingDescriptor, help.markdown is what it shows beside an alert, helpUri is the
# "learn more" link, descriptions take at most 1024 characters and names 255.


def _descriptors(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every reportingDescriptor: the driver's and any extension's."""
    tool = doc["runs"][0]["tool"]
    found = list(tool["driver"].get("rules", []))
    for ext in tool.get("extensions", []):
        found += ext.get("rules", [])
    return found


def _with_docs(run: RunResult, url: str = "https://pso.example.org/docs") -> RunResult:
    """The run as if [project.urls] declared a documentation address."""
    import dataclasses

    return dataclasses.replace(run, info=dataclasses.replace(run.info, tool_url=url))


@pytest.fixture(scope="module")
def pack_run() -> RunResult:
    """A run with a rule pack (pso-pacific-extras): its rules are descriptors too."""
    import contextlib

    from conftest import REPO

    from pso_cli.api import run_assessment

    extras = REPO / "plugins" / "pso-pacific-extras"

    with contextlib.chdir(REPO):
        run = run_assessment(
            ["tests/rules/base.yaml"],
            profile=str(extras / "pacific-extras.yaml"),
            rules_files=[str(extras / "src" / "pso_pacific_extras" / "rules.py")],
        )
    assert any(r.code.startswith("PAC-") for r in run.info.rules)
    return run


def test_every_descriptor_has_help_text_and_markdown(
    golden_run: RunResult, pack_run: RunResult
) -> None:
    from pso_cli.render.sarif_rules import DESCRIPTION_LIMIT, NAME_LIMIT

    for run in (golden_run, pack_run, _with_docs(golden_run)):
        rules = _descriptors(_doc(run))
        ids = {r["id"] for r in rules}
        assert {"PSO-VERDICT", "PSO-FRAGILE", "PSO-ACCEPTANCE", "PSO-INPUT"} <= ids
        assert {v.id for v in run.info.vetoes} <= ids
        for rule in rules:
            help_ = rule.get("help", {})
            assert help_.get("text", "").strip(), rule["id"]
            assert help_.get("markdown", "").strip(), rule["id"]
            assert len(rule["shortDescription"]["text"]) <= DESCRIPTION_LIMIT
            assert len(rule["fullDescription"]["text"]) <= DESCRIPTION_LIMIT
            assert len(rule["name"]) <= NAME_LIMIT
            # what tells more: a pso command, as code in the Markdown
            assert "\n\nMore: pso " in help_["text"], rule["id"]
            assert "\n\nMore: `pso " in help_["markdown"], rule["id"]


def test_every_rule_and_veto_links_its_source(golden_run: RunResult) -> None:
    """The issue's list (AGY-006, ALT-002, ALT-010, LEG-001, LEG-007 had none): every
    built-in rule and every veto of the default profile has a helpUri, from its own
    address or the source it cites."""
    for rule in _descriptors(_doc(golden_run)):
        if rule["id"].startswith("PSO-"):
            continue
        assert rule.get("helpUri", "").startswith("https://"), rule["id"]
        assert rule["helpUri"] in rule["help"]["markdown"]
    from pso_cli.rules.builtin.common import cited_url

    assert cited_url("per LEG-001: MFAT, Peace support operations") is not None
    assert cited_url("something no one wrote") is None


def test_with_a_documentation_address_every_descriptor_has_a_help_uri(
    golden_run: RunResult,
) -> None:
    """informationUri and the PSO-* helpUri come from [project.urls]: with one declared,
    every descriptor (rules, vetoes, pso's own) links somewhere."""
    from pso_cli.render.sarif_rules import ANCHORS

    url = "https://pso.example.org/docs"
    doc = _doc(_with_docs(golden_run, url))
    assert doc["runs"][0]["tool"]["driver"]["informationUri"] == url
    for rule in _descriptors(doc):
        assert rule.get("helpUri", "").startswith("https://"), rule["id"]
        if rule["id"] in ANCHORS:
            assert rule["helpUri"] == f"{url}#{ANCHORS[rule['id']]}"


def test_the_pso_anchors_are_readme_sections() -> None:
    """Each README anchor a PSO-* helpUri points at is a heading of README.md (GitHub's
    slug: lower case, punctuation dropped, spaces as hyphens)."""
    import re

    from conftest import REPO

    from pso_cli.render.sarif_rules import ANCHORS, VETO_ANCHOR

    headings = re.findall(r"^#+ (.+)$", (REPO / "README.md").read_text(encoding="utf-8"), re.M)
    slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}
    for anchor in (*ANCHORS.values(), VETO_ANCHOR):
        assert anchor in slugs, anchor


def test_no_documentation_address_is_made_up(golden_run: RunResult) -> None:
    """pso declares no [project.urls] yet: no informationUri and no PSO-* helpUri, rather
    than an invented address."""
    from pso_cli.api import documentation_url

    assert golden_run.info.tool_url == documentation_url()
    doc = _doc(golden_run)
    driver = doc["runs"][0]["tool"]["driver"]
    if documentation_url() is None:
        assert "informationUri" not in driver
        pso_own = [r for r in driver["rules"] if r["id"].startswith("PSO-")]
        assert pso_own and all("helpUri" not in r for r in pso_own)
    else:
        assert driver["informationUri"] == documentation_url()


@pytest.fixture(scope="module")
def placed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunResult, Path, Path]:
    """Inputs given in every way a path can leave the working directory: absolute inside
    it, absolute elsewhere, `../` that stays inside, `../` that climbs out, and an invalid
    file elsewhere. Run in <tmp>/work/sub with the proposals in <tmp>/work and <tmp>/away."""
    import contextlib
    import shutil

    from conftest import AS_OF, REPO

    from pso_cli.api import run_assessment

    top = tmp_path_factory.mktemp("placed")
    work, away = top / "work", top / "away dir"
    sub = work / "sub"
    sub.mkdir(parents=True)
    away.mkdir()
    base = REPO / "tests" / "rules" / "base.yaml"
    shutil.copy(base, sub / "inside.yaml")
    shutil.copy(base, work / "up.yaml")
    shutil.copy(base, away / "elsewhere.yaml")
    shutil.copy(REPO / "tests" / "render" / "fixtures" / "invalid.yaml", away / "bad.yaml")
    paths = [
        str(sub / "inside.yaml"),  # absolute, under the working directory
        "../sub/inside.yaml",  # ../ that comes back in
        "../up.yaml",  # ../ out of it
        str(away / "elsewhere.yaml"),  # absolute, elsewhere
        "../../away dir/bad.yaml",  # invalid, and out
    ]
    with contextlib.chdir(sub):
        run = run_assessment(paths, as_of=AS_OF)
    assert [type(i).__name__ for i in run.items].count("Invalid") == 1
    return run, sub, top


def _artifact_locations(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if (
                key in ("artifactLocation", "location")
                and isinstance(value, dict)
                and "uri" in value
            ):
                found.append(value)
            else:
                found += _artifact_locations(value)
    elif isinstance(node, list):
        for value in node:
            found += _artifact_locations(value)
    return found


def test_every_uri_is_relative_to_a_declared_base(
    placed_run: tuple[RunResult, Path, Path],
) -> None:
    """No absolute path leaks and no `../` escapes: each uri is a relative reference with
    a uriBaseId declared in run.originalUriBaseIds, and base + uri is the file once the
    consumer resolves %SRCROOT% (GitHub: the repository root; here the directory pso ran
    in), which pso declares without writing where it is."""
    from urllib.parse import unquote, urljoin, urlsplit

    run, sub, top = placed_run
    doc = _doc(run)
    bases = doc["runs"][0]["originalUriBaseIds"]
    assert "uri" not in bases["%SRCROOT%"] and bases["%SRCROOT%"]["description"]["text"]

    def resolve(base_id: str) -> str:
        if base_id == "%SRCROOT%":
            return sub.as_uri() + "/"
        base = bases[base_id]
        assert base["uri"].endswith("/"), base
        if "uriBaseId" in base:
            assert not urlsplit(base["uri"]).scheme and not base["uri"].startswith("/")
            return urljoin(resolve(base["uriBaseId"]), base["uri"])
        assert base["uri"].startswith("file:///"), base
        return str(base["uri"])

    locations = _artifact_locations(doc["runs"][0]["artifacts"])
    locations += _artifact_locations(doc["runs"][0]["results"])
    assert len(locations) > len(run.items)
    for loc in locations:
        ref = loc["uri"]
        assert not ref.startswith("/") and not urlsplit(ref).scheme, ref
        assert ".." not in ref.split("/"), ref
        assert loc.get("uriBaseId") in bases, loc
        full = Path(unquote(urlsplit(urljoin(resolve(loc["uriBaseId"]), ref)).path))
        assert full.resolve().is_file(), full
    artifacts = doc["runs"][0]["artifacts"]
    uris = [(loc["uriBaseId"], loc["uri"]) for loc in _artifact_locations(artifacts)]
    assert uris == [
        ("%SRCROOT%", "inside.yaml"),  # once, though given twice (the schema's uniqueItems)
        ("INPUT1", "up.yaml"),
        ("INPUT2", "elsewhere.yaml"),
        ("INPUT2", "bad.yaml"),  # the same directory, though given another way
    ]
    assert bases["INPUT1"]["uri"] == "../" and bases["INPUT1"]["uriBaseId"] == "%SRCROOT%"
    assert bases["INPUT2"]["uri"] == (top / "away dir").as_uri() + "/"  # given absolute
    # the working directory appears nowhere (it was never given as such); the absolute
    # directory given for elsewhere.yaml only in originalUriBaseIds
    text = sarif.render(run)
    assert str(sub) not in text and sub.as_uri() not in text
    rest = {k: v for k, v in doc["runs"][0].items() if k != "originalUriBaseIds"}
    assert str(top) not in json.dumps(rest) and top.as_uri() not in json.dumps(rest)


def test_a_hand_built_run_declares_every_base() -> None:
    """With no working directory known, a relative `../` path still gets a declared
    base, relative to %SRCROOT%."""
    bases = sarif.Bases(None)
    assert bases.locate("a/b.yaml") == {"uri": "a/b.yaml", "uriBaseId": "%SRCROOT%"}
    assert bases.locate("../x/c.yaml") == {"uri": "c.yaml", "uriBaseId": "INPUT1"}
    assert bases.locate("/srv/d.yaml") == {"uri": "d.yaml", "uriBaseId": "INPUT2"}
    declared = bases.original()
    assert declared["INPUT1"]["uri"] == "../x/" and declared["INPUT1"]["uriBaseId"] == "%SRCROOT%"
    assert declared["INPUT2"]["uri"] == "file:///srv/"
    assert "uri" not in declared["%SRCROOT%"]


def test_inside_and_outside_the_working_directory() -> None:
    root = "/home/analyst/pso"
    assert sarif.inside("a/./b/../c.yaml", root) == os.path.join("a", "c.yaml")
    assert sarif.inside("/home/analyst/pso/x.yaml", root) == "x.yaml"
    assert sarif.inside("../pso/x.yaml", root) == "x.yaml"
    assert sarif.inside("../other/x.yaml", root) is None
    assert sarif.inside("/etc/x.yaml", root) is None
    assert sarif.inside("x/../../y.yaml", None) is None
    assert sarif.dir_uri("/home/a b") == "file:///home/a%20b/"


def test_placed_run_validates(placed_run: tuple[RunResult, Path, Path]) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (shared schemas are not checked out)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_doc(placed_run[0]), schema)


def test_help_and_docs_address_validate(golden_run: RunResult, pack_run: RunResult) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (shared schemas are not checked out)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for run in (_with_docs(golden_run), pack_run):
        jsonschema.validate(_doc(run), schema)
