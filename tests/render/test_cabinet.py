"""The Cabinet-paper draft, in Markdown and Word, for every bundled example.

Most tests build the draft from hand-made Assessments of each example (one per verdict,
with the example's real legal analysis), so they depend on no score: the paper must
take its verdict, legal outcome and conditions from whatever Assessment it is given.
One test also runs the engine itself on each example, when the engine builds.
The .docx is read back with python-docx: headings in order, the options table a real
table with a row per option, the recommendations a real numbered list, every
reference pointing at a real file:line; the Markdown footnotes all resolve.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from pso_cli.api import load_input
from pso_cli.errors import ConfigError, InputError, PsoError
from pso_cli.law import analyse
from pso_cli.loading.load import Loaded
from pso_cli.model.findings import (
    Assessment,
    AttributeValue,
    Consideration,
    ConsiderationResult,
    Finding,
    Gate,
    Outcome,
    Verdict,
)
from pso_cli.model.run import Invalid, RunInfo, RunResult
from pso_cli.render import cabinet_run
from pso_cli.render.cabinet import SECTION_TITLES, build_paper, load_commitments_summary
from pso_cli.render.cabinet_docx import SOURCES_TITLE, write_cabinet_docx
from pso_cli.render.cabinet_markdown import render_cabinet_markdown
from pso_cli.render.cabinet_model import segments

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    str(p.relative_to(REPO))
    for p in (REPO / "examples").glob("*.yaml")
    if "pso_format:" in p.read_text(encoding="utf-8")
)
COMMITMENTS = "examples/commitments/nz-2016.yaml"
FOOTNOTE = re.compile(r"^\[\^(\d+)\]: (.+):(\d+) — (.+)$")
SOURCE = re.compile(r"^(\d+)\t(.+):(\d+) — (.+)$")
WHOLE = "the proposal as a whole"
MITIGATION = (
    "State how the force-protection gap is closed before deployment "
    "(risk.force_protection.mitigation)."
)
TRIGGERS = "Set triggers for reinforcing force protection or withdrawing if the threat grows."


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def load(path: str) -> Loaded:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(REPO)
        return load_input(path)


def line_of(loaded: Loaded, field: str) -> int:
    return loaded.source_map.value(segments(field))[0]


def hand_built(loaded: Loaded, verdict: Verdict, reason: str = "") -> Assessment:
    """An Assessment of `loaded` as the engine would shape it, with the given verdict."""
    p, path = loaded.proposal, loaded.path
    day = p.identity.decision_date or dt.date(2030, 6, 1)
    legal = analyse(p, day)
    fp = line_of(loaded, "risk.force_protection.adequacy")
    gates = (
        Gate("LEG-001", "The mission has a basis in international law where it acts",
             "passed" if legal.outcome.value == "lawful" else "failed", legal.field,
             line_of(loaded, legal.field), 1),
        Gate("duty-of-care-protection", "Force protection is adequate to a high or extreme threat",
             "unknown" if verdict is Verdict.FURTHER_ANALYSIS else "passed",
             "risk.force_protection.adequacy", fp, 1, kind="veto"),
    )  # fmt: skip
    concern = Finding(
        Outcome.CONCERN, "Force protection is thin.", "risk.force_protection.adequacy",
        condition=TRIGGERS,
        rule="AGY-005", consideration=Consideration.AGENCIES, line=fp,
    )  # fmt: skip
    missing = Finding(
        Outcome.MISSING, "The cost of the contribution is not stated.", "contribution",
        rule="AGY-008", consideration=Consideration.AGENCIES, line=line_of(loaded, "contribution"),
    )  # fmt: skip
    threat = line_of(loaded, "risk.threat_level")
    must = (("risk.threat_level", threat, 1),) if verdict is Verdict.FURTHER_ANALYSIS else ()
    results = (
        ConsiderationResult(Consideration.STRATEGIC, 72.0, 0.8, 0.3, (), 60.0, 85.0),
        ConsiderationResult(Consideration.LEGALITY, 90.0, 1.0, 0.3, (), 90.0, 90.0),
        ConsiderationResult(Consideration.AGENCIES, None, 0.0, 0.2, ()),
        ConsiderationResult(Consideration.ALTERNATIVES, 55.0, 1.0, 0.2, (), 55.0, 55.0),
    )
    attrs = (
        AttributeValue("STR-009", Consideration.STRATEGIC, "Pacific priority", "pacific", 100.0,
                       10.0, 7.0, "location.region", line_of(loaded, "location.region"), 1),
    )  # fmt: skip
    return Assessment(
        path=path, sha256=loaded.sha256, proposal_id=p.identity.id, name=p.identity.name,
        host=None, lead=None, verdict=verdict, reason=reason or f"Hand-built: {verdict.value}.",
        score=70.0, completeness=0.75, considerations=results, gates=gates,
        findings=(concern, missing),
        conditions=(concern.condition or "", MITIGATION), legal=legal, missing_facts=must,
        attributes=attrs, as_of=day.isoformat(), score_low=55.0, score_high=80.0,
    )  # fmt: skip


CASES = [(path, v) for path in EXAMPLES for v in Verdict]


def _id(case: tuple[str, Verdict]) -> str:
    return f"{Path(case[0]).stem}-{case[1].value}"


def markdown_of(path: str, verdict: Verdict) -> tuple[str, Loaded]:
    loaded = load(path)
    return render_cabinet_markdown(hand_built(loaded, verdict), loaded), loaded


def docx_of(path: str, verdict: Verdict, tmp_path: Path) -> tuple[Document, Loaded, Assessment]:
    loaded = load(path)
    a = hand_built(loaded, verdict)
    out = tmp_path / f"{Path(path).stem}-{verdict.value}.docx"
    write_cabinet_docx(a, loaded, str(out))
    return docx.Document(str(out)), loaded, a


def test_every_example_is_covered() -> None:
    assert len(EXAMPLES) >= 8
    assert "examples/ramsi-2003.yaml" in EXAMPLES
    assert COMMITMENTS not in EXAMPLES


# --- Markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_markdown_sections_in_order(case: tuple[str, Verdict]) -> None:
    text, _ = markdown_of(*case)
    lines = text.splitlines()
    assert lines[0] == "**\\[IN CONFIDENCE — draft for officials\\]**"
    assert [ln[3:] for ln in lines if ln.startswith("## ")] == list(SECTION_TITLES)
    assert sum(ln.startswith("# ") for ln in lines) == 1


def _check_source(path: str, line: int, field: str) -> None:
    """A reference names a real file and line, and the field's key or an ancestor is there."""
    lines = (REPO / path).read_text(encoding="utf-8").splitlines()
    assert 1 <= line <= len(lines), f"{path}:{line} is past the end of the file"
    if field == WHOLE:
        assert line == 1
        return
    field = field.replace("\\", "")
    if path == COMMITMENTS:
        assert field.startswith("deployments")
        return
    smap = load(path).source_map
    path_ = segments(field)
    candidates = {smap.value(path_[:n])[0] for n in range(len(path_) + 1)}
    assert line in candidates, f"{path}:{line} is not where {field} (or its parent) is"


