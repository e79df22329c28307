"""Property tests for what issue 13 found: whatever a file name holds, whatever a rule
does, and whether a file starts with a byte-order mark, pso ends the same honest way."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pso_cli.api import build_engine, load_input, run_info, shown_name
from pso_cli.engine.assess import Engine, assess_loaded
from pso_cli.errors import InputError, Location, Problem
from pso_cli.escape import text as inert
from pso_cli.loading.load import proposal_from_bytes
from pso_cli.model.findings import Finding, Outcome
from pso_cli.model.run import Invalid, RunResult
from pso_cli.render import renderer
from pso_cli.rules import api
from pso_cli.rules.registry import Registry, RulePack

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "ramsi-2003.yaml"
SMALL = REPO / "examples" / "early-stage.yaml"  # few findings: quick to render
AS_OF = dt.date(2003, 7, 20)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ("text", "json", "jsonl", "sarif", "junit", "markdown", "github", "html")

# File names as the file system hands them over: any code point but NUL and '/', bytes
# that are not UTF-8 as lone surrogates (surrogateescape).
NAME_CHARS = st.characters(blacklist_characters="\x00/", blacklist_categories=("Cs",))
RAW_BYTES = st.binary(min_size=1, max_size=4).map(lambda b: b.decode("utf-8", "surrogateescape"))
NAMES = st.lists(NAME_CHARS | RAW_BYTES, min_size=1, max_size=12).map("".join)


@cache
def _engine() -> Engine:
    return build_engine(as_of=AS_OF)


@cache
def _small() -> Any:
    return load_input(str(SMALL))


@cache
def _assessed() -> Any:
    return assess_loaded(_engine(), load_input(str(SMALL)))


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if c not in "\n\t" and (ord(c) < 32 or 0x7F <= ord(c) < 0xA0)]


@FEW  # eight renderers each, the rich text report among them
@given(NAMES)
def test_any_file_name_renders_safely_in_every_format(raw: str) -> None:
    name = shown_name(f"dir/{raw}.yaml")
    assert name.isprintable()  # escaped once, where the input is named
    invalid = Invalid(name, (Problem(Location(name, 2, 3), "bad", "invalid"),))
    assessed = dataclasses.replace(_assessed(), path=name)
    run = RunResult(run_info(_engine()), (invalid, assessed), 3)
    for fmt in FORMATS:
        text = renderer(fmt)(run)
        text.encode("utf-8")  # strict: a lone surrogate would raise here
        assert not _raw_controls(text), fmt
        if fmt in ("json", "sarif"):
            json.loads(text)
        elif fmt == "jsonl":
            assert [json.loads(line) for line in text.splitlines()]
        elif fmt == "junit":
            ET.fromstring(text)
        elif fmt == "github":
            assert all(line.startswith("::") for line in text.splitlines())


class _Boom(BaseException):
    pass


RESULTS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda x: [api.new_finding(Outcome.SUPPORTS, "m", "identity.name", x)]
    ),
    st.lists(st.one_of(st.integers(), st.text(), st.none(), st.booleans()), max_size=3),
    st.text().map(lambda t: [api.concern("identity.name", t, 3)]),
    st.sampled_from([SystemExit(0), KeyboardInterrupt(), GeneratorExit(), _Boom(), ValueError()]),
)


@FEW  # each example runs every rule
@given(RESULTS)
def test_whatever_a_rule_returns_or_raises_the_assessment_completes(result: Any) -> None:
    def check(p: Any, ctx: Any) -> Iterable[Finding]:
        if isinstance(result, BaseException):
            raise result
        return result  # type: ignore[no-any-return]

    rule = api.Rule(
        code="FUZ-001",
        name="fuzz-rule",
        consideration=api.Consideration.STRATEGIC,
        title="t",
        rationale="r",
        reference=api.Reference("x"),
        check=check,
    )
    base = _engine()
    pack = RulePack("fuzz", "1", "fuzz", (rule,))
    rules = dict(sorted({**base.registry.rules, rule.code: rule}.items()))
    engine = Engine.build(Registry((*base.registry.packs, pack), rules), base.profile, AS_OF)
    a = assess_loaded(engine, _small())
    mine = [f for f in a.findings if f.rule == "FUZ-001"]
    assert all(math.isfinite(f.effect) for f in a.findings)
    assert all(inert(f.message) == f.message for f in mine)  # already inert
    if any(f.outcome == Outcome.ERROR for f in mine):
        assert len(mine) == 1
    json.loads(renderer("json")(RunResult(run_info(engine), (a,))))


@FAST
@given(st.binary(max_size=300))
def test_a_byte_order_mark_changes_nothing_but_itself(body: bytes) -> None:
    """With or without a BOM at the start, the same result at the same places."""
    assume(not body.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")))

    def outcome(data: bytes) -> Any:
        try:
            return proposal_from_bytes(data, "f.yaml").proposal
        except InputError as exc:
            return [(p.location.line, p.location.column, p.message) for p in exc.problems]

    assert outcome(b"\xef\xbb\xbf" + body) == outcome(body)