@pytest.mark.parametrize("path", EXAMPLES)
def test_markdown_footnotes_resolve(path: str) -> None:
    loaded = load(path)
    text = render_cabinet_markdown(
        hand_built(loaded, Verdict.WITH_CONDITIONS), loaded, load_commitments_summary(COMMITMENTS)
    )
    body, _, _ = text.partition("\n[^1]: ")
    defs = [m for ln in text.splitlines() if (m := FOOTNOTE.match(ln))]
    numbers = [int(m.group(1)) for m in defs]
    assert numbers == list(range(1, len(defs) + 1))
    cited = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)}
    assert cited == set(numbers), "every footnote is cited and every citation defined"
    for m in defs:
        _check_source(m.group(2), int(m.group(3)), m.group(4))


def test_markdown_numbered_paragraphs_and_recommendations() -> None:
    text, _ = markdown_of("examples/ramsi-2003.yaml", Verdict.WITH_CONDITIONS)
    recs = text.split("## Recommendations", 1)[1].split("## Background", 1)[0]
    items = re.findall(r"^(\d+)\. (\w+)", recs, re.M)
    assert [int(n) for n, _ in items] == list(range(1, len(items) + 1))
    assert [verb for _, verb in items] == ["note", "note", "agree", "authorise", "direct"]
    assert "subject to the following conditions:" in recs
    assert "    - Set triggers for reinforcing force protection" in recs
    paragraphs = [int(n) for n in re.findall(r"^(\d+)\. ", text.split("## Background")[1], re.M)]
    assert paragraphs == sorted(paragraphs) and paragraphs[0] > 1


# --- Recommendations by verdict ------------------------------------------------------------


def _recs(text: str) -> list[str]:
    recs = text.split("## Recommendations", 1)[1].split("## Background", 1)[0]
    return re.findall(r"^\d+\. (.+)$", recs, re.M)


def test_recommend_agrees_and_authorises() -> None:
    recs = _recs(markdown_of("examples/ramsi-2003.yaml", Verdict.RECOMMEND)[0])
    assert recs[0].startswith("note the proposal that New Zealand contribute to the Regional")
    assert recs[1].startswith("note that officials' legal analysis finds a basis in international")
    assert "for confirmation by legal advisers" in recs[1]
    assert recs[2].startswith("agree to a New Zealand contribution of 230 NZDF, 35 NZ Police")
    assert "subject to" not in recs[2]
    assert recs[3].startswith("authorise the deployment of up to 230 NZDF")
    assert recs[-1].startswith("direct officials to report back to Cabinet by 31 October 2003")
    assert recs[-1].endswith(".") and all(r.endswith(";") for r in recs[:-1])


def test_further_analysis_directs_a_report_back_naming_facts_and_questions() -> None:
    text, _ = markdown_of("examples/early-stage.yaml", Verdict.FURTHER_ANALYSIS)
    recs = _recs(text)
    assert recs[2].startswith("note that officials cannot yet advise on the contribution")
    assert recs[3] == "direct officials to report back to Cabinet, before a decision, on:"
    block = text.split(recs[3], 1)[1]
    assert "    - The threat to deployed personnel." in block  # the must-have fact
    assert "    - State the legal basis: Security Council resolutions" in block  # the question
    assert not any(r.startswith(("agree to", "authorise")) for r in recs)


def test_do_not_recommend_notes_declines_and_directs_other_help() -> None:
    text, loaded = markdown_of("examples/no-legal-basis.yaml", Verdict.DO_NOT_RECOMMEND)
    recs = _recs(text)
    assert recs[2].startswith("note that officials do not recommend the contribution: hand-built")
    assert recs[3].startswith("agree that New Zealand not contribute personnel to the Coalition")
    assert recs[4] == "direct officials to advise on other ways New Zealand could help, including:"
    for alt in loaded.proposal.alternatives or []:
        assert f"    - {alt.description}" in text
    assert not any(r.startswith("authorise") for r in recs)


# --- Word ---------------------------------------------------------------------------------


def _headings(doc: Document, style: str = "Heading 1") -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == style]


def _options_table(doc: Document) -> list[list[str]]:
    tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Option"]
    assert len(tables) == 1
    return [[c.text for c in row.cells] for row in tables[0].rows]


def _num_id(doc: Document, style_name: str) -> str:
    style = doc.styles[style_name]
    num = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    assert num is not None, f"{style_name} is not a numbered style"
    return str(num.get(qn("w:val")))


def _num_format(doc: Document, num_id: str) -> str:
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    return str(abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")))


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_docx_reads_back_with_the_sections_tables_and_numbering(
    case: tuple[str, Verdict], tmp_path: Path
) -> None:
    doc, loaded, a = docx_of(*case, tmp_path)
    assert doc.paragraphs[0].text == "[IN CONFIDENCE — draft for officials]"
    assert len(_headings(doc, "Title")) == 1
    assert _headings(doc) == [*SECTION_TITLES, SOURCES_TITLE]
    rows = _options_table(doc)
    alternatives = loaded.proposal.alternatives or []
    assert len(rows) == 1 + 1 + len(alternatives) + 1  # header, proposal, each, decline
    assert [r[0].split(".")[0] for r in rows[1:]] == [str(i) for i in range(1, len(rows))]
    assert rows[-1][0].startswith(f"{len(rows) - 1}. Decline, and help in other ways")
    paper = build_paper(a, loaded)
    recs = next(
        b for s in paper.sections for b in s.blocks if type(b).__name__ == "Recommendations"
    )
    recommendation = ("List Number", "List Number Lead")
    numbered = [p for p in doc.paragraphs if p.style is not None and p.style.name in recommendation]
    assert len(numbered) == len(recs.items)  # type: ignore[union-attr]
    assert all(p.text.split(" ")[0] in ("note", "agree", "authorise", "direct") for p in numbered)
    assert _num_format(doc, _num_id(doc, "List Number")) == "decimal"
    assert _num_format(doc, _num_id(doc, "Cabinet Paragraph")) == "decimal"
    assert _num_id(doc, "List Number") != _num_id(doc, "Cabinet Paragraph")
    assert _num_id(doc, "List Number Lead") == _num_id(doc, "List Number")  # one list


@pytest.mark.parametrize("path", EXAMPLES)
def test_docx_references_point_at_real_lines(path: str, tmp_path: Path) -> None:
    doc, _, _ = docx_of(path, Verdict.WITH_CONDITIONS, tmp_path)
    entries = [
        m for p in doc.paragraphs if p.style.name == "Source" and (m := SOURCE.match(p.text))
    ]
    assert [int(m.group(1)) for m in entries] == list(range(1, len(entries) + 1))
    for m in entries:
        _check_source(m.group(2), int(m.group(3)), m.group(4))
    cited: set[int] = set()
    cells = [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for paragraph in [*doc.paragraphs, *cells]:
        for run in paragraph.runs:
            if run.style is not None and run.style.name == "Source Reference":
                cited.update(int(n) for n in run.text.split(","))
    assert cited == set(range(1, len(entries) + 1))


def test_docx_options_score_only_the_proposal(tmp_path: Path) -> None:
    doc, _, _ = docx_of("examples/ramsi-2003.yaml", Verdict.RECOMMEND, tmp_path)
    rows = _options_table(doc)
    assert rows[0][4:] == ["Strategic", "Legality", "Agencies", "Alternatives"]
    assert re.sub(r"[\d,]+$", "", rows[1][4]) == "72 (60–85)"
    assert rows[1][6].startswith("facts not stated")
    for row in rows[2:]:
        assert row[4:] == ["not assessed"] * 4
    assert rows[2][2].startswith("high") and rows[2][3].startswith("Would not meet the objective")


def test_docx_uses_styles_not_direct_formatting(tmp_path: Path) -> None:
    doc, _, _ = docx_of("examples/ramsi-2003.yaml", Verdict.WITH_CONDITIONS, tmp_path)
    body = doc.element.body
    for rpr in body.iter(qn("w:rPr")):
        assert {child.tag for child in rpr} <= {qn("w:rStyle")}
    for ppr in body.iter(qn("w:pPr")):
        assert {child.tag for child in ppr} <= {qn("w:pStyle"), qn("w:sectPr")}
    assert doc.tables and all(
        t.style is not None and t.style.name == "Table Grid" for t in doc.tables
    )


# --- Escaping -----------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> | *bold* _em_ [x](javascript:evil) https://evil.example www.evil.example @here `tick`"  # noqa: E501


@pytest.fixture
def hostile(tmp_path: Path) -> Loaded:
    text = (REPO / "examples/ramsi-2003.yaml").read_text(encoding="utf-8")
    quoted = HOSTILE.replace('"', '\\"')
    text = text.replace(
        "name: Regional Assistance Mission to Solomon Islands (RAMSI)", f'name: "{quoted}"'
    )
    text = text.replace("  host: Solomon Islands\n", '  host: "Evil <b>Land</b> | x"\n')
    objective = '    - "line one\\n# Not a heading\\n- not an item\\n\\t1. not a number"\n'
    text = text.replace("    - Rebuild the Royal Solomon Islands Police\n", objective)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_input(str(path))
    assert loaded.proposal.identity.name == HOSTILE
    return loaded


def test_hostile_text_is_escaped_in_markdown(hostile: Loaded) -> None:
    text = render_cabinet_markdown(hand_built(hostile, Verdict.WITH_CONDITIONS), hostile)
    assert "<script" not in text and "<b>" not in text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\* \\_em\\_ \\[x\\](javascript:evil)"
        in text
    )
    # render.markdown.escape: a backslash before the ':' of '://' and the '.' of 'www.',
    # and a zero-width space after an @ entity, so that no renderer links or mentions.
    assert "https\\://evil.example" in text and "www\\.evil.example" in text
    assert "https://" not in text.split("\n[^1]:")[0] and "&#64;&#8203;here" in text
    assert "@" not in text
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_FOOTNOTES)
    links = re.findall(r'<a href="([^"]*)"', html)
    assert links and all(re.fullmatch(r"#fn(ref)?-[0-9-]+", h) for h in links), links
    assert "Evil &lt;b&gt;Land&lt;/b&gt; \\| x" in text
    lines = text.splitlines()
    assert not any(ln.startswith(("# Not", "- not an item", "1. not a")) for ln in lines)
    assert "- Line one \\# Not a heading - not an item 1. not a number." in text
    table = [ln for ln in lines if ln.startswith("| 1. Contribute")]
    assert table and table[0].count(" | ") == 7  # no cell broken by a '|' from the file


def test_hostile_text_is_plain_text_in_word(hostile: Loaded, tmp_path: Path) -> None:
    a = hand_built(hostile, Verdict.WITH_CONDITIONS, reason="Bell \x07 and \ufffe end.")
    out = tmp_path / "hostile.docx"
    write_cabinet_docx(a, hostile, str(out))
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert HOSTILE in doc.paragraphs[[p.style.name for p in doc.paragraphs].index("Title")].text
    assert "Bell \ufffd and \ufffd end." in text
    xml = doc.element.xml
    assert "<w:hyperlink" not in xml and "<script" not in xml
    assert "Line one # Not a heading - not an item 1. not a number." in text


# --- Prose, commitments, wiring ------------------------------------------------------------

FIELD_IN_PROSE = re.compile(
    r"\b(identity|location|leadership|legal_basis|strategic|contribution|risk|alternatives)"
    r"(\.[a-z_]|\[\d+\])"
)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_no_field_names_or_placeholders_in_prose(case: tuple[str, Verdict]) -> None:
    text, _ = markdown_of(*case)
    prose = text.split("\n[^1]: ")[0].replace("\\_", "_")
    assert not FIELD_IN_PROSE.search(prose), FIELD_IN_PROSE.search(prose)
    assert not re.search(r"\bNone\b|\bTBD\b|\bnan\b|does-not|regional-organisation|un-led", prose)


def test_commitments_summary_in_agency_implications() -> None:
    loaded = load("examples/ramsi-2003.yaml")
    a = hand_built(loaded, Verdict.RECOMMEND)
    with_file = render_cabinet_markdown(a, loaded, load_commitments_summary(COMMITMENTS))
    assert "Current deployments as at 20 December 2016 in the proposed period:" in with_file
    footnote = r"^\[\^\d+\]: examples/commitments/nz-2016\.yaml:\d+ — deployments\\\[\d+\\\]$"
    assert re.search(footnote, with_file, re.M)
    without = render_cabinet_markdown(a, loaded)
    assert "Pacific emergencies were not checked" in without


def test_the_paper_follows_the_assessment_not_the_facts() -> None:
    loaded = load("examples/ramsi-2003.yaml")
    go = render_cabinet_markdown(hand_built(loaded, Verdict.RECOMMEND), loaded)
    stop = render_cabinet_markdown(hand_built(loaded, Verdict.DO_NOT_RECOMMEND), loaded)
    assert "Officials recommend the contribution." in go
    assert "Officials do not recommend the contribution." in stop
    assert go != stop


def test_docx_write_is_atomic_and_located_on_failure(tmp_path: Path) -> None:
    loaded = load("examples/ramsi-2003.yaml")
    a = hand_built(loaded, Verdict.RECOMMEND)
    with pytest.raises(ConfigError):
        write_cabinet_docx(a, loaded, str(tmp_path / "missing-dir" / "paper.docx"))
    assert not list(tmp_path.iterdir())
    out = tmp_path / "paper.docx"
    write_cabinet_docx(a, loaded, str(out))
    assert out.read_bytes()[:2] == b"PK" and [p.name for p in tmp_path.iterdir()] == ["paper.docx"]


def test_same_paper_same_bytes(tmp_path: Path) -> None:
    loaded = load("examples/ramsi-2003.yaml")
    a = hand_built(loaded, Verdict.WITH_CONDITIONS)
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_cabinet_docx(a, loaded, str(first))
    write_cabinet_docx(a, loaded, str(second))
    assert first.read_bytes() == second.read_bytes()
    props = docx.Document(str(first)).core_properties
    assert props.created is not None and props.created.date().isoformat() == a.as_of
    assert render_cabinet_markdown(a, loaded) == render_cabinet_markdown(a, loaded)


def test_markdown_needs_no_python_docx() -> None:
    code = "import sys, pso_cli.render.cabinet_markdown; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _engine_or_skip() -> object:
    from pso_cli.api import build_engine

    try:
        return build_engine(commitments=COMMITMENTS)
    except (ImportError, PsoError) as exc:  # the rules are being ported to the value model
        pytest.skip(f"the engine does not build on this branch yet: {str(exc)[:120]}")


@pytest.mark.parametrize("path", EXAMPLES)
def test_engine_assessments_render(path: str, tmp_path: Path) -> None:
    engine = _engine_or_skip()
    from pso_cli.engine.assess import assess_loaded

    loaded = load(path)
    a = assess_loaded(engine, loaded)  # type: ignore[arg-type]
    text = render_cabinet_markdown(a, loaded, load_commitments_summary(COMMITMENTS))
    assert [ln[3:] for ln in text.splitlines() if ln.startswith("## ")] == list(SECTION_TITLES)
    out = tmp_path / "paper.docx"
    write_cabinet_docx(dataclasses.replace(a), loaded, str(out))
    assert _headings(docx.Document(str(out))) == [*SECTION_TITLES, SOURCES_TITLE]


# --- The run adapter (what the format registry calls) --------------------------------------


def _run(*items: Assessment | Invalid, commitments: str | None = None) -> RunResult:
    info = RunInfo("0", "nz-default", "0" * 64, "criteria/nz-default.yaml", "2030-06-01", (), (),
                   commitments=commitments)  # fmt: skip
    return RunResult(info, items)


def test_run_render_reads_each_assessed_file_again() -> None:
    ramsi, tonga = load("examples/ramsi-2003.yaml"), load("examples/tonga-2006.yaml")
    bad = Invalid("tests/fixtures/invalid/empty.yaml", ())
    run = _run(hand_built(ramsi, Verdict.RECOMMEND), hand_built(tonga, Verdict.FURTHER_ANALYSIS),
               bad, commitments=COMMITMENTS)  # fmt: skip
    text = cabinet_run.render(run)
    assert text.count("## Purpose") == 2 and text.count("\n---\n") == 2
    assert "Current deployments as at 20 December 2016" in text
    assert "Not assessed, so no draft: tests/fixtures/invalid/empty.yaml (invalid input)." in text


def test_run_render_refuses_a_file_changed_since_it_was_assessed(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text((REPO / "examples/ramsi-2003.yaml").read_text(encoding="utf-8"))
    a = hand_built(load_input(str(path)), Verdict.RECOMMEND)
    path.write_text(path.read_text() + "# edited\n")
    with pytest.raises(InputError, match="changed after it was assessed"):
        cabinet_run.render(_run(a))
    kept = _run(a)
    kept.extras["loaded"] = {a.path: load_input(str(path))}  # the caller's own copy
    assert "## Purpose" in cabinet_run.render(kept)


def test_run_docx_one_file_per_proposal(tmp_path: Path) -> None:
    ramsi, tonga = load("examples/ramsi-2003.yaml"), load("examples/tonga-2006.yaml")
    one = tmp_path / "paper.docx"
    cabinet_run.write_docx(_run(hand_built(ramsi, Verdict.RECOMMEND)), str(one))
    assert _headings(docx.Document(str(one)))[0] == "Purpose"
    two = _run(hand_built(ramsi, Verdict.RECOMMEND), hand_built(tonga, Verdict.RECOMMEND))
    cabinet_run.write_docx(two, str(tmp_path / "batch.docx"))
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["batch-ramsi-2003.docx", "batch-tonga-2006.docx", "paper.docx"]


def test_legal_basis_names_who_advised_and_asks_for_confirmation(tmp_path: Path) -> None:
    text = (REPO / "examples/ramsi-2003.yaml").read_text(encoding="utf-8")
    advice = (
        "  legal_advice:\n"
        "    - {by: MFAT Legal Division, date: 2003-07-20, conclusion: lawful,"
        " summary: Consent of the Solomon Islands Government suffices.}\n"
    )
    text = text.replace("strategic:\n", advice + "strategic:\n", 1)
    path = tmp_path / "advised.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_input(str(path))
    md = render_cabinet_markdown(hand_built(loaded, Verdict.RECOMMEND), loaded)
    legal = md.split("## Legal basis", 1)[1].split("## Risks", 1)[0]
    assert (
        "- MFAT Legal Division, 20 July 2003, concluded that there is a lawful basis: Consent"
        in legal
    )
    assert re.search(r"^\d+\. For confirmation by legal advisers\.$", legal, re.M)
    assert "Status of forces: signed — Status provisions of the Townsville agreement" in legal


def test_costs_per_agency_and_total_say_not_stated_where_unknown() -> None:
    text, _ = markdown_of("examples/unmiss-staff-officers.yaml", Verdict.RECOMMEND)
    costs = text.split("## Costs and funding", 1)[1].split("## Consultation", 1)[0]
    assert re.search(
        r"^\| NZDF\[\^\d+\] \| \\\$1\.5 million\[\^\d+\] \| Vote Defence Force", costs, re.M
    )
    assert re.search(r"^\| \*\*Total\*\* \| \\\$1\.5 million\[", costs, re.M)  # \$: no maths
    text, _ = markdown_of("examples/ramsi-2003.yaml", Verdict.RECOMMEND)
    costs = text.split("## Costs and funding", 1)[1].split("## Consultation", 1)[0]
    assert costs.count("| not stated[") == 4  # three agencies and the total


def test_field_paths_in_the_assessments_words_become_labels_and_sources() -> None:
    loaded = load("examples/ramsi-2003.yaml")
    why = "Facts pso must have to advise are unknown: risk.threat_level, leadership.partners."
    text = render_cabinet_markdown(hand_built(loaded, Verdict.FURTHER_ANALYSIS, why), loaded)
    prose = text.split("\n[^1]: ")[0]
    assert "unknown: the threat to deployed personnel, the partner nations contributing." in prose
    assert "risk.threat" not in prose and "leadership.partners" not in prose
    assert (
        f"examples/ramsi-2003.yaml:{line_of(loaded, 'leadership.partners')} — leadership.partners"
        in text
    )
    assert "State how the force-protection gap is closed before deployment.[^" in prose
